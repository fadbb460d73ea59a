/*
 * The sync state machine: transition(state, event) -> [state, commands]. Pure: it never performs the
 * commands; the runner does and feeds the results back as events. docs/sync-policy.md is implemented by the
 * handlers in omniEvents.ts, teamsEvents.ts, reconcile.ts and lifecycle.ts. Decisions taken there:
 *
 * - Target: the Salesforce status through the mapping (toTeams), or the call state (CallPresence__c)
 *   during a call and its wrap-up. The core writes only the difference between what the app holds
 *   (acknowledged writes) and the target, and only for Salesforce-side events (Omni change not made by
 *   us, call start/end, wrap-up end, start of syncing). A Teams change that Salesforce followed writes
 *   nothing back to Teams. After a failed write the app's holding is uncertain and is written again.
 * - Write generation: bumped by every write and every Salesforce-side change; a reading asked for at an
 *   older generation is stale (so it can never revert a newer change, whether or not that change wrote
 *   to Teams). One read in flight per generation; a reply nobody waits for is stale too.
 * - Readings: the first one is the baseline (at start the Salesforce side wins). The first reading after
 *   our writes verifies them: our pair is an echo (Busy/InACall may read back as Busy/Busy), a state
 *   that was there before the writes is reported as masked, never written again, and a Teams change made
 *   since the last reading is followed (verifyBasis in reconcile.ts). Later, a reading equal to the baseline is nothing,
 *   our own still-intended pair is an echo, our faded Available session is refreshed, anything else is a
 *   Teams change mapped with toSalesforce (never logging the agent into Omni).
 * - Latest intent wins: a Teams change that looked like a preferred presence the user set is cleared on
 *   the next Salesforce-side write; with TeamsManualWins it is left alone and reported as masking.
 * - What Teams holds (docs/sync-policy.md): a reading without the app's preferred presence proves it
 *   gone; after Salesforce follows Teams the app holds only its neutral Available session; its own
 *   leftover session is written over, never followed; a lower sequenceNumber is a new counter (the next
 *   poll reads again); preferred presence is written with an expiry and renewed after a reading.
 * - Calls change Teams only; the Omni status is left to Omni and the phone system (an On_a_Call status
 *   would have to be undone after the call and would fight the agent's own changes during it).
 * - Keep-alive every pollBudget keepAliveMs (240 s) with expirationDuration PT<SessionExpiryMinutes>M;
 *   logout / Omni Offline clear the session (and our preferred presence), page close does so with
 *   keepalive, a disconnect before signOut. No Graph request before a Retry-After instant, ever.
 * - Runner contract: Teams writes are performed in command order; startTimer on a running timer
 *   restarts it; every request gets exactly one reply or failure event.
 */
import {
    onLeadership,
    onPageClosing,
    onPause,
    onSignedIn,
    onSignedOut,
    onTenantSize,
    onTenantSizeFailed,
    onUserRequestedConnect,
    onUserRequestedDisconnect,
    onVisibility
} from './lifecycle';
import {
    onCallEnded,
    onCallStarted,
    onOmniCommandFailed,
    onOmniLoggedOut,
    onOmniStatusChanged
} from './omniEvents';
import type { SyncState } from './state';
import { emit, update } from './step';
import type { Step } from './step';
import { onRead, onReadFailed, onTimer, onWriteAcknowledged, onWriteFailed } from './teamsEvents';
import type { SyncCommand, SyncEvent } from './types';
import { sameView, toViewModel } from './viewModel';

function dispatch(step: Step, event: SyncEvent): void {
    switch (event.type) {
        case 'omniStatusChanged':
            return onOmniStatusChanged(step, event);
        case 'omniLoggedOut':
            return onOmniLoggedOut(step);
        case 'omniCommandFailed':
            return onOmniCommandFailed(step, event);
        case 'teamsPresenceRead':
            return onRead(step, event);
        case 'teamsReadFailed':
            return onReadFailed(step, event);
        case 'teamsWriteAcknowledged':
            return onWriteAcknowledged(step, event);
        case 'teamsWriteFailed':
            return onWriteFailed(step, event);
        case 'callStarted':
            return onCallStarted(step, event);
        case 'callEnded':
            return onCallEnded(step, event);
        case 'timerFired':
            return onTimer(step, event);
        case 'userPaused':
        case 'userResumed':
            return onPause(step, event.type === 'userPaused');
        case 'userRequestedConnect':
            return onUserRequestedConnect(step);
        case 'userRequestedDisconnect':
            return onUserRequestedDisconnect(step);
        case 'signedIn':
            return onSignedIn(step);
        case 'signedOut':
            return onSignedOut(step, event);
        case 'becameLeader':
        case 'becameFollower':
            return onLeadership(step, event.type === 'becameLeader');
        case 'pageHidden':
        case 'pageVisible':
            return onVisibility(step, event.type === 'pageHidden');
        case 'pageClosing':
            return onPageClosing(step);
        case 'tenantSizeKnown':
            return onTenantSize(step, event);
        case 'tenantSizeFailed':
            return onTenantSizeFailed(step);
        default:
            return undefined;
    }
}

function unchanged(a: SyncState, b: SyncState): boolean {
    return (Object.keys(a) as (keyof SyncState)[]).every((k) => a[k] === b[k]);
}

/**
 * Pure: the next state and the commands to run for one event. Commands are in the order the runner must
 * perform them (Teams writes one after another). `showState` comes last, only when the view changed.
 * When nothing happens the same state object and no commands come back. Never throws.
 */
export function transition(state: SyncState, event: SyncEvent): [SyncState, SyncCommand[]] {
    const step: Step = { state, commands: [], at: event.at };
    dispatch(step, event);
    const view = toViewModel(step.state);
    if (!sameView(step.state.view, view)) {
        update(step, { view });
        emit(step, { type: 'showState', view });
    }
    if (step.commands.length === 0 && unchanged(state, step.state)) return [state, []];
    return [step.state, step.commands];
}
