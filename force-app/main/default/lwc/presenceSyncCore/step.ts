/*
 * The accumulator one `transition` call works on: the next state and the commands so far. A Step is
 * created fresh for each call and never escapes it, so `transition` stays pure.
 */
import { pollBudget } from './pollBudget';
import { appendEntry } from './syncLog';
import type { SyncState } from './state';
import type { LogSource, SyncCommand, TeamsPresence, TimerName } from './types';

export interface Step {
    state: SyncState;
    readonly commands: SyncCommand[];
    readonly at: number;
}

/** Replaces fields of the state. */
export function update(step: Step, patch: Partial<SyncState>): void {
    step.state = { ...step.state, ...patch };
}

export function emit(step: Step, command: SyncCommand): void {
    step.commands.push(command);
}

/** A decision: appended to the bounded log and sent to the runner's log. */
export function decide(
    step: Step,
    source: LogSource,
    from: string | null,
    to: string | null,
    reason: string
): void {
    const entry = { at: step.at, source, from, to, reason };
    update(step, { log: appendEntry(step.state.log, entry) });
    emit(step, { type: 'appendLog', entry });
}

export function startTimer(step: Step, timer: TimerName, delayMs: number): void {
    emit(step, { type: 'startTimer', timer, delayMs: Math.max(0, delayMs) });
}

export function cancelTimer(step: Step, timer: TimerName): void {
    emit(step, { type: 'cancelTimer', timer });
}

/** `availability/activity`, for log entries. */
export function label(p: TeamsPresence | null): string | null {
    return p ? `${p.availability}/${p.activity}` : null;
}

/** Graph requests per keep-alive: the session write and the preferred presence's renewal. */
export const KEEP_ALIVE_REQUESTS = 2;

/**
 * The budgeted intervals for this tenant. A hidden page keeps them: the agent is most often in Teams
 * exactly when the Salesforce tab is in the background, and a Teams call must still reach Omni within the
 * poll interval (docs/sync-policy.md, "Hidden pages"). The budget already counts every agent polling.
 */
export function intervals(s: SyncState): { pollMs: number; keepAliveMs: number } {
    return pollBudget(s.agentCount, {
        floorSeconds: s.config.pollIntervalSeconds,
        ceilingSeconds: s.config.maxPollIntervalSeconds,
        keepAliveRequests: KEEP_ALIVE_REQUESTS
    });
}
