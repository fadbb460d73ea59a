/*
 * Bringing Teams to what the Salesforce side asks for: the target (Salesforce status through the mapping,
 * or the call state), the writes from what the app holds to that target, keep-alives, reads, and starting
 * and stopping the sync. Every Graph request goes through here and checks `mayRequest` first.
 */
import { mayRequest } from './backoff';
import { toTeams } from './mapping';
import { isActive, isOnCall } from './state';
import type { HeldTeams, InflightWrite, SyncState, VerifyBasis, WriteEffect } from './state';
import { cancelTimer, decide, emit, intervals, label, startTimer, update } from './step';
import type { Step } from './step';
import { ANY_SESSION_RANK, samePresence, sessionRank, showsPair } from './teamsValues';
import { OFFLINE_STATUS } from './types';
import type { SyncCommand, TeamsPair } from './types';

/** An Available session fades to AvailableInactive after 5 minutes without a refresh (then Away). */
export const FADE_MS = 5 * 60 * 1000;

export interface TeamsTarget {
    session: TeamsPair | null;
    preferred: TeamsPair | null;
}

/** The pair the call override writes as the app's session (CallPresence__c). */
export function callPair(s: SyncState): TeamsPair {
    return s.config.callPresence === 'DoNotDisturbPresenting'
        ? { availability: 'DoNotDisturb', activity: 'Presenting' }
        : { availability: 'Busy', activity: 'InACall' };
}

/**
 * The app's session under a preferred presence. Graph shows a preferred presence only while at least one
 * presence session exists (else Offline), and an agent may run no Teams client at all; so the app keeps
 * its own Available session (kept alive) under every preferred presence it writes. It never shows while
 * the preferred presence is set (preferred beats sessions) and is what remains if the user resets it.
 */
export const BASE_SESSION: TeamsPair = { availability: 'Available', activity: 'Available' };

/**
 * What the app should hold in Teams, or null when Teams is not to be touched (direction, unknown status,
 * a `None` row). A call overrides the status; Offline always clears the app's session. While the
 * Salesforce status follows a Teams change (`followed`), the app holds nothing of its own but its neutral
 * Available session: a Busy/InACall or Away of its own left under the agent's Teams choice would show
 * again when that choice ends (a reset, a meeting's end) and look like a Teams change.
 */
export function teamsTarget(s: SyncState): TeamsTarget | null {
    const target = statusTarget(s);
    if (!target || !s.followed || isOnCall(s) || s.salesforce === OFFLINE_STATUS) return target;
    return { session: s.held.session ? pair(BASE_SESSION) : null, preferred: null };
}

/** What the Salesforce status (or the call) maps to in Teams, whoever set it; null: Teams is not touched. */
export function statusTarget(s: SyncState): TeamsTarget | null {
    if (s.config.direction === 'MeetingAppToSalesforce' || s.salesforce === null) return null;
    const offline = s.salesforce === OFFLINE_STATUS;
    if (isOnCall(s) && !offline) return { session: callPair(s), preferred: null };
    const write = toTeams(s.config, s.salesforce).teams;
    if (write.kind === 'session') return { session: pair(write), preferred: null };
    if (write.kind === 'preferred') return { session: pair(BASE_SESSION), preferred: pair(write) };
    if (write.kind === 'clear') return { session: null, preferred: null };
    return offline ? { session: null, preferred: s.held.preferred } : null;
}

/** What Teams shows when nothing masks the app: its preferred presence, else its session. */
export function heldVisible(held: Pick<HeldTeams, 'session' | 'preferred'>): TeamsPair | null {
    return held.preferred ?? held.session;
}

function pair(p: TeamsPair): TeamsPair {
    return { availability: p.availability, activity: p.activity };
}

/** expirationDuration of the app's session: SessionExpiryMinutes__c, longer than the keep-alive, PT5M..PT4H. */
export function sessionExpiryMinutes(s: SyncState): number {
    const keepAliveMinutes = Math.ceil(intervals(s).keepAliveMs / 60000) + 1;
    return Math.min(240, Math.max(5, s.config.sessionExpiryMinutes, keepAliveMinutes));
}

/**
 * expirationDuration of the app's preferred presence: like the session's, and longer than a keep-alive
 * plus one poll (the renewal waits for a reading that shows the preferred presence is still the app's).
 * Graph documents no range for it; without one it would stay 1 day (Busy, Do not disturb) or 7 days.
 */
export function preferredExpiryMinutes(s: SyncState): number {
    const { keepAliveMs, pollMs } = intervals(s);
    const renewalMinutes = Math.ceil((keepAliveMs + pollMs) / 60000) + 1;
    return Math.min(240, Math.max(sessionExpiryMinutes(s), renewalMinutes));
}

/** Emits one Teams write with the next write id and records it as in flight. */
export function issue(step: Step, effect: WriteEffect, refresh: boolean, keepalive = false): void {
    const writeId = step.state.generation + 1;
    let command: SyncCommand;
    if (effect.kind === 'session') {
        const expirationDuration = `PT${sessionExpiryMinutes(step.state)}M`;
        command = { type: 'writeTeamsSession', writeId, ...pair(effect.pair), expirationDuration };
    } else if (effect.kind === 'preferred') {
        const expirationDuration = `PT${preferredExpiryMinutes(step.state)}M`;
        command = { type: 'writeTeamsPreferred', writeId, ...pair(effect.pair), expirationDuration };
    } else if (effect.kind === 'clearSession') {
        command = { type: 'clearTeamsSession', writeId, keepalive };
    } else {
        command = { type: 'clearTeamsPreferred', writeId, keepalive };
    }
    const write: InflightWrite = { writeId, effect, refresh };
    const session = effect.kind === 'session' || effect.kind === 'clearSession';
    update(step, {
        generation: writeId,
        inflight: [...step.state.inflight, write],
        keepAliveDue: session ? false : step.state.keepAliveDue
    });
    emit(step, command);
}

function canRequest(step: Step): boolean {
    return isActive(step.state) && mayRequest(step.state.retry, step.at);
}

/** Forgets a session or preferred presence that has expired by now (Teams has dropped it). */
export function expireHeld(step: Step): void {
    const { held } = step.state;
    const preferredEnds = (held.preferredAt ?? 0) + preferredExpiryMinutes(step.state) * 60000;
    if (held.preferred && step.at >= preferredEnds) {
        update(step, { held: { ...held, preferred: null, preferredAt: null }, owed: true });
    }
    const expiresAt = (held.sessionAt ?? 0) + sessionExpiryMinutes(step.state) * 60000;
    if (held.session && step.at >= expiresAt) {
        update(step, { held: { ...step.state.held, session: null, sessionAt: null }, owed: true });
        cancelTimer(step, 'keepAlive');
    }
}

/**
 * Writes what a Salesforce-side change asks for, once: only when something is owed, this tab syncs, no
 * wait is running and no write is in flight (then it runs when they settle).
 */
export function reconcile(step: Step): void {
    const s = step.state;
    if (!s.owed || !canRequest(step) || s.inflight.length > 0) return;
    update(step, { owed: false });
    const target = teamsTarget(s);
    if (!target) return;
    const { held, uncertain } = s;
    const teamsManualWins = s.config.manualStatusPolicy === 'TeamsManualWins';
    const effects: WriteEffect[] = [];
    const preferredBlocked = target.preferred !== null && s.userPreferred && teamsManualWins;
    // after a failed write Teams may or may not have applied it: write again rather than trust `held`
    const preferredDiffers = uncertain.preferred || !samePresence(held.preferred, target.preferred);
    const sessionDiffers = uncertain.session || !samePresence(held.session, target.session);
    if (target.preferred && !preferredBlocked && preferredDiffers) {
        effects.push({ kind: 'preferred', pair: target.preferred });
    }
    if (target.session && sessionDiffers) effects.push({ kind: 'session', pair: target.session });
    // latest intent wins: a preferred presence the user set would mask the new state, so it goes too
    // (not while Salesforce follows it: then it is the latest intent)
    const clearUsers = target.session !== null && s.userPreferred && !teamsManualWins && !s.followed;
    if (!target.preferred && (preferredDiffers || clearUsers)) effects.push({ kind: 'clearPreferred' });
    if (!target.session && sessionDiffers) effects.push({ kind: 'clearSession' });
    const wanted = target.preferred ?? target.session;
    if (s.followed) {
        // Salesforce follows Teams: only the app's own holding goes neutral; nothing to verify or report
        for (const effect of effects) issue(step, effect, false);
        if (effects.length > 0) decide(step, 'sync', label(heldVisible(held)), label(wanted), 'write');
        return;
    }
    if (preferredBlocked && s.teams && target.preferred) {
        update(step, { masked: { wrote: pair(target.preferred), shows: s.teams } });
        decide(step, 'teams', label(s.teams), label(target.preferred), 'manualWins');
    }
    update(step, { verify: true, verifyBasis: verifyBasis(s, effects) });
    if (effects.length === 0) {
        // nothing to write: still read Teams back, a masking state is reported against the new status
        refreshIfDue(step);
        requestRead(step);
        return;
    }
    for (const effect of effects) issue(step, effect, false);
    decide(step, 'sync', label(heldVisible(held)), label(wanted), clearUsers ? 'writeClearUser' : 'write');
}

/**
 * What the core knows, before its writes, of the agent's own Teams states they may uncover (the model of
 * what Teams holds, docs/sync-policy.md): when the reading showed the app's own session alone, the agent
 * had no preferred presence and no session above it; when it showed a preferred presence (the app's, or
 * the agent's that latest intent clears) that the writes remove, any session may be under it; when it
 * showed the agent's own state that stays, that state is on top. Writes still being verified keep the
 * earlier reading and widen what may be hidden.
 */
export function verifyBasis(s: SyncState, effects: readonly WriteEffect[]): VerifyBasis {
    const before = s.teams;
    const removesPreferred = effects.some((e) => e.kind === 'clearPreferred');
    let hiddenRank = 0;
    if (!before || s.uncertain.session || s.uncertain.preferred) {
        hiddenRank = ANY_SESSION_RANK;
    } else if (s.held.preferred && samePresence(before, s.held.preferred)) {
        // the app's preferred presence showed: every session under it is unknown
        hiddenRank = removesPreferred ? ANY_SESSION_RANK : 0;
    } else if (s.userPreferred) {
        // the agent's preferred presence showed: every session under it is unknown
        hiddenRank = removesPreferred ? ANY_SESSION_RANK : 0;
    } else if (s.held.session && showsPair(before, s.held.session)) {
        hiddenRank = sessionRank(s.held.session);
    }
    const earlier = s.verify ? s.verifyBasis : null;
    if (!earlier) return { before, hiddenRank };
    return { before: earlier.before, hiddenRank: Math.max(earlier.hiddenRank, hiddenRank) };
}

/**
 * A Salesforce-side change: the write generation moves on, so a Teams reading requested before it is
 * stale and can never revert it, whether or not the change leads to a write.
 */
export function salesforceChanged(step: Step): void {
    update(step, { owed: true, followed: false, generation: step.state.generation + 1 });
}

/** The keep-alive of the app's session, when one is due and nothing else is in flight. */
export function refreshIfDue(step: Step): void {
    const s = step.state;
    if (!s.keepAliveDue || !canRequest(step) || s.inflight.length > 0) return;
    update(step, { keepAliveDue: false });
    if (s.held.session) issue(step, { kind: 'session', pair: s.held.session }, true);
}

/**
 * The keep-alive of the app's preferred presence, called right after a reading was classified: a
 * preferred presence the reading showed the user has replaced or reset is no longer held, so a renewal
 * never overwrites the agent's own Teams choice.
 */
export function renewIfDue(step: Step): void {
    const s = step.state;
    if (!s.renewPreferred || !canRequest(step) || s.inflight.length > 0) return;
    update(step, { renewPreferred: false });
    if (s.held.preferred) issue(step, { kind: 'preferred', pair: s.held.preferred }, true);
}

/** A read of Teams with the next generation, unless one is in flight (at the current generation) or writes are. */
export function requestRead(step: Step): void {
    const s = step.state;
    if (isActive(s) && s.retry.waitUntil !== null && step.at < s.retry.waitUntil) {
        // a wait is on (Retry-After, backoff, circuit): the retry timer reads when it ends
        startTimer(step, 'retry', s.retry.waitUntil - step.at);
        return;
    }
    if (!isActive(s) || s.inflight.length > 0 || s.readGeneration === s.generation) return;
    // each read has a generation of its own: a late reply to an earlier read can never pass for this one
    const generation = s.generation + 1;
    update(step, { generation, readGeneration: generation });
    emit(step, { type: 'readTeams', generation });
}

/** After the last write in flight settled: owed writes, keep-alive, then read back or keep polling. */
export function settled(step: Step): void {
    if (step.state.inflight.length > 0 || !canRequest(step)) return;
    reconcile(step);
    refreshIfDue(step);
    if (step.state.inflight.length > 0) return;
    if (step.state.verify) requestRead(step);
    else pollAt(step, step.state.pollDueAt ?? step.at + intervals(step.state).pollMs);
}

/**
 * Starts the poll timer for `dueAt` (at once when that has passed: the poll fell due while a write was
 * out). A keep-alive or renewal between two polls therefore never pushes the next poll back.
 */
export function pollAt(step: Step, dueAt: number): void {
    update(step, { pollDueAt: dueAt });
    startTimer(step, 'poll', dueAt - step.at);
}

/**
 * How late a poll may run and still be made up by the next one: a hidden page's timers run on 1-second
 * aligned wake-ups (docs/sync-policy.md, "Hidden pages").
 */
export const POLL_CATCH_UP_MS = 1000;

/**
 * The next regular poll (started now unless writes are out): one interval after the poll that was due
 * when this reading answered it at most POLL_CATCH_UP_MS (and half an interval) late, so that polls keep
 * the budget's rate when each one runs a little late (a hidden page in Chrome would otherwise run a
 * 2.6 s timer after 3 s). Otherwise (a frozen page, the read that ends a retry or throttling wait, a
 * read-back while the poll is still due later) the next poll is one interval after this reading: never
 * two reads in a row, never early after a wait.
 */
export function pollAfterReading(step: Step): void {
    const { pollMs } = intervals(step.state);
    const due = step.state.pollDueAt;
    const late = due === null ? -1 : step.at - due;
    const dueAt =
        due !== null && late >= 0 && late <= Math.min(POLL_CATCH_UP_MS, pollMs / 2)
            ? due + pollMs
            : step.at + pollMs;
    if (step.state.inflight.length === 0) pollAt(step, dueAt);
    else update(step, { pollDueAt: dueAt });
}

/** Carries on after a wait or a start (callers check the tab is active): owed writes, keep-alive, a read. */
export function resume(step: Step): void {
    const { waitUntil } = step.state.retry;
    if (!mayRequest(step.state.retry, step.at) && waitUntil !== null) {
        startTimer(step, 'retry', waitUntil - step.at);
        return;
    }
    reconcile(step);
    refreshIfDue(step);
    requestRead(step);
}

/** The tab starts syncing (signed in, leader, resumed): the Salesforce side is written, Teams read. */
export function start(step: Step): void {
    if (!isActive(step.state)) return;
    expireHeld(step);
    // at start the Salesforce side wins
    update(step, { owed: true, followed: false, keepAliveDue: step.state.held.session !== null });
    resume(step);
}

/** The tab stops making Graph requests (signed out, follower, paused, closing). */
export function stop(step: Step): void {
    update(step, { readGeneration: null, pollDueAt: null });
    cancelTimer(step, 'poll');
    cancelTimer(step, 'keepAlive');
    cancelTimer(step, 'retry');
}
