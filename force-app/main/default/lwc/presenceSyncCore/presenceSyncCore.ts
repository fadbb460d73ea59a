/*
 * The pure core's public API: a plain list of re-exports (named, so the barrel has no code paths of its own).
 * Each module has its own spec in __tests__.
 */
export {
    ACTIVITIES,
    ANY_ACTIVITY,
    AVAILABILITIES,
    BRIDGE_ERROR_KINDS,
    DELIVERED_SALESFORCE_STATUSES,
    OFFLINE_STATUS,
    PREFERRED_PAIRS,
    SESSION_PAIRS
} from './types';
export type {
    Activity,
    Agreement,
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
export {
    CALL_STATUS_MESSAGE_MAX_LENGTH,
    CONFIGURATION_DEFAULTS,
    parseConfiguration,
    TUNABLE_RANGES
} from './configuration';
export {
    findSalesforceRow,
    findTeamsRow,
    rowWrite,
    sameSalesforceStatus,
    toSalesforce,
    toTeams
} from './mapping';
export { validateConfiguration } from './validation';
export { initialState, isActive, isOnCall } from './state';
export type { HeldTeams, InflightWrite, SignInIssue, SyncState, WriteEffect } from './state';
export { transition } from './transition';
export {
    BUDGET_REQUESTS_PER_WINDOW,
    BUDGET_SHARE,
    DEFAULT_CEILING_SECONDS,
    DEFAULT_FLOOR_SECONDS,
    DEFAULT_KEEP_ALIVE_SECONDS,
    GRAPH_PRESENCE_LIMIT,
    GRAPH_PRESENCE_WINDOW_SECONDS,
    pollBudget
} from './pollBudget';
export type { PollBudget, PollBudgetOptions } from './pollBudget';
export {
    afterFailure,
    afterThrottle,
    BACKOFF_BASE_MS,
    BACKOFF_MAX_MS,
    backoffDelay,
    CIRCUIT_OPEN_MS,
    CIRCUIT_THRESHOLD,
    mayRequest,
    THROTTLE_BASE_MS,
    NO_RETRY,
    parseHttpDate,
    parseRetryAfter
} from './backoff';
export type { RetryState } from './backoff';
export { appendEntry, emptyLog, historyEntries, recentEntries, SYNC_LOG_CAPACITY } from './syncLog';
export type { SyncLog } from './syncLog';
export { agreementOf, healthOf, sameView, toViewModel, VIEW_RECENT_COUNT } from './viewModel';
export { callPair, FADE_MS, teamsTarget } from './reconcile';
export { callStatusMessageText, statusMessageDecision } from './statusMessage';
export type { StatusMessageDecision, StatusMessageInput } from './statusMessage';
