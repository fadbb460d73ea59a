/**
 * Browser tests: `npx tsx e2e/run.ts [filter]` (part of `npm test`).
 *
 * Starts the harness in this process (Jest cannot load oidc-provider, see harness/testing.ts), builds
 * the bridge bundle and the host page once, mounts them on the harness's Salesforce origins, launches
 * Debian Chromium through playwright-core and runs every scenario of e2e/scenarios.ts in a fresh
 * browser context, each with a time limit. Prints one line per scenario and ends with
 * `N passed, N failed`; writes dist/e2e/results.json for scripts/run-tests.ts. Exit 1 on any failure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEnvironment, type Environment } from './env';
import { ROOT } from './pages';
import { consoleScenarios } from './console';
import { dashboardScenarios } from './dashboard';
import { consoleSyncScenarios } from './console-sync';
import { connectorEmailScenarios } from './connector-email';
import { localeScenarios } from './locale';
import { leastPrivilegeScenarios } from './least-privilege';
import { lwsScenarios } from './lws';
import { scenarios as bridgeScenarios, type Scenario } from './scenarios';
import { Control, HostSession } from './session';

export const RESULTS_FILE = path.join(ROOT, 'dist/e2e/results.json');
const DEFAULT_TIMEOUT_MS = 45_000;

interface Outcome {
    name: string;
    ok: boolean;
    ms: number;
    error?: string;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Every scenario starts from the same harness state: no presence, faults or log, real time, default lifetimes. */
async function resetHarness(control: Control, lifetimes: Record<string, unknown>): Promise<void> {
    await control.call('POST', 'reset');
    await control.call('POST', 'clock/reset');
    await control.call('POST', 'idp/lifetimes', lifetimes);
}

async function runScenario(env: Environment, control: Control, scenario: Scenario): Promise<Outcome> {
    const sessions: HostSession[] = [];
    const t0 = Date.now();
    try {
        await withTimeout(
            scenario.run({
                env,
                control,
                async open() {
                    const session = await HostSession.open(env);
                    sessions.push(session);
                    return session;
                }
            }),
            scenario.timeoutMs ?? DEFAULT_TIMEOUT_MS
        );
        return { name: scenario.name, ok: true, ms: Date.now() - t0 };
    } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        return { name: scenario.name, ok: false, ms: Date.now() - t0, error: message };
    } finally {
        await Promise.all(sessions.map((s) => s.close()));
    }
}

async function main(): Promise<number> {
    const filter = process.argv[2];
    const scenarios = [
        ...bridgeScenarios,
        ...consoleScenarios,
        ...consoleSyncScenarios,
        ...connectorEmailScenarios,
        ...localeScenarios,
        ...dashboardScenarios,
        ...leastPrivilegeScenarios,
        ...lwsScenarios
    ];
    const selected = scenarios.filter((s) => filter === undefined || s.name.includes(filter));
    const t0 = Date.now();
    const outcomes: Outcome[] = [];
    let env: Environment | undefined;
    try {
        env = await startEnvironment();
        const control = new Control(env.harness);
        const lifetimes = (await control.call<{ lifetimes: Record<string, unknown> }>('GET', 'idp'))
            .lifetimes;
        console.log(
            `Browser tests: harness on port ${env.harness.port}, bundles built in ${env.buildMs} ms, ` +
                `Chromium ${env.browser.version()}`
        );
        for (const scenario of selected) {
            await resetHarness(control, lifetimes);
            const outcome = await runScenario(env, control, scenario);
            outcomes.push(outcome);
            console.log(`${outcome.ok ? '✓' : '✗'} ${outcome.name} (${(outcome.ms / 1000).toFixed(1)} s)`);
            if (outcome.error) console.log(outcome.error.replace(/^/gm, '    '));
        }
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.log(`✗ browser test environment: ${message}`);
        outcomes.push({ name: 'browser test environment', ok: false, ms: Date.now() - t0, error: message });
    } finally {
        await env?.stop();
    }
    const passed = outcomes.filter((o) => o.ok).length;
    const failed = outcomes.length - passed;
    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(
        RESULTS_FILE,
        `${JSON.stringify({ passed, failed, ms: Date.now() - t0, outcomes }, null, 2)}\n`
    );
    console.log(`\nBrowser tests: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log(`${passed} passed, ${failed} failed`);
    return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error(error);
        process.exit(1);
    }
);
