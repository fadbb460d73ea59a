/**
 * Browser scenarios of what a supervisor sees on the Live Agent Dashboard, measured in Chromium with the
 * SLDS styles the page really has: a mismatch row's text against the row's computed background (WCAG 2.2
 * success criterion 1.4.3, contrast at least 4.5:1) and its presence dot against it (1.4.11, non-text
 * contrast at least 3:1), the Omni status labels instead of API names, every cell's text inside its
 * column at 1,440 px in English and German, nothing overlapping at 800 px (the table scrolls sideways in
 * its own container, the page does not), and sa11y's rules (axe) in each of these states.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { report, violations } from './accessibility';
import { signedInDashboard, type DashboardView } from './dashboard';
import { waitUntil, type Scenario, type ScenarioContext } from './scenarios';

const COMPONENT = 'c-live-agent-dashboard';

interface RowContrast {
    row: string;
    text: string;
    ratio: number;
}

interface Measured {
    /** row text below 4.5:1 against its row's background, with the ratio */
    lowText: RowContrast[];
    /** the lowest text contrast over all mismatch rows */
    minText: number;
    /** presence dots below 3:1 against their row's background */
    lowDots: RowContrast[];
    /** presence-dot tones seen in mismatch rows (e.g. away) */
    dotTones: string[];
    mismatchRows: number;
    /** colours the page gave in a form this measurement cannot read (a failure, never skipped) */
    unreadable: string[];
    /** table texts that look like API names (On_a_Call) */
    apiNames: string[];
    /** text that leaves its cell (runs into the next column) */
    outside: string[];
    /** boxes that overlap though they sit side by side (header, filters, summary, paging) */
    overlaps: string[];
    /** the page's own horizontal overflow in px (0: only the table's container scrolls sideways) */
    pageOverflow: number;
    /** the table is wider than its container, and the container scrolls sideways */
    tableScrolls: boolean;
}

/** Everything measured in the page at once, from computed styles and layout boxes. */
async function measure(page: Page): Promise<Measured> {
    // tsx (esbuild, keepNames) wraps the named helpers below in __name(), which the page lacks
    await page.evaluate('globalThis.__name ??= (f) => f');
    return page.evaluate((selector) => {
        const host = document.querySelector(selector);
        const root = host?.shadowRoot;
        if (!host || !root) throw new Error(`no ${selector}`);
        const unreadable: string[] = [];

        type Rgba = [number, number, number, number];
        function parse(value: string): Rgba | null {
            const m = /^rgba?\(([^)]*)\)$/.exec(value.trim());
            if (!m) {
                unreadable.push(value);
                return null;
            }
            const parts = m[1]!
                .split(/[\s,/]+/)
                .filter(Boolean)
                .map((p) => (p.endsWith('%') ? Number(p.slice(0, -1)) / 100 : Number(p)));
            const [r = 0, g = 0, b = 0, a = 1] = parts;
            return [r, g, b, a];
        }
        function over(top: Rgba, below: Rgba): Rgba {
            const a = top[3];
            return [
                top[0] * a + below[0] * (1 - a),
                top[1] * a + below[1] * (1 - a),
                top[2] * a + below[2] * (1 - a),
                1
            ];
        }
        function parentOf(el: Element): Element | null {
            if (el.parentElement) return el.parentElement;
            const node = el.getRootNode();
            return node instanceof ShadowRoot ? node.host : null;
        }
        /** the colour behind an element: its own and its ancestors' backgrounds, over white */
        function background(el: Element): Rgba {
            const layers: Rgba[] = [];
            for (let e: Element | null = el; e; e = parentOf(e)) {
                const c = parse(getComputedStyle(e).backgroundColor);
                if (c && c[3] > 0) {
                    layers.push(c);
                    if (c[3] >= 1) break;
                }
            }
            return layers.reduceRight<Rgba>((acc, c) => over(c, acc), [255, 255, 255, 1]);
        }
        function luminance(c: Rgba): number {
            const [r, g, b] = c.slice(0, 3).map((v) => {
                const s = v / 255;
                return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
            }) as [number, number, number];
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        }
        function contrast(a: Rgba, b: Rgba): number {
            const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
            return (hi + 0.05) / (lo + 0.05);
        }
        function texts(el: Element): Text[] {
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            const found: Text[] = [];
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                if ((n.textContent ?? '').trim() !== '') found.push(n as Text);
            }
            return found;
        }
        function visible(el: Element): boolean {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
        }
        function assistive(el: Element): boolean {
            for (let e: Element | null = el; e && e !== host; e = parentOf(e)) {
                if (e.classList.contains('slds-assistive-text')) return true;
            }
            return false;
        }

        // every row's text and presence dot against the row's computed background (mismatch rows have
        // their own colour)
        const lowText: { row: string; text: string; ratio: number }[] = [];
        const lowDots: { row: string; text: string; ratio: number }[] = [];
        const dotTones = new Set<string>();
        let minText = Infinity;
        const mismatchRows = [...root.querySelectorAll('tbody tr[data-agreement="mismatch"]')];
        for (const tr of root.querySelectorAll('tbody tr')) {
            const name = tr.querySelector('.cell-name')?.textContent?.trim() ?? '';
            const mismatch = (tr as HTMLElement).dataset.agreement === 'mismatch';
            for (const node of texts(tr)) {
                const el = node.parentElement!;
                if (assistive(el) || !visible(el)) continue;
                const bg = background(el);
                const fg = parse(getComputedStyle(el).color);
                if (!fg) continue;
                const ratio = contrast(over(fg, bg), bg);
                if (mismatch) minText = Math.min(minText, ratio);
                if (ratio < 4.5) lowText.push({ row: name, text: node.textContent!.trim(), ratio });
            }
            for (const dot of tr.querySelectorAll('.presence-dot')) {
                const tone = [...dot.classList].find((c) => c.startsWith('presence-dot_'))?.slice(13) ?? '?';
                if (mismatch) dotTones.add(tone);
                const bg = background(dot.parentElement!);
                const fill = parse(getComputedStyle(dot).backgroundColor);
                if (!fill) continue;
                const ratio = visible(dot) ? contrast(over(fill, bg), bg) : 0;
                if (ratio < 3) lowDots.push({ row: name, text: tone, ratio });
            }
        }

        // API names: words joined by underscores (On_a_Call, Do_Not_Disturb) anywhere in the table
        const table = root.querySelector('table.agents');
        const apiNames = [
            ...new Set(
                (table ? texts(table) : [])
                    .map((t) => t.textContent ?? '')
                    .flatMap((t) => t.match(/\b[A-Za-z]+(?:_[A-Za-z]+)+\b/g) ?? [])
            )
        ];

        // every text inside its cell (a range's box, not the cell's scroll size: overflow may be visible)
        const outside: string[] = [];
        for (const cell of table ? table.querySelectorAll('th, td') : []) {
            const box = cell.getBoundingClientRect();
            for (const node of texts(cell)) {
                if (assistive(node.parentElement!)) continue;
                const range = document.createRange();
                range.selectNodeContents(node);
                for (const r of range.getClientRects()) {
                    if (r.width === 0) continue;
                    if (r.left < box.left - 0.5 || r.right > box.right + 0.5) {
                        outside.push(
                            `"${node.textContent!.trim()}" ${Math.round(r.left)}–${Math.round(r.right)} ` +
                                `in a cell ${Math.round(box.left)}–${Math.round(box.right)}`
                        );
                        break;
                    }
                }
            }
        }

        // boxes that sit side by side must not overlap
        const overlaps: string[] = [];
        const groups: [string, string][] = [
            ['header', '.slds-card__header > *'],
            ['filters', '.filters > .slds-form-element'],
            ['summary', '.summary button'],
            ['paging', 'nav.paging > *']
        ];
        for (const [what, sel] of groups) {
            const boxes = [...root.querySelectorAll(sel)]
                .filter((e) => visible(e))
                .map((e) => ({ e, r: e.getBoundingClientRect() }));
            for (let i = 0; i < boxes.length; i++) {
                for (let j = i + 1; j < boxes.length; j++) {
                    const a = boxes[i]!.r;
                    const b = boxes[j]!.r;
                    const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                    const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                    if (x > 0.5 && y > 0.5) {
                        overlaps.push(
                            `${what}: "${boxes[i]!.e.textContent?.trim().slice(0, 30)}" and "${boxes[j]!.e.textContent?.trim().slice(0, 30)}"`
                        );
                    }
                }
            }
        }
        // the table and what follows it (the help texts, the paging bar) must not overlap either
        const blocks = [...root.querySelectorAll('.slds-card__body_inner > *')]
            .filter((e) => visible(e) && getComputedStyle(e).position === 'static')
            .map((e) => ({ e, r: e.getBoundingClientRect() }));
        for (let i = 1; i < blocks.length; i++) {
            const prev = blocks[i - 1]!;
            if (blocks[i]!.r.top < prev.r.bottom - 0.5) {
                overlaps.push(`${prev.e.className} and ${blocks[i]!.e.className}`);
            }
        }

        return {
            lowText,
            minText,
            lowDots,
            dotTones: [...dotTones],
            mismatchRows: mismatchRows.length,
            unreadable: [...new Set(unreadable)],
            apiNames,
            outside,
            overlaps,
            pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            tableScrolls: ((scroller) =>
                scroller !== null &&
                getComputedStyle(scroller).overflowX === 'auto' &&
                scroller.scrollWidth > scroller.clientWidth)(root.querySelector('.table-scroll'))
        };
    }, COMPONENT);
}

/** Shows only the mismatch rows ("Mismatches only"), so every mismatch row is on the page. */
async function mismatchesOnly(page: Page): Promise<void> {
    await page.locator(`${COMPONENT} .slds-checkbox label.slds-checkbox__label`).click();
    await waitUntil('the mismatch rows only', async () => {
        const agreements = await page
            .locator(`${COMPONENT} tbody tr`)
            .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.agreement));
        return agreements.length > 0 && agreements.every((a) => a === 'mismatch') ? true : undefined;
    });
}

async function checkView(ctx: ScenarioContext, view: DashboardView, where: string): Promise<string[]> {
    const s = await signedInDashboard(ctx, 500, view);
    const problems: string[] = [];
    try {
        const { page } = s;
        const problemsOf = async (state: string, m: Measured): Promise<string[]> => {
            const at = `${where}, ${state}`;
            return [
                ...m.unreadable.map((c) => `${at}: colour not measurable: ${c}`),
                ...m.lowText.map(
                    (t) => `${at}: "${t.text}" in ${t.row}'s row ${t.ratio.toFixed(2)}:1 (< 4.5:1)`
                ),
                ...m.lowDots.map(
                    (t) => `${at}: ${t.text} dot in ${t.row}'s row ${t.ratio.toFixed(2)}:1 (< 3:1)`
                ),
                ...m.apiNames.map((n) => `${at}: API name ${n} in the table`),
                ...m.outside.map((o) => `${at}: text outside its cell: ${o}`),
                ...m.overlaps.map((o) => `${at}: overlap: ${o}`),
                ...(m.pageOverflow > 0 ? [`${at}: the page scrolls sideways by ${m.pageOverflow} px`] : []),
                // narrower than the table: the table scrolls in its container (wide: no scroll container,
                // so the sticky column headers stick to the window)
                ...(m.tableScrolls !== (view.width ?? 1400) < 1000
                    ? [
                          `${at}: the table ${m.tableScrolls ? 'scrolls' : 'does not scroll'} sideways in its container`
                      ]
                    : []),
                ...report(`${at}: axe`, await violations(page, COMPONENT))
            ];
        };
        problems.push(...(await problemsOf('all agents', await measure(page))));
        await mismatchesOnly(page);
        const mismatches = await measure(page);
        assert.ok(mismatches.mismatchRows > 10, `${where}: mismatch rows shown (${mismatches.mismatchRows})`);
        assert.ok(
            mismatches.dotTones.includes('away'),
            `${where}: a mismatch row with Teams Away (dots: ${mismatches.dotTones.join(', ')})`
        );
        problems.push(...(await problemsOf('mismatches only', mismatches)));
        console.log(
            `    ${where}: ${mismatches.mismatchRows} mismatch rows, lowest text contrast ` +
                `${mismatches.minText.toFixed(2)}:1, dots ${mismatches.dotTones.join(', ')}`
        );
        assert.deepEqual(s.errors, []);
    } finally {
        await s.close();
    }
    return problems;
}

export const dashboardLayoutScenarios: Scenario[] = [
    {
        name: 'dashboard layout: rows readable, mismatch rows too (text 4.5:1, dots 3:1 on the computed row colour), status labels not API names, every text inside its column at 1,440 px in English and German, axe passes',
        async run(ctx) {
            const problems = [
                ...(await checkView(ctx, { width: 1440, height: 900 }, '1,440 px, English')),
                ...(await checkView(ctx, { width: 1440, height: 900, lang: 'de' }, '1,440 px, German'))
            ];
            assert.deepEqual(problems, []);
        }
    },
    {
        name: 'dashboard layout: at 800 px nothing overlaps, the table scrolls sideways in its own container, in English and German, axe passes',
        async run(ctx) {
            const problems = [
                ...(await checkView(ctx, { width: 800, height: 900 }, '800 px, English')),
                ...(await checkView(ctx, { width: 800, height: 900, lang: 'de' }, '800 px, German'))
            ];
            assert.deepEqual(problems, []);
        }
    }
];

/** Where an element of the dashboard is against the window: fully in view, and its top. */
function placeOf(
    page: Page,
    selector: string
): Promise<{ inView: boolean; top: number; bottom: number; height: number } | null> {
    return page.evaluate(
        ({ host, selector }) => {
            const el = document.querySelector(host)?.shadowRoot?.querySelector(selector);
            if (!el) return null;
            const r = el.getBoundingClientRect();
            const height = window.innerHeight;
            return {
                inView: r.top >= -0.5 && r.bottom <= height + 0.5,
                top: r.top,
                bottom: r.bottom,
                height
            };
        },
        { host: COMPONENT, selector }
    );
}

/** Scrolls the way a supervisor does: row `index` of the page (negative: from the end) into view. */
async function scrollToRow(page: Page, index: number, block: 'start' | 'center' | 'end'): Promise<void> {
    await page.evaluate(
        ({ host, index, block }) => {
            const rows = [...(document.querySelector(host)?.shadowRoot?.querySelectorAll('tbody tr') ?? [])];
            const row = rows.at(index);
            if (!row) throw new Error(`no row ${index}`);
            row.scrollIntoView({ block });
        },
        { host: COMPONENT, index, block }
    );
}

async function text(page: Page, selector: string): Promise<string> {
    return ((await page.locator(`${COMPONENT} ${selector}`).first().textContent()) ?? '').trim();
}

export const dashboardPlaceScenarios: Scenario[] = [
    {
        name: 'dashboard where the supervisor is: the paging bar in view at the top, middle and end of a page, the column headers in the middle; a page change returns to the table top; the 429 notice in view at the end of the table, "Last refresh" kept',
        async run(ctx) {
            const s = await signedInDashboard(ctx, 500, { width: 1440, height: 900 });
            try {
                const { page } = s;
                const pages = Math.ceil((500 + s.api.orgAgents.length) / 100);
                const where: string[] = [];
                const pagingInView = async (at: string): Promise<void> => {
                    const place = await placeOf(page, 'nav.paging');
                    if (!place?.inView) where.push(`paging bar not in view ${at}: ${JSON.stringify(place)}`);
                };
                await pagingInView('at the top of the page');
                await scrollToRow(page, 50, 'center');
                await pagingInView('in the middle of the table');
                // the column headers stay in view too (sticky header)
                const header = await placeOf(page, 'table.agents thead th');
                if (!header?.inView)
                    where.push(`header not in view in the middle of the table: ${JSON.stringify(header)}`);
                await scrollToRow(page, -1, 'end');
                await pagingInView('at the end of the table');
                assert.equal(
                    where.length,
                    0,
                    `the paging bar and the column headers are where the supervisor is: ${where.join('; ')}`
                );
                assert.equal(await text(page, 'nav.paging .page'), `Page 1 of ${pages}`);

                // from the end of the table to the next page: the table starts at the top of the window
                await page.locator(`${COMPONENT} nav.paging button.next`).click();
                await waitUntil('page 2', async () =>
                    (await text(page, 'nav.paging .page')) === `Page 2 of ${pages}` ? true : undefined
                );
                const afterNext = await placeOf(page, 'table.agents thead');
                if (!afterNext?.inView)
                    where.push(`after Next the header is not in view: ${JSON.stringify(afterNext)}`);
                // a page jump from the end of the table
                await scrollToRow(page, -1, 'end');
                await page.locator(`${COMPONENT} nav.paging select.page-select`).selectOption(String(pages));
                await waitUntil('the last page', async () =>
                    (await text(page, 'nav.paging .page')) === `Page ${pages} of ${pages}` ? true : undefined
                );
                const afterJump = await placeOf(page, 'table.agents thead');
                if (!afterJump?.inView)
                    where.push(`after the page jump the header is not in view: ${JSON.stringify(afterJump)}`);
                await page.locator(`${COMPONENT} nav.paging button.first`).click();
                await waitUntil('page 1', async () =>
                    (await text(page, 'nav.paging .page')) === `Page 1 of ${pages}` ? true : undefined
                );

                // at the end of the table when Teams answers 429: the notice is where the supervisor is
                await scrollToRow(page, -1, 'end');
                const lastRefresh = await text(page, '.refresh-text');
                assert.match(lastRefresh, /\d/, `"Last refresh" shows a time (${lastRefresh})`);
                await ctx.control.call('POST', 'faults/throttle', { count: 1, retryAfterSeconds: 60 });
                // the next scheduled refresh meets the 429
                const notice = await waitUntil('the throttling notice', async () => {
                    const place = await placeOf(page, '.notice_throttled');
                    return place ?? undefined;
                });
                if (!notice.inView)
                    where.push(
                        `the 429 notice is not in view at the end of the table: ${JSON.stringify(notice)}`
                    );
                assert.equal(
                    await page.locator(`${COMPONENT} .notice_throttled`).getAttribute('role'),
                    'alert',
                    'the notice is announced'
                );
                assert.doesNotMatch(await text(page, '.notice_throttled'), /\((throttled|server|network)\)/);
                assert.equal(await text(page, '.refresh-text'), lastRefresh, 'the 429 read nothing');
                // a manual refresh during the wait reloads Omni only: "Last refresh" stays where it was.
                // The refresh's start and end: the button's disabled attribute set and removed again.
                await page.evaluate((host) => {
                    const button = document.querySelector(host)?.shadowRoot?.querySelector('button.refresh');
                    if (!button) throw new Error('no Refresh button');
                    (window as unknown as { refreshToggles: number }).refreshToggles = 0;
                    new MutationObserver((records) => {
                        (window as unknown as { refreshToggles: number }).refreshToggles += records.length;
                    }).observe(button, { attributes: true, attributeFilter: ['disabled'] });
                }, COMPONENT);
                // dispatched, not clicked: a click would scroll the button (at the top) into view
                await page.locator(`${COMPONENT} button.refresh`).dispatchEvent('click');
                await waitUntil('the manual refresh to start and end', async () =>
                    (await page.evaluate(
                        () => (window as unknown as { refreshToggles: number }).refreshToggles
                    )) >= 2 && (await page.locator(`${COMPONENT} button.refresh`).isEnabled())
                        ? true
                        : undefined
                );
                assert.equal(
                    await text(page, '.refresh-text'),
                    lastRefresh,
                    'the manual refresh read nothing'
                );
                where.push(
                    ...report('429 notice at the end of the table: axe', await violations(page, COMPONENT))
                );
                assert.deepEqual(where, []);
                assert.deepEqual(s.errors, []);
            } finally {
                await s.close();
            }
        }
    }
];
