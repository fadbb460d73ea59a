/**
 * Benchmark of the Live Agent Dashboard's data path, for 500 and 5,000 agents, each with a sync health:
 * - sync health writes per agent-hour: the connector's own reporting logic (ctiDataConnector
 *   healthReport.ts) over a simulated hour of typical events (start-up, a view every poll, two
 *   throttled episodes, a ten-minute pause), over a quiet hour and over an hour whose health flaps
 *   every second, against the stated bound;
 * - Graph requests per refresh (target ceil(n / 650): 1 and 8), counted at the refresher's Teams port;
 * - time to first render's data (the deserialized Apex answer read, rows built against the
 *   configuration, sorted, filtered, first page of 100; JSON deserialization, which the platform does
 *   before the component sees the answer, is timed and printed on its own) and to a full refresh (Omni reload, every chunk read, rows rebuilt,
 *   first page), median of 31 runs each, and the 5,000 / 500 ratio (target <= 10, growth no worse than
 *   linear).
 * Measured in Node on the component's own modules (model.ts, refresh.ts) with instant ports, and in Chromium
 * against the harness (`/dashboard?agents=N`: the compiled component, the Apex fake, the supervisor signed
 * in through the real Teams bridge, the Graph emulator):
 * - time to first render: from the component's creation to its first table rows in the DOM (layout
 *   forced), median of 5 page loads;
 * - time to a full refresh: from a click on Refresh to the end of the refresh with every reading in the
 *   DOM (Apex reload, every getPresencesByUserId chunk through the bridge, rows rebuilt), median of 5;
 * - Graph requests per refresh from the emulator's request log.
 *
 * Run: `node --expose-gc --import tsx scripts/bench/dashboard.bench.ts` (what `npm run bench` does;
 * `--node-only` skips Chromium).
 */
import { performance } from 'node:perf_hooks';
import { connectSupervisor, openDashboard, refreshed } from '../../e2e/dashboard';
import { startEnvironment, type Environment } from '../../e2e/env';
import { waitUntil } from '../../e2e/scenarios';
import { Control } from '../../e2e/session';
import {
    buildRows,
    DEFAULT_SORT,
    filterRows,
    NO_FILTER,
    pageOf,
    parseAgents,
    sortRows,
    summarize
} from '../../force-app/main/default/lwc/liveAgentDashboard/model';
import {
    HealthReporter,
    MAX_WRITES_PER_HOUR
} from '../../force-app/main/default/lwc/ctiDataConnector/healthReport';
import type { ReportedHealth } from '../../force-app/main/default/lwc/ctiDataConnector/healthReport';
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
            statusStartDate: new Date(Date.now() - i * 1000).toISOString(),
            // most syncing with a fresh heartbeat; every 7th stale, every 11th never reported
            syncHealth: i % 11 === 0 ? null : i % 13 === 0 ? 'throttled' : 'syncing',
            syncHeartbeatAt:
                i % 11 === 0 ? null : new Date(Date.now() - (i % 7 === 0 ? 3600 : 60) * 1000).toISOString(),
            lastSuccessfulSyncAt: i % 11 === 0 ? null : new Date(Date.now() - 90_000).toISOString()
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

async function measure(
    n: number
): Promise<{ requests: number; firstMs: number; refreshMs: number; deserializeMs: number }> {
    const configurations = new Map([['cfg', configuration()]]);
    const answer = apexAnswer(n);
    const json = JSON.stringify(answer);
    const firsts: number[] = [];
    const refreshes: number[] = [];
    const deserializations: number[] = [];
    let requests = 0;
    for (let run = 0; run < 31; run += 1) {
        // the Apex answer as the platform hands it to the component (deserialized), timed on its own
        const d0 = performance.now();
        const received: unknown = JSON.parse(json);
        deserializations.push(performance.now() - d0);
        const t0 = performance.now();
        const agents = parseAgents(received);
        const rows = buildRows(agents, configurations, new Map(), Date.now());
        // the summary strip (counts per status, Teams, mismatch, health) is part of the first render
        summarize(rows, '');
        pageOf(sortRows(filterRows(rows, NO_FILTER), DEFAULT_SORT), 1);
        firsts.push(performance.now() - t0);

        let sent = 0;
        const nextAnswer: unknown = JSON.parse(json);
        const refresher = new DashboardRefresher(
            {
                loadAgents: () => Promise.resolve(parseAgents(nextAnswer)),
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
            sortRows(
                filterRows(buildRows(s.agents, configurations, s.readings, Date.now()), NO_FILTER),
                DEFAULT_SORT
            ),
            1
        );
        refreshes.push(performance.now() - t1);
        refresher.dispose();
        requests = sent;
    }
    return {
        requests,
        firstMs: median(firsts),
        refreshMs: median(refreshes),
        deserializeMs: median(deserializations)
    };
}

interface BrowserFigures {
    firstMs: number;
    refreshMs: number;
    /** getPresencesByUserId requests per refresh (emulator log) */
    requests: number;
    domRows: number;
}

/**
 * Init script: performance.now() of the first table rows in the DOM (layout forced) as __firstRows.
 * Synthetic shadow hides shadow-tree mutations from document observers, so the host's root is watched.
 */
const FIRST_ROWS_SCRIPT = `(() => {
    const outer = new MutationObserver(() => {
        const host = document.querySelector('c-live-agent-dashboard');
        if (!host || !host.shadowRoot) return;
        outer.disconnect();
        const root = host.shadowRoot;
        const check = () => {
            if (window.__firstRows !== undefined || !root.querySelector('tbody tr')) return false;
            void document.body.offsetHeight;
            window.__firstRows = performance.now();
            return true;
        };
        if (check()) return;
        const inner = new MutationObserver(() => { if (check()) inner.disconnect(); });
        inner.observe(root, { childList: true, subtree: true });
    });
    outer.observe(document, { childList: true, subtree: true });
})()`;

/**
 * In the page: waits for a running refresh to end, clicks Refresh, and returns the ms until the refresh
 * has ended (button enabled again, every reading rendered; layout forced).
 */
const FULL_REFRESH_SCRIPT = `(async () => {
    const root = document.querySelector('c-live-agent-dashboard').shadowRoot;
    const button = root.querySelector('button.refresh');
    const until = (disabled) => new Promise((resolve) => {
        if (button.disabled === disabled) return resolve();
        const o = new MutationObserver(() => {
            if (button.disabled === disabled) { o.disconnect(); resolve(); }
        });
        o.observe(button, { attributes: true });
    });
    await until(false);
    const t0 = performance.now();
    button.click();
    await until(true);
    await until(false);
    void document.body.offsetHeight;
    return performance.now() - t0;
})()`;

/** Chromium against the harness page `/dashboard?agents=n` (see the header). */
async function measureBrowser(
    env: Environment,
    control: Control,
    n: number,
    runs: number
): Promise<BrowserFigures> {
    const session = await openDashboard(env, n);
    const { page } = session;
    try {
        // first render: creation of the component -> first rows in the DOM, layout forced
        // (a string: tsx would wrap named inner functions in a __name helper the page does not have)
        await page.addInitScript(FIRST_ROWS_SCRIPT);
        const firsts: number[] = [];
        for (let run = 0; run < runs; run += 1) {
            await page.reload();
            const ms = await page.waitForFunction(
                () => {
                    const w = window as unknown as {
                        __firstRows?: number;
                        harness?: { dashboard?: { mountedAt: number | null } };
                    };
                    const mounted = w.harness?.dashboard?.mountedAt ?? null;
                    return w.__firstRows !== undefined && mounted !== null ? w.__firstRows - mounted : false;
                },
                undefined,
                { timeout: 30_000 }
            );
            firsts.push((await ms.jsonValue()) as number);
        }
        // sign in once (the bridge frame keeps the session for the refreshes)
        await connectSupervisor(page);
        await waitUntil('the first refresh', async () => ((await refreshed(page)) ? true : undefined));
        const refreshes: number[] = [];
        const requests: number[] = [];
        for (let run = 0; run < runs; run += 1) {
            await control.call('DELETE', 'log');
            const ms = (await page.evaluate(FULL_REFRESH_SCRIPT)) as number;
            refreshes.push(ms);
            const log = await control.call<{ path: string; method: string; preflight?: boolean }[]>(
                'GET',
                'log'
            );
            requests.push(
                log.filter(
                    (e) => e.path.endsWith('/getPresencesByUserId') && e.method === 'POST' && !e.preflight
                ).length
            );
        }
        const domRows = await page.evaluate(
            () =>
                document.querySelector('c-live-agent-dashboard')?.shadowRoot?.querySelectorAll('tbody tr')
                    .length ?? 0
        );
        return {
            firstMs: median(firsts),
            refreshMs: median(refreshes),
            requests: Math.max(...requests),
            domRows
        };
    } finally {
        await session.close();
    }
}

async function browserBench(): Promise<void> {
    const env = await startEnvironment({ production: true }); // the LWC engine as an org runs it (e2e/env.ts)
    try {
        const control = new Control(env.harness);
        await measureBrowser(env, control, 5000, 1); // warm-up (bundle cache, JIT)
        const small = await measureBrowser(env, control, 500, 5);
        const large = await measureBrowser(env, control, 5000, 5);
        const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
        console.log(
            `Live Agent Dashboard in Chromium ${env.browser.version()} (harness page, real bridge, Graph emulator; ` +
                'every agent with a sync health, summary strip)'
        );
        for (const [n, r] of [
            [500, small],
            [5000, large]
        ] as const) {
            console.log(
                `  ${n} agents: ${r.requests} Graph requests per refresh (target ${Math.ceil(n / 650)}), ` +
                    `first render ${fmt(r.firstMs)}, full refresh ${fmt(r.refreshMs)}, ${r.domRows} rows in the DOM`
            );
        }
        console.log(
            `  ratio 5,000 / 500: first render ${(large.firstMs / small.firstMs).toFixed(1)}, ` +
                `full refresh ${(large.refreshMs / small.refreshMs).toFixed(1)} (target <= 10)`
        );
    } finally {
        await env.stop();
    }
}

/**
 * The connector's health writes in one simulated hour: `healthAt(second)` is the health each view of
 * the sync shows (the runner shows a view at every poll, `pollSeconds`); timers run on simulated time.
 */
function healthWritesInAnHour(
    healthAt: (second: number) => ReportedHealth | null,
    pollSeconds: number
): number {
    let now = 0;
    let nextId = 1;
    const timers = new Map<number, { at: number; fn: () => void }>();
    let writes = 0;
    const reporter = new HealthReporter({
        now: () => now,
        setTimeout: (fn, ms) => {
            const id = nextId++;
            timers.set(id, { at: now + ms, fn });
            return id;
        },
        clearTimeout: (handle) => timers.delete(handle as number),
        write: () => {
            writes += 1;
            return Promise.resolve();
        }
    });
    const runUntil = (end: number): void => {
        for (;;) {
            let next: [number, { at: number; fn: () => void }] | undefined;
            for (const entry of timers)
                if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
            if (next === undefined) break;
            timers.delete(next[0]);
            now = next[1].at;
            next[1].fn();
        }
        now = end;
    };
    for (let second = 0; second < 3600; second += pollSeconds) {
        runUntil(second * 1000);
        reporter.update(healthAt(second));
    }
    runUntil(3600 * 1000 - 1);
    reporter.dispose();
    return writes;
}

function healthWritesBench(): void {
    // a typical agent-hour: sign-in required at start-up, syncing 20 s later; Graph throttles twice
    // (45 s and 90 s); the agent pauses the sync for ten minutes; a view every 10 s poll
    const typical = (second: number): ReportedHealth => {
        if (second < 20) return 'signInRequired';
        if ((second >= 1200 && second < 1245) || (second >= 2400 && second < 2490)) return 'throttled';
        if (second >= 2700 && second < 3300) return 'paused';
        return 'syncing';
    };
    const results = [
        [
            'typical hour (start-up, 2 throttled episodes, a 10-minute pause)',
            healthWritesInAnHour(typical, 10)
        ],
        ['quiet hour (syncing throughout)', healthWritesInAnHour(() => 'syncing', 10)],
        [
            'worst case (health flaps every second)',
            healthWritesInAnHour((second) => (second % 2 === 0 ? 'syncing' : 'throttled'), 1)
        ]
    ] as const;
    console.log("Sync health reports (the connector's healthReport.ts on simulated time)");
    for (const [what, writes] of results) {
        console.log(`  ${what}: ${writes} health writes per agent-hour (bound ${MAX_WRITES_PER_HOUR})`);
    }
    console.log(
        `  5,000 agents, typical hour: ${(results[0][1] * 5000).toLocaleString('en-US')} record updates per hour ` +
            `(${((results[0][1] * 5000) / 3600).toFixed(1)} per second for the org)`
    );
}

async function main(): Promise<void> {
    healthWritesBench();
    await measure(5000); // warm-up: JIT and allocation, so the smaller case is not measured cold
    const small = await measure(500);
    const large = await measure(5000);
    const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
    console.log('Live Agent Dashboard (data path in Node, with sync health and the summary strip)');
    for (const [n, r] of [
        [500, small],
        [5000, large]
    ] as const) {
        const target = Math.ceil(n / 650);
        console.log(
            `  ${n} agents: ${r.requests} Graph requests per refresh (target ${target}), ` +
                `first render data ${fmt(r.firstMs)}, full refresh ${fmt(r.refreshMs)} ` +
                `(+ deserializing the Apex answer, the platform's part: ${fmt(r.deserializeMs)})`
        );
    }
    const firstRatio = large.firstMs / small.firstMs;
    const refreshRatio = large.refreshMs / small.refreshMs;
    console.log(
        `  ratio 5,000 / 500: first render ${firstRatio.toFixed(1)}, full refresh ${refreshRatio.toFixed(1)} (target <= 10)`
    );
    if (process.argv.includes('--node-only')) return;
    await browserBench();
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
