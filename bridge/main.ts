/*
 * Entry of the teamsBridge static resource (an IIFE loaded by the TeamsBridge Visualforce page).
 * One page, two roles:
 * - loaded by MSAL's popup or hidden iframe with an authorization response: hand it to the bridge
 *   frame over BroadcastChannel (MSAL v5 redirect bridge) and do nothing else;
 * - loaded by the LWC as its iframe: run the bridge protocol server.
 */
import { PublicClientApplication } from '@azure/msal-browser';
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';
import { BridgeServer } from './server';
import { CONFIG_META_NAME, isAuthResponse, readSettings } from './settings';
import { createConnectUi } from './ui';
import { readTexts } from './texts';
import { createPopupWatch } from './popupWatch';
import { createWake } from './wake';

function start(): void {
    if (isAuthResponse(window.location)) {
        broadcastResponseToMainFrame().catch(() => {
            // nothing to report to: the waiting frame times out and shows its own message
        });
        return;
    }
    const meta = document.querySelector<HTMLMetaElement>(`meta[name="${CONFIG_META_NAME}"]`);
    const settings = readSettings(window.location, meta?.content ?? null);
    const texts = readTexts(document);
    const ui = createConnectUi(document, texts.button);
    if (!settings.ok || window.parent === window) {
        ui.setStatus(texts.outsideSalesforce);
        return;
    }
    new BridgeServer({
        window,
        settings: settings.settings,
        ui,
        texts,
        createMsal: (configuration) => new PublicClientApplication(configuration),
        fetchImpl: (input, init) => window.fetch(input, init),
        watchPopup: createPopupWatch(window),
        wake: createWake(window)
    }).start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
