/**
 * The harness's virtual clock: real time plus an offset that tests can advance. Presence fade and
 * expiry, preferred-presence expiry and the access tokens' iat/exp follow it (docs/harness.md).
 */
export interface Clock {
    /** Virtual now, in epoch milliseconds. */
    now(): number;
    /** Moves virtual time forward (never backward). */
    advance(ms: number): void;
    /** Virtual minus real time, in milliseconds. */
    offset(): number;
    /** Back to real time. */
    reset(): void;
}

export function createClock(realNow: () => number = Date.now): Clock {
    let offsetMs = 0;
    return {
        now: () => realNow() + offsetMs,
        advance(ms: number) {
            if (!Number.isFinite(ms) || ms < 0) {
                throw new RangeError(`clock.advance needs a non-negative number of milliseconds, got ${ms}`);
            }
            offsetMs += ms;
        },
        offset: () => offsetMs,
        reset() {
            offsetMs = 0;
        }
    };
}

/**
 * Where the monotonic `performance.now()` is zero on the wall clock (epoch ms), to a fraction of a
 * millisecond: anchored at the instants `Date.now()` ticks to its next millisecond. A tick seen late
 * (the thread was preempted between the two reads) gives an anchor too small, never too large, so the
 * largest of `ticks` anchors is kept (spinning for about that many milliseconds). Self-contained, so
 * that a page can run it too (`page.evaluate(wallClockOrigin, ANCHOR_TICKS)`, scripts/bench/sync.bench.ts).
 */
export function wallClockOrigin(ticks: number): number {
    let origin = -Infinity;
    for (let i = 0; i < ticks; i++) {
        const before = Date.now();
        let tick = Date.now();
        while (tick === before) tick = Date.now();
        origin = Math.max(origin, tick - performance.now());
    }
    return origin;
}

/** how many Date.now() ticks a wall clock is anchored at */
export const ANCHOR_TICKS = 20;

/**
 * Wall-clock time (epoch ms) with sub-millisecond precision (wallClockOrigin, anchored once).
 * `performance.timeOrigin + performance.now()` is not a substitute: Node and Chromium each take their
 * time origin their own way, and the two differed by about 3 ms on this machine, more than a loopback
 * Graph write takes.
 */
export function preciseWallClock(): () => number {
    const origin = wallClockOrigin(ANCHOR_TICKS);
    return () => origin + performance.now();
}
