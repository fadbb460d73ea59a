/**
 * The user's part of connecting Teams from a page that embeds the bridge (console, dashboard): click the
 * bridge's in-frame Connect button (a real click, so the popup has a user gesture) and sign in on the
 * identity provider's page in the popup. The popup closes at once when the provider's session already
 * answers (e.g. a second tab); its close is awaited from before any click, so it can never be missed.
 */
import type { Page } from 'playwright-core';
import { PATHS } from './pages';
import { waitUntil } from './scenarios';
import { PASSWORD, clickClosingPopup } from './session';

export async function signInThroughBridge(page: Page, login: string): Promise<void> {
    const frame = await waitUntil('the bridge frame', async () =>
        page.frames().find((f) => f.url().includes(PATHS.bridgePage))
    );
    const button = frame.locator('#teams-connect');
    await button.waitFor({ state: 'visible', timeout: 10_000 });
    const popupPromise = page.context().waitForEvent('page', { timeout: 10_000 });
    await button.click();
    const popup = await popupPromise;
    const closed = popup.waitForEvent('close', { timeout: 15_000 }).then(() => 'closed' as const);
    const shown = await Promise.race([
        popup
            .locator('#login')
            .waitFor({ timeout: 10_000 })
            .then(() => 'form' as const),
        closed
    ]);
    if (shown === 'closed') return;
    await popup.locator('#login').fill(login);
    await popup.locator('#password').fill(PASSWORD);
    await clickClosingPopup(popup, '#submit');
    await closed.catch(async (error: unknown) => {
        if (popup.isClosed()) return;
        const text = await popup
            .locator('body')
            .innerText({ timeout: 1_000 })
            .catch(() => '');
        throw new Error(
            `the sign-in popup stayed open at ${popup.url()}: ${text.slice(0, 300)} (${String(error)})`
        );
    });
}
