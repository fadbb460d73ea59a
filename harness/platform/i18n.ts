/**
 * `@salesforce/i18n/*` in the harness: the running user's locale settings. The harness user's settings
 * follow the page's language, as a German user's Salesforce settings would: `?lang=de` is locale de-DE
 * in Europe/Berlin, else en-US in America/Los_Angeles. Only the settings the project uses exist; the
 * build fails on any other, as a typo would fail on the platform.
 */
import { languageOf } from './runtime';

const SETTINGS = {
    en: { lang: 'en-US', locale: 'en-US', timeZone: 'America/Los_Angeles' },
    de: { lang: 'de', locale: 'de-DE', timeZone: 'Europe/Berlin' }
} as const;

export const I18N_SETTINGS: readonly string[] = Object.keys(SETTINGS.en);

export function userSetting(name: string): string {
    const language = typeof location === 'undefined' ? 'en' : languageOf(location.search);
    return SETTINGS[language][name as keyof (typeof SETTINGS)['en']];
}
