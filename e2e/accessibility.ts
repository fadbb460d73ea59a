/**
 * Browser scenario: every page's component passes the accessibility rules sa11y applies in the
 * component tests (@sa11y/preset-rules, its default ruleset on axe-core), here in the real
 * browser with SLDS styles, in English and in German, and in the states a user sees: the connector
 * before and after Connect (with its gear panel open), the Authorize Meeting Application page with its
 * record loaded, the Live Agent Dashboard with agents, and the Teams bridge page in its frame. axe checks
 * colour contrast and layout only where a browser renders, which jsdom cannot.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { defaultRuleset } from '@sa11y/preset-rules';
import { CONSOLE_PATHS } from '../harness/console/mount';
import { connectIn, openConsoleTab } from './console-sync';
import { waitUntil, type Scenario } from './scenarios';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** the rules and options the component tests' toBeAccessible() uses */
const AXE_OPTIONS = defaultRuleset;

interface Violation {
    id: string;
    impact: string | null;
    help: string;
    nodes: string[];
}

/**
 * Runs axe in `target` on the element `selector` (the whole document when omitted). axe is evaluated
 * through the DevTools protocol, so the page's Content Security Policy stays as it is.
 */
export async function violations(target: Page | Frame, selector?: string): Promise<Violation[]> {
    // once per document (a navigation or reload starts a new one)
    if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(AXE_SOURCE);
    return target.evaluate(
        async ({ selector, options }) => {
            const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<unknown> } }).axe;
            const context = selector ? document.querySelector(selector) : document;
            if (!context) throw new Error(`no element ${selector}`);
            const result = (await axe.run(context, options)) as {
                violations: {
                    id: string;
                    impact: string | null;
                    help: string;
                    nodes: { target: unknown[] }[];
                }[];
            };
            return result.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.map((n) => JSON.stringify(n.target))
            }));
        },
        { selector, options: AXE_OPTIONS }
    );
}

export function report(where: string, found: Violation[]): string[] {
    return found.map(
        (v) => `${where}: ${v.id} (${v.impact ?? 'no impact'}) ${v.help} at ${v.nodes.join(', ')}`
    );
}

export const accessibilityScenarios: Scenario[] = [
    {
        name: "accessibility: sa11y's rules pass on the connector, the Authorize Meeting Application page, the dashboard and the bridge, in English and German",
        async run({ env, control }) {
            const problems: string[] = [];
            for (const lang of ['', 'de']) {
                const suffix = lang ? ` (${lang})` : ' (en)';
                const langQuery = lang ? `lang=${lang}` : '';

                // the agent's connector: first run, the gear panel, then synced
                const tab = await openConsoleTab(env, `?setup=phone${lang ? `&${langQuery}` : ''}`);
                try {
                    const connector = 'c-cti-data-connector';
                    problems.push(
                        ...report(`connector, first run${suffix}`, await violations(tab.page, connector))
                    );
                    await tab.page.locator(`${connector} .gear button`).click();
                    await tab.page.locator(`${connector} lightning-input.email input`).waitFor();
                    problems.push(
                        ...report(`connector, gear panel${suffix}`, await violations(tab.page, connector))
                    );
                    await tab.page.locator(`${connector} lightning-button.close-settings button`).click();
                    if (!lang) {
                        await connectIn(tab, control, 'Available');
                        problems.push(
                            ...report(`connector, in sync${suffix}`, await violations(tab.page, connector))
                        );
                    }
                    const bridge = await waitUntil('the bridge frame', () =>
                        Promise.resolve(tab.page.frames().find((f) => f.url().includes('/apex/TeamsBridge')))
                    );
                    problems.push(...report(`bridge page${suffix}`, await violations(bridge)));
                } finally {
                    await tab.context.close();
                }

                // the admin's page and the supervisor's dashboard
                const context = await env.newContext();
                try {
                    const page = await context.newPage();
                    await page.goto(
                        `${env.harness.urls.lightning}${CONSOLE_PATHS.admin}${lang ? `?${langQuery}` : ''}`
                    );
                    await page.locator('c-presence-authorization [data-id="issues-ok"]').waitFor();
                    problems.push(
                        ...report(
                            `Authorize Meeting Application${suffix}`,
                            await violations(page, 'c-presence-authorization')
                        )
                    );
                    await page.goto(
                        `${env.harness.urls.lightning}${CONSOLE_PATHS.dashboard}?agents=25${lang ? `&${langQuery}` : ''}`
                    );
                    await page.locator('c-live-agent-dashboard table').waitFor();
                    problems.push(
                        ...report(
                            `Live Agent Dashboard${suffix}`,
                            await violations(page, 'c-live-agent-dashboard')
                        )
                    );
                } finally {
                    await context.close();
                }
            }
            assert.deepEqual(problems, []);
        }
    }
];
