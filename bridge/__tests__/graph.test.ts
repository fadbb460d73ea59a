import { GRAPH_TIMEOUT_MS, inlineRetryAt, retryAfterInstant } from '../graph';
import { response } from './fakes';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0, 250);

describe('bridge Graph client: inline retry of 503/504', () => {
    it('reads Retry-After exactly: seconds, or an HTTP-date to the millisecond, never rounded down', () => {
        expect(retryAfterInstant('2', NOW)).toBe(NOW + 2000);
        expect(retryAfterInstant('Tue, 24 Nov 2026 12:00:01 GMT', NOW)).toBe(
            Date.UTC(2026, 10, 24, 12, 0, 1)
        );
        expect(retryAfterInstant('Tue, 24 Nov 2026 11:00:00 GMT', NOW)).toBe(NOW);
        expect([retryAfterInstant(null, NOW), retryAfterInstant('soon', NOW)]).toEqual([null, null]);
    });

    it('retries a 503/504 once at its Retry-After instant when that is near and before the deadline', () => {
        const deadline = NOW + GRAPH_TIMEOUT_MS;
        const at = (status: number, headers: Record<string, string> = {}) =>
            inlineRetryAt(response({ status, headers }), NOW, deadline);
        expect(at(503, { 'Retry-After': '1' })).toBe(NOW + 1000);
        expect(at(504, { 'Retry-After': 'Tue, 24 Nov 2026 12:00:01 GMT' })).toBe(
            Date.UTC(2026, 10, 24, 12, 0, 1)
        );
        expect(at(503)).toBe(NOW + 500);
        // a long wait, a 429 (the core waits) and other statuses are answered at once
        expect([at(503, { 'Retry-After': '3' }), at(429, { 'Retry-After': '0' }), at(500)]).toEqual([
            null,
            null,
            null
        ]);
    });

    it('never retries when the wait would outlast the call deadline', () => {
        const r = response({ status: 503, headers: { 'Retry-After': '1' } });
        expect(inlineRetryAt(r, NOW, NOW + 1000)).toBeNull();
        expect(inlineRetryAt(r, NOW, NOW + 1001)).toBe(NOW + 1000);
    });
});
