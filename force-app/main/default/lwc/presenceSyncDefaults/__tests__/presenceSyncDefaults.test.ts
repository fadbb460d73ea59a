import { DELIVERED_CONFIGURATIONS } from 'c/presenceSyncDefaults';
import {
    callStatusMessageText,
    parseConfiguration,
    toSalesforce,
    toTeams,
    validateConfiguration
} from 'c/presenceSyncCore';
import type { Configuration, TeamsWrite } from 'c/presenceSyncCore';

const PHONE = 'Phone System with MS-Teams - Presence State';
const SWYX = 'Swyx / Webex Voice with MS-Teams - Presence State';
const THREE_CX = '3CX - Presence State';

function configuration(name: string): Configuration {
    const raw = DELIVERED_CONFIGURATIONS.find((c) => c.Name === name);
    const result = parseConfiguration(raw);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.configuration;
}

const session = (availability: string, activity: string) => ({ kind: 'session', availability, activity });
const preferred = (availability: string, activity: string) => ({ kind: 'preferred', availability, activity });
const CLEAR = { kind: 'clear' };
const NONE = { kind: 'none' };

/** Salesforce status -> Teams write of the two bidirectional configurations. */
const TEAMS_WRITES: Record<string, unknown> = {
    Available: session('Available', 'Available'),
    On_a_Call: session('Busy', 'InACall'),
    Busy: preferred('Busy', 'Busy'),
    Away: preferred('Away', 'Away'),
    Be_Right_Back: preferred('BeRightBack', 'BeRightBack'),
    Do_Not_Disturb: preferred('DoNotDisturb', 'DoNotDisturb'),
    Offline: CLEAR
};

/** [configuration, Salesforce status, Teams write, phone reason code, reason] */
const FROM_SALESFORCE: [string, string, unknown, string | null, string][] = [
    [PHONE, 'Available', TEAMS_WRITES.Available, 'AVAILABLE', 'mapped'],
    [PHONE, 'On_a_Call', TEAMS_WRITES.On_a_Call, 'ON_CALL', 'mapped'],
    [PHONE, 'Busy', TEAMS_WRITES.Busy, 'BUSY', 'mapped'],
    [PHONE, 'Away', TEAMS_WRITES.Away, 'AWAY', 'mapped'],
    [PHONE, 'Be_Right_Back', TEAMS_WRITES.Be_Right_Back, 'BRB', 'mapped'],
    [PHONE, 'Do_Not_Disturb', TEAMS_WRITES.Do_Not_Disturb, 'DND', 'mapped'],
    [PHONE, 'Offline', CLEAR, 'LOGGED_OFF', 'mapped'],
    [SWYX, 'Available', TEAMS_WRITES.Available, null, 'mapped'],
    [SWYX, 'On_a_Call', TEAMS_WRITES.On_a_Call, null, 'mapped'],
    [SWYX, 'Busy', TEAMS_WRITES.Busy, null, 'mapped'],
    [SWYX, 'Away', TEAMS_WRITES.Away, null, 'mapped'],
    [SWYX, 'Be_Right_Back', TEAMS_WRITES.Be_Right_Back, null, 'mapped'],
    [SWYX, 'Do_Not_Disturb', TEAMS_WRITES.Do_Not_Disturb, null, 'mapped'],
    [SWYX, 'Offline', CLEAR, null, 'mapped'],
    [THREE_CX, 'Available', NONE, 'Available', 'direction'],
    [THREE_CX, 'On_a_Call', NONE, 'Do Not Disturb', 'direction'],
    [THREE_CX, 'Busy', NONE, 'Do Not Disturb', 'direction'],
    [THREE_CX, 'Away', NONE, 'Away', 'direction'],
    [THREE_CX, 'Be_Right_Back', NONE, 'Lunch', 'direction'],
    [THREE_CX, 'Do_Not_Disturb', NONE, 'Do Not Disturb', 'direction'],
    [THREE_CX, 'Offline', NONE, 'Away', 'direction']
];

/** Documented Teams pair -> Salesforce status (null: explicit no change); identical in all three. */
const FROM_TEAMS: [string, string, string | null][] = [
    ['Available', 'Available', 'Available'],
    ['Available', 'AvailableInactive', null],
    ['Available', 'OutOfOffice', null],
    ['AvailableIdle', 'Available', null],
    ['AvailableIdle', 'Inactive', null],
    ['Away', 'Away', 'Away'],
    ['Away', 'OutOfOffice', null],
    ['BeRightBack', 'BeRightBack', 'Be_Right_Back'],
    ['Busy', 'Busy', 'Busy'],
    ['Busy', 'InACall', 'On_a_Call'],
    ['Busy', 'InAConferenceCall', 'On_a_Call'],
    ['Busy', 'InAMeeting', 'Busy'],
    ['BusyIdle', 'Busy', null],
    ['BusyIdle', 'Inactive', null],
    ['DoNotDisturb', 'DoNotDisturb', 'Do_Not_Disturb'],
    ['DoNotDisturb', 'Presenting', 'Do_Not_Disturb'],
    ['DoNotDisturb', 'Focusing', 'Do_Not_Disturb'],
    ['DoNotDisturb', 'UrgentInterruptionsOnly', 'Do_Not_Disturb'],
    ['Offline', 'OffWork', null],
    ['Offline', 'Offline', null],
    ['Offline', 'OutOfOffice', null],
    ['PresenceUnknown', 'PresenceUnknown', null]
];

const FROM_TEAMS_TABLE = [PHONE, SWYX, THREE_CX].flatMap((name) =>
    FROM_TEAMS.map(([availability, activity, status]) => [name, availability, activity, status] as const)
);

describe('c-presence-sync-defaults', () => {
    it("sets the call status message, in the agent's language, only where Teams is written: off for 3CX", () => {
        const DEFAULT_TEXT = 'On a customer call';
        expect(configuration(PHONE).callStatusMessage).toEqual({ enabled: true, text: null });
        expect(configuration(SWYX).callStatusMessage).toEqual({ enabled: true, text: null });
        expect(configuration(THREE_CX).callStatusMessage).toEqual({ enabled: false, text: null });
        expect(callStatusMessageText(configuration(PHONE), DEFAULT_TEXT)).toBe(DEFAULT_TEXT);
        expect(callStatusMessageText(configuration(SWYX), 'Im Kundengespräch')).toBe('Im Kundengespräch');
        expect(callStatusMessageText(configuration(THREE_CX), DEFAULT_TEXT)).toBeNull();
        // the record an admin restores carries the explicit switch, never a blank that would mean "on"
        expect(DELIVERED_CONFIGURATIONS.map((c) => c.SetCallStatusMessage__c)).toEqual([true, true, false]);
    });

    it('delivers the three configurations, by name', () => {
        expect(DELIVERED_CONFIGURATIONS.map((c) => c.Name)).toEqual([PHONE, SWYX, THREE_CX]);
    });

    it.each([PHONE, SWYX, THREE_CX])('%s parses and validates clean', (name) => {
        expect(validateConfiguration(configuration(name))).toEqual([]);
    });

    it.each([PHONE, SWYX, THREE_CX])('%s uses the documented defaults and no Azure ids', (name) => {
        const { rows, name: parsedName, direction, callStatusMessage, ...rest } = configuration(name);
        expect(callStatusMessage.text).toBeNull();
        expect(rows.length).toBeGreaterThan(0);
        expect(parsedName).toBe(name);
        expect(direction).toBe(name === THREE_CX ? 'MeetingAppToSalesforce' : 'Bidirectional');
        expect(rest).toEqual({
            meetingApplication: 'MS-Teams',
            azureClientId: null,
            azureTenantId: null,
            supervisorAzureClientId: null,
            pollIntervalSeconds: 2,
            maxPollIntervalSeconds: 60,
            sessionExpiryMinutes: 10,
            wrapUpSeconds: 0,
            callPresence: 'BusyInACall',
            manualStatusPolicy: 'LatestIntentWins'
        });
    });

    it.each(FROM_SALESFORCE)(
        '%s: Salesforce %s -> Teams %j, reason code %p (%s)',
        (name, status, teams, code, reason) => {
            const result = toTeams(configuration(name), status);
            expect({
                teams: result.teams as TeamsWrite,
                phoneReasonCode: result.phoneReasonCode,
                reason: result.reason
            }).toEqual({
                teams,
                phoneReasonCode: code,
                reason
            });
            expect(result.row).not.toBeNull();
        }
    );

    it.each(FROM_TEAMS_TABLE)('%s: Teams %s/%s -> Salesforce %p', (name, availability, activity, status) => {
        const result = toSalesforce(configuration(name), { availability, activity });
        // an explicit row decides every documented pair: never 'unmapped', 'transient' or 'unknown'
        expect(result.change ? { status: result.status } : { reason: result.reason }).toEqual(
            status === null ? { reason: 'explicit' } : { status }
        );
        expect(result.row).not.toBeNull();
    });

    it.each([PHONE, SWYX, THREE_CX])(
        '%s: a closed Teams client or Appear offline never logs the agent out',
        (name) => {
            const config = configuration(name);
            expect(toSalesforce(config, { availability: 'Offline', activity: 'OffWork' }).change).toBe(false);
            expect(toSalesforce(config, { availability: 'offline', activity: 'offline' }).change).toBe(false);
        }
    );
});
