/**
 * Browser tests: `npx tsx e2e/run.ts [filter]` (part of `npm test`).
 *
 * Starts the harness in this process (Jest cannot load oidc-provider, see harness/testing.ts), builds
 * the bridge bundle and the host page once, mounts them on the harness's Salesforce origins, launches
 * Debian Chromium through playwright-core (harness/browser/chromium.ts) and runs every scenario in
 * fresh browser contexts. Prints one line per scenario and ends with `N passed, N failed`; writes
 * dist/e2e/results.json for scripts/run-tests.ts. Exit 1 on any failure.
 *
 * Scenarios wait for states and events, never for a time (e2e/wait.ts). The one time limit,
 * SCENARIO_LIMIT_MS, is a safety net against a hang, far above what any scenario needs on a busy
 * machine; when it ends a scenario, the message names what the scenario was still waiting for.
 * Between two scenarios every browser context is closed and the harness is idle (nothing a closed page
 * sent can still arrive, e.g. a keepalive clear from its pagehide) before it is reset.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEnvironment, type Environment } from './env';
import { ROOT } from './pages';
import { consoleScenarios } from './console';
import { dashboardScenarios } from './dashboard';
import { dashboardLayoutScenarios, dashboardPlaceScenarios } from './dashboard-layout';
import { adviceWordsScenarios } from './advice-words';
import { consoleSyncScenarios } from './console-sync';
import { connectorEmailScenarios } from './connector-email';
import { adminWordsScenarios, connectorWordsScenarios } from './connector-words';
import { connectorWidthScenarios } from './connector-width';
import { localeScenarios } from './locale';
import { leastPrivilegeScenarios } from './least-privilege';
import { lwsScenarios } from './lws';
import { scenarios as bridgeScenarios, type Scenario } from './scenarios';
import { userBrowserScenarios } from './userBrowser';
import { Control, HostSession } from './session';
import { accessibilityScenarios } from './accessibility';
import { openWaits, resetWaits, stopWaits } from './wait';

export const RESULTS_FILE = path.join(ROOT, 'dist/e2e/results.json');
/** A hang guard, not a measure: a scenario takes seconds, several times more on a loaded machine. */
const SCENARIO_LIMIT_MS = 300_000;

interface Outcome {
    name: string;
    ok: boolean;
    ms: number;
    error?: string;
}

/** Runs a scenario; if it hangs past the limit, stops its waits and rejects naming what it waited for. */
function withLimit<T>(promise: Promise<T>, ms: number, onLimit: () => Promise<void>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
            const waiting = openWaits();
            const error = new Error(
                `stopped after ${ms / 1000} s (hang guard)` +
                    (waiting.length > 0 ? `, still waiting for: ${waiting.join('; ')}` : '')
            );
            stopWaits(error);
            onLimit().finally(() => reject(error));
        }, ms);
    });
    return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/**
 * Closes every browser context (a scenario's, and any it left open), then waits until the harness is
 * idle; that wait has the hang guard too (a harness that stays busy fails the run, it does not hang it).
 */
async function closeBrowserContexts(env: Environment): Promise<void> {
    await Promise.all(env.browser.contexts().map((c) => c.close().catch(() => undefined)));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
        env.harness.idle(),
        new Promise<never>((_, reject) => {
            timer = setTimeout(
                () =>
                    reject(
                        new Error(
                            `the harness stayed busy for ${SCENARIO_LIMIT_MS / 1000} s (hang guard): ` +
                                env.harness.busy()
                        )
                    ),
                SCENARIO_LIMIT_MS
            );
        })
    ]).finally(() => clearTimeout(timer));
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
    resetWaits();
    try {
        await withLimit(
            scenario.run({
                env,
                control,
                async open() {
                    const session = await HostSession.open(env);
                    sessions.push(session);
                    return session;
                }
            }),
            SCENARIO_LIMIT_MS,
            () => closeBrowserContexts(env)
        );
        return { name: scenario.name, ok: true, ms: Date.now() - t0 };
    } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        return { name: scenario.name, ok: false, ms: Date.now() - t0, error: message };
    } finally {
        await Promise.all(sessions.map((s) => s.close()));
        await closeBrowserContexts(env);
    }
}

async function main(): Promise<number> {
    const filter = process.argv[2];
    const scenarios = [
        ...bridgeScenarios,
        ...consoleScenarios,
        ...consoleSyncScenarios,
        ...connectorEmailScenarios,
        ...connectorWordsScenarios,
        ...connectorWidthScenarios,
        ...adminWordsScenarios,
        ...adviceWordsScenarios,
        ...localeScenarios,
        ...dashboardScenarios,
        ...dashboardLayoutScenarios,
        ...dashboardPlaceScenarios,
        ...leastPrivilegeScenarios,
        ...lwsScenarios,
        ...userBrowserScenarios,
        ...accessibilityScenarios
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
