import type {} from '@sa11y/jest';
import { createElement } from 'lwc';
import PresenceAuthorization from 'c/presenceAuthorization';
import { DELIVERED_CONFIGURATIONS } from 'c/presenceSyncDefaults';
import { createRecord, getRecord, updateRecord } from 'lightning/uiRecordApi';
import { graphql } from 'lightning/graphql';
import { lightningOrigin } from '../origin';

// the configuration check's sentences with their English values, so the tests see what is filled in
jest.mock(
    '@salesforce/label/c.CtiDataConnector_Config_invalidGuid',
    () => ({ default: '{0} is not a valid GUID.' }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/label/c.PresenceAuthorization_Field_AzureTenantId',
    () => ({ default: 'Azure Tenant ID' }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/label/c.CtiDataConnector_Config_duplicateSalesforceRow',
    () => ({ default: 'row {1} already maps the Salesforce status {2}.' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.CtiDataConnector_Config_textTooLong',
    () => ({
        default: '{0} is longer than 280 characters, the most Teams shows as a status message. Shorten it.'
    }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.PresenceAuthorization_Field_CallStatusMessage',
    () => ({ default: 'Call Status Message' }),
    { virtual: true }
);
jest.mock('../origin', () => ({
    ...jest.requireActual('../origin'),
    lightningOrigin: jest.fn(() => 'https://acme.lightning.force.com')
}));

interface MockBridgeOptions {
    bridgeUrl: string;
    container: HTMLElement;
    onEvent: (event: unknown) => void;
}

/** The bridge client at its boundary: scripted replies per request type, events fired on connect(). */
const mockBridge = {
    instances: [] as { options: MockBridgeOptions; calls: string[]; disposed: boolean }[],
    replies: {} as Record<string, unknown>,
    onConnect: null as null | { type: string; data: unknown }
};

jest.mock('c/presenceSyncBridge', () => ({
    __esModule: true,
    default: jest.fn().mockImplementation((options: MockBridgeOptions) => {
        const instance = { options, calls: [] as string[], disposed: false };
        mockBridge.instances.push(instance);
        return {
            start: () => instance.calls.push('start'),
            request: (type: string) => {
                instance.calls.push(type);
                return Promise.resolve(
                    mockBridge.replies[type] ?? { ok: false, error: { kind: 'server', detail: 'unscripted' } }
                );
            },
            connect: () => {
                instance.calls.push('connect');
                const event = mockBridge.onConnect;
                if (event) {
                    Promise.resolve().then(() =>
                        options.onEvent({
                            channel: 'presenceSync.teamsBridge',
                            v: 1,
                            kind: 'event',
                            ...event
                        })
                    );
                }
                return Promise.resolve({
                    ok: true,
                    value: { initialized: true, role: 'agent', account: null, interaction: 'buttonShown' }
                });
            },
            dispose: () => {
                instance.disposed = true;
            }
        };
    })
}));

type Filter = (config: Record<string, unknown>) => boolean;
interface TestAdapter {
    emit(value: unknown, filter?: Filter): void;
    emitErrors(errors: unknown[], filter?: Filter, refresh?: () => Promise<void>): void;
}
const recordAdapter = getRecord as unknown as TestAdapter;
const graphqlAdapter = graphql as unknown as TestAdapter & {
    emit(value: unknown, filter?: Filter, refresh?: () => Promise<void>): void;
};
const mockedUpdateRecord = jest.mocked(updateRecord);
const mockedCreateRecord = jest.mocked(createRecord);
const mockedOrigin = jest.mocked(lightningOrigin);

const RECORD_ID = 'a01000000000001AAA';
const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT_ID = '66666666-7777-8888-9999-000000000000';
const SUPERVISOR_CLIENT_ID = '6c5b4a39-2817-4f06-95e4-d3c2b1a09f8e';
const PROD_URI = 'https://acme--c.vf.force.com/apex/TeamsBridge';
const L = (key: string) => `c.PresenceAuthorization_${key}`;
const [PHONE, SWYX, THREE_CX] = DELIVERED_CONFIGURATIONS.map((c) => String(c.Name));

const isRecordWire: Filter = (config) => config.recordId === RECORD_ID;
const isUserWire: Filter = (config) => config.recordId !== RECORD_ID;
const isConfigurationQuery: Filter = (config) =>
    typeof config.variables === 'object' && config.variables !== null && 'recordId' in config.variables;
const isDeliveredQuery: Filter = (config) =>
    typeof config.variables === 'object' && config.variables !== null && 'names' in config.variables;

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Mounts the component and lets its wires receive their configuration (emits before that reach nobody). */
async function mount(): Promise<HTMLElement> {
    const element = createElement('c-presence-authorization', { is: PresenceAuthorization });
    Object.assign(element, { recordId: RECORD_ID });
    document.body.appendChild(element);
    await flush();
    return element;
}

function root(element: HTMLElement): ShadowRoot {
    if (!element.shadowRoot) throw new Error('no shadow root');
    return element.shadowRoot;
}

function query<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T {
    const found = root(element).querySelector<T>(selector);
    if (!found) throw new Error(`${selector} not rendered`);
    return found;
}

function text(element: HTMLElement, selector: string): string {
    return root(element).querySelector(selector)?.textContent?.trim() ?? '';
}

async function typeInto(element: HTMLElement, name: string, value: string): Promise<void> {
    const input = query<HTMLInputElement>(element, `input[name="${name}"]`);
    input.value = value;
    input.dispatchEvent(new CustomEvent('input'));
    input.dispatchEvent(new CustomEvent('blur'));
    await flush();
}

async function click(element: HTMLElement, name: string): Promise<void> {
    query<HTMLButtonElement>(element, `button[name="${name}"]`).click();
    await flush();
    await flush();
}

function emitRecord(
    clientId: string | null,
    tenantId: string | null,
    supervisorClientId: string | null = null
): void {
    recordAdapter.emit(
        {
            id: RECORD_ID,
            apiName: 'PresenceStateConfiguration__c',
            fields: {
                AzureClientId__c: { value: clientId },
                AzureTenantId__c: { value: tenantId },
                SupervisorAzureClientId__c: { value: supervisorClientId }
            }
        },
        isRecordWire
    );
}

function emitUser(email: string): void {
    recordAdapter.emit(
        { id: '005000000000001AAA', apiName: 'User', fields: { Email: { value: email } } },
        isUserWire
    );
}

/** A raw delivered configuration in the shape lightning/graphql returns it. */
function asGraphQLNode(raw: Record<string, unknown>): Record<string, unknown> {
    const wrap = (record: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(record).map(([k, v]) => [k, { value: v }]));
    const { PresenceStateLabels__r: rows, ...fields } = raw as {
        PresenceStateLabels__r: { records: Record<string, unknown>[] };
    };
    return {
        Id: RECORD_ID,
        ...wrap(fields),
        PresenceStateLabels__r: { edges: rows.records.map((r) => ({ node: wrap(r) })) }
    };
}

function emitConfiguration(node: Record<string, unknown>): void {
    graphqlAdapter.emit(
        { uiapi: { query: { PresenceStateConfiguration__c: { edges: [{ node }] } } } },
        isConfigurationQuery
    );
}

function emitExisting(names: string[], refresh?: () => Promise<void>): void {
    const edges = names.map((name, i) => ({ node: { Id: `a0${i}`, Name: { value: name } } }));
    graphqlAdapter.emit(
        { uiapi: { query: { PresenceStateConfiguration__c: { edges } } } },
        isDeliveredQuery,
        refresh
    );
}

beforeEach(() => {
    mockBridge.instances = [];
    mockBridge.replies = {};
    mockBridge.onConnect = null;
    mockedOrigin.mockReturnValue('https://acme.lightning.force.com');
});

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
});

describe('c-presence-authorization', () => {
    describe('redirect URI', () => {
        it.each([
            ['production', 'https://acme.lightning.force.com', PROD_URI],
            [
                'a sandbox',
                'https://acme--uat.sandbox.lightning.force.com',
                'https://acme--uat--c.sandbox.vf.force.com/apex/TeamsBridge'
            ],
            [
                'the local harness',
                'https://acme.lightning.force.localhost:8443',
                'https://acme--c.vf.force.localhost:8443/apex/TeamsBridge'
            ]
        ])('shows the bridge page of %s, without the query the iframe adds', async (_what, origin, uri) => {
            mockedOrigin.mockReturnValue(origin);

            const element = await mount();
            await flush();

            expect(query<HTMLInputElement>(element, 'input[name="redirectUri"]').value).toBe(uri);
            expect(query<HTMLInputElement>(element, 'input[name="redirectUri"]').readOnly).toBe(true);
        });

        it('guides the admin through Entra in six numbered steps beside the values they need', async () => {
            const element = await mount();
            await flush();

            const guide = query(element, '[data-id="entra-guide"]');
            expect(guide.querySelector('h3')?.textContent).toBe(L('EntraGuideHeading'));
            expect(guide.querySelector('ol')).not.toBeNull();
            expect([...guide.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual(
                [1, 2, 3, 4, 5, 6].map((n) => L(`EntraStep${n}`))
            );
            await expect(element).toBeAccessible();
        });

        it('explains when the page is not on a Lightning origin and disables the test', async () => {
            mockedOrigin.mockReturnValue('https://acme.my.site.com');

            const element = await mount();
            await flush();

            expect(text(element, '[data-id="redirect-unavailable"]')).toBe(L('RedirectUriUnavailable'));
            expect(root(element).querySelector('input[name="redirectUri"]')).toBeNull();
            expect(query<HTMLButtonElement>(element, 'button[name="test"]').disabled).toBe(true);
        });

        it('copies with the Clipboard API, confirms visibly, and has a keyboard-reachable labelled button', async () => {
            const writeText = jest.fn().mockResolvedValue(undefined);
            Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
            const element = await mount();
            await flush();
            const button = query<HTMLButtonElement>(element, 'button[name="copy"]');

            await click(element, 'copy');

            expect(button.tagName).toBe('BUTTON');
            expect(button.getAttribute('aria-label')).toBe(L('CopyRedirectUri'));
            expect(writeText).toHaveBeenCalledWith(PROD_URI);
            expect(text(element, '[data-id="copy-status"]')).toBe(L('Copied'));
            expect(query(element, '[data-id="copy-status"]').getAttribute('role')).toBe('status');
        });

        it('falls back to copying the selected field when the Clipboard API refuses', async () => {
            const writeText = jest.fn().mockRejectedValue(new Error('denied'));
            Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
            const execCommand = jest.fn().mockReturnValue(true);
            Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
            const element = await mount();
            await flush();

            await click(element, 'copy');

            expect(execCommand).toHaveBeenCalledWith('copy');
            expect(text(element, '[data-id="copy-status"]')).toBe(L('Copied'));
        });

        it('says how to copy by hand when no copy works, with the URI selected', async () => {
            Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
            Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
            const element = await mount();
            await flush();
            const input = query<HTMLInputElement>(element, 'input[name="redirectUri"]');

            await click(element, 'copy');

            expect(text(element, '[data-id="copy-status"]')).toBe(L('CopyFailed'));
            expect(input.selectionStart).toBe(0);
            expect(input.selectionEnd).toBe(PROD_URI.length);
        });
    });

    describe('client id and tenant id', () => {
        it('loads the saved ids into the inputs', async () => {
            const element = await mount();
            emitRecord(CLIENT_ID, TENANT_ID);
            await flush();

            expect(query<HTMLInputElement>(element, 'input[name="clientId"]').value).toBe(CLIENT_ID);
            expect(query<HTMLInputElement>(element, 'input[name="tenantId"]').value).toBe(TENANT_ID);
        });

        it.each([
            ['', 'ErrorClientIdRequired'],
            ['11111111-2222-3333-4444-55555555555x', 'ErrorGuidCharacter'],
            ['11111111-2222-3333-4444-5555', 'ErrorGuidLength'],
            ['111111112-222-3333-4444-555555555555', 'ErrorGuidGrouping']
        ])('shows a specific inline message for client id %p and does not save', async (value, key) => {
            const element = await mount();
            await flush();
            await typeInto(element, 'tenantId', TENANT_ID);
            await typeInto(element, 'clientId', value);

            await click(element, 'save');

            expect(text(element, '[data-error="clientId"]')).toBe(L(key));
            const input = query<HTMLInputElement>(element, 'input[name="clientId"]');
            expect(input.getAttribute('aria-invalid')).toBe('true');
            expect(input.getAttribute('aria-describedby')).toContain('client-id-error');
            expect(root(element).querySelector('[data-error="tenantId"]')).toBeNull();
            expect(mockedUpdateRecord).not.toHaveBeenCalled();
        });

        it('rejects the same GUID in both fields', async () => {
            const element = await mount();
            await flush();
            await typeInto(element, 'clientId', CLIENT_ID);
            await typeInto(element, 'tenantId', CLIENT_ID.toUpperCase());

            await click(element, 'save');

            expect(text(element, '[data-error="tenantId"]')).toBe(L('ErrorSameIds'));
            expect(mockedUpdateRecord).not.toHaveBeenCalled();
        });

        it('saves the two fields normalised (braces, upper case, spaces) and says so', async () => {
            mockedUpdateRecord.mockResolvedValue({} as never);
            const element = await mount();
            await flush();
            await typeInto(element, 'clientId', ` {${CLIENT_ID.toUpperCase()}} `);
            await typeInto(element, 'tenantId', TENANT_ID.replace(/-/g, ''));

            await click(element, 'save');

            expect(mockedUpdateRecord).toHaveBeenCalledWith({
                fields: {
                    Id: RECORD_ID,
                    AzureClientId__c: CLIENT_ID,
                    AzureTenantId__c: TENANT_ID,
                    SupervisorAzureClientId__c: null
                }
            });
            expect(query<HTMLInputElement>(element, 'input[name="clientId"]').value).toBe(CLIENT_ID);
            expect(text(element, '[data-id="save-status"]')).toBe(L('Saved'));
        });

        it("loads and saves the supervisors' own app registration, normalised", async () => {
            mockedUpdateRecord.mockResolvedValue({} as never);
            const element = await mount();
            emitRecord(CLIENT_ID, TENANT_ID, SUPERVISOR_CLIENT_ID);
            await flush();
            expect(query<HTMLInputElement>(element, 'input[name="supervisorClientId"]').value).toBe(
                SUPERVISOR_CLIENT_ID
            );
            expect(text(element, '[data-id="supervisor-client-id-help"]')).toBe(L('SupervisorClientIdHelp'));
            await typeInto(element, 'supervisorClientId', `{${SUPERVISOR_CLIENT_ID.toUpperCase()}}`);

            await click(element, 'save');

            expect(mockedUpdateRecord).toHaveBeenCalledWith({
                fields: {
                    Id: RECORD_ID,
                    AzureClientId__c: CLIENT_ID,
                    AzureTenantId__c: TENANT_ID,
                    SupervisorAzureClientId__c: SUPERVISOR_CLIENT_ID
                }
            });
            expect(text(element, '[data-id="save-status"]')).toBe(L('Saved'));
        });

        it.each([
            ['6c5b4a39-2817-4f06-95e4-d3c2b1a09f8', 'ErrorGuidLength'],
            ['supervisors', 'ErrorGuidCharacter'],
            [TENANT_ID, 'ErrorSupervisorSameAsTenant'],
            [CLIENT_ID, 'ErrorSupervisorSameAsAgents']
        ])("names what is wrong with the supervisors' client id %p and does not save", async (value, key) => {
            const element = await mount();
            emitRecord(CLIENT_ID, TENANT_ID);
            await flush();
            await typeInto(element, 'supervisorClientId', value);

            await click(element, 'save');

            expect(text(element, '[data-error="supervisorClientId"]')).toBe(L(key));
            const input = query<HTMLInputElement>(element, 'input[name="supervisorClientId"]');
            expect(input.getAttribute('aria-invalid')).toBe('true');
            expect(input.getAttribute('aria-describedby')).toContain('supervisor-client-id-error');
            expect(mockedUpdateRecord).not.toHaveBeenCalled();
        });

        it('keeps the typed values and shows the UI API field and record errors when saving fails', async () => {
            mockedUpdateRecord.mockRejectedValue({
                body: {
                    message: 'An error occurred while trying to update the record.',
                    output: {
                        errors: [{ message: 'Insufficient access rights on this record.' }],
                        fieldErrors: {
                            AzureTenantId__c: [{ message: 'Enter the Directory (tenant) ID as a GUID.' }]
                        }
                    }
                }
            });
            const element = await mount();
            emitRecord(null, null);
            await flush();
            await typeInto(element, 'clientId', CLIENT_ID);
            await typeInto(element, 'tenantId', TENANT_ID);

            await click(element, 'save');
            // the record wire delivering the unchanged record again must not overwrite the entries
            emitRecord(null, null);
            await flush();

            expect(query<HTMLInputElement>(element, 'input[name="clientId"]').value).toBe(CLIENT_ID);
            expect(query<HTMLInputElement>(element, 'input[name="tenantId"]').value).toBe(TENANT_ID);
            expect(text(element, '[data-error="tenantId"]')).toBe(
                'Enter the Directory (tenant) ID as a GUID.'
            );
            expect(text(element, '[data-id="save-errors"]')).toBe(
                'Insufficient access rights on this record.'
            );
            expect(text(element, '[data-id="save-status"]')).toBe(L('SaveFailed'));
        });

        it('is accessible with inline errors shown', async () => {
            const element = await mount();
            await flush();
            await typeInto(element, 'clientId', 'not-a-guid');
            await click(element, 'save');

            await expect(element).toBeAccessible();
        });
    });

    describe('test sign-in', () => {
        async function runTest(): Promise<HTMLElement> {
            const element = await mount();
            emitRecord(CLIENT_ID, TENANT_ID);
            emitUser('admin@contoso.com');
            await flush();
            await click(element, 'test');
            await flush();
            return element;
        }

        it('loads the bridge page of this org in a panel and reports the signed-in UPN and presence', async () => {
            mockBridge.replies = {
                init: {
                    ok: true,
                    value: {
                        initialized: true,
                        role: 'agent',
                        account: { objectId: 'oid', upn: 'admin@contoso.com' },
                        interaction: 'idle'
                    }
                },
                getPresence: { ok: true, value: { availability: 'Busy', activity: 'InACall' } },
                getPresencesByUserId: {
                    ok: true,
                    value: { presences: [{ id: 'oid', availability: 'Busy', activity: 'InACall' }] }
                }
            };

            const element = await runTest();

            const [bridge] = mockBridge.instances;
            expect(bridge.options.bridgeUrl).toBe(
                `${PROD_URI}?parentOrigin=${encodeURIComponent('https://acme.lightning.force.com')}`
            );
            expect(bridge.options.container.classList).toContain('bridge-frame');
            expect(bridge.calls).toEqual(['start', 'init', 'getPresence', 'init', 'getPresencesByUserId']);
            expect(bridge.disposed).toBe(true);
            expect(text(element, '[data-id="upn"]')).toBe('admin@contoso.com');
            expect(text(element, '[data-id="presence"]')).toBe('Busy / InACall');
            expect(query(element, '[data-result="success"]').textContent).toContain(L('Success'));
            // what agents and what supervisors need, and which consent is in place
            expect(text(element, '[data-id="agent-consent"]')).toBe(
                `${L('AgentsPart')}: ${L('ConsentInPlace')}`
            );
            expect(query(element, '[data-id="agent-consent"]').dataset.consent).toBe('inPlace');
            const supervisor = query(element, '[data-id="supervisor-result"]');
            expect(supervisor.textContent).toContain(L('SupervisorsPartSharedApp'));
            expect(text(element, '[data-result="ok"]')).toBe(L('SupervisorOk'));
            expect(text(element, '[data-id="supervisor-consent"]')).toBe(L('ConsentInPlace'));
        });

        it("tests the supervisors' own app and says admin consent is missing when Microsoft asked for consent", async () => {
            mockBridge.replies = {
                init: { ok: false, error: { kind: 'consentRequired', detail: 'consent_required' } },
                getPresence: { ok: true, value: { availability: 'Available', activity: 'Available' } },
                getPresencesByUserId: {
                    ok: false,
                    error: { kind: 'forbidden', detail: 'Forbidden', status: 403 }
                }
            };
            mockBridge.onConnect = { type: 'signedIn', data: { objectId: 'oid', upn: 'admin@contoso.com' } };
            const element = await mount();
            emitRecord(CLIENT_ID, TENANT_ID, SUPERVISOR_CLIENT_ID);
            emitUser('admin@contoso.com');
            await flush();
            await click(element, 'test');
            await flush();
            await flush();

            expect(mockBridge.instances[0].calls).toEqual([
                'start',
                'init',
                'connect',
                'getPresence',
                'init',
                'connect',
                'getPresencesByUserId'
            ]);
            expect(query(element, '[data-id="agent-consent"]').dataset.consent).toBe('missingForTenant');
            expect(text(element, '[data-id="agent-consent"]')).toBe(
                `${L('AgentsPart')}: ${L('ConsentMissingForTenant')}`
            );
            expect(query(element, '[data-id="supervisor-result"]').textContent).toContain(
                L('SupervisorsPartOwnApp')
            );
            expect(text(element, '[data-result="readFailed"]')).toBe(L('SupervisorReadFailed'));
            expect(text(element, '[data-id="supervisor-consent"]')).toBe(L('ConsentMissingForTenant'));
            expect(text(element, '[data-id="supervisor-detail"]')).toBe(
                `${L('TechnicalDetail')}: forbidden: Forbidden`
            );
            await expect(element).toBeAccessible();
        });

        it('shows the frame while waiting for the in-frame Connect click', async () => {
            mockBridge.replies = {
                init: { ok: false, error: { kind: 'signInRequired', detail: 'login_required' } }
            };
            const element = await mount();
            emitRecord(CLIENT_ID, TENANT_ID);
            emitUser('admin@contoso.com');
            await flush();

            await click(element, 'test');
            await flush();

            expect(text(element, '[data-id="test-status"]')).toBe(L('StageClick'));
            const panel = query(element, '[role="region"]');
            expect(panel.classList).not.toContain('slds-hide');
            expect(panel.getAttribute('aria-label')).toBe(L('BridgePanel'));
            expect(mockBridge.instances[0].calls).toEqual(['start', 'init', 'connect']);

            await click(element, 'cancelTest');
            await flush();
            expect(query(element, '[data-result="cancelled"]').textContent).toBe(L('FailCancelled'));
            expect(mockBridge.instances[0].disposed).toBe(true);
        });

        it('names the redirect URI to register when Microsoft never returned to the bridge page', async () => {
            mockBridge.replies = {
                init: { ok: false, error: { kind: 'timeout', detail: 'monitor_window_timeout' } }
            };
            mockBridge.onConnect = {
                type: 'signInFailed',
                data: { error: { kind: 'signInRequired', detail: 'user_cancelled' } }
            };

            const element = await runTest();

            expect(text(element, '[data-result="redirectUriNotRegistered"]')).toBe(L('FailRedirectUri'));
            expect(text(element, '[data-id="failure-uri"]')).toBe(PROD_URI);
        });

        it.each([
            ['a wrong tenant', 'network', 'openid_config_error', 'wrongTenant', 'FailWrongTenant'],
            [
                'an app unknown in the tenant',
                'invalidRequest',
                'invalid_client',
                'appNotInTenant',
                'FailAppNotInTenant'
            ],
            ['a network failure', 'network', 'no_network_connectivity', 'network', 'FailNetwork'],
            ['a bridge that never answers', 'timeout', 'init unanswered', 'timeout', 'FailTimeout']
        ])('explains %s in words with the technical detail', async (_what, kind, detail, code, key) => {
            mockBridge.replies = { init: { ok: false, error: { kind, detail } } };

            const element = await runTest();

            expect(text(element, `[data-result="${code}"]`)).toBe(L(key));
            expect(text(element, '[data-id="failure-detail"]')).toBe(
                `${L('TechnicalDetail')}: ${kind}: ${detail}`
            );
        });

        it('names the account to sign in with after an account mismatch', async () => {
            mockBridge.replies = {
                init: { ok: false, error: { kind: 'signInRequired', detail: 'login_required' } }
            };
            mockBridge.onConnect = {
                type: 'signInFailed',
                data: { error: { kind: 'accountMismatch', detail: 'signedInAccountIsNotTheAgentEmail' } }
            };

            const element = await runTest();

            expect(text(element, '[data-result="accountMismatch"]')).toBe(L('FailAccountMismatch'));
            expect(text(element, '[data-id="failure-account"]')).toBe('admin@contoso.com');
        });

        it('does not start without valid ids and a test account', async () => {
            const element = await mount();
            await flush();
            await typeInto(element, 'loginHint', 'not an address');

            await click(element, 'test');

            expect(mockBridge.instances).toEqual([]);
            expect(text(element, '[data-error="clientId"]')).toBe(L('ErrorClientIdRequired'));
            expect(text(element, '[data-error="loginHint"]')).toBe(L('ErrorLoginHint'));
        });
    });

    describe('configuration check', () => {
        it('says a delivered configuration has no problems', async () => {
            const element = await mount();
            emitConfiguration(asGraphQLNode(DELIVERED_CONFIGURATIONS[0]));
            await flush();

            expect(text(element, '[data-id="issues-ok"]')).toBe(L('ValidatorOk'));
            expect(root(element).querySelectorAll('tr[data-issue]')).toHaveLength(0);
        });

        it("lists the validator's issues with row and field", async () => {
            const raw = JSON.parse(JSON.stringify(DELIVERED_CONFIGURATIONS[0])) as Record<string, unknown>;
            const rows = (raw.PresenceStateLabels__r as { records: Record<string, unknown>[] }).records;
            rows[1] = { ...rows[0], Name: 'Second available' };
            raw.AzureTenantId__c = 'contoso';
            const element = await mount();
            emitConfiguration(asGraphQLNode(raw));
            await flush();

            // row, field, the problem in words, the API detail under it
            const issueCells = () =>
                [...root(element).querySelectorAll('tr[data-issue]')].map((tr) => {
                    const [row, field, problem] = [...tr.querySelectorAll('td')];
                    const detail = problem.querySelector('[data-id="issue-detail"]');
                    return [
                        row.textContent,
                        field.textContent,
                        problem.firstChild?.textContent?.trim(),
                        detail?.textContent ?? ''
                    ];
                });
            const cells = issueCells();
            // the admin's words first (field label, problem), the API detail after
            expect(cells).toEqual([
                [
                    '',
                    'Azure Tenant ID (AzureTenantId__c)',
                    'Azure Tenant ID is not a valid GUID.',
                    "c.PresenceAuthorization_TechnicalDetail: AzureTenantId__c 'contoso' is not a GUID"
                ]
            ]);

            raw.AzureTenantId__c = null;
            emitConfiguration(asGraphQLNode(raw));
            await flush();
            const fixed = issueCells();
            expect(fixed).toContainEqual([
                '2 · Second available',
                'c.PresenceAuthorization_Field_SalesforceStatus (SalesforceStatus__c)',
                'Row 1 already maps the Salesforce status Available.',
                'c.PresenceAuthorization_TechnicalDetail: row 2 repeats the FromSalesforce__c status Available of row 1'
            ]);
            await expect(element).toBeAccessible();
        });

        it("names a Call Status Message longer than Teams shows, in the admin's words", async () => {
            const raw = JSON.parse(JSON.stringify(DELIVERED_CONFIGURATIONS[0])) as Record<string, unknown>;
            raw.CallStatusMessage__c = 'x'.repeat(281);
            const element = await mount();
            emitConfiguration(asGraphQLNode(raw));
            await flush();

            const cells = [...root(element).querySelectorAll('tr[data-issue] td')].map((td) =>
                td.firstChild?.textContent?.trim()
            );
            expect(cells).toEqual([
                '',
                'Call Status Message (CallStatusMessage__c)',
                'Call Status Message is longer than 280 characters, the most Teams shows as a status message. Shorten it.'
            ]);
        });

        it.each([
            ['BusyInACall', 'CallPresenceBusyName', 'true', 'false'],
            ['DoNotDisturbPresenting', 'CallPresenceDndName', 'false', 'true']
        ])(
            'says what Call Presence %s does and does not guarantee for Teams calls, marking it',
            async (value, name, busySelected, dndSelected) => {
                const raw = JSON.parse(JSON.stringify(DELIVERED_CONFIGURATIONS[0])) as Record<
                    string,
                    unknown
                >;
                raw.CallPresence__c = value;
                const element = await mount();
                emitConfiguration(asGraphQLNode(raw));
                await flush();

                expect(text(element, '[data-id="call-presence-current"]')).toBe(
                    L('CallPresenceCurrent').replace('{0}', L(name))
                );
                const busy = root(element).querySelector('[data-id="call-presence-busy"]');
                const dnd = root(element).querySelector('[data-id="call-presence-dnd"]');
                expect(busy?.textContent?.trim()).toBe(L('CallPresenceBusyPromise'));
                expect(dnd?.textContent?.trim()).toBe(L('CallPresenceDndPromise'));
                expect(busy?.getAttribute('data-selected')).toBe(busySelected);
                expect(dnd?.getAttribute('data-selected')).toBe(dndSelected);
                await expect(element).toBeAccessible();
            }
        );

        it('says when the configuration cannot be loaded', async () => {
            const element = await mount();
            graphqlAdapter.emitErrors([{ message: 'No such column' }], isConfigurationQuery);
            await flush();

            expect(text(element, '[data-id="issues-error"]')).toBe(L('ValidatorLoadFailed'));
        });
    });

    describe('restore delivered configurations', () => {
        it('lists the missing ones and creates only those, with their rows, then summarises', async () => {
            let next = 0;
            mockedCreateRecord.mockImplementation(() => {
                next += 1;
                return Promise.resolve({ id: `a0${next}` } as never);
            });
            const refresh = jest.fn().mockResolvedValue(undefined);
            const element = await mount();
            emitExisting([PHONE], refresh);
            await flush();
            expect(
                [...root(element).querySelectorAll('[data-id="missing"] li')].map((li) => li.textContent)
            ).toEqual([SWYX, THREE_CX]);

            await click(element, 'restore');
            await flush();

            const parents = mockedCreateRecord.mock.calls
                .map(([input]) => input)
                .filter((input) => input.apiName === 'PresenceStateConfiguration__c');
            expect(parents.map((p) => p.fields.Name)).toEqual([SWYX, THREE_CX]);
            const rowCount = DELIVERED_CONFIGURATIONS.slice(1).reduce(
                (n, c) => n + (c.PresenceStateLabels__r?.records as unknown[]).length,
                0
            );
            expect(mockedCreateRecord).toHaveBeenCalledTimes(2 + rowCount);
            expect(
                [...root(element).querySelectorAll('[data-id="created"] li')].map((li) => li.textContent)
            ).toEqual([SWYX, THREE_CX]);
            expect(refresh).toHaveBeenCalled();
            expect(text(element, '[data-id="all-present"]')).toBe(L('RestoreAllPresent'));
        });

        it('reports the failing row, keeps nothing of that configuration, and offers a retry', async () => {
            let next = 0;
            mockedCreateRecord.mockImplementation((input) => {
                if (input.apiName === 'PresenceStateLabel__c' && input.fields.Name === 'Away') {
                    return Promise.reject({ body: { output: { errors: [{ message: 'Bad value' }] } } });
                }
                next += 1;
                return Promise.resolve({ id: `a0${next}` } as never);
            });
            const deleteRecord = jest.mocked((await import('lightning/uiRecordApi')).deleteRecord);
            const element = await mount();
            emitExisting([PHONE, SWYX]);
            await flush();

            await click(element, 'restore');
            await flush();

            expect(deleteRecord).toHaveBeenCalledWith('a01');
            expect(query(element, `[data-failed="${THREE_CX}"]`).textContent).toContain(THREE_CX);
            expect(text(element, '[data-row-failure]')).toBe(`${L('ColumnRow')} 4 · Away: Bad value`);
            expect(
                [...root(element).querySelectorAll('[data-id="missing"] li')].map((li) => li.textContent)
            ).toEqual([THREE_CX]);
            expect(query(element, 'button[name="restore"]').textContent?.trim()).toBe(L('RestoreRetry'));
            await expect(element).toBeAccessible();
        });

        it('on the setup tab (no record, right after install) offers the restore and says where the rest is', async () => {
            mockedCreateRecord.mockResolvedValue({ id: 'a01' } as never);
            const element = createElement('c-presence-authorization', { is: PresenceAuthorization });
            document.body.appendChild(element);
            await flush();
            emitExisting([]);
            await flush();
            expect(text(element, '[data-id="no-record"]')).toBe(L('NoRecord'));
            // nothing that needs a record: no Azure ids to save, no test sign-in, no configuration check
            expect(root(element).querySelector('[id^="client-id"]')).toBeNull();
            expect(root(element).querySelector('[id^="test-heading"]')).toBeNull();
            expect(root(element).querySelector('[id^="validator-heading"]')).toBeNull();
            // the Entra guide, the redirect URI to register and the delivered configurations are there
            expect(root(element).querySelectorAll('[data-id="entra-guide"] ol > li')).toHaveLength(6);
            expect(root(element).querySelector('[id^="redirect-heading"]')).not.toBeNull();
            expect(
                [...root(element).querySelectorAll('[data-id="missing"] li')].map((li) => li.textContent)
            ).toEqual([PHONE, SWYX, THREE_CX]);
            await click(element, 'restore');
            await flush();
            const parents = mockedCreateRecord.mock.calls
                .map(([input]) => input)
                .filter((input) => input.apiName === 'PresenceStateConfiguration__c');
            expect(parents.map((p) => p.fields.Name)).toEqual([PHONE, SWYX, THREE_CX]);
            await expect(element).toBeAccessible();
        });

        it('says when all delivered configurations exist and offers no restore', async () => {
            const element = await mount();
            emitExisting([PHONE, SWYX, THREE_CX]);
            await flush();

            expect(text(element, '[data-id="all-present"]')).toBe(L('RestoreAllPresent'));
            expect(root(element).querySelector('button[name="restore"]')).toBeNull();
        });
    });
});
