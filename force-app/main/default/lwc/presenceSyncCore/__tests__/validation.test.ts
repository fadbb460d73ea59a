import { validateConfiguration } from 'c/presenceSyncCore';
import type { ConfigIssue, Configuration, RawLabelRecord } from 'c/presenceSyncCore';
import { label, parsed, raw, soundRows } from './fixtures';

/** The sound rows, Salesforce to Teams only (no round trip to consider). */
function salesforceOnlyRows(): RawLabelRecord[] {
    return soundRows().map((r) => ({ ...r, FromTeams__c: false }));
}

function validate(rows: RawLabelRecord[], direction = 'Bidirectional'): ConfigIssue[] {
    return validateConfiguration(parsed(raw(rows, { SyncDirection__c: direction })));
}

/** code, row, field, relatedRow of each issue. */
function where(issues: ConfigIssue[]): [string, number | null, string, number | undefined][] {
    return issues.map((i) => [i.code, i.row, i.field, i.relatedRow]);
}

describe('c-presence-sync-core', () => {
    describe('validateConfiguration', () => {
        it('accepts a sound mapping', () => {
            expect(validate(soundRows())).toEqual([]);
        });

        it('reports a second FromSalesforce row for a status, with the first one', () => {
            const issues = validate([
                ...soundRows(),
                label('on_a_call', 'Busy/InAConferenceCall', 'sf', 'Session')
            ]);
            expect(issues).toEqual([
                {
                    code: 'duplicateSalesforceRow',
                    row: 8,
                    field: 'SalesforceStatus__c',
                    message: 'row 8 repeats the FromSalesforce__c status On_a_Call of row 2',
                    relatedRow: 2,
                    value: 'On_a_Call'
                }
            ]);
        });

        it('reports a second FromTeams row for a pair; Any counts as its own pair', () => {
            const issues = validate([
                ...soundRows(),
                label('Busy', 'Busy/Any', 'teams'),
                label('On_a_Call', 'busy/inacall', 'teams'),
                label(null, 'Busy/Any', 'teams')
            ]);
            expect(where(issues)).toEqual([
                ['duplicateTeamsRow', 9, 'TeamsActivity__c', 2],
                ['duplicateTeamsRow', 10, 'TeamsActivity__c', 8]
            ]);
        });

        it('does not count rows of the other direction as duplicates', () => {
            expect(
                validate(
                    [...soundRows(), label('Busy', 'Busy/Busy', 'teams'), label('Busy', null, 'teams')].slice(
                        0,
                        8
                    )
                )
            ).toEqual([
                {
                    code: 'duplicateTeamsRow',
                    row: 8,
                    field: 'TeamsActivity__c',
                    message: expect.any(String),
                    relatedRow: 3,
                    value: 'Busy/Busy'
                }
            ]);
            const ok = soundRows();
            ok[2] = label('Busy', 'Busy/Busy', 'sf', 'Preferred');
            expect(validate([...ok, label('Busy', 'Busy/Busy', 'teams')])).toEqual([]);
        });

        it('reports every delivered Salesforce status without a FromSalesforce row', () => {
            const rows = soundRows().filter(
                (r) => r.SalesforceStatus__c !== 'Away' && r.SalesforceStatus__c !== 'Offline'
            );
            rows.push(label('Away', 'Away/Away', 'teams'));
            expect(validate(rows)).toEqual([
                {
                    code: 'missingStatusRow',
                    row: null,
                    field: 'SalesforceStatus__c',
                    message: 'no FromSalesforce__c row for the Salesforce status Away',
                    value: 'Away'
                },
                {
                    code: 'missingStatusRow',
                    row: null,
                    field: 'SalesforceStatus__c',
                    message: 'no FromSalesforce__c row for the Salesforce status Offline',
                    value: 'Offline'
                }
            ]);
        });

        it.each([
            ['Session', 'Busy/Busy', 'invalidSessionPair', 'setPresence does not accept Busy/Busy'],
            [
                'Session',
                'DoNotDisturb/DoNotDisturb',
                'invalidSessionPair',
                'setPresence does not accept DoNotDisturb/DoNotDisturb'
            ],
            [
                'Session',
                'BeRightBack/BeRightBack',
                'invalidSessionPair',
                'setPresence does not accept BeRightBack/BeRightBack'
            ],
            [
                'Preferred',
                'Busy/InACall',
                'invalidPreferredPair',
                'setUserPreferredPresence does not accept Busy/InACall'
            ],
            [
                'Preferred',
                'DoNotDisturb/Presenting',
                'invalidPreferredPair',
                'setUserPreferredPresence does not accept DoNotDisturb/Presenting'
            ],
            ['Session', 'Busy/Any', 'anyOnWritingRow', 'Any cannot be written to Teams (Session write)'],
            ['Preferred', 'Busy/Any', 'anyOnWritingRow', 'Any cannot be written to Teams (Preferred write)'],
            [
                'Preferred',
                null,
                'missingTeamsPair',
                'a Preferred write needs TeamsAvailability__c and TeamsActivity__c'
            ]
        ])('reports a %s write of %p (%s)', (kind, teams, code, message) => {
            const rows = salesforceOnlyRows();
            rows[2] = label('Busy', teams, 'sf', kind);
            const field = code === 'missingTeamsPair' ? 'TeamsAvailability__c' : 'TeamsActivity__c';
            expect(validate(rows, 'SalesforceToMeetingApp')).toEqual([{ code, row: 3, field, message }]);
        });

        it.each([
            ['Session', 'DoNotDisturb/Presenting'],
            ['Session', 'Busy/InAConferenceCall'],
            ['Session', 'Away/Away'],
            ['Preferred', 'Offline/OffWork'],
            ['Preferred', 'Available/Available']
        ])('accepts a %s write of %s', (kind, teams) => {
            const rows = salesforceOnlyRows();
            rows[2] = label('Busy', teams, 'sf', kind);
            expect(validate(rows, 'SalesforceToMeetingApp')).toEqual([]);
        });

        it('allows Any on rows that do not write Teams', () => {
            const rows = soundRows();
            rows[6] = label('Offline', 'Offline/Any', 'sf', 'Clear');
            expect(validate([...rows, label(null, 'Away/Any', 'teams')])).toEqual([]);
        });

        it('reports a FromTeams row without a pair and a row without a direction', () => {
            const neither = { ...label('Busy', 'Busy/Busy', 'teams'), FromTeams__c: false };
            expect(where(validate([...soundRows(), label('Busy', null, 'teams'), neither]))).toEqual([
                ['missingTeamsPair', 8, 'TeamsAvailability__c', undefined],
                ['rowWithoutDirection', 9, 'FromSalesforce__c', undefined]
            ]);
        });

        it('reports Teams writes in a configuration that never writes Teams', () => {
            const rows: RawLabelRecord[] = soundRows().map((r) => ({ ...r, TeamsWriteKind__c: 'None' }));
            rows[1] = label('On_a_Call', 'Busy/InACall', 'both', 'Session');
            rows[6] = label('Offline', null, 'sf', 'Clear');
            expect(validate(rows, 'MeetingAppToSalesforce')).toEqual([
                {
                    code: 'directionMismatch',
                    row: 2,
                    field: 'TeamsWriteKind__c',
                    message:
                        'Session is never written: the configuration does not write Teams (MeetingAppToSalesforce)'
                },
                {
                    code: 'directionMismatch',
                    row: 7,
                    field: 'TeamsWriteKind__c',
                    message:
                        'Clear is never written: the configuration does not write Teams (MeetingAppToSalesforce)'
                }
            ]);
        });

        it('reports FromTeams rows in a configuration that never writes Salesforce', () => {
            const rows = soundRows().map((r) => ({ ...r, FromTeams__c: false }));
            expect(validate(rows, 'SalesforceToMeetingApp')).toEqual([]);
            rows[0] = { ...rows[0], FromTeams__c: true };
            expect(where(validate(rows, 'SalesforceToMeetingApp'))).toEqual([
                ['directionMismatch', 1, 'FromTeams__c', undefined]
            ]);
        });

        it('reports a status whose Teams write reads back as another status, with both rows', () => {
            // Busy is written as Busy/Busy, but Teams Busy/Busy maps to Do_Not_Disturb: a ping-pong.
            const rows = soundRows();
            rows[2] = label('Busy', 'Busy/Busy', 'sf', 'Preferred');
            const issues = validate([...rows, label('Do_Not_Disturb', 'Busy/Busy', 'teams')]);
            expect(issues).toEqual([
                {
                    code: 'roundTripUnstable',
                    row: 3,
                    field: 'SalesforceStatus__c',
                    message: 'Busy is written to Teams as Busy/Busy, which row 8 maps back to Do_Not_Disturb',
                    relatedRow: 8
                }
            ]);
        });

        it('accepts a status whose Teams write reads back as no change', () => {
            const rows = soundRows();
            rows[3] = label('Away', 'Away/Away', 'sf', 'Preferred');
            expect(validate([...rows, label(null, 'Away/Any', 'teams')])).toEqual([]);
        });

        it('reports a Teams pair whose status, written back to Teams, reads as another status', () => {
            // Teams Busy/InAMeeting -> On_a_Call, written as Busy/InACall, read back as Busy: a ping-pong.
            const rows = soundRows();
            rows[1] = label('On_a_Call', 'Busy/InACall', 'sf', 'Session');
            const issues = validate([
                ...rows,
                label('On_a_Call', 'Busy/InAMeeting', 'teams'),
                label('Busy', 'Busy/Any', 'teams')
            ]);
            expect(where(issues)).toEqual([
                ['roundTripUnstable', 2, 'SalesforceStatus__c', 9],
                ['roundTripUnstable', 8, 'SalesforceStatus__c', 2]
            ]);
            expect(issues[1].message).toBe(
                'Teams Busy/InAMeeting maps to On_a_Call, which is written to Teams as Busy/InACall and read back as Busy (row 9)'
            );
        });

        it('reports an unstable Any row once, however many pairs resolve through it', () => {
            // DoNotDisturb/* -> Busy, written as Busy/Busy, read back as Away.
            const rows = soundRows();
            rows[2] = label('Busy', 'Busy/Busy', 'sf', 'Preferred');
            const issues = validate([
                ...rows,
                label('Busy', 'DoNotDisturb/Any', 'teams'),
                label('Away', 'Busy/Busy', 'teams')
            ]);
            // Presenting, Focusing and UrgentInterruptionsOnly all resolve through row 8: one issue.
            expect(where(issues)).toEqual([
                ['roundTripUnstable', 3, 'SalesforceStatus__c', 9],
                ['roundTripUnstable', 8, 'SalesforceStatus__c', 3]
            ]);
        });

        it('checks the round trip of undocumented pairs that have a row of their own', () => {
            const rows = soundRows();
            rows[1] = label('On_a_Call', 'Busy/InACall', 'sf', 'Session');
            rows[2] = label('Busy', 'Busy/Busy', 'sf', 'Preferred');
            const issues = validate([
                ...rows,
                label('On_a_Call', 'Away/Presenting', 'teams'),
                label('Busy', 'Busy/InACall', 'teams')
            ]);
            expect(where(issues)).toEqual([
                ['roundTripUnstable', 2, 'SalesforceStatus__c', 9],
                ['roundTripUnstable', 8, 'SalesforceStatus__c', 2]
            ]);
        });

        it('accepts Teams rows whose status is not written back or has no FromSalesforce row', () => {
            const rows = soundRows();
            rows[1] = label('On_a_Call', null, 'sf', 'None');
            expect(
                validate([
                    ...rows,
                    label('On_a_Call', 'Busy/InACall', 'teams'),
                    label('Lunch', 'Away/OutOfOffice', 'teams')
                ])
            ).toEqual([]);
        });

        it('accepts a Teams row whose status writes a pair that reads back as no change', () => {
            const rows = soundRows();
            rows[3] = label('Away', 'Away/Away', 'sf', 'Preferred');
            expect(validate([...rows, label('Away', 'Away/OutOfOffice', 'teams')])).toEqual([]);
        });

        it('checks the round trip only when both directions sync', () => {
            const rows = salesforceOnlyRows();
            rows[2] = label('Busy', 'Busy/Busy', 'sf', 'Preferred');
            expect(
                validate([...rows, label('Do_Not_Disturb', 'Busy/Busy', 'teams')], 'SalesforceToMeetingApp')
            ).toEqual([expect.objectContaining({ code: 'directionMismatch', row: 8 })]);
        });

        it('validates a configuration built without parseConfiguration', () => {
            const config: Configuration = { ...parsed(raw(soundRows())) };
            config.rows = config.rows.map((r) => (r.row === 7 ? { ...r, salesforceStatus: null } : r));
            config.rows.push({ ...config.rows[6], row: 8 });
            expect(where(validateConfiguration(config))).toEqual([
                ['missingStatusRow', null, 'SalesforceStatus__c', undefined]
            ]);
        });
    });
});
