import {
    HEARTBEAT_MS,
    HealthReporter,
    MAX_WRITES_PER_HOUR,
    WRITE_REFILL_MS,
    reportedHealth
} from '../healthReport';
import type { HealthRecord } from '../healthReport';

/** A manual clock: timers fire only when the test moves time. */
function harness() {
    let now = 1_000_000;
    let nextId = 1;
    const timers = new Map<number, { at: number; fn: () => void }>();
    const writes: HealthRecord[] = [];
    const reporter = new HealthReporter({
        now: () => now,
        setTimeout: (fn, ms) => {
            const id = nextId++;
            timers.set(id, { at: now + ms, fn });
            return id;
        },
        clearTimeout: (handle) => timers.delete(handle as number),
        write: (record) => {
            writes.push(record);
            return Promise.resolve();
        }
    });
    const advance = (ms: number): void => {
        const end = now + ms;
        for (;;) {
            const due = [...timers.entries()]
                .filter(([, t]) => t.at <= end)
                .sort((a, b) => a[1].at - b[1].at)[0];
            if (due === undefined) break;
            timers.delete(due[0]);
            now = due[1].at;
            due[1].fn();
        }
        now = end;
    };
    return { reporter, writes, advance, now: () => now };
}

describe('health report', () => {
    it('writes the first health at once, and nothing more while nothing changes until the heartbeat', () => {
        const h = harness();
        h.reporter.update('syncing');
        expect(h.writes).toEqual([{ health: 'syncing', heartbeatAt: h.now(), lastSyncAt: h.now() }]);
        for (let i = 0; i < 20; i += 1) {
            h.advance(10_000);
            h.reporter.update('syncing');
        }
        expect(h.writes).toHaveLength(1);
        h.advance(HEARTBEAT_MS - 200_000);
        expect(h.writes).toHaveLength(2);
        expect(h.writes[1]?.health).toBe('syncing');
    });

    it('writes one record for a change of health', () => {
        const h = harness();
        h.reporter.update('syncing');
        h.advance(2 * 60_000);
        h.reporter.update('throttled');
        h.reporter.update('throttled');
        expect(h.writes.map((w) => w.health)).toEqual(['syncing', 'throttled']);
        // the last successful sync stays when it was, the heartbeat is now
        expect(h.writes[1]?.lastSyncAt).toBe(h.writes[0]?.heartbeatAt);
        expect(h.writes[1]?.heartbeatAt).toBe(h.now());
    });

    it('writes a burst of changes at once, then coalesces the next changes into one write per refill', () => {
        const h = harness();
        h.reporter.update('signInRequired');
        h.advance(5_000);
        h.reporter.update('syncing');
        h.advance(5_000);
        h.reporter.update('throttled');
        // three writes at once (start-up reaches the dashboard without delay)
        expect(h.writes.map((w) => w.health)).toEqual(['signInRequired', 'syncing', 'throttled']);
        h.reporter.update('syncing');
        h.reporter.update('paused');
        expect(h.writes).toHaveLength(3);
        h.advance(WRITE_REFILL_MS);
        expect(h.writes.map((w) => w.health)).toEqual(['signInRequired', 'syncing', 'throttled', 'paused']);
    });

    it('a change back to the written health while waiting for a token writes nothing', () => {
        const h = harness();
        h.reporter.update('syncing');
        h.reporter.update('throttled');
        h.reporter.update('syncing');
        expect(h.writes).toHaveLength(3);
        h.reporter.update('paused');
        h.reporter.update('syncing');
        h.advance(WRITE_REFILL_MS * 2);
        expect(h.writes).toHaveLength(3);
    });

    it('stays within the bound of writes per hour even when the health flaps every second', () => {
        const h = harness();
        expect(MAX_WRITES_PER_HOUR).toBe(33);
        for (let s = 0; s < 2 * 3600; s += 1) {
            h.reporter.update(s % 2 === 0 ? 'syncing' : 'throttled');
            h.advance(1000);
        }
        // every hour-long window: at most the bound
        const times = h.writes.map((w) => w.heartbeatAt);
        for (const start of times) {
            const inHour = times.filter((t) => t >= start && t < start + 3600_000).length;
            expect(inHour).toBeLessThanOrEqual(MAX_WRITES_PER_HOUR);
        }
        expect(times.length).toBeGreaterThan(40);
    });

    it('writes nothing after dispose (the dashboard then sees the heartbeat age)', () => {
        const h = harness();
        h.reporter.update('syncing');
        h.reporter.dispose();
        h.reporter.update('paused');
        h.advance(HEARTBEAT_MS * 3);
        expect(h.writes).toHaveLength(1);
    });

    it('reports nothing while starting or in a follower tab, and words each connector health', () => {
        const h = harness();
        h.reporter.update(reportedHealth('starting'));
        h.reporter.update(reportedHealth('follower'));
        h.advance(HEARTBEAT_MS * 2);
        expect(h.writes).toEqual([]);
        expect(reportedHealth('consentRequired')).toBe('signInRequired');
        expect(reportedHealth('stopped')).toBe('signInRequired');
        expect(reportedHealth('circuitOpen')).toBe('throttled');
        expect(reportedHealth('retrying')).toBe('throttled');
        expect(reportedHealth('paused')).toBe('paused');
    });
});
