import { appendEntry, emptyLog, recentEntries, SYNC_LOG_CAPACITY } from 'c/presenceSyncCore';
import type { SyncLogEntry } from 'c/presenceSyncCore';

const entry = (at: number): SyncLogEntry => ({ at, source: 'sync', from: null, to: null, reason: 'test' });

describe('c-presence-sync-core', () => {
    describe('sync log', () => {
        it('starts empty with the default capacity', () => {
            expect(emptyLog()).toEqual({ capacity: SYNC_LOG_CAPACITY, next: 0, slots: [] });
            expect(recentEntries(emptyLog())).toEqual([]);
        });

        it('returns the entries most recent first, at most count', () => {
            let log = emptyLog(5);
            for (const at of [1, 2, 3]) log = appendEntry(log, entry(at));
            expect(recentEntries(log).map((e) => e.at)).toEqual([3, 2, 1]);
            expect(recentEntries(log, 2).map((e) => e.at)).toEqual([3, 2]);
        });

        it('keeps only the last capacity entries: constant memory however many are appended', () => {
            let log = emptyLog(3);
            for (let at = 1; at <= 1000; at++) log = appendEntry(log, entry(at));
            expect(log.slots).toHaveLength(3);
            expect(recentEntries(log).map((e) => e.at)).toEqual([1000, 999, 998]);
        });

        it('never changes the log it was given', () => {
            const log = appendEntry(emptyLog(2), entry(1));
            const copy = JSON.parse(JSON.stringify(log));
            appendEntry(log, entry(2));
            expect(log).toEqual(copy);
        });

        it('has room for at least one entry', () => {
            expect(recentEntries(appendEntry(appendEntry(emptyLog(0), entry(1)), entry(2)))).toEqual([
                entry(2)
            ]);
        });
    });
});
