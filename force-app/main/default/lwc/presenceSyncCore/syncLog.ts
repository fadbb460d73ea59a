/*
 * The bounded sync log: a ring buffer of the last `capacity` decisions. Appending copies one array of at
 * most `capacity` entries, so memory stays constant over a shift however many decisions are made.
 */
import type { SyncLogEntry } from './types';

export const SYNC_LOG_CAPACITY = 50;

export interface SyncLog {
    readonly capacity: number;
    /** slot the next entry overwrites once the log is full */
    readonly next: number;
    /** grows to `capacity`, then entries are overwritten oldest first */
    readonly slots: readonly SyncLogEntry[];
}

/** An empty log with room for `capacity` entries (at least 1). */
export function emptyLog(capacity = SYNC_LOG_CAPACITY): SyncLog {
    return { capacity: Math.max(1, Math.floor(capacity)), next: 0, slots: [] };
}

/** Pure: the log with `entry` added, the oldest entry dropped when full. */
export function appendEntry(log: SyncLog, entry: SyncLogEntry): SyncLog {
    const slots = log.slots.slice();
    slots[log.next] = entry;
    return { capacity: log.capacity, next: (log.next + 1) % log.capacity, slots };
}

/** The last `count` entries, most recent first. */
export function recentEntries(log: SyncLog, count = log.capacity): SyncLogEntry[] {
    const size = log.slots.length;
    const result: SyncLogEntry[] = [];
    for (let i = 1; i <= Math.min(count, size); i++) {
        result.push(log.slots[(log.next - i + size) % size]);
    }
    return result;
}

/**
 * Decisions that are bookkeeping, not something the agent saw happen: the app's own write read back,
 * a reading that already agreed, an outdated reading, the first reading, this tab taking the lead and the
 * click on Connect (its outcome follows as its own entry). They stay in the runner's log.
 */
const NOT_FOR_PEOPLE: readonly string[] = [
    'echo',
    'inSync',
    'stale',
    'initial',
    'leader',
    'connectRequested'
];

function sameEntry(a: SyncLogEntry, b: SyncLogEntry): boolean {
    return a.source === b.source && a.from === b.from && a.to === b.to && a.reason === b.reason;
}

/**
 * The history a person reads, most recent first, at most `count` rows: one row per thing that happened.
 * Bookkeeping decisions are left out, so is a change to the same value ("Away → Away"), an entry that
 * repeats the one before it (a disconnect reported by the app and again by the bridge), and a state
 * entry that repeats the last state entry (sign-in required again after the bridge starts over).
 */
export function historyEntries(log: SyncLog, count: number): SyncLogEntry[] {
    const chronological = recentEntries(log).reverse();
    const kept: SyncLogEntry[] = [];
    // the last state entry kept (sign-in, pause, leadership: no values): the same state again is no news,
    // even with Salesforce changes in between
    let lastState: SyncLogEntry | undefined;
    for (const entry of chronological) {
        if (NOT_FOR_PEOPLE.includes(entry.reason)) continue;
        if (entry.from !== null && entry.from === entry.to) continue;
        const previous = kept[kept.length - 1];
        if (previous !== undefined && sameEntry(previous, entry)) continue;
        const state = entry.from === null && entry.to === null;
        if (state && lastState !== undefined && sameEntry(lastState, entry)) continue;
        if (state) lastState = entry;
        kept.push(entry);
    }
    return kept.slice(-count).reverse();
}
