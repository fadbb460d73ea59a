/**
 * The bootstrap that `npm start` and `npm test` run first (scripts/bootstrap.cjs): its decision on
 * temporary project folders, and that it runs `npm ci` exactly when the decision says so.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { decide, bootstrap } = require('../bootstrap.cjs') as {
    decide(dir: string): { install: false } | { install: true; reason: string };
    bootstrap(dir: string, say?: (line: string) => void): number;
};

type Packages = Record<string, { version?: string; optional?: boolean }>;

const LOCK: Packages = {
    '': {},
    'node_modules/left-pad': { version: '1.3.0' },
    'node_modules/@scope/tool': { version: '2.0.1' },
    'node_modules/@esbuild/darwin-arm64': { version: '0.28.2', optional: true }
};
/** what npm writes after installing LOCK on Linux: no darwin binary, no root entry */
const INSTALLED: Packages = {
    'node_modules/left-pad': { version: '1.3.0' },
    'node_modules/@scope/tool': { version: '2.0.1' }
};

let dir: string;

function project(lock: Packages | undefined, installed?: Packages | 'no-record'): string {
    if (lock)
        writeFileSync(
            path.join(dir, 'package-lock.json'),
            JSON.stringify({ lockfileVersion: 3, packages: lock })
        );
    if (installed !== undefined) {
        mkdirSync(path.join(dir, 'node_modules'));
        if (installed !== 'no-record') {
            writeFileSync(
                path.join(dir, 'node_modules', '.package-lock.json'),
                JSON.stringify({ lockfileVersion: 3, packages: installed })
            );
        }
    }
    return dir;
}

beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bootstrap-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('decide', () => {
    it('installs when node_modules is missing', () => {
        expect(decide(project(LOCK))).toEqual({ install: true, reason: 'node_modules is missing' });
    });

    it('installs when node_modules holds no record of an npm install', () => {
        expect(decide(project(LOCK, 'no-record'))).toEqual({
            install: true,
            reason: expect.stringContaining('no record of what npm installed')
        });
    });

    it('installs when package-lock.json pins another version than the one installed', () => {
        const changed = { ...LOCK, 'node_modules/left-pad': { version: '1.3.1' } };
        expect(decide(project(changed, INSTALLED))).toEqual({
            install: true,
            reason: 'node_modules/left-pad is 1.3.0, package-lock.json pins 1.3.1'
        });
    });

    it('installs when package-lock.json gained a package', () => {
        const changed = { ...LOCK, 'node_modules/new-dep': { version: '1.0.0' } };
        expect(decide(project(changed, INSTALLED))).toEqual({
            install: true,
            reason: expect.stringContaining('node_modules/new-dep is not installed')
        });
    });

    it('installs when a package was removed from package-lock.json', () => {
        const changed: Packages = { ...LOCK };
        delete changed['node_modules/@scope/tool'];
        expect(decide(project(changed, INSTALLED))).toEqual({
            install: true,
            reason: 'node_modules/@scope/tool is installed but no longer in package-lock.json'
        });
    });

    it('does not install when the install matches the lock file (optional packages of other platforms absent)', () => {
        expect(decide(project(LOCK, INSTALLED))).toEqual({ install: false });
    });

    it('fails with a clear message when there is no package-lock.json', () => {
        expect(() => decide(project(undefined, INSTALLED))).toThrow(/package-lock\.json is missing/);
    });
});

describe('bootstrap', () => {
    const originalPath = process.env.PATH;
    let calls: string;

    /** an `npm` on PATH that records its arguments instead of installing */
    beforeEach(() => {
        const bin = path.join(dir, 'fake-bin');
        mkdirSync(bin);
        calls = path.join(dir, 'npm-calls');
        writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\necho "$@" >> "${calls}"\nexit 0\n`);
        chmodSync(path.join(bin, 'npm'), 0o755);
        process.env.PATH = `${bin}${path.delimiter}${originalPath}`;
    });
    afterEach(() => {
        process.env.PATH = originalPath;
    });

    it('runs npm ci once and says why and how long it took when node_modules is missing', () => {
        const lines: string[] = [];
        expect(bootstrap(project(LOCK), (line) => lines.push(line))).toBe(0);
        expect(readFileSync(calls, 'utf8').trim()).toBe('ci --no-audit --no-fund');
        expect(lines[0]).toBe(
            'bootstrap: node_modules is missing; installing the pinned dependencies (npm ci)...'
        );
        expect(lines[1]).toMatch(/^bootstrap: dependencies installed in \d+\.\d s$/);
    });

    it('neither installs nor prints anything when the install is up to date', () => {
        const lines: string[] = [];
        expect(bootstrap(project(LOCK, INSTALLED), (line) => lines.push(line))).toBe(0);
        expect(existsSync(calls)).toBe(false);
        expect(lines).toEqual([]);
    });

    it('passes on the failure of npm ci', () => {
        writeFileSync(path.join(dir, 'fake-bin', 'npm'), '#!/bin/sh\nexit 3\n');
        const lines: string[] = [];
        expect(bootstrap(project(LOCK), (line) => lines.push(line))).toBe(3);
        expect(lines[1]).toMatch(/^bootstrap: npm ci failed after \d+\.\d s \(exit 3\)$/);
    });
});
