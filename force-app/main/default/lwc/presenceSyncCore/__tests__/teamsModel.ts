/*
 * A reference model of what Teams holds for one user, written from the Graph documentation
 * (Microsoft Graph: presence resource, setPresence, setUserPreferredPresence, clearPresence,
 * https://learn.microsoft.com/graph/api/resources/presence) and independent of the core:
 * - client sessions (the Teams desktop client, which goes Away when idle and disappears when closed; a
 *   Teams meeting or call, each a session of its own);
 * - the app's session (one per app id) with its expiry (then it is gone), an Available session fading to
 *   AvailableInactive after 5 minutes and to Away after 10 without a refresh;
 * - the one preferred presence slot per user, set by the user (Teams client) or by the app, with its
 *   expiry (default 1 day for Busy and DoNotDisturb, 7 days for the others), shown only while at least
 *   one session exists;
 * - precedence preferred > sessions and, among sessions, DoNotDisturb > Busy > Available > Away;
 * - the presence object's version stamp (`sequenceNumber`), which starts lower again after a restart or
 *   for another account;
 * - optionally Teams reporting the app's Busy/InACall as Busy/Busy.
 * The model also says who put the shown state there and since when (`observe`), which the core cannot know.
 */
export interface Pair {
    availability: string;
    activity: string;
}

export interface TeamsModel {
    clients: Map<string, { pair: Pair; at: number }>;
    app: { pair: Pair; setAt: number; expiresAt: number } | null;
    preferred: {
        pair: Pair;
        byApp: boolean;
        setAt: number;
        expiresAt: number;
    } | null;
    /** version of the presence object; `sequenceNumber` is its zero-padded text */
    version: number;
    /** Teams reads the app's Busy/InACall back as Busy/Busy */
    busyEcho: boolean;
}

export type Source = 'userPreferred' | 'appPreferred' | 'client' | 'app' | 'none';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const RANK: Record<string, number> = { DoNotDisturb: 4, Busy: 3, Available: 2, Away: 1 };

export function newTeams(at: number, busyEcho = false): TeamsModel {
    return {
        clients: new Map([['desktop', { pair: { availability: 'Available', activity: 'Available' }, at }]]),
        app: null,
        preferred: null,
        version: 1000,
        busyEcho
    };
}

/** Default expiry of a preferred presence: 1 day for Busy and DoNotDisturb, 7 days for the others. */
export function preferredDefaultMs(pair: Pair): number {
    return pair.availability === 'Busy' || pair.availability === 'DoNotDisturb' ? DAY : 7 * DAY;
}

function appShows(app: NonNullable<TeamsModel['app']>, now: number): Pair | null {
    if (now >= app.expiresAt) return null;
    const { pair } = app;
    if (pair.availability === 'Available' && pair.activity === 'Available') {
        const age = now - app.setAt;
        if (age >= 10 * MINUTE) return { availability: 'Away', activity: 'Away' };
        if (age >= 5 * MINUTE) return { availability: 'Available', activity: 'AvailableInactive' };
    }
    return pair;
}

export interface Observed {
    pair: Pair;
    source: Source;
    /** when the state that shows was set (a client's state, the app's write, the preferred presence) */
    since: number;
}

/** Availability rank among sessions (Do not disturb > Busy > Available > Away). */
export function rankOf(pair: Pair): number {
    return RANK[pair.availability] ?? 0;
}

/** What GET /me/presence returns at `now`, who put it there and since when. */
export function observe(m: TeamsModel, now: number): Observed {
    const sessions: Observed[] = [...m.clients.values()].map((c) => ({
        pair: c.pair,
        source: 'client',
        since: c.at
    }));
    const shown = m.app && appShows(m.app, now);
    if (shown) sessions.push({ pair: shown, source: 'app', since: m.app?.setAt ?? now });
    if (sessions.length === 0)
        return { pair: { availability: 'Offline', activity: 'Offline' }, source: 'none', since: now };
    if (m.preferred && now < m.preferred.expiresAt) {
        const source = m.preferred.byApp ? 'appPreferred' : 'userPreferred';
        return { pair: m.preferred.pair, source, since: m.preferred.setAt };
    }
    // among sessions of the same rank the order is undocumented: client sessions first (a stable sort)
    sessions.sort((a, b) => (RANK[b.pair.availability] ?? 0) - (RANK[a.pair.availability] ?? 0));
    const top = sessions[0];
    if (
        m.busyEcho &&
        top.source === 'app' &&
        top.pair.availability === 'Busy' &&
        top.pair.activity === 'InACall'
    ) {
        return { pair: { availability: 'Busy', activity: 'Busy' }, source: 'app', since: top.since };
    }
    return top;
}

/** What GET /me/presence returns at `now`. */
export function aggregate(m: TeamsModel, now: number): Pair {
    return observe(m, now).pair;
}

/** The presence object's `sequenceNumber`: lexicographically sortable within one counter's life. */
export function sequenceNumber(m: TeamsModel): string {
    return String(m.version).padStart(12, '0');
}

/** ISO-8601 PTnM / PTnH as ms (what setPresence and setUserPreferredPresence accept here). */
export function durationMs(iso: string): number {
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(iso);
    if (!m) throw new Error(`bad duration ${iso}`);
    return (Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * MINUTE;
}
