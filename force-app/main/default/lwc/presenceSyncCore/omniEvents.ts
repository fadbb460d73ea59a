/*
 * Salesforce side events: Omni-Channel status changes (with their reason), logout, failed Omni commands,
 * and phone calls with their wrap-up.
 */
import { toTeams } from './mapping';
import { reconcile, salesforceChanged } from './reconcile';
import { decide, emit, startTimer, cancelTimer, update } from './step';
import type { Step } from './step';
import { OFFLINE_STATUS } from './types';
import type { OmniReason, SyncEvent } from './types';

type Of<T extends SyncEvent['type']> = Extract<SyncEvent, { type: T }>;

/** Log codes of Omni's status-change reasons. */
export const OMNI_REASON_CODES: Record<OmniReason, string> = {
    OmniToolkitStatusChange: 'toolkit',
    OmniPushTimeout: 'pushTimeout',
    OmniDeclineWork: 'declineWork',
    OmniManualStatusChange: 'manual',
    OmniSupervisorStatusChange: 'supervisor',
    OmniLoginStatusChange: 'login'
};

function sameStatus(a: string | null, b: string): boolean {
    return a !== null && a.toLowerCase() === b.toLowerCase();
}

/**
 * A new Salesforce status. Our own Omni write coming back (toolkit reason, the status we asked for) only
 * confirms a Teams change and writes nothing to Teams; any other change (manual, supervisor, push
 * timeout, decline, login, another toolkit user) is the latest intent and is written to Teams.
 */
function statusBecame(step: Step, status: string, reasonCode: string, echo: boolean): void {
    const s = step.state;
    if (!echo && sameStatus(s.salesforce, status)) return;
    update(step, { salesforce: status, pendingOmni: null });
    if (!echo) salesforceChanged(step);
    // logged out of Omni because Teams said so: what the app holds in Teams is cleared all the same
    else if (status === OFFLINE_STATUS) update(step, { owed: true });
    decide(step, 'salesforce', s.salesforce, status, echo ? 'echo' : reasonCode);
    const code = toTeams(s.config, status).phoneReasonCode;
    if (code) emit(step, { type: 'setPhoneReasonCode', code });
    reconcile(step);
}

export function onOmniStatusChanged(step: Step, e: Of<'omniStatusChanged'>): void {
    const { pendingOmni } = step.state;
    const echo =
        e.reason === 'OmniToolkitStatusChange' && pendingOmni !== null && sameStatus(pendingOmni, e.status);
    statusBecame(step, e.status, OMNI_REASON_CODES[e.reason], echo);
}

export function onOmniLoggedOut(step: Step): void {
    statusBecame(step, OFFLINE_STATUS, 'logout', step.state.pendingOmni === OFFLINE_STATUS);
}

export function onOmniCommandFailed(step: Step, e: Of<'omniCommandFailed'>): void {
    if (step.state.pendingOmni === null) return;
    update(step, { pendingOmni: null });
    decide(step, 'salesforce', step.state.salesforce, e.status, 'omniFailed');
}

/** A call starts: Teams shows the call state (CallPresence__c) until it and its wrap-up end. */
export function onCallStarted(step: Step, e: Of<'callStarted'>): void {
    const s = step.state;
    if (s.calls.includes(e.callId)) return;
    if (s.wrapUpUntil !== null) cancelTimer(step, 'wrapUp');
    update(step, { calls: [...s.calls, e.callId], wrapUpUntil: null });
    salesforceChanged(step);
    decide(step, 'call', null, e.source, 'callStarted');
    reconcile(step);
}

/** A call ends: after WrapUpSeconds__c (or now) Teams goes back to the Salesforce status. */
export function onCallEnded(step: Step, e: Of<'callEnded'>): void {
    const s = step.state;
    if (!s.calls.includes(e.callId)) return;
    const calls = s.calls.filter((id) => id !== e.callId);
    const wrapUpMs = s.config.wrapUpSeconds * 1000;
    if (calls.length === 0 && wrapUpMs > 0) {
        update(step, { calls, wrapUpUntil: e.at + wrapUpMs });
        startTimer(step, 'wrapUp', wrapUpMs);
        decide(step, 'call', null, null, 'wrapUp');
        return;
    }
    update(step, { calls });
    if (calls.length === 0) salesforceChanged(step);
    decide(step, 'call', null, s.salesforce, 'callEnded');
    reconcile(step);
}
