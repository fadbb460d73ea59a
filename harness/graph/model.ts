/**
 * Teams presence aggregation as Microsoft documents it, independent of the project's own code.
 *
 * Sources (docs/harness.md lists them with the rules they back):
 * - Graph "Manage presence state" concept page: sessions per Teams client and per application, the
 *   user's presence is the aggregate; user-preferred state > session states; among sessions
 *   DoNotDisturb > Busy > Available > Away; an `Available` session times out after 5 minutes to
 *   Available/AvailableInactive and after 5 more to Away/Away; default expiration 5 minutes, valid
 *   PT5M..PT4H, an expired session becomes Offline.
 * - presence-setpresence: supported pairs, `sessionId` is the application id.
 * - presence-setuserpreferredpresence: supported pairs; preferred presence only takes effect when
 *   at least one session exists, otherwise the user is Offline; default expiration 1 day for
 *   DoNotDisturb and Busy, 7 days otherwise.
 * - presence-clearpresence: clearing the only session makes the user Offline/Offline; 404 when the
 *   session does not exist.
 * - cloudcommunications-getpresencesbyuserid: at most 650 ids.
 *
 * Pure: time comes in through the `now` function given to the constructor.
 */

export type Pair = readonly [availability: string, activity: string];

export const AVAILABILITY_VALUES = [
    'Available',
    'AvailableIdle',
    'Away',
    'BeRightBack',
    'Busy',
    'BusyIdle',
    'DoNotDisturb',
    'Offline',
    'PresenceUnknown'
] as const;

export const ACTIVITY_VALUES = [
    'Available',
    'AvailableInactive',
    'Away',
    'BeRightBack',
    'Busy',
    'DoNotDisturb',
    'InACall',
    'InAConferenceCall',
    'Inactive',
    'InAMeeting',
    'Offline',
    'OffWork',
    'OutOfOffice',
    'PresenceUnknown',
    'Presenting',
    'UrgentInterruptionsOnly'
] as const;

/** setPresence (application session): presence-setpresence, current revision. */
export const SESSION_PAIRS: readonly Pair[] = [
    ['Available', 'Available'],
    ['Busy', 'InACall'],
    ['Busy', 'InAConferenceCall'],
    ['Away', 'Away'],
    ['DoNotDisturb', 'Presenting']
];

/** setUserPreferredPresence: presence-setuserpreferredpresence. */
export const PREFERRED_PAIRS: readonly Pair[] = [
    ['Available', 'Available'],
    ['Busy', 'Busy'],
    ['DoNotDisturb', 'DoNotDisturb'],
    ['BeRightBack', 'BeRightBack'],
    ['Away', 'Away'],
    ['Offline', 'OffWork']
];

export const MINUTE_MS = 60_000;
export const SESSION_EXPIRY_MIN_MS = 5 * MINUTE_MS;
export const SESSION_EXPIRY_MAX_MS = 240 * MINUTE_MS;
export const SESSION_EXPIRY_DEFAULT_MS = 5 * MINUTE_MS;
/** An Available application session fades after this long, and again after as long once more. */
export const FADE_STEP_MS = 5 * MINUTE_MS;
export const MAX_BATCH_IDS = 650;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * Session precedence. DoNotDisturb > Busy > Available > Away is documented; the idle variants sit
 * with their base value, BeRightBack between Available and Away, and Offline below all (inferred).
 */
const RANK: Record<string, number> = {
    DoNotDisturb: 6,
    Busy: 5,
    BusyIdle: 5,
    Available: 4,
    AvailableIdle: 4,
    BeRightBack: 3,
    Away: 2,
    Offline: 1
};

function canonical(values: readonly string[], value: unknown): string | undefined {
    if (typeof value !== 'string') {
        return undefined;
    }
    const lower = value.toLowerCase();
    return values.find((v) => v.toLowerCase() === lower);
}

/** The canonical spelling of a supported pair (Graph enums are matched case-insensitively), or undefined. */
export function matchPair(
    pairs: readonly Pair[],
    availability: unknown,
    activity: unknown
): Pair | undefined {
    if (typeof availability !== 'string' || typeof activity !== 'string') {
        return undefined;
    }
    return pairs.find(
        ([a, b]) =>
            a.toLowerCase() === availability.toLowerCase() && b.toLowerCase() === activity.toLowerCase()
    );
}

/** Any known availability/activity values (for Teams client sessions set through the control API). */
export function matchKnownPair(availability: unknown, activity: unknown): Pair | undefined {
    const a = canonical(AVAILABILITY_VALUES, availability);
    const b = canonical(ACTIVITY_VALUES, activity);
    return a && b ? [a, b] : undefined;
}

/**
 * ISO-8601 duration (PnW, PnDTnHnMnS, fractional seconds) to milliseconds; undefined when malformed.
 * Years and months are rejected: their length is not fixed.
 */
export function parseIsoDuration(text: unknown): number | undefined {
    if (typeof text !== 'string') {
        return undefined;
    }
    const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text.trim());
    if (!m || text.trim().toUpperCase() === 'P' || /T$/i.test(text.trim())) {
        return undefined;
    }
    const [, w, d, h, min, s] = m;
    const num = (v: string | undefined) => (v === undefined ? 0 : Number(v));
    return Math.round(((((num(w) * 7 + num(d)) * 24 + num(h)) * 60 + num(min)) * 60 + num(s)) * 1000);
}

export type SessionKind = 'application' | 'teamsClient';

export interface PresenceSession {
    sessionId: string;
    kind: SessionKind;
    availability: string;
    activity: string;
    /** When the state was last set (the fade counts from here). */
    setAt: number;
    /** Undefined: the session does not expire by itself (a signed-in Teams client keeps itself alive). */
    expiresAt?: number;
    /** A Teams client goes Away/Away after this long without activity (since `setAt`). */
    idleAfterMs?: number;
}

export interface PreferredPresence {
    availability: string;
    activity: string;
    setAt: number;
    expiresAt: number;
}

/**
 * The user's status message (presence-setstatusmessage): plain text, optionally with an expiry after
 * which Teams drops it by itself.
 */
export interface StatusMessage {
    content: string;
    contentType: 'text';
    publishedAt: number;
    /** Undefined: the message stays until it is replaced or cleared. */
    expiresAt?: number;
}

export interface PresenceReading {
    id: string;
    availability: string;
    activity: string;
    sequenceNumber: string;
    statusMessage?: StatusMessage;
}

/** What decided a reading: useful to tests and the Teams-client panel. */
export interface PresenceDetail extends PresenceReading {
    source: 'preferred' | 'session' | 'none' | 'unknown';
    sessions: Array<PresenceSession & { effectiveAvailability: string; effectiveActivity: string }>;
    preferred?: PreferredPresence;
}

interface UserState {
    sessions: Map<string, PresenceSession>;
    preferred?: PreferredPresence;
    statusMessage?: StatusMessage;
    sequence: number;
    lastKey?: string;
}

/** The state an application session shows at `now`, after the documented Available fade. */
export function effectiveSessionState(session: PresenceSession, now: number): Pair {
    if (
        session.kind === 'teamsClient' &&
        session.idleAfterMs !== undefined &&
        now - session.setAt >= session.idleAfterMs &&
        (session.availability === 'Available' || session.availability === 'Busy')
    ) {
        // the Teams client of an idle user shows Away (a call or meeting keeps it active: not modelled)
        return ['Away', 'Away'];
    }
    if (session.kind === 'application' && session.availability === 'Available') {
        const age = now - session.setAt;
        if (age >= 2 * FADE_STEP_MS) {
            return ['Away', 'Away'];
        }
        if (age >= FADE_STEP_MS) {
            return ['Available', 'AvailableInactive'];
        }
    }
    return [session.availability, session.activity];
}

/** Aggregates live sessions: highest precedence wins; on a tie the most recently set session wins. */
export function aggregateSessions(sessions: readonly PresenceSession[], now: number): Pair | undefined {
    return winningSession(sessions, now)?.pair;
}

function winningSession(
    sessions: readonly PresenceSession[],
    now: number
): { pair: Pair; kind: SessionKind } | undefined {
    let best: { pair: Pair; rank: number; setAt: number; kind: SessionKind } | undefined;
    for (const s of sessions) {
        const pair = effectiveSessionState(s, now);
        const rank = RANK[pair[0]] ?? 0;
        if (!best || rank > best.rank || (rank === best.rank && s.setAt > best.setAt)) {
            best = { pair, rank, setAt: s.setAt, kind: s.kind };
        }
    }
    return best && { pair: best.pair, kind: best.kind };
}

export function defaultPreferredExpiryMs(availability: string): number {
    return availability === 'DoNotDisturb' || availability === 'Busy' ? DAY_MS : 7 * DAY_MS;
}

export class PresenceModel {
    private readonly users = new Map<string, UserState>();
    private readonly unknown = new Set<string>();
    /**
     * Teams reports an application's Busy/InACall session as Busy/Busy (seen in tenants; the pair
     * setPresence accepts is not always the one GET presence returns). Off by default.
     */
    appInACallReadsBusy = false;

    constructor(private readonly now: () => number) {}

    /** Users for whom Graph answers PresenceUnknown (no Teams, for example). */
    setPresenceUnknown(userId: string, unknown: boolean): void {
        if (unknown) {
            this.unknown.add(key(userId));
        } else {
            this.unknown.delete(key(userId));
        }
    }

    setSession(
        userId: string,
        session: {
            sessionId: string;
            kind: SessionKind;
            availability: string;
            activity: string;
            expiresInMs?: number;
            idleAfterMs?: number;
        }
    ): void {
        const now = this.now();
        const state = this.state(userId);
        state.sessions.set(session.sessionId, {
            sessionId: session.sessionId,
            kind: session.kind,
            availability: session.availability,
            activity: session.activity,
            setAt: now,
            ...(session.expiresInMs === undefined ? {} : { expiresAt: now + session.expiresInMs }),
            ...(session.idleAfterMs === undefined ? {} : { idleAfterMs: session.idleAfterMs })
        });
        this.observe(userId);
    }

    /** Removes a session; false when there was none (Graph then answers 404). */
    clearSession(userId: string, sessionId: string): boolean {
        const state = this.state(userId);
        this.purge(state);
        const removed = state.sessions.delete(sessionId);
        this.observe(userId);
        return removed;
    }

    setPreferred(userId: string, availability: string, activity: string, expiresInMs?: number): void {
        const now = this.now();
        this.state(userId).preferred = {
            availability,
            activity,
            setAt: now,
            expiresAt: now + (expiresInMs ?? defaultPreferredExpiryMs(availability))
        };
        this.observe(userId);
    }

    clearPreferred(userId: string): void {
        delete this.state(userId).preferred;
        this.observe(userId);
    }

    /**
     * Sets (or with empty content clears) the status message; `expiresAt` is an absolute time.
     * Whoever writes it, the person in Teams or an application, writes the same single message.
     */
    setStatusMessage(userId: string, content: string, expiresAt?: number): void {
        const state = this.state(userId);
        if (content === '') {
            delete state.statusMessage;
            return;
        }
        state.statusMessage = {
            content,
            contentType: 'text',
            publishedAt: this.now(),
            ...(expiresAt === undefined ? {} : { expiresAt })
        };
    }

    get(userId: string): PresenceReading {
        const { id, availability, activity, sequenceNumber, statusMessage } = this.detail(userId);
        return { id, availability, activity, sequenceNumber, ...(statusMessage ? { statusMessage } : {}) };
    }

    getMany(userIds: readonly string[]): PresenceReading[] {
        if (userIds.length > MAX_BATCH_IDS) {
            throw new RangeError(`at most ${MAX_BATCH_IDS} ids per request, got ${userIds.length}`);
        }
        return userIds.map((id) => this.get(id));
    }

    detail(userId: string): PresenceDetail {
        const now = this.now();
        const state = this.state(userId);
        this.purge(state);
        const sessions = [...state.sessions.values()];
        let source: PresenceDetail['source'];
        let pair: Pair;
        if (this.unknown.has(key(userId))) {
            source = 'unknown';
            pair = ['PresenceUnknown', 'PresenceUnknown'];
        } else if (sessions.length === 0) {
            source = 'none';
            pair = ['Offline', 'Offline'];
        } else if (state.preferred) {
            source = 'preferred';
            pair = [state.preferred.availability, state.preferred.activity];
        } else {
            source = 'session';
            const winner = winningSession(sessions, now) as { pair: Pair; kind: SessionKind };
            const inACall = winner.pair[0] === 'Busy' && winner.pair[1] === 'InACall';
            pair =
                this.appInACallReadsBusy && winner.kind === 'application' && inACall
                    ? ['Busy', 'Busy']
                    : winner.pair;
        }
        const sequenceNumber = this.bump(state, pair);
        return {
            id: userId,
            availability: pair[0],
            activity: pair[1],
            sequenceNumber,
            source,
            sessions: sessions.map((s) => {
                const [effectiveAvailability, effectiveActivity] = effectiveSessionState(s, now);
                return { ...s, effectiveAvailability, effectiveActivity };
            }),
            ...(state.preferred ? { preferred: { ...state.preferred } } : {}),
            ...(state.statusMessage ? { statusMessage: { ...state.statusMessage } } : {})
        };
    }

    /** Whether the user has a live session with this id (clearPresence answers 404 without one). */
    hasSession(userId: string, sessionId: string): boolean {
        const state = this.state(userId);
        this.purge(state);
        return state.sessions.has(sessionId);
    }

    /**
     * Graph's presence version counter starts again (a restart, or the presence of another account):
     * the next readings carry a lower `sequenceNumber` than before. One user, or all when absent.
     */
    restartSequence(userId?: string): void {
        const states = userId === undefined ? [...this.users.values()] : [this.state(userId)];
        for (const state of states) {
            state.sequence = 0;
            delete state.lastKey;
        }
    }

    /** Forgets every session and preferred presence. */
    reset(): void {
        this.users.clear();
        this.unknown.clear();
        this.appInACallReadsBusy = false;
    }

    private observe(userId: string): void {
        this.detail(userId);
    }

    private bump(state: UserState, pair: Pair): string {
        const k = `${pair[0]}/${pair[1]}`;
        if (state.lastKey !== k) {
            state.lastKey = k;
            state.sequence += 1;
        }
        return String(state.sequence).padStart(16, '0');
    }

    private purge(state: UserState): void {
        const now = this.now();
        for (const [id, s] of state.sessions) {
            if (s.expiresAt !== undefined && now >= s.expiresAt) {
                state.sessions.delete(id);
            }
        }
        if (state.preferred && now >= state.preferred.expiresAt) {
            delete state.preferred;
        }
        if (state.statusMessage?.expiresAt !== undefined && now >= state.statusMessage.expiresAt) {
            delete state.statusMessage;
        }
    }

    private state(userId: string): UserState {
        const k = key(userId);
        let state = this.users.get(k);
        if (!state) {
            state = { sessions: new Map(), sequence: 0 };
            this.users.set(k, state);
        }
        return state;
    }
}

/** Object ids are GUIDs; Graph compares them case-insensitively. */
function key(userId: string): string {
    return userId.toLowerCase();
}
