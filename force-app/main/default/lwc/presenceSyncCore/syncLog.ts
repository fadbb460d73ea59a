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
