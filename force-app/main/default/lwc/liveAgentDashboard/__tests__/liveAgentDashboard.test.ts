import { createElement } from 'lwc';
import type {} from '@sa11y/jest';
import LiveAgentDashboard from 'c/liveAgentDashboard';
import { LABEL_NAMES } from '../labels';
import { parseParams } from 'c/presenceSyncBridgeProtocol';
import { graphql } from 'lightning/graphql';
import { DELIVERED_CONFIGURATIONS } from 'c/presenceSyncDefaults';

jest.mock(
    '@salesforce/label/c.LiveAgentDashboard_Throttled',
    () => ({ default: 'Throttled until {0} (in {1} s)' }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/label/c.LiveAgentDashboard_Showing',
    () => ({ default: 'Showing {0}–{1} of {2} ({3} total, {4} mismatches)' }),
    { virtual: true }
);
jest.mock('@salesforce/label/c.LiveAgentDashboard_MismatchExpected', () => ({ default: 'Mismatch: {0}' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.LiveAgentDashboard_LastRefresh', () => ({ default: 'Last refresh: {0}' }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.LiveAgentDashboard_NoneShown',
    () => ({ default: 'No agent matches ({0} total, {1} mismatches)' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.LiveAgentDashboard_ReadFailed',
    () => ({ default: 'Not read: {0}. Next at {1}.' }),
    {
        virtual: true
    }
);

const mockBridge: {
    start: jest.Mock;
    connect: jest.Mock;
    dispose: jest.Mock;
    request: jest.Mock;
    onEvent?: (e: unknown) => void;
} = {
    start: jest.fn(),
    connect: jest.fn(),
    dispose: jest.fn(),
    request: jest.fn()
};
const mockAgents = jest.fn();
/** the org's status labels (PresenceStatusController.getStatuses), unlike the API names */
const mockStatusLabels = jest.fn();
const mockBridgeUrl = jest.fn();
jest.mock('../adapters', () => ({
    loadAgents: () =>
        (mockAgents() as Promise<unknown[]>).then((agents) => ({
            agents,
            signInHint: 'sue.supervisor@acme.example'
        })),
    bridgeUrl: () => mockBridgeUrl(),
    loadStatusLabels: () => mockStatusLabels(),
    createBridge: (_url: string, _container: HTMLElement, onEvent: (e: unknown) => void) => {
        mockBridge.onEvent = onEvent;
        return mockBridge;
    }
}));

function guid(i: number): string {
    return `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

function agent(i: number, status: string, objectId: string | null) {
    return {
        userId: `005${String(i).padStart(5, '0')}`,
        name: `Agent ${String(i).padStart(4, '0')}`,
        callCenterSetupId: 'a01',
        callCenterSetupName: 'Berlin',
        configurationId: 'cfg',
        entraObjectId: objectId,
        statusApiName: status,
        statusLabel: status.replace(/_/g, ' '),
        statusSince: Date.now() - 125_000
    };
}

// Agent 0000 on a call, Teams in a call (match); 0001 Available, Teams in a call (mismatch); 0002 not connected
const SMALL = [agent(0, 'On_a_Call', guid(0)), agent(1, 'Available', guid(1)), agent(2, 'Away', null)];

let presences: (ids: string[]) => unknown;

function signedIn() {
    mockBridge.request.mockImplementation((type: string, params: { ids?: string[] }) => {
        if (type === 'init') {
            return Promise.resolve({
                ok: true,
                value: {
                    initialized: true,
                    role: 'supervisor',
                    account: { objectId: 'x', upn: 'sue' },
                    interaction: 'idle'
                }
            });
        }
        return Promise.resolve(presences(params.ids ?? []));
    });
}

const graphqlAdapter = graphql as unknown as {
    emit(value: unknown, filter?: (config: Record<string, unknown>) => boolean): void;
    emitErrors(errors: unknown[], filter?: (config: Record<string, unknown>) => boolean): void;
};

const AGENTS_APP = '4a1f6c2e-8b3d-4f5a-9e7c-6b5a4c3d2e1f';
const SUPERVISORS_APP = '6c5b4a39-2817-4f06-95e4-d3c2b1a09f8e';
/** fields the admin set on the configuration besides the agents' app (e.g. the supervisors' app) */
let configurationExtra: Record<string, unknown> = {};

/** The delivered Phone System configuration, authorized, as the GraphQL API answers for the given ids. */
function configurationsAnswer(ids: string[]): unknown {
    const raw: Record<string, unknown> = {
        ...DELIVERED_CONFIGURATIONS[0],
        AzureClientId__c: AGENTS_APP,
        AzureTenantId__c: '7d9e3c1b-5a2f-4e8d-9b6c-0a1b2c3d4e5f',
        ...configurationExtra
    };
    const wrap = (record: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(record).map(([k, v]) => [k, { value: v }]));
    const rows = (raw.PresenceStateLabels__r as { records: Record<string, unknown>[] }).records;
    const { PresenceStateLabels__r: _rows, ...fields } = raw;
    const edges = ids.map((id) => ({
        node: {
            Id: id,
            ...wrap(fields),
            PresenceStateLabels__r: {
                edges: rows.map((row, i) => ({ node: { Id: `a02${i}`, ...wrap(row) } })),
                pageInfo: { hasNextPage: false }
            }
        }
    }));
    return { uiapi: { query: { PresenceStateConfiguration__c: { edges } } } };
}

/** the configurations wire, which asks for the one configuration the test agents use */
const configurationsWire = (config: Record<string, unknown>) => {
    const variables = (config.variables ?? {}) as Record<string, unknown>;
    return JSON.stringify(variables.ids) === JSON.stringify(['cfg']);
};

/** The org answers the configurations wire. */
function answerConfigurations(): void {
    graphqlAdapter.emit(configurationsAnswer(['cfg']), configurationsWire);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const flush = () => tick().then(tick).then(tick).then(tick).then(tick);

async function mount(agents: unknown[]) {
    mockAgents.mockResolvedValue(agents);
    const element = createElement('c-live-agent-dashboard', { is: LiveAgentDashboard });
    document.body.appendChild(element);
    await flush();
    answerConfigurations();
    await flush();
    return element;
}

const $ = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: HTMLElement, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const names = (el: HTMLElement) => $$(el, 'tbody .cell-name').map((c) => c.textContent);

beforeEach(() => {
    jest.clearAllMocks();
    configurationExtra = {};
    presences = (ids) => ({
        ok: true,
        value: { presences: ids.map((id) => ({ id, availability: 'Busy', activity: 'InACall' })) }
    });
    signedIn();
    mockBridgeUrl.mockReturnValue(null);
    mockStatusLabels.mockResolvedValue(new Map([['On_a_Call', 'On a call (phone)']]));
});

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-live-agent-dashboard', () => {
    describe("the agents' configurations", () => {
        it('says that they could not be read when the query fails, and nothing else is wrong', async () => {
            mockAgents.mockResolvedValue(SMALL);
            const el = createElement('c-live-agent-dashboard', { is: LiveAgentDashboard });
            document.body.appendChild(el);
            await flush();
            graphqlAdapter.emitErrors([{ message: 'No such column AzureTenantId__c' }], configurationsWire);
            await flush();

            const notice = $(el, '.notice_configurations');
            expect(notice?.textContent).toBe('c.LiveAgentDashboard_ConfigurationsFailed');
            expect(notice?.getAttribute('role')).toBe('alert');
            expect($(el, '.notice_no-app')).toBeNull();
            // the agents are still listed with their Omni status
            expect(names(el)).toEqual(['Agent 0000', 'Agent 0001', 'Agent 0002']);

            // the next answer has the configurations: the notice goes
            answerConfigurations();
            await flush();
            expect($(el, '.notice_configurations')).toBeNull();
        });

        it('warns when none of them names an Azure app (client and tenant id)', async () => {
            configurationExtra = { AzureClientId__c: null, AzureTenantId__c: null };
            const el = await mount(SMALL);
            expect($(el, '.notice_no-app')?.textContent).toBe('c.LiveAgentDashboard_NoAzureApp');
            expect($(el, '.notice_configurations')).toBeNull();
        });

        it('shows neither notice when a configuration names the Azure app', async () => {
            const el = await mount(SMALL);
            expect($(el, '.notice_no-app')).toBeNull();
            expect($(el, '.notice_configurations')).toBeNull();
        });
    });

    it('shows one row per agent, flags the mismatch, keeps the agent without object id', async () => {
        const el = await mount(SMALL);
        // jsdom's origin is not a Lightning origin: no bridge, Teams cannot be read
        expect(names(el)).toEqual(['Agent 0000', 'Agent 0001', 'Agent 0002']);
        const notConnected = $$(el, 'tbody tr')[2];
        expect(notConnected.dataset.agreement).toBe('notConnected');
        expect(notConnected.querySelector('.cell-teams')!.textContent).toContain(
            'c.LiveAgentDashboard_NotConnected'
        );
        expect($(el, '.cell-since')!.textContent).toBe('c.LiveAgentDashboard_Minutes'.replace('{0}', '2'));
    });

    describe('signed in to Teams', () => {
        beforeEach(() => {
            // a Lightning origin, so the bridge is created
            mockBridgeUrl.mockReturnValue('https://acme--c.vf.force.com/apex/TeamsBridge');
        });

        it("signs in with the agents' app when the configuration names no supervisors' app", async () => {
            await mount(SMALL);
            const init = mockBridge.request.mock.calls.find((c) => c[0] === 'init');
            expect(init![1]).toMatchObject({ clientId: AGENTS_APP, role: 'supervisor' });
        });

        it("signs in with the supervisors' own app registration when the admin entered one", async () => {
            configurationExtra = { SupervisorAzureClientId__c: SUPERVISORS_APP };
            const el = await mount(SMALL);
            const init = mockBridge.request.mock.calls.find((c) => c[0] === 'init');
            expect(init![1]).toMatchObject({ clientId: SUPERVISORS_APP, role: 'supervisor' });
            expect(mockBridge.request.mock.calls.filter((c) => c[0] === 'getPresencesByUserId')).toHaveLength(
                1
            );
            expect($$(el, 'tbody tr').map((r) => r.dataset.agreement)).toEqual([
                'match',
                'mismatch',
                'notConnected'
            ]);
        });

        it('reads Teams through the bridge as supervisor and compares under the mapping', async () => {
            const el = await mount(SMALL);
            const init = mockBridge.request.mock.calls.find((c) => c[0] === 'init');
            // the bridge refuses init without a login hint (an empty one is an invalid request)
            expect(init![1]).toMatchObject({ role: 'supervisor', loginHint: 'sue.supervisor@acme.example' });
            expect(parseParams('init', init![1])).not.toBeNull();
            const reads = mockBridge.request.mock.calls.filter((c) => c[0] === 'getPresencesByUserId');
            expect(reads).toHaveLength(1);
            expect(reads[0][1].ids).toEqual([guid(0), guid(1)]);
            const states = $$(el, 'tbody tr').map((r) => r.dataset.agreement);
            expect(states).toEqual(['match', 'mismatch', 'notConnected']);
            expect($$(el, 'tbody tr')[1].querySelector('.cell-agreement')!.textContent).toBe(
                'Mismatch: On a call (phone)'
            );
            expect($$(el, 'tbody tr')[0].querySelector('.cell-teams')!.textContent).toContain(
                'c.LiveAgentDashboard_Av_Busy'
            );
            expect($(el, '.counts')!.textContent).toBe('Showing 1–3 of 3 (3 total, 1 mismatches)');
            expect($(el, '.refresh-text')!.textContent).toMatch(/^Last refresh: /);
            await expect(el).toBeAccessible();
        });

        it('sorts with keyboard-accessible header buttons and aria-sort', async () => {
            const el = await mount(SMALL);
            const header = (field: string) => $(el, `th button[data-field="${field}"]`)!;
            expect(header('name').tagName).toBe('BUTTON');
            expect(header('name').closest('th')!.getAttribute('aria-sort')).toBe('ascending');
            header('name').click();
            await flush();
            expect(header('name').closest('th')!.getAttribute('aria-sort')).toBe('descending');
            expect(names(el)).toEqual(['Agent 0002', 'Agent 0001', 'Agent 0000']);
            header('agreement').click();
            await flush();
            expect(header('agreement').closest('th')!.getAttribute('aria-sort')).toBe('ascending');
            expect(header('name').closest('th')!.getAttribute('aria-sort')).toBe('none');
            expect(names(el)[0]).toBe('Agent 0001');
        });

        it('filters by mismatch, status and name', async () => {
            const el = await mount(SMALL);
            const mismatch = $(el, 'input.mismatch-only') as HTMLInputElement;
            mismatch.checked = true;
            mismatch.dispatchEvent(new CustomEvent('change'));
            await flush();
            expect(names(el)).toEqual(['Agent 0001']);
            mismatch.checked = false;
            mismatch.dispatchEvent(new CustomEvent('change'));
            const select = $(el, 'select.status-filter') as HTMLSelectElement;
            select.value = 'Away';
            select.dispatchEvent(new CustomEvent('change'));
            await flush();
            expect(names(el)).toEqual(['Agent 0002']);
            select.value = '';
            select.dispatchEvent(new CustomEvent('change'));
            const search = $(el, 'input.search') as HTMLInputElement;
            search.value = '0000';
            search.dispatchEvent(new CustomEvent('input'));
            await flush();
            expect(names(el)).toEqual(['Agent 0000']);
            search.value = 'nobody';
            search.dispatchEvent(new CustomEvent('input'));
            await flush();
            expect(names(el)).toEqual([]);
            expect($(el, '.no-agents')).not.toBeNull();
        });

        it('5,000 agents: 8 requests of at most 650 ids, 100 rows in the DOM, paging', async () => {
            const many = Array.from({ length: 5000 }, (_, i) =>
                agent(i, 'Available', i % 10 === 9 ? null : guid(i))
            );
            const el = await mount(many);
            const reads = mockBridge.request.mock.calls.filter((c) => c[0] === 'getPresencesByUserId');
            expect(reads).toHaveLength(Math.ceil(4500 / 650));
            expect(reads.every((c) => c[1].ids.length <= 650)).toBe(true);
            expect($$(el, 'tbody tr')).toHaveLength(100);
            expect($(el, 'table')!.getAttribute('aria-rowcount')).toBe('5001');
            expect($(el, '.counts')!.textContent).toBe('Showing 1–100 of 5000 (5000 total, 4500 mismatches)');
            ($(el, 'button.next') as HTMLButtonElement).click();
            await flush();
            expect(names(el)[0]).toBe('Agent 0100');
            expect(($(el, 'button.previous') as HTMLButtonElement).disabled).toBe(false);
        });

        it('429: a throttled notice with the wait instead of a failure; no request before it', async () => {
            presences = () => ({ ok: false, error: { kind: 'throttled', status: 429, retryAfter: '30' } });
            const el = await mount(SMALL);
            const notice = $(el, '.notice_throttled');
            expect(notice).not.toBeNull();
            expect(notice!.getAttribute('role')).toBe('alert');
            expect(notice!.textContent).toMatch(/\(in (30|29) s\)/);
            expect($$(el, 'tbody tr')).toHaveLength(3);
            // a manual refresh does not read Teams before Retry-After
            ($(el, 'button.refresh') as HTMLButtonElement).click();
            await flush();
            expect(mockBridge.request.mock.calls.filter((c) => c[0] === 'getPresencesByUserId')).toHaveLength(
                1
            );
            await expect(el).toBeAccessible();
        });

        it('names the expected status by its label even when the labels cannot be loaded', async () => {
            mockStatusLabels.mockRejectedValue(new Error('no access'));
            const el = await mount(SMALL);
            expect($$(el, 'tbody tr')[1].querySelector('.cell-agreement')!.textContent).toBe(
                'Mismatch: On a Call'
            );
        });

        it('sorts "time in status" ascending from the shortest to the longest', async () => {
            const now = Date.now();
            const agents = [
                { ...agent(0, 'Available', guid(0)), statusSince: now - 3_600_000 },
                { ...agent(1, 'Available', guid(1)), statusSince: now - 60_000 },
                { ...agent(2, 'Available', guid(2)), statusSince: null, statusApiName: null }
            ];
            const el = await mount(agents);
            $(el, 'th button[data-field="since"]')!.click();
            await flush();
            expect(names(el)).toEqual(['Agent 0001', 'Agent 0000', 'Agent 0002']);
            $(el, 'th button[data-field="since"]')!.click();
            await flush();
            expect(names(el)).toEqual(['Agent 0000', 'Agent 0001', 'Agent 0002']);
        });

        it('says that no agent matches instead of "Showing 0-0 of 0"', async () => {
            const el = await mount(SMALL);
            const search = $(el, 'input.search') as HTMLInputElement;
            search.value = 'nobody';
            search.dispatchEvent(new CustomEvent('input'));
            await flush();
            expect($(el, '.counts')!.textContent).toBe('No agent matches (3 total, 1 mismatches)');
        });

        it('explains "Not connected" under the table and on the row that shows it', async () => {
            const el = await mount(SMALL);
            expect($(el, '.not-connected-help')!.textContent).toBe('c.LiveAgentDashboard_NotConnectedHelp');
            // and where it shows: the row's Teams and agreement cells carry it as their title
            const row = $$(el, 'tbody tr').find((r) => r.dataset.agreement === 'notConnected')!;
            expect(
                [...row.querySelectorAll('.teams-text, .agreement')].map((e) => [
                    e.textContent,
                    e.getAttribute('title')
                ])
            ).toEqual([
                ['c.LiveAgentDashboard_NotConnected', 'c.LiveAgentDashboard_NotConnectedHelp'],
                ['c.LiveAgentDashboard_NotConnected', 'c.LiveAgentDashboard_NotConnectedHelp']
            ]);
            expect($$(el, 'tbody tr')[0].querySelector('.teams-text')!.hasAttribute('title')).toBe(false);
            const mismatch = $(el, 'input.mismatch-only') as HTMLInputElement;
            mismatch.checked = true;
            mismatch.dispatchEvent(new CustomEvent('change'));
            await flush();
            expect($(el, '.not-connected-help')).toBeNull();
        });

        it('one paging bar: first, last and any page by number, back to the table top', async () => {
            const many = Array.from({ length: 201 }, (_, i) => agent(i, 'Available', guid(i)));
            const scrolled = jest.fn();
            HTMLElement.prototype.scrollIntoView = scrolled;
            const el = await mount(many);
            // written once (it stays in view by being sticky, see the browser scenario)
            expect($$(el, 'nav.paging')).toHaveLength(1);
            expect(
                $$(el, 'nav.paging button').map((b) => [b.className.split(' ').pop(), b.textContent!.trim()])
            ).toEqual([
                ['first', 'c.LiveAgentDashboard_FirstPage'],
                ['previous', 'c.LiveAgentDashboard_PrevPage'],
                ['next', 'c.LiveAgentDashboard_NextPage'],
                ['last', 'c.LiveAgentDashboard_LastPage']
            ]);
            ($(el, 'nav.paging button.last') as HTMLButtonElement).click();
            await flush();
            expect(names(el)).toEqual(['Agent 0200']);
            expect(($(el, 'nav.paging button.next') as HTMLButtonElement).disabled).toBe(true);
            expect(scrolled).toHaveBeenCalledTimes(1);
            expect(scrolled.mock.contexts[0]).toBe($(el, 'table.agents'));
            const select = $(el, 'nav.paging select.page-select') as HTMLSelectElement;
            expect(select.options).toHaveLength(3);
            select.value = '2';
            select.dispatchEvent(new CustomEvent('change'));
            await flush();
            expect(names(el)[0]).toBe('Agent 0100');
            ($(el, 'nav.paging button.first') as HTMLButtonElement).click();
            await flush();
            expect(names(el)[0]).toBe('Agent 0000');
            expect(scrolled).toHaveBeenCalledTimes(3);
            await expect(el).toBeAccessible();
        });

        it('shows no paging for a single page', async () => {
            const el = await mount(SMALL);
            expect($$(el, 'nav.paging')).toHaveLength(0);
        });

        it('a failed read names the cause in words, not the error kind', async () => {
            presences = () => ({ ok: false, error: { kind: 'server', status: 503 } });
            const el = await mount(SMALL);
            const notice = $(el, '.notice_failed')!;
            expect(notice.textContent).toMatch(
                /^Not read: c\.LiveAgentDashboard_ReadFailedServer\. Next at /
            );
            expect(notice.textContent).not.toContain('server');
        });

        it('shows Connect when the bridge is not signed in, and reads after sign-in', async () => {
            mockBridge.request.mockImplementation((type: string, params: { ids?: string[] }) => {
                if (type !== 'init') return Promise.resolve(presences(params.ids ?? []));
                return Promise.resolve({
                    ok: true,
                    value: { initialized: true, role: 'supervisor', account: null, interaction: 'idle' }
                });
            });
            const el = await mount(SMALL);
            const connect = $(el, 'button.connect') as HTMLButtonElement;
            expect(connect).not.toBeNull();
            connect.click();
            expect(mockBridge.connect).toHaveBeenCalled();
            (mockBridge as unknown as { onEvent(e: unknown): void }).onEvent({
                type: 'signedIn',
                data: { objectId: 'x', upn: 'sue' }
            });
            await flush();
            expect($(el, 'button.connect')).toBeNull();
            expect($$(el, 'tbody tr').map((r) => r.dataset.agreement)).toEqual([
                'match',
                'mismatch',
                'notConnected'
            ]);
        });
    });

    describe('sync health', () => {
        const MINUTE = 60_000;
        let now: number;
        beforeEach(() => {
            now = Date.parse('2026-12-04T16:00:00.000Z');
            jest.spyOn(Date, 'now').mockImplementation(() => now);
        });
        afterEach(() => jest.restoreAllMocks());

        const withHealth = (
            i: number,
            health: string | null,
            heartbeatAgo: number | null,
            setup = 'a01'
        ) => ({
            ...agent(i, i === 2 ? 'On_a_Call' : 'Available', guid(i)),
            callCenterSetupId: setup,
            callCenterSetupName: setup === 'a01' ? 'Berlin' : 'Amsterdam',
            syncHealth: health,
            // the adapters' answer (parsed: model.test.ts covers parseAgents)
            heartbeatAt: heartbeatAgo === null ? null : now - heartbeatAgo,
            lastSyncAt: heartbeatAgo === null ? null : now - heartbeatAgo
        });
        const healthOf = (el: HTMLElement) => $$(el, 'tbody .cell-health').map((c) => c.dataset.health);
        const count = (el: HTMLElement, kind: string, value: string) =>
            $(el, `button.count[data-kind="${kind}"][data-value="${value}"]`)!;

        it("shows each agent's health in words with the last successful sync", async () => {
            const el = await mount([
                withHealth(0, 'syncing', MINUTE),
                withHealth(1, 'syncing', 13 * MINUTE),
                withHealth(2, null, null),
                withHealth(3, 'signInRequired', 2 * MINUTE)
            ]);
            expect(healthOf(el)).toEqual(['syncing', 'stale', 'neverConnected', 'signInRequired']);
            const cells = $$(el, 'tbody .cell-health').map((c) => c.textContent);
            expect(cells).toEqual([
                'c.LiveAgentDashboard_Health_syncing',
                'c.LiveAgentDashboard_Health_stale',
                'c.LiveAgentDashboard_Health_neverConnected',
                'c.LiveAgentDashboard_Health_signInRequired'
            ]);
            const lastSync = $$(el, 'tbody .cell-last-sync').map((c) => c.textContent);
            expect(lastSync[0]).toMatch(/\d{1,2}:59:00/);
            expect(lastSync[2]).toBe('');
            expect($(el, '.stale-help')).not.toBeNull();
            await expect(el).toBeAccessible();
        });

        it('turns "syncing" into "no connector running" once the heartbeat is older than 12 minutes', async () => {
            const el = await mount([withHealth(0, 'syncing', 11 * MINUTE)]);
            expect(healthOf(el)).toEqual(['syncing']);
            now += 90_000;
            ($(el, 'button.refresh') as HTMLButtonElement).click();
            await flush();
            expect(healthOf(el)).toEqual(['stale']);
            expect(count(el, 'health', 'stale').textContent).toContain('1');
        });

        it('the summary strip counts and each count filters the table (pressed again: all again)', async () => {
            // signed in: Teams shows every agent in a call, so agents 0000 and 0001 (Available) mismatch
            mockBridgeUrl.mockReturnValue('https://acme--c.vf.force.com/apex/TeamsBridge');
            const el = await mount([
                withHealth(0, 'syncing', MINUTE),
                withHealth(1, 'syncing', 13 * MINUTE),
                withHealth(2, 'paused', MINUTE)
            ]);
            const stale = count(el, 'health', 'stale');
            expect(stale.tagName).toBe('BUTTON');
            expect(stale.textContent).toBe('c.LiveAgentDashboard_Health_stale1');
            expect(count(el, 'health', 'syncing').textContent).toContain('1');
            expect(count(el, 'health', 'throttled').textContent).toContain('0');
            expect(count(el, 'status', 'Available').textContent).toContain('2');
            expect(count(el, 'teams', 'Busy').textContent).toContain('3');
            expect(count(el, 'mismatch', 'mismatch').textContent).toContain('2');
            expect(stale.getAttribute('aria-pressed')).toBe('false');

            stale.click();
            await flush();
            expect(names(el)).toEqual(['Agent 0001']);
            expect(count(el, 'health', 'stale').getAttribute('aria-pressed')).toBe('true');
            count(el, 'health', 'stale').click();
            await flush();
            expect(names(el)).toHaveLength(3);

            count(el, 'status', 'On_a_Call').click();
            await flush();
            expect(names(el)).toEqual(['Agent 0002']);
            expect(($(el, 'select.status-filter') as HTMLSelectElement).value).toBe('On_a_Call');
            ($(el, 'button.clear-filters') as HTMLButtonElement).click();
            await flush();
            expect(names(el)).toHaveLength(3);
            count(el, 'mismatch', 'mismatch').click();
            await flush();
            expect(names(el)).toEqual(['Agent 0000', 'Agent 0001']);
            expect(($(el, 'input.mismatch-only') as HTMLInputElement).checked).toBe(true);
            await expect(el).toBeAccessible();
        });

        it('filters by Call Center Setup, and the strip counts that setup only', async () => {
            const el = await mount([
                withHealth(0, 'syncing', MINUTE),
                withHealth(1, 'paused', MINUTE, 'a09'),
                withHealth(2, 'paused', MINUTE, 'a09')
            ]);
            const select = $(el, 'select.setup-filter') as HTMLSelectElement;
            expect([...select.options].map((o) => o.textContent)).toEqual([
                'c.LiveAgentDashboard_AllSetups',
                'Amsterdam',
                'Berlin'
            ]);
            select.value = 'a09';
            select.dispatchEvent(new CustomEvent('change'));
            await flush();
            expect(names(el)).toEqual(['Agent 0001', 'Agent 0002']);
            expect(count(el, 'health', 'paused').textContent).toContain('2');
            expect(count(el, 'health', 'syncing').textContent).toContain('0');
        });
    });

    it('every label is imported and translated', () => {
        const fs = jest.requireActual('node:fs') as typeof import('node:fs');
        const en = fs.readFileSync('force-app/main/default/labels/CustomLabels.labels-meta.xml', 'utf8');
        const de = fs.readFileSync('force-app-de/main/default/translations/de.translation-meta.xml', 'utf8');
        const defined = [...en.matchAll(/<fullName>(LiveAgentDashboard_\w+)<\/fullName>/g)].map((m) => m[1]);
        expect([...defined].sort()).toEqual([...LABEL_NAMES].sort());
        for (const name of LABEL_NAMES) expect(de).toContain(`<name>${name}</name>`);
    });
});
