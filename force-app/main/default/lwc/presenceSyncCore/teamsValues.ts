/*
 * Teams (Graph) presence values: case-insensitive parsing into the documented spelling, comparison, and
 * the availability/activity pairs Graph documents.
 */
import { ACTIVITIES, ANY_ACTIVITY, AVAILABILITIES } from './types';
import type { Activity, Availability, RowActivity, TeamsPair } from './types';

const AVAILABILITY_BY_KEY = new Map<string, Availability>(AVAILABILITIES.map((a) => [a.toLowerCase(), a]));
const ACTIVITY_BY_KEY = new Map<string, Activity>(ACTIVITIES.map((a) => [a.toLowerCase(), a]));

/** Availabilities Teams reports only in passing (idle, unknown); they never change Salesforce on their own. */
export const TRANSIENT_AVAILABILITIES: readonly Availability[] = [
    'AvailableIdle',
    'BusyIdle',
    'PresenceUnknown'
];
/** Activities Teams reports only in passing (the fade of an Available session, idle, unknown). */
export const TRANSIENT_ACTIVITIES: readonly Activity[] = ['AvailableInactive', 'Inactive', 'PresenceUnknown'];

/**
 * The availability/activity pairs Graph documents: the Teams-state table of the presence concept page,
 * the pairs setPresence and setUserPreferredPresence accept, the fade of an Available session
 * (AvailableInactive), what a cleared or expired session shows (Offline/Offline), Viva Focusing and
 * urgent-interruptions-only (DoNotDisturb), and the idle/unknown values.
 */
const DOCUMENTED_PAIRS: readonly TeamsPair[] = [
    { availability: 'Available', activity: 'Available' },
    { availability: 'Available', activity: 'AvailableInactive' },
    { availability: 'Available', activity: 'OutOfOffice' },
    { availability: 'AvailableIdle', activity: 'Available' },
    { availability: 'AvailableIdle', activity: 'Inactive' },
    { availability: 'Away', activity: 'Away' },
    { availability: 'Away', activity: 'OutOfOffice' },
    { availability: 'BeRightBack', activity: 'BeRightBack' },
    { availability: 'Busy', activity: 'Busy' },
    { availability: 'Busy', activity: 'InACall' },
    { availability: 'Busy', activity: 'InAConferenceCall' },
    { availability: 'Busy', activity: 'InAMeeting' },
    { availability: 'BusyIdle', activity: 'Busy' },
    { availability: 'BusyIdle', activity: 'Inactive' },
    { availability: 'DoNotDisturb', activity: 'DoNotDisturb' },
    { availability: 'DoNotDisturb', activity: 'Presenting' },
    { availability: 'DoNotDisturb', activity: 'Focusing' },
    { availability: 'DoNotDisturb', activity: 'UrgentInterruptionsOnly' },
    { availability: 'Offline', activity: 'OffWork' },
    { availability: 'Offline', activity: 'Offline' },
    { availability: 'Offline', activity: 'OutOfOffice' },
    { availability: 'PresenceUnknown', activity: 'PresenceUnknown' }
];

/** A fresh copy of the documented pairs (callers may sort or filter it). */
export function documentedTeamsPairs(): TeamsPair[] {
    return DOCUMENTED_PAIRS.map((p) => ({ availability: p.availability, activity: p.activity }));
}

function key(value: unknown): string | null {
    return typeof value === 'string' ? value.trim().toLowerCase() : null;
}

/** An availability in its documented spelling, or null when the value is not a documented availability. */
export function normalizeAvailability(value: unknown): Availability | null {
    return AVAILABILITY_BY_KEY.get(key(value) ?? '') ?? null;
}

/** An activity in its documented spelling, or null when it is not a documented activity. */
export function normalizeActivity(value: unknown): Activity | null {
    return ACTIVITY_BY_KEY.get(key(value) ?? '') ?? null;
}

/** A row activity: a documented activity or `Any`, or null. */
export function normalizeRowActivity(value: unknown): RowActivity | null {
    return key(value) === ANY_ACTIVITY.toLowerCase() ? ANY_ACTIVITY : normalizeActivity(value);
}

/**
 * Presence as Graph returned it (any case, surrounding blanks) in the documented spelling, or null when the
 * input is not an object with a documented availability and a documented activity.
 */
export function normalizeTeamsPresence(presence: unknown): TeamsPair | null {
    if (typeof presence !== 'object' || presence === null) return null;
    const availability = normalizeAvailability(Reflect.get(presence, 'availability'));
    const activity = normalizeActivity(Reflect.get(presence, 'activity'));
    return availability && activity ? { availability, activity } : null;
}

/**
 * Whether two readings are the same presence: compared case-insensitively and ignoring surrounding blanks,
 * so undocumented values compare too. A missing reading (null) equals only another missing reading.
 */
export function samePresence(
    a: { availability: string; activity: string } | null | undefined,
    b: { availability: string; activity: string } | null | undefined
): boolean {
    if (!a || !b) return !a && !b;
    return key(a.availability) === key(b.availability) && key(a.activity) === key(b.activity);
}

/** Whether a documented pair is one Teams shows only in passing (idle, fading, unknown). */
export function isTransientPresence(pair: TeamsPair): boolean {
    return (
        TRANSIENT_AVAILABILITIES.includes(pair.availability) || TRANSIENT_ACTIVITIES.includes(pair.activity)
    );
}

/** `availability/activity` in the documented spelling, for messages and map keys. */
export function pairLabel(pair: { availability: string; activity: string }): string {
    return `${pair.availability}/${pair.activity}`;
}

/** Precedence of sessions by availability (Do not disturb > Busy > Available > Away), 0 for the rest. */
const SESSION_RANK: Record<string, number> = { donotdisturb: 4, busy: 3, available: 2, away: 1 };

/** The highest rank: every session of the agent's may be hidden. */
export const ANY_SESSION_RANK = 4;

/** The precedence rank of a reading as a session (Graph, "Manage presence state"). */
export function sessionRank(p: { availability: string }): number {
    return SESSION_RANK[p.availability.toLowerCase()] ?? 0;
}

/**
 * Pairs only a preferred presence shows: no Teams client, meeting or call session reports them (the
 * Teams-state table of the presence concept page), so a reading with one of them is a preferred presence
 * (or, for Busy/Busy, the app's own Busy/InACall read back: callers check the app's session first).
 */
const PREFERRED_ONLY: readonly TeamsPair[] = [
    { availability: 'Busy', activity: 'Busy' },
    { availability: 'DoNotDisturb', activity: 'DoNotDisturb' },
    { availability: 'BeRightBack', activity: 'BeRightBack' },
    { availability: 'Offline', activity: 'OffWork' }
];

export function isPreferredOnly(p: { availability: string; activity: string }): boolean {
    return PREFERRED_ONLY.some((q) => samePresence(q, p));
}

const BUSY_IN_A_CALL = { availability: 'Busy', activity: 'InACall' };
const BUSY_BUSY = { availability: 'Busy', activity: 'Busy' };

/** Whether a reading shows a pair the app wrote (Teams may echo Busy/InACall as Busy/Busy). */
export function showsPair(
    reading: { availability: string; activity: string },
    wrote: { availability: string; activity: string }
): boolean {
    if (samePresence(reading, wrote)) return true;
    return samePresence(wrote, BUSY_IN_A_CALL) && samePresence(reading, BUSY_BUSY);
}
