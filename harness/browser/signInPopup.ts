/**
 * The one way the browser tests, the benches and `npm run screenshots` drive the Microsoft sign-in
 * popup, as a person does: a real click on the Teams bridge's in-frame Connect button (the popup needs
 * that user gesture), then the identity provider's page in the popup, until the popup closes.
 *
 * The popup may close on its own at any moment after it opened: at once when the provider's session
 * still answers (a second tab), or right after the submit. So its close is listened for from the moment
 * it exists, and a Playwright call that fails because the popup has gone counts as that close, never as
 * a failure. Nothing here waits for a time: each step waits for the popup's next state or its close.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { DEFAULT_PASSWORD } from '../directory';

/** The Teams bridge page (Visualforce origin) in an iframe of the page that embeds it. */
export const BRIDGE_FRAME_SELECTOR = 'iframe[src*="/apex/TeamsBridge"]';

export interface PopupSignIn {
    /** type this sign-in name (UPN or mail) and the password into the form */
    login?: string;
    /** or pick this account (UPN) in the account picker (no password) */
    pick?: string;
    /** the password to type (default: the harness users' password) */
    password?: string;
    /** runs once the sign-in form shows, before anything is typed (e.g. to check the login hint) */
    onForm?(popup: Page): Promise<void>;
}

export interface PopupOutcome {
    /** whether the sign-in form was shown (false: the provider answered at once and the popup closed) */
    form: boolean;
    popup: Page;
}

/** Whether an error from Playwright only says that the page, its context or the browser has closed. */
export function isClosedError(error: unknown): boolean {
    return (
        error instanceof Error &&
        (error.name === 'TargetClosedError' || /has been closed|Target closed/.test(error.message))
    );
}

/** Resolves when the page has closed, whether that happened before this call or happens later. */
export function whenClosed(page: Page): Promise<void> {
    if (page.isClosed()) return Promise.resolve();
    return new Promise((resolve) => page.once('close', () => resolve()));
}

/** A step in the popup that may itself close it (the submit): the close is the success, not an error. */
async function closing(popup: Page, step: () => Promise<unknown>): Promise<void> {
    try {
        await step();
    } catch (error) {
        if (!isClosedError(error) && !popup.isClosed()) throw error;
    }
}

/** The next page of the context: the popup a click opens (listened for before the click). */
function nextPage(context: BrowserContext): Promise<Page> {
    return new Promise((resolve) => context.once('page', resolve));
}

/**
 * Clicks Connect in the bridge frame of `page` and signs in in the popup (form, or account picker);
 * resolves when the popup has closed. `whileOpen` names the wait on the popup's close for a caller
 * that reports open waits (the browser-test runner); by default the close is simply awaited.
 */
export async function signInThroughPopup(
    page: Page,
    choice: PopupSignIn,
    whileOpen: <T>(what: string, promise: Promise<T>) => Promise<T> = (_what, promise) => promise
): Promise<PopupOutcome> {
    const button = page.frameLocator(BRIDGE_FRAME_SELECTOR).locator('#teams-connect');
    await button.waitFor({ state: 'visible' });
    const opened = nextPage(page.context());
    await button.click();
    const popup = await whileOpen('the sign-in popup to open', opened);
    const closed = whenClosed(popup);
    // the sign-in page, unless the provider's own session lets it answer at once (then the popup closes)
    const form = popup
        .locator('#login-form')
        .waitFor({ state: 'visible' })
        .then(
            () => true,
            (error: unknown) => {
                if (isClosedError(error) || popup.isClosed()) return false;
                throw error;
            }
        );
    const shown = await whileOpen(
        'the sign-in form or the popup closing',
        Promise.race([form, closed.then(() => false)])
    );
    if (shown) {
        await choice.onForm?.(popup);
        if (choice.pick !== undefined) {
            const account = popup.locator(`#account-picker button[data-upn="${choice.pick}"]`);
            await closing(popup, () => account.click({ noWaitAfter: true }));
        } else {
            if (choice.login !== undefined) await popup.locator('#login').fill(choice.login);
            await popup.locator('#password').fill(choice.password ?? DEFAULT_PASSWORD);
            await closing(popup, () => popup.locator('#submit').click({ noWaitAfter: true }));
        }
    }
    await whileOpen(`the sign-in popup to close (${popup.isClosed() ? 'closed' : popup.url()})`, closed);
    return { form: shown, popup };
}
