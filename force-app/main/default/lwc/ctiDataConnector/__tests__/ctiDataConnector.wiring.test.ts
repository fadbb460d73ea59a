/*
 * The connector wired to the real modules: runner (with its core), presenceSyncOmni, presenceSyncPhone and
 * presenceSyncConfig's loading and saving. Only the platform and the Teams bridge iframe are doubles:
 * lightning/graphql (sfdx-lwc-jest's test wire adapter: the test emits what the org's GraphQL API would
 * answer to the settings and the configuration query), Apex, lightning/uiRecordApi, the message service
 * stub, and a bridge client that answers like the bridge with a small Teams presence model.
 */
import { createElement } from 'lwc';
import CtiDataConnector from 'c/ctiDataConnector';
import { MessageContext, publish, subscribe } from 'lightning/messageService';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { graphql } from 'lightning/graphql';
import getStatuses from '@salesforce/apex/PresenceStatusController.getStatuses';
import countAgentsSharingApp from '@salesforce/apex/PresenceSyncTenantController.countAgentsSharingApp';
import USER_ID from '@salesforce/user/Id';
import { statusDirectory } from 'c/presenceSyncConfig';
import { DELIVERED_CONFIGURATIONS } from 'c/presenceSyncDefaults';
import type { SyncEvent, ViewModel } from 'c/presenceSyncCore';
import { createSession } from '../session';
import type { Session } from '../session';

jest.mock(
    '@salesforce/apex/PresenceStatusController.getStatuses',
    () => ({ __esModule: true, default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/PresenceSyncTenantController.countAgentsSharingApp',
    () => ({ __esModule: true, default: jest.fn() }),
    { virtual: true }
);
jest.mock('@salesforce/label/c.CtiDataConnector_EmailSaveFailed', () => ({ default: 'Not saved: {0}' }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.CtiDataConnector_SignInSaveFailed',
    () => ({ default: 'Account not saved: {0}' }),
    { virtual: true }
);

const MessageContextAdapter = MessageContext as unknown as { emit(value: unknown): void };
const mockedGetStatuses = getStatuses as unknown as jest.Mock;
const mockedCountAgents = countAgentsSharingApp as unknown as jest.Mock;
const graphqlAdapter = graphql as unknown as {
    emit(
        value: unknown,
        filter?: (config: Record<string, unknown>) => boolean,
        refresh?: () => unknown
    ): void;
};
const mockedUpdateRecord = updateRecord as unknown as jest.Mock;
const mockedCreateRecord = createRecord as unknown as jest.Mock;
const mockedSubscribe = subscribe as unknown as jest.Mock;
const mockedPublish = publish as unknown as jest.Mock;

const ACCOUNT = { objectId: '8f2c4e1a-6b3d-4c5e-9a7f-1d2e3f4a5b6c', upn: 'ada.agent@acme.example' };

/** A bridge client double: answers each request as the bridge would, over a minimal Teams model. */
interface FakeBridge {
    options: { onEvent(e: unknown): void };
    request: jest.Mock;
    calls(type: string): unknown[];
}
const mockBridges: FakeBridge[] = [];
/** wake-ups the fake bridge holds until the test answers them (or fails at once, as a timed-out one) */
const mockWakes: { delayMs: number; answer: () => void }[] = [];
let mockWakeFails = false;
const mockTeams: {
    account: typeof ACCOUNT | null;
    preferred: { availability: string; activity: string } | null;
    session: { availability: string; activity: string } | null;
} = { account: null, preferred: null, session: null };

jest.mock('c/presenceSyncBridge', () => ({
    __esModule: true,
    default: jest.fn().mockImplementation((options) => {
        const ok = (value: unknown) => Promise.resolve({ ok: true, value });
        const request = jest.fn((type: string, params: Record<string, string>) => {
            switch (type) {
                case 'init':
                    return ok({
                        initialized: true,
                        role: 'agent',
                        account: mockTeams.account,
                        interaction: 'idle'
                    });
                case 'getPresence':
                    return ok(
                        mockTeams.preferred ??
                            mockTeams.session ?? { availability: 'Offline', activity: 'Offline' }
                    );
                case 'setPresence':
                    mockTeams.session = { availability: params.availability, activity: params.activity };
                    return ok({});
                case 'setPreferredPresence':
                    mockTeams.preferred = { availability: params.availability, activity: params.activity };
                    return ok({});
                case 'clearPresence':
                    mockTeams.session = null;
                    return ok({});
                case 'clearPreferredPresence':
                    mockTeams.preferred = null;
                    return ok({});
                case 'wake':
                    if (mockWakeFails) {
                        mockWakes.push({ delayMs: Number(params.delayMs), answer: () => undefined });
                        return Promise.resolve({
                            ok: false,
                            error: { kind: 'timeout', detail: 'wake unanswered' }
                        });
                    }
                    return new Promise((resolve) =>
                        mockWakes.push({
                            delayMs: Number(params.delayMs),
                            answer: () => resolve({ ok: true, value: {} })
                        })
                    );
                default:
                    return ok({});
            }
        });
        const bridge = {
            options,
            request,
            start: jest.fn(),
            connect: jest.fn(() =>
                ok({ initialized: true, role: 'agent', account: null, interaction: 'idle' })
            ),
            setVisible: jest.fn(),
            dispose: jest.fn(),
            calls: (type: string) => request.mock.calls.filter((c) => c[0] === type).map((c) => c[1])
        };
        mockBridges.push(bridge);
        return bridge;
    })
}));

jest.mock('c/presenceSyncBridgeProtocol', () => ({
    ...jest.requireActual('c/presenceSyncBridgeProtocol'),
    bridgeUrlFor: () => 'https://acme--c.vf.force.com/apex/TeamsBridge?parentOrigin=x'
}));

const STATUS_ROWS = ['Available', 'On_a_Call', 'Busy', 'Away', 'Be_Right_Back', 'Do_Not_Disturb'].map(
    (name, i) => ({ id: `0N5xx000000000${i}AAA`, developerName: name, masterLabel: name.replace(/_/g, ' ') })
);
const STATUSES = statusDirectory(STATUS_ROWS);
const idOf = (name: string): string => STATUSES.idOf(name) as string;

const CONFIGURATION_ID = 'a00xx000000CfGaAAS';
const CLIENT_ID = '4a1f6c2e-8b3d-4f5a-9e7c-6b5a4c3d2e1f';
const TENANT_ID = '7d9e3c1b-5a2f-4e8d-9b6c-0a1b2c3d4e5f';
// the delivered Phone System configuration, authorized, with a one-second poll so that a Teams change is
// read within the test
const CONFIGURATION_RECORD: Record<string, unknown> = {
    ...DELIVERED_CONFIGURATIONS[0],
    AzureClientId__c: CLIENT_ID,
    AzureTenantId__c: TENANT_ID,
    PollIntervalSeconds__c: 1
};

interface TestSettings {
    id: string;
    email: string | null;
    callCenterSetupId: string | null;
    callCenterSetupName: string | null;
    configurationId: string | null;
    /** the account pinned at the first Connect */
    entraObjectId?: string | null;
    entraUserPrincipalName?: string | null;
}

const SETTINGS: TestSettings = {
    id: 'a03xx000000S1tTAAS',
    email: 'ada.agent@acme.example',
    callCenterSetupId: 'a01xx000000SetUAAS',
    callCenterSetupName: 'Phone System',
    configurationId: CONFIGURATION_ID
};

/** The org as the GraphQL API answers for the agent: their settings record (or none) and their name. */
const mockOrg: { settings: TestSettings | null; userName: string } = {
    settings: SETTINGS,
    userName: 'Ada Agent'
};

const wrapped = (value: unknown) => ({ value });

function settingsAnswer(): unknown {
    const s = mockOrg.settings;
    const node =
        s === null
            ? null
            : {
                  Id: s.id,
                  UserKey__c: wrapped(USER_ID),
                  Office365Email__c: wrapped(s.email),
                  EntraObjectId__c: wrapped(s.entraObjectId ?? null),
                  EntraUserPrincipalName__c: wrapped(s.entraUserPrincipalName ?? null),
                  CallCenterSetup__c: wrapped(s.callCenterSetupId),
                  CallCenterSetup__r:
                      s.callCenterSetupId === null
                          ? null
                          : {
                                Name: wrapped(s.callCenterSetupName),
                                PresenceStateConfiguration__c: wrapped(s.configurationId)
                            }
              };
    return {
        uiapi: {
            query: {
                PresenceSyncUserSetting__c: { edges: node === null ? [] : [{ node }] },
                User: { edges: [{ node: { Id: USER_ID, Name: wrapped(mockOrg.userName) } }] }
            }
        }
    };
}

function configurationAnswer(): unknown {
    const node: Record<string, unknown> = { Id: CONFIGURATION_ID };
    for (const [key, value] of Object.entries(CONFIGURATION_RECORD)) {
        if (key !== 'PresenceStateLabels__r') node[key] = wrapped(value);
    }
    const rows = ((CONFIGURATION_RECORD.PresenceStateLabels__r as { records: Record<string, unknown>[] })
        .records ?? []) as Record<string, unknown>[];
    node.PresenceStateLabels__r = {
        edges: rows.map((row, i) => ({
            node: {
                Id: `a02xx00000000${i}`,
                ...Object.fromEntries(Object.entries(row).map(([k, v]) => [k, wrapped(v)]))
            }
        })),
        pageInfo: { hasNextPage: false }
    };
    return { uiapi: { query: { PresenceStateConfiguration__c: { edges: [{ node }] } } } };
}

const variablesOf = (config: Record<string, unknown>): Record<string, unknown> =>
    (config.variables as Record<string, unknown> | undefined) ?? {};

/** Runs the settings query again, as `refresh` does: the wire emits what the org has now. */
const refreshSettings = jest.fn(() => {
    emitSettings();
    return Promise.resolve();
});

function emitSettings(): void {
    graphqlAdapter.emit(
        settingsAnswer(),
        (config) => variablesOf(config).userKey === USER_ID,
        refreshSettings
    );
}

/** The org answers both queries: the settings, then (once asked for it) the configuration they name. */
async function answerQueries(): Promise<void> {
    // the wires receive their (reactive) config in a microtask after connecting
    await new Promise((resolve) => setTimeout(resolve, 0));
    emitSettings();
    await settle();
    graphqlAdapter.emit(
        configurationAnswer(),
        (config) => variablesOf(config).configurationId === CONFIGURATION_ID
    );
}

type Connector = HTMLElement & { omniEvent(e: unknown): void; omniCommandResult(r: unknown): void };

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A few macrotask turns: promise chains through the runner, the adapters and a re-render. */
function settle(times = 6): Promise<void> {
    return times <= 0 ? Promise.resolve() : flush().then(() => settle(times - 1));
}

/** Mounts the connector inside a stand-in of the Aura host: it answers every omnicommand like the toolkit. */
async function mount(omniStatus: string | null = 'Available'): Promise<{
    element: Connector;
    commands: Record<string, unknown>[];
}> {
    const element = createElement('c-cti-data-connector', { is: CtiDataConnector }) as Connector;
    const commands: Record<string, unknown>[] = [];
    element.addEventListener('omnicommand', (event) => {
        const detail = (event as CustomEvent<Record<string, unknown>>).detail;
        commands.push(detail);
        Promise.resolve().then(() => {
            if (detail.type === 'getCurrentStatus') {
                element.omniEvent({
                    type: 'currentStatus',
                    statusId: omniStatus === null ? null : idOf(omniStatus),
                    statusApiName: omniStatus,
                    statusName: omniStatus
                });
            }
            element.omniCommandResult({ id: detail.id, ok: true });
        });
    });
    document.body.appendChild(element);
    MessageContextAdapter.emit({ messageContext: 'connector' });
    await answerQueries();
    await settle();
    return { element, commands };
}

function text(element: HTMLElement, selector: string): string {
    return element.shadowRoot?.querySelector(selector)?.textContent?.trim() ?? '';
}

function query(element: HTMLElement, selector: string): Element | null {
    return element.shadowRoot?.querySelector(selector) ?? null;
}

function click(element: HTMLElement, selector: string): void {
    const target = query(element, selector);
    if (target === null) throw new Error(`${selector} not rendered`);
    target.dispatchEvent(new CustomEvent('click'));
}

function waitFor(what: string, check: () => boolean, timeoutMs = 2000): Promise<void> {
    const until = Date.now() + timeoutMs;
    const poll = (): Promise<void> => {
        if (check()) return Promise.resolve();
        if (Date.now() > until) return Promise.reject(new Error(`timed out waiting for ${what}`));
        return flush().then(poll);
    };
    return poll();
}

/** Delivers a message on PresenceSync__c as the message service does: to the connector's subscription. */
function deliver(message: unknown): void {
    expect(mockedSubscribe).toHaveBeenCalled();
    const listener = mockedSubscribe.mock.calls[mockedSubscribe.mock.calls.length - 1][2];
    listener(message);
}

/**
 * A session as the component drives it, without the component: started, given the answers of its two
 * GraphQL wires and the Omni status Available, and the MessageContext unless told otherwise. Every view
 * goes to `onView`.
 */
function startSession(onView: (view: ViewModel) => void, options = { messageContext: true }): Session {
    const container = document.createElement('div');
    const session = createSession({
        sendOmniCommand: (command) =>
            Promise.resolve().then(() => session.omniCommandResult({ id: command.id, ok: true })),
        bridgeContainer: () => container,
        lightningOrigin: 'https://acme.lightning.force.com',
        onConfiguration: () => undefined,
        onView,
        onBridgeEvent: () => undefined,
        onSignInSaveFailed: () => undefined
    });
    session.start();
    // what the component's two GraphQL wires deliver
    session.graphqlResults({
        userId: USER_ID,
        settings: { data: settingsAnswer() },
        configuration: { data: configurationAnswer() }
    });
    session.omniEvent({ type: 'currentStatus', statusId: idOf('Available'), statusApiName: 'Available' });
    if (options.messageContext) session.setMessageContext({ messageContext: 'connector' });
    return session;
}

/** Runs `check` with the page hidden and the (fake) bridge ready; the page is visible again after. */
async function whileHidden(bridge: FakeBridge, check: () => Promise<void>): Promise<void> {
    (bridge as FakeBridge & { isReady?: boolean }).isReady = true;
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState');
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
        await check();
    } finally {
        delete (document as unknown as { visibilityState?: unknown }).visibilityState;
        if (visibility) Object.defineProperty(Document.prototype, 'visibilityState', visibility);
    }
}

describe('c-cti-data-connector wired to the real adapters', () => {
    beforeEach(() => {
        jest.clearAllMocks();
        mockBridges.length = 0;
        mockTeams.account = ACCOUNT;
        mockTeams.preferred = null;
        mockTeams.session = null;
        mockOrg.settings = SETTINGS;
        mockOrg.userName = 'Ada Agent';
        mockedGetStatuses.mockResolvedValue(STATUS_ROWS);
        mockedCountAgents.mockResolvedValue(1);
        mockedSubscribe.mockReturnValue({ id: 'subscription' });
        // the org keeps what is written: a query run afterwards answers with it
        mockedUpdateRecord.mockImplementation(({ fields }: { fields: Record<string, unknown> }) => {
            const current = mockOrg.settings;
            if (current !== null && fields.Id === current.id && 'Office365Email__c' in fields) {
                mockOrg.settings = { ...current, email: fields.Office365Email__c as string };
            }
            return Promise.resolve({});
        });
    });

    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('with a valid configuration the sync starts: not paused, signed in, the Omni status reaches Teams', async () => {
        const { element, commands } = await mount('Available');

        await waitFor('the health to say syncing', () =>
            text(element, '.health-label').includes('Health_syncing')
        );
        expect(query(element, '.config-problem')).toBeNull();
        expect(text(element, '.health-label')).not.toContain('ConfigPausedShort');
        expect(commands[0]).toEqual(expect.objectContaining({ type: 'getCurrentStatus' }));
        expect(mockBridges[0].calls('init')[0]).toEqual({
            clientId: CLIENT_ID,
            tenantId: TENANT_ID,
            loginHint: 'ada.agent@acme.example',
            role: 'agent'
        });
        await waitFor('Available written to Teams', () => mockTeams.session?.availability === 'Available');
        // the org's label (MasterLabel, from Apex) only spells the API name: the delivered label in the
        // user's language instead (English next to German Teams words otherwise)
        expect(text(element, '.salesforce-status')).toBe('c.CtiDataConnector_Status_Available');
    });

    it('a broken configuration keeps the sync paused and starts no bridge', async () => {
        mockOrg.settings = { ...SETTINGS, callCenterSetupId: null, configurationId: null };
        const { element } = await mount();

        expect(text(element, '.health-label')).toBe('c.CtiDataConnector_ConfigPausedShort');
        expect(text(element, '.config-problem')).toBe('c.CtiDataConnector_ConfigMissing');
        expect(mockBridges).toHaveLength(0);
    });

    it('an Omni status change from the host reaches the runner and Teams', async () => {
        const { element } = await mount('Available');
        await waitFor('syncing', () => text(element, '.health-label').includes('Health_syncing'));

        element.omniEvent({
            type: 'statusChanged',
            statusId: idOf('Busy'),
            statusApiName: 'Busy',
            statusName: 'Busy',
            reason: 'OmniManualStatusChange'
        });

        await waitFor('Busy preferred in Teams', () => mockTeams.preferred?.availability === 'Busy');
        expect(mockBridges[0].calls('setPreferredPresence')).toContainEqual(
            expect.objectContaining({ availability: 'Busy', activity: 'Busy' })
        );
        await waitFor(
            'Busy shown',
            () => text(element, '.salesforce-status') === 'c.CtiDataConnector_Status_Busy'
        );
    });

    it('a Teams change is set in Omni through the host with the status Id', async () => {
        const { element, commands } = await mount('Available');
        await waitFor('syncing', () => text(element, '.health-label').includes('Health_syncing'));

        mockTeams.preferred = { availability: 'DoNotDisturb', activity: 'DoNotDisturb' };

        await waitFor('a setStatus command', () => commands.some((c) => c.type === 'setStatus'), 15000);
        expect(commands.find((c) => c.type === 'setStatus')).toEqual(
            expect.objectContaining({ statusId: idOf('Do_Not_Disturb') })
        );
    }, 20000);

    it('a softphone message on PresenceSync__c starts a call: Teams Busy / In a call, and the on-call line', async () => {
        const { element } = await mount('Available');
        await waitFor('syncing', () => text(element, '.health-label').includes('Health_syncing'));
        expect(mockedSubscribe.mock.calls[0][0]).toEqual({ messageContext: 'connector' });

        deliver({ callState: 'connected', callId: 'call-1', source: 'softphone' });

        await waitFor('Busy / InACall in Teams', () => mockTeams.session?.activity === 'InACall');
        await waitFor('the on-call line', () => query(element, '.on-call') !== null);
        expect(text(element, '.on-call')).toBe('c.CtiDataConnector_OnCall');

        deliver({ callState: 'ended', callId: 'call-1', source: 'softphone' });

        await waitFor('Available again', () => mockTeams.session?.availability === 'Available');
        await waitFor('the on-call line gone', () => query(element, '.on-call') === null);
    });

    it('a Salesforce status with a phone reason code is published on PresenceSync__c', async () => {
        const { element } = await mount('Available');
        await waitFor('syncing', () => text(element, '.health-label').includes('Health_syncing'));

        element.omniEvent({
            type: 'statusChanged',
            statusApiName: 'Busy',
            reason: 'OmniManualStatusChange'
        });

        // published in a task after the Omni event (the Teams write leaves first)
        const busy = () =>
            mockedPublish.mock.calls.filter(
                (call) => (call[2] as { phoneReasonCode?: string }).phoneReasonCode === 'BUSY'
            );
        await waitFor('the Busy reason code message', () => busy().length > 0);
        expect(busy()).toHaveLength(1);
        expect(busy()[0][2]).toEqual({
            phoneReasonCode: 'BUSY',
            statusApiName: 'Busy',
            source: 'presenceSync'
        });
    });

    it('a Salesforce Voice call from the toolkit element makes Teams Busy / In a call', async () => {
        const { element } = await mount('Available');
        await waitFor('syncing', () => text(element, '.health-label').includes('Health_syncing'));
        const toolkit = query(element, 'lightning-service-cloud-voice-toolkit-api');
        expect(toolkit).not.toBeNull();

        toolkit?.dispatchEvent(new CustomEvent('callconnected', { detail: { callId: 'v1' } }));

        await waitFor('Busy / InACall in Teams', () => mockTeams.session?.activity === 'InACall');
        toolkit?.dispatchEvent(new CustomEvent('callended', { detail: { callId: 'v1' } }));
        await waitFor('Available again', () => mockTeams.session?.availability === 'Available');
        expect(mockTeams.session).toEqual({ availability: 'Available', activity: 'Available' });
    });

    it("after sign-in the account's object id and UPN are saved on the agent's settings", async () => {
        await mount('Available');

        await waitFor('the identity saved', () => mockedUpdateRecord.mock.calls.length > 0);
        expect(mockedUpdateRecord).toHaveBeenCalledWith({
            fields: {
                Id: SETTINGS.id,
                EntraObjectId__c: ACCOUNT.objectId,
                EntraUserPrincipalName__c: ACCOUNT.upn
            }
        });
    });

    it('pins the account of the first Connect: later inits name its object id and sign-in name', async () => {
        mockOrg.settings = {
            ...SETTINGS,
            entraObjectId: ACCOUNT.objectId,
            entraUserPrincipalName: 'aagent@acme.onmicrosoft.example'
        };
        await mount('Available');

        await waitFor('init', () => mockBridges[0]?.calls('init').length === 1);
        expect(mockBridges[0].calls('init')[0]).toEqual({
            clientId: CLIENT_ID,
            tenantId: TENANT_ID,
            loginHint: 'aagent@acme.onmicrosoft.example',
            role: 'agent',
            accountId: ACCOUNT.objectId
        });
    });

    it('says so when the account cannot be saved for the supervisor dashboard', async () => {
        mockedUpdateRecord.mockRejectedValue({ body: { message: 'insufficient access' } });
        const { element } = await mount('Available');

        await waitFor('the message', () => query(element, '.sign-in-save-failed') !== null);
        expect(text(element, '.sign-in-save-failed')).toBe('Account not saved: insufficient access');
    });

    it('an interactive sign-in (bridge event) saves the identity too', async () => {
        mockTeams.account = null;
        const { element } = await mount('Available');
        // never connected before: a neutral first step, not "sign in again"
        await waitFor('not connected yet', () =>
            text(element, '.health-label').includes('Health_notConnected')
        );
        const identitySaves = () =>
            mockedUpdateRecord.mock.calls.filter(([input]) => 'EntraObjectId__c' in input.fields);
        expect(identitySaves()).toEqual([]);

        mockTeams.account = ACCOUNT;
        mockBridges[0].options.onEvent({ type: 'signedIn', data: ACCOUNT });

        await waitFor('the identity saved', () => identitySaves().length > 0);
        expect(identitySaves()[0][0].fields.EntraObjectId__c).toBe(ACCOUNT.objectId);
        await waitFor('syncing', () => text(element, '.health-label').includes('Health_syncing'));
    });

    describe('tenant size (agents sharing the app registration)', () => {
        const reasons = (element: HTMLElement): string[] =>
            Array.from(element.shadowRoot?.querySelectorAll('.history-reason') ?? []).map(
                (e) => e.textContent?.trim() ?? ''
            );

        it("asks Apex how many agents share the configuration's client id; the history says the budget follows", async () => {
            mockedCountAgents.mockResolvedValue(400);
            const { element } = await mount('Available');

            await waitFor('the tenant size in the history', () =>
                reasons(element).includes('c.CtiDataConnector_Reason_tenantSize')
            );
            expect(mockedCountAgents).toHaveBeenCalledTimes(1);
            expect(mockedCountAgents).toHaveBeenCalledWith({ azureClientId: CLIENT_ID });
            await waitFor('syncing', () => text(element, '.health-label').includes('Health_syncing'));
        });

        it('an Apex failure is in the history in words and the sync goes on', async () => {
            mockedCountAgents.mockRejectedValue({
                body: {
                    message: "You do not have access to the Apex class named 'PresenceSyncTenantController'."
                }
            });
            const { element } = await mount('Available');

            await waitFor('the failure in the history', () =>
                reasons(element).includes('c.CtiDataConnector_Reason_tenantSizeFailed')
            );
            await waitFor('syncing', () => text(element, '.health-label').includes('Health_syncing'));
            await waitFor(
                'Available written to Teams',
                () => mockTeams.session?.availability === 'Available'
            );
            expect(reasons(element)).toContain('c.CtiDataConnector_Reason_tenantSizeFailed');
            expect(mockedCountAgents).toHaveBeenCalledTimes(1);
        });

        it('asks again when the running configuration record changes, not when only the settings emit', async () => {
            await mount('Available');
            await waitFor('the first count', () => mockedCountAgents.mock.calls.length === 1);

            emitSettings();
            await settle();
            expect(mockedCountAgents).toHaveBeenCalledTimes(1);

            CONFIGURATION_RECORD.PollIntervalSeconds__c = 2;
            try {
                graphqlAdapter.emit(
                    configurationAnswer(),
                    (config) => variablesOf(config).configurationId === CONFIGURATION_ID
                );
                await waitFor('a second count', () => mockedCountAgents.mock.calls.length === 2);
                expect(mockedCountAgents).toHaveBeenLastCalledWith({ azureClientId: CLIENT_ID });
            } finally {
                CONFIGURATION_RECORD.PollIntervalSeconds__c = 1;
            }
        });
    });

    it('reports the sync health to the settings record once per change, not on every view', async () => {
        mockTeams.account = null;
        const { element } = await mount('Available');
        const healthSaves = () =>
            mockedUpdateRecord.mock.calls
                .map(([input]) => input.fields)
                .filter((fields) => 'SyncHealth__c' in fields);
        await waitFor('sign-in required reported', () => healthSaves().length === 1);
        expect(healthSaves()[0]).toEqual(
            expect.objectContaining({ Id: SETTINGS.id, SyncHealth__c: 'signInRequired' })
        );
        expect(healthSaves()[0].LastSuccessfulSyncAt__c).toBeNull();
        expect(Date.parse(healthSaves()[0].SyncHeartbeatAt__c)).not.toBeNaN();
        await expect(element).toBeAccessible();
    });

    describe('email', () => {
        async function saveEmail(element: HTMLElement, value: string): Promise<void> {
            click(element, 'lightning-button-icon.gear');
            await flush();
            query(element, 'lightning-input.email')?.dispatchEvent(
                new CustomEvent('change', { detail: { value } })
            );
            await flush();
            click(element, 'lightning-button.save');
            await settle();
        }

        it("an agent without a settings record gets one named after them (the user's name), keyed by the user id", async () => {
            mockOrg.settings = null;
            mockedCreateRecord.mockImplementation(({ fields }) => {
                mockOrg.settings = {
                    id: 'a03xx000000NewAAA',
                    email: fields.Office365Email__c,
                    callCenterSetupId: null,
                    callCenterSetupName: null,
                    configurationId: null
                };
                return Promise.resolve({ id: 'a03xx000000NewAAA' });
            });
            const { element } = await mount('Available');

            await saveEmail(element, 'ada.agent@acme.example');

            expect(mockedCreateRecord).toHaveBeenCalledTimes(1);
            // the new record is not in the cached answer of the settings query: it is run again
            expect(refreshSettings).toHaveBeenCalledTimes(1);
            expect(mockedCreateRecord.mock.calls[0][0]).toEqual({
                apiName: 'PresenceSyncUserSetting__c',
                fields: expect.objectContaining({
                    Name: 'Ada Agent',
                    Office365Email__c: 'ada.agent@acme.example'
                })
            });
            expect(text(element, '.email-saved')).toBe('c.CtiDataConnector_EmailSaved');
        });

        it('a saved email is written to the settings record and becomes the login hint at once', async () => {
            const { element } = await mount('Available');
            await waitFor('syncing', () => text(element, '.health-label').includes('Health_syncing'));
            mockedUpdateRecord.mockClear();

            await saveEmail(element, 'Ada.Agent@ACME.example');

            expect(mockedUpdateRecord).toHaveBeenCalledWith({
                fields: { Id: SETTINGS.id, Office365Email__c: 'Ada.Agent@acme.example' }
            });
            expect(text(element, '.email-saved')).toBe('c.CtiDataConnector_EmailSaved');
            const inits = mockBridges[0].calls('init');
            expect(inits).toHaveLength(2);
            expect(inits[1]).toEqual(expect.objectContaining({ loginHint: 'Ada.Agent@acme.example' }));
        });

        it('a new agent is guided: save the email first, then Connect (no red, no Pause)', async () => {
            mockTeams.account = null;
            mockOrg.settings = { ...SETTINGS, email: null };
            const { element } = await mount('Available');
            await waitFor('not connected yet', () =>
                text(element, '.health-label').includes('Health_notConnected')
            );
            expect(text(element, '.health-help')).toBe('c.CtiDataConnector_HealthHelp_firstRunEmail');
            expect(query(element, '.first-run .first-run-email')).not.toBeNull();
            expect(query(element, 'lightning-button.connect')).toBeNull();
            expect(query(element, 'lightning-button.pause')).toBeNull();
            expect(query(element, '.email-missing')).toBeNull();

            await saveEmail(element, 'ada.agent@acme.example');

            const connect = () =>
                query(element, 'lightning-button.connect') as unknown as { disabled: boolean } | null;
            await waitFor('Connect offered', () => connect() !== null);
            expect(connect()?.disabled).toBe(false);
            expect(text(element, '.health-help')).toBe('c.CtiDataConnector_HealthHelp_notConnected');
            expect(query(element, '.first-run .first-run-email')).toBeNull();
            expect(mockBridges[0].calls('init').pop()).toEqual(
                expect.objectContaining({ loginHint: 'ada.agent@acme.example' })
            );
        });

        it('a failed save shows the server error, keeps the typed value and the old login hint', async () => {
            const { element } = await mount('Available');
            await waitFor('syncing', () => text(element, '.health-label').includes('Health_syncing'));
            mockedUpdateRecord.mockRejectedValue({
                body: {
                    message: 'An error occurred',
                    output: { fieldErrors: { Office365Email__c: [{ message: 'invalid domain' }] } }
                }
            });

            await saveEmail(element, 'ben@contoso.example');

            expect(text(element, '.email-error')).toBe('Not saved: invalid domain');
            expect((query(element, 'lightning-input.email') as unknown as { value: string }).value).toBe(
                'ben@contoso.example'
            );
            expect(mockBridges[0].calls('init')).toHaveLength(1);
        });

        it('an address the save would refuse is refused before saving (the same check)', async () => {
            const { element } = await mount('Available');

            await saveEmail(element, 'ada@acme.x');

            expect(text(element, '.email-error')).toBe('c.CtiDataConnector_EmailInvalid');
            expect(mockedUpdateRecord).not.toHaveBeenCalledWith(
                expect.objectContaining({
                    fields: expect.objectContaining({ Office365Email__c: 'ada@acme.x' })
                })
            );
        });
    });

    it('an Omni change is posted to the bridge before the connector renders, and a burst renders once', async () => {
        const views: { salesforce: string | null; health: string }[] = [];
        const session = startSession((v) => views.push({ salesforce: v.salesforceStatus, health: v.health }));
        await settle();
        await waitFor('syncing', () => views.some((v) => v.health === 'syncing'));
        await waitFor('Available in Teams', () => mockTeams.session?.availability === 'Available');
        await settle();
        const shown = views.length;
        const status = (name: string) => ({
            type: 'statusChanged',
            statusId: idOf(name),
            statusApiName: name,
            statusName: name,
            reason: 'OmniManualStatusChange'
        });

        session.omniEvent(status('Busy'));
        // the write is with the bridge while the connector has not rendered anything yet
        expect(mockBridges[0].calls('setPreferredPresence')).toContainEqual(
            expect.objectContaining({ availability: 'Busy', activity: 'Busy' })
        );
        expect(views).toHaveLength(shown);
        session.omniEvent(status('Do_Not_Disturb'));
        await waitFor('the render', () => views.length > shown);
        await settle();

        // one render for the two changes, with the latest
        expect(views.slice(shown)).toEqual([expect.objectContaining({ salesforce: 'Do_Not_Disturb' })]);
        session.dispose();
    });

    it('a hidden console times its poll with the bridge (a worker there), then reads Teams', async () => {
        const { element } = await mount('Available');
        await waitFor('syncing', () => text(element, '.health-label').includes('Health_syncing'));
        const bridge = mockBridges[0] as FakeBridge;
        mockWakes.length = 0;
        await whileHidden(bridge, async () => {
            await waitFor('a wake-up asked of the bridge', () => mockWakes.length > 0, 5000);
            const wake = mockWakes[0] as { delayMs: number; answer: () => void };
            // the configuration polls every second
            expect(wake.delayMs).toBeGreaterThan(0);
            expect(wake.delayMs).toBeLessThanOrEqual(1000);
            const reads = bridge.calls('getPresence').length;
            await settle();
            expect(bridge.calls('getPresence')).toHaveLength(reads);

            wake.answer();

            await waitFor('the poll read Teams', () => bridge.calls('getPresence').length > reads);
        });
    });

    it('a hidden console whose bridge did not answer a wake-up keeps polling on window timers', async () => {
        const { element } = await mount('Available');
        await waitFor('syncing', () => text(element, '.health-label').includes('Health_syncing'));
        const bridge = mockBridges[0] as FakeBridge;
        mockWakes.length = 0;
        mockWakeFails = true;
        try {
            await whileHidden(bridge, async () => {
                await waitFor('a wake-up asked of the bridge', () => mockWakes.length > 0, 5000);
                const reads = bridge.calls('getPresence').length;
                // the configuration polls every second: two more reads, and the bridge was asked once
                await waitFor('two more polls', () => bridge.calls('getPresence').length >= reads + 2, 8000);
                expect(mockWakes).toHaveLength(1);
            });
        } finally {
            mockWakeFails = false;
        }
    });

    it('a sign-in reported by the bridge renders with it, not a frame later', async () => {
        const views: string[] = [];
        mockTeams.account = null;
        const session = startSession((v) => views.push(v.health), { messageContext: false });
        await waitFor('sign-in required', () => views[views.length - 1] === 'signInRequired');
        const shown = views.length;

        mockBridges[0]?.options.onEvent({ type: 'signedIn', data: ACCOUNT });

        expect(views.length).toBeGreaterThan(shown);
        expect(views[views.length - 1]).not.toBe('signInRequired');
        session.dispose();
    });

    it('Salesforce Voice toolkit events become calls: Teams Busy / In a call, then back', async () => {
        const views: string[] = [];
        const session = startSession((v) => views.push(v.health));
        await settle();
        await waitFor('syncing', () => views.includes('syncing'));

        session.voiceToolkitEvent(new CustomEvent('callconnected', { detail: { callId: 'v1' } }));
        await waitFor('Busy / InACall in Teams', () => mockTeams.session?.activity === 'InACall');
        session.voiceToolkitEvent(new CustomEvent('unrelated', { detail: { callId: 'v1' } }));
        session.voiceToolkitEvent(new CustomEvent('callended', { detail: { callId: 'v1' } }));
        await waitFor('Available again', () => mockTeams.session?.availability === 'Available');
        expect(mockTeams.session).toEqual({ availability: 'Available', activity: 'Available' });
        session.dispose();
    });
});
