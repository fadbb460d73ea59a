/*
 * The sync state: everything `transition` decides on. Immutable; `transition` returns a new object.
 */
import { NO_RETRY } from './backoff';
import type { RetryState } from './backoff';
import { emptyLog } from './syncLog';
import type { SyncLog } from './syncLog';
import type { Configuration, TeamsPair, TeamsPresence, ViewModel } from './types';

/** What the app itself holds in Teams, as far as acknowledged writes tell. */
export interface HeldTeams {
    /** the app's presence session (setPresence), or null */
    session: TeamsPair | null;
    /** when the session was last written (its fade and expiry count from here) */
    sessionAt: number | null;
    /** the preferred presence the app set itself, or null (a user's own preferred presence is never here) */
    preferred: TeamsPair | null;
    /** when the preferred presence was last written (its expiry counts from here) */
    preferredAt: number | null;
}

export type WriteEffect =
    | { kind: 'session'; pair: TeamsPair }
    | { kind: 'clearSession' }
    | { kind: 'preferred'; pair: TeamsPair }
    | { kind: 'clearPreferred' };

export interface InflightWrite {
    writeId: number;
    effect: WriteEffect;
    /** a keep-alive: the same session written again; nothing to verify */
    refresh: boolean;
}

/**
 * What the core knew of the agent's own Teams states when it wrote (see reconcile.ts, verifyBasis): the
 * reading before its writes, and the highest availability rank (teamsValues.ts, sessionRank) of a session
 * of the agent's that may have been hidden under what that reading showed and may show once the writes
 * land (0: none, the reading showed everything of the agent's that can show over the app).
 */
export interface VerifyBasis {
    before: TeamsPresence | null;
    hiddenRank: number;
}

export type SignInIssue = 'signInRequired' | 'consentRequired' | 'accountMismatch' | 'userDisconnected';

export interface SyncState {
    readonly config: Configuration;
    readonly signedIn: boolean;
    readonly signInIssue: SignInIssue | null;
    /** null until the runner knows whether this tab holds the lock */
    readonly leader: boolean | null;
    readonly paused: boolean;
    readonly hidden: boolean;
    readonly closed: boolean;
    readonly agentCount: number;

    /** current Omni status (DeveloperName), 'Offline' when logged out, null until known */
    readonly salesforce: string | null;
    /** the Omni status we asked for and whose echo we wait for */
    readonly pendingOmni: string | null;
    readonly calls: readonly string[];
    /** end of the wrap-up after the last call, or null */
    readonly wrapUpUntil: number | null;

    /** the last Teams reading accepted (the baseline changes are measured against) */
    readonly teams: TeamsPresence | null;
    readonly lastSequence: string | null;
    readonly held: HeldTeams;
    /** a write of that kind failed: Teams may or may not have applied it */
    readonly uncertain: { readonly session: boolean; readonly preferred: boolean };
    /** a Salesforce-side change (status, call, wrap-up, start) still has to be written to Teams */
    readonly owed: boolean;
    /** the last external Teams change looked like a preferred presence the user set (not us) */
    readonly userPreferred: boolean;
    /**
     * the Salesforce status follows a Teams change: until the next Salesforce-side change the app holds
     * nothing of its own in Teams but its neutral Available session (see reconcile.ts, teamsTarget)
     */
    readonly followed: boolean;
    /** the keep-alive is due for the app's preferred presence: renewed after a reading shows it is still ours */
    readonly renewPreferred: boolean;
    /**
     * request generation: moved on by every write, every read and every Salesforce-side change; write ids
     * and read generations come from it, so a reading is fresh only if it answers the latest read
     */
    readonly generation: number;
    readonly inflight: readonly InflightWrite[];
    /** the next fresh reading verifies our last writes (echo, masked, or a Teams change made meanwhile) */
    readonly verify: boolean;
    /** what the core knew before the writes being verified, or null */
    readonly verifyBasis: VerifyBasis | null;
    /** generation of the read in flight, or null */
    readonly readGeneration: number | null;
    /** when the next regular poll is due (one interval after the last reading); a write never pushes it back */
    readonly pollDueAt: number | null;
    readonly keepAliveDue: boolean;
    readonly masked: { wrote: TeamsPresence; shows: TeamsPresence } | null;
    readonly retry: RetryState;

    readonly log: SyncLog;
    /** the view last sent with showState */
    readonly view: ViewModel | null;
}

/** The state before any event: not signed in, leadership unknown, nothing known about either side. */
export function initialState(config: Configuration): SyncState {
    return {
        config,
        signedIn: false,
        signInIssue: null,
        leader: null,
        paused: false,
        hidden: false,
        closed: false,
        agentCount: 1,
        salesforce: null,
        pendingOmni: null,
        calls: [],
        wrapUpUntil: null,
        teams: null,
        lastSequence: null,
        held: { session: null, sessionAt: null, preferred: null, preferredAt: null },
        uncertain: { session: false, preferred: false },
        owed: false,
        userPreferred: false,
        followed: false,
        renewPreferred: false,
        generation: 0,
        inflight: [],
        verify: false,
        verifyBasis: null,
        readGeneration: null,
        pollDueAt: null,
        keepAliveDue: false,
        masked: null,
        retry: NO_RETRY,
        log: emptyLog(),
        view: null
    };
}

/** Whether this tab syncs now: signed in, leader, not paused, page open. */
export function isActive(s: SyncState): boolean {
    return s.signedIn && s.leader === true && !s.paused && !s.closed;
}

/** Whether a call (or its wrap-up) overrides the Salesforce status for Teams. */
export function isOnCall(s: SyncState): boolean {
    return s.calls.length > 0 || s.wrapUpUntil !== null;
}
