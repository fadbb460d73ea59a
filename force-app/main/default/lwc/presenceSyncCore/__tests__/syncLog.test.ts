import { appendEntry, emptyLog, historyEntries, recentEntries, SYNC_LOG_CAPACITY } from 'c/presenceSyncCore';
import type { SyncLogEntry } from 'c/presenceSyncCore';

const entry = (at: number): SyncLogEntry => ({ at, source: 'sync', from: null, to: null, reason: 'test' });

describe('c-presence-sync-core', () => {
    describe('sync log', () => {
        it('history: one row per thing that happened, without bookkeeping, same-value changes or repeats', () => {
            const rows: [string, string | null, string | null, string][] = [
                ['salesforce', 'Available', 'Away', 'manual'],
                ['sync', 'Available/Available', 'Away/Away', 'write'],
                ['teams', 'Away/Away', 'Away/Away', 'echo'],
                ['sync', null, null, 'leader'],
                ['teams', null, 'Away/Away', 'stale'],
                ['teams', 'Away/Away', 'Away/Away', 'masked'],
                ['teams', 'Away/Away', 'Busy/Busy', 'inSync'],
                ['user', null, null, 'connectRequested'],
                ['teams', null, 'Away/Away', 'initial'],
                ['sync', null, null, 'clearOnDisconnect'],
                ['sync', null, null, 'userDisconnected'],
                ['sync', null, null, 'userDisconnected']
            ];
            let log = emptyLog();
            rows.forEach(([source, from, to, reason], at) => {
                log = appendEntry(log, { at, source: source as SyncLogEntry['source'], from, to, reason });
            });
            expect(historyEntries(log, 10).map((e) => [e.at, e.reason])).toEqual([
                [10, 'userDisconnected'],
                [9, 'clearOnDisconnect'],
                [1, 'write'],
                [0, 'manual']
            ]);
            expect(historyEntries(log, 2).map((e) => e.at)).toEqual([10, 9]);
        });

        it('history: the same state again is no news, even with other rows in between', () => {
            const rows: [string, string | null, string | null, string][] = [
                ['sync', null, null, 'signInRequired'],
                ['salesforce', 'Offline', 'Available', 'login'],
                ['sync', null, null, 'signInRequired'],
                ['user', null, null, 'signedIn'],
                ['sync', null, null, 'signInRequired']
            ];
            let log = emptyLog();
            rows.forEach(([source, from, to, reason], at) => {
                log = appendEntry(log, { at, source: source as SyncLogEntry['source'], from, to, reason });
            });
            expect(historyEntries(log, 10).map((e) => [e.at, e.reason])).toEqual([
                [4, 'signInRequired'],
                [3, 'signedIn'],
                [1, 'login'],
                [0, 'signInRequired']
            ]);
        });

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
