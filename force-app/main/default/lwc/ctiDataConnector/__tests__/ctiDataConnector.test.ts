import { createElement } from 'lwc';
import type {} from '@sa11y/jest';
import CtiDataConnector from 'c/ctiDataConnector';
import { EnclosingUtilityId as UtilityIdAdapter, updateUtility } from 'lightning/platformUtilityBarApi';
import { graphql } from 'lightning/graphql';
import type { ConfigIssue, SyncEvent, ViewModel } from 'c/presenceSyncCore';
import { DELIVERED_CONFIGURATIONS } from 'c/presenceSyncDefaults';
import { parseConfiguration } from 'c/presenceSyncCore';
import { VIEW_FRAME_MS } from '../session';

// labels with parameters get their English value, so the tests can see what is filled in
jest.mock(
    '@salesforce/label/c.CtiDataConnector_CallStatusMessage',
    () => ({ default: 'On a customer call' }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/label/c.CtiDataConnector_Masked',
    () => ({ default: 'Teams shows {0} instead of {1}.' }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/label/c.CtiDataConnector_WaitUntil', () => ({ default: 'Waiting until {0}.' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.CtiDataConnector_UtilityLabel', () => ({ default: 'Teams sync: {0}' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.CtiDataConnector_EmailSaveFailed', () => ({ default: 'Not saved: {0}' }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.CtiDataConnector_ConfigBroken',
    () => ({ default: 'Configuration {0} is broken' }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/label/c.CtiDataConnector_IssueRow', () => ({ default: 'Row {0}: {1}' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.CtiDataConnector_IssueRecord', () => ({ default: 'Configuration: {0}' }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.CtiDataConnector_Config_textTooLong',
    () => ({
        default: '{0} is longer than 280 characters, the most Teams shows as a status message. Shorten it.'
    }),
    { virtual: true }
);
jest.mock('@salesforce/label/c.CtiDataConnector_HistoryChange', () => ({ default: '{0} → {1}' }), {
    virtual: true
});

jest.mock(
    '@salesforce/label/c.CtiDataConnector_Config_duplicateSalesforceRow',
    () => ({ default: 'row {1} already maps the Salesforce status {2}.' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.CtiDataConnector_Config_duplicateTeamsRow',
    () => ({ default: 'row {1} already maps the Teams status {2}.' }),
    { virtual: true }
);

// the Jest mock's test wire adapter
const EnclosingUtilityId = UtilityIdAdapter as unknown as { emit(value: unknown): void };
const graphqlAdapter = graphql as unknown as {
    emit(
        value: unknown,
        filter?: (config: Record<string, unknown>) => boolean,
        refresh?: () => unknown
    ): void;
};

interface MockRunner {
    configuration: unknown;
    options: { callStatusMessage?: string | null } | undefined;
    ports: { omni: { setStatus(s: string): Promise<void> }; phone: unknown };
    onView: (view: ViewModel) => void;
    start: jest.Mock;
    dispatch: jest.Mock;
    dispose: jest.Mock;
}
const mockRunners: MockRunner[] = [];
jest.mock('c/presenceSyncRunner', () => {
    const actual = jest.requireActual('c/presenceSyncRunner');
    return {
        ...actual,
        PresenceSyncRunner: jest.fn().mockImplementation((configuration, ports, onView, options) => {
            const runner = {
                configuration,
                options,
                ports,
                onView,
                start: jest.fn(),
                dispatch: jest.fn(),
                dispose: jest.fn()
            };
            mockRunners.push(runner);
            return runner;
        })
    };
});

interface MockBridge {
    options: { onEvent(e: unknown): void; bridgeUrl: string };
    start: jest.Mock;
    request: jest.Mock;
    setVisible: jest.Mock;
    dispose: jest.Mock;
}
const mockBridges: MockBridge[] = [];
jest.mock('c/presenceSyncBridge', () => ({
    __esModule: true,
    default: jest.fn().mockImplementation((options) => {
        const bridge = {
            options,
            start: jest.fn(),
            request: jest.fn().mockResolvedValue({
                ok: true,
                value: { initialized: true, role: 'agent', account: null, interaction: 'idle' }
            }),
            connect: jest.fn(),
            setVisible: jest.fn(),
            dispose: jest.fn()
        };
        mockBridges.push(bridge);
        return bridge;
    })
}));

jest.mock('c/presenceSyncBridgeProtocol', () => ({
    ...jest.requireActual('c/presenceSyncBridgeProtocol'),
    bridgeUrlFor: () => 'https://acme--c.vf.force.com/apex/TeamsBridge?parentOrigin=x'
}));

const mockOmni = {
    setStatus: jest.fn(),
    logout: jest.fn(),
    omniEvent: jest.fn(),
    omniCommandResult: jest.fn(),
    requestCurrentStatus: jest.fn(),
    dispose: jest.fn()
};
const mockOmniOptions: { send(d: unknown): void; onEvent(e: SyncEvent): void }[] = [];
const mockAdapters = {
    loadStatuses: jest.fn(),
    evaluateConfiguration: jest.fn(),
    saveEmail: jest.fn(),
    saveSignIn: jest.fn(),
    saveHealth: jest.fn(() => Promise.resolve()),
    createOmni: jest.fn((options) => {
        mockOmniOptions.push(options);
        return mockOmni;
    }),
    createPhone: jest.fn(() => ({
        start: jest.fn(),
        setReasonCode: jest.fn(),
        voiceToolkitHandlers: jest.fn(() => ({})),
        dispose: jest.fn()
    }))
};
jest.mock('../adapters', () => ({
    get ADAPTERS() {
        return mockAdapters;
    }
}));

const parsed = parseConfiguration(DELIVERED_CONFIGURATIONS[0]);
if (!parsed.ok) throw new Error('delivered configuration does not parse');
const CONFIGURATION = { ...parsed.configuration, azureClientId: 'c', azureTenantId: 't' };

const SETTINGS = {
    id: 'a03xx000000S1tTAAS',
    email: 'agent@example.com',
    callCenterSetupId: null,
    callCenterSetupName: null,
    configurationId: null,
    entraObjectId: null,
    entraUserPrincipalName: null
};

function loaded(overrides: Record<string, unknown> = {}) {
    return {
        problem: null,
        configuration: CONFIGURATION,
        statusLabels: { Available: 'Available (org)' },
        statuses: null,
        email: 'agent@example.com',
        settings: SETTINGS,
        userName: 'Ada Agent',
        ...overrides
    };
}

function view(overrides: Partial<ViewModel> = {}): ViewModel {
    return {
        health: 'syncing',
        agreement: 'same',
        iconVariant: 'success',
        highlighted: false,
        salesforceStatus: 'Available',
        teams: { availability: 'Available', activity: 'Available' },
        onCall: false,
        masked: null,
        waitUntil: null,
        recent: [],
        ...overrides
    };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
/**
 * After the session's render timer: it was set first with the same delay, so it fires first; then the
 * component's re-render (a microtask) is done.
 */
const renderFrame = () => new Promise((resolve) => setTimeout(resolve, VIEW_FRAME_MS)).then(flush);

async function mount(): Promise<
    HTMLElement & { omniEvent(e: unknown): void; omniCommandResult(r: unknown): void }
> {
    const element = createElement('c-cti-data-connector', { is: CtiDataConnector });
    document.body.appendChild(element);
    await flush();
    await flush();
    return element as never;
}

function shadow(element: HTMLElement): ShadowRoot {
    return element.shadowRoot as ShadowRoot;
}

function text(element: HTMLElement, selector: string): string {
    return shadow(element).querySelector(selector)?.textContent?.trim() ?? '';
}

async function showView(v: ViewModel): Promise<void> {
    mockRunners[mockRunners.length - 1].onView(v);
    await renderFrame();
}

function click(element: HTMLElement, selector: string): void {
    const target = shadow(element).querySelector(selector);
    if (target === null) throw new Error(`${selector} not rendered`);
    target.dispatchEvent(new CustomEvent('click'));
}

function lastDispatched(): SyncEvent {
    const calls = mockRunners[mockRunners.length - 1].dispatch.mock.calls;
    return calls[calls.length - 1][0];
}

describe('c-cti-data-connector', () => {
    beforeEach(() => {
        mockRunners.length = 0;
        mockBridges.length = 0;
        mockOmniOptions.length = 0;
        jest.clearAllMocks();
        mockAdapters.evaluateConfiguration.mockReturnValue(loaded());
        mockAdapters.loadStatuses.mockResolvedValue({ ok: true, directory: null });
        mockOmni.requestCurrentStatus.mockResolvedValue(undefined);
        (updateUtility as jest.Mock).mockResolvedValue(true);
        mockAdapters.saveSignIn.mockResolvedValue({ ok: true, saved: true });
    });

    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    describe('composition', () => {
        it('loads the configuration, then starts the bridge, the runner and asks Omni for the current status', async () => {
            const element = await mount();

            expect(mockRunners).toHaveLength(1);
            expect(mockRunners[0].configuration).toBe(CONFIGURATION);
            expect(mockRunners[0].start).toHaveBeenCalled();
            expect(mockBridges[0].start).toHaveBeenCalled();
            expect(mockBridges[0].request).toHaveBeenCalledWith('init', {
                clientId: 'c',
                tenantId: 't',
                loginHint: 'agent@example.com',
                role: 'agent'
            });
            expect(mockOmni.requestCurrentStatus).toHaveBeenCalled();
            expect(shadow(element).querySelector('.bridge iframe, .bridge')).not.toBeNull();
        });

        const STATUS_MESSAGE_CASES: [string, Partial<typeof CONFIGURATION>, string | null][] = [
            [
                'its own text',
                { callStatusMessage: { enabled: true, text: 'Im Kundengespräch, bitte chatten' } },
                'Im Kundengespräch, bitte chatten'
            ],
            [
                'the label when blank',
                { callStatusMessage: { enabled: true, text: null } },
                'On a customer call'
            ],
            ['none when off', { callStatusMessage: { enabled: false, text: 'On a sales call' } }, null],
            [
                'none when Teams is never written',
                { direction: 'MeetingAppToSalesforce', callStatusMessage: { enabled: true, text: null } },
                null
            ]
        ];
        it.each(STATUS_MESSAGE_CASES)(
            "gives the runner the configuration's status message: %s",
            async (_what, patch, expected) => {
                mockAdapters.evaluateConfiguration.mockReturnValue(
                    loaded({ configuration: { ...CONFIGURATION, ...patch } })
                );
                await mount();
                expect(mockRunners).toHaveLength(1);
                expect(mockRunners[0].options).toEqual({ callStatusMessage: expected });
            }
        );

        it('tells the runner it is signed out when the bridge has no account', async () => {
            await mount();
            await flush();

            expect(lastDispatched()).toEqual(
                expect.objectContaining({ type: 'signedOut', reason: 'signInRequired' })
            );
        });

        it('tells the runner it is signed in when the bridge reports an account, and hides the connect hint', async () => {
            const element = await mount();
            await showView(view({ health: 'signInRequired', iconVariant: 'error' }));
            click(element, 'lightning-button.connect');
            await flush();
            expect(shadow(element).querySelector('.connect-hint')).not.toBeNull();

            mockBridges[0].options.onEvent({ type: 'signedIn', data: { objectId: 'o', upn: 'a@b.c' } });
            await flush();

            expect(lastDispatched()).toEqual(expect.objectContaining({ type: 'signedIn' }));
            expect(shadow(element).querySelector('.connect-hint')).toBeNull();
        });

        it('shows why an interactive sign-in failed', async () => {
            const element = await mount();

            mockBridges[0].options.onEvent({
                type: 'signInFailed',
                data: { error: { kind: 'consentRequired' } }
            });
            await flush();

            expect(shadow(element).querySelector('.sign-in-failed')).not.toBeNull();
        });

        it.each([
            [65004, 'consentDeclined'],
            [53003, 'conditionalAccess'],
            [50105, 'userNotAssigned'],
            [9002326, 'redirectUriNotSpa'],
            [50011, 'redirectUriMismatch'],
            [90002, 'wrongTenant'],
            [50020, 'wrongTenant']
        ])('names the cause of a sign-in Entra refused with AADSTS%s', async (entraCode, cause) => {
            const element = await mount();

            mockBridges[0].options.onEvent({
                type: 'signInFailed',
                data: { error: { kind: 'signInRequired', detail: 'access_denied', entraCode } }
            });
            await flush();

            expect(shadow(element).querySelector('.sign-in-failed')?.textContent).toContain(
                `CtiDataConnector_EntraCause_${cause}`
            );
        });

        it('falls back to the error kind when Entra gave no number', async () => {
            const element = await mount();

            mockBridges[0].options.onEvent({
                type: 'signInFailed',
                data: { error: { kind: 'signInRequired', detail: 'access_denied' } }
            });
            await flush();

            expect(shadow(element).querySelector('.sign-in-failed')?.textContent).toContain(
                'CtiDataConnector_SignInFailed'
            );
        });

        it('disposes the runner and the bridge when removed', async () => {
            const element = await mount();

            document.body.removeChild(element);

            expect(mockRunners[0].dispose).toHaveBeenCalled();
            expect(mockBridges[0].dispose).toHaveBeenCalled();
            expect(mockOmni.dispose).toHaveBeenCalled();
        });
    });

    describe('states from the view model', () => {
        it('healthy: both sides in words and the health', async () => {
            const element = await mount();

            await showView(
                view({
                    salesforceStatus: 'On_a_Call',
                    teams: { availability: 'Busy', activity: 'InACall' },
                    recent: [
                        { at: 1, source: 'salesforce', from: 'Available', to: 'On_a_Call', reason: 'manual' }
                    ]
                })
            );

            expect(text(element, '.salesforce-status')).toBe('c.CtiDataConnector_Status_On_a_Call');
            expect(text(element, '.teams-status')).toBe(
                'c.CtiDataConnector_Teams_Busy · c.CtiDataConnector_Teams_InACall'
            );
            expect(shadow(element).querySelector('.teams-status .presence-dot_busy')).not.toBeNull();
            expect(text(element, '.health-label')).toBe('c.CtiDataConnector_Health_syncing');
            expect(text(element, '.health-help')).toBe('c.CtiDataConnector_HealthHelp_syncing');
            expect(shadow(element).querySelectorAll('.history-row')).toHaveLength(1);
            expect(text(element, '.history-change')).toBe(
                'Available (org) → c.CtiDataConnector_Status_On_a_Call'
            );
            expect(text(element, '.history-reason')).toBe('c.CtiDataConnector_Reason_manual');
            await expect(element).toBeAccessible();
        });

        it('paused: Resume replaces Pause', async () => {
            const element = await mount();

            await showView(view({ health: 'paused', iconVariant: null }));

            expect(shadow(element).querySelector('lightning-button.resume')).not.toBeNull();
            expect(shadow(element).querySelector('lightning-button.pause')).toBeNull();
            expect(text(element, '.health-label')).toBe('c.CtiDataConnector_Health_paused');
            await expect(element).toBeAccessible();
        });

        it('reconnect: sign-in required offers Connect, not Disconnect', async () => {
            // an agent who connected before (the settings name the account)
            mockAdapters.evaluateConfiguration.mockReturnValue(
                loaded({ settings: { ...SETTINGS, entraObjectId: 'oid-1' } })
            );
            const element = await mount();

            await showView(
                view({ health: 'signInRequired', iconVariant: 'error', highlighted: true, teams: null })
            );

            expect(shadow(element).querySelector('lightning-button.connect')).not.toBeNull();
            expect(shadow(element).querySelector('lightning-button.disconnect')).toBeNull();
            expect(text(element, '.health-label')).toBe('c.CtiDataConnector_Health_signInRequired');
            // nothing is read from Teams while signed out: no stale value, no "not known yet"
            expect(text(element, '.teams-status')).toBe('c.CtiDataConnector_TeamsNotConnected');
            expect(shadow(element).querySelector('.first-run')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('throttled: says until when it waits', async () => {
            const element = await mount();
            const waitUntil = Date.UTC(2026, 0, 1, 10, 42, 13);

            await showView(view({ health: 'throttled', iconVariant: 'warning', waitUntil }));

            expect(text(element, '.health-label')).toBe('c.CtiDataConnector_Health_throttled');
            expect(text(element, '.health-wait')).toBe(
                // in the user's Salesforce locale and time zone (sfdx-lwc-jest: en-US, America/Los_Angeles)
                `Waiting until ${new Intl.DateTimeFormat('en-US', {
                    timeZone: 'America/Los_Angeles',
                    hour: 'numeric',
                    minute: '2-digit',
                    second: '2-digit'
                }).format(waitUntil)}.`
            );
            await expect(element).toBeAccessible();
        });

        it('circuit open: health, wait and an error on the utility', async () => {
            const element = await mount();
            EnclosingUtilityId.emit('utility-1');

            await showView(
                view({ health: 'circuitOpen', iconVariant: 'error', highlighted: true, waitUntil: 5 })
            );

            expect(text(element, '.health-label')).toBe('c.CtiDataConnector_Health_circuitOpen');
            expect(shadow(element).querySelector('.health-wait')).not.toBeNull();
            expect(updateUtility).toHaveBeenLastCalledWith('utility-1', {
                label: 'Teams sync: c.CtiDataConnector_Health_circuitOpen',
                icon: 'error',
                iconVariant: 'error',
                highlighted: true
            });
            await expect(element).toBeAccessible();
        });

        it('masked: says what Teams shows instead of what was written', async () => {
            const element = await mount();

            await showView(
                view({
                    iconVariant: 'warning',
                    masked: {
                        wrote: { availability: 'Available', activity: 'Available' },
                        shows: { availability: 'Busy', activity: 'InAMeeting' }
                    }
                })
            );

            expect(text(element, '.masked p')).toBe(
                'Teams shows c.CtiDataConnector_Teams_Busy · c.CtiDataConnector_Teams_InAMeeting instead of c.CtiDataConnector_Teams_Available.'
            );
            // the health does not claim both sides show the same presence
            expect(text(element, '.health-label')).toBe('c.CtiDataConnector_Health_syncing');
            expect(text(element, '.health-help')).toBe('');
            await expect(element).toBeAccessible();
        });

        it('on a call: shows the call indicator', async () => {
            const element = await mount();
            expect(shadow(element).querySelector('.on-call')).toBeNull();

            await showView(view({ onCall: true, teams: { availability: 'Busy', activity: 'InACall' } }));

            expect(text(element, '.on-call')).toBe('c.CtiDataConnector_OnCall');
            await expect(element).toBeAccessible();
        });

        it('broken configuration: the validator messages, no sync, a warning on the utility', async () => {
            const issues: ConfigIssue[] = [
                {
                    code: 'duplicateSalesforceRow',
                    row: 3,
                    field: 'SalesforceStatus__c',
                    message: 'x',
                    relatedRow: 1
                },
                { code: 'someNewCode', row: 4, field: 'X', message: 'the core says why' },
                {
                    code: 'textTooLong',
                    row: null,
                    field: 'CallStatusMessage__c',
                    message: 'CallStatusMessage__c has 281 characters; Teams shows at most 280'
                }
            ];
            mockAdapters.evaluateConfiguration.mockReturnValue(
                loaded({ problem: { kind: 'invalid', configName: 'Cfg', issues }, configuration: null })
            );
            const element = await mount();
            EnclosingUtilityId.emit('utility-1');
            await flush();

            expect(mockRunners).toHaveLength(0);
            expect(text(element, '.config-problem p')).toBe('Configuration Cfg is broken');
            const items = [...shadow(element).querySelectorAll('.config-issues li')].map(
                (li) => li.textContent
            );
            expect(items).toEqual([
                'Row 3: row 1 already maps the Salesforce status .',
                'Row 4: the core says why',
                'Configuration: CallStatusMessage__c is longer than 280 characters, the most Teams shows as a status message. Shorten it.'
            ]);
            expect(updateUtility).toHaveBeenLastCalledWith('utility-1', {
                label: 'Teams sync: c.CtiDataConnector_ConfigPausedShort',
                icon: 'warning',
                iconVariant: 'error',
                highlighted: true
            });
            await expect(element).toBeAccessible();
        });

        it('missing configuration: says so and starts nothing', async () => {
            mockAdapters.evaluateConfiguration.mockReturnValue(
                loaded({ problem: { kind: 'missing' }, configuration: null })
            );
            const element = await mount();

            expect(mockRunners).toHaveLength(0);
            expect(mockBridges).toHaveLength(0);
            expect(text(element, '.config-problem p')).toBe('c.CtiDataConnector_ConfigMissing');
        });
    });

    describe('never claims agreement that is not there', () => {
        it.each<[string, Partial<ViewModel>, string, string]>([
            [
                'a softphone call: Teams shows the call, Salesforce keeps its status',
                {
                    agreement: 'onCall',
                    onCall: true,
                    teams: { availability: 'Busy', activity: 'InACall' }
                },
                'onCall',
                'call'
            ],
            [
                'Teams "Appear offline": Teams shows Offline, which the app cannot change',
                {
                    agreement: 'teamsOffline',
                    iconVariant: 'warning',
                    salesforceStatus: 'Busy',
                    teams: { availability: 'Offline', activity: 'OffWork' }
                },
                'teamsOffline',
                'warning'
            ],
            [
                'a configuration that does not write to Teams (3CX)',
                {
                    agreement: 'teamsNotWritten',
                    iconVariant: null,
                    salesforceStatus: 'Busy',
                    teams: { availability: 'Available', activity: 'Available' }
                },
                'teamsNotWritten',
                'forward'
            ],
            [
                'the two differ for now',
                {
                    agreement: 'differs',
                    iconVariant: null,
                    teams: { availability: 'Away', activity: 'Away' }
                },
                'differs',
                'sync'
            ]
        ])('%s', async (_name, overrides, key, icon) => {
            const element = await mount();
            EnclosingUtilityId.emit('utility-1');
            await showView(view(overrides));

            expect(text(element, '.health-label')).toBe(`c.CtiDataConnector_Health_${key}`);
            expect(text(element, '.health-help')).toBe(`c.CtiDataConnector_HealthHelp_${key}`);
            expect(text(element, '.health-label')).not.toContain('Health_syncing');
            expect(updateUtility).toHaveBeenLastCalledWith(
                'utility-1',
                expect.objectContaining({ label: `Teams sync: c.CtiDataConnector_Health_${key}`, icon })
            );
            await expect(element).toBeAccessible();
        });

        it('says "In sync" when both agree', async () => {
            const element = await mount();
            EnclosingUtilityId.emit('utility-1');
            await showView(view());

            expect(text(element, '.health-label')).toBe('c.CtiDataConnector_Health_syncing');
            expect(updateUtility).toHaveBeenLastCalledWith(
                'utility-1',
                expect.objectContaining({ label: 'Teams sync: c.CtiDataConnector_Health_syncing' })
            );
        });
    });

    it.each([
        ['Health_onCall', 'Teams shows your call', 'Teams zeigt Ihren Anruf'],
        ['Health_teamsOffline', 'Teams shows you offline', 'Teams zeigt Sie als offline'],
        ['Health_teamsNotWritten', 'Teams to Salesforce only', 'Nur von Teams zu Salesforce'],
        ['Health_differs', 'Sync running', 'Synchronisierung läuft'],
        ['Health_notConnected', 'Not connected yet', 'Noch nicht verbunden'],
        [
            'HealthHelp_firstRunEmail',
            'Save your email first, then connect Microsoft Teams.',
            'Speichern Sie zuerst Ihre E-Mail-Adresse und verbinden Sie dann Microsoft Teams.'
        ],
        ['TeamsNotConnected', 'Not connected', 'Nicht verbunden'],
        [
            'Config_duplicateSalesforceRow',
            'row {1} already maps the Salesforce status {2}.',
            'Zeile {1} ordnet den Salesforce-Status {2} bereits zu.'
        ]
    ])('says %s in English and German', (key, en, de) => {
        const fs = jest.requireActual('node:fs') as typeof import('node:fs');
        const english = fs.readFileSync('force-app/main/default/labels/CustomLabels.labels-meta.xml', 'utf8');
        const german = fs.readFileSync(
            'force-app-de/main/default/translations/de.translation-meta.xml',
            'utf8'
        );
        const name = `CtiDataConnector_${key}`;
        const enValue = new RegExp(
            `<fullName>${name}</fullName>[\\s\\S]*?<value>\\s*([^<]*?)\\s*</value>`
        ).exec(english)?.[1];
        const deValue = new RegExp(`<label>\\s*([^<]*?)\\s*</label>\\s*<name>${name}</name>`).exec(
            german
        )?.[1];
        expect([enValue, deValue]).toEqual([en, de]);
    });

    describe('first run', () => {
        const signedOut = (): ViewModel =>
            view({
                health: 'signInRequired',
                agreement: null,
                iconVariant: 'error',
                highlighted: true,
                teams: null
            });

        it('a new agent without an email: what to do first, neutral, no Connect and no Pause', async () => {
            mockAdapters.evaluateConfiguration.mockReturnValue(
                loaded({ email: null, settings: { ...SETTINGS, email: null } })
            );
            const element = await mount();
            EnclosingUtilityId.emit('utility-1');
            await showView(signedOut());

            expect(text(element, '.health-label')).toBe('c.CtiDataConnector_Health_notConnected');
            expect(text(element, '.health-help')).toBe('c.CtiDataConnector_HealthHelp_firstRunEmail');
            const steps = [...shadow(element).querySelectorAll('.first-run li')].map((li) =>
                li.textContent?.trim()
            );
            expect(steps).toEqual([
                expect.stringContaining('c.CtiDataConnector_FirstRunStepEmail'),
                'c.CtiDataConnector_FirstRunStepConnect'
            ]);
            expect(shadow(element).querySelector('lightning-button.connect')).toBeNull();
            expect(shadow(element).querySelector('lightning-button.pause')).toBeNull();
            expect(shadow(element).querySelector('.sign-in-failed')).toBeNull();
            expect(updateUtility).toHaveBeenLastCalledWith('utility-1', {
                label: 'Teams sync: c.CtiDataConnector_Health_notConnected',
                icon: 'info',
                iconVariant: '',
                highlighted: false
            });
            await expect(element).toBeAccessible();

            click(element, 'lightning-button.first-run-email');
            await flush();
            expect(shadow(element).querySelector('lightning-input.email')).not.toBeNull();
        });

        it('with the email saved: Connect is the next step, enabled', async () => {
            const element = await mount();
            await showView(signedOut());

            expect(text(element, '.health-label')).toBe('c.CtiDataConnector_Health_notConnected');
            expect(text(element, '.health-help')).toBe('c.CtiDataConnector_HealthHelp_notConnected');
            expect(shadow(element).querySelector('.first-run lightning-icon')).not.toBeNull();
            const connect = shadow(element).querySelector('lightning-button.connect') as unknown as {
                disabled: boolean;
            };
            expect(connect.disabled).toBe(false);
            expect(shadow(element).querySelector('lightning-button.pause')).toBeNull();
        });

        it('once connected, a later sign-out is "sign-in required" again', async () => {
            const element = await mount();
            await showView(view());
            await showView(signedOut());

            expect(text(element, '.health-label')).toBe('c.CtiDataConnector_Health_signInRequired');
            expect(shadow(element).querySelector('.first-run')).toBeNull();
        });
    });

    describe("history and configuration problems in the agent's words", () => {
        it('a Teams change that set Salesforce is a Salesforce row; what the app wrote is a Teams row', async () => {
            const element = await mount();
            await showView(
                view({
                    recent: [
                        {
                            at: 2,
                            source: 'sync',
                            from: 'Available/Available',
                            to: 'Away/Away',
                            reason: 'write'
                        },
                        { at: 1, source: 'teams', from: 'Available', to: 'Away', reason: 'mapped' }
                    ]
                })
            );
            const rows = [...shadow(element).querySelectorAll('.history-row')].map((row) =>
                [...row.querySelectorAll('span')].map((span) => span.textContent?.trim())
            );
            expect(rows).toEqual([
                [
                    'c.CtiDataConnector_Source_teams',
                    'c.CtiDataConnector_Teams_Available → c.CtiDataConnector_Teams_Away',
                    'c.CtiDataConnector_Reason_write'
                ],
                [
                    'c.CtiDataConnector_Source_salesforce',
                    'Available (org) → c.CtiDataConnector_Status_Away',
                    'c.CtiDataConnector_Reason_mapped'
                ]
            ]);
        });

        it("Salesforce statuses in the user's language unless the org named them itself", async () => {
            mockAdapters.evaluateConfiguration.mockReturnValue(
                loaded({ statusLabels: { Away: 'Away', Busy: 'Do not call', Lunch: 'Lunch' } })
            );
            const element = await mount();
            await showView(
                view({
                    recent: [
                        { at: 3, source: 'salesforce', from: 'Busy', to: 'Lunch', reason: 'manual' },
                        { at: 2, source: 'salesforce', from: 'Available', to: 'Away', reason: 'manual' }
                    ]
                })
            );
            const changes = [...shadow(element).querySelectorAll('.history-change')].map((e) =>
                e.textContent?.trim()
            );
            expect(changes).toEqual([
                'Do not call → Lunch',
                'c.CtiDataConnector_Status_Available → c.CtiDataConnector_Status_Away'
            ]);
        });

        it('a duplicated status is named with the label the agent sees', async () => {
            const issues: ConfigIssue[] = [
                {
                    code: 'duplicateSalesforceRow',
                    row: 7,
                    field: 'SalesforceStatus__c',
                    message: 'x',
                    relatedRow: 6,
                    value: 'Do_Not_Disturb'
                },
                {
                    code: 'duplicateTeamsRow',
                    row: 9,
                    field: 'TeamsActivity__c',
                    message: 'x',
                    relatedRow: 2,
                    value: 'Busy/InACall'
                }
            ];
            mockAdapters.evaluateConfiguration.mockReturnValue(
                loaded({ problem: { kind: 'invalid', configName: 'Cfg', issues }, configuration: null })
            );
            const element = await mount();
            const items = [...shadow(element).querySelectorAll('.config-issues li')].map(
                (li) => li.textContent
            );
            expect(items).toEqual([
                'Row 7: row 6 already maps the Salesforce status c.CtiDataConnector_Status_Do_Not_Disturb.',
                'Row 9: row 2 already maps the Teams status c.CtiDataConnector_Teams_Busy · c.CtiDataConnector_Teams_InACall.'
            ]);
        });
    });

    describe('actions', () => {
        it.each([
            ['lightning-button.pause', 'userPaused', view()],
            [
                'lightning-button.connect',
                'userRequestedConnect',
                view({ health: 'stopped', iconVariant: null })
            ],
            ['lightning-button.disconnect', 'userRequestedDisconnect', view()]
        ])('%s dispatches %s', async (selector, type, v) => {
            const element = await mount();
            await showView(v);

            click(element, selector);

            expect(lastDispatched()).toEqual(expect.objectContaining({ type }));
        });

        it('resume dispatches userResumed after a pause', async () => {
            const element = await mount();
            await showView(view());
            click(element, 'lightning-button.pause');
            await flush();

            click(element, 'lightning-button.resume');

            expect(lastDispatched()).toEqual(expect.objectContaining({ type: 'userResumed' }));
        });

        it('cancel hides the bridge frame again', async () => {
            const element = await mount();
            await showView(view({ health: 'stopped', iconVariant: null }));
            click(element, 'lightning-button.connect');
            await flush();

            click(element, 'lightning-button.cancel-connect');

            expect(mockBridges[0].setVisible).toHaveBeenCalledWith(false);
        });

        it('feeds page visibility and page close to the runner', async () => {
            await mount();

            Object.defineProperty(document, 'hidden', { configurable: true, value: true });
            document.dispatchEvent(new CustomEvent('visibilitychange'));
            expect(lastDispatched()).toEqual(expect.objectContaining({ type: 'pageHidden' }));
            Object.defineProperty(document, 'hidden', { configurable: true, value: false });
            document.dispatchEvent(new CustomEvent('visibilitychange'));
            expect(lastDispatched()).toEqual(expect.objectContaining({ type: 'pageVisible' }));
            window.dispatchEvent(new CustomEvent('pagehide'));
            expect(lastDispatched()).toEqual(expect.objectContaining({ type: 'pageClosing' }));
        });
    });

    describe('Aura seam', () => {
        it('passes host events to the Omni adapter and its events to the runner', async () => {
            const element = await mount();
            const hostEvent = {
                type: 'statusChanged',
                statusApiName: 'Busy',
                reason: 'OmniManualStatusChange'
            };

            element.omniEvent(hostEvent);
            mockOmniOptions[0].onEvent({
                type: 'omniStatusChanged',
                at: 1,
                status: 'Busy',
                reason: 'OmniManualStatusChange'
            });

            expect(mockOmni.omniEvent).toHaveBeenCalledWith(hostEvent);
            expect(lastDispatched()).toEqual({
                type: 'omniStatusChanged',
                at: 1,
                status: 'Busy',
                reason: 'OmniManualStatusChange'
            });
        });

        it('queues Omni events that arrive before the runner and feeds them in order', async () => {
            mockAdapters.evaluateConfiguration.mockReturnValue(null); // still loading
            await mount();
            const early: SyncEvent = {
                type: 'omniStatusChanged',
                at: 1,
                status: 'Away',
                reason: 'OmniLoginStatusChange'
            };
            mockOmniOptions[0].onEvent(early);

            mockAdapters.evaluateConfiguration.mockReturnValue(loaded());
            graphqlAdapter.emit({ uiapi: { query: {} } });
            await flush();
            await flush();

            expect(mockRunners[0].dispatch.mock.calls[0][0]).toEqual(early);
        });

        it('dispatches omnicommand for the host and hands its result to the adapter', async () => {
            const element = await mount();
            const commands: unknown[] = [];
            element.addEventListener('omnicommand', (e) => commands.push((e as CustomEvent).detail));

            mockOmniOptions[0].send({ id: 'omni-1', type: 'setStatus', statusId: '0N5000000000001' });
            element.omniCommandResult({ id: 'omni-1', ok: true });

            expect(commands).toEqual([{ id: 'omni-1', type: 'setStatus', statusId: '0N5000000000001' }]);
            expect(mockOmni.omniCommandResult).toHaveBeenCalledWith({ id: 'omni-1', ok: true });
            expect(mockRunners[0].ports.omni).toBe(mockOmni);
        });
    });

    describe('utility bar', () => {
        it('shows the health in the label and icon, and only calls again when it changes', async () => {
            await mount();
            EnclosingUtilityId.emit('utility-1');
            await flush();
            expect(updateUtility).toHaveBeenLastCalledWith('utility-1', {
                label: 'Teams sync: c.CtiDataConnector_Health_starting',
                icon: 'sync',
                iconVariant: '',
                highlighted: false
            });

            await showView(view());
            await showView(view());

            expect(updateUtility).toHaveBeenLastCalledWith('utility-1', {
                label: 'Teams sync: c.CtiDataConnector_Health_syncing',
                icon: 'success',
                iconVariant: 'success',
                highlighted: false
            });
            expect(updateUtility).toHaveBeenCalledTimes(2);
        });

        it('stops calling the utility bar API when it rejects (no Lightning Web Security)', async () => {
            (updateUtility as jest.Mock).mockRejectedValue(new Error('LWS off'));
            await mount();
            EnclosingUtilityId.emit('utility-1');
            await flush();

            await showView(view({ health: 'paused', iconVariant: null }));

            expect(updateUtility).toHaveBeenCalledTimes(1);
        });

        it('does nothing outside a utility item', async () => {
            await mount();
            EnclosingUtilityId.emit(undefined);

            await showView(view());

            expect(updateUtility).not.toHaveBeenCalled();
        });
    });

    describe('settings: Email tab', () => {
        async function openSettings(): Promise<HTMLElement> {
            const element = await mount();
            click(element, 'lightning-button-icon.gear');
            await flush();
            return element;
        }

        function typeEmail(element: HTMLElement, value: string): void {
            const input = shadow(element).querySelector('lightning-input.email') as HTMLElement;
            input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
        }

        it('opens with the saved email and closes with Escape', async () => {
            const element = await openSettings();

            expect(
                (shadow(element).querySelector('lightning-tab') as unknown as { label: string }).label
            ).toBe('c.CtiDataConnector_EmailTab');
            expect(
                (shadow(element).querySelector('lightning-input.email') as unknown as { value: string }).value
            ).toBe('agent@example.com');
            expect(
                shadow(element).querySelector('lightning-button-icon.gear')?.getAttribute('aria-expanded')
            ).toBe('true');
            await expect(element).toBeAccessible();

            shadow(element)
                .querySelector('.settings')
                ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
            await flush();

            expect(shadow(element).querySelector('.settings')).toBeNull();
        });

        it('shows an invalid email inline and does not save it', async () => {
            const element = await openSettings();
            typeEmail(element, 'not-an-email');
            await flush();

            click(element, 'lightning-button.save');
            await flush();

            expect(text(element, '.email-error')).toBe('c.CtiDataConnector_EmailInvalid');
            expect(mockAdapters.saveEmail).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('saves a valid email, disables Save meanwhile, and confirms', async () => {
            let resolve: (value: unknown) => void = () => undefined;
            mockAdapters.saveEmail.mockReturnValue(new Promise((r) => (resolve = r)));
            const element = await openSettings();
            typeEmail(element, ' new@example.com ');
            await flush();

            click(element, 'lightning-button.save');
            await flush();
            const save = shadow(element).querySelector('lightning-button.save') as unknown as {
                disabled: boolean;
            };
            expect(save.disabled).toBe(true);
            resolve({ ok: true, settingsId: SETTINGS.id, value: 'new@example.com' });
            await flush();

            expect(mockAdapters.saveEmail).toHaveBeenCalledWith('new@example.com', SETTINGS, 'Ada Agent');
            expect(save.disabled).toBe(false);
            expect(text(element, '.email-saved')).toBe('c.CtiDataConnector_EmailSaved');
            expect(shadow(element).querySelector('.email-error')).toBeNull();
        });

        it('re-runs the settings query after a successful save (refresh), not after a failed one', async () => {
            const refresh = jest.fn(() => Promise.resolve());
            const element = await openSettings();
            graphqlAdapter.emit(
                { uiapi: { query: {} } },
                (config) => 'userKey' in ((config.variables as object) ?? {}),
                refresh
            );
            await flush();
            mockAdapters.saveEmail.mockResolvedValueOnce({
                ok: false,
                code: 'saveFailed',
                value: 'new@example.com',
                message: 'no',
                fieldErrors: {},
                errors: []
            });
            typeEmail(element, 'new@example.com');
            await flush();
            click(element, 'lightning-button.save');
            await flush();
            expect(refresh).not.toHaveBeenCalled();

            mockAdapters.saveEmail.mockResolvedValueOnce({
                ok: true,
                settingsId: 'created',
                value: 'new@example.com'
            });
            click(element, 'lightning-button.save');
            await flush();
            await flush();
            expect(refresh).toHaveBeenCalledTimes(1);
        });

        it('keeps the typed value and shows the server field error when saving fails', async () => {
            mockAdapters.saveEmail.mockResolvedValue({
                ok: false,
                code: 'saveFailed',
                value: 'agent@contoso.example',
                message: 'Office 365 Email: invalid domain',
                fieldErrors: {},
                errors: []
            });
            const element = await openSettings();
            typeEmail(element, 'agent@contoso.example');
            await flush();

            click(element, 'lightning-button.save');
            await flush();
            await flush();

            expect(text(element, '.email-error')).toBe('Not saved: Office 365 Email: invalid domain');
            expect(
                (shadow(element).querySelector('lightning-input.email') as unknown as { value: string }).value
            ).toBe('agent@contoso.example');
            expect(shadow(element).querySelector('.email-saved')).toBeNull();
        });
    });
});
