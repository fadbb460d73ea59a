/**
 * Takes docs/harness-console.png (`npm start -- --screenshot docs/harness-console.png` runs it against
 * a harness on a free port): opens the console in headless Chromium and does what an agent does first (Omni-Channel Available, gear > Email, Connect
 * Microsoft Teams, then the in-frame button of the bridge, with the test user's password), then shoots
 * the page.
 * Needs Debian's chromium (or CHROMIUM_PATH). Each step is best effort: the picture shows how far the
 * connector got, and the script prints which steps did not happen.
 */
import { closeChromium, launchChromium } from '../browser/chromium';
import { signInThroughPopup } from '../browser/signInPopup';

const AGENT_EMAIL = 'ada.agent@acme.example';

async function step(name: string, fn: () => Promise<void>, missed: string[]): Promise<void> {
    try {
        await fn();
    } catch (e) {
        missed.push(`${name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
}

/** Drives the console at `consoleUrl` and writes the screenshot; returns the steps that did not happen. */
export async function captureConsole(options: {
    consoleUrl: string;
    chromiumArgs: string[];
    out: string;
}): Promise<string[]> {
    // launched as the browser tests launch it (harness/browser/chromium.ts)
    const browser = await launchChromium(options.chromiumArgs);
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
                // a tool, not a test: a popup that does not get on is given up after a while
                await signInThroughPopup(page, { login: AGENT_EMAIL }, (what, promise) =>
                    Promise.race([
                        promise,
                        new Promise<never>((_, reject) =>
                            setTimeout(() => reject(new Error(`gave up waiting for ${what}`)), 20_000).unref()
                        )
                    ])
                );
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
                await connector
                    .locator('.teams-status', { hasText: 'Available' })
                    .waitFor({ timeout: 20_000 });
            },
            missed
        );
        await page.screenshot({ path: options.out });
    } finally {
        await closeChromium(browser);
    }
    return missed;
}
