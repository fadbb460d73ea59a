/*
 * The Teams bridge protocol (docs/architecture.md): the one schema both sides of the postMessage channel use.
 * The LWC client imports it as `c/presenceSyncBridgeProtocol`; the bridge bundle (bridge/, esbuild)
 * imports this same file by relative path. Pure: no DOM, no timers.
 *
 * No message type has a field for a token, and parseMessage copies only the fields listed here, so a
 * token can neither be sent by mistake nor survive parsing on the receiving side.
 */
import { BRIDGE_ERROR_KINDS } from 'c/presenceSyncCore';
import type { BridgeError, BridgeErrorKind } from 'c/presenceSyncCore';

export type { BridgeError, BridgeErrorKind };

/** Tag that tells our messages apart from every other postMessage traffic on the page. */
export const BRIDGE_CHANNEL = 'presenceSync.teamsBridge';
export const PROTOCOL_VERSION = 1;

/** The core's error kinds, as a runtime list for validation (one list, kept with the type in the core). */
export { BRIDGE_ERROR_KINDS };

export const ROLES = ['agent', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

/** Graph accepts at most 650 ids per getPresencesByUserId call. */
export const MAX_PRESENCE_IDS = 650;
/** Longest status message the protocol carries (Teams shows at most 280 characters). */
export const MAX_STATUS_MESSAGE_LENGTH = 280;
/** The longest wake-up the bridge times (one day; the sync's timers are minutes at most). */
export const MAX_WAKE_MS = 86_400_000;

export interface AccountSummary {
    /** Entra object id (the `oid` claim) */
    objectId: string;
    /** user principal name (or the preferred_username claim when there is no upn claim) */
    upn: string;
}

export interface PresenceReading {
    availability: string;
    activity: string;
    sequenceNumber?: string;
    /** the status message Teams shows (`statusMessage.message.content`); absent when there is none */
    statusMessage?: string;
}

export interface UserPresence {
    id: string;
    availability: string;
    activity: string;
}

export type Interaction = 'idle' | 'buttonShown' | 'popupOpen';

export interface BridgeStatus {
    initialized: boolean;
    role: Role | null;
    account: AccountSummary | null;
    interaction: Interaction;
}

type Empty = Record<string, never>;

/** Parameters of each request type. */
export interface RequestParams {
    /**
     * `accountId`: the Entra object id pinned at the agent's first Connect; when given, only that
     * account is accepted (its sign-in name may differ from the email, as a UPN often does).
     */
    init: { clientId: string; tenantId: string; loginHint: string; role: Role; accountId?: string };
    // eslint-disable-next-line no-restricted-globals -- a property name, misread as the global by the Babel parser
    status: Empty;
    connect: Empty;
    getPresence: Empty;
    setPresence: { availability: string; activity: string; expirationDuration: string };
    clearPresence: { keepalive: boolean };
    setPreferredPresence: { availability: string; activity: string; expirationDuration?: string };
    clearPreferredPresence: { keepalive: boolean };
    /** setStatusMessage of the signed-in user; empty `content` clears; `expiresAt` in epoch ms */
    setStatusMessage: { content: string; expiresAt?: number };
    getPresencesByUserId: { ids: string[] };
    disconnect: Empty;
    /**
     * Answered after `delayMs`, timed by a worker of the bridge page: the connector's timers while its
     * page is hidden (docs/sync-policy.md, "Hidden pages"). No Graph call, no sign-in needed.
     */
    wake: { delayMs: number };
}

/** Result of each request type (the `ok: true` reply). */
export interface ResultMap {
    init: BridgeStatus;
    // eslint-disable-next-line no-restricted-globals -- a property name, misread as the global by the Babel parser
    status: BridgeStatus;
    connect: BridgeStatus;
    getPresence: PresenceReading;
    setPresence: Empty;
    clearPresence: Empty;
    setPreferredPresence: Empty;
    clearPreferredPresence: Empty;
    setStatusMessage: Empty;
    getPresencesByUserId: { presences: UserPresence[] };
    disconnect: Empty;
    wake: Empty;
}

export type RequestType = keyof RequestParams;
export const REQUEST_TYPES: readonly RequestType[] = [
    'init',
    'status',
    'connect',
    'getPresence',
    'setPresence',
    'clearPresence',
    'setPreferredPresence',
    'clearPreferredPresence',
    'setStatusMessage',
    'getPresencesByUserId',
    'disconnect',
    'wake'
];

/** Payloads of the events the bridge sends on its own. */
export interface EventPayloads {
    /** the bridge page loaded and listens (sent once per page load) */
    ready: Empty;
    /** the bridge's account went from none to this one (silent or interactive sign-in) */
    signedIn: AccountSummary;
    /** the bridge's account went away: silent renewal failed, or the user disconnected */
    signedOut: { reason: BridgeErrorKind | 'userDisconnected' };
    /** an interactive sign-in (the in-frame button) failed; the Connect button stays available */
    signInFailed: { error: BridgeError };
}
export type EventType = keyof EventPayloads;
export const EVENT_TYPES: readonly EventType[] = ['ready', 'signedIn', 'signedOut', 'signInFailed'];

interface Envelope {
    channel: typeof BRIDGE_CHANNEL;
    v: typeof PROTOCOL_VERSION;
}

export type BridgeRequest = {
    [T in RequestType]: Envelope & { kind: 'request'; id: string; type: T; params: RequestParams[T] };
}[RequestType];

export type BridgeReply = {
    [T in RequestType]: Envelope & { kind: 'reply'; id: string; type: T } & (
            { ok: true; result: ResultMap[T] } | { ok: false; error: BridgeError }
        );
}[RequestType];

export type BridgeEvent = {
    [E in EventType]: Envelope & { kind: 'event'; type: E; data: EventPayloads[E] };
}[EventType];

export type BridgeMessage = BridgeRequest | BridgeReply | BridgeEvent;

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

export function makeRequest<T extends RequestType>(
    id: string,
    type: T,
    params: RequestParams[T]
): BridgeRequest {
    return {
        channel: BRIDGE_CHANNEL,
        v: PROTOCOL_VERSION,
        kind: 'request',
        id,
        type,
        params
    } as BridgeRequest;
}

export function makeResultReply<T extends RequestType>(
    id: string,
    type: T,
    result: ResultMap[T]
): BridgeReply {
    return {
        channel: BRIDGE_CHANNEL,
        v: PROTOCOL_VERSION,
        kind: 'reply',
        id,
        type,
        ok: true,
        result
    } as BridgeReply;
}

export function makeErrorReply(id: string, type: RequestType, error: BridgeError): BridgeReply {
    return { channel: BRIDGE_CHANNEL, v: PROTOCOL_VERSION, kind: 'reply', id, type, ok: false, error };
}

export function makeEvent<E extends EventType>(type: E, data: EventPayloads[E]): BridgeEvent {
    return { channel: BRIDGE_CHANNEL, v: PROTOCOL_VERSION, kind: 'event', type, data } as BridgeEvent;
}

// ---------------------------------------------------------------------------------------------
// Validation: every function returns a fresh object with only the known fields, or null.
// ---------------------------------------------------------------------------------------------

type Rec = Record<string, unknown>;

const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
const CLIENT_ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;
/** a tenant GUID or a verified domain; it becomes a path segment of the authority URL */
const TENANT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.-]{0,127}$/;
const EMAIL_PATTERN = /^[^\s@]{1,200}@[^\s@]{1,200}$/;
const VALUE_PATTERN = /^[A-Za-z]{1,64}$/;
/** ISO-8601 durations as Graph takes them (PT5M, PT4H, P1D) */
const DURATION_PATTERN = /^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const OBJECT_ID_PATTERN = /^[A-Za-z0-9._@-]{1,128}$/;

function isRecord(value: unknown): value is Rec {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, max: number): string | null {
    return typeof value === 'string' && value.length <= max ? value : null;
}

function matching(value: unknown, pattern: RegExp): string | null {
    return typeof value === 'string' && pattern.test(value) ? value : null;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
    return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function parseAccount(value: unknown): AccountSummary | null {
    if (!isRecord(value)) return null;
    const objectId = matching(value.objectId, OBJECT_ID_PATTERN);
    const upn = text(value.upn, 320);
    return objectId !== null && upn !== null ? { objectId, upn } : null;
}

function parseStatus(value: unknown): BridgeStatus | null {
    if (!isRecord(value) || typeof value.initialized !== 'boolean') return null;
    const role = value.role === null ? null : oneOf(value.role, ROLES);
    const account = value.account === null ? null : parseAccount(value.account);
    const interaction = oneOf<Interaction>(value.interaction, ['idle', 'buttonShown', 'popupOpen']);
    if ((role === null && value.role !== null) || (account === null && value.account !== null)) return null;
    if (interaction === null) return null;
    return { initialized: value.initialized, role, account, interaction };
}

function parsePresence(value: unknown): PresenceReading | null {
    if (!isRecord(value)) return null;
    const availability = matching(value.availability, VALUE_PATTERN);
    const activity = matching(value.activity, VALUE_PATTERN);
    if (availability === null || activity === null) return null;
    const reading: PresenceReading = { availability, activity };
    if (value.sequenceNumber !== undefined) {
        const sequenceNumber = text(value.sequenceNumber, 128);
        if (sequenceNumber === null) return null;
        reading.sequenceNumber = sequenceNumber;
    }
    if (value.statusMessage !== undefined) {
        const statusMessage = text(value.statusMessage, MAX_STATUS_MESSAGE_LENGTH);
        if (statusMessage === null) return null;
        reading.statusMessage = statusMessage;
    }
    return reading;
}

function parseUserPresence(value: unknown): UserPresence | null {
    if (!isRecord(value)) return null;
    const id = matching(value.id, OBJECT_ID_PATTERN);
    const presence = parsePresence({ availability: value.availability, activity: value.activity });
    return id !== null && presence !== null ? { id, ...presence } : null;
}

/** Validates a BridgeError; unknown fields are dropped. */
export function parseBridgeError(value: unknown): BridgeError | null {
    if (!isRecord(value)) return null;
    const kind = oneOf(value.kind, BRIDGE_ERROR_KINDS);
    if (kind === null) return null;
    const error: BridgeError = { kind };
    if (value.status !== undefined) {
        if (typeof value.status !== 'number' || !Number.isInteger(value.status)) return null;
        error.status = value.status;
    }
    if (value.retryAfter !== undefined) {
        const retryAfter = text(value.retryAfter, 64);
        if (retryAfter === null) return null;
        error.retryAfter = retryAfter;
    }
    if (value.detail !== undefined) {
        const detail = text(value.detail, 500);
        if (detail === null) return null;
        error.detail = detail;
    }
    if (value.entraCode !== undefined) {
        const code = value.entraCode;
        if (typeof code !== 'number' || !Number.isInteger(code) || code <= 0 || code > 99999999) return null;
        error.entraCode = code;
    }
    return error;
}

function parseEmpty(value: unknown): Empty | null {
    return isRecord(value) ? {} : null;
}

function parseWrite(value: unknown, durationRequired: boolean): RequestParams['setPreferredPresence'] | null {
    if (!isRecord(value)) return null;
    const availability = matching(value.availability, VALUE_PATTERN);
    const activity = matching(value.activity, VALUE_PATTERN);
    if (availability === null || activity === null) return null;
    if (value.expirationDuration === undefined && !durationRequired) return { availability, activity };
    const expirationDuration = matching(value.expirationDuration, DURATION_PATTERN);
    return expirationDuration === null ? null : { availability, activity, expirationDuration };
}

function parseKeepalive(value: unknown): { keepalive: boolean } | null {
    if (!isRecord(value)) return null;
    if (value.keepalive === undefined) return { keepalive: false };
    return typeof value.keepalive === 'boolean' ? { keepalive: value.keepalive } : null;
}

type Parsers<M> = { [K in keyof M]: (value: unknown) => M[K] | null };

const PARAM_PARSERS: Parsers<RequestParams> = {
    init: (value) => {
        if (!isRecord(value)) return null;
        const clientId = matching(value.clientId, CLIENT_ID_PATTERN);
        const tenantId = matching(value.tenantId, TENANT_PATTERN);
        const loginHint = matching(value.loginHint, EMAIL_PATTERN);
        const role = oneOf(value.role, ROLES);
        if (clientId === null || tenantId === null || loginHint === null || role === null) return null;
        if (value.accountId === undefined) return { clientId, tenantId, loginHint, role };
        const accountId = matching(value.accountId, OBJECT_ID_PATTERN);
        return accountId === null ? null : { clientId, tenantId, loginHint, role, accountId };
    },
    status: parseEmpty,
    connect: parseEmpty,
    getPresence: parseEmpty,
    setPresence: (value) => {
        const write = parseWrite(value, true);
        return write?.expirationDuration === undefined
            ? null
            : {
                  availability: write.availability,
                  activity: write.activity,
                  expirationDuration: write.expirationDuration
              };
    },
    clearPresence: parseKeepalive,
    setPreferredPresence: (value) => parseWrite(value, false),
    clearPreferredPresence: parseKeepalive,
    setStatusMessage: (value) => {
        if (!isRecord(value)) return null;
        const content = text(value.content, MAX_STATUS_MESSAGE_LENGTH);
        if (content === null) return null;
        if (value.expiresAt === undefined) return { content };
        const expiresAt = value.expiresAt;
        return typeof expiresAt === 'number' && Number.isSafeInteger(expiresAt) && expiresAt > 0
            ? { content, expiresAt }
            : null;
    },
    getPresencesByUserId: (value) => {
        if (!isRecord(value) || !Array.isArray(value.ids)) return null;
        if (value.ids.length === 0 || value.ids.length > MAX_PRESENCE_IDS) return null;
        const ids = value.ids.map((id) => matching(id, OBJECT_ID_PATTERN));
        return ids.every((id): id is string => id !== null) ? { ids } : null;
    },
    disconnect: parseEmpty,
    wake: (value) => {
        if (!isRecord(value)) return null;
        const delayMs = value.delayMs;
        return typeof delayMs === 'number' &&
            Number.isSafeInteger(delayMs) &&
            delayMs >= 0 &&
            delayMs <= MAX_WAKE_MS
            ? { delayMs }
            : null;
    }
};

const RESULT_PARSERS: Parsers<ResultMap> = {
    init: parseStatus,
    status: parseStatus,
    connect: parseStatus,
    getPresence: parsePresence,
    setPresence: parseEmpty,
    clearPresence: parseEmpty,
    setPreferredPresence: parseEmpty,
    clearPreferredPresence: parseEmpty,
    setStatusMessage: parseEmpty,
    getPresencesByUserId: (value) => {
        if (!isRecord(value) || !Array.isArray(value.presences)) return null;
        const presences = value.presences.map(parseUserPresence);
        return presences.every((p): p is UserPresence => p !== null) ? { presences } : null;
    },
    disconnect: parseEmpty,
    wake: parseEmpty
};

const EVENT_PARSERS: Parsers<EventPayloads> = {
    ready: parseEmpty,
    signedIn: parseAccount,
    signedOut: (value) => {
        if (!isRecord(value)) return null;
        const reason =
            value.reason === 'userDisconnected' ? value.reason : oneOf(value.reason, BRIDGE_ERROR_KINDS);
        return reason === null ? null : { reason };
    },
    signInFailed: (value) => {
        const error = isRecord(value) ? parseBridgeError(value.error) : null;
        return error === null ? null : { error };
    }
};

/** Validates request parameters for one type (also used by the client before it sends). */
export function parseParams<T extends RequestType>(type: T, value: unknown): RequestParams[T] | null {
    return PARAM_PARSERS[type](value);
}

/**
 * Returns the typed message, or null for anything malformed, foreign or of another version.
 * Never throws, whatever `data` is (getters that throw, proxies, cyclic objects).
 */
export function parseMessage(data: unknown): BridgeMessage | null {
    try {
        return parseUnsafe(data);
    } catch {
        return null;
    }
}

function parseUnsafe(data: unknown): BridgeMessage | null {
    if (!isRecord(data) || data.channel !== BRIDGE_CHANNEL || data.v !== PROTOCOL_VERSION) return null;
    const envelope = { channel: BRIDGE_CHANNEL, v: PROTOCOL_VERSION } as const;
    if (data.kind === 'event') {
        const type = oneOf(data.type, EVENT_TYPES);
        if (type === null) return null;
        const payload = EVENT_PARSERS[type](data.data);
        return payload === null ? null : ({ ...envelope, kind: 'event', type, data: payload } as BridgeEvent);
    }
    const id = matching(data.id, ID_PATTERN);
    const type = oneOf(data.type, REQUEST_TYPES);
    if (id === null || type === null) return null;
    if (data.kind === 'request') {
        const params = parseParams(type, data.params);
        return params === null ? null : ({ ...envelope, kind: 'request', id, type, params } as BridgeRequest);
    }
    if (data.kind !== 'reply') return null;
    if (data.ok === true) {
        const result = RESULT_PARSERS[type](data.result);
        return result === null
            ? null
            : ({ ...envelope, kind: 'reply', id, type, ok: true, result } as BridgeReply);
    }
    if (data.ok !== false) return null;
    const error = parseBridgeError(data.error);
    return error === null ? null : { ...envelope, kind: 'reply', id, type, ok: false, error };
}

// ---------------------------------------------------------------------------------------------
// Origins: Lightning (where the LWC runs) and Visualforce (where the bridge page runs)
// ---------------------------------------------------------------------------------------------

// <MyDomain>.[sandbox|develop|scratch|...].lightning.force.com, and the harness's .localhost twin
const LIGHTNING_HOST = /^([a-z0-9][a-z0-9-]*)\.((?:[a-z0-9-]+\.)?)lightning\.force\.(com|localhost)$/;
// <MyDomain>--<namespace>.[qualifier.]vf.force.com; the last `--` starts the namespace (c = no namespace)
const VISUALFORCE_HOST =
    /^([a-z0-9][a-z0-9-]*)--([a-z0-9_]+)\.((?:[a-z0-9-]+\.)?)vf\.force\.(com|localhost)$/;

function httpsUrl(origin: string): URL | null {
    try {
        const url = new URL(origin);
        return url.protocol === 'https:' && url.origin === origin ? url : null;
    } catch {
        return null;
    }
}

function withPort(host: string, port: string): string {
    return port === '' ? host : `${host}:${port}`;
}

/** The Visualforce origin of the org whose Lightning origin is given, or null if it is not one. */
export function visualforceOriginFor(lightningOrigin: string, namespace = 'c'): string | null {
    const url = httpsUrl(lightningOrigin);
    const match = url === null ? null : LIGHTNING_HOST.exec(url.hostname);
    if (url === null || match === null) return null;
    const [, myDomain, qualifier, tld] = match;
    return `https://${withPort(`${myDomain}--${namespace}.${qualifier}vf.force.${tld}`, url.port)}`;
}

/** The Lightning origin of the org whose Visualforce origin is given, or null if it is not one. */
export function lightningOriginFor(visualforceOrigin: string): string | null {
    const url = httpsUrl(visualforceOrigin);
    const match = url === null ? null : VISUALFORCE_HOST.exec(url.hostname);
    if (url === null || match === null) return null;
    const [, myDomain, , qualifier, tld] = match;
    return `https://${withPort(`${myDomain}.${qualifier}lightning.force.${tld}`, url.port)}`;
}

/** True for the local harness's origins (`.localhost`), which no real org can have. */
export function isHarnessOrigin(origin: string): boolean {
    const url = httpsUrl(origin);
    return url !== null && url.hostname.endsWith('.localhost');
}

/** Path of the bridge page on the Visualforce origin. */
export const BRIDGE_PATH = '/apex/TeamsBridge';
/** Page parameter that tells the bridge which Lightning origin embeds it. */
export const PARENT_ORIGIN_PARAM = 'parentOrigin';

/** The URL of the bridge page for an org, as the LWC puts it into the iframe (null: not a Lightning origin). */
export function bridgeUrlFor(lightningOrigin: string): string | null {
    const vf = visualforceOriginFor(lightningOrigin);
    return vf === null
        ? null
        : `${vf}${BRIDGE_PATH}?${PARENT_ORIGIN_PARAM}=${encodeURIComponent(lightningOrigin)}`;
}

// ---------------------------------------------------------------------------------------------
// Microsoft Entra sign-in errors (AADSTS numbers) that name their own fix
// ---------------------------------------------------------------------------------------------

/**
 * The sign-in failures whose cause Microsoft Entra names with an AADSTS number, each with one fix.
 * Numbers and meanings: "Microsoft Entra authentication and authorization error codes"
 * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
 */
export type EntraCause =
    | 'consentMissing'
    | 'consentDeclined'
    | 'conditionalAccess'
    | 'userNotAssigned'
    | 'redirectUriNotSpa'
    | 'redirectUriMismatch'
    | 'wrongTenant'
    | 'appNotInTenant';

const ENTRA_CAUSES: Readonly<Record<number, EntraCause>> = {
    // ConsentRequired: the user or administrator has not consented to use the application
    65001: 'consentMissing',
    // DeclinedConsent: the user declined to consent to access the app
    65004: 'consentDeclined',
    // BlockedByConditionalAccess: access has been blocked by Conditional Access policies
    53003: 'conditionalAccess',
    // the signed-in user is not assigned to a role for the application ("Assignment required")
    50105: 'userNotAssigned',
    // cross-origin token redemption is permitted only for the 'Single-Page Application' client-type
    9002326: 'redirectUriNotSpa',
    // the redirect URI in the request does not match the redirect URIs configured for the application
    50011: 'redirectUriMismatch',
    // InvalidTenantName: the tenant was not found
    90002: 'wrongTenant',
    // the user account from the identity provider does not exist in the tenant
    50020: 'wrongTenant',
    // UnauthorizedClient: the application was not found in the directory
    700016: 'appNotInTenant'
};

/** The cause an Entra error number names, or null (no number, or one without a fix of its own here). */
export function entraCauseOf(error: { entraCode?: number }): EntraCause | null {
    return error.entraCode === undefined ? null : (ENTRA_CAUSES[error.entraCode] ?? null);
}
