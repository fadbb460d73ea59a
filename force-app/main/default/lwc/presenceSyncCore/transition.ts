/*
 * The sync state machine: transition(state, event) -> [state, commands]. Pure: it never performs the
 * commands; the runner does and feeds the results back as events. DESIGN section 5 is implemented by the
 * handlers in omniEvents.ts, teamsEvents.ts, reconcile.ts and lifecycle.ts.
 */
import {
    onLeadership,
    onPageClosing,
    onPause,
    onSignedIn,
    onSignedOut,
    onTenantSize,
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
