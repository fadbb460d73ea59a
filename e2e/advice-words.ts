/**
 * Browser scenario of the advice an agent needs after an administrator changed the Microsoft app or its
 * permissions (Authorize Meeting Application says the same to the admin): when the connector loses the
 * sign-in, its help says to reload the console (or log out and back in) first, in the words of the
 * Custom Label, in English and in German.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { connectTeams, openConsoleTab, pickOmni, saveEmail } from './console-sync';
import { ROOT } from './pages';
import { ADA, waitUntil, type Scenario } from './scenarios';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

/** A label's English value and German translation, as the repository holds them. */
export function labelTexts(name: string): { en: string; de: string } {
    const en = (
        parser.parse(
            readFileSync(
                path.join(ROOT, 'force-app/main/default/labels/CustomLabels.labels-meta.xml'),
                'utf8'
            )
        ) as { CustomLabels: { labels: { fullName: string; value: string }[] } }
    ).CustomLabels.labels.find((l) => l.fullName === name)?.value;
    const de = (
        parser.parse(
            readFileSync(
                path.join(ROOT, 'force-app-de/main/default/translations/de.translation-meta.xml'),
                'utf8'
            )
        ) as { Translations: { customLabels: { name: string; label: string }[] } }
    ).Translations.customLabels.find((l) => l.name === name)?.label;
    if (en === undefined || de === undefined) throw new Error(`label ${name} or its translation is missing`);
    return { en: String(en), de: String(de) };
}

export const adviceWordsScenarios: Scenario[] = [
    {
        name: 'advice words: an agent who must sign in again is told to reload the console (or log out and back in) after an app change, in English and German',
        async run({ env, control }) {
            const health = labelTexts('CtiDataConnector_Health_signInRequired');
            const help = labelTexts('CtiDataConnector_HealthHelp_signInRequired');
            assert.match(help.en, /reload the Salesforce console \(or log out and back in\)/);
            assert.match(help.de, /melden Sie sich ab und wieder an/);
            for (const lang of ['en', 'de'] as const) {
                const tab = await openConsoleTab(env, `?setup=phone${lang === 'de' ? '&lang=de' : ''}`);
                const connector = tab.page.locator('c-cti-data-connector');
                try {
                    await pickOmni(tab.page, 'Available');
                    await saveEmail(tab.page, ADA.upn);
                    await connectTeams(tab.page);
                    // this tab's own sync (the Teams session of the previous language's tab may still be
                    // in the emulator): it wrote Teams and read it back
                    await waitUntil('this tab syncs', async () =>
                        tab.graphRequests.some(
                            (r) => r.method === 'POST' && r.path.endsWith('/setPresence')
                        ) &&
                        tab.graphRequests.some((r) => r.method === 'GET' && r.path.endsWith('/me/presence'))
                            ? true
                            : undefined
                    );
                    // the administrator's change ends the sign-in: the refresh token no longer works
                    await control.call('POST', `idp/users/${ADA.upn}/revoke`);
                    await control.call('POST', `idp/users/${ADA.upn}/end-session`);
                    await control.call('POST', 'faults/error', { status: 401, count: 2, userId: ADA.upn });
                    const shown = await waitUntil(`"${health[lang]}" in ${lang}`, async () => {
                        const label = ((await connector.locator('.health-label').textContent()) ?? '').trim();
                        return label === health[lang]
                            ? ((await connector.locator('.health-help').textContent()) ?? '').trim()
                            : undefined;
                    });
                    assert.equal(shown, help[lang]);
                    assert.deepEqual(tab.errors, []);
                } finally {
                    await tab.context.close();
                }
                await control.call('DELETE', 'faults');
            }
        }
    }
];
