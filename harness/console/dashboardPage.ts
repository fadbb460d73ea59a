/// <reference lib="dom" />
/**
 * The harness's Live Agent Dashboard page (browser side), `/dashboard?agents=N&seed=S` on the Lightning
 * origin: an app page with `c-live-agent-dashboard`, run as the supervisor. Before the component is
 * created the page seeds the Graph emulator with the same population the dashboard's Apex fake answers
 * with (`POST /_control/population {count, seed}`, harness/platform/dashboardAgents.ts), and checks that
 * the emulator's object ids are the fake's. The supervisor signs in through the real Teams bridge with
 * the component's Connect button. `window.harness.dashboard` tells tests what the population holds.
 */
import {
    dashboardParams,
    dashboardPopulation,
    orgAgentAnswers,
    SUPERVISOR
} from '../platform/dashboardAgents';
import type { PageConfig } from './pageConfig';

type CreateElement = (tag: string, options: { is: unknown }) => HTMLElement;

export interface DashboardPageApi {
    count: number;
    seed: number;
    /** 'seeding' until the emulator has the population, then 'ready' (or 'failed: …') */
    population: string;
    /** names of the agents Omni and Teams deliberately disagree on */
    mismatches: string[];
    /** names of the agents without an Entra object id */
    notConnected: string[];
    agents: {
        name: string;
        objectId: string | null;
        status: string | null;
        teams: string;
        mismatch: boolean;
    }[];
    /** names of the org's own agents the answer lists besides the population (e.g. Ada Agent) */
    orgAgents: string[];
    /** performance.now() when the component was created and appended */
    mountedAt: number | null;
}

function el(tag: string, attrs: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
    const element = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) element.setAttribute(k, v);
    element.append(...children);
    return element;
}

export function dashboardPage(
    config: PageConfig,
    createElement: CreateElement,
    components: Record<string, unknown>
): DashboardPageApi {
    const { count, seed } = dashboardParams(location.search);
    const plan = dashboardPopulation(count, seed);
    const api: DashboardPageApi = {
        count,
        seed,
        population: 'seeding',
        mismatches: plan.filter((a) => a.mismatch).map((a) => a.name),
        notConnected: plan.filter((a) => a.objectId === null).map((a) => a.name),
        agents: plan.map((a) => ({
            name: a.name,
            objectId: a.objectId,
            status: a.statusApiName,
            teams: `${a.teams.availability}/${a.teams.activity}`,
            mismatch: a.mismatch
        })),
        orgAgents: orgAgentAnswers().map((a) => String(a.name)),
        mountedAt: null
    };
    const status = el('span', { 'data-harness': 'population' }, `seeding ${count} agents (seed ${seed})…`);
    const slot = el('main', { class: 'harness-record', 'data-harness': 'app-page' });
    document.body.append(
        el(
            'header',
            { class: 'slds-global-header_container harness-header' },
            el(
                'div',
                { class: 'slds-global-header slds-grid slds-grid_align-spread' },
                el(
                    'div',
                    { class: 'slds-global-header__item' },
                    el('span', { class: 'slds-text-heading_medium' }, 'Live Agent Dashboard'),
                    el('span', { class: 'slds-badge slds-m-left_small' }, 'local harness'),
                    el(
                        'span',
                        { class: 'slds-text-body_small slds-m-left_small harness-muted' },
                        SUPERVISOR.Name
                    )
                ),
                el('div', { class: 'slds-global-header__item harness-row harness-muted' }, status)
            )
        ),
        slot
    );
    const fail = (message: string) => {
        api.population = `failed: ${message}`;
        status.textContent = `The Graph emulator has no population: ${message}`;
    };
    fetch(`${config.urls.control}/population`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count, seed })
    })
        .then(async (response) => {
            const body = (await response.json()) as { ids?: string[]; error?: unknown };
            if (!response.ok || !Array.isArray(body.ids)) throw new Error(JSON.stringify(body));
            // the fake's agents must be the emulator's people
            const wrong = plan.find(
                (a, i) => a.objectId !== null && a.objectId !== body.ids?.[i]?.toLowerCase()
            );
            if (wrong) throw new Error(`object id of ${wrong.name} differs from the emulator's`);
            api.population = 'ready';
            status.textContent =
                `${count} agents (seed ${seed}): ${api.mismatches.length} deliberately mismatched, ` +
                `${api.notConnected.length} not connected. Connect as ${SUPERVISOR.email} / Passw0rd!`;
            if (!components.liveAgentDashboard) {
                slot.append(
                    el(
                        'p',
                        { 'data-harness': 'placeholder' },
                        'c-live-agent-dashboard is not part of this build'
                    )
                );
                return;
            }
            const dashboard = createElement('c-live-agent-dashboard', { is: components.liveAgentDashboard });
            api.mountedAt = performance.now();
            slot.append(dashboard);
        })
        .catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
    return api;
}
