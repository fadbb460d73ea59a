/**
 * Benchmark of the Live Agent Dashboard's data path (issue 6), for 500 and 5,000 agents:
 * - Graph requests per refresh (target ceil(n / 650): 1 and 8), counted at the refresher's Teams port;
 * - time to first render's data (Apex answer parsed, rows built against the configuration, sorted,
 *   filtered, first page of 100) and to a full refresh (Omni reload, every chunk read, rows rebuilt,
 *   first page), median of 15 runs each, and the 5,000 / 500 ratio (target <= 10, growth no worse than
 *   linear).
 * Measured in Node on the component's own modules (model.ts, refresh.ts) with instant ports. NOT yet
 * measured: the same in Chromium against the harness (DOM rendering, bridge round trips); the harness
 * dashboard page does not exist yet.
 *
 * Run: `node --expose-gc --import tsx scripts/bench/dashboard.bench.ts` (what `npm run bench` does).
 */
import { performance } from 'node:perf_hooks';
import {
    buildRows,
    DEFAULT_SORT,
    filterRows,
    NO_FILTER,
    pageOf,
    parseAgents,
    sortRows
} from '../../force-app/main/default/lwc/liveAgentDashboard/model';
import { DashboardRefresher } from '../../force-app/main/default/lwc/liveAgentDashboard/refresh';
import type { ReadResult } from '../../force-app/main/default/lwc/liveAgentDashboard/refresh';
import { parseConfiguration } from '../../force-app/main/default/lwc/presenceSyncCore/presenceSyncCore';
import type { Configuration } from '../../force-app/main/default/lwc/presenceSyncCore/presenceSyncCore';
import { DELIVERED_CONFIGURATIONS } from '../../force-app/main/default/lwc/presenceSyncDefaults/presenceSyncDefaults';

const STATUSES = ['Available', 'On_a_Call', 'Busy', 'Away', 'Be_Right_Back', 'Do_Not_Disturb'];
const PAIRS = [
    ['Available', 'Available'],
    ['Busy', 'InACall'],
    ['Busy', 'InAMeeting'],
    ['Away', 'Away'],
    ['DoNotDisturb', 'Presenting'],
    ['BeRightBack', 'BeRightBack']
];

function guid(i: number): string {
    return `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

/** The Apex answer for n agents, every one connected (has an object id). */
function apexAnswer(n: number): unknown {
    return {
        agents: Array.from({ length: n }, (_, i) => ({
            userId: `005${String(i).padStart(15, '0')}`,
            name: `Agent ${String(i).padStart(4, '0')}`,
            configurationId: 'cfg',
            entraObjectId: guid(i),
            statusApiName: STATUSES[i % STATUSES.length],
            statusLabel: STATUSES[i % STATUSES.length],
            statusStartDate: new Date(Date.now() - i * 1000).toISOString()
        }))
    };
}

function configuration(): Configuration {
    const parsed = parseConfiguration(DELIVERED_CONFIGURATIONS[0]);
    if (!parsed.ok) throw new Error('delivered configuration invalid');
    return parsed.configuration;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

async function measure(n: number): Promise<{ requests: number; firstMs: number; refreshMs: number }> {
    const configurations = new Map([['cfg', configuration()]]);
    const answer = apexAnswer(n);
    const firsts: number[] = [];
    const refreshes: number[] = [];
    let requests = 0;
    for (let run = 0; run < 15; run += 1) {
        const t0 = performance.now();
        const agents = parseAgents(JSON.parse(JSON.stringify(answer)));
        const rows = buildRows(agents, configurations, new Map());
        pageOf(sortRows(filterRows(rows, NO_FILTER), DEFAULT_SORT), 1);
        firsts.push(performance.now() - t0);

        let sent = 0;
        const refresher = new DashboardRefresher(
            {
                loadAgents: () => Promise.resolve(parseAgents(JSON.parse(JSON.stringify(answer)))),
                readPresences: (ids): Promise<ReadResult> => {
                    sent += 1;
                    return Promise.resolve({
                        ok: true,
                        value: {
                            presences: ids.map((id, k) => ({
                                id,
                                availability: PAIRS[k % PAIRS.length][0],
                                activity: PAIRS[k % PAIRS.length][1]
                            }))
                        }
                    });
                },
                now: () => Date.now(),
                setTimeout: () => null,
                clearTimeout: () => undefined,
                random: () => 0.5,
                hidden: () => false
            },
            { floorSeconds: 10, ceilingSeconds: 60 },
            () => undefined
        );
        const t1 = performance.now();
        await new Promise<void>((resolve) => {
            const check = (): void => {
                const s = refresher.current;
                if (s.lastRefresh !== null && !s.refreshing) resolve();
                else setImmediate(check);
            };
            refresher.setTeams('ready');
            check();
        });
        const s = refresher.current;
        pageOf(
            sortRows(filterRows(buildRows(s.agents, configurations, s.readings), NO_FILTER), DEFAULT_SORT),
            1
        );
        refreshes.push(performance.now() - t1);
        refresher.dispose();
        requests = sent;
    }
    return { requests, firstMs: median(firsts), refreshMs: median(refreshes) };
}

async function main(): Promise<void> {
    await measure(5000); // warm-up: JIT and allocation, so the smaller case is not measured cold
    const small = await measure(500);
    const large = await measure(5000);
    const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
    console.log('Live Agent Dashboard (data path in Node; Chromium/harness figures: not measured yet)');
    for (const [n, r] of [
        [500, small],
        [5000, large]
    ] as const) {
        const target = Math.ceil(n / 650);
        console.log(
            `  ${n} agents: ${r.requests} Graph requests per refresh (target ${target}), ` +
                `first render data ${fmt(r.firstMs)}, full refresh ${fmt(r.refreshMs)}`
        );
    }
    const firstRatio = large.firstMs / small.firstMs;
    const refreshRatio = large.refreshMs / small.refreshMs;
    console.log(
        `  ratio 5,000 / 500: first render ${firstRatio.toFixed(1)}, full refresh ${refreshRatio.toFixed(1)} (target <= 10)`
    );
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
