/*
 * The three delivered Presence State Configurations, as raw PresenceStateConfiguration__c records with their
 * PresenceStateLabel__c rows. This is the one definition: the data plan under data/ is generated from it
 * (npm run generate:data) and "restore defaults" in the app uses it.
 */
import type { RawConfigurationRecord, RawLabelRecord } from 'c/presenceSyncCore';

type WriteKind = 'Session' | 'Preferred' | 'Clear' | 'None';

interface RowSpec {
    rowName: string;
    salesforceStatus: string | null;
    fromSalesforce: boolean;
    fromTeams: boolean;
    availability: string | null;
    activity: string | null;
    writeKind: WriteKind;
    /** key into the reason-code table of a configuration */
    reasonKey: string | null;
}

function row(
    name: string,
    status: string | null,
    teams: [string, string] | null,
    flags: { fromSalesforce: boolean; fromTeams: boolean; writeKind: WriteKind }
): RowSpec {
    return {
        rowName: name,
        salesforceStatus: status,
        fromSalesforce: flags.fromSalesforce,
        fromTeams: flags.fromTeams,
        availability: teams ? teams[0] : null,
        activity: teams ? teams[1] : null,
        writeKind: flags.writeKind,
        reasonKey: flags.fromSalesforce ? status : null
    };
}

const both = (writeKind: WriteKind) => ({ fromSalesforce: true, fromTeams: true, writeKind });
const salesforceOnly = (writeKind: WriteKind) => ({ fromSalesforce: true, fromTeams: false, writeKind });
const TEAMS_ONLY = { fromSalesforce: false, fromTeams: true, writeKind: 'None' as const };

/**
 * The mapping shared by the three configurations. A Salesforce status is written to Teams as the app's
 * session for work states (Available, On a Call) and as the preferred presence for intent states; Offline
 * clears what the app set. Teams readings map back; idle, fading, unknown, away-like and offline readings
 * are an explicit "no change" (a closed Teams client or Appear offline never logs the agent out of Omni).
 */
const ROWS: RowSpec[] = [
    row('Available', 'Available', ['Available', 'Available'], both('Session')),
    row('On a Call', 'On_a_Call', ['Busy', 'InACall'], both('Session')),
    row('Busy', 'Busy', ['Busy', 'Busy'], both('Preferred')),
    row('Away', 'Away', ['Away', 'Away'], both('Preferred')),
    row('Be Right Back', 'Be_Right_Back', ['BeRightBack', 'BeRightBack'], both('Preferred')),
    row('Do Not Disturb', 'Do_Not_Disturb', ['DoNotDisturb', 'DoNotDisturb'], both('Preferred')),
    row('Offline (Omni logged out)', 'Offline', null, salesforceOnly('Clear')),
    row('Teams: in a conference call', 'On_a_Call', ['Busy', 'InAConferenceCall'], TEAMS_ONLY),
    row('Teams: in a meeting', 'Busy', ['Busy', 'InAMeeting'], TEAMS_ONLY),
    row('Teams: busy (any other activity)', 'Busy', ['Busy', 'Any'], TEAMS_ONLY),
    row('Teams: do not disturb, presenting, focusing', 'Do_Not_Disturb', ['DoNotDisturb', 'Any'], TEAMS_ONLY),
    row('Teams: be right back', 'Be_Right_Back', ['BeRightBack', 'Any'], TEAMS_ONLY),
    row('Teams: available, other activity (no change)', null, ['Available', 'Any'], TEAMS_ONLY),
    row('Teams: available idle (no change)', null, ['AvailableIdle', 'Any'], TEAMS_ONLY),
    row('Teams: busy idle (no change)', null, ['BusyIdle', 'Any'], TEAMS_ONLY),
    row('Teams: away, other activity (no change)', null, ['Away', 'Any'], TEAMS_ONLY),
    row('Teams: offline or appear offline (no change)', null, ['Offline', 'Any'], TEAMS_ONLY),
    row('Teams: presence unknown (no change)', null, ['PresenceUnknown', 'Any'], TEAMS_ONLY)
];

/** Reason codes of a phone system behind a CTI softphone (opaque text the softphone understands). */
const PHONE_REASON_CODES: Record<string, string> = {
    Available: 'AVAILABLE',
    On_a_Call: 'ON_CALL',
    Busy: 'BUSY',
    Away: 'AWAY',
    Be_Right_Back: 'BRB',
    Do_Not_Disturb: 'DND',
    Offline: 'LOGGED_OFF'
};

/** 3CX status profiles: Available, Away, Do Not Disturb, Lunch, Business Trip. */
const THREE_CX_REASON_CODES: Record<string, string> = {
    Available: 'Available',
    On_a_Call: 'Do Not Disturb',
    Busy: 'Do Not Disturb',
    Away: 'Away',
    Be_Right_Back: 'Lunch',
    Do_Not_Disturb: 'Do Not Disturb',
    Offline: 'Away'
};

function labels(reasonCodes: Record<string, string> | null, teamsWrites: boolean): RawLabelRecord[] {
    return ROWS.map((r) => ({
        Name: r.rowName,
        SalesforceStatus__c: r.salesforceStatus,
        FromSalesforce__c: r.fromSalesforce,
        FromTeams__c: r.fromTeams,
        TeamsAvailability__c: r.availability,
        TeamsActivity__c: r.activity,
        TeamsWriteKind__c: teamsWrites ? r.writeKind : 'None',
        PhoneReasonCode__c: reasonCodes && r.reasonKey ? reasonCodes[r.reasonKey] : null
    }));
}

/**
 * The configuration's Teams status message during calls: on for the configurations that write to Teams,
 * with CallStatusMessage__c blank, which means the app's text in each agent's language ("On a customer
 * call", German "Im Kundengespräch"); off for one that never writes to Teams (3CX).
 */
function configuration(
    name: string,
    direction: string,
    description: string,
    rows: RawLabelRecord[]
): RawConfigurationRecord {
    const writesTeams = direction !== 'MeetingAppToSalesforce';
    return {
        Name: name,
        MeetingApplication__c: 'MS-Teams',
        SyncDirection__c: direction,
        AzureClientId__c: null,
        AzureTenantId__c: null,
        PollIntervalSeconds__c: 2,
        MaxPollIntervalSeconds__c: 60,
        SessionExpiryMinutes__c: 10,
        WrapUpSeconds__c: 0,
        CallPresence__c: 'BusyInACall',
        SetCallStatusMessage__c: writesTeams,
        CallStatusMessage__c: null,
        ManualStatusPolicy__c: 'LatestIntentWins',
        Description__c: description,
        PresenceStateLabels__r: { records: rows }
    };
}

export const DELIVERED_CONFIGURATIONS: RawConfigurationRecord[] = [
    configuration(
        'Phone System with MS-Teams - Presence State',
        'Bidirectional',
        'Salesforce and Microsoft Teams follow each other; each Salesforce status also sends its reason code to the phone system.',
        labels(PHONE_REASON_CODES, true)
    ),
    configuration(
        'Swyx / Webex Voice with MS-Teams - Presence State',
        'Bidirectional',
        'Salesforce and Microsoft Teams follow each other; no reason codes (the phone system follows Teams through its own integration).',
        labels(null, true)
    ),
    configuration(
        '3CX - Presence State',
        'MeetingAppToSalesforce',
        'Teams changes go to Salesforce; Salesforce changes go to 3CX as status profiles and are not written to Teams.',
        labels(THREE_CX_REASON_CODES, false)
    )
];
