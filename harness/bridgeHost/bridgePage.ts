/**
 * The Teams bridge page as Visualforce serves it, for the harness (npm start) and the browser tests:
 * `/apex/TeamsBridge` rendered from the real TeamsBridge.page, and the bridge bundle at
 * `/resource/teamsBridge`, both on the Visualforce origin.
 */
import type { IncomingMessage } from 'node:http';
import type { HarnessUrls } from '../server';
import { LANGUAGE_COOKIE } from '../platform/constants';
import type { LabelValue } from '../platform/types';

export const BRIDGE_PATHS = {
    bridgePage: '/apex/TeamsBridge',
    bridgeResource: '/resource/teamsBridge'
} as const;

export type PageLanguage = 'en' | 'de';

/** `$User.LanguageLocaleKey` of the harness users: American English or German. */
const LANGUAGE_LOCALE_KEY: Record<PageLanguage, string> = { en: 'en_US', de: 'de' };

function escapeAttribute(value: string): string {
    return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Resolves the merge fields the page uses, as Visualforce does for the session user: `{!$Label.Name}` in
 * the user's language (the English value where no translation exists), and the user's language tag
 * `{!SUBSTITUTE($User.LanguageLocaleKey, '_', '-')}`. Merge fields outside script and style are
 * HTML-encoded (Visualforce Developer Guide, "Security Tips for Apex and Visualforce Development":
 * merge fields are auto-HTML-encoded unless in a script or style tag or escape="false").
 * Any other merge field is an error: the harness would not know what the platform renders.
 */
function resolveMergeFields(
    html: string,
    labels: Record<string, LabelValue>,
    language: PageLanguage
): string {
    return html.replace(/\{!([^}]*)\}/g, (field, expression: string) => {
        const label = /^\$Label\.(\w+)$/.exec(expression.trim())?.[1];
        if (label !== undefined) {
            const value = labels[label];
            if (value === undefined) throw new Error(`TeamsBridge.page: no custom label ${label}`);
            return escapeAttribute(language === 'de' ? (value.de ?? value.en) : value.en);
        }
        if (/^SUBSTITUTE\(\s*\$User\.LanguageLocaleKey\s*,\s*'_'\s*,\s*'-'\s*\)$/.test(expression.trim()))
            return LANGUAGE_LOCALE_KEY[language].replace('_', '-');
        throw new Error(`TeamsBridge.page: the harness does not render ${field}`);
    });
}

/**
 * The HTML Visualforce serves for TeamsBridge.page: the markup inside <apex:page> (applyHtmlTag="false"),
 * after the HTML5 doctype, with comments dropped, the resource URL and labels resolved and the harness
 * config added.
 */
export function renderBridgePage(
    pageSource: string,
    urls: HarnessUrls,
    labels: Record<string, LabelValue>,
    language: PageLanguage = 'en'
): string {
    const inner = /<apex:page\b[^>]*>([\s\S]*)<\/apex:page>/.exec(pageSource)?.[1];
    if (inner === undefined) throw new Error('TeamsBridge.page: no <apex:page> element');
    if (!inner.includes('{!$Resource.teamsBridge}'))
        throw new Error('TeamsBridge.page: no {!$Resource.teamsBridge}');
    const config = JSON.stringify({ authorityHost: urls.login, graphBaseUrl: urls.graphApi });
    const meta = `<meta name="teams-bridge-config" content="${escapeAttribute(config)}" />`;
    const html = resolveMergeFields(
        inner
            .replace(/<!--[\s\S]*?-->/g, '')
            .replace('{!$Resource.teamsBridge}', BRIDGE_PATHS.bridgeResource),
        labels,
        language
    ).replace(/(<head>)/, `$1\n            ${meta}`);
    if (!html.includes(meta)) throw new Error('TeamsBridge.page: no <head> for the harness config');
    return `<!DOCTYPE html>\n${html.trim()}\n`;
}

/** The session user's language of a request: the language cookie the Lightning pages set, else `?lang=`. */
export function requestLanguage(req: IncomingMessage): PageLanguage {
    for (const part of (req.headers.cookie ?? '').split(';')) {
        const [name, value] = part.trim().split('=');
        if (name === LANGUAGE_COOKIE) return value === 'de' ? 'de' : 'en';
    }
    const search = new URL(req.url ?? '/', 'https://harness.localhost').searchParams;
    return search.get('lang') === 'de' ? 'de' : 'en';
}

/** The page body per request, in the session user's language (both languages rendered once, up front). */
export function bridgePageBody(
    pageSource: string,
    urls: HarnessUrls,
    labels: Record<string, LabelValue>
): (req: IncomingMessage) => string {
    const rendered: Record<PageLanguage, string> = {
        en: renderBridgePage(pageSource, urls, labels, 'en'),
        de: renderBridgePage(pageSource, urls, labels, 'de')
    };
    return (req) => rendered[requestLanguage(req)];
}
