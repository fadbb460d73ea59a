/**
 * Browser scenarios of the Live Agent Dashboard page (`/dashboard?agents=N`, harness/console/dashboardPage.ts):
 * the compiled c-live-agent-dashboard over a generated population (the Apex fake and the Graph emulator
 * share it by seed), the supervisor signed in through the real Teams bridge (role supervisor,
 * Presence.Read.All), Teams read with getPresencesByUserId as the emulator's request log shows it.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { CONSOLE_PATHS } from '../harness/console/mount';
import type { DashboardPageApi } from '../harness/console/dashboardPage';
import { SUPERVISOR } from '../harness/platform/dashboardAgents';
import type { Environment } from './env';
import { ADA, waitUntil, type Scenario, type ScenarioContext } from './scenarios';
import { signInThroughPopup } from '../harness/browser/signInPopup';
import { waitFor } from './wait';
import { connectIn, openConsoleTab } from './console-sync';

/**
 * The dashboard's "no connector running" threshold (docs/architecture.md, "Sync health"; the
 * liveAgentDashboard Jest tests hold the component to the same number).
 */
const STALE_AFTER_MS = 12 * 60 * 1000;

/** The health cell of the agent's row (data-health: the state; text: the words), null when not shown. */
async function healthOfRow(
    page: Page,
    name: string
): Promise<{ state: string; words: string; lastSync: string } | null> {
    const row = dashboard(page)
        .locator('tbody tr')
        .filter({ has: page.locator('.cell-name', { hasText: name }) });
    if ((await row.count()) !== 1) return null;
    const cell = row.locator('.cell-health');
    return {
        state: (await cell.getAttribute('data-health')) ?? '',
        words: ((await cell.textContent()) ?? '').trim(),
        lastSync: ((await row.locator('.cell-last-sync').textContent()) ?? '').trim()
    };
}

const BATCH_PATH = '/v1.0/communications/getPresencesByUserId';

interface LogEntry {
    at: number;
    method: string;
    path: string;
    status: number;
    fault?: string;
    preflight?: boolean;
}

export interface DashboardSession {
    page: Page;
    api: DashboardPageApi;
    errors: string[];
    /** the object ids of each getPresencesByUserId request the page sent (its bridge frame), in order */
    batches: string[][];
    close(): Promise<void>;
}

/** How a dashboard is opened: the user's language (`de` for German) and the window's size. */
export interface DashboardView {
    lang?: string;
    /** more of the page's query, e.g. `&supervisorApp=1` */
    query?: string;
    width?: number;
    height?: number;
}

/** Opens `/dashboard?agents=N` in a fresh context and waits until the emulator has the population. */
export async function openDashboard(
    env: Environment,
    agents: number,
    view: DashboardView = {}
): Promise<DashboardSession> {
    const context = await env.newContext({
        viewport: { width: view.width ?? 1400, height: view.height ?? 900 }
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const batches: string[][] = [];
    page.on('request', (r) => {
        if (r.method() !== 'POST' || !r.url().endsWith(BATCH_PATH)) return;
        const body = r.postDataJSON() as { ids?: unknown } | null;
        batches.push(Array.isArray(body?.ids) ? body.ids.map(String) : []);
    });
    const lang = view.lang ? `&lang=${view.lang}` : '';
    await page.goto(
        `${env.harness.urls.lightning}${CONSOLE_PATHS.dashboard}?agents=${agents}${lang}${view.query ?? ''}`
    );
    await page.waitForFunction(() => {
        const d = (window as unknown as { harness?: { dashboard?: DashboardPageApi } }).harness?.dashboard;
        return d !== undefined && d.population !== 'seeding';
    });
    const api = await page.evaluate(
        () => (window as unknown as { harness: { dashboard: DashboardPageApi } }).harness.dashboard
    );
    assert.equal(api.population, 'ready', 'the emulator has the population');
    return { page, api, errors, batches, close: () => context.close() };
}

/** The component's Connect button, the bridge's in-frame button, the sign-in popup as the supervisor. */
export async function connectSupervisor(page: Page): Promise<void> {
    const dashboard = page.locator('c-live-agent-dashboard');
    await dashboard.locator('button.connect').click();
    await signInThroughPopup(page, { login: SUPERVISOR.email }, waitFor);
}

/** True once no refresh runs and every connected agent's Teams presence has been read. */
export async function refreshed(page: Page): Promise<boolean> {
    return page.evaluate(() => {
        const root = document.querySelector('c-live-agent-dashboard');
        const button = root?.shadowRoot?.querySelector<HTMLButtonElement>('button.refresh') ?? null;
        const rows = root?.shadowRoot?.querySelectorAll('tbody tr') ?? [];
        const notRead = root?.shadowRoot?.querySelectorAll('tbody tr[data-agreement="notRead"]') ?? [];
        return button !== null && !button.disabled && rows.length > 0 && notRead.length === 0;
    });
}

export async function waitRefreshed(page: Page, what: string): Promise<void> {
    await waitUntil(what, async () => ((await refreshed(page)) ? true : undefined));
}

/**
 * The page's Teams reads grouped by refresh: the chunks of one refresh go one after the other and never
 * repeat an agent, so a request that names an agent already read starts the next refresh. Only the
 * refreshes that read every connected agent are returned (one still running is left out).
 */
function completeRefreshes(batches: readonly string[][], api: DashboardPageApi): string[][][] {
    const connected = new Set(api.agents.flatMap((a) => (a.objectId === null ? [] : [a.objectId])));
    const groups: { requests: string[][]; read: Set<string> }[] = [];
    for (const ids of batches) {
        const current = groups[groups.length - 1];
        if (current && !ids.some((id) => current.read.has(id))) {
            current.requests.push(ids);
            for (const id of ids) current.read.add(id);
        } else {
            groups.push({ requests: [ids], read: new Set(ids) });
        }
    }
    return groups
        .filter((g) => g.read.size === connected.size && [...connected].every((id) => g.read.has(id)))
        .map((g) => g.requests);
}

async function batchRequests(control: ScenarioContext['control']): Promise<LogEntry[]> {
    const log = await control.call<LogEntry[]>('GET', 'log');
    return log.filter((e) => e.path === BATCH_PATH && e.method === 'POST' && !e.preflight);
}

const dashboard = (page: Page) => page.locator('c-live-agent-dashboard');

async function rows(page: Page): Promise<{ name: string; omni: string; teams: string; agreement: string }[]> {
    return dashboard(page)
        .locator('tbody tr')
        .evaluateAll((trs) =>
            trs.map((tr) => ({
                name: tr.querySelector('.cell-name')?.textContent?.trim() ?? '',
                omni: tr.querySelector('.cell-omni')?.textContent?.trim() ?? '',
                teams: tr.querySelector('.cell-teams')?.textContent?.trim() ?? '',
                agreement: (tr as HTMLElement).dataset.agreement ?? ''
            }))
        );
}

async function countsText(page: Page): Promise<string> {
    return ((await dashboard(page).locator('.counts').textContent()) ?? '').trim();
}

async function search(page: Page, text: string): Promise<void> {
    await dashboard(page).locator('input.search').fill(text);
}

/** A signed-in dashboard over N agents whose first refresh has read every connected agent. */
export async function signedInDashboard(
    ctx: ScenarioContext,
    agents: number,
    view: DashboardView = {}
): Promise<DashboardSession> {
    const session = await openDashboard(ctx.env, agents, view);
    await dashboard(session.page).locator('.counts').waitFor();
    await connectSupervisor(session.page);
    await waitRefreshed(session.page, 'the first refresh after sign-in');
    return session;
}

/** The claims of a JWT (the tokens the harness's Entra stand-in issues), without checking it. */
function claimsOf(token: string): Record<string, unknown> {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<
        string,
        unknown
    >;
}

/** The bearer tokens of the Graph requests a page (and its frames) sends to `path`, in order. */
function bearerTokens(page: Page, path: string): string[] {
    const tokens: string[] = [];
    page.on('request', (r) => {
        const auth = r.headers().authorization;
        if (new URL(r.url()).pathname.endsWith(path) && auth?.startsWith('Bearer '))
            tokens.push(auth.slice(7));
    });
    return tokens;
}

export const dashboardScenarios: Scenario[] = [
    {
        name: "dashboard: least privilege with the supervisors' own app registration: the dashboard signs in with it and reads Teams; the agents' app token has no Presence.Read.All",
        async run(ctx) {
            const harness = ctx.env.harness;
            const agentsApp = {
                clientId: harness.clientId,
                name: 'Presence Sync (harness)',
                redirectUris: [`${harness.urls.visualforce}/apex/TeamsBridge`]
            };
            // the split set-up in Entra: the agents' app holds only what agents need
            await ctx.control.call('POST', 'idp/clients', {
                ...agentsApp,
                permissions: ['Presence.Read', 'Presence.ReadWrite']
            });
            try {
                const s = await openDashboard(ctx.env, 40, { query: '&supervisorApp=1' });
                try {
                    const tokens = bearerTokens(s.page, BATCH_PATH);
                    await dashboard(s.page).locator('.counts').waitFor();
                    await connectSupervisor(s.page);
                    await waitRefreshed(s.page, 'the first refresh with the supervisors app');
                    const states = (await rows(s.page)).map((r) => r.agreement);
                    assert.ok(
                        states.includes('match') && states.includes('mismatch'),
                        `Teams read (${states.join()})`
                    );
                    assert.ok(tokens.length > 0, 'getPresencesByUserId sent');
                    const claims = claimsOf(tokens[0] ?? '');
                    assert.equal(
                        claims.azp,
                        harness.supervisorClientId,
                        "signed in with the supervisors' app"
                    );
                    assert.equal(claims.scp, 'Presence.Read.All');
                    const refused = (await batchRequests(ctx.control)).filter((e) => e.status !== 200);
                    assert.deepEqual(refused, [], 'Graph answered every read');
                    assert.deepEqual(s.errors, []);
                } finally {
                    await s.close();
                }

                // an agent of the same org signs in with the agents' app: no Presence.Read.All in the token
                const agent = await ctx.open();
                const reads = bearerTokens(agent.page, '/me/presence');
                await agent.signIn(ADA.upn, { pick: ADA.upn });
                const presence = await agent.request('getPresence', {});
                assert.ok(presence.ok, `the agent reads their own presence (${JSON.stringify(presence)})`);
                const agentClaims = claimsOf(reads[reads.length - 1] ?? '');
                assert.equal(agentClaims.azp, harness.clientId);
                assert.deepEqual(String(agentClaims.scp).split(' ').sort(), [
                    'Presence.Read',
                    'Presence.ReadWrite'
                ]);
            } finally {
                await ctx.control.call('POST', 'idp/clients', agentsApp);
            }
        }
    },
    {
        name: "dashboard: sync health of an agent's running connector shows syncing; its page closed, no connector running once the heartbeat is older than the threshold",
        async run(ctx) {
            const tab = await openConsoleTab(ctx.env, '?setup=phone');
            try {
                await connectIn(tab, ctx.control, 'Available');
                // the supervisor's dashboard in the same browser profile: the harness org is the profile's
                const page = await tab.context.newPage();
                const errors: string[] = [];
                page.on('pageerror', (e) => errors.push(e.message));
                await page.goto(`${ctx.env.harness.urls.lightning}${CONSOLE_PATHS.dashboard}?agents=40`);
                await dashboard(page).locator('.counts').waitFor();
                await search(page, 'Ada Agent');
                const syncing = await waitUntil("Ada's connector reported on the dashboard", async () => {
                    const health = await healthOfRow(page, 'Ada Agent');
                    if (health?.state !== 'syncing') {
                        await dashboard(page).locator('button.refresh:not([disabled])').click();
                        return undefined;
                    }
                    return health;
                });
                assert.equal(syncing.words, 'Syncing');
                assert.match(syncing.lastSync, /\d{1,2}:\d{2}:\d{2}/, 'the time of the last successful sync');

                // the connector stops: its page goes, no more heartbeats
                await tab.page.close();
                // the dashboard's own clock (Date.now() of its page only) moves past the threshold; its
                // timers keep running, and the generated agents' connectors keep reporting relative to it
                await page.clock.setFixedTime(Date.now() + STALE_AFTER_MS + 60_000);
                const stale = await waitUntil('Ada shown as no connector running', async () => {
                    const health = await healthOfRow(page, 'Ada Agent');
                    if (health?.state !== 'stale') {
                        await dashboard(page).locator('button.refresh:not([disabled])').click();
                        return undefined;
                    }
                    return health;
                });
                assert.equal(stale.words, 'No connector running');
                assert.equal(stale.lastSync, syncing.lastSync, 'the last successful sync stays');
                await dashboard(page).locator('.stale-help').waitFor();

                // the strip's count of stale agents filters the table to them (Ada among them)
                await search(page, '');
                const staleCount = dashboard(page).locator(
                    'button.count[data-kind="health"][data-value="stale"]'
                );
                assert.equal(await staleCount.getAttribute('aria-pressed'), 'false');
                await staleCount.click();
                await waitUntil('only stale agents listed', async () => {
                    const states = await dashboard(page)
                        .locator('tbody .cell-health')
                        .evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset.health));
                    return states.length > 0 && states.every((st) => st === 'stale') ? true : undefined;
                });
                assert.equal(await staleCount.getAttribute('aria-pressed'), 'true');
                assert.ok(await healthOfRow(page, 'Ada Agent'), 'Ada is among them');
                assert.deepEqual(errors, []);
            } finally {
                await tab.context.close().catch(() => undefined);
            }
        }
    },
    {
        name: 'dashboard: 500 generated agents, mismatches flagged (count and rows), not connected shown, filters by status, mismatch and name',
        async run(ctx) {
            const s = await signedInDashboard(ctx, 500);
            try {
                const { page, api } = s;
                assert.ok(
                    api.mismatches.length > 10,
                    `deliberate mismatches in the population (${api.mismatches.length})`
                );
                assert.ok(api.notConnected.length > 10, 'agents without object id in the population');
                // counts: every agent, and exactly the deliberate mismatches
                assert.match(
                    await countsText(page),
                    new RegExp(
                        `\\(${500 + api.orgAgents.length} in total, ${api.mismatches.length} mismatches\\)`
                    )
                );
                const [firstRefresh] = completeRefreshes(s.batches, api);
                assert.equal(firstRefresh?.length, 1, '500 agents: one getPresencesByUserId per refresh');

                // mismatches only: exactly the deliberately mismatched agents
                await dashboard(page).locator('.slds-checkbox label.slds-checkbox__label').click();
                const mismatched = await rows(page);
                assert.deepEqual(
                    mismatched.map((r) => r.name).sort(),
                    [...api.mismatches].sort(),
                    'the mismatch filter shows the deliberately mismatched agents'
                );
                assert.ok(mismatched.every((r) => r.agreement === 'mismatch'));
                await dashboard(page).locator('.slds-checkbox label.slds-checkbox__label').click();

                // a specific mismatched row: Omni says one thing, Teams another, flagged
                const wrong = api.agents.find((a) => a.mismatch);
                assert.ok(wrong);
                await search(page, wrong.name);
                const [row] = await waitUntil('the searched row', async () => {
                    const r = await rows(page);
                    return r.length === 1 ? r : undefined;
                });
                assert.equal(
                    row?.agreement,
                    'mismatch',
                    `${wrong.name} (${wrong.status} vs Teams ${wrong.teams})`
                );
                assert.match(
                    row?.teams ?? '',
                    wrong.teams.startsWith('Busy') ? /In a call/i : new RegExp(wrong.teams.split('/')[0])
                );
                // an agent without object id: listed, not connected
                const absent = api.agents.find((a) => a.objectId === null);
                assert.ok(absent);
                await search(page, absent.name);
                const [notConnected] = await waitUntil('the not connected row', async () => {
                    const r = await rows(page);
                    return r.length === 1 && r[0]?.name === absent.name ? r : undefined;
                });
                assert.equal(notConnected?.agreement, 'notConnected');
                // a matching agent
                const fine = api.agents.find(
                    (a) => !a.mismatch && a.objectId !== null && a.status === 'On_a_Call'
                );
                assert.ok(fine);
                await search(page, fine.name);
                const [match] = await waitUntil('the matching row', async () => {
                    const r = await rows(page);
                    return r.length === 1 && r[0]?.name === fine.name ? r : undefined;
                });
                assert.equal(match?.agreement, 'match');

                // name search: a family name, accents and case folded
                await search(page, 'BERG');
                const bergs = api.agents.filter((a) => a.name.toLowerCase().includes('berg')).length;
                assert.ok(bergs > 0);
                await waitUntil('the name filter', async () =>
                    (await countsText(page)).includes(` of ${bergs} agents`) ? true : undefined
                );
                assert.ok((await rows(page)).every((r) => /berg/i.test(r.name)));
                await search(page, '');

                // status filter: On a Call
                await dashboard(page).locator('select.status-filter').selectOption('On_a_Call');
                const onCall = api.agents.filter((a) => a.status === 'On_a_Call').length;
                await waitUntil('the status filter', async () =>
                    (await countsText(page)).includes(` of ${onCall} agents`) ? true : undefined
                );
                const shown = await rows(page);
                assert.ok(
                    shown.length > 0 && shown.every((r) => r.omni === 'On a Call'),
                    'only On a Call rows'
                );
                assert.deepEqual(s.errors, []);
            } finally {
                await s.close();
            }
        }
    },
    {
        name: 'dashboard: a Teams change of one agent (control API) appears with the first refresh that reads it',
        async run(ctx) {
            const s = await signedInDashboard(ctx, 500);
            try {
                const { page, api } = s;
                const agent = api.agents.find(
                    (a) => !a.mismatch && a.objectId !== null && a.status === 'Available'
                );
                assert.ok(agent?.objectId);
                await search(page, agent.name);
                const before = await waitUntil('the agent row', async () => {
                    const r = await rows(page);
                    return r.length === 1 ? r[0] : undefined;
                });
                assert.equal(before?.agreement, 'match');
                // the page notes (its clock, the machine's) when the row first shows the call
                await page.evaluate(() => {
                    // (no named functions in here: the page cannot see the bundler's helpers)
                    new MutationObserver((_records, observer) => {
                        const cell = document
                            .querySelector('c-live-agent-dashboard')
                            ?.shadowRoot?.querySelector('tbody tr .cell-teams');
                        if (!/In a call/i.test(cell?.textContent ?? '')) return;
                        (window as unknown as { callShownAt?: number }).callShownAt = Date.now();
                        observer.disconnect();
                    }).observe(
                        // the component's own tree (synthetic shadow hides it from observers of the document)
                        document.querySelector('c-live-agent-dashboard')?.shadowRoot as unknown as Node,
                        { childList: true, subtree: true, characterData: true }
                    );
                });
                await ctx.control.call('POST', `users/${agent.objectId}/call`, { inCall: true });
                // applied when the control call has answered: every read that arrives after this sees it
                const appliedAt = Date.now();
                const after = await waitUntil('the Teams call on the dashboard', async () => {
                    const r = (await rows(page))[0];
                    return r && /In a call/i.test(r.teams) ? r : undefined;
                });
                assert.equal(after.agreement, 'mismatch', 'Omni Available, Teams in a call');
                const shownAt = await page.evaluate(
                    () => (window as unknown as { callShownAt?: number }).callShownAt
                );
                assert.ok(shownAt !== undefined, 'the row change was observed');
                // shown before a second read after the change even reached Graph: the first one showed it
                const reads = (await batchRequests(ctx.control)).filter((e) => e.at >= appliedAt);
                const second = reads[1];
                assert.ok(
                    second === undefined || shownAt < second.at,
                    `shown at ${shownAt}, reads after the change at ${JSON.stringify(reads.map((e) => e.at))}`
                );
            } finally {
                await s.close();
            }
        }
    },
    {
        name: 'dashboard: 429 with Retry-After shows a notice instead of failing; no Graph request before Retry-After',
        async run(ctx) {
            const s = await signedInDashboard(ctx, 500);
            try {
                const { page } = s;
                await ctx.control.call('DELETE', 'log');
                await ctx.control.call('POST', 'faults/throttle', { count: 1, retryAfterSeconds: 3 });
                await dashboard(page).locator('button.refresh').click();
                const notice = dashboard(page).locator('.notice_throttled');
                // read while it shows (it goes once Retry-After has passed and a read succeeded)
                const noticeText = await waitUntil('the throttling notice', async () => {
                    const [t] = await notice.allTextContents();
                    return t;
                });
                assert.match(noticeText, /limiting requests.*in \d s/);
                assert.equal(await dashboard(page).locator('.notice_failed, .notice_load').count(), 0);
                // the table stays, with the last readings
                assert.equal(await dashboard(page).locator('tbody tr[data-agreement="notRead"]').count(), 0);
                assert.ok((await rows(page)).length > 0);
                // a manual refresh during the wait reloads Omni only
                await dashboard(page).locator('button.refresh').click();
                const throttled = await waitUntil('the 429 in the log', async () =>
                    (await batchRequests(ctx.control)).find((e) => e.status === 429)
                );
                const next = await waitUntil('the read after Retry-After', async () =>
                    (await batchRequests(ctx.control)).find((e) => e.at > throttled.at && e.status === 200)
                );
                const between = (await batchRequests(ctx.control)).filter(
                    (e) => e.at > throttled.at && e.at < next.at
                );
                assert.deepEqual(
                    between,
                    [],
                    'no Graph request between the 429 and the read after Retry-After'
                );
                assert.ok(
                    next.at - throttled.at >= 3000,
                    `next Graph request ${next.at - throttled.at} ms after the 429 (Retry-After: 3 s)`
                );
                await notice.waitFor({ state: 'detached' });
                assert.deepEqual(s.errors, []);
            } finally {
                await s.close();
            }
        }
    },
    {
        name: 'dashboard: 5,000 agents render at most 100 rows in the DOM and read Teams in 8 requests per refresh',
        async run(ctx) {
            const s = await signedInDashboard(ctx, 5000);
            try {
                const { page, api } = s;
                assert.match(
                    await countsText(page),
                    new RegExp(`\\(${5000 + s.api.orgAgents.length} in total, \\d+ mismatches\\)`)
                );
                const [firstRefresh] = completeRefreshes(s.batches, api);
                assert.equal(firstRefresh?.length, 8, 'first refresh: ceil(5,000 / 650) = 8 requests');
                const clickedAfter = s.batches.length;
                await dashboard(page).locator('button.refresh').click();
                await waitUntil('a whole refresh after the click', async () =>
                    completeRefreshes(s.batches.slice(clickedAfter), api).length > 0 ? true : undefined
                );
                await waitRefreshed(page, 'the manual refresh');
                // every refresh (the manual one, and any scheduled one the run met) reads in 8 requests
                const sizes = completeRefreshes(s.batches, api).map((r) => r.length);
                assert.ok(
                    sizes.length >= 2 && sizes.every((n) => n === 8),
                    `requests per refresh: ${sizes.join(', ')}`
                );
                assert.ok(
                    (await batchRequests(ctx.control)).every((e) => e.status === 200),
                    'every read answered 200'
                );
                const domRows = await page.evaluate(
                    () =>
                        document.querySelector('c-live-agent-dashboard')?.shadowRoot?.querySelectorAll('tr')
                            .length ?? 0
                );
                assert.ok(domRows <= 101, `${domRows} table rows in the DOM (header + one page of 100)`);
                assert.equal(
                    await dashboard(page).locator('table.agents').getAttribute('aria-rowcount'),
                    // every agent and the header row
                    String(5000 + api.orgAgents.length + 1)
                );
                await dashboard(page).locator('nav.paging button.next').click();
                assert.match((await dashboard(page).locator('nav.paging .page').textContent()) ?? '', /2/);
                assert.deepEqual(s.errors, []);
            } finally {
                await s.close();
            }
        }
    }
];
