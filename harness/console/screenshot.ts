/**
 * Takes the README's pictures of the three pages (`npm run screenshots` runs it against a harness on a
 * free port), each at 1,440 px in headless Chromium, doing first what the page's user does:
 * - docs/screenshots/console.png: the agent's console (Omni-Channel Available, gear > Email, Connect
 *   Microsoft Teams, the in-frame button of the bridge, the test user's password);
 * - docs/screenshots/authorize-meeting-application.png: the admin's page with its record and checks;
 * - docs/screenshots/live-agent-dashboard.png: the supervisor's dashboard, connected, with 40 agents.
 * Needs Debian's chromium (or CHROMIUM_PATH). Each step is best effort: a picture shows how far the page
 * got, and the script prints which steps did not happen.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { closeChromium, launchChromium } from '../browser/chromium';
import { signInThroughPopup } from '../browser/signInPopup';

const AGENT_EMAIL = 'ada.agent@acme.example';
const SUPERVISOR_EMAIL = 'sue.supervisor@acme.example';
const VIEWPORT = { width: 1440, height: 860 };

async function step(name: string, fn: () => Promise<void>, missed: string[]): Promise<void> {
    try {
        await fn();
    } catch (e) {
        missed.push(`${name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
}

/** a tool, not a test: a popup that does not get on is given up after a while */
function giveUpAfter(ms: number) {
    return <T>(what: string, promise: Promise<T>): Promise<T> =>
        Promise.race([
            promise,
            new Promise<never>((_, reject) =>
                setTimeout(() => reject(new Error(`gave up waiting for ${what}`)), ms).unref()
            )
        ]);
}

/** Drives the console at `url` and writes the screenshot; returns the steps that did not happen. */
async function captureConsole(page: Page, url: string, out: string): Promise<string[]> {
    const missed: string[] = [];
    await page.goto(url);
    const connector = page.locator('c-cti-data-connector');
    await connector.waitFor({ timeout: 15_000 });
    await step(
        'Omni-Channel Available',
        async () => {
            await page.locator('[data-harness="omni-status-picker"]').selectOption('Available');
        },
        missed
    );
    await step(
        'gear > Email, Save',
        async () => {
            await connector.locator('.gear button').click();
            await connector.locator('lightning-input.email input').fill(AGENT_EMAIL);
            await connector.locator('lightning-button.save button').click();
            await connector.locator('.email-saved').waitFor({ timeout: 5_000 });
            await connector.locator('lightning-button.close-settings button').click();
        },
        missed
    );
    await step(
        'Connect Microsoft Teams',
        async () => {
            await connector.locator('lightning-button.connect button').click({ timeout: 10_000 });
            await signInThroughPopup(page, { login: AGENT_EMAIL }, giveUpAfter(20_000));
        },
        missed
    );
    await step(
        'Teams follows Available',
        async () => {
            await page
                .locator('[data-harness="teams-presence"][data-availability="Available"]')
                .waitFor({ timeout: 20_000 });
        },
        missed
    );
    await step(
        'the connector shows both sides in sync',
        async () => {
            await connector.locator('.health-label', { hasText: 'In sync' }).waitFor({ timeout: 20_000 });
            await connector.locator('.teams-status', { hasText: 'Available' }).waitFor({ timeout: 20_000 });
        },
        missed
    );
    await page.screenshot({ path: out });
    return missed;
}

/** The admin's Authorize Meeting Application page once its record and checks have loaded. */
async function captureAdmin(page: Page, url: string, out: string): Promise<string[]> {
    const missed: string[] = [];
    await page.goto(url);
    const component = page.locator('c-presence-authorization');
    await component.waitFor({ timeout: 15_000 });
    await step(
        'the record and the configuration check',
        () => component.locator('[data-id="issues-ok"]').waitFor({ timeout: 20_000 }),
        missed
    );
    await page.screenshot({ path: out, fullPage: true });
    return missed;
}

/** The supervisor's dashboard, connected to Teams, once every agent's Teams presence has been read. */
async function captureDashboard(page: Page, url: string, out: string): Promise<string[]> {
    const missed: string[] = [];
    await page.goto(url);
    const dashboard = page.locator('c-live-agent-dashboard');
    await dashboard.waitFor({ timeout: 15_000 });
    await step(
        'Connect as the supervisor',
        async () => {
            await dashboard.locator('button.connect').click({ timeout: 10_000 });
            await signInThroughPopup(page, { login: SUPERVISOR_EMAIL }, giveUpAfter(20_000));
        },
        missed
    );
    await step(
        'every agent read',
        async () => {
            await page.waitForFunction(
                () => {
                    const root = document.querySelector('c-live-agent-dashboard')?.shadowRoot;
                    const rows = root?.querySelectorAll('tbody tr') ?? [];
                    const notRead = root?.querySelectorAll('tbody tr[data-agreement="notRead"]') ?? [];
                    return rows.length > 0 && notRead.length === 0;
                },
                undefined,
                { timeout: 30_000 }
            );
        },
        missed
    );
    await page.screenshot({ path: out });
    return missed;
}

export const SCREENSHOTS = {
    console: 'console.png',
    admin: 'authorize-meeting-application.png',
    dashboard: 'live-agent-dashboard.png'
} as const;

/** All three pictures into `dir`; returns what did not happen, per picture. */
export async function capturePages(options: {
    consoleUrl: string;
    adminUrl: string;
    dashboardUrl: string;
    chromiumArgs: string[];
    dir: string;
}): Promise<string[]> {
    // launched once, as the browser tests launch it (harness/browser/chromium.ts); a context per page
    const browser = await launchChromium(options.chromiumArgs);
    const shoot = async (
        capture: (page: Page, url: string, out: string) => Promise<string[]>,
        url: string,
        name: string,
        what: string
    ): Promise<string[]> => {
        const context = await browser.newContext({ viewport: VIEWPORT });
        try {
            const missed = await capture(await context.newPage(), url, path.join(options.dir, name));
            return missed.map((m) => `${what}: ${m}`);
        } finally {
            await context.close();
        }
    };
    try {
        return [
            ...(await shoot(captureConsole, options.consoleUrl, SCREENSHOTS.console, 'console')),
            ...(await shoot(captureAdmin, options.adminUrl, SCREENSHOTS.admin, 'admin')),
            ...(await shoot(captureDashboard, options.dashboardUrl, SCREENSHOTS.dashboard, 'dashboard'))
        ];
    } finally {
        await closeChromium(browser);
    }
}
