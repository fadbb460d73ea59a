/**
 * Browser scenarios of least privilege: every harness page runs as one user with only their permission
 * set (read from force-app by the harness), and the Visualforce origin serves the Teams bridge page only
 * to a session whose user has page access. The console and dashboard scenarios run the agent and the
 * supervisor this way; here the admin's setup page does its reads and the bridge page's session check is
 * seen in a real browser.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { CONSOLE_PATHS } from '../harness/console/mount';
import { INSUFFICIENT_PRIVILEGES, LOGIN_REQUIRED_TITLE } from '../harness/console/session';
import { PATHS } from './pages';
import { ADA, waitUntil, type Scenario } from './scenarios';
import { signInThroughPopup } from '../harness/browser/signInPopup';
import { waitFor } from './wait';
import { openLightningPage } from './console';

async function permissionSets(page: Page): Promise<string[]> {
    return waitUntil('the page runtime', () =>
        page.evaluate(
            () =>
                (
                    window as unknown as {
                        harness?: { runtime: { org: { snapshot: { user: { permissionSets: string[] } } } } };
                    }
                ).harness?.runtime.org.snapshot.user.permissionSets
        )
    );
}

export const leastPrivilegeScenarios: Scenario[] = [
    {
        name: 'least privilege: the setup page runs as the admin with PresenceSyncAdmin only and loads the record, the validator and the delivered configurations',
        async run({ env }) {
            const { page, context, errors, close } = await openLightningPage(env, CONSOLE_PATHS.admin);
            try {
                assert.deepEqual(await permissionSets(page), ['PresenceSyncAdmin']);
                const component = page.locator('c-presence-authorization');
                // getRecord of the configuration's Azure ids (field-level security of the admin's set)
                await waitUntil('the client id from the record', async () =>
                    (await component.locator('input[name="clientId"]').inputValue()) === env.harness.clientId
                        ? true
                        : undefined
                );
                // the configuration query with its rows, and the delivered configurations query
                await component.locator('[data-id="issues-ok"]').waitFor();
                await component.locator('[data-id="all-present"]').waitFor();
                assert.equal(await component.locator('[data-id="issues-error"]').count(), 0);
                assert.equal(await component.locator('[data-id="delivered-error"]').count(), 0);
                // the admin's session opens the bridge page (PresenceSyncAdmin has page access)
                const bridge = await context.newPage();
                await bridge.goto(`${env.harness.urls.visualforce}${PATHS.bridgePage}`);
                assert.equal(await bridge.locator('#harness-access-title').count(), 0);
                assert.deepEqual(errors, []);
            } finally {
                await close();
            }
        }
    },
    {
        name: "the admin's test sign-in checks what agents and what supervisors need (the supervisors' own app) and says which consent is in place",
        async run({ env }) {
            const { page, errors, close } = await openLightningPage(env, CONSOLE_PATHS.admin);
            try {
                const component = page.locator('c-presence-authorization');
                await waitUntil('the client id from the record', async () =>
                    (await component.locator('input[name="clientId"]').inputValue()) === env.harness.clientId
                        ? true
                        : undefined
                );
                await component
                    .locator('input[name="supervisorClientId"]')
                    .fill(env.harness.supervisorClientId);
                await component.locator('input[name="loginHint"]').fill(ADA.upn);
                await component.locator('button[name="test"]').click();
                // the agents' part: the frame's Connect, the sign-in window
                await signInThroughPopup(page, { pick: ADA.upn }, waitFor);
                // the supervisors' part with their own app: no session in the hidden frame, a second click
                await waitUntil("the supervisors' Connect step", async () =>
                    /supervisors/i.test(
                        (await component.locator('[data-id="test-status"]').textContent()) ?? ''
                    )
                        ? true
                        : undefined
                );
                await signInThroughPopup(page, { pick: ADA.upn }, waitFor);
                await component.locator('[data-id="supervisor-result"]').waitFor();
                assert.equal(await component.locator('[data-id="upn"]').textContent(), ADA.upn);
                assert.equal(
                    await component.locator('[data-id="agent-consent"]').getAttribute('data-consent'),
                    'inPlace'
                );
                const supervisor = component.locator('[data-id="supervisor-result"]');
                assert.match(
                    (await supervisor.textContent()) ?? '',
                    new RegExp(`supervisors' app ${env.harness.supervisorClientId}`)
                );
                assert.equal(
                    ((await supervisor.locator('[data-result="ok"]').textContent()) ?? '').trim(),
                    "Sign-in works, and everyone's Teams presence can be read (getPresencesByUserId)."
                );
                assert.equal(
                    await component.locator('[data-id="supervisor-consent"]').getAttribute('data-consent'),
                    'inPlace'
                );
                assert.deepEqual(errors, []);
            } finally {
                await close();
            }
        }
    },
    {
        name: 'least privilege: console and dashboard run with only their permission set; the bridge page needs a session with page access',
        async run({ env }) {
            const context = await env.newContext();
            try {
                const page = await context.newPage();
                // no Salesforce page opened yet: no session on the site
                const response = await page.goto(`${env.harness.urls.visualforce}${PATHS.bridgePage}`);
                assert.equal(response?.status(), 401);
                assert.equal(await page.locator('#harness-access-title').textContent(), LOGIN_REQUIRED_TITLE);
                assert.notEqual(LOGIN_REQUIRED_TITLE, INSUFFICIENT_PRIVILEGES.title);
                await page.goto(`${env.harness.urls.lightning}${CONSOLE_PATHS.console}`);
                assert.deepEqual(await permissionSets(page), ['PresenceSyncAgent']);
                // the console made the agent the session's user on the whole site, the Visualforce origin too
                const bridge = await context.newPage();
                const served = await bridge.goto(`${env.harness.urls.visualforce}${PATHS.bridgePage}`);
                assert.equal(served?.status(), 200);
                assert.equal(await bridge.locator('#harness-access-title').count(), 0);
                await page.goto(`${env.harness.urls.lightning}${CONSOLE_PATHS.dashboard}?agents=5`);
                assert.deepEqual(await permissionSets(page), ['PresenceSyncSupervisor']);
            } finally {
                await context.close();
            }
        }
    }
];
