/*
 * The runner's public API (docs/connector-contracts.md section 2): the runner, its ports, and the
 * browser implementations of the clock, leadership (Web Locks) and Teams (bridge client) ports.
 */
export { LEADER_LOCK_NAME, PresenceSyncRunner, TENANT_REFRESH_MS, toBridgeError } from './runner';
export type { RunnerOptions } from './runner';
export type {
    ClockPort,
    LeadershipPort,
    OmniPort,
    PhonePort,
    RunnerPorts,
    TeamsPort,
    TenantPort
} from './ports';
export { browserClock, wakeClock, WAKE_GRACE_MS } from './clock';
export type { WakeClockOptions } from './clock';
export { webLocksLeadership } from './leadership';
export type { LeadershipFallback, LockManagerLike, WebLocksLeadershipOptions } from './leadership';
export { bridgeTeamsPort } from './teamsPort';
export type { BridgeClient } from './teamsPort';
