/*
 * Teams side events: readings (stale, echo, masked, faded, external change), write acknowledgements and
 * failures, and the poll, keep-alive and retry timers.
 */
import { afterFailure, afterThrottle } from './backoff';
import type { RetryState } from './backoff';
import { toSalesforce } from './mapping';
import {
    BASE_SESSION,
    expireHeld,
    FADE_MS,
    heldVisible,
    pollAfterReading,
    reconcile,
    refreshIfDue,
    renewIfDue,
    requestRead,
    resume,
    salesforceChanged,
    settled,
    statusTarget,
    stop
} from './reconcile';
import { isActive, isOnCall } from './state';
import type { SignInIssue, SyncState } from './state';
import { decide, emit, intervals, label, startTimer, update } from './step';
import type { Step } from './step';
import { isPreferredOnly, normalizeTeamsPresence, samePresence, sessionRank, showsPair } from './teamsValues';
import { OFFLINE_STATUS, PREFERRED_PAIRS } from './types';
import type { BridgeError, SyncEvent, TeamsPair, TeamsPresence } from './types';

/** what Graph shows when the user has no presence session at all (a preferred presence then shows nothing) */
const NO_SESSION = { availability: 'Offline', activity: 'Offline' };

type Of<T extends SyncEvent['type']> = Extract<SyncEvent, { type: T }>;

function sameStatus(a: string | null, b: string): boolean {
    return a !== null && a.toLowerCase() === b.toLowerCase();
}

export { showsPair };

/** Whether a reading is the app's own Available session fading (no keep-alive reached Teams in time). */
function isFade(s: SyncState, reading: TeamsPresence, at: number): boolean {
    const { session, sessionAt, preferred } = s.held;
    if (
        !session ||
        preferred ||
        !samePresence(session, { availability: 'Available', activity: 'Available' })
    ) {
        return false;
    }
    const fadedForm =
        samePresence(reading, { availability: 'Available', activity: 'AvailableInactive' }) ||
        samePresence(reading, { availability: 'Away', activity: 'Away' });
    return fadedForm && at - Number(sessionAt) >= FADE_MS;
}

function isPreferredPair(reading: TeamsPresence): boolean {
    return PREFERRED_PAIRS.some((p) => samePresence(p, reading));
}

function succeeded(retry: RetryState, at: number): RetryState {
    const waitUntil = retry.waitUntil !== null && retry.waitUntil > at ? retry.waitUntil : null;
    return {
        failures: 0,
        throttles: 0,
        circuitOpen: false,
        waitUntil,
        reason: waitUntil === null ? null : retry.reason
    };
}

/** A Teams change nobody in this app made: mapped to Salesforce, never logging the agent into Omni. */
function externalChange(step: Step, reading: TeamsPresence): void {
    const s = step.state;
    const from = label(s.teams);
    update(step, { teams: reading, masked: null, userPreferred: isPreferredPair(reading) });
    const result = toSalesforce(s.config, reading);
    if (!result.change) {
        decide(step, 'teams', from, label(reading), 'noChange');
    } else if (sameStatus(s.salesforce, result.status)) {
        decide(step, 'teams', from, label(reading), 'inSync');
    } else if (s.salesforce === null || s.salesforce === OFFLINE_STATUS) {
        decide(step, 'teams', s.salesforce, result.status, 'omniOffline');
    } else {
        // the Teams change is the latest intent: a Salesforce write not yet made is dropped, and what the
        // app still holds of its own goes neutral (teamsTarget), so it cannot come back as a Teams change
        const neutral = !s.held.session || samePresence(s.held.session, BASE_SESSION);
        update(step, { pendingOmni: result.status, owed: !neutral, followed: true });
        emit(
            step,
            result.status === OFFLINE_STATUS
                ? { type: 'logoutOmni' }
                : { type: 'setOmniStatus', status: result.status }
        );
        decide(step, 'teams', s.salesforce, result.status, 'mapped');
    }
}

/**
 * Teams has one preferred presence per user and shows it over every session. A reading that shows a
 * session but not the app's preferred presence proves it is gone: the user replaced or reset it, or it
 * expired. The app no longer holds it (a renewal must not bring it back over the agent's choice), and a
 * later Salesforce change that asks for it writes it again. Offline/Offline (no session at all) proves
 * nothing: a preferred presence shows only over a session.
 */
function notePreferredGone(step: Step, reading: TeamsPresence): void {
    const { held, uncertain } = step.state;
    if (!held.preferred && !uncertain.preferred) return;
    if ((held.preferred && samePresence(reading, held.preferred)) || samePresence(reading, NO_SESSION))
        return;
    update(step, {
        held: { ...held, preferred: null, preferredAt: null },
        uncertain: { ...uncertain, preferred: false }
    });
}

/**
 * The app's own session shows although it is no longer what Salesforce asks for (left over from before,
 * visible again after a reset or a meeting's end): the app's, not a Teams change. It is written over.
 */
function isLeftover(s: SyncState, reading: TeamsPresence, wanted: TeamsPair | null): boolean {
    const session = s.held.session;
    return (
        session !== null &&
        !samePresence(session, BASE_SESSION) &&
        !samePresence(session, wanted) &&
        showsPair(reading, session)
    );
}

/**
 * Whether a reading that is not what the app wrote can be a state of the agent's that was there before the
 * writes and masks them (reported, never fought), rather than a change the agent made in Teams after the
 * last reading (followed: it is the latest intent the core learns of). From what the core knew when it
 * wrote (`verifyBasis`): the reading it had (still showing, or the writes have not shown yet), or a
 * session of the agent's that may have been hidden under what that reading showed and outranks (or ties
 * with) the app's session. A preferred presence always shows over sessions, so nothing masks one the app
 * just wrote but the reading it had; a pair only a preferred presence shows was set after that reading.
 */
/** Whether following a reading would change the Salesforce status (not during a call, not logged out). */
function movesSalesforce(s: SyncState, reading: TeamsPresence): boolean {
    if (isOnCall(s) || s.salesforce === null || s.salesforce === OFFLINE_STATUS) return false;
    const result = toSalesforce(s.config, reading);
    return result.change && !sameStatus(s.salesforce, result.status);
}

function couldMask(s: SyncState, reading: TeamsPresence, wanted: TeamsPair): boolean {
    const basis = s.verifyBasis;
    if (!basis || !basis.before || samePresence(reading, basis.before) || samePresence(reading, NO_SESSION))
        return true;
    const target = statusTarget(s);
    if (!target || target.preferred || !target.session || isPreferredOnly(reading)) return false;
    const rank = sessionRank(reading);
    return rank <= basis.hiddenRank && rank >= sessionRank(wanted);
}

/**
 * Classifies an accepted reading. `expired`: the app's preferred presence expired just now, so what shows
 * instead is a consequence of that expiry, not a Teams change (it is written again).
 */
function classify(step: Step, reading: TeamsPresence, expired: boolean): void {
    notePreferredGone(step, reading);
    const s = step.state;
    const wrote = heldVisible(s.held);
    // what the Salesforce status maps to (also while the app holds only its neutral session)
    const target = statusTarget(s);
    const wanted = target && heldVisible(target);
    // our own write read back, and still what the Salesforce side asks for (not left over from before)
    const ours = wrote !== null && samePresence(wrote, wanted) && showsPair(reading, wrote);
    const faded = isFade(s, reading, step.at);
    if (faded) update(step, { keepAliveDue: true });
    if (s.verify) {
        const masked = wanted ? !showsPair(reading, wanted) && !faded : false;
        update(step, { verify: false, verifyBasis: null });
        if (masked && wrote && showsPair(reading, wrote)) {
            // the app's own write, no longer what Salesforce asks for (Omni moved while it was out): written over
            update(step, { teams: reading, masked: null, userPreferred: false, owed: true });
            decide(step, 'teams', label(wanted), label(reading), 'echo');
            return;
        }
        if (masked && wanted && movesSalesforce(s, reading) && !couldMask(s, reading, wanted)) {
            // not there before the writes: the agent changed Teams meanwhile, the latest intent
            externalChange(step, reading);
            return;
        }
        // when the app holds nothing that shows (Omni logged out, cleared), the reading is all the agent's:
        // a preferred pair is taken for their preferred presence, except Available, which is what their
        // Teams client shows by itself
        const agents = wanted === null && !samePresence(reading, BASE_SESSION);
        update(step, {
            teams: reading,
            masked: masked && wanted ? { wrote: wanted, shows: reading } : null,
            userPreferred: (masked || agents) && isPreferredPair(reading)
        });
        decide(step, 'teams', label(wanted), label(reading), masked ? 'masked' : 'echo');
    } else if (samePresence(reading, s.teams)) {
        // nothing new: the reading Teams showed before
    } else if (ours || faded) {
        update(step, { teams: reading, masked: null, userPreferred: false });
        decide(step, 'teams', label(s.teams), label(reading), faded ? 'faded' : 'echo');
    } else if (expired || isLeftover(s, reading, wanted)) {
        update(step, { teams: reading, masked: null, userPreferred: false, owed: true });
        decide(step, 'teams', label(s.teams), label(reading), 'echo');
    } else if (s.teams === null) {
        // the first reading is the baseline: at start the Salesforce side wins (written where allowed)
        update(step, { teams: reading });
        decide(step, 'teams', null, label(reading), 'initial');
    } else {
        externalChange(step, reading);
    }
}

export function onRead(step: Step, e: Of<'teamsPresenceRead'>): void {
    const s = step.state;
    const inFlight = s.readGeneration === e.generation;
    if (e.generation < s.generation || !inFlight) {
        if (inFlight) {
            // the generation moved on while this read was out (a write or a Salesforce change): read once more
            update(step, { readGeneration: null });
            if (s.inflight.length === 0) requestRead(step);
        }
        decide(step, 'teams', null, label(e.presence), 'stale');
        return;
    }
    if (e.sequenceNumber && s.lastSequence && e.sequenceNumber < s.lastSequence) {
        // Graph documents sequenceNumber as a sortable version stamp, not as monotonic across restarts or
        // accounts: a lower one answering the latest read is a new counter (or a lagging replica). The
        // reading is not acted on, the counter is adopted, and the next poll reads again: never at once.
        update(step, {
            readGeneration: null,
            lastSequence: e.sequenceNumber,
            retry: succeeded(s.retry, e.at)
        });
        decide(step, 'teams', null, label(e.presence), 'stale');
        pollAfterReading(step);
        return;
    }
    const reading = normalizeTeamsPresence(e.presence) ?? {
        availability: e.presence.availability,
        activity: e.presence.activity
    };
    update(step, {
        readGeneration: null,
        lastSequence: e.sequenceNumber ?? s.lastSequence,
        retry: succeeded(s.retry, e.at)
    });
    expireHeld(step);
    classify(step, reading, s.held.preferred !== null && step.state.held.preferred === null);
    reconcile(step);
    refreshIfDue(step);
    renewIfDue(step);
    pollAfterReading(step);
}

/** Sign-in lost: no more Graph calls until signedIn; the UI shows "reconnect". Never asks interactively. */
export function signInLost(step: Step, issue: SignInIssue): void {
    update(step, { signedIn: false, signInIssue: issue });
    stop(step);
    decide(step, 'sync', null, null, issue);
}

function signInIssueOf(error: BridgeError): SignInIssue | null {
    if (
        error.kind === 'signInRequired' ||
        error.kind === 'consentRequired' ||
        error.kind === 'accountMismatch'
    ) {
        return error.kind;
    }
    return null;
}

function failed(step: Step, error: BridgeError, random: number): void {
    const issue = signInIssueOf(error);
    if (issue) {
        signInLost(step, issue);
        return;
    }
    const s = step.state;
    const retry =
        error.kind === 'throttled'
            ? afterThrottle(s.retry, error.retryAfter, step.at, random)
            : afterFailure(s.retry, step.at, random, error.retryAfter);
    update(step, { retry });
    const reason = retry.circuitOpen ? 'circuit' : error.kind === 'throttled' ? 'throttled' : 'backoff';
    decide(step, 'sync', null, error.kind, reason);
    if (isActive(step.state)) startTimer(step, 'retry', Number(retry.waitUntil) - step.at);
}

export function onReadFailed(step: Step, e: Of<'teamsReadFailed'>): void {
    if (step.state.readGeneration !== e.generation) {
        // a reply we no longer wait for; a Retry-After in it still binds every later request
        if (e.error.kind === 'throttled')
            update(step, { retry: afterThrottle(step.state.retry, e.error.retryAfter, e.at, e.random) });
        return;
    }
    update(step, { readGeneration: null });
    failed(step, e.error, e.random);
}

export function onWriteAcknowledged(step: Step, e: Of<'teamsWriteAcknowledged'>): void {
    const s = step.state;
    const write = s.inflight.find((w) => w.writeId === e.writeId);
    if (!write) return;
    const inflight = s.inflight.filter((w) => w !== write);
    const held = { ...s.held };
    const effect = write.effect;
    if (effect.kind === 'session') {
        held.session = effect.pair;
        held.sessionAt = e.at;
        if (isActive(s)) startTimer(step, 'keepAlive', intervals(s).keepAliveMs);
    } else if (effect.kind === 'clearSession') {
        held.session = null;
        held.sessionAt = null;
    } else {
        held.preferred = effect.kind === 'preferred' ? effect.pair : null;
        held.preferredAt = effect.kind === 'preferred' ? e.at : null;
    }
    const preferredKind = effect.kind === 'preferred' || effect.kind === 'clearPreferred';
    const userPreferred = preferredKind ? false : s.userPreferred;
    const uncertain = preferredKind
        ? { ...s.uncertain, preferred: false }
        : { ...s.uncertain, session: false };
    update(step, { inflight, held, userPreferred, uncertain, retry: succeeded(s.retry, e.at) });
    settled(step);
}

export function onWriteFailed(step: Step, e: Of<'teamsWriteFailed'>): void {
    const s = step.state;
    const write = s.inflight.find((w) => w.writeId === e.writeId);
    if (!write) return;
    const gone = e.error.kind === 'notFound' && write.effect.kind === 'clearSession';
    if (gone) {
        // clearPresence answers 404 when the session has already gone: that is what we wanted
        onWriteAcknowledged(step, { type: 'teamsWriteAcknowledged', at: e.at, writeId: e.writeId });
        return;
    }
    const preferredKind = write.effect.kind === 'preferred' || write.effect.kind === 'clearPreferred';
    update(step, {
        inflight: s.inflight.filter((w) => w !== write),
        uncertain: preferredKind ? { ...s.uncertain, preferred: true } : { ...s.uncertain, session: true },
        owed: !write.refresh || s.owed,
        keepAliveDue: (write.refresh && !preferredKind) || s.keepAliveDue,
        renewPreferred: (write.refresh && preferredKind) || s.renewPreferred
    });
    failed(step, e.error, e.random);
    settled(step);
}

export function onTimer(step: Step, e: Of<'timerFired'>): void {
    const s = step.state;
    if (e.timer === 'wrapUp') {
        if (s.wrapUpUntil === null) return;
        if (e.at < s.wrapUpUntil) {
            startTimer(step, 'wrapUp', s.wrapUpUntil - e.at);
            return;
        }
        update(step, { wrapUpUntil: null });
        salesforceChanged(step);
        decide(step, 'call', null, s.salesforce, 'wrapUpEnded');
        reconcile(step);
        return;
    }
    if (!isActive(s)) return;
    if (e.timer === 'poll') {
        requestRead(step);
    } else if (e.timer === 'keepAlive') {
        // the preferred presence is renewed after the next poll's reading shows it is still the app's
        update(step, { keepAliveDue: s.held.session !== null, renewPreferred: s.held.preferred !== null });
        refreshIfDue(step);
    } else {
        if (s.retry.waitUntil !== null && e.at < s.retry.waitUntil) {
            startTimer(step, 'retry', s.retry.waitUntil - e.at);
            return;
        }
        update(step, { retry: { ...s.retry, waitUntil: null } });
        resume(step);
    }
}
