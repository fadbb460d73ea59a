/**
 * Browser scenarios of what the connector says to an agent, read as the agent reads it: the health text
 * and the utility bar label never claim agreement that is not there, a new agent is guided through the
 * first run, and the history has one row per thing that happened, in the user's language. The admin's
 * configuration check says each problem in the admin's words and language, the API detail after it.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BRIDGE_FRAME_SELECTOR } from '../harness/browser/signInPopup';
import { CONSOLE_PATHS } from '../harness/console/mount';
import { BROKEN_CONFIGURATION_NAME } from '../harness/platform/constants';
import {
    connectIn,
    connectTeams,
    omniStatus,
    openConsoleTab,
    panel,
    pickOmni,
    saveEmail,
    teamsManual,
    type ConsoleTab
} from './console-sync';
import { ADA, waitUntil, type Scenario } from './scenarios';
import { openLightningPage } from './console';

const connector = (page: Page) => page.locator('c-cti-data-connector');

async function textOf(page: Page, selector: string): Promise<string> {
    const el = connector(page).locator(selector).first();
    return (await el.count()) === 0 ? '' : ((await el.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function utilityLabel(page: Page): Promise<string> {
    return ((await page.locator('[data-harness="utility-label"]').textContent()) ?? '').trim();
}

/** The history rows as the agent reads them: source, change, reason. */
export async function historyRows(page: Page): Promise<string[][]> {
    return connector(page)
        .locator('.history-row')
        .evaluateAll((rows) =>
            rows.map((row) =>
                [...row.querySelectorAll('span')].map((s) =>
                    (s.textContent ?? '').replace(/\s+/g, ' ').trim()
                )
            )
        );
}

async function closeTab(tab: ConsoleTab): Promise<void> {
    await tab.context.close().catch(() => undefined);
}

/** Waits until the health label and the utility bar label both say `health`. */
async function waitForHealth(page: Page, health: string): Promise<void> {
    let last = '';
    await waitUntil(
        `health "${health}" in the panel and the utility bar`,
        async () => {
            const label = await textOf(page, '.health-label');
            const utility = await utilityLabel(page);
            last = `${label} | ${utility}`;
            // "Teams sync: …", "Teams-Sync: …" in German
            return label === health && /^Teams[ -][Ss]ync: /.test(utility) && utility.endsWith(`: ${health}`)
                ? true
                : undefined;
        },
        () => last
    );
}

export const connectorWordsScenarios: Scenario[] = [
    {
        name: 'connector words: a new agent is guided, email first, then Connect, then In sync',
        async run({ env }) {
            const tab = await openConsoleTab(env, '?setup=phone');
            const page = tab.page;
            try {
                await pickOmni(page, 'Available');
                await waitForHealth(page, 'Not connected yet');
                assert.equal(
                    await textOf(page, '.health-help'),
                    'Save your email first, then connect Microsoft Teams.'
                );
                assert.equal(await connector(page).locator('.first-run li').count(), 2);
                // nothing red, nothing to click that cannot work yet
                assert.equal(await connector(page).locator('lightning-button.connect').count(), 0);
                assert.equal(await connector(page).locator('lightning-button.pause').count(), 0);
                assert.equal(await connector(page).locator('.slds-text-color_error').count(), 0);

                // step 1: the step's own button opens the email field
                await connector(page).locator('lightning-button.first-run-email button').click();
                await connector(page).locator('lightning-input.email input').fill(ADA.upn);
                await connector(page).locator('lightning-button.save button').click();
                await connector(page).locator('.email-saved').waitFor();
                await connector(page).locator('lightning-button.close-settings button').click();

                // step 2: Connect is offered, the text says it is next
                await connector(page).locator('lightning-button.connect').waitFor();
                await waitForHealth(page, 'Not connected yet');
                assert.equal(
                    await textOf(page, '.health-help'),
                    'Connect Microsoft Teams to start the sync.'
                );
                await connectTeams(page);
                await waitForHealth(page, 'In sync');
                assert.equal(await connector(page).locator('.first-run').count(), 0);
                assert.deepEqual(tab.errors, []);
            } finally {
                await closeTab(tab);
            }
        }
    },
    {
        name: 'connector words: Teams Appear offline is said as such, never In sync',
        async run({ env, control }) {
            const tab = await openConsoleTab(env, '?setup=phone');
            const page = tab.page;
            try {
                // the person has Teams running, so "Appear offline" has something to hide
                await page.locator('[data-harness="teams-sign-in"]').click();
                await connectIn(tab, control, 'Busy');
                await waitForHealth(page, 'In sync');
                await teamsManual(page, 'AppearOffline');
                await waitUntil('Teams Offline in the panel', async () =>
                    (await panel(page)).teams.startsWith('Offline') ? true : undefined
                );
                // the configuration leaves Salesforce as it is (Teams offline: no change): the two differ
                await waitForHealth(page, 'Teams shows you offline');
                assert.equal(await omniStatus(page), 'Busy');
                assert.equal((await panel(page)).salesforce, 'Busy');
                assert.match(await textOf(page, '.health-help'), /app cannot change that/);
                assert.deepEqual(tab.errors, []);
            } finally {
                await closeTab(tab);
            }
        }
    },
    {
        name: 'connector words: one history row per change, one Disconnected by you, nothing stale after Disconnect',
        async run({ env, control }) {
            const tab = await openConsoleTab(env, '?setup=phone');
            const page = tab.page;
            try {
                await connectIn(tab, control, 'Available');
                await pickOmni(page, 'Away');
                await waitUntil('Away in both', async () => {
                    const v = await panel(page);
                    return v.salesforce === 'Away' && v.teams === 'Away' ? true : undefined;
                });
                const rows = await historyRows(page);
                const flat = rows.map((r) => r.join(' | '));
                for (const noise of ['Own change confirmed', 'This tab syncs', 'First Teams reading'])
                    assert.ok(!flat.some((r) => r.includes(noise)), `${noise} in ${flat.join('\n')}`);
                assert.ok(
                    !rows.some((r) => /^(.+) → \1$/.test(r[1] ?? '')),
                    `a change to the same value: ${flat.join('\n')}`
                );
                assert.equal(
                    flat.filter((r) => r === 'Salesforce | Available → Away | Changed by you').length,
                    1,
                    flat.join('\n')
                );
                assert.equal(
                    flat.filter((r) => r === 'Teams | Available → Away | Written to Teams').length,
                    1,
                    flat.join('\n')
                );

                await connector(page).locator('lightning-button.disconnect button').click();
                await waitForHealth(page, 'Disconnected');
                await connector(page).locator('lightning-button.connect').waitFor();
                assert.equal((await panel(page)).teams, 'Not connected');
                const after = (await historyRows(page)).map((r) => r.join(' | '));
                assert.equal(
                    after.filter((r) => r.includes('Disconnected by you')).length,
                    1,
                    after.join('\n')
                );
                assert.deepEqual(tab.errors, []);
            } finally {
                await closeTab(tab);
            }
        }
    },
    {
        name: 'connector words: in German the history speaks German on both sides',
        async run({ env }) {
            const tab = await openConsoleTab(env, '?setup=phone&lang=de');
            const page = tab.page;
            try {
                await pickOmni(page, 'Available');
                await waitForHealth(page, 'Noch nicht verbunden');
                await connector(page).locator('lightning-button.first-run-email button').click();
                await connector(page).locator('lightning-input.email input').fill(ADA.upn);
                await connector(page).locator('lightning-button.save button').click();
                await connector(page).locator('.email-saved').waitFor();
                await connector(page).locator('lightning-button.close-settings button').click();
                await connectTeams(page);
                await waitForHealth(page, 'Synchron');
                await pickOmni(page, 'Away');
                await waitUntil('Abwesend in both', async () => {
                    const v = await panel(page);
                    return v.salesforce === 'Abwesend' && v.teams === 'Abwesend' ? true : undefined;
                });
                const flat = (await historyRows(page)).map((r) => r.join(' | '));
                assert.ok(
                    flat.includes('Salesforce | Verfügbar → Abwesend | Von Ihnen geändert'),
                    flat.join('\n')
                );
                assert.ok(
                    flat.includes('Teams | Verfügbar → Abwesend | In Teams geschrieben'),
                    flat.join('\n')
                );
                assert.deepEqual(tab.errors, []);
            } finally {
                await closeTab(tab);
            }
        }
    },
    {
        name: 'connector words: a German agent gets the in-frame Connect step in German, SLDS-styled, with keyboard focus',
        async run({ env }) {
            const tab = await openConsoleTab(env, '?setup=phone&lang=de');
            const page = tab.page;
            try {
                await pickOmni(page, 'Available');
                await saveEmail(page, ADA.upn);
                await connector(page).locator('lightning-button.connect button').click();
                const bridge = page.frameLocator(BRIDGE_FRAME_SELECTOR);
                await bridge.locator('#teams-connect').waitFor();
                const frame = page.frames().find((f) => f.url().includes('/apex/TeamsBridge'));
                assert.ok(frame, 'the bridge frame');
                // focus follows the Connect click into the frame, onto its button (not <body>)
                let last = '';
                const seen = await waitUntil(
                    'keyboard focus on the in-frame Connect button',
                    async () => {
                        const inFrame = await frame.evaluate(() => ({
                            focused: document.hasFocus(),
                            active: document.activeElement?.id || (document.activeElement?.tagName ?? '')
                        }));
                        last = JSON.stringify(inFrame);
                        // hasFocus: the frame holds the page's keyboard focus (the connector moved it there)
                        return inFrame.focused && inFrame.active === 'teams-connect' ? inFrame : undefined;
                    },
                    () => last
                );
                assert.equal(seen.active, 'teams-connect');
                const view = await frame.evaluate(() => {
                    const button = document.getElementById('teams-connect') as HTMLButtonElement;
                    return {
                        lang: document.documentElement.lang,
                        title: document.title,
                        button: button.textContent,
                        background: getComputedStyle(button).backgroundColor,
                        status: document.getElementById('teams-status')?.textContent ?? ''
                    };
                });
                assert.deepEqual(view, {
                    lang: 'de',
                    title: 'Microsoft Teams-Verbindung',
                    button: 'Microsoft Teams verbinden',
                    // SLDS brand button, not Teams purple
                    background: 'rgb(1, 118, 211)',
                    status: 'Verbinden Sie Microsoft Teams, damit Ihr Teams-Status mit Salesforce übereinstimmt.'
                });
                // the keyboard alone goes on: Enter on the focused button opens the Microsoft sign-in window
                const popup = page.context().waitForEvent('page');
                await page.keyboard.press('Enter');
                const signIn = await popup;
                // MSAL opens the window blank and then sends it to the Microsoft sign-in page
                await signIn.waitForURL(/^https:\/\/login\./);
                assert.deepEqual(tab.errors, []);
            } finally {
                await closeTab(tab);
            }
        }
    }
];

export const adminWordsScenarios: Scenario[] = [
    {
        name: "admin words: the configuration check speaks the admin's language, the API detail follows",
        async run({ env }) {
            const { page, errors, close } = await openLightningPage(env, `${CONSOLE_PATHS.admin}?lang=de`);
            try {
                const picker = page.locator('[data-harness="record-picker"]');
                const broken = await picker
                    .locator('option', { hasText: BROKEN_CONFIGURATION_NAME })
                    .getAttribute('value');
                assert.ok(broken, 'the broken configuration is offered');
                await picker.selectOption(broken);
                await page.waitForURL(/recordId=/);
                const component = page.locator('c-presence-authorization');
                await component.locator('tr[data-issue]').first().waitFor();
                const rows = await component.locator('tr[data-issue]').evaluateAll((trs) =>
                    trs.map((tr) => {
                        const [, field, problem] = [...tr.querySelectorAll('td')];
                        const detail = problem.querySelector('[data-id="issue-detail"]');
                        return {
                            field: (field.textContent ?? '').trim(),
                            problem: (problem.firstChild?.textContent ?? '').trim(),
                            detail: (detail?.textContent ?? '').trim()
                        };
                    })
                );
                const duplicate = rows.find((r) =>
                    r.problem.startsWith('Zeile 1 ordnet den Salesforce-Status')
                );
                assert.ok(duplicate, JSON.stringify(rows));
                assert.equal(duplicate.field, 'Salesforce-Status (SalesforceStatus__c)');
                assert.equal(duplicate.problem, 'Zeile 1 ordnet den Salesforce-Status Available bereits zu.');
                // the validator's own words (API names) follow as the technical detail
                assert.match(
                    duplicate.detail,
                    /^Technische Details: row 2 repeats the FromSalesforce__c status/
                );
                const session = rows.find((r) => r.problem.includes('Sitzungspräsenz'));
                assert.ok(session, JSON.stringify(rows));
                assert.equal(session.field, 'Teams-Aktivität (TeamsActivity__c)');
                assert.match(session.detail, /setPresence does not accept/);
                assert.deepEqual(errors, []);
            } finally {
                await close();
            }
        }
    }
];
