/**
 * The CTI Data Connector at a narrow utility panel, as an admin would look at it before rolling it out:
 * in English and German, in every state an agent meets (first run, the gear's Email tab with an error,
 * connecting with the in-frame Connect step, in sync with its history, on a call, paused, a broken
 * configuration), nothing sticks out of the panel, nothing scrolls sideways, no text is cut off, each
 * button keeps its words on one line, the action buttons wrap from the content's edge with space between,
 * a history row's words stay beside its time, Cancel follows the Teams frame's Connect step, and that
 * frame's button lines up with the connector's content.
 *
 * The panel is 340 px wide (`?utilityWidth=340`): the Omni-Channel utility's width in the app's utility
 * bar and narrower than the connector's own 400 px there (PresenceSyncConsole_UtilityBar), so an admin
 * who narrows the item in App Manager still gets a panel that reads.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { BRIDGE_FRAME_SELECTOR, signInThroughPopup } from '../harness/browser/signInPopup';
import { openConsoleTab, pickOmni, type ConsoleTab } from './console-sync';
import { ADA, waitUntil, type Scenario, type ScenarioContext } from './scenarios';
import { waitFor } from './wait';

export const UTILITY_WIDTH = 340;

const connector = (page: Page) => page.locator('c-cti-data-connector');

/** What does not fit, in words: one line per element, empty when everything fits. */
export interface FitReport {
    state: string;
    problems: string[];
}

/**
 * Measures the connector inside the utility panel: the panel body must not scroll sideways, every
 * visible element must lie inside it, no text may be clipped by an overflow rule (cut off or ended with
 * an ellipsis) and no button label may wrap onto a second line.
 */
async function measure(page: Page): Promise<string[]> {
    // a script, not a function: the TypeScript loader would wrap the helpers in names the page lacks
    return page.evaluate(MEASURE) as Promise<string[]>;
}

const MEASURE = `(() => {
    const problems = [];
    const body = document.querySelector('[data-harness="utility-panel"] .slds-utility-panel__body');
    const root = document.querySelector('c-cti-data-connector');
    if (!body || !root) return ['no utility panel or connector'];
    const box = body.getBoundingClientRect();
    const describe = (el) => {
        const cls = typeof el.className === 'string' ? el.className.trim().split(/\\s+/)[0] : '';
        const text = (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 50);
        return '<' + el.tagName.toLowerCase() + (cls ? '.' + cls : '') + '> "' + text + '"';
    };
    if (body.scrollWidth > body.clientWidth + 1) {
        problems.push('the panel scrolls sideways: ' + body.scrollWidth + ' px in ' + body.clientWidth + ' px');
    }
    const all = [];
    const walk = (node) => {
        for (const child of Array.from(node.children)) {
            all.push(child);
            if (child.shadowRoot) walk(child.shadowRoot);
            walk(child);
        }
    };
    if (root.shadowRoot) walk(root.shadowRoot);
    for (const el of all) {
        const rect = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue;
        // assistive text is 1 px and clipped on purpose; the bridge frame is measured inside
        if (el.closest('.slds-assistive-text')) continue;
        if (rect.right > box.right + 0.5 || rect.left < box.left - 0.5) {
            problems.push(describe(el) + ' sticks out: ' + Math.round(rect.left - box.left) + '..' +
                Math.round(rect.right - box.left) + ' px in ' + Math.round(box.width) + ' px');
            continue;
        }
        const clips = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
        // text cut off by an overflow rule: the text itself reaches past the element's edge, measured as a
        // range without the ellipsis (which would shorten it); scrollWidth would also count a focus ring
        if (clips) {
            const inline = el.getAttribute('style');
            el.style.setProperty('text-overflow', 'clip', 'important');
            const range = document.createRange();
            range.selectNodeContents(el);
            const text = range.getBoundingClientRect();
            if (inline === null) el.removeAttribute('style');
            else el.setAttribute('style', inline);
            if (text.width > 0 && (text.right > rect.right + 1 || text.left < rect.left - 1)) {
                problems.push(
                    describe(el) + ' is cut off: its text is ' + Math.round(text.width) + ' px in ' + Math.round(rect.width) + ' px'
                );
            }
        }
        // the words a button shows (an icon button's name is assistive text, not a label)
        const shown = Array.from(el.childNodes)
            .filter((n) => !(n.classList && n.classList.contains('slds-assistive-text')))
            .map((n) => n.textContent || '').join('').trim();
        if (el.tagName === 'BUTTON' && shown !== '') {
            const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
            const inner = rect.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) -
                parseFloat(style.borderTopWidth) - parseFloat(style.borderBottomWidth);
            if (inner > line * 1.5) problems.push(describe(el) + ' wraps onto ' + Math.round(inner / line) + ' lines');
        }
    }
    // what an admin reads as a layout: measured on the elements the walk found, by their geometry
    // (synthetic shadow DOM keeps querySelector and contains from crossing component boundaries)
    if (all.length < 40) problems.push('measured only ' + all.length + ' elements');
    const has = (el, cls) => el.classList && el.classList.contains(cls);
    const inside = (inner, outer) => inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 &&
        inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;
    const visible = (r) => r.width > 0 && r.height > 0;
    // the action buttons: each line starts at the content's left edge, no two buttons touch
    const actions = all.find((el) => has(el, 'actions'));
    if (actions) {
        const area = actions.getBoundingClientRect();
        const buttons = all.filter((el) => el.tagName === 'BUTTON' && visible(el.getBoundingClientRect()) &&
            inside(el.getBoundingClientRect(), area)).map((el) => el.getBoundingClientRect());
        for (const b of buttons) {
            const leftOf = buttons.filter((o) => o !== b && Math.abs(o.top - b.top) < 2 && o.right <= b.left + 0.5);
            if (leftOf.length === 0 && Math.abs(b.left - box.left - (area.left - box.left)) > 1) {
                problems.push('an action button line starts ' + Math.round(b.left - area.left) + ' px in from the content edge');
            }
            for (const o of buttons.slice(buttons.indexOf(b) + 1)) {
                const apart = Math.max(o.left - b.right, b.left - o.right, o.top - b.bottom, b.top - o.bottom);
                if (apart < 4) problems.push('two action buttons are ' + Math.round(apart) + ' px apart');
            }
        }
    }
    // each history row: the time is a column, its words never wrap back under the time
    let time = null;
    for (const el of all) {
        if (has(el, 'history-row')) time = null;
        if (el.tagName === 'LIGHTNING-FORMATTED-DATE-TIME') time = el.getBoundingClientRect();
        if (time && el.tagName === 'SPAN' && (has(el, 'history-change') || has(el, 'history-reason') || has(el, 'history-source'))) {
            for (const line of Array.from(el.getClientRects())) {
                if (line.left < time.right) {
                    problems.push(describe(el) + ' wraps under the time of its history row');
                    break;
                }
            }
        }
    }
    // connecting: Cancel comes after the Teams frame's Connect step, in reading and focus order
    const cancel = all.find((el) => has(el, 'cancel-connect'));
    const frame = all.find((el) => el.tagName === 'IFRAME');
    if (cancel && frame && visible(frame.getBoundingClientRect()) &&
        cancel.getBoundingClientRect().top < frame.getBoundingClientRect().bottom - 0.5) {
        problems.push('Cancel stands above the Teams frame it cancels');
    }
    return problems;
})()`;

/**
 * The bridge frame's document must fit its frame (the in-frame Connect step), and its Connect button
 * line up with the connector's content (`indentTolerance`: the room the focus outline needs).
 */
async function measureFrame(page: Page, frame: Frame): Promise<string[]> {
    const frameBox = await page.locator(BRIDGE_FRAME_SELECTOR).boundingBox();
    const contentBox = await connector(page).locator('.health').boundingBox();
    const problems = await frame.evaluate(() => {
        const doc = document.documentElement;
        const problems: string[] = [];
        if (doc.scrollWidth > doc.clientWidth + 1) {
            problems.push(`the Teams frame scrolls sideways: ${doc.scrollWidth} px in ${doc.clientWidth} px`);
        }
        for (const el of Array.from(document.querySelectorAll('button'))) {
            const rect = el.getBoundingClientRect();
            if (rect.right > doc.clientWidth + 0.5) {
                problems.push(`the frame's button "${(el.textContent ?? '').trim()}" sticks out`);
            }
        }
        return problems;
    });
    const button = await frame.locator('#teams-connect').boundingBox();
    if (frameBox && contentBox && button) {
        // boundingBox is in the page's coordinates, for an element in a frame too
        const indent = Math.round(button.x - contentBox.x);
        if (Math.abs(indent) > 4) {
            problems.push(`the frame's Connect button starts ${indent} px from the connector's content edge`);
        }
    } else {
        problems.push('the Teams frame, its Connect button or the connector content is not shown');
    }
    return problems;
}

async function shot(page: Page, name: string): Promise<void> {
    const dir = process.env.CONNECTOR_WIDTH_SHOTS;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    await page.locator('[data-harness="utility-panel"]').screenshot({ path: `${dir}/${name}.png` });
}

async function check(page: Page, lang: string, state: string, reports: FitReport[]): Promise<void> {
    await shot(page, `${lang}-${state}`);
    reports.push({ state: `${lang} ${state}`, problems: await measure(page) });
}

async function walkStates(ctx: ScenarioContext, lang: 'en' | 'de'): Promise<FitReport[]> {
    const { env } = ctx;
    const query = `?setup=phone&utilityWidth=${UTILITY_WIDTH}${lang === 'de' ? '&lang=de' : ''}`;
    const reports: FitReport[] = [];
    const tab: ConsoleTab = await openConsoleTab(env, query);
    const page = tab.page;
    const c = connector(page);
    try {
        await pickOmni(page, 'Available');
        await c.locator('.first-run').waitFor();
        await check(page, lang, 'first-run', reports);

        // the gear's Email tab, with an invalid address and its message
        await c.locator('.gear button').click();
        await c.locator('lightning-input.email input').fill('not-an-address');
        await c.locator('lightning-button.save button').click();
        await c.locator('.email-error').waitFor();
        await check(page, lang, 'email-error', reports);
        await c.locator('lightning-input.email input').fill(ADA.upn);
        await c.locator('lightning-button.save button').click();
        await c.locator('.email-saved').waitFor();
        await check(page, lang, 'email-saved', reports);
        await c.locator('lightning-button.close-settings button').click();

        // connecting: the hint and the in-frame Connect step
        await c.locator('lightning-button.connect button').click();
        await c.locator('.connect-hint').waitFor();
        await page.frameLocator(BRIDGE_FRAME_SELECTOR).locator('#teams-connect').waitFor();
        await check(page, lang, 'connecting', reports);
        const frame = page.frames().find((f) => f.url().includes('/apex/TeamsBridge'));
        assert.ok(frame, 'the bridge frame');
        reports.push({
            state: `${lang} connecting (Teams frame)`,
            problems: await measureFrame(page, frame)
        });
        await signInThroughPopup(page, { login: ADA.upn }, waitFor);
        await c.locator('lightning-button.pause').waitFor();
        await check(page, lang, 'syncing', reports);

        // on a call
        await page.locator('[data-harness="softphone-connect"]').click();
        await c.locator('.on-call').waitFor();
        await check(page, lang, 'on-call', reports);
        await page.locator('[data-harness="softphone-end"]').click();
        await waitUntil('the call is over', async () =>
            (await c.locator('.on-call').count()) === 0 ? true : undefined
        );

        // a few changes fill the history
        for (const status of ['Busy', 'Away', 'Available']) {
            await pickOmni(page, status);
        }
        await waitUntil('three more history rows', async () =>
            (await c.locator('.history-row').count()) >= 5 ? true : undefined
        );
        await check(page, lang, 'history', reports);

        // paused
        await c.locator('lightning-button.pause button').click();
        await c.locator('lightning-button.resume').waitFor();
        await check(page, lang, 'paused', reports);
    } finally {
        await tab.context.close().catch(() => undefined);
    }

    // a broken configuration: the problem and each issue
    const broken = await openConsoleTab(env, query.replace('setup=phone', 'setup=broken'));
    try {
        await connector(broken.page).locator('.config-issues li').first().waitFor();
        await check(broken.page, lang, 'broken-configuration', reports);
    } finally {
        await broken.context.close().catch(() => undefined);
    }
    return reports;
}

function assertFits(reports: FitReport[]): void {
    const failing = reports.filter((r) => r.problems.length > 0);
    assert.deepEqual(
        failing.map((r) => `${r.state}: ${r.problems.join('; ')}`),
        [],
        `at ${UTILITY_WIDTH} px`
    );
}

export const connectorWidthScenarios: Scenario[] = (['en', 'de'] as const).map((lang) => ({
    name: `connector width: at ${UTILITY_WIDTH} px in ${lang === 'en' ? 'English' : 'German'} every state fits the utility panel, nothing cut off or wrapped`,
    async run(ctx: ScenarioContext) {
        assertFits(await walkStates(ctx, lang));
    }
}));
