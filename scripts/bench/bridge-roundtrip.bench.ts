/**
 * Benchmark: round trip of `getPresence` through the Teams bridge (host page -> postMessage -> bridge
 * frame -> MSAL silent token from its cache -> Graph client -> emulator, and back) against a direct
 * `fetch` of `/me/presence` from the same host page. 200 calls each, interleaved one by one, after a
 * warm-up; median, p95 and the ratio of the medians. Target: the bridge adds at most 30 %.
 *
 * The direct fetch needs a token in the host page, which the bridge never gives out: this bench signs
 * in from Node (harness/testing.ts authorizationCodeFlow against the harness identity provider) and
 * passes that token into page.evaluate for the measurement only. Nothing of this path is in the bridge.
 *
 * Run: `node --import tsx scripts/bench/bridge-roundtrip.bench.ts` (what `npm run bench` does). Needs
 * Debian chromium ($CHROMIUM_PATH or /usr/bin/chromium). Figures only: no exit code for the target.
 */
import { startEnvironment, type Environment } from '../../e2e/env';
import { HostSession } from '../../e2e/session';
import { createHarnessClient } from '../../harness/http/client';
import { authorizationCodeFlow } from '../../harness/testing';

export const CALLS = 200;
const WARMUP = 20;
export const TARGET_OVERHEAD = 0.3;
const USER = 'ada.agent@acme.example';

export interface Stats {
    median: number;
    p95: number;
}

export interface RoundTripResult {
    bridge: Stats;
    direct: Stats;
    /** a `status` request: the postMessage protocol alone (no MSAL, no Graph), to place the overhead */
    protocol: Stats;
    /** median(bridge) / median(direct) */
    ratio: number;
    withinTarget: boolean;
}

/** Nearest-rank percentile of a sample (0 < q <= 1). */
export function percentile(samples: readonly number[], q: number): number {
    const sorted = [...samples].sort((a, b) => a - b);
    const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
    return sorted[rank - 1] ?? Number.NaN;
}

const stats = (samples: readonly number[]): Stats => ({
    median: percentile(samples, 0.5),
    p95: percentile(samples, 0.95)
});

async function directToken(env: Environment): Promise<string> {
    const { harness } = env;
    const flow = await authorizationCodeFlow(createHarnessClient(harness.caPem), harness.urls, {
        clientId: harness.clientId,
        redirectUri: `${harness.urls.visualforce}/apex/TeamsBridge`,
        login: USER,
        scope: 'openid profile offline_access Presence.ReadWrite'
    });
    const token = flow.tokens?.access_token;
    if (typeof token !== 'string') throw new Error(`no access token: ${flow.tokenResponse?.text ?? ''}`);
    return token;
}

export async function benchRoundTrip(): Promise<RoundTripResult> {
    const env = await startEnvironment({ production: true }); // the LWC engine as an org runs it (e2e/env.ts)
    try {
        const session = await HostSession.open(env);
        await session.signIn(USER, { pick: USER });
        const token = await directToken(env);
        const samples = await session.page.evaluate(
            // no named inner functions here: tsx (esbuild keepNames) would wrap them in a helper
            // that does not exist in the page
            async ([graphApi, bearer, calls, warmup]) => {
                const bridge: number[] = [];
                const fetched: number[] = [];
                const protocol: number[] = [];
                for (let i = 0; i < warmup + calls; i++) {
                    const s0 = performance.now();
                    const status = await window.e2eHost.request('status', {});
                    if (!status.ok) throw new Error(`bridge status: ${JSON.stringify(status.error)}`);
                    if (i >= warmup) protocol.push(performance.now() - s0);
                    // interleaved call by call, alternating which goes first, so drift hits both alike
                    let viaBridge = 0;
                    let direct = 0;
                    for (const bridgeFirst of i % 2 === 0 ? [true, false] : [false, true]) {
                        const t0 = performance.now();
                        if (bridgeFirst) {
                            const result = await window.e2eHost.request('getPresence', {});
                            if (!result.ok)
                                throw new Error(`bridge getPresence: ${JSON.stringify(result.error)}`);
                            viaBridge = performance.now() - t0;
                        } else {
                            const response = await fetch(`${graphApi}/me/presence`, {
                                headers: { Authorization: `Bearer ${bearer}` }
                            });
                            const body = (await response.json()) as { availability?: unknown };
                            if (!response.ok || typeof body.availability !== 'string') {
                                throw new Error(`direct getPresence: ${response.status}`);
                            }
                            direct = performance.now() - t0;
                        }
                    }
                    if (i >= warmup) {
                        bridge.push(viaBridge);
                        fetched.push(direct);
                    }
                }
                return { bridge, fetched, protocol };
            },
            [env.harness.urls.graphApi, token, CALLS, WARMUP] as const
        );
        const bridge = stats(samples.bridge);
        const direct = stats(samples.fetched);
        const ratio = bridge.median / direct.median;
        await session.close();
        return {
            bridge,
            direct,
            protocol: stats(samples.protocol),
            ratio,
            withinTarget: ratio <= 1 + TARGET_OVERHEAD
        };
    } finally {
        await env.stop();
    }
}

export function formatRoundTrip(result: RoundTripResult): string {
    const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(9);
    const added = (result.ratio - 1) * 100;
    return [
        `getPresence round trip from the host page, ${CALLS} calls each (Chromium, harness on loopback)`,
        `  through the bridge   median ${ms(result.bridge.median)}   p95 ${ms(result.bridge.p95)}`,
        `  direct fetch         median ${ms(result.direct.median)}   p95 ${ms(result.direct.p95)}`,
        `  status (protocol)    median ${ms(result.protocol.median)}   p95 ${ms(result.protocol.p95)}` +
            '   (a status request: postMessage both ways, no MSAL, no Graph)',
        `  ratio of medians ${result.ratio.toFixed(2)}: the bridge adds ${added.toFixed(0)} % ` +
            `(${(result.bridge.median - result.direct.median).toFixed(2)} ms) ` +
            `(target: bridge adds at most ${TARGET_OVERHEAD * 100} %; ${result.withinTarget ? 'met' : 'NOT met'})`
    ].join('\n');
}

if (require.main === module) {
    benchRoundTrip().then(
        (result) => console.log(formatRoundTrip(result)),
        (error: unknown) => {
            console.error(error instanceof Error ? error.message : error);
            process.exitCode = 1;
        }
    );
}
