/*
 * The rules of the delivered configurations (docs/data-model.md), asserted on the data files themselves:
 * this test reads data/*.json and uses no project code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Row {
    attributes: { referenceId: string };
    PresenceStateConfiguration__c: string;
    Name: string;
    SalesforceStatus__c?: string;
    FromSalesforce__c?: boolean;
    FromTeams__c?: boolean;
    TeamsAvailability__c?: string;
    TeamsActivity__c?: string;
    TeamsWriteKind__c?: string;
    PhoneReasonCode__c?: string;
}
interface Config {
    attributes: { referenceId: string };
    Name: string;
    SyncDirection__c: string;
}

const DATA = path.resolve(__dirname, '..', '..', 'data');
const load = <T>(name: string): T => JSON.parse(readFileSync(path.join(DATA, name), 'utf8')) as T;

const PHONE = 'Phone System with MS-Teams - Presence State';
const SWYX = 'Swyx / Webex Voice with MS-Teams - Presence State';
const THREE_CX = '3CX - Presence State';
const STATUSES = ['Available', 'On_a_Call', 'Busy', 'Away', 'Be_Right_Back', 'Do_Not_Disturb', 'Offline'];

/** Pairs Graph documents (presence concept page, setPresence, setUserPreferredPresence, fade, transient values). */
const DOCUMENTED_PAIRS = [
    'Available/Available',
    'Available/AvailableInactive',
    'Available/OutOfOffice',
    'AvailableIdle/Available',
    'AvailableIdle/Inactive',
    'Away/Away',
    'Away/OutOfOffice',
    'BeRightBack/BeRightBack',
    'Busy/Busy',
    'Busy/InACall',
    'Busy/InAConferenceCall',
    'Busy/InAMeeting',
    'BusyIdle/Busy',
    'BusyIdle/Inactive',
    'DoNotDisturb/DoNotDisturb',
    'DoNotDisturb/Presenting',
    'DoNotDisturb/Focusing',
    'DoNotDisturb/UrgentInterruptionsOnly',
    'Offline/OffWork',
    'Offline/Offline',
    'Offline/OutOfOffice',
    'PresenceUnknown/PresenceUnknown'
];

/** Teams pair -> expected Salesforce status (null = explicit no change), the same in all three configurations. */
const EXPECTED_FROM_TEAMS: Record<string, string | null> = {
    'Available/Available': 'Available',
    'Available/AvailableInactive': null,
    'Available/OutOfOffice': null,
    'AvailableIdle/Available': null,
    'AvailableIdle/Inactive': null,
    'Away/Away': 'Away',
    'Away/OutOfOffice': null,
    'BeRightBack/BeRightBack': 'Be_Right_Back',
    'Busy/Busy': 'Busy',
    'Busy/InACall': 'On_a_Call',
    'Busy/InAConferenceCall': 'On_a_Call',
    'Busy/InAMeeting': 'Busy',
    'BusyIdle/Busy': null,
    'BusyIdle/Inactive': null,
    'DoNotDisturb/DoNotDisturb': 'Do_Not_Disturb',
    'DoNotDisturb/Presenting': 'Do_Not_Disturb',
    'DoNotDisturb/Focusing': 'Do_Not_Disturb',
    'DoNotDisturb/UrgentInterruptionsOnly': 'Do_Not_Disturb',
    'Offline/OffWork': null,
    'Offline/Offline': null,
    'Offline/OutOfOffice': null,
    'PresenceUnknown/PresenceUnknown': null
};

const plan = load<{ sobject: string; files: string[] }[]>('presence-configurations-plan.json');
const configs = load<{ records: Config[] }>('PresenceStateConfiguration__c.json').records;
const rows = load<{ records: Row[] }>('PresenceStateLabel__c.json').records;

function config(name: string): Config {
    const found = configs.find((c) => c.Name === name);
    if (!found) throw new Error(`no configuration ${name}`);
    return found;
}
const rowsOf = (name: string): Row[] =>
    rows.filter((r) => r.PresenceStateConfiguration__c === `@${config(name).attributes.referenceId}`);
const salesforceRow = (name: string, status: string): Row[] =>
    rowsOf(name).filter((r) => r.FromSalesforce__c === true && r.SalesforceStatus__c === status);
/** The FromTeams row a pair resolves through: its own row, else its availability's Any row. */
function teamsRow(name: string, pair: string): Row | undefined {
    const [availability, activity] = pair.split('/');
    const candidates = rowsOf(name).filter(
        (r) => r.FromTeams__c === true && r.TeamsAvailability__c === availability
    );
    return (
        candidates.find((r) => r.TeamsActivity__c === activity) ??
        candidates.find((r) => r.TeamsActivity__c === 'Any')
    );
}

describe('delivered configurations (data/*.json)', () => {
    it('the plan imports the configurations, then their rows', () => {
        expect(plan.map((p) => [p.sobject, p.files])).toEqual([
            ['PresenceStateConfiguration__c', ['PresenceStateConfiguration__c.json']],
            ['PresenceStateLabel__c', ['PresenceStateLabel__c.json']]
        ]);
        expect(configs.map((c) => c.Name)).toEqual([PHONE, SWYX, THREE_CX]);
        expect(
            rows.every((r) =>
                configs.some((c) => r.PresenceStateConfiguration__c === `@${c.attributes.referenceId}`)
            )
        ).toBe(true);
    });

    it('carries no Azure ids', () => {
        expect(configs.filter((c) => 'AzureClientId__c' in c || 'AzureTenantId__c' in c)).toEqual([]);
    });

    it('Phone System: Salesforce On_a_Call is written as the session presence Busy/InACall', () => {
        const [row] = salesforceRow(PHONE, 'On_a_Call');
        expect([row.TeamsWriteKind__c, row.TeamsAvailability__c, row.TeamsActivity__c]).toEqual([
            'Session',
            'Busy',
            'InACall'
        ]);
        expect(config(PHONE).SyncDirection__c).toBe('Bidirectional');
    });

    it.each([PHONE, SWYX, THREE_CX])(
        '%s: Teams InACall and InAConferenceCall set Salesforce On_a_Call',
        (name) => {
            expect(teamsRow(name, 'Busy/InACall')?.SalesforceStatus__c).toBe('On_a_Call');
            expect(teamsRow(name, 'Busy/InAConferenceCall')?.SalesforceStatus__c).toBe('On_a_Call');
        }
    );

    it.each([PHONE, SWYX, THREE_CX])(
        '%s: every Salesforce status has exactly one FromSalesforce row',
        (name) => {
            expect(STATUSES.map((s) => salesforceRow(name, s).length)).toEqual(STATUSES.map(() => 1));
        }
    );

    it.each([PHONE, SWYX, THREE_CX])(
        '%s: every documented Teams pair resolves through an explicit row',
        (name) => {
            const resolved = Object.fromEntries(
                DOCUMENTED_PAIRS.map((pair) => {
                    const row = teamsRow(name, pair);
                    return [pair, row ? (row.SalesforceStatus__c ?? null) : 'NO ROW'];
                })
            );
            expect(resolved).toEqual(EXPECTED_FROM_TEAMS);
        }
    );

    it.each([PHONE, SWYX, THREE_CX])('%s: Teams Offline never logs the agent out of Omni', (name) => {
        expect(
            rowsOf(name).filter((r) => r.FromTeams__c === true && r.SalesforceStatus__c === 'Offline')
        ).toEqual([]);
    });

    it('Phone System: every Salesforce row has a phone reason code', () => {
        expect(STATUSES.filter((s) => !salesforceRow(PHONE, s)[0].PhoneReasonCode__c)).toEqual([]);
    });

    it('Swyx / Webex Voice: bidirectional, all phone reason codes blank, same Teams writes as Phone System', () => {
        expect(config(SWYX).SyncDirection__c).toBe('Bidirectional');
        expect(rowsOf(SWYX).filter((r) => 'PhoneReasonCode__c' in r)).toEqual([]);
        const writes = (name: string) =>
            STATUSES.map((s) => {
                const [r] = salesforceRow(name, s);
                return [r.TeamsWriteKind__c, r.TeamsAvailability__c, r.TeamsActivity__c];
            });
        expect(writes(SWYX)).toEqual(writes(PHONE));
    });

    it('3CX: Teams changes go to Salesforce; Salesforce changes go to 3CX and never to Teams', () => {
        expect(config(THREE_CX).SyncDirection__c).toBe('MeetingAppToSalesforce');
        const salesforceRows = rowsOf(THREE_CX).filter((r) => r.FromSalesforce__c === true);
        expect(salesforceRows.map((r) => r.TeamsWriteKind__c)).toEqual(STATUSES.map(() => 'None'));
        expect(salesforceRows.filter((r) => !r.PhoneReasonCode__c)).toEqual([]);
        const threeCx = ['Available', 'Away', 'Do Not Disturb', 'Lunch', 'Business Trip'];
        expect(salesforceRows.filter((r) => !threeCx.includes(r.PhoneReasonCode__c ?? ''))).toEqual([]);
    });
});
