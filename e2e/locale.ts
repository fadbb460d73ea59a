/**
 * Browser scenario: times follow the user's Salesforce locale and time zone (@salesforce/i18n), not the
 * browser's. The harness user is German with ?lang=de (de-DE, Europe/Berlin), else American (en-US).
 */
import assert from 'node:assert/strict';
import { CONSOLE_PATHS } from '../harness/console/mount';
import { waitUntil, type Scenario } from './scenarios';

const GERMAN_TIME = /^\d{2}:\d{2}:\d{2}$/;
const AMERICAN_TIME = /^\d{1,2}:\d{2}:\d{2}\s(AM|PM)$/;

export const localeScenarios: Scenario[] = [
    {
        name: 'locale: the dashboard shows a German user 24-hour times and an American user AM/PM',
        async run({ env }) {
            const context = await env.newContext();
            try {
                const page = await context.newPage();
                const lastRefresh = async (lang: string): Promise<string> => {
                    await page.goto(
                        `${env.harness.urls.lightning}${CONSOLE_PATHS.dashboard}?agents=5${lang}`
                    );
                    return waitUntil('a last refresh time', async () => {
                        const text = await page
                            .locator('c-live-agent-dashboard .refresh-text')
                            .textContent()
                            .catch(() => null);
                        const time = /(\d{1,2}:\d{2}:\d{2}(\s(AM|PM))?)$/.exec(text?.trim() ?? '');
                        return time?.[1];
                    });
                };
                assert.match(await lastRefresh('&lang=de'), GERMAN_TIME);
                assert.match(await lastRefresh(''), AMERICAN_TIME);
            } finally {
                await context.close();
            }
        }
    }
];
