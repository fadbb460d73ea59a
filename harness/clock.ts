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
