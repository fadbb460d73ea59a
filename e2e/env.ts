/**
 * One browser-test environment: the harness (in this process), the bridge and host pages mounted on
 * its Salesforce origins, and Debian Chromium driven by playwright-core, launched as
 * harness/browser/chromium.ts says (like a user's Chromium: storage partitioning and background
 * throttling on). Shared by e2e/run.ts and the benches (scripts/bench/*).
 */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { mountAssets } from '../harness/bridgeHost/mount';
import { closeChromium, launchChromium } from '../harness/browser/chromium';
import { mountConsole } from '../harness/console/mount';
import { buildHarnessBundle, DEFAULT_OUT_DIR } from '../harness/lwc/build';
import { start, type Harness } from '../harness/server';
import { buildBundles, pageAssets, PATHS } from './pages';

export interface Environment {
    harness: Harness;
    browser: Browser;
    buildMs: number;
    /**
     * A fresh browser context (no cookies, no storage) in which Playwright calls have no time limit of
     * their own: they wait for the state they ask for; the runner's per-scenario limit is the safety net
     * (it closes every context, which ends every wait).
     */
    newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
    stop(): Promise<void>;
}

export interface EnvironmentOptions {
    /**
     * Compile the components in the LWC engine's production mode. An org runs Lightning components in
     * production mode unless a user has debug mode on, which makes Salesforce slower for that user
     * (Salesforce Help, "Enable Debug Mode for Lightning Components",
     * https://help.salesforce.com/s/articleView?id=platform.aura_debug_mode.htm). The benches measure
     * what agents have; the browser tests keep development mode for the engine's warnings.
     */
    production?: boolean;
}

export async function startEnvironment(options: EnvironmentOptions = {}): Promise<Environment> {
    const bundles = buildBundles();
    // the console shell (npm start's page) with the compiled components; rebuilt only when its inputs
    // changed; the production build has its own directory, so neither evicts the other
    const lwc = await buildHarnessBundle(
        options.production ? { production: true, outDir: `${DEFAULT_OUT_DIR}-production` } : {}
    );
    const harness = await start({ port: 0 });
    let browser: Browser;
    try {
        mountAssets(harness, pageAssets(bundles, harness.urls));
        // the bridge host page stands in for the agent's console: its session is the agent's
        mountConsole(harness, { bundleFile: lwc.file, sessionPages: { [PATHS.hostPage]: 'agent' } });
        browser = await launchChromium(harness.chromiumArgs);
    } catch (error) {
        await harness.stop();
        throw error;
    }
    return {
        harness,
        browser,
        buildMs: bundles.buildMs + lwc.ms,
        async newContext(options) {
            const context = await browser.newContext(options);
            context.setDefaultTimeout(0);
            return context;
        },
        async stop() {
            await closeChromium(browser);
            await harness.stop();
        }
    };
}
