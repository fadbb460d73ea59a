/**
 * Takes docs/harness-console.png (`npm start -- --screenshot docs/harness-console.png` runs it against
 * a harness on a free port): opens the console in headless Chromium and does what an agent does first (Omni-Channel Available, gear > Email, Connect
 * Microsoft Teams, then the in-frame button of the bridge, with the test user's password), then shoots
 * the page.
 * Needs Debian's chromium (or CHROMIUM_PATH). Each step is best effort: the picture shows how far the
 * connector got, and the script prints which steps did not happen.
 */
import { CHROMIUM, requireTool } from '../systemTools';
import { chromium, type Frame, type Page } from 'playwright-core';

const AGENT_EMAIL = 'ada.agent@acme.example';
const PASSWORD = 'Passw0rd!';

async function step(name: string, fn: () => Promise<void>, missed: string[]): Promise<void> {
    try {
        await fn();
    } catch (e) {
        missed.push(`${name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
}

function bridgeFrame(page: Page): Frame | undefined {
    return page.frames().find((f) => f.url().includes('/apex/TeamsBridge'));
}

/** Drives the console at `consoleUrl` and writes the screenshot; returns the steps that did not happen. */
export async function captureConsole(options: {
    consoleUrl: string;
    chromiumArgs: string[];
    out: string;
}): Promise<string[]> {
    const browser = await chromium.launch({
        executablePath: requireTool(CHROMIUM, 'npm start --screenshot'),
        headless: true,
        args: [...options.chromiumArgs, '--no-sandbox', '--disable-gpu', '--no-first-run']
    });
    const missed: string[] = [];
    try {
        const context = await browser.newContext({ viewport: { width: 1440, height: 860 } });
        const page = await context.newPage();
        await page.goto(options.consoleUrl);
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
                let frame: Frame | undefined;
                for (let i = 0; i < 100 && !frame; i += 1) {
                    frame = bridgeFrame(page);
                    if (!frame) await page.waitForTimeout(100);
                }
                if (!frame) throw new Error('no bridge frame');
                const button = frame.locator('#teams-connect');
                await button.waitFor({ state: 'visible', timeout: 10_000 });
                const popupPromise = context.waitForEvent('page', { timeout: 10_000 });
                await button.click();
                const popup = await popupPromise;
                await popup.locator('#login').fill(AGENT_EMAIL);
                await popup.locator('#password').fill(PASSWORD);
                await popup.locator('#submit').click();
                await popup.waitForEvent('close', { timeout: 15_000 });
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
        await page.waitForTimeout(1500);
        await page.screenshot({ path: options.out });
    } finally {
        await browser.close();
    }
    return missed;
}
