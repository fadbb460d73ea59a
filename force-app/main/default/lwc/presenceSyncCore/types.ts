/*
 * The contract of the pure core: Teams and Salesforce values, the typed configuration, the events the
 * runner feeds in and the commands it gets back. Everything here is data; nothing here has effects.
 * User-facing text is never produced by the core: it returns codes that the UI maps to Custom Labels.
 */

// ---------------------------------------------------------------------------------------------
// Microsoft Teams (Graph presence) values
// ---------------------------------------------------------------------------------------------

/** Availability values Graph documents (presence resource), in their documented spelling. */
export const AVAILABILITIES = [
    'Available',
    'AvailableIdle',
    'Away',
    'BeRightBack',
    'Busy',
    'BusyIdle',
    'DoNotDisturb',
    'Offline',
    'PresenceUnknown'
] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** Activity values Graph documents, plus the documented fade (AvailableInactive) and Viva "Focusing". */
export const ACTIVITIES = [
    'Available',
    'Away',
    'BeRightBack',
    'Busy',
    'DoNotDisturb',
    'InACall',
    'InAConferenceCall',
    'Inactive',
    'InAMeeting',
    'Offline',
    'OffWork',
    'OutOfOffice',
    'PresenceUnknown',
    'Presenting',
    'UrgentInterruptionsOnly',
    'AvailableInactive',
    'Focusing'
] as const;
export type Activity = (typeof ACTIVITIES)[number];

/** A mapping row may match every activity of an availability that has no row of its own. */
export const ANY_ACTIVITY = 'Any';
export type RowActivity = Activity | typeof ANY_ACTIVITY;

/** Presence exactly as Graph returned it: strings, compared case-insensitively, possibly unknown. */
export interface TeamsPresence {
    availability: string;
    activity: string;
}

/** Pairs `setPresence` (the app's presence session) accepts. */
export const SESSION_PAIRS: readonly TeamsPair[] = [
    { availability: 'Available', activity: 'Available' },
    { availability: 'Busy', activity: 'InACall' },
    { availability: 'Busy', activity: 'InAConferenceCall' },
    { availability: 'Away', activity: 'Away' },
    { availability: 'DoNotDisturb', activity: 'Presenting' }
];

/** Pairs `setUserPreferredPresence` accepts (no InACall here). */
export const PREFERRED_PAIRS: readonly TeamsPair[] = [
    { availability: 'Available', activity: 'Available' },
    { availability: 'Busy', activity: 'Busy' },
    { availability: 'DoNotDisturb', activity: 'DoNotDisturb' },
    { availability: 'BeRightBack', activity: 'BeRightBack' },
    { availability: 'Away', activity: 'Away' },
    { availability: 'Offline', activity: 'OffWork' }
];

export interface TeamsPair {
    availability: Availability;
    activity: Activity;
}

// ---------------------------------------------------------------------------------------------
// Salesforce values
// ---------------------------------------------------------------------------------------------

/** ServicePresenceStatus DeveloperNames delivered with the project, plus Offline (= Omni logged out). */
export const DELIVERED_SALESFORCE_STATUSES = [
    'Available',
    'On_a_Call',
    'Busy',
    'Away',
    'Be_Right_Back',
    'Do_Not_Disturb',
    'Offline'
] as const;
/** The pseudo status for "logged out of Omni-Channel"; it is not a ServicePresenceStatus record. */
export const OFFLINE_STATUS = 'Offline';

/** `reason` of lightning:omniChannelStatusChanged. */
export type OmniReason =
    | 'OmniToolkitStatusChange'
    | 'OmniPushTimeout'
    | 'OmniDeclineWork'
    | 'OmniManualStatusChange'
    | 'OmniSupervisorStatusChange'
    | 'OmniLoginStatusChange';

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

export type SyncDirection = 'Bidirectional' | 'SalesforceToMeetingApp' | 'MeetingAppToSalesforce';
export type WriteKind = 'Session' | 'Preferred' | 'Clear' | 'None';
export type CallPresence = 'BusyInACall' | 'DoNotDisturbPresenting';
export type ManualStatusPolicy = 'LatestIntentWins' | 'TeamsManualWins';

/** A PresenceStateLabel__c record as it comes from the org or the data plan. */
export interface RawLabelRecord {
    Name?: unknown;
    SalesforceStatus__c?: unknown;
    FromSalesforce__c?: unknown;
    FromTeams__c?: unknown;
    TeamsAvailability__c?: unknown;
    TeamsActivity__c?: unknown;
    TeamsWriteKind__c?: unknown;
    PhoneReasonCode__c?: unknown;
    [other: string]: unknown;
}

/** A PresenceStateConfiguration__c record with its rows, as it comes from the org or the data plan. */
export interface RawConfigurationRecord {
    Name?: unknown;
    MeetingApplication__c?: unknown;
    SyncDirection__c?: unknown;
    AzureClientId__c?: unknown;
    AzureTenantId__c?: unknown;
    SupervisorAzureClientId__c?: unknown;
    PollIntervalSeconds__c?: unknown;
    MaxPollIntervalSeconds__c?: unknown;
    SessionExpiryMinutes__c?: unknown;
    WrapUpSeconds__c?: unknown;
    CallPresence__c?: unknown;
    SetCallStatusMessage__c?: unknown;
    CallStatusMessage__c?: unknown;
    ManualStatusPolicy__c?: unknown;
    Description__c?: unknown;
    PresenceStateLabels__r?: { records?: unknown } | null;
    [other: string]: unknown;
}

export interface MappingRow {
    /** 1-based position in the record list, used in every error message. */
    row: number;
    name: string;
    salesforceStatus: string | null;
    fromSalesforce: boolean;
    fromTeams: boolean;
    teams: { availability: Availability; activity: RowActivity } | null;
    writeKind: WriteKind;
    phoneReasonCode: string | null;
}

export interface Configuration {
    name: string;
    meetingApplication: 'MS-Teams';
    direction: SyncDirection;
    azureClientId: string | null;
    azureTenantId: string | null;
    /**
     * The supervisors' own app registration (the Live Agent Dashboard signs in with it), or null: the
     * dashboard uses azureClientId too.
     */
    supervisorAzureClientId: string | null;
    pollIntervalSeconds: number;
    maxPollIntervalSeconds: number;
    sessionExpiryMinutes: number;
    wrapUpSeconds: number;
    callPresence: CallPresence;
    /**
     * The Teams status message during a call (SetCallStatusMessage__c, CallStatusMessage__c): off, or on
     * with the admin's text; `text` null means the app's default in the agent's language.
     */
    callStatusMessage: { enabled: boolean; text: string | null };
    manualStatusPolicy: ManualStatusPolicy;
    rows: MappingRow[];
}

/** One specific problem: which row (null = the configuration record), which field, what is wrong. */
export interface ConfigIssue {
    code: string;
    row: number | null;
    field: string;
    message: string;
    /** the other row involved (duplicates, round-trip instability) */
    relatedRow?: number;
    /** the value the problem is about when no row holds it, e.g. the Salesforce status without a row */
    value?: string;
}

export type ParseResult = { ok: true; configuration: Configuration } | { ok: false; errors: ConfigIssue[] };

// ---------------------------------------------------------------------------------------------
// Mapping results
// ---------------------------------------------------------------------------------------------

export type TeamsWrite =
    | { kind: 'session'; availability: Availability; activity: Activity }
    | { kind: 'preferred'; availability: Availability; activity: Activity }
    | { kind: 'clear' }
    | { kind: 'none' };

export interface ToTeamsResult {
    /** what to do in Teams (kind 'none' when the direction or the row says Teams is not written) */
    teams: TeamsWrite;
    /** reason code for the phone system, or null */
    phoneReasonCode: string | null;
    /** the row that decided, or null when no row matched (unknown status) */
    row: number | null;
    /** why: 'mapped', 'direction', 'rowNotFromSalesforce', 'unknownStatus' */
    reason: string;
}

export type ToSalesforceResult =
    | { change: true; status: string; row: number }
    | {
          change: false;
          /** 'explicit' (a row says no change), 'direction', 'unknown', 'transient' */
          reason: string;
          row: number | null;
      };

// ---------------------------------------------------------------------------------------------
// Events (facts, each with a time stamp in epoch milliseconds) and commands (requests)
// ---------------------------------------------------------------------------------------------

/** What can go wrong at the Teams bridge, as a runtime list (message validation needs one). */
export const BRIDGE_ERROR_KINDS = [
    'signInRequired',
    'consentRequired',
    'accountMismatch',
    'throttled',
    'forbidden',
    'notFound',
    'network',
    'server',
    'timeout',
    'invalidRequest'
] as const;
export type BridgeErrorKind = (typeof BRIDGE_ERROR_KINDS)[number];

export interface BridgeError {
    kind: BridgeErrorKind;
    /** HTTP status when there was one */
    status?: number;
    /** the Retry-After header as received: delta seconds or an HTTP date */
    retryAfter?: string;
    /** technical detail for the log; never a token, never personal data */
    detail?: string;
    /** Microsoft Entra's error number (the nnnn of "AADSTSnnnn") when the sign-in service gave one */
    entraCode?: number;
}

export type TimerName = 'poll' | 'keepAlive' | 'wrapUp' | 'retry';
export type CallSource = 'softphone' | 'voiceToolkit' | 'omniWork';

export type SyncEvent =
    | { type: 'omniStatusChanged'; at: number; status: string; reason: OmniReason }
    | { type: 'omniLoggedOut'; at: number }
    | { type: 'omniCommandFailed'; at: number; status: string; detail?: string }
    | {
          type: 'teamsPresenceRead';
          at: number;
          presence: TeamsPresence;
          /** the generation of the readTeams request this answers, echoed unchanged (see state.ts) */
          generation: number;
          sequenceNumber?: string;
      }
    | { type: 'teamsReadFailed'; at: number; generation: number; error: BridgeError; random: number }
    | { type: 'teamsWriteAcknowledged'; at: number; writeId: number }
    | { type: 'teamsWriteFailed'; at: number; writeId: number; error: BridgeError; random: number }
    | { type: 'callStarted'; at: number; callId: string; source: CallSource }
    | { type: 'callEnded'; at: number; callId: string }
    | { type: 'timerFired'; at: number; timer: TimerName; random: number }
    | { type: 'userPaused'; at: number }
    | { type: 'userResumed'; at: number }
    | { type: 'userRequestedConnect'; at: number }
    | { type: 'userRequestedDisconnect'; at: number }
    | { type: 'signedIn'; at: number }
    | { type: 'signedOut'; at: number; reason: BridgeErrorKind | 'userDisconnected' }
    | { type: 'becameLeader'; at: number }
    | { type: 'becameFollower'; at: number }
    | { type: 'pageHidden'; at: number }
    | { type: 'pageVisible'; at: number }
    | { type: 'pageClosing'; at: number }
    /** how many agents share this configuration's app registration (an upper bound; the budget's divisor) */
    | { type: 'tenantSizeKnown'; at: number; agentCount: number }
    /** the count could not be learned: the last known size stays (`detail`: a short technical code) */
    | { type: 'tenantSizeFailed'; at: number; detail?: string };

export type SyncCommand =
    | { type: 'readTeams'; generation: number }
    | {
          type: 'writeTeamsSession';
          writeId: number;
          availability: Availability;
          activity: Activity;
          expirationDuration: string;
      }
    | { type: 'clearTeamsSession'; writeId: number; keepalive: boolean }
    | {
          type: 'writeTeamsPreferred';
          writeId: number;
          availability: Availability;
          activity: Activity;
          expirationDuration?: string;
      }
    | { type: 'clearTeamsPreferred'; writeId: number; keepalive: boolean }
    | { type: 'setOmniStatus'; status: string }
    | { type: 'logoutOmni' }
    | { type: 'setPhoneReasonCode'; code: string }
    | { type: 'startTimer'; timer: TimerName; delayMs: number }
    | { type: 'cancelTimer'; timer: TimerName }
    | { type: 'requestInteractiveSignIn' }
    | { type: 'signOut' }
    | { type: 'showState'; view: ViewModel }
    | { type: 'appendLog'; entry: SyncLogEntry };

// ---------------------------------------------------------------------------------------------
// Sync log and view model
// ---------------------------------------------------------------------------------------------

export type LogSource = 'salesforce' | 'teams' | 'phone' | 'call' | 'user' | 'sync';

/** One sync decision. No token and no personal data: statuses, codes and times only. */
export interface SyncLogEntry {
    at: number;
    source: LogSource;
    from: string | null;
    to: string | null;
    /** a code, e.g. 'mapped', 'echo', 'stale', 'masked', 'throttled'; the UI shows its label */
    reason: string;
}

export type Health =
    | 'starting'
    | 'syncing'
    | 'paused'
    | 'follower'
    | 'signInRequired'
    | 'consentRequired'
    | 'accountMismatch'
    | 'throttled'
    | 'retrying'
    | 'circuitOpen'
    | 'stopped';

/**
 * How the two sides compare while the sync runs: 'same' (Teams shows what the Salesforce status maps to,
 * or maps to it), 'onCall' (Teams shows the call, Salesforce keeps its status), 'teamsOffline' (Teams shows
 * Offline, e.g. "Appear offline", which the app does not change), 'teamsNotWritten' (the configuration does
 * not write to Teams: the two differ by design), 'differs'; null when one side is not known.
 */
export type Agreement = 'same' | 'onCall' | 'teamsOffline' | 'teamsNotWritten' | 'differs';

export interface ViewModel {
    health: Health;
    agreement: Agreement | null;
    /** utility bar icon variant */
    iconVariant: 'success' | 'warning' | 'error' | null;
    /** whether the utility item should be highlighted (needs the agent's attention) */
    highlighted: boolean;
    salesforceStatus: string | null;
    teams: TeamsPresence | null;
    onCall: boolean;
    /** what Teams shows instead of what we wrote, when something of higher precedence masks it */
    masked: { wrote: TeamsPresence; shows: TeamsPresence } | null;
    /** epoch ms until which requests wait (Retry-After or backoff), or null */
    waitUntil: number | null;
    /** most recent first */
    recent: SyncLogEntry[];
}
