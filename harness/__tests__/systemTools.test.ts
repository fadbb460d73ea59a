/**
 * Finding Chromium and Java, and what a user is told when one is missing (harness/systemTools.ts).
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, JAVA, findTool, howToGet, requireTool } from '../systemTools';

let dir: string;

function executable(relative: string): string {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o755);
    return file;
}

beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'system-tools-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('findTool', () => {
    it('takes CHROMIUM_PATH first, then chromium or chromium-browser on PATH', () => {
        const named = executable('custom/chrome');
        const onPath = executable('bin/chromium-browser');
        expect(findTool(CHROMIUM, { CHROMIUM_PATH: named, PATH: path.dirname(onPath) })).toBe(named);
        expect(findTool(CHROMIUM, { PATH: path.dirname(onPath) })).toBe(onPath);
    });

    it('finds java under JAVA_HOME/bin', () => {
        const java = executable('jdk/bin/java');
        expect(findTool(JAVA, { JAVA_HOME: path.join(dir, 'jdk'), PATH: '' })).toBe(java);
    });

    it('reports a variable that names no executable instead of looking elsewhere', () => {
        executable('bin/chromium');
        expect(() =>
            findTool(CHROMIUM, { CHROMIUM_PATH: path.join(dir, 'missing'), PATH: path.join(dir, 'bin') })
        ).toThrow(
            `CHROMIUM_PATH=${path.join(dir, 'missing')}, but ${path.join(dir, 'missing')} is not an executable file.`
        );
    });

    it('ignores a file on PATH that is not executable', () => {
        mkdirSync(path.join(dir, 'bin'));
        writeFileSync(path.join(dir, 'bin', 'java'), '');
        expect(findTool(JAVA, { PATH: path.join(dir, 'bin') })).toBeUndefined();
    });
});

describe('requireTool', () => {
    it('says exactly how to get Chromium when it may not install it', () => {
        expect(() =>
            requireTool(CHROMIUM, 'The browser tests', { env: { PATH: dir }, mayInstall: false })
        ).toThrow(
            'The browser tests needs Chromium, and none was found (CHROMIUM_PATH is not set; chromium, chromium-browser ' +
                'is not on PATH). On Debian or Ubuntu: sudo apt-get install chromium. On Ubuntu the package is ' +
                'chromium-browser (a snap); elsewhere install Chromium or Google Chrome and set CHROMIUM_PATH to its executable.'
        );
    });

    it('names the Java package for the Apex checks', () => {
        expect(howToGet(JAVA, 'The Apex check')).toContain('sudo apt-get install openjdk-17-jre-headless');
    });

    it('returns what it finds without installing or printing anything', () => {
        const java = executable('bin/java');
        const said: string[] = [];
        expect(
            requireTool(JAVA, 'The Apex check', {
                env: { PATH: path.dirname(java) },
                mayInstall: true,
                say: (l) => said.push(l)
            })
        ).toBe(java);
        expect(said).toEqual([]);
    });

    it('installs the Debian package when it may (root on Debian), says so, and returns the new executable', () => {
        // a stand-in apt-get that records its calls and "installs" chromium into the same folder
        const bin = path.join(dir, 'bin');
        const aptGet = executable('bin/apt-get');
        writeFileSync(
            aptGet,
            `#!/bin/sh\necho "$@" >> "${dir}/apt-calls"\n` +
                `[ "$1" = install ] && printf '#!/bin/sh\\n' > "${bin}/chromium" && /bin/chmod 755 "${bin}/chromium"\nexit 0\n`
        );
        const said: string[] = [];
        const found = requireTool(CHROMIUM, 'The browser tests', {
            env: { PATH: bin },
            mayInstall: true,
            say: (l) => said.push(l)
        });
        expect(found).toBe(path.join(bin, 'chromium'));
        expect(readFileSync(path.join(dir, 'apt-calls'), 'utf8').trim().split('\n')).toEqual([
            'update -qq',
            'install -y -qq chromium'
        ]);
        expect(said[0]).toBe(
            'The browser tests needs Chromium; none was found, and this runs as root on Debian, so installing ' +
                'the Debian package chromium (apt-get install chromium)...'
        );
        expect(said[1]).toMatch(/^Installed chromium in \d+\.\d s: /);
    });
});
