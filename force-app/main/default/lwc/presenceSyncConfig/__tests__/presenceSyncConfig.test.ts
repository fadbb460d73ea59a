import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import getStatuses from '@salesforce/apex/PresenceStatusController.getStatuses';
import USER_ID from '@salesforce/user/Id';
import { DELIVERED_CONFIGURATIONS } from 'c/presenceSyncDefaults';
import type { RawConfigurationRecord } from 'c/presenceSyncCore';
import {
    checkEmail,
    configurationIdOf,
    configurationVariables,
    evaluateConfiguration,
    hasAnswered,
    loadAgentStatuses,
    loadStatuses,
    readSettings,
    readUserName,
    recordErrors,
    saveAgentEmail,
    saveAgentSignIn,
    saveEmail,
    saveSignInIdentity,
    settingsVariables,
    statusDirectory
} from 'c/presenceSyncConfig';
import type { GraphqlResult, LoadedConfiguration, RecordApi } from 'c/presenceSyncConfig';

jest.mock(
    '@salesforce/apex/PresenceStatusController.getStatuses',
    () => ({ __esModule: true, default: jest.fn() }),
    { virtual: true }
);

const mockedGetStatuses = getStatuses as unknown as jest.Mock;
const mockedCreateRecord = createRecord as unknown as jest.Mock;
const mockedUpdateRecord = updateRecord as unknown as jest.Mock;

const USER = '005xx000001AbCdAAK';
const SETTINGS_ID = 'a03xx000000S1tTAAS';
const SETUP_ID = 'a01xx000000SetUAAS';
const CONFIG_ID = 'a00xx000000CfGaAAS';
const AZURE = {
    AzureClientId__c: '11111111-2222-3333-4444-555555555555',
    AzureTenantId__c: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
};

/** The org's statuses as getStatuses() returns them. */
const STATUSES = ['Available', 'On_a_Call', 'Busy', 'Away', 'Be_Right_Back', 'Do_Not_Disturb'].map(
    (name, i) => ({
        id: `0N5xx000000000${i}AAA`,
        developerName: name,
        masterLabel: name.replace(/_/g, ' ')
    })
);

function wrap(record: Record<string, unknown>): Record<string, unknown> {
    const node: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) {
        if (key !== 'PresenceStateLabels__r') node[key] = { value };
    }
    return node;
}

/** A configuration record as the GraphQL API answers: `{ value }` wrappers, rows as edges/node. */
function configurationData(raw: RawConfigurationRecord, hasNextPage = false): unknown {
    const rows = (raw.PresenceStateLabels__r?.records ?? []) as Record<string, unknown>[];
    const node = {
        Id: CONFIG_ID,
        ...wrap(raw),
        PresenceStateLabels__r: {
            edges: rows.map((row, i) => ({ node: { Id: `a02xx00000000${i}`, ...wrap(row) } })),
            pageInfo: { hasNextPage }
        }
    };
    return { uiapi: { query: { PresenceStateConfiguration__c: { edges: [{ node }] } } } };
}

function settingsData(
    overrides: { setup?: boolean; configuration?: boolean; userKey?: string; userName?: string | null } = {}
): unknown {
    const setup = overrides.setup !== false;
    const node = {
        Id: SETTINGS_ID,
        UserKey__c: { value: overrides.userKey ?? USER },
        Office365Email__c: { value: 'agent@contoso.com' },
        EntraObjectId__c: { value: null },
        EntraUserPrincipalName__c: { value: null },
        CallCenterSetup__c: { value: setup ? SETUP_ID : null },
        CallCenterSetup__r: setup
            ? {
                  Name: { value: 'Berlin support floor' },
                  PresenceStateConfiguration__c: {
                      value: overrides.configuration === false ? null : CONFIG_ID
                  }
              }
            : null
    };
    const user = { Id: overrides.userKey ?? USER, Name: { value: overrides.userName ?? 'Ada Agent' } };
    return {
        uiapi: {
            query: {
                PresenceSyncUserSetting__c: { edges: [{ node }] },
                User: { edges: overrides.userName === null ? [] : [{ node: user }] }
            }
        }
    };
}

const EMPTY_SETTINGS = { uiapi: { query: { PresenceSyncUserSetting__c: { edges: [] } } } };

function delivered(overrides: Record<string, unknown> = AZURE): RawConfigurationRecord {
    return { ...DELIVERED_CONFIGURATIONS[0], ...overrides };
}

interface Deps {
    settings: GraphqlResult;
    configuration?: GraphqlResult;
    getStatuses: () => Promise<unknown>;
}

/** What the two wires answered (settings, configuration) and the Apex read of the statuses. */
function deps(settings: GraphqlResult, configuration?: GraphqlResult, statuses: unknown = STATUSES): Deps {
    return {
        settings,
        configuration,
        getStatuses: () => (statuses instanceof Error ? Promise.reject(statuses) : Promise.resolve(statuses))
    };
}

/**
 * The configuration as the connector evaluates it once everything answered: the statuses, the settings
 * wire, and the configuration wire for the configuration the settings name (none when they name none).
 */
async function loadConfiguration(d: Deps): Promise<LoadedConfiguration> {
    const statuses = await loadStatuses(d.getStatuses);
    const configurationId = configurationIdOf(d.settings, USER);
    const loaded = evaluateConfiguration({
        userId: USER,
        settings: d.settings,
        configuration: configurationId === null ? undefined : d.configuration,
        statuses
    });
    if (loaded === null) throw new Error('still loading');
    return loaded;
}

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

afterEach(() => {
    jest.clearAllMocks();
});

describe('c-presence-sync-config', () => {
    describe('loadConfiguration', () => {
        it('loads the settings, the configuration of the Call Center Setup and the statuses', async () => {
            const d = deps({ data: settingsData() }, { data: configurationData(delivered()) });

            const loaded = await loadConfiguration(d);

            expect(loaded.problem).toBeNull();
            expect(loaded.configuration?.name).toBe('Phone System with MS-Teams - Presence State');
            expect(loaded.configuration?.rows).toHaveLength(18);
            expect(loaded.email).toBe('agent@contoso.com');
            expect(loaded.userName).toBe('Ada Agent');
            expect(loaded.settings).toMatchObject({
                id: SETTINGS_ID,
                callCenterSetupName: 'Berlin support floor'
            });
            expect(loaded.statuses?.idOf('On_a_Call')).toBe('0N5xx0000000001AAA');
            expect(loaded.statusLabels.Be_Right_Back).toBe('Be Right Back');
            // the variables of the two wires: the settings by the user, then the configuration they name
            expect(settingsVariables(USER)).toEqual({ userKey: USER, ownerId: USER });
            expect(configurationVariables(configurationIdOf(d.settings, USER) ?? '')).toEqual({
                configurationId: CONFIG_ID
            });
        });

        it('is still loading (null) until the settings, the statuses and the named configuration answered', async () => {
            const statuses = await loadStatuses(() => Promise.resolve(STATUSES));
            const settings = { data: settingsData() };
            const configuration = { data: configurationData(delivered()) };
            const loading = { data: undefined, errors: undefined };
            expect(evaluateConfiguration({ userId: USER, statuses })).toBeNull();
            expect(evaluateConfiguration({ userId: USER, settings: loading, statuses })).toBeNull();
            expect(evaluateConfiguration({ userId: USER, settings, configuration })).toBeNull();
            expect(evaluateConfiguration({ userId: USER, settings, statuses })).toBeNull();
            expect(
                evaluateConfiguration({ userId: USER, settings, configuration: loading, statuses })
            ).toBeNull();
            expect(
                evaluateConfiguration({ userId: USER, settings, configuration, statuses })?.problem
            ).toBeNull();
            expect(hasAnswered({ errors: [] })).toBe(true);
            expect(configurationIdOf(loading, USER)).toBeNull();
            expect(configurationIdOf({ errors: [{ message: 'x' }] }, USER)).toBeNull();
        });

        it('reports a missing settings record, Call Center Setup or configuration', async () => {
            expect((await loadConfiguration(deps({ data: EMPTY_SETTINGS }))).problem).toEqual({
                kind: 'missing',
                what: 'settings'
            });
            expect((await loadConfiguration(deps({ data: settingsData({ setup: false }) }))).problem).toEqual(
                {
                    kind: 'missing',
                    what: 'callCenterSetup'
                }
            );
            expect(
                (await loadConfiguration(deps({ data: settingsData({ configuration: false }) }))).problem
            ).toEqual({
                kind: 'missing',
                what: 'configuration'
            });
            const invisible = {
                data: { uiapi: { query: { PresenceStateConfiguration__c: { edges: [] } } } }
            };
            const loaded = await loadConfiguration(deps({ data: settingsData() }, invisible));
            expect(loaded.problem).toEqual({ kind: 'missing', what: 'configuration' });
            expect(loaded.email).toBe('agent@contoso.com');
        });

        it('reports a broken configuration with the validator issues, and keeps the parsed configuration', async () => {
            const raw = delivered();
            const rows = [...((raw.PresenceStateLabels__r?.records ?? []) as Record<string, unknown>[])];
            rows.push({ ...rows[0], Name: 'Available again' }); // a second FromSalesforce row for Available
            const loaded = await loadConfiguration(
                deps(
                    { data: settingsData() },
                    { data: configurationData({ ...raw, PresenceStateLabels__r: { records: rows } }) }
                )
            );

            expect(loaded.problem?.kind).toBe('invalid');
            const issues = loaded.problem?.kind === 'invalid' ? loaded.problem.issues : [];
            expect(issues.length).toBeGreaterThan(0);
            expect(issues.some((i) => i.row === 19)).toBe(true);
            expect(loaded.problem).toMatchObject({
                configName: 'Phone System with MS-Teams - Presence State'
            });
            expect(loaded.configuration).not.toBeNull();
        });

        it('reports a configuration that does not parse (a picklist value it does not know)', async () => {
            const loaded = await loadConfiguration(
                deps(
                    { data: settingsData() },
                    { data: configurationData(delivered({ ...AZURE, SyncDirection__c: 'Sideways' })) }
                )
            );
            expect(loaded.problem).toMatchObject({ kind: 'invalid' });
            const issues = loaded.problem?.kind === 'invalid' ? loaded.problem.issues : [];
            expect(issues.map((i) => [i.code, i.field])).toContainEqual([
                'invalidPicklistValue',
                'SyncDirection__c'
            ]);
            expect(loaded.configuration).toBeNull();
        });

        it('reports statuses the org does not have, and more rows than are read', async () => {
            const fewer = STATUSES.filter((s) => s.developerName !== 'Be_Right_Back');
            const loaded = await loadConfiguration(
                deps({ data: settingsData() }, { data: configurationData(delivered(), true) }, fewer)
            );
            const issues = loaded.problem?.kind === 'invalid' ? loaded.problem.issues : [];
            expect(issues.map((i) => i.code)).toEqual(['tooManyRows', 'statusNotInOrg', 'statusNotInOrg']);
            expect(issues[1]).toMatchObject({ row: 5, field: 'SalesforceStatus__c' });
        });

        it('reports a configuration whose Azure app is not authorized yet', async () => {
            const loaded = await loadConfiguration(
                deps({ data: settingsData() }, { data: configurationData(delivered({})) })
            );
            expect(loaded.problem).toEqual({
                kind: 'notAuthorized',
                configName: 'Phone System with MS-Teams - Presence State'
            });
        });

        it('turns GraphQL errors and failing Apex into loadFailed', async () => {
            const fieldUndefined = [
                { message: "Field 'Office365Email__c' in type 'PresenceSyncUserSetting__c' is undefined" }
            ];
            expect((await loadConfiguration(deps({ errors: fieldUndefined }))).problem).toEqual({
                kind: 'loadFailed',
                detail: fieldUndefined[0].message
            });
            const offline = () => Promise.reject({ body: { message: 'offline' } });
            expect(await loadStatuses(offline)).toEqual({ ok: false, detail: 'offline' });
            expect(
                await loadStatuses(() => {
                    throw new Error('no Apex');
                })
            ).toEqual({ ok: false, detail: 'no Apex' });
            const configError = deps({ data: settingsData() }, { errors: [{}] });
            expect((await loadConfiguration(configError)).problem).toEqual({
                kind: 'loadFailed',
                detail: 'graphqlError'
            });
            const apexDown = deps(
                { data: settingsData() },
                { data: configurationData(delivered()) },
                new Error('Apex')
            );
            const loaded = await loadConfiguration(apexDown);
            expect(loaded.problem).toEqual({ kind: 'loadFailed', detail: 'Apex' });
            expect(loaded.statuses).toBeNull();
        });

        it('prefers the record keyed by the user over one that is only owned', () => {
            const owned = (
                settingsData({ userKey: 'someone' }) as {
                    uiapi: { query: { PresenceSyncUserSetting__c: { edges: unknown[] } } };
                }
            ).uiapi.query.PresenceSyncUserSetting__c.edges[0];
            const keyed = { node: { Id: 'keyed', UserKey__c: { value: USER } } };
            const data = { uiapi: { query: { PresenceSyncUserSetting__c: { edges: [owned, keyed] } } } };
            expect(readSettings(data, USER)?.id).toBe('keyed');
            expect(readSettings(data, 'nobody')?.id).toBe(SETTINGS_ID);
            expect(readSettings(undefined, USER)).toBeNull();
        });
    });

    describe('statusDirectory', () => {
        it('maps DeveloperName <-> Id, comparing Ids on 15 characters and names without case', () => {
            const directory = statusDirectory([
                { id: '0N5xx0000000001AAA', developerName: 'Busy', masterLabel: 'Beschäftigt' },
                { Id: '0N5xx0000000002', DeveloperName: 'Away', MasterLabel: 'Abwesend' },
                { id: 'broken' },
                null
            ]);
            expect(directory.idOf('busy')).toBe('0N5xx0000000001AAA');
            expect(directory.apiNameOf('0N5xx0000000001')).toBe('Busy');
            expect(directory.apiNameOf('0N5xx0000000002ABC')).toBe('Away');
            expect(directory.apiNameOf('0N5xx0000000009')).toBeNull();
            expect(directory.idOf('Lunch')).toBeNull();
            expect(directory.labels).toEqual({ Busy: 'Beschäftigt', Away: 'Abwesend' });
            expect(statusDirectory(undefined).idOf('Busy')).toBeNull();
        });
    });

    describe('checkEmail', () => {
        it.each([
            ['  Agent.Name@Contoso.COM ', 'Agent.Name@contoso.com'],
            ['a+b@sub.example.de', 'a+b@sub.example.de'],
            ['x@xn--bcher-kva.example', 'x@xn--bcher-kva.example'],
            ["o'brien@example.co.uk", "o'brien@example.co.uk"]
        ])('accepts %p as %p', (input, value) => {
            expect(checkEmail(input)).toEqual({ ok: true, value });
        });

        it.each([
            'agent',
            'agent@',
            '@contoso.com',
            'agent@contoso',
            'a@@contoso.com',
            'a@b@contoso.com',
            '.agent@contoso.com',
            'agent.@contoso.com',
            'ag..ent@contoso.com',
            'agent@-contoso.com',
            'agent@contoso-.com',
            'agent@contoso..com',
            'agent@contoso.c',
            'agent@contoso.123',
            'ag ent@contoso.com',
            'agent@con toso.com',
            'agent@contoso.com,other@contoso.com'
        ])('rejects %p', (input) => {
            expect(checkEmail(input)).toEqual({ ok: false, code: 'emailInvalid' });
        });

        it('requires a value and at most 80 characters', () => {
            expect(checkEmail('   ')).toEqual({ ok: false, code: 'emailRequired' });
            expect(checkEmail(undefined)).toEqual({ ok: false, code: 'emailRequired' });
            expect(checkEmail(`${'a'.repeat(60)}@${'b'.repeat(20)}.com`)).toEqual({
                ok: false,
                code: 'emailTooLong'
            });
        });
    });

    describe('saveEmail', () => {
        function api(): RecordApi & { createRecord: jest.Mock; updateRecord: jest.Mock } {
            return {
                createRecord: jest.fn().mockResolvedValue({ id: 'newId' }),
                updateRecord: jest.fn().mockResolvedValue({})
            };
        }

        it('clears the pinned Entra account when another email is saved, and keeps it for the same one', async () => {
            const a = api();
            await saveEmail(a, {
                email: 'new.agent@contoso.com',
                settingsId: SETTINGS_ID,
                userId: USER,
                currentEmail: 'old.agent@contoso.com'
            });
            expect(a.updateRecord).toHaveBeenCalledWith({
                fields: {
                    Id: SETTINGS_ID,
                    Office365Email__c: 'new.agent@contoso.com',
                    EntraObjectId__c: null,
                    EntraUserPrincipalName__c: null
                }
            });

            const b = api();
            await saveEmail(b, {
                email: 'Old.Agent@contoso.com',
                settingsId: SETTINGS_ID,
                userId: USER,
                currentEmail: 'old.agent@contoso.com'
            });
            expect(b.updateRecord).toHaveBeenCalledWith({
                fields: { Id: SETTINGS_ID, Office365Email__c: 'Old.Agent@contoso.com' }
            });
        });

        it('updates the settings record with the normalized email', async () => {
            const a = api();
            const result = await saveEmail(a, {
                email: ' Agent@Contoso.com',
                settingsId: SETTINGS_ID,
                userId: USER
            });
            expect(result).toEqual({ ok: true, settingsId: SETTINGS_ID, value: 'Agent@contoso.com' });
            expect(a.updateRecord).toHaveBeenCalledWith({
                fields: { Id: SETTINGS_ID, Office365Email__c: 'Agent@contoso.com' }
            });
            expect(a.createRecord).not.toHaveBeenCalled();
        });

        it('creates the settings record keyed by the user when the agent has none', async () => {
            const a = api();
            const result = await saveEmail(a, {
                email: 'agent@contoso.com',
                settingsId: null,
                userId: USER,
                recordName: 'Ada'
            });
            expect(result).toEqual({ ok: true, settingsId: 'newId', value: 'agent@contoso.com' });
            expect(a.createRecord).toHaveBeenCalledWith({
                apiName: 'PresenceSyncUserSetting__c',
                fields: { Name: 'Ada', UserKey__c: USER, Office365Email__c: 'agent@contoso.com' }
            });
        });

        const longName = `Maximiliane ${'Mustermann-'.repeat(10)}`;
        it.each([
            ['  Ada Agent ', 'Ada Agent'],
            [longName, longName.slice(0, 80)],
            [undefined, USER],
            ['   ', USER]
        ])(
            "names a new settings record after the user (%j -> %j), cut to the Name field's 80 characters",
            async (recordName, expected) => {
                const a = api();
                await saveEmail(a, {
                    email: 'agent@contoso.com',
                    settingsId: null,
                    userId: USER,
                    recordName
                });
                expect(a.createRecord.mock.calls[0][0].fields.Name).toBe(expected);
            }
        );

        it('reads the user name from the settings query, null when the User row is not there', () => {
            expect(readUserName(settingsData({ userName: 'Mia Müller' }), USER)).toBe('Mia Müller');
            expect(readUserName(settingsData({ userName: null }), USER)).toBeNull();
            expect(readUserName(EMPTY_SETTINGS, USER)).toBeNull();
        });

        it('does not call the server for an invalid email and keeps what was typed', async () => {
            const a = api();
            expect(
                await saveEmail(a, { email: 'agent@contoso', settingsId: SETTINGS_ID, userId: USER })
            ).toEqual({
                ok: false,
                code: 'emailInvalid',
                value: 'agent@contoso',
                message: 'emailInvalid',
                fieldErrors: {},
                errors: []
            });
            expect(a.updateRecord).not.toHaveBeenCalled();
        });

        it('returns the UI API field and page errors with the typed value', async () => {
            const a = api();
            a.createRecord.mockRejectedValue({
                status: 400,
                body: {
                    message: 'An error occurred while trying to update the record. Please try again.',
                    output: {
                        errors: [
                            { errorCode: 'DUPLICATE_VALUE', message: 'duplicate value found: UserKey__c' }
                        ],
                        fieldErrors: {
                            Office365Email__c: [
                                {
                                    errorCode: 'INVALID_EMAIL_ADDRESS',
                                    field: 'Office365Email__c',
                                    message: 'Email: invalid email address'
                                }
                            ]
                        }
                    }
                }
            });
            const result = await saveEmail(a, {
                email: ' agent@contoso.com ',
                settingsId: null,
                userId: USER
            });
            expect(result).toEqual({
                ok: false,
                code: 'saveFailed',
                value: ' agent@contoso.com ',
                message: 'Email: invalid email address',
                fieldErrors: { Office365Email__c: ['Email: invalid email address'] },
                errors: ['duplicate value found: UserKey__c']
            });
        });

        it('reads page errors, error lists and plain errors', () => {
            expect(
                recordErrors({ body: { output: { errors: [{ message: 'locked' }], fieldErrors: {} } } })
                    .message
            ).toBe('locked');
            expect(recordErrors({ body: [{ errorCode: 'NOT_FOUND', message: 'gone' }] })).toEqual({
                fieldErrors: {},
                errors: ['gone'],
                message: 'gone'
            });
            expect(recordErrors({ body: { message: 'only this' } }).message).toBe('only this');
            expect(recordErrors(new Error('network')).message).toBe('network');
            expect(
                recordErrors({ body: { output: { fieldErrors: { Name: [{ message: 'too long' }] } } } })
                    .message
            ).toBe('too long');
            expect(recordErrors(null).message).toBe('unexpectedFailure');
        });

        it('reports a create that returns no id as a failure', async () => {
            const a = api();
            a.createRecord.mockResolvedValue({});
            const result = await saveEmail(a, { email: 'agent@contoso.com', settingsId: null, userId: USER });
            expect(result).toMatchObject({ ok: false, code: 'saveFailed', value: 'agent@contoso.com' });
        });
    });

    describe('saveSignInIdentity', () => {
        const settings = { id: SETTINGS_ID, entraObjectId: null, entraUserPrincipalName: null };

        it('stores a new Entra identity, and skips an unchanged one or a missing record', async () => {
            const a = { createRecord: jest.fn(), updateRecord: jest.fn().mockResolvedValue({}) };
            const identity = { objectId: 'oid-1', userPrincipalName: 'agent@contoso.com' };
            expect(await saveSignInIdentity(a, settings, identity)).toEqual({ ok: true, saved: true });
            expect(a.updateRecord).toHaveBeenCalledWith({
                fields: {
                    Id: SETTINGS_ID,
                    EntraObjectId__c: 'oid-1',
                    EntraUserPrincipalName__c: 'agent@contoso.com'
                }
            });
            const same = { ...settings, entraObjectId: 'oid-1', entraUserPrincipalName: 'agent@contoso.com' };
            expect(await saveSignInIdentity(a, same, identity)).toEqual({ ok: true, saved: false });
            expect(await saveSignInIdentity(a, null, identity)).toEqual({ ok: true, saved: false });
            expect(a.updateRecord).toHaveBeenCalledTimes(1);
        });

        it('returns the server message when the update fails', async () => {
            const a = {
                createRecord: jest.fn(),
                updateRecord: jest.fn().mockRejectedValue({ body: { message: 'no access' } })
            };
            expect(
                await saveSignInIdentity(a, settings, { objectId: 'oid', userPrincipalName: null })
            ).toEqual({
                ok: false,
                message: 'no access'
            });
        });
    });

    describe('saveAgentSignIn', () => {
        it('writes the identity through lightning/uiRecordApi', async () => {
            mockedUpdateRecord.mockResolvedValueOnce({});
            const settings = {
                id: SETTINGS_ID,
                email: null,
                callCenterSetupId: null,
                callCenterSetupName: null,
                configurationId: null,
                entraObjectId: null,
                entraUserPrincipalName: null
            };
            await expect(
                saveAgentSignIn(settings, { objectId: 'oid', userPrincipalName: 'a@b.de' })
            ).resolves.toEqual({
                ok: true,
                saved: true
            });
            expect(mockedUpdateRecord).toHaveBeenCalledWith({
                fields: { Id: SETTINGS_ID, EntraObjectId__c: 'oid', EntraUserPrincipalName__c: 'a@b.de' }
            });
        });
    });

    describe('the platform bindings', () => {
        it('loadAgentStatuses reads the statuses through Apex', async () => {
            mockedGetStatuses.mockResolvedValue(STATUSES);
            const loaded = await loadAgentStatuses();
            expect(loaded.ok && loaded.directory.idOf('On_a_Call')).toBe('0N5xx0000000001AAA');
            expect(mockedGetStatuses).toHaveBeenCalledTimes(1);
        });

        it('saveAgentEmail writes through lightning/uiRecordApi with the current user id', async () => {
            mockedCreateRecord.mockResolvedValueOnce({ id: 'created' });
            await expect(saveAgentEmail('agent@contoso.com', null)).resolves.toEqual({
                ok: true,
                settingsId: 'created',
                value: 'agent@contoso.com'
            });
            expect(mockedCreateRecord.mock.calls[0][0].fields.UserKey__c).toBe(USER_ID);
            mockedCreateRecord.mockResolvedValueOnce({ id: 'created' });
            await saveAgentEmail('agent@contoso.com', null, 'Ada Agent');
            expect(mockedCreateRecord.mock.calls[1][0].fields).toMatchObject({
                Name: 'Ada Agent',
                UserKey__c: USER_ID
            });
            mockedUpdateRecord.mockResolvedValueOnce({});
            const settings = {
                id: SETTINGS_ID,
                email: null,
                callCenterSetupId: null,
                callCenterSetupName: null,
                configurationId: null,
                entraObjectId: null,
                entraUserPrincipalName: null
            };
            await expect(saveAgentEmail('agent@contoso.com', settings)).resolves.toMatchObject({ ok: true });
            expect(mockedUpdateRecord).toHaveBeenCalledWith({
                fields: { Id: SETTINGS_ID, Office365Email__c: 'agent@contoso.com' }
            });
        });
    });
});
