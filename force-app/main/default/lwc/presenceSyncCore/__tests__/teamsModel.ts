/*
 * A reference model of Teams presence aggregation, written from the Graph documentation
 * (graph-and-msal.md 1.2-1.5) and independent of the core: client sessions, the app's session per app id
 * (expiry to Offline, Available fading to AvailableInactive after 5 min and to Away after 10), the
 * preferred presence (which needs at least one session), precedence preferred > sessions and, among
 * sessions, DoNotDisturb > Busy > Available > Away.
 */
export interface Pair {
    availability: string;
    activity: string;
}

export interface TeamsModel {
    clients: Map<string, { pair: Pair; at: number }>;
    app: { pair: Pair; setAt: number; expiresAt: number } | null;
    preferred: { pair: Pair; byApp: boolean } | null;
}

const MINUTE = 60_000;
const RANK: Record<string, number> = { DoNotDisturb: 4, Busy: 3, Available: 2, Away: 1 };

export function newTeams(at: number): TeamsModel {
    return {
        clients: new Map([['desktop', { pair: { availability: 'Available', activity: 'Available' }, at }]]),
        app: null,
        preferred: null
    };
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

/** What GET /me/presence returns at `now`. */
export function aggregate(m: TeamsModel, now: number): Pair {
    const sessions: Pair[] = [...m.clients.values()].map((c) => c.pair);
    const shown = m.app && appShows(m.app, now);
    if (shown) sessions.push(shown);
    if (sessions.length === 0) return { availability: 'Offline', activity: 'Offline' };
    if (m.preferred) return m.preferred.pair;
    // among sessions of the same rank the order is undocumented: client sessions first (a stable sort)
    sessions.sort((a, b) => (RANK[b.availability] ?? 0) - (RANK[a.availability] ?? 0));
    return sessions[0];
}

/** ISO-8601 PTnM / PTnH as ms (what setPresence accepts). */
export function durationMs(iso: string): number {
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(iso);
    if (!m) throw new Error(`bad duration ${iso}`);
    return (Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * MINUTE;
}
