/*
 * Sign-in, leadership, pause, page visibility and closing: when this tab may call Graph at all.
 */
import { mayRequest } from './backoff';
import { issue, start, stop } from './reconcile';
import { isActive } from './state';
import type { SignInIssue } from './state';
import { decide, emit, intervals, startTimer, update } from './step';
import type { Step } from './step';
import { signInLost } from './teamsEvents';
import type { SyncEvent } from './types';

type Of<T extends SyncEvent['type']> = Extract<SyncEvent, { type: T }>;

/** Clears what the app holds in Teams (best effort; `keepalive` lets the request outlive the page). */
function clearHeld(step: Step, keepalive: boolean): void {
    const s = step.state;
    if (!isActive(s) || !mayRequest(s.retry, step.at) || !(s.held.session || s.held.preferred)) return;
    if (s.held.session) issue(step, { kind: 'clearSession' }, false, keepalive);
    if (s.held.preferred) issue(step, { kind: 'clearPreferred' }, false, keepalive);
    decide(step, 'sync', null, null, keepalive ? 'clearOnClose' : 'clearOnDisconnect');
}

export function onSignedIn(step: Step): void {
    if (step.state.signedIn) return;
    // a new sign-in may be another account, whose presence has its own version counter
    update(step, { signedIn: true, signInIssue: null, lastSequence: null });
    decide(step, 'user', null, null, 'signedIn');
    start(step);
}

export function onSignedOut(step: Step, e: Of<'signedOut'>): void {
    const kind: SignInIssue =
        e.reason === 'consentRequired' || e.reason === 'accountMismatch' || e.reason === 'userDisconnected'
            ? e.reason
            : 'signInRequired';
    signInLost(step, kind);
}

/** The only way to an interactive sign-in: the user asked for it. */
export function onUserRequestedConnect(step: Step): void {
    emit(step, { type: 'requestInteractiveSignIn' });
    decide(step, 'user', null, null, 'connectRequested');
}

export function onUserRequestedDisconnect(step: Step): void {
    clearHeld(step, false);
    emit(step, { type: 'signOut' });
    signInLost(step, 'userDisconnected');
}

export function onLeadership(step: Step, leader: boolean): void {
    if (step.state.leader === leader) return;
    update(step, { leader });
    decide(step, 'sync', null, null, leader ? 'leader' : 'follower');
    if (leader) start(step);
    else stop(step);
}

export function onPause(step: Step, paused: boolean): void {
    if (step.state.paused === paused) return;
    update(step, { paused });
    decide(step, 'user', null, null, paused ? 'paused' : 'resumed');
    if (paused) stop(step);
    else start(step);
}

/**
 * Page visibility is recorded (the view and the log) but does not slow the poll: a hidden console keeps
 * the budgeted interval (docs/sync-policy.md, "Hidden pages").
 */
export function onVisibility(step: Step, hidden: boolean): void {
    if (step.state.hidden === hidden) return;
    update(step, { hidden });
}

export function onPageClosing(step: Step): void {
    if (step.state.closed) return;
    clearHeld(step, true);
    update(step, { closed: true });
    stop(step);
}

/**
 * How many agents share the app registration (per client id): the divisor of the poll budget. A change
 * is logged with both sizes; the running timers keep their delay and the next ones use the new budget.
 */
export function onTenantSize(step: Step, e: Of<'tenantSizeKnown'>): void {
    const agentCount = Math.max(1, Math.floor(e.agentCount)) || 1;
    const before = step.state.agentCount;
    if (agentCount === before) return;
    update(step, { agentCount });
    decide(step, 'sync', String(before), String(agentCount), 'tenantSize');
}

/** The size could not be learned: the last known one stays in force, and the history says so. */
export function onTenantSizeFailed(step: Step): void {
    decide(step, 'sync', null, null, 'tenantSizeFailed');
}
