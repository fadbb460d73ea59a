import {
    BUDGET_REQUESTS_PER_WINDOW,
    DEFAULT_KEEP_ALIVE_SECONDS,
    GRAPH_PRESENCE_LIMIT,
    GRAPH_PRESENCE_WINDOW_SECONDS,
    pollBudget
} from 'c/presenceSyncCore';

describe('c-presence-sync-core', () => {
    describe('pollBudget', () => {
        it('exports the budget: 80 % of 1,500 presence requests per 30 s, keep-alive every 4 minutes', () => {
            expect([GRAPH_PRESENCE_LIMIT, GRAPH_PRESENCE_WINDOW_SECONDS, BUDGET_REQUESTS_PER_WINDOW]).toEqual(
                [1500, 30, 1200]
            );
            expect(DEFAULT_KEEP_ALIVE_SECONDS).toBe(240);
        });

        it('polls at the floor for a small tenant', () => {
            expect(pollBudget(10, { floorSeconds: 10, ceilingSeconds: 60 })).toEqual({
                pollMs: 10_000,
                keepAliveMs: 240_000,
                tenantRequestsPerWindow: 10 * 30 * (1 / 10 + 1 / 240),
                budgetLimited: false,
                keepAliveStretched: false
            });
        });

        it('polls at the ceiling while the page is hidden', () => {
            expect(pollBudget(10, { floorSeconds: 10, ceilingSeconds: 60, hidden: true }).pollMs).toBe(
                60_000
            );
        });

        it('slows down below the floor when the tenant is large, keep-alives counted', () => {
            // 1,000 agents share 40 requests/s; keep-alives take 1,000/240 of them
            const b = pollBudget(1000, { floorSeconds: 10, ceilingSeconds: 60 });
            expect(b.pollMs).toBe(Math.ceil(1000 / (40 / 1000 - 1 / 240)));
            expect(b.budgetLimited).toBe(true);
            expect(b.tenantRequestsPerWindow).toBeLessThanOrEqual(1200);
        });

        it('spreads keep-alives out too when they alone would take more than half of the share', () => {
            const b = pollBudget(10_000, { floorSeconds: 10, ceilingSeconds: 60 });
            expect(b.keepAliveStretched).toBe(true);
            expect(b.keepAliveMs).toBe(500_000);
            expect(b.pollMs).toBe(500_000);
            expect(b.tenantRequestsPerWindow).toBeCloseTo(1200, 6);
        });

        it('uses the documented defaults for missing or invalid options and agent counts', () => {
            const defaults = pollBudget(1);
            expect(defaults.pollMs).toBe(2_000);
            // with the sync's two requests per keep-alive the delivered floor holds for up to 78 agents;
            // 100 agents poll at the budget's 2.6 s
            const sync = { keepAliveRequests: 2 };
            expect(pollBudget(78, sync).budgetLimited).toBe(false);
            expect(pollBudget(79, sync).budgetLimited).toBe(true);
            expect(pollBudget(100, sync).pollMs).toBe(Math.ceil(1000 / (40 / 100 - 2 / 240)));
            expect(
                pollBudget(Number.NaN, { floorSeconds: -1, ceilingSeconds: 0, keepAliveSeconds: Infinity })
            ).toEqual(defaults);
            expect(pollBudget(0.5)).toEqual(defaults);
        });

        it('counts every request of a keep-alive (session write, preferred renewal) against the budget', () => {
            const one = pollBudget(1000, { floorSeconds: 10, ceilingSeconds: 60 });
            const three = pollBudget(1000, { floorSeconds: 10, ceilingSeconds: 60, keepAliveRequests: 3 });
            expect(three.pollMs).toBe(Math.ceil(1000 / (40 / 1000 - 3 / 240)));
            expect(three.pollMs).toBeGreaterThan(one.pollMs);
            expect(three.tenantRequestsPerWindow).toBeCloseTo(
                1000 * 30_000 * (1 / three.pollMs + 3 / 240_000),
                6
            );
            expect(three.tenantRequestsPerWindow).toBeLessThanOrEqual(1200);
            // 4,000 agents: three requests every 240 s would take more than half of the share
            expect(pollBudget(4000, { keepAliveRequests: 3 }).keepAliveStretched).toBe(true);
        });

        it('never polls slower than the floor because of a ceiling below it', () => {
            expect(pollBudget(1, { floorSeconds: 30, ceilingSeconds: 5, hidden: true }).pollMs).toBe(30_000);
        });
    });
});
