import { preciseWallClock } from '../clock';

/** Chromium's and Node's time origins were about 3 ms apart: far outside this */
const ANCHOR_TOLERANCE_MS = 0.5;

describe('preciseWallClock', () => {
    it('reads the wall clock to a fraction of a millisecond and never goes back', () => {
        const now = preciseWallClock();
        let previous = now();
        const fractions = new Set<number>();
        for (let i = 0; i < 2000; i++) {
            const before = Date.now();
            const precise = now();
            const after = Date.now();
            // Date.now() truncates: the precise time lies in [before, after + 1), less a small anchoring
            // error (a preempted anchor reads early) and the float's resolution at epoch milliseconds
            expect(precise).toBeGreaterThanOrEqual(before - ANCHOR_TOLERANCE_MS);
            expect(precise).toBeLessThan(after + 1);
            expect(precise).toBeGreaterThanOrEqual(previous);
            previous = precise;
            fractions.add(Math.round((precise % 1) * 10));
        }
        // not whole milliseconds
        expect(fractions.size).toBeGreaterThan(1);
    });
});
