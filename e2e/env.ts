/**
 * One browser-test environment: the harness (in this process), the bridge and host pages mounted on
 * its Salesforce origins, and Debian Chromium driven by playwright-core with the harness's flags.
 * Shared by e2e/run.ts and scripts/bench/bridge-roundtrip.bench.ts.
 */
import { chromium, type Browser } from 'playwright-core';
import { mountAssets } from '../harness/bridgeHost/mount';
import { mountConsole } from '../harness/console/mount';
import { buildHarnessBundle } from '../harness/lwc/build';
import { start, type Harness } from '../harness/server';
import { CHROMIUM, requireTool } from '../harness/systemTools';
import { buildBundles, pageAssets, PATHS } from './pages';

/** Flags known to work on these machines (closed network: no background connections). */
export const CHROMIUM_FLAGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

/**
 * The Chromium to drive: $CHROMIUM_PATH, else chromium on PATH (Debian's /usr/bin/chromium); installed
 * from Debian when this runs as root on Debian, else a clear error that says how to get one.
 */
export function chromiumPath(): string {
    return requireTool(CHROMIUM, 'The browser tests');
}

export interface Environment {
    harness: Harness;
    browser: Browser;
    buildMs: number;
    stop(): Promise<void>;
}

export async function startEnvironment(): Promise<Environment> {
    const executablePath = chromiumPath();
    const bundles = buildBundles();
    // the console shell (npm start's page) with the compiled components; rebuilt only when its inputs changed
    const lwc = await buildHarnessBundle();
    const harness = await start({ port: 0 });
    let browser: Browser;
    try {
        mountAssets(harness, pageAssets(bundles, harness.urls));
        // the bridge host page stands in for the agent's console: its session is the agent's
        mountConsole(harness, { bundleFile: lwc.file, sessionPages: { [PATHS.hostPage]: 'agent' } });
        browser = await chromium.launch({
            executablePath,
            headless: true,
            args: [...harness.chromiumArgs, ...CHROMIUM_FLAGS],
            timeout: 30_000
        });
    } catch (error) {
        await harness.stop();
        throw error;
    }
    return {
        harness,
        browser,
        buildMs: bundles.buildMs + lwc.ms,
        async stop() {
            await browser.close().catch(() => undefined);
            await harness.stop();
        }
    };
}
