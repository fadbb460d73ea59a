/*
 * What the utility item shows, computed from the state. Codes only: the UI maps health and log reasons to
 * Custom Labels.
 */
import { recentEntries } from './syncLog';
import { isOnCall } from './state';
import type { SyncState } from './state';
import type { Health, ViewModel } from './types';

/** how many recent decisions the view carries */
export const VIEW_RECENT_COUNT = 10;

/** Pure: the health of the sync, most urgent first. */
export function healthOf(s: SyncState): Health {
    if (s.closed || s.signInIssue === 'userDisconnected') return 'stopped';
    if (s.signInIssue) return s.signInIssue;
    if (!s.signedIn || s.leader === null) return 'starting';
    if (!s.leader) return 'follower';
    if (s.paused) return 'paused';
    if (s.retry.circuitOpen) return 'circuitOpen';
    if (s.retry.reason === 'throttled') return 'throttled';
    if (s.retry.reason === 'backoff') return 'retrying';
    return s.teams ? 'syncing' : 'starting';
}

const ERRORS: readonly Health[] = ['signInRequired', 'consentRequired', 'accountMismatch', 'circuitOpen'];
const WARNINGS: readonly Health[] = ['throttled', 'retrying'];

/** Pure: the view model of a state. */
export function toViewModel(s: SyncState): ViewModel {
    const health = healthOf(s);
    const error = ERRORS.includes(health);
    let iconVariant: ViewModel['iconVariant'] = null;
    if (error) iconVariant = 'error';
    else if (WARNINGS.includes(health) || (health === 'syncing' && s.masked)) iconVariant = 'warning';
    else if (health === 'syncing') iconVariant = 'success';
    return {
        health,
        iconVariant,
        highlighted: error,
        salesforceStatus: s.salesforce,
        teams: s.teams,
        onCall: isOnCall(s),
        masked: s.masked,
        waitUntil: s.retry.waitUntil,
        recent: recentEntries(s.log, VIEW_RECENT_COUNT)
    };
}

/** Structural equality of two views (plain data). */
export function sameView(a: ViewModel | null, b: ViewModel): boolean {
    return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
