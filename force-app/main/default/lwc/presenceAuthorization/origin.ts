/*
 * Where this component runs and where this org's Teams bridge page is. The redirect URI the admin
 * registers in Entra is the bridge page without its query: exactly what the bridge gives MSAL as
 * redirectUri (bridge/settings.ts: its own origin + path).
 */
import { BRIDGE_PATH, bridgeUrlFor, visualforceOriginFor } from 'c/presenceSyncBridgeProtocol';

/** The Lightning origin of the page (a function, so tests can stand in for production and sandbox hosts). */
export function lightningOrigin(): string {
    return window.location.origin;
}

/** The SPA redirect URI of this org's bridge page, or null when the page is not on a Lightning origin. */
export function redirectUriFor(origin: string): string | null {
    const visualforce = visualforceOriginFor(origin);
    return visualforce === null ? null : `${visualforce}${BRIDGE_PATH}`;
}

/** The URL the bridge iframe loads (the redirect URI plus the parent origin parameter). */
export function bridgeFrameUrlFor(origin: string): string | null {
    return bridgeUrlFor(origin);
}
