// @ts-check
/**
 * Runs first in `npm start` and `npm test` (package.json): installs the pinned dependencies when
 * `node_modules` is missing or no longer matches `package-lock.json`, then gets out of the way.
 *
 * Why JavaScript: it has to run before anything is installed, and Node 20 cannot run TypeScript
 * without a dependency (type stripping arrived in Node 22). It uses nothing but Node's own modules,
 * and `tsc` checks it in strict mode (tsconfig.bootstrap.json, `checkJs`) like the TypeScript sources.
 *
 * The decision reads what npm itself records: npm 7 and later write every installed package into the
 * hidden lock file `node_modules/.package-lock.json` ("npm-shrinkwrap and package-lock",
 * docs.npmjs.com/cli/configuring-npm/package-lock-json, section "Hidden Lockfiles"). The install is up
 * to date when that file lists each package of `package-lock.json` at the same version (platform-specific
 * optional packages may be absent) and nothing else. Comparing two JSON files costs a few milliseconds.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

/**
 * @typedef {{ version?: string; optional?: boolean; link?: boolean }} LockEntry
 * @typedef {{ packages?: Record<string, LockEntry> }} Lock
 * @typedef {{ install: false } | { install: true; reason: string }} Decision
 */

/**
 * @param {string} file
 * @returns {Lock | undefined}
 */
function readLock(file) {
    if (!existsSync(file)) return undefined;
    try {
        return JSON.parse(readFileSync(file, 'utf8'));
    } catch {
        return undefined;
    }
}

/**
 * Whether `projectDir` needs `npm ci`, and why. Throws when the project has no usable package-lock.json
 * (then `npm ci` could not help either).
 * @param {string} projectDir
 * @returns {Decision}
 */
function decide(projectDir) {
    const lockFile = path.join(projectDir, 'package-lock.json');
    const lock = readLock(lockFile);
    if (!lock || !lock.packages) {
        throw new Error(
            `${lockFile} is missing or not a package-lock.json of npm 7 or later; ` +
                'the pinned dependencies cannot be installed without it.'
        );
    }
    const modules = path.join(projectDir, 'node_modules');
    if (!existsSync(modules)) return { install: true, reason: 'node_modules is missing' };
    const installed = readLock(path.join(modules, '.package-lock.json'));
    if (!installed || !installed.packages) {
        return {
            install: true,
            reason: 'node_modules has no record of what npm installed (.package-lock.json)'
        };
    }
    const wanted = lock.packages;
    const have = installed.packages;
    for (const [name, entry] of Object.entries(wanted)) {
        if (name === '') continue; // the project itself
        const got = have[name];
        if (!got) {
            // npm leaves out optional packages of other platforms (esbuild's binaries, for example)
            if (entry.optional) continue;
            return {
                install: true,
                reason: `${name} is not installed (package-lock.json changed since the install)`
            };
        }
        if (got.version !== entry.version) {
            return {
                install: true,
                reason: `${name} is ${got.version ?? 'a link'}, package-lock.json pins ${entry.version ?? 'a link'}`
            };
        }
    }
    for (const name of Object.keys(have)) {
        if (!(name in wanted)) {
            return { install: true, reason: `${name} is installed but no longer in package-lock.json` };
        }
    }
    return { install: false };
}

/**
 * Installs when needed, saying what it does and how long it took. Returns npm's exit code (0 when
 * nothing had to be done).
 * @param {string} projectDir
 * @param {(line: string) => void} [say]
 * @returns {number}
 */
function bootstrap(projectDir, say = (line) => console.log(line)) {
    const decision = decide(projectDir);
    if (!decision.install) return 0;
    say(`bootstrap: ${decision.reason}; installing the pinned dependencies (npm ci)...`);
    const started = Date.now();
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
        cwd: projectDir,
        stdio: 'inherit',
        // Playwright must never fetch a browser of its own: the tests use the system's Chromium
        env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.status !== 0) {
        say(`bootstrap: npm ci failed after ${seconds} s (exit ${result.status ?? result.signal})`);
        return result.status ?? 1;
    }
    say(`bootstrap: dependencies installed in ${seconds} s`);
    return 0;
}

module.exports = { decide, bootstrap };

if (require.main === module) {
    try {
        process.exitCode = bootstrap(path.resolve(__dirname, '..'));
    } catch (error) {
        console.error(`bootstrap: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
    }
}
