import {
    afterFailure,
    afterThrottle,
    backoffDelay,
    CIRCUIT_OPEN_MS,
    CIRCUIT_THRESHOLD,
    mayRequest,
    NO_RETRY,
    parseHttpDate,
    THROTTLE_BASE_MS,
    parseRetryAfter
} from 'c/presenceSyncCore';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);

describe('c-presence-sync-core', () => {
    describe('parseRetryAfter', () => {
        it.each([
            ['0', NOW],
            ['30', NOW + 30_000],
            [' 120 ', NOW + 120_000]
        ])('reads delta-seconds %p', (header, expected) => {
            expect(parseRetryAfter(header, NOW)).toBe(expected);
        });

        it.each([
            ['Tue, 24 Nov 2026 12:00:45 GMT', NOW + 45_000],
            ['Tuesday, 24-Nov-26 12:01:00 GMT', NOW + 60_000],
            ['Tue Nov 24 12:00:10 2026', NOW + 10_000],
            ['tue,  24 nov 2026 12:00:05 gmt', NOW + 5_000]
        ])('reads the HTTP-date %p exactly', (header, expected) => {
            expect(parseRetryAfter(header, NOW)).toBe(expected);
        });

        it('treats a date in the past as now', () => {
            expect(parseRetryAfter('Tue, 24 Nov 2026 11:00:00 GMT', NOW)).toBe(NOW);
        });

        it.each([[undefined], [null], [''], ['-5'], ['1.5'], ['soon'], ['Tue, 31 Nov 2026 12:00:00 GMT']])(
            'returns null for %p',
            (header) => {
                expect(parseRetryAfter(header, NOW)).toBeNull();
            }
        );
    });

    describe('parseHttpDate', () => {
        it('agrees with the platform parser on every format, leap days and both centuries of RFC 850', () => {
            for (const text of [
                'Sun, 06 Nov 1994 08:49:37 GMT',
                'Sunday, 06-Nov-94 08:49:37 GMT',
                'Sun Nov  6 08:49:37 1994',
                'Thu, 29 Feb 2024 23:59:59 GMT',
                'Wed, 01 Mar 2000 00:00:00 GMT',
                'Friday, 31-Dec-49 10:00:00 GMT',
                'Mon, 31 Jan 2000 00:00:00 GMT'
            ]) {
                expect(parseHttpDate(text)).toBe(
                    Date.parse(`${text.replace(/-/g, ' ')}${text.endsWith('GMT') ? '' : ' GMT'}`)
                );
            }
        });

        it.each([
            'Thu, 29 Feb 2023 00:00:00 GMT',
            'Sat, 29 Feb 1900 00:00:00 GMT',
            'Sun, 06 Foo 1994 08:49:37 GMT',
            'Sun, 06 Nov 1994 24:00:00 GMT',
            'Sun, 06 Nov 1994 08:60:00 GMT',
            'Sun, 06 Nov 1994 08:00:61 GMT',
            'Sun, 00 Nov 1994 08:00:00 GMT'
        ])('rejects the impossible date %p', (text) => {
            expect(parseHttpDate(text)).toBeNull();
        });

        it('accepts a leap second and 29 February of a year divisible by 400', () => {
            expect(parseHttpDate('Sat, 29 Feb 2000 00:00:60 GMT')).toBe(Date.UTC(2000, 1, 29, 0, 1, 0));
        });
    });

    describe('backoffDelay', () => {
        it.each([
            [1, 0, 500],
            [1, 0.999999, 1000],
            [2, 0.5, 1500],
            [4, 0, 4000],
            [20, 0, 150_000],
            [20, 1, 300_000]
        ])('after %p failures with random %p waits %p ms', (failures, random, expected) => {
            expect(backoffDelay(failures, random)).toBe(expected);
        });

        it('clamps a random number outside [0, 1) and a failure count below 1', () => {
            expect(backoffDelay(0, -3)).toBe(500);
            expect(backoffDelay(1, 7)).toBe(1000);
            expect(backoffDelay(10_000, 0.5, 10, 100)).toBe(75);
        });
    });

    describe('retry state', () => {
        it('waits exactly Retry-After after a 429 and does not count it as a failure', () => {
            expect(afterThrottle(NO_RETRY, '12', NOW, 0.5)).toEqual({
                failures: 0,
                throttles: 1,
                circuitOpen: false,
                waitUntil: NOW + 12_000,
                reason: 'throttled'
            });
        });

        it('backs off exponentially after a 429 without a usable Retry-After, growing with each 429 up to 5 minutes', () => {
            expect(afterThrottle(NO_RETRY, 'later', NOW, 0).waitUntil).toBe(NOW + THROTTLE_BASE_MS / 2);
            expect(afterThrottle(NO_RETRY, undefined, NOW, 1).waitUntil).toBe(NOW + THROTTLE_BASE_MS);
            // a browser that cannot read Retry-After (not exposed over CORS) sees 429 after 429
            let retry = NO_RETRY;
            let now = NOW;
            const waits: number[] = [];
            for (let i = 0; i < 10; i++) {
                retry = afterThrottle(retry, undefined, now, 1);
                waits.push(Number(retry.waitUntil) - now);
                now = Number(retry.waitUntil);
            }
            expect(waits).toEqual([
                3000, 6000, 12_000, 24_000, 48_000, 96_000, 192_000, 300_000, 300_000, 300_000
            ]);
            // 429s never open the circuit
            expect([retry.failures, retry.circuitOpen, retry.reason]).toEqual([0, false, 'throttled']);
        });

        it('honours Retry-After on a 503 as well (never earlier than the backoff)', () => {
            expect(afterFailure(NO_RETRY, NOW, 0, '30').waitUntil).toBe(NOW + 30_000);
            expect(afterFailure(NO_RETRY, NOW, 0, 'Tue, 24 Nov 2026 12:01:00 GMT').waitUntil).toBe(
                NOW + 60_000
            );
            expect(afterFailure(NO_RETRY, NOW, 0, '0').waitUntil).toBe(NOW + 500);
        });

        it('never shortens a longer wait that is already running', () => {
            const open = {
                failures: 5,
                throttles: 0,
                circuitOpen: true,
                waitUntil: NOW + CIRCUIT_OPEN_MS,
                reason: 'circuit' as const
            };
            expect(afterThrottle(open, '1', NOW, 0)).toEqual({ ...open, throttles: 1 });
            expect(afterFailure({ ...NO_RETRY, waitUntil: NOW + 60_000 }, NOW, 0).waitUntil).toBe(
                NOW + 60_000
            );
        });

        it(`opens the circuit after ${CIRCUIT_THRESHOLD} failures in a row and waits ${CIRCUIT_OPEN_MS} ms`, () => {
            let retry = NO_RETRY;
            const waits: number[] = [];
            for (let i = 0; i < CIRCUIT_THRESHOLD; i++) {
                retry = afterFailure(retry, NOW, 0);
                waits.push((retry.waitUntil ?? 0) - NOW);
            }
            expect(waits).toEqual([500, 1000, 2000, 4000, CIRCUIT_OPEN_MS]);
            expect(retry).toEqual({
                failures: 5,
                throttles: 0,
                circuitOpen: true,
                waitUntil: NOW + CIRCUIT_OPEN_MS,
                reason: 'circuit'
            });
        });

        it('allows requests only from the wait instant on', () => {
            const retry = afterThrottle(NO_RETRY, '10', NOW, 0);
            expect([
                mayRequest(NO_RETRY, NOW),
                mayRequest(retry, NOW + 9_999),
                mayRequest(retry, NOW + 10_000)
            ]).toEqual([true, false, true]);
        });
    });
});
