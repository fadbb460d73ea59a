import fc from 'fast-check';
import {
    CALL_STATUS_MESSAGE_MAX_LENGTH,
    CONFIGURATION_DEFAULTS,
    parseConfiguration
} from 'c/presenceSyncCore';
import type { ConfigIssue, ParseResult } from 'c/presenceSyncCore';
import { label, parsed, raw, soundRows } from './fixtures';

const CLIENT_ID = '0f6a8a7e-3b1d-4c8e-9a52-7d1e2f3a4b5c';
const TENANT_ID = 'A1B2C3D4-E5F6-4789-ABCD-EF0123456789';
const SUPERVISOR_CLIENT_ID = '6c5b4a39-2817-4f06-95e4-d3c2b1a09f8e';

function errorsOf(result: ParseResult): ConfigIssue[] {
    return result.ok ? [] : result.errors;
}

/** code, row and field of each error: what the admin UI needs to point at the problem. */
function where(result: ParseResult): [string, number | null, string][] {
    return errorsOf(result).map((e) => [e.code, e.row, e.field]);
}

describe('c-presence-sync-core', () => {
    describe('parseConfiguration', () => {
        it('never throws on a hostile record: getters and proxies that throw, values without a text form', () => {
            const boom = (): never => {
                throw new Error('hostile');
            };
            const unprintable = { toString: boom, valueOf: boom, [Symbol.toPrimitive]: boom };
            const throwingGetter = (key: string): object =>
                Object.defineProperty({ Name: 'x' }, key, { get: boom, enumerable: true });
            // hostile values are built inside the property (fast-check itself would trip over them)
            const factories: Array<() => unknown> = [
                ...[
                    'Name',
                    'PollIntervalSeconds__c',
                    'PresenceStateLabels__r',
                    'SyncDirection__c',
                    'CallStatusMessage__c'
                ].map((key) => () => throwingGetter(key)),
                () => new Proxy({}, { get: boom, has: boom, ownKeys: boom }),
                () => ({ Name: 'x', PollIntervalSeconds__c: unprintable }),
                () => ({ Name: 'x', SyncDirection__c: unprintable }),
                () => ({ Name: 'x', SetCallStatusMessage__c: unprintable }),
                () => ({
                    Name: 'x',
                    PresenceStateLabels__r: { records: [{ FromSalesforce__c: unprintable }] }
                }),
                () => ({ Name: 'x', PresenceStateLabels__r: { records: [{ Name: unprintable }] } }),
                () => ({
                    Name: 'x',
                    PresenceStateLabels__r: { edges: [{ node: throwingGetter('TeamsActivity__c') }] }
                }),
                () => ({ Name: 'x', PresenceStateLabels__r: { records: new Proxy([], { get: boom }) } })
            ];
            const hostileArb = fc.oneof(
                fc
                    .anything({
                        withBoxedValues: true,
                        withNullPrototype: true,
                        withMap: true,
                        withSet: true
                    })
                    .map((value) => () => value),
                fc.constantFrom(...factories)
            );
            fc.assert(
                fc.property(hostileArb, (make) => {
                    const result = parseConfiguration(make());
                    expect(typeof result.ok).toBe('boolean');
                }),
                { numRuns: 500 }
            );
            expect(parseConfiguration(throwingGetter('Name'))).toEqual({
                ok: false,
                errors: [expect.objectContaining({ code: 'invalidRecord', row: null })]
            });
        });

        it('parses a complete record into a typed configuration', () => {
            const result = parseConfiguration(
                raw([label('On_a_Call', 'busy/inacall', 'both', 'Session', 'ON_CALL')], {
                    MeetingApplication__c: 'MS-Teams',
                    SyncDirection__c: 'MeetingAppToSalesforce',
                    AzureClientId__c: CLIENT_ID,
                    AzureTenantId__c: ` ${TENANT_ID} `,
                    SupervisorAzureClientId__c: SUPERVISOR_CLIENT_ID,
                    PollIntervalSeconds__c: 5,
                    MaxPollIntervalSeconds__c: '120',
                    SessionExpiryMinutes__c: 240,
                    WrapUpSeconds__c: 30,
                    CallPresence__c: 'DoNotDisturbPresenting',
                    SetCallStatusMessage__c: 'false',
                    CallStatusMessage__c: '  Im Gespräch  ',
                    ManualStatusPolicy__c: 'TeamsManualWins',
                    Description__c: 'notes'
                })
            );
            expect(result).toEqual({
                ok: true,
                configuration: {
                    name: 'Test configuration',
                    meetingApplication: 'MS-Teams',
                    direction: 'MeetingAppToSalesforce',
                    azureClientId: CLIENT_ID,
                    azureTenantId: TENANT_ID,
                    supervisorAzureClientId: SUPERVISOR_CLIENT_ID,
                    pollIntervalSeconds: 5,
                    maxPollIntervalSeconds: 120,
                    sessionExpiryMinutes: 240,
                    wrapUpSeconds: 30,
                    callPresence: 'DoNotDisturbPresenting',
                    callStatusMessage: { enabled: false, text: 'Im Gespräch' },
                    manualStatusPolicy: 'TeamsManualWins',
                    rows: [
                        {
                            row: 1,
                            name: 'On_a_Call busy/inacall',
                            salesforceStatus: 'On_a_Call',
                            fromSalesforce: true,
                            fromTeams: true,
                            teams: { availability: 'Busy', activity: 'InACall' },
                            writeKind: 'Session',
                            phoneReasonCode: 'ON_CALL'
                        }
                    ]
                }
            });
        });

        it('applies the documented defaults to missing or blank tunables', () => {
            const config = parsed({
                Name: 'Defaults',
                SyncDirection__c: '',
                PollIntervalSeconds__c: null,
                SessionExpiryMinutes__c: '  '
            });
            expect(config).toEqual({
                name: 'Defaults',
                meetingApplication: 'MS-Teams',
                direction: 'Bidirectional',
                azureClientId: null,
                azureTenantId: null,
                supervisorAzureClientId: null,
                pollIntervalSeconds: 2,
                maxPollIntervalSeconds: 60,
                sessionExpiryMinutes: 10,
                wrapUpSeconds: 0,
                callPresence: 'BusyInACall',
                callStatusMessage: { enabled: true, text: null },
                manualStatusPolicy: 'LatestIntentWins',
                rows: []
            });
            expect(CONFIGURATION_DEFAULTS.sessionExpiryMinutes).toBe(10);
        });

        it('reads the call status message switch and text: blank text is the default, a blank switch is on', () => {
            const message = (fields: Record<string, unknown>) =>
                parsed({ Name: 'x', ...fields }).callStatusMessage;
            expect(message({})).toEqual({ enabled: true, text: null });
            expect(message({ SetCallStatusMessage__c: null, CallStatusMessage__c: '   ' })).toEqual({
                enabled: true,
                text: null
            });
            expect(message({ SetCallStatusMessage__c: { value: false } })).toEqual({
                enabled: false,
                text: null
            });
            expect(
                message({
                    SetCallStatusMessage__c: { value: true },
                    CallStatusMessage__c: { value: 'Kundentelefonat' }
                })
            ).toEqual({ enabled: true, text: 'Kundentelefonat' });
        });

        it('accepts a call status message of 280 characters and reports a longer one, naming the field and the limit', () => {
            const longest = 'x'.repeat(CALL_STATUS_MESSAGE_MAX_LENGTH);
            expect(CALL_STATUS_MESSAGE_MAX_LENGTH).toBe(280);
            expect(parsed({ Name: 'x', CallStatusMessage__c: longest }).callStatusMessage.text).toBe(longest);
            const result = parseConfiguration({ Name: 'x', CallStatusMessage__c: `${longest}!` });
            expect(errorsOf(result)).toEqual([
                {
                    code: 'textTooLong',
                    row: null,
                    field: 'CallStatusMessage__c',
                    message: 'CallStatusMessage__c has 281 characters; Teams shows at most 280'
                }
            ]);
        });

        it('reports a call status message switch or text of the wrong type without throwing', () => {
            const result = parseConfiguration({
                Name: 'x',
                SetCallStatusMessage__c: 'sometimes',
                CallStatusMessage__c: 42
            });
            expect(where(result)).toEqual([
                ['invalidType', null, 'SetCallStatusMessage__c'],
                ['invalidType', null, 'CallStatusMessage__c']
            ]);
        });

        it('unwraps UI API / GraphQL { value } fields and reads rows from edges/node', () => {
            const config = parsed({
                Name: { value: 'From GraphQL', displayValue: null },
                SyncDirection__c: { value: 'SalesforceToMeetingApp' },
                PollIntervalSeconds__c: { value: 15 },
                PresenceStateLabels__r: {
                    edges: [
                        {
                            node: {
                                Name: { value: 'Busy' },
                                SalesforceStatus__c: { value: 'Busy' },
                                FromSalesforce__c: { value: true },
                                FromTeams__c: { value: false },
                                TeamsAvailability__c: { value: 'Busy' },
                                TeamsActivity__c: { value: 'Busy' },
                                TeamsWriteKind__c: { value: 'Preferred' },
                                PhoneReasonCode__c: { value: null }
                            }
                        }
                    ]
                }
            });
            expect(config.name).toBe('From GraphQL');
            expect(config.direction).toBe('SalesforceToMeetingApp');
            expect(config.pollIntervalSeconds).toBe(15);
            expect(config.rows).toEqual([
                {
                    row: 1,
                    name: 'Busy',
                    salesforceStatus: 'Busy',
                    fromSalesforce: true,
                    fromTeams: false,
                    teams: { availability: 'Busy', activity: 'Busy' },
                    writeKind: 'Preferred',
                    phoneReasonCode: null
                }
            ]);
        });

        it('reports an edge that is not an object as an invalid row', () => {
            const result = parseConfiguration({
                Name: 'X',
                PresenceStateLabels__r: { edges: ['junk', { node: null }] }
            });
            expect(where(result)).toEqual([
                ['invalidRecord', 1, ''],
                ['invalidRecord', 2, '']
            ]);
        });

        it('reads rows from a plain array and treats a null relationship as no rows', () => {
            expect(parsed({ Name: 'A', PresenceStateLabels__r: null }).rows).toEqual([]);
            const rows = parsed({ Name: 'B', PresenceStateLabels__r: soundRows() as never }).rows;
            expect(rows.map((r) => r.salesforceStatus)).toEqual([
                'Available',
                'On_a_Call',
                'Busy',
                'Away',
                'Be_Right_Back',
                'Do_Not_Disturb',
                'Offline'
            ]);
        });

        it('normalizes picklist values to their documented spelling, Teams values case-insensitively', () => {
            const config = parsed(
                raw(
                    [
                        label(null, 'DONOTDISTURB/any', 'teams'),
                        label('Busy', ' busy / busy ', 'sf', 'preferred')
                    ],
                    {
                        SyncDirection__c: 'bidirectional',
                        MeetingApplication__c: 'ms-teams'
                    }
                )
            );
            expect(config.direction).toBe('Bidirectional');
            expect(config.rows[0].teams).toEqual({ availability: 'DoNotDisturb', activity: 'Any' });
            expect(config.rows[0].writeKind).toBe('None');
            expect(config.rows[1].teams).toEqual({ availability: 'Busy', activity: 'Busy' });
            expect(config.rows[1].writeKind).toBe('Preferred');
        });

        it('accepts checkbox values as text and a row without a name or Teams pair', () => {
            const config = parsed(
                raw([
                    {
                        SalesforceStatus__c: 'Offline',
                        FromSalesforce__c: 'true',
                        FromTeams__c: 'false',
                        TeamsWriteKind__c: 'Clear'
                    }
                ])
            );
            expect(config.rows[0]).toEqual({
                row: 1,
                name: '',
                salesforceStatus: 'Offline',
                fromSalesforce: true,
                fromTeams: false,
                teams: null,
                writeKind: 'Clear',
                phoneReasonCode: null
            });
        });

        it.each([
            [null, 'null'],
            [undefined, 'undefined'],
            [[{ Name: 'x' }], 'an array'],
            ['Phone System', 'string'],
            [7, 'number']
        ])('returns an error for %p instead of throwing', (input, what) => {
            expect(parseConfiguration(input)).toEqual({
                ok: false,
                errors: [
                    {
                        code: 'invalidRecord',
                        row: null,
                        field: '',
                        message: `expected a PresenceStateConfiguration__c record, got ${what}`
                    }
                ]
            });
        });

        it('requires a name', () => {
            expect(where(parseConfiguration({ Name: ' ' }))).toEqual([['requiredField', null, 'Name']]);
            expect(where(parseConfiguration({}))).toEqual([['requiredField', null, 'Name']]);
            expect(where(parseConfiguration({ Name: 12 }))).toEqual([['invalidType', null, 'Name']]);
        });

        it('reports invalid picklist values on the configuration', () => {
            const result = parseConfiguration({
                Name: 'X',
                MeetingApplication__c: 'Zoom',
                SyncDirection__c: 'Both',
                CallPresence__c: 'Ringing',
                ManualStatusPolicy__c: 'Random'
            });
            expect(where(result)).toEqual([
                ['invalidPicklistValue', null, 'MeetingApplication__c'],
                ['invalidPicklistValue', null, 'SyncDirection__c'],
                ['invalidPicklistValue', null, 'CallPresence__c'],
                ['invalidPicklistValue', null, 'ManualStatusPolicy__c']
            ]);
            expect(errorsOf(result)[1].message).toBe(
                "SyncDirection__c 'Both' is not one of Bidirectional, SalesforceToMeetingApp, MeetingAppToSalesforce"
            );
        });

        it('checks the GUID format of the Azure ids when present', () => {
            const result = parseConfiguration({
                Name: 'X',
                AzureClientId__c: 'not-a-guid',
                AzureTenantId__c: `${TENANT_ID}0`,
                SupervisorAzureClientId__c: 'supervisors'
            });
            expect(where(result)).toEqual([
                ['invalidGuid', null, 'AzureClientId__c'],
                ['invalidGuid', null, 'AzureTenantId__c'],
                ['invalidGuid', null, 'SupervisorAzureClientId__c']
            ]);
            expect(errorsOf(result)[0].message).toBe("AzureClientId__c 'not-a-guid' is not a GUID");
        });

        it.each([
            ['SessionExpiryMinutes__c', 4, 'outOfRange'],
            ['SessionExpiryMinutes__c', 241, 'outOfRange'],
            ['PollIntervalSeconds__c', 0, 'outOfRange'],
            ['MaxPollIntervalSeconds__c', 10000, 'outOfRange'],
            ['WrapUpSeconds__c', -1, 'outOfRange'],
            ['WrapUpSeconds__c', 2.5, 'invalidType'],
            ['PollIntervalSeconds__c', 'ten', 'invalidType'],
            ['SessionExpiryMinutes__c', true, 'invalidType'],
            ['SessionExpiryMinutes__c', Number.NaN, 'invalidType']
        ])('rejects %s = %p (%s)', (fieldName, value, code) => {
            expect(where(parseConfiguration({ Name: 'X', [fieldName]: value }))).toEqual([
                [code, null, fieldName]
            ]);
        });

        it.each([
            ['SessionExpiryMinutes__c', 5],
            ['SessionExpiryMinutes__c', 240],
            ['PollIntervalSeconds__c', 1],
            ['WrapUpSeconds__c', 0],
            ['WrapUpSeconds__c', 9999]
        ])('accepts the boundary %s = %p', (fieldName, value) => {
            expect(
                parseConfiguration({ Name: 'X', MaxPollIntervalSeconds__c: 9999, [fieldName]: value }).ok
            ).toBe(true);
        });

        it('rejects a poll interval above the maximum poll interval', () => {
            const result = parseConfiguration({
                Name: 'X',
                PollIntervalSeconds__c: 30,
                MaxPollIntervalSeconds__c: 20
            });
            expect(errorsOf(result)).toEqual([
                {
                    code: 'outOfRange',
                    row: null,
                    field: 'PollIntervalSeconds__c',
                    message: 'PollIntervalSeconds__c (30) must not exceed MaxPollIntervalSeconds__c (20)'
                }
            ]);
            expect(
                parseConfiguration({ Name: 'X', PollIntervalSeconds__c: 20, MaxPollIntervalSeconds__c: 20 })
                    .ok
            ).toBe(true);
        });

        it('rejects a relationship that is neither records nor edges', () => {
            expect(where(parseConfiguration({ Name: 'X', PresenceStateLabels__r: 'rows' as never }))).toEqual(
                [['invalidType', null, 'PresenceStateLabels__r']]
            );
            expect(
                where(parseConfiguration({ Name: 'X', PresenceStateLabels__r: { totalSize: 0 } }))
            ).toEqual([['invalidType', null, 'PresenceStateLabels__r']]);
        });

        it('reports every row problem with its 1-based row and field', () => {
            const result = parseConfiguration(
                raw([
                    label('Available', 'Available/Available', 'both', 'Session'),
                    label(null, 'Busy/Busy', 'sf', 'Preferred'),
                    label('Busy', 'Busy/Busy', 'sf', null),
                    label('Away', 'Away/Nap', 'both', 'Teleport'),
                    label(null, 'Sleepy/Any', 'teams'),
                    { ...label(null, 'Offline/Any', 'teams'), TeamsAvailability__c: null },
                    { ...label(null, 'Busy/Any', 'teams'), TeamsActivity__c: '' },
                    { ...label('Away', null, 'teams'), FromTeams__c: 'yes', FromSalesforce__c: 1 },
                    { ...label(3 as never, null, 'teams'), Name: ['x'], PhoneReasonCode__c: {} },
                    'row' as never,
                    null as never
                ])
            );
            expect(where(result)).toEqual([
                ['requiredField', 2, 'SalesforceStatus__c'],
                ['requiredField', 3, 'TeamsWriteKind__c'],
                ['invalidPicklistValue', 4, 'TeamsWriteKind__c'],
                ['invalidPicklistValue', 4, 'TeamsActivity__c'],
                ['invalidPicklistValue', 5, 'TeamsAvailability__c'],
                ['requiredField', 6, 'TeamsAvailability__c'],
                ['requiredField', 7, 'TeamsActivity__c'],
                ['invalidType', 8, 'FromSalesforce__c'],
                ['invalidType', 8, 'FromTeams__c'],
                ['invalidType', 9, 'SalesforceStatus__c'],
                ['invalidType', 9, 'Name'],
                ['invalidType', 9, 'PhoneReasonCode__c'],
                ['invalidRecord', 10, ''],
                ['invalidRecord', 11, '']
            ]);
            expect(errorsOf(result)[3].message).toBe("TeamsActivity__c 'Nap' is not a documented value");
        });

        it('does not report a missing status twice when the status has the wrong type', () => {
            const result = parseConfiguration(
                raw([{ ...label('x', null, 'sf', 'Clear'), SalesforceStatus__c: false }])
            );
            expect(where(result)).toEqual([['invalidType', 1, 'SalesforceStatus__c']]);
        });

        it('reports configuration and row problems together', () => {
            const result = parseConfiguration(
                raw([label('Busy', 'Busy/Busy', 'sf', 'Nope')], { SessionExpiryMinutes__c: 1000 })
            );
            expect(where(result)).toEqual([
                ['outOfRange', null, 'SessionExpiryMinutes__c'],
                ['invalidPicklistValue', 1, 'TeamsWriteKind__c']
            ]);
        });
    });
});
