/*
 * Where the bridge page may talk to and where it sends tokens, decided from the page's own origin.
 *
 * - The parent it answers is the Lightning origin of the same org, derived from the page's own
 *   Visualforce origin (`acme--c.vf.force.com` -> `acme.lightning.force.com`). The LWC passes its origin
 *   as the `parentOrigin` page parameter; a value that is not on the allow-list stops the bridge.
 * - The identity provider and Graph hosts are the Microsoft ones. Only a page served on a harness
 *   origin (`*.localhost`, which no real org can have) may override them, from a
 *   `<meta name="teams-bridge-config">` element of the page itself, and only with other `.localhost`
 *   https hosts. Neither the parent nor any message can change them.
 */
import {
    PARENT_ORIGIN_PARAM,
    isHarnessOrigin,
    lightningOriginFor
} from '../force-app/main/default/lwc/presenceSyncBridgeProtocol/presenceSyncBridgeProtocol';

export const MICROSOFT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const MICROSOFT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
export const CONFIG_META_NAME = 'teams-bridge-config';

export interface BridgeSettings {
    /** the one origin the bridge answers */
    parentOrigin: string;
    /** the bridge page itself (origin + path, no query): the SPA redirect URI registered in Entra */
    redirectUri: string;
    /** e.g. https://login.microsoftonline.com; the authority is `${authorityHost}/${tenantId}` */
    authorityHost: string;
    /** e.g. https://graph.microsoft.com/v1.0 */
    graphBaseUrl: string;
    /** served on a harness origin (the local stand-ins) */
    harness: boolean;
}

export type SettingsResult = { ok: true; settings: BridgeSettings } | { ok: false; reason: string };

export interface PageLocation {
    origin: string;
    pathname: string;
    search: string;
    hash: string;
}

interface HarnessConfig {
    authorityHost?: string;
    graphBaseUrl?: string;
    parentOrigins?: string[];
}

function harnessHttpsUrl(value: unknown, allowPath: boolean): string | null {
    if (typeof value !== 'string') return null;
    try {
        const url = new URL(value);
        const pathOk = allowPath ? url.search === '' && url.hash === '' : `${url.origin}` === value;
        if (url.protocol !== 'https:' || !url.hostname.endsWith('.localhost') || !pathOk) return null;
        return value.replace(/\/$/, '');
    } catch {
        return null;
    }
}

function readHarnessConfig(metaContent: string | null): HarnessConfig | null {
    if (metaContent === null || metaContent.trim() === '') return {};
    try {
        const raw: unknown = JSON.parse(metaContent);
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
        const record = raw as Record<string, unknown>;
        const config: HarnessConfig = {};
        if (record.authorityHost !== undefined) {
            const host = harnessHttpsUrl(record.authorityHost, false);
            if (host === null) return null;
            config.authorityHost = host;
        }
        if (record.graphBaseUrl !== undefined) {
            const base = harnessHttpsUrl(record.graphBaseUrl, true);
            if (base === null) return null;
            config.graphBaseUrl = base;
        }
        if (record.parentOrigins !== undefined) {
            if (!Array.isArray(record.parentOrigins)) return null;
            const origins = record.parentOrigins.map((o) => harnessHttpsUrl(o, false));
            if (!origins.every((o): o is string => o !== null)) return null;
            config.parentOrigins = origins;
        }
        return config;
    } catch {
        return null;
    }
}

/** Decides the bridge's settings from its own location and (harness only) its config meta element. */
export function readSettings(location: PageLocation, metaContent: string | null): SettingsResult {
    const orgLightningOrigin = lightningOriginFor(location.origin);
    if (orgLightningOrigin === null) return { ok: false, reason: 'notAVisualforceOrigin' };
    const harness = isHarnessOrigin(location.origin);
    const config = harness ? readHarnessConfig(metaContent) : {};
    if (config === null) return { ok: false, reason: 'invalidHarnessConfig' };
    const allowed = [orgLightningOrigin, ...(config.parentOrigins ?? [])];
    const requested = new URLSearchParams(location.search).get(PARENT_ORIGIN_PARAM);
    const parentOrigin = requested ?? orgLightningOrigin;
    if (!allowed.includes(parentOrigin)) return { ok: false, reason: 'parentOriginNotAllowed' };
    return {
        ok: true,
        settings: {
            parentOrigin,
            redirectUri: `${location.origin}${location.pathname}`,
            authorityHost: config.authorityHost ?? MICROSOFT_AUTHORITY_HOST,
            graphBaseUrl: config.graphBaseUrl ?? MICROSOFT_GRAPH_BASE_URL,
            harness
        }
    };
}

/**
 * True when this page load is MSAL's popup or hidden-iframe returning with an authorization response
 * (`state` plus `code` or `error`, in the fragment or the query): then the page only hands the
 * response to the bridge frame (broadcastResponseToMainFrame) and starts nothing else.
 */
export function isAuthResponse(location: Pick<PageLocation, 'search' | 'hash'>): boolean {
    return [location.hash.replace(/^#/, ''), location.search.replace(/^\?/, '')].some((part) => {
        const params = new URLSearchParams(part);
        return params.has('state') && (params.has('code') || params.has('error'));
    });
}
