/**
 * The Teams bridge page as Visualforce serves it, for the harness (npm start) and the browser tests:
 * `/apex/TeamsBridge` rendered from the real TeamsBridge.page, and the bridge bundle at
 * `/resource/teamsBridge`, both on the Visualforce origin.
 */
import type { HarnessUrls } from '../server';

export const BRIDGE_PATHS = {
    bridgePage: '/apex/TeamsBridge',
    bridgeResource: '/resource/teamsBridge'
} as const;

function escapeAttribute(value: string): string {
    return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The HTML Visualforce serves for TeamsBridge.page: the markup inside <apex:page> (applyHtmlTag="false"),
 * after the HTML5 doctype, with comments dropped, the resource URL resolved and the harness config added.
 */
export function renderBridgePage(pageSource: string, urls: HarnessUrls): string {
    const inner = /<apex:page\b[^>]*>([\s\S]*)<\/apex:page>/.exec(pageSource)?.[1];
    if (inner === undefined) throw new Error('TeamsBridge.page: no <apex:page> element');
    if (!inner.includes('{!$Resource.teamsBridge}'))
        throw new Error('TeamsBridge.page: no {!$Resource.teamsBridge}');
    const config = JSON.stringify({ authorityHost: urls.login, graphBaseUrl: urls.graphApi });
    const meta = `<meta name="teams-bridge-config" content="${escapeAttribute(config)}" />`;
    const html = inner
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace('{!$Resource.teamsBridge}', BRIDGE_PATHS.bridgeResource)
        .replace(/(<head>)/, `$1\n            ${meta}`);
    if (!html.includes(meta)) throw new Error('TeamsBridge.page: no <head> for the harness config');
    return `<!DOCTYPE html>\n${html.trim()}\n`;
}
