/**
 * `npm run test:stress [-- --runs N]`: the whole browser suite (e2e/run.ts) N times in a row (default 5)
 * while every core of the machine is kept busy by another process, to show that the suite does not
 * depend on a quiet machine. Prints each run's result and a summary; exit code 1 if any run failed.
 *
 * The load: one busy-loop Node child per core (os.availableParallelism()), each bounded in time
 * (--load-minutes, default 120, so a killed parent cannot leave them spinning for long) and killed when
 * the runs end. They run at the same priority as the suite, as another job on a shared CI machine would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const RESULTS_FILE = path.join(ROOT, 'dist/e2e/results.json');

interface RunResult {
    run: number;
    exitCode: number | null;
    passed: number;
    failed: number;
    seconds: number;
    failures: string[];
}

function option(name: string, fallback: number): number {
    const i = process.argv.indexOf(name);
    const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} wants a positive whole number`);
    return value;
}

/** One busy loop per core, each ending on its own after `minutes` at the latest. */
function startLoad(cores: number, minutes: number): ChildProcess[] {
    const spin = `const end = Date.now() + ${minutes * 60_000}; let x = 0; while (Date.now() < end) { x = (x + 1) % 1e9; }`;
    return Array.from({ length: cores }, () => spawn(process.execPath, ['-e', spin], { stdio: 'ignore' }));
}

function stopLoad(load: ChildProcess[]): void {
    for (const child of load) {
        if (child.exitCode === null && child.pid !== undefined) child.kill('SIGKILL');
    }
}

/** Runs the browser suite once, its output passed through with a prefix; reads its results file. */
function runSuite(run: number, filter: string | undefined): Promise<RunResult> {
    const t0 = Date.now();
    return new Promise((resolve) => {
        const args = ['--import', 'tsx', path.join(ROOT, 'e2e/run.ts'), ...(filter ? [filter] : [])];
        const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
        const prefix = `[run ${run}] `;
        const relay = (chunk: Buffer) => {
            for (const line of chunk.toString('utf8').split('\n')) {
                if (line.trim() !== '' && !line.includes('oidc-provider WARNING')) console.log(prefix + line);
            }
        };
        child.stdout.on('data', relay);
        child.stderr.on('data', relay);
        child.on('close', (exitCode) => {
            let passed = 0;
            let failed = 0;
            let failures: string[] = [];
            try {
                const results = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as {
                    passed: number;
                    failed: number;
                    ms: number;
                    outcomes: { name: string; ok: boolean }[];
                };
                passed = results.passed;
                failed = results.failed;
                failures = results.outcomes.filter((o) => !o.ok).map((o) => o.name);
            } catch {
                failed = 1;
                failures = ['(no results file)'];
            }
            resolve({ run, exitCode, passed, failed, seconds: (Date.now() - t0) / 1000, failures });
        });
    });
}

async function main(): Promise<number> {
    const runs = option('--runs', 5);
    const minutes = option('--load-minutes', 120);
    const filterIndex = process.argv.indexOf('--filter');
    const filter = filterIndex >= 0 ? process.argv[filterIndex + 1] : undefined;
    const cores = os.availableParallelism();
    const load = startLoad(cores, minutes);
    const stop = () => {
        stopLoad(load);
        process.exit(130);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    const loadAvg = () =>
        os
            .loadavg()
            .map((l) => l.toFixed(1))
            .join(' ');
    console.log(
        `Stress: ${runs} runs of the browser suite while ${cores} busy-loop processes keep all ${cores} cores busy ` +
            `(load average ${loadAvg()})`
    );
    const results: RunResult[] = [];
    try {
        for (let run = 1; run <= runs; run += 1) {
            const result = await runSuite(run, filter);
            results.push(result);
            const ok = result.exitCode === 0 && result.failed === 0 && result.passed > 0;
            console.log(
                `Run ${run}/${runs}: ${ok ? 'PASS' : 'FAIL'}, ${result.passed} passed, ${result.failed} failed, ` +
                    `${result.seconds.toFixed(0)} s, load average ${loadAvg()}` +
                    (result.failures.length > 0 ? `\n  failed: ${result.failures.join('\n  failed: ')}` : '')
            );
        }
    } finally {
        stopLoad(load);
    }
    const clean = results.filter((r) => r.exitCode === 0 && r.failed === 0 && r.passed > 0).length;
    console.log('\nStress summary');
    for (const r of results) {
        console.log(
            `  run ${r.run}: ${r.failed === 0 && r.exitCode === 0 ? 'pass' : 'FAIL'} ` +
                `(${r.passed} passed, ${r.failed} failed, ${r.seconds.toFixed(0)} s)`
        );
    }
    console.log(`${clean} of ${runs} runs clean under load (${cores} busy-loop processes on ${cores} cores)`);
    return clean === runs ? 0 : 1;
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error(error);
        process.exit(1);
    }
);
