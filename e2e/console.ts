/**
 * Browser scenarios of the console shell (`npm start`'s page, harness/console): the compiled
 * c-cti-data-connector mounts in the utility bar through the Aura host stand-in, drives the utility bar
 * API, and renders its custom labels in English and German.
 */
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { BROKEN_CONFIGURATION_NAME } from '../harness/platform/constants';
import { CONSOLE_PATHS } from '../harness/console/mount';
import type { Environment } from './env';
import { ADA, waitUntil, type Scenario, type ScenarioContext } from './scenarios';
import { signInThroughPopup } from '../harness/browser/signInPopup';
import { waitFor } from './wait';
import { panel } from './console-sync';

export interface LightningPage {
    page: Page;
    context: BrowserContext;
    /** the page's uncaught errors */
    errors: string[];
    close(): Promise<void>;
}

/** A page of the Lightning origin (`path` with its query) in a fresh browser context, its errors collected. */
export async function openLightningPage(env: Environment, path: string): Promise<LightningPage> {
    const context = await env.newContext();
    try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${env.harness.urls.lightning}${path}`);
        return { page, context, errors, close: () => context.close() };
    } catch (error) {
        await context.close();
        throw error;
    }
}

export function openConsole(env: Environment, query: string): Promise<LightningPage> {
    return openLightningPage(env, `${CONSOLE_PATHS.console}${query}`);
}

/** The connector's visible text once it has rendered its configuration state. */
async function connectorText(page: Page, expected: RegExp): Promise<string> {
    return waitUntil(`connector text matching ${expected}`, async () => {
        const text = (await page.locator('c-cti-data-connector').first().textContent()) ?? '';
        return expected.test(text) ? text : undefined;
    });
}

/** gear > Email, Save, Connect Microsoft Teams, the bridge's in-frame button, the sign-in popup. */
async function connectAda(page: Page): Promise<void> {
    const connector = page.locator('c-cti-data-connector');
    await connector.locator('.gear button').click();
    await connector.locator('lightning-input.email input').fill(ADA.upn);
    await connector.locator('lightning-button.save button').click();
    await connector.locator('.email-saved').waitFor();
    await connector.locator('lightning-button.close-settings button').click();
    await connector.locator('lightning-button.connect button').click();
    await signInThroughPopup(page, { login: ADA.upn }, waitFor);
}

async function teamsOf(control: ScenarioContext['control']): Promise<string> {
    const p = await control.call<{ availability: string; activity: string }>(
        'GET',
        `users/${ADA.upn}/presence`
    );
    return `${p.availability}/${p.activity}`;
}

export const consoleScenarios: Scenario[] = [
    {
        name: 'console shell: the connector mounts in the utility bar, drives its label and explains the paused sync',
        async run({ env }) {
            const { page, close, errors } = await openConsole(env, '?setup=broken');
            try {
                await page.locator('[data-utility-id] c-cti-data-connector').waitFor();
                const text = await connectorText(page, /Sync is paused/);
                assert.match(text, /CTI Data Connector/);
                if (/has problems/.test(text))
                    assert.match(text, new RegExp(BROKEN_CONFIGURATION_NAME.replace(/[()]/g, '\\$&')));
                // the connector reported its health through lightning/platformUtilityBarApi.updateUtility
                const label = await waitUntil('utility label set by the connector', async () => {
                    const l = (await page.locator('[data-harness="utility-label"]').textContent()) ?? '';
                    return l && l !== 'CTI Data Connector' ? l : undefined;
                });
                assert.ok(label.length > 0);
                // the Aura host stand-in gave the connector the current Omni status at init
                assert.match(
                    (await page.locator('[data-harness="aura-host-log"]').textContent()) ?? '',
                    /currentStatus/
                );
                assert.deepEqual(errors, []);
            } finally {
                await close();
            }
        }
    },
    {
        name: 'console shell: ?lang=de renders the German custom labels',
        async run({ env }) {
            const { page, close, errors } = await openConsole(env, '?setup=broken&lang=de');
            try {
                const text = await connectorText(page, /Die Synchronisierung ist angehalten/);
                assert.doesNotMatch(text, /Sync is paused/);
                assert.ok(text.includes(BROKEN_CONFIGURATION_NAME), `configuration name in: ${text}`);
                assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
                assert.deepEqual(errors, []);
            } finally {
                await close();
            }
        }
    },
    {
        name: 'console shell end to end: Omni Available reaches Teams, a Teams call puts Omni On a Call, the softphone reason code follows',
        async run({ env, control }) {
            const { page, close, errors } = await openConsole(env, '?setup=phone');
            try {
                await page.locator('[data-harness="omni-status-picker"]').selectOption('Available');
                await connectAda(page);
                await waitUntil('Teams Available', async () =>
                    (await teamsOf(control)) === 'Available/Available' ? true : undefined
                );
                await waitUntil('reason code AVAILABLE', async () =>
                    (await page.locator('[data-harness="softphone-reason-code"]').textContent()) ===
                    'AVAILABLE'
                        ? true
                        : undefined
                );
                // the connector has read its write back: both sides show Available (the state an agent
                // sees before a call comes in; a change made before that read is taken for what masks
                // the write, see docs/sync-policy.md)
                await waitUntil('the connector shows Teams Available', async () =>
                    (await panel(page)).teams === 'Available' ? true : undefined
                );
                await control.call('POST', `users/${ADA.upn}/call`, { inCall: true });
                await waitUntil('Omni On a Call', async () =>
                    (await page.locator('[data-harness="omni-status"]').getAttribute('data-status')) ===
                    'On_a_Call'
                        ? true
                        : undefined
                );
                assert.match(
                    (await page.locator('[data-harness="aura-host-log"]').textContent()) ?? '',
                    /"type":"setStatus"/
                );
                assert.deepEqual(errors, []);
            } finally {
                await close();
            }
        }
    }
];
