/*
 * The pure core's public API: a plain list of re-exports (named, so the barrel has no code paths of its own).
 * Each module has its own spec in __tests__.
 */
export {
    ACTIVITIES,
    ANY_ACTIVITY,
    AVAILABILITIES,
    DELIVERED_SALESFORCE_STATUSES,
    OFFLINE_STATUS,
    PREFERRED_PAIRS,
    SESSION_PAIRS
} from './types';
export type {
    Activity,
    Availability,
    BridgeError,
    BridgeErrorKind,
    CallPresence,
    CallSource,
    ConfigIssue,
    Configuration,
    Health,
    LogSource,
    ManualStatusPolicy,
    MappingRow,
    OmniReason,
    ParseResult,
    RawConfigurationRecord,
    RawLabelRecord,
    RowActivity,
    SyncCommand,
    SyncDirection,
    SyncEvent,
    SyncLogEntry,
    TeamsPair,
    TeamsPresence,
    TeamsWrite,
    TimerName,
    ToSalesforceResult,
    ToTeamsResult,
    ViewModel,
    WriteKind
} from './types';
export {
    documentedTeamsPairs,
    isTransientPresence,
    normalizeActivity,
    normalizeAvailability,
    normalizeRowActivity,
    normalizeTeamsPresence,
    pairLabel,
    samePresence,
    TRANSIENT_ACTIVITIES,
    TRANSIENT_AVAILABILITIES
} from './teamsValues';
export { CONFIGURATION_DEFAULTS, parseConfiguration, TUNABLE_RANGES } from './configuration';
export {
    findSalesforceRow,
    findTeamsRow,
    rowWrite,
    sameSalesforceStatus,
    toSalesforce,
    toTeams
} from './mapping';
export { validateConfiguration } from './validation';
