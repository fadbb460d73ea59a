/*
 * What the utility item shows, computed from the state. Codes only: the UI maps health and log reasons to
 * Custom Labels.
 */
import { historyEntries } from './syncLog';
import { isOnCall } from './state';
import type { SyncState } from './state';
import { sameSalesforceStatus, toSalesforce, toTeams } from './mapping';
import { samePresence } from './teamsValues';
import { OFFLINE_STATUS } from './types';
import type { Agreement, Health, ViewModel } from './types';

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

/**
 * Pure: how the two sides compare (see Agreement), judged by the configuration's own mapping: they agree
 * when Teams shows the pair the Salesforce status is written as, or a pair that maps to that status.
 */
export function agreementOf(s: SyncState): Agreement | null {
    const teams = s.signedIn ? s.teams : null;
    if (teams === null || s.salesforce === null) return null;
    if (s.config.direction === 'MeetingAppToSalesforce') return 'teamsNotWritten';
    if (isOnCall(s)) return 'onCall';
    // logged out of Omni-Channel and offline in Teams say the same, whatever the mapping writes
    if (teams.availability === 'Offline')
        return sameSalesforceStatus(s.salesforce, OFFLINE_STATUS) ? 'same' : 'teamsOffline';
    const read = toSalesforce(s.config, teams);
    if (read.change && sameSalesforceStatus(read.status, s.salesforce)) return 'same';
    const write = toTeams(s.config, s.salesforce).teams;
    const written = write.kind === 'session' || write.kind === 'preferred';
    return written && samePresence(write, teams) ? 'same' : 'differs';
}

const ERRORS: readonly Health[] = ['signInRequired', 'consentRequired', 'accountMismatch', 'circuitOpen'];
const WARNINGS: readonly Health[] = ['throttled', 'retrying'];

/** Pure: the view model of a state. */
export function toViewModel(s: SyncState): ViewModel {
    const health = healthOf(s);
    const error = ERRORS.includes(health);
    const agreement = agreementOf(s);
    const syncing = health === 'syncing';
    let iconVariant: ViewModel['iconVariant'] = null;
    if (error) iconVariant = 'error';
    else if (WARNINGS.includes(health) || (syncing && (s.masked || agreement === 'teamsOffline')))
        iconVariant = 'warning';
    else if (syncing && (agreement === 'same' || agreement === 'onCall')) iconVariant = 'success';
    return {
        health,
        agreement,
        iconVariant,
        highlighted: error,
        salesforceStatus: s.salesforce,
        // what Teams showed before a sign-out is not what it shows now: nothing is read while signed out
        teams: s.signedIn ? s.teams : null,
        onCall: isOnCall(s),
        masked: s.signedIn ? s.masked : null,
        waitUntil: s.retry.waitUntil,
        recent: historyEntries(s.log, VIEW_RECENT_COUNT)
    };
}

/** Structural equality of two views (plain data). */
export function sameView(a: ViewModel | null, b: ViewModel): boolean {
    return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
