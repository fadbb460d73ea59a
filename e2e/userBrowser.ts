/**
 * The browser behaves like a user's Chromium (harness/browser/chromium.ts): storage of a cross-site
 * frame is partitioned by the top-level site, and a console in a background tab is hidden and throttled
 * as Chrome throttles it, yet keeps syncing.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { closeChromium, launchHideableChromium } from '../harness/browser/chromium';
import { connectIn, emulatorLog, omniStatus, openConsoleTab, panel } from './console-sync';
import { PATHS } from './pages';
import { ADA, waitUntil, type Scenario } from './scenarios';

const KEY = 'partition-probe';

/** Loads `frameUrl` in an iframe of `page` and returns what its localStorage holds under KEY. */
async function framedValue(page: Page, frameUrl: string): Promise<string | null> {
    await page.evaluate(
        (url) =>
            new Promise<void>((resolve, reject) => {
                const frame = document.createElement('iframe');
                frame.src = url;
                frame.addEventListener('load', () => resolve());
                frame.addEventListener('error', () => reject(new Error(`frame ${url} failed`)));
                document.body.append(frame);
            }),
        frameUrl
    );
    // Playwright learns of the frame's navigation by its own events, after the page's load event
    const frame = await waitUntil(`the frame ${frameUrl} in ${page.url()}`, async () =>
        page.frames().find((f) => f.url() === frameUrl)
    );
    return frame.evaluate((key) => localStorage.getItem(key), KEY);
}

/** Switches Playwright adds by default that make Chromium unlike a user's (harness/browser/chromium.ts). */
const UNLIKE_A_USER = [
    '--disable-features',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-renderer-backgrounding',
    '--disable-back-forward-cache',
    '--disable-popup-blocking',
    '--disable-ipc-flooding-protection',
    '--disable-hang-monitor',
    '--allow-pre-commit-input',
    '--blink-settings'
];

export const userBrowserScenarios: Scenario[] = [
    {
        name: "the browser's command line (chrome://version) turns off nothing a user's Chromium has on",
        async run({ env }) {
            const context = await env.newContext();
            try {
                const page = await context.newPage();
                await page.goto('chrome://version');
                const commandLine = await page.locator('#command_line').innerText();
                const switches = commandLine.split(/\s+(?=--)/).map((s) => s.split('=')[0]);
                assert.deepEqual(
                    switches.filter((s) => UNLIKE_A_USER.includes(s ?? '')),
                    [],
                    commandLine
                );
                // and it is the harness's browser: it trusts the harness certificate
                assert.ok(commandLine.includes('--ignore-certificate-errors-spki-list='), commandLine);
            } finally {
                await context.close();
            }
        }
    },
    {
        name: 'storage partitioning is on: a cross-site frame of the Visualforce origin does not see its first-party localStorage, a same-site frame does',
        async run({ env }) {
            const context = await env.newContext();
            try {
                const visualforcePage = `${env.harness.urls.visualforce}${PATHS.bridgeForger}`;
                // first party: the Visualforce origin as the top-level page writes its storage
                const top = await context.newPage();
                await top.goto(visualforcePage);
                await top.evaluate((key) => localStorage.setItem(key, 'first-party'), KEY);
                // same site (force.localhost, as the Lightning page embedding the bridge): the same storage
                const lightning = await context.newPage();
                await lightning.goto(`${env.harness.urls.lightning}${PATHS.hostForger}`);
                assert.equal(await framedValue(lightning, visualforcePage), 'first-party', 'same-site frame');
                // another site on top (the identity provider's, microsoftonline.localhost): the frame's
                // storage is keyed by that site, the value is not there
                const other = await context.newPage();
                const { login, tenantId } = { login: env.harness.urls.login, tenantId: env.harness.tenantId };
                await other.goto(`${login}/${tenantId}/v2.0/.well-known/openid-configuration`);
                assert.equal(
                    await framedValue(other, visualforcePage),
                    null,
                    'a frame under another top-level site sees the first-party localStorage'
                );
            } finally {
                await context.close();
            }
        }
    },
    {
        name: 'hidden console: in a background tab (hidden, throttled as in Chrome) the sync polls at the configured interval and a Teams call puts Omni On a Call',
        async run({ env, control }) {
            // a browser whose background tabs are really hidden (see launchHideableChromium)
            const browser = await launchHideableChromium(env.harness.chromiumArgs);
            try {
                const context = browser.contexts()[0];
                assert.ok(context, 'the default context');
                context.setDefaultTimeout(0);
                const tab = await openConsoleTab(env, '?setup=phone', context);
                await connectIn(tab, control, 'Available');
                await tab.page.evaluate(() => {
                    const w = window as unknown as { visibilityLog: string[] };
                    w.visibilityLog = [];
                    document.addEventListener('visibilitychange', () =>
                        w.visibilityLog.push(document.visibilityState)
                    );
                });
                const polls = () => tab.graphRequests.filter((r) => r.method === 'GET').length;
                // the agent switches to another tab of the same window: the console goes to the background
                const other = await context.newPage();
                await other.bringToFront();
                await waitUntil('the console page is hidden', async () =>
                    (await tab.page.evaluate(() => document.visibilityState)) === 'hidden' ? true : undefined
                );
                // the hidden console keeps polling at the configured interval: sixteen polls while hidden
                const hiddenFrom = polls();
                await waitUntil('sixteen polls of the hidden console', async () =>
                    polls() >= hiddenFrom + 16 ? true : undefined
                );
                // the Graph emulator's clock: the hidden console's last polls came at the configured 2 s
                // (plus Chrome's 1-second alignment of hidden pages and the round trip), far from the 60 s
                // of MaxPollIntervalSeconds__c
                const gets = (await emulatorLog(control))
                    .filter((e) => e.method === 'GET')
                    .slice(-8)
                    .map((e) => (e as typeof e & { virtualAt: number }).virtualAt);
                const gaps = gets.slice(1).map((at, i) => at - (gets[i] ?? at));
                assert.ok(
                    gaps.every((gap) => gap < 30_000),
                    `gaps between polls of the hidden console (emulator clock, ms): ${gaps.join(', ')}`
                );
                // the agent takes a call in Teams: the next poll or the one after sees it
                const callFrom = polls();
                await control.call('POST', `users/${ADA.upn}/call`, { inCall: true });
                await waitUntil(
                    'Omni On a Call in the hidden console',
                    async () => ((await omniStatus(tab.page)) === 'On_a_Call' ? true : undefined),
                    () => JSON.stringify(tab.graphRequests.slice(-3))
                );
                assert.ok(polls() - callFrom <= 3, `${polls() - callFrom} polls before Omni went On a Call`);
                // the connector renders a frame after the change (on the hidden page's next wake-up)
                await waitUntil('the panel shows On a Call', async () =>
                    (await panel(tab.page)).salesforce === 'On a Call' ? true : undefined
                );
                const log = await tab.page.evaluate(
                    () => (window as unknown as { visibilityLog: string[] }).visibilityLog
                );
                assert.deepEqual(log, ['hidden'], 'the console stayed hidden throughout');
                assert.deepEqual(tab.errors, []);
            } finally {
                await closeChromium(browser);
            }
        }
    }
];
