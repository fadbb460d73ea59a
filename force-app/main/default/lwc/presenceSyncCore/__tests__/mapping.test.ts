import { findTeamsRow, rowWrite, sameSalesforceStatus, toSalesforce, toTeams } from 'c/presenceSyncCore';
import type { MappingRow } from 'c/presenceSyncCore';
import { label, parsed, raw, soundRows } from './fixtures';

const TEAMS_ROWS = [
    label('On_a_Call', 'Busy/InAConferenceCall', 'teams', 'None'), // row 8
    label('Busy', 'Busy/Any', 'teams'), // row 9
    label(null, 'Available/Any', 'teams'), // row 10
    label('Lunch', 'Away/OutOfOffice', 'teams') // row 11: a status with no FromSalesforce row
];

function config(direction = 'Bidirectional') {
    return parsed(raw([...soundRows(), ...TEAMS_ROWS], { SyncDirection__c: direction }));
}

describe('c-presence-sync-core', () => {
    describe('toTeams', () => {
        it.each([
            ['On_a_Call', { kind: 'session', availability: 'Busy', activity: 'InACall' }, 'R-CALL', 2],
            ['Available', { kind: 'session', availability: 'Available', activity: 'Available' }, 'R-AV', 1],
            ['Busy', { kind: 'preferred', availability: 'Busy', activity: 'Busy' }, null, 3],
            ['Offline', { kind: 'clear' }, 'R-OFF', 7]
        ])('maps %s to its row write and reason code', (status, teams, phoneReasonCode, row) => {
            expect(toTeams(config(), status)).toEqual({ teams, phoneReasonCode, row, reason: 'mapped' });
        });

        it('matches the status case-insensitively and ignores surrounding blanks', () => {
            expect(toTeams(config(), ' on_a_call ').row).toBe(2);
        });

        it('writes nothing for a None row but still sends its reason code', () => {
            const c = parsed(raw([label('Busy', null, 'sf', 'None', 'BUSY')]));
            expect(toTeams(c, 'Busy')).toEqual({
                teams: { kind: 'none' },
                phoneReasonCode: 'BUSY',
                row: 1,
                reason: 'mapped'
            });
        });

        it('never writes Teams in MeetingAppToSalesforce, but the reason code still applies', () => {
            expect(toTeams(config('MeetingAppToSalesforce'), 'On_a_Call')).toEqual({
                teams: { kind: 'none' },
                phoneReasonCode: 'R-CALL',
                row: 2,
                reason: 'direction'
            });
        });

        it('writes Teams in SalesforceToMeetingApp', () => {
            expect(toTeams(config('SalesforceToMeetingApp'), 'Away').teams).toEqual({
                kind: 'preferred',
                availability: 'Away',
                activity: 'Away'
            });
        });

        it.each(['Lunch_Break', '', 'Avail'])('does not write Teams for the unknown status %p', (status) => {
            expect(toTeams(config(), status)).toEqual({
                teams: { kind: 'none' },
                phoneReasonCode: null,
                row: null,
                reason: 'unknownStatus'
            });
        });

        it('treats garbage input as an unknown status', () => {
            expect(toTeams(config(), null as never).reason).toBe('unknownStatus');
            expect(toTeams(config(), 42 as never).reason).toBe('unknownStatus');
        });

        it('does not write Teams for a status that only has FromTeams rows', () => {
            expect(toTeams(config(), 'Lunch')).toEqual({
                teams: { kind: 'none' },
                phoneReasonCode: null,
                row: 11,
                reason: 'rowNotFromSalesforce'
            });
        });

        it('uses the first FromSalesforce row when a status has two', () => {
            const c = parsed(
                raw([
                    label('Busy', 'Busy/Busy', 'sf', 'Preferred', 'A'),
                    label('Busy', null, 'sf', 'Clear', 'B')
                ])
            );
            expect(toTeams(c, 'Busy').phoneReasonCode).toBe('A');
        });

        it.each([
            ['Session', 'Busy/Any'],
            ['Preferred', null]
        ])('does not write a %s row without a concrete pair (%p)', (kind, teams) => {
            const c = parsed(raw([label('Busy', teams, 'sf', kind, 'B')]));
            expect(toTeams(c, 'Busy')).toEqual({
                teams: { kind: 'none' },
                phoneReasonCode: 'B',
                row: 1,
                reason: 'invalidRow'
            });
        });
    });

    describe('toSalesforce', () => {
        it.each([
            [{ availability: 'Busy', activity: 'InACall' }, 'On_a_Call', 2],
            [{ availability: 'Busy', activity: 'InAConferenceCall' }, 'On_a_Call', 8],
            [{ availability: 'Busy', activity: 'Busy' }, 'Busy', 3],
            [{ availability: 'Busy', activity: 'InAMeeting' }, 'Busy', 9],
            [{ availability: 'busy', activity: 'INACALL' }, 'On_a_Call', 2],
            [{ availability: ' Away ', activity: 'away' }, 'Away', 4]
        ])('maps %p to %s (row %i)', (presence, status, row) => {
            expect(toSalesforce(config(), presence)).toEqual({ change: true, status, row });
        });

        it('prefers a row of its own over the Any row, whatever the order', () => {
            const c = parsed(
                raw([label('Busy', 'Busy/Any', 'teams'), label('On_a_Call', 'Busy/InACall', 'teams')])
            );
            expect(toSalesforce(c, { availability: 'Busy', activity: 'InACall' })).toEqual({
                change: true,
                status: 'On_a_Call',
                row: 2
            });
            expect(toSalesforce(c, { availability: 'Busy', activity: 'Presenting' })).toEqual({
                change: true,
                status: 'Busy',
                row: 1
            });
        });

        it('ignores rows that are not FromTeams', () => {
            const c = parsed(raw([label('Busy', 'Busy/Busy', 'sf', 'Preferred')]));
            expect(toSalesforce(c, { availability: 'Busy', activity: 'Busy' })).toEqual({
                change: false,
                reason: 'unmapped',
                row: null
            });
        });

        it('ignores a FromTeams row without a pair', () => {
            const c = parsed(raw([label('Busy', null, 'teams')]));
            expect(toSalesforce(c, { availability: 'Busy', activity: 'Busy' }).change).toBe(false);
        });

        it('says no change for an explicit no-change row', () => {
            expect(
                toSalesforce(config(), { availability: 'Available', activity: 'AvailableInactive' })
            ).toEqual({
                change: false,
                reason: 'explicit',
                row: 10
            });
        });

        it('never changes Salesforce in SalesforceToMeetingApp', () => {
            expect(
                toSalesforce(config('SalesforceToMeetingApp'), { availability: 'Busy', activity: 'InACall' })
            ).toEqual({
                change: false,
                reason: 'direction',
                row: null
            });
        });

        it('changes Salesforce in MeetingAppToSalesforce', () => {
            expect(
                toSalesforce(config('MeetingAppToSalesforce'), { availability: 'Busy', activity: 'InACall' })
                    .change
            ).toBe(true);
        });

        it.each([
            null,
            undefined,
            'Busy',
            { availability: 'Busy' },
            { availability: 'Busy', activity: 'Juggling' },
            { availability: 'Asleep', activity: 'Busy' },
            { availability: 3, activity: null }
        ])('says no change for the unknown reading %p', (presence) => {
            expect(toSalesforce(config(), presence)).toEqual({ change: false, reason: 'unknown', row: null });
        });

        it.each([
            ['AvailableIdle', 'Available'],
            ['BusyIdle', 'Busy'],
            ['PresenceUnknown', 'PresenceUnknown'],
            ['Away', 'Inactive'],
            ['DoNotDisturb', 'AvailableInactive']
        ])('explains %s/%s without a row as transient', (availability, activity) => {
            expect(toSalesforce(config(), { availability, activity })).toEqual({
                change: false,
                reason: 'transient',
                row: null
            });
        });

        it.each([
            ['Offline', 'OffWork'],
            ['DoNotDisturb', 'Presenting'],
            ['Away', 'Away']
        ])('says %s/%s without a row is unmapped', (availability, activity) => {
            const c = parsed(raw([label('Busy', 'Busy/Busy', 'teams')]));
            expect(toSalesforce(c, { availability, activity })).toEqual({
                change: false,
                reason: 'unmapped',
                row: null
            });
        });
    });

    describe('helpers', () => {
        it('compares Salesforce statuses case-insensitively; a blank status matches nothing', () => {
            expect(sameSalesforceStatus('On_a_Call', ' on_a_call')).toBe(true);
            expect(sameSalesforceStatus('Busy', 'Away')).toBe(false);
            expect(sameSalesforceStatus(null, 'Busy')).toBe(false);
            expect(sameSalesforceStatus(null, null)).toBe(false);
        });

        it('finds the row a documented pair resolves through', () => {
            expect(findTeamsRow(config(), { availability: 'Busy', activity: 'Focusing' })?.row).toBe(9);
            expect(findTeamsRow(config(), { availability: 'Offline', activity: 'OffWork' })).toBeNull();
        });

        it('describes the write of a row', () => {
            const base: MappingRow = {
                row: 1,
                name: '',
                salesforceStatus: 'Busy',
                fromSalesforce: true,
                fromTeams: false,
                teams: { availability: 'DoNotDisturb', activity: 'Presenting' },
                writeKind: 'Session',
                phoneReasonCode: null
            };
            expect(rowWrite(base)).toEqual({
                kind: 'session',
                availability: 'DoNotDisturb',
                activity: 'Presenting'
            });
            expect(rowWrite({ ...base, writeKind: 'Preferred' })?.kind).toBe('preferred');
            expect(rowWrite({ ...base, writeKind: 'Clear' })).toEqual({ kind: 'clear' });
            expect(rowWrite({ ...base, writeKind: 'None' })).toEqual({ kind: 'none' });
            expect(rowWrite({ ...base, teams: null })).toBeNull();
        });
    });
});
