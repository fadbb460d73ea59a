/**
 * `npm test`: every check the project has, in order, stopping at the first failure.
 * Ends with one line "N passed, N failed" that CI reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const jestResults = path.join(root, 'dist', 'jest-results.json');
/** written by e2e/run.ts: { passed, failed, ... } */
const browserResults = path.join(root, 'dist', 'e2e', 'results.json');

interface Step {
    name: string;
    command: string;
    args: string[];
}

const steps: Step[] = [
    { name: 'Prettier check', command: bin('prettier'), args: ['--check', '--log-level', 'warn', '.'] },
    { name: 'ESLint', command: bin('eslint'), args: ['--max-warnings', '0', '.'] },
    { name: 'Type check (strict)', command: 'npm', args: ['run', '--silent', 'typecheck'] },
    {
        name: 'Jest (unit tests with coverage)',
        command: bin('sfdx-lwc-jest'),
        args: ['--coverage', '--', '--ci', '--json', `--outputFile=${jestResults}`]
    },
    { name: 'Build', command: 'npm', args: ['run', '--silent', 'build'] },
    { name: 'Metadata checks', command: 'npm', args: ['run', '--silent', 'check:metadata'] },
    // apex-ls and Salesforce Code Analyzer on dist/deploy; both need Java (fail, never skip, without it)
    { name: 'Apex semantics (apex-ls)', command: 'npm', args: ['run', '--silent', 'check:apex'] },
    { name: 'Salesforce Code Analyzer', command: 'npm', args: ['run', '--silent', 'scan'] },
    // Debian chromium through playwright-core; fails (never skips) when $CHROMIUM_PATH or /usr/bin/chromium is missing
    { name: 'Browser tests (Chromium)', command: bin('tsx'), args: ['e2e/run.ts'] }
];

function countJest(): { passed: number; failed: number } {
    if (!existsSync(jestResults)) return { passed: 0, failed: 0 };
    const r = JSON.parse(readFileSync(jestResults, 'utf8'));
    return { passed: r.numPassedTests, failed: r.numFailedTests };
}

function countBrowser(): { passed: number; failed: number } {
    if (!existsSync(browserResults)) return { passed: 0, failed: 0 };
    const r = JSON.parse(readFileSync(browserResults, 'utf8'));
    return { passed: Number(r.passed) || 0, failed: Number(r.failed) || 0 };
}

mkdirSync(path.dirname(jestResults), { recursive: true });
// a result file left by an earlier run must not be counted as this run's
rmSync(jestResults, { force: true });
rmSync(browserResults, { force: true });
const started = Date.now();
let failedStep: string | undefined;
for (const step of steps) {
    const t0 = Date.now();
    console.log(`\n=== ${step.name} ===`);
    const result = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit', env: process.env });
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    if (result.status !== 0) {
        console.error(`\n✗ ${step.name} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
        failedStep = step.name;
        break;
    }
    console.log(`✓ ${step.name} (${seconds} s)`);
}

const jest = countJest();
const browser = countBrowser();
const passed = jest.passed + browser.passed;
const failed = jest.failed + browser.failed;
const total = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\nnpm test: ${failedStep ? `FAILED at "${failedStep}"` : 'all steps passed'} in ${total} s`);
const failures = failed + (failedStep && failed === 0 ? 1 : 0);
console.log(`${passed} passed, ${failures} failed`);
process.exit(failedStep ? 1 : 0);
