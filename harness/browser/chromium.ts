/**
 * How Chromium is launched against the harness, in one place: the browser tests (e2e/env.ts), the
 * benches (scripts/bench/*, through e2e/env.ts), `npm run screenshots`
 * (harness/console/screenshot.ts) and the command `npm start` prints for a person.
 *
 * The aim is a browser that behaves like a user's Chromium. playwright-core adds about forty default
 * switches to every launch (`chromiumSwitches` in node_modules/playwright-core/lib/coreBundle.js),
 * among them a `--disable-features=` list that turns off third-party storage partitioning
 * (`ThirdPartyStoragePartitioning`), and `--disable-background-timer-throttling`,
 * `--disable-backgrounding-occluded-windows` and `--disable-renderer-backgrounding`. Each was reviewed
 * (docs/harness.md, "How Chromium is launched"): the tests need none of them. So the launch ignores all
 * of Playwright's defaults (`ignoreDefaultArgs: true`) and passes the whole command line itself: what
 * Playwright needs to drive the browser, and the few switches below, each with its reason. There is no
 * `--disable-features` at all: every feature is as this Chromium ships it, storage partitioning and
 * background throttling included, and a new playwright-core version's defaults are never taken over
 * unreviewed.
 */
import { CHROMIUM, requireTool } from '../systemTools';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** What Playwright needs to drive a headless browser (the part of its defaults we keep). */
function drivingSwitches(userDataDir: string): string[] {
    return [
        '--headless',
        // Playwright talks to the browser over a pipe (fds 3 and 4), never over a port
        '--remote-debugging-pipe',
        // a fresh profile for each launch, removed when the browser goes
        `--user-data-dir=${userDataDir}`,
        // Playwright opens every page itself, in its own browser contexts
        '--no-startup-window'
    ];
}

/**
 * Switches for the machines the tests run on. Only `--disable-gpu` changes anything a page could
 * notice (there is no GPU there: software compositing from the start rather than a GPU process that
 * fails first).
 */
export const AUTOMATION_FLAGS: readonly string[] = [
    // CI machines run the tests as root (containers), where Chromium's sandbox cannot start
    '--no-sandbox',
    '--disable-gpu',
    // no keyring service (D-Bus) on a CI machine: the cookie store is encrypted with Chromium's basic
    // key instead of Chromium trying to reach one (a Playwright default we keep)
    '--password-store=basic',
    // closed network (only the npm registry and Debian mirrors): no background requests to Google
    // services, no component updates, no account sync, no first-run tasks; no page sees the difference
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run'
];

/**
 * The Chromium to drive: $CHROMIUM_PATH, else chromium on PATH (Debian's /usr/bin/chromium); installed
 * from Debian when this runs as root on Debian (CI), else an error that says how to get one.
 */
export function chromiumPath(): string {
    return requireTool(CHROMIUM, 'The browser tests, the benchmarks and npm run screenshots');
}

/** Every switch the browser gets: the harness's (trust its CA, resolve its hosts), ours, Playwright's needs. */
export function chromiumSwitches(harnessArgs: readonly string[], userDataDir: string): string[] {
    return [...harnessArgs, ...AUTOMATION_FLAGS, ...drivingSwitches(userDataDir)];
}

/** Launch options for headless Chromium against a harness (its `chromiumArgs`), with a given profile. */
export function launchOptions(harnessArgs: readonly string[], userDataDir: string): LaunchOptions {
    return {
        executablePath: chromiumPath(),
        headless: true,
        ignoreDefaultArgs: true,
        args: chromiumSwitches(harnessArgs, userDataDir)
    };
}

const profiles = new WeakMap<Browser, () => Promise<void>>();

/** Launches headless Chromium against a harness, with a fresh profile directory (see closeChromium). */
export async function launchChromium(harnessArgs: readonly string[]): Promise<Browser> {
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'presence-sync-chromium-'));
    // the browser may still be writing its profile as it goes: retry, never throw
    const remove = () =>
        rm(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch(
            () => undefined
        );
    try {
        const browser = await chromium.launch(launchOptions(harnessArgs, userDataDir));
        profiles.set(browser, remove);
        return browser;
    } catch (error) {
        await remove();
        throw error;
    }
}

/** Closes a browser from launchChromium and removes its profile directory. */
export async function closeChromium(browser: Browser): Promise<void> {
    await browser.close().catch(() => undefined);
    await profiles.get(browser)?.();
}

/**
 * A browser whose pages can really be hidden, for the tests of a background console. Playwright turns
 * on focus emulation (`Emulation.setFocusEmulationEnabled`) for every page of the contexts it creates,
 * and in Chromium that also keeps the page visible: a tab behind another tab still reports
 * `document.visibilityState === 'visible'` and is never backgrounded. Only the default context of a
 * browser Playwright connects to with `noDefaults` is left as Chromium has it. So this starts Chromium
 * itself with the same switches (on a DevTools port on loopback instead of a pipe) and connects to it
 * that way; use `browser.contexts()[0]` (a fresh profile). A page there is hidden when another tab of
 * its window is brought to the front, as for a user.
 */
export async function launchHideableChromium(harnessArgs: readonly string[]): Promise<Browser> {
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'presence-sync-chromium-'));
    const switches = chromiumSwitches(harnessArgs, userDataDir).map((s) =>
        s === '--remote-debugging-pipe' ? '--remote-debugging-port=0' : s
    );
    const child = spawn(chromiumPath(), switches, { stdio: ['ignore', 'ignore', 'pipe'] });
    const remove = async () => {
        if (child.exitCode === null) {
            const exited = new Promise((resolve) => child.once('exit', resolve));
            child.kill('SIGKILL');
            await exited;
        }
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch(
            () => undefined
        );
    };
    try {
        const endpoint = await new Promise<string>((resolve, reject) => {
            let text = '';
            child.stderr.on('data', (chunk: Buffer) => {
                text += chunk.toString('utf8');
                const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
                if (match?.[1]) resolve(match[1]);
            });
            child.once('exit', (code) =>
                reject(new Error(`Chromium exited (${code}) before it listened: ${text}`))
            );
        });
        // connectOverCDP's noDefaults is not in its public typings (it is in its validator)
        const options = { noDefaults: true } as unknown as { timeout?: number };
        const browser = await chromium.connectOverCDP(endpoint, options);
        profiles.set(browser, remove);
        return browser;
    } catch (error) {
        await remove();
        throw error;
    }
}

/**
 * The command a person runs to open the harness in their own Chromium (printed by `npm start`): a
 * throw-away profile, no first-run dialogs, and the harness's flags (trust its certificate, resolve its
 * hosts). As in the browser tests, nothing is turned off: storage partitioning, the throttling of
 * hidden pages and the popup blocker are as the person's Chromium ships them.
 */
export function userCommandLine(harnessArgs: readonly string[], url: string): string {
    const flags = ['--user-data-dir=$(mktemp -d)', '--no-first-run', ...harnessArgs.map((a) => `'${a}'`)];
    return `chromium ${flags.join(' ')} ${url}`;
}
