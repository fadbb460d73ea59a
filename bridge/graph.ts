/*
 * Microsoft Graph presence calls through @microsoft/microsoft-graph-client v3, with our own middleware
 * chain: a silent-only AuthenticationProvider, then one fetch handler that gives the whole call a single
 * deadline and retries a 503/504 at most once, and only when its Retry-After instant is near and before
 * that deadline (never a 429: the core owns backoff and honours Retry-After). The SDK's RetryHandler is
 * not used: it rounds an HTTP-date Retry-After to whole seconds (so it may send before the instant) and
 * gives each attempt its own time. Responses are read raw, so every status and the Retry-After header
 * reach the mapping.
 */
import { AuthenticationHandler, Client, ResponseType } from '@microsoft/microsoft-graph-client';
import type { AuthenticationProvider, Context, Middleware } from '@microsoft/microsoft-graph-client';
import type {
    BridgeError,
    PresenceReading,
    UserPresence
} from '../force-app/main/default/lwc/presenceSyncBridgeProtocol/presenceSyncBridgeProtocol';

export type GraphOutcome<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export type FetchLike = (input: RequestInfo, init?: RequestInit) => Promise<Response>;

/** Prefix of the error name our AuthenticationProvider throws; the Graph client keeps it as `code`. */
const AUTH_ERROR_PREFIX = 'BridgeAuth.';
/**
 * One deadline for a whole Graph call, its inline retry included: the LWC side gives a Graph request
 * 15 s (presenceSyncBridge DEFAULT_TIMEOUTS_MS), so its answer always arrives before that.
 */
export const GRAPH_TIMEOUT_MS = 12000;
/** A 503/504 is retried once only when the server asks for at most this long. */
const MAX_INLINE_RETRY_MS = 2000;
/** Without a Retry-After a 503/504 is retried after this long. */
const DEFAULT_INLINE_RETRY_MS = 500;

/** Thrown by the token source; carries a BridgeError kind through the Graph client. */
export function authFailure(error: BridgeError): Error {
    const failure = new Error(error.detail ?? '');
    failure.name = `${AUTH_ERROR_PREFIX}${error.kind}`;
    return failure;
}

/**
 * The instant (epoch ms) a Retry-After header allows the next request: delta-seconds or an HTTP-date,
 * taken exactly (never rounded down). Null when absent or unreadable.
 */
export function retryAfterInstant(header: string | null, now: number): number | null {
    if (header === null) return null;
    const text = header.trim();
    if (/^\d+$/.test(text)) return now + Number(text) * 1000;
    const date = Date.parse(text);
    return Number.isNaN(date) ? null : Math.max(now, date);
}

/**
 * When a 503/504 may be sent again inside the same call: its Retry-After instant (or a short default),
 * if that is near and leaves time before the deadline; null means "answer now, the core waits".
 */
export function inlineRetryAt(response: Response, now: number, deadline: number): number | null {
    if (response.status !== 503 && response.status !== 504) return null;
    const header = response.headers.get('Retry-After');
    const instant = header === null ? now + DEFAULT_INLINE_RETRY_MS : retryAfterInstant(header, now);
    if (instant === null || instant - now > MAX_INLINE_RETRY_MS || instant >= deadline) return null;
    return instant;
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** Last middleware: the network, one deadline for the whole call, at most one inline retry of a 503/504. */
class FetchHandler implements Middleware {
    private readonly fetchImpl: FetchLike;
    private readonly timeoutMs: number;

    constructor(fetchImpl: FetchLike, timeoutMs: number) {
        this.fetchImpl = fetchImpl;
        this.timeoutMs = timeoutMs;
    }

    async execute(context: Context): Promise<void> {
        const deadline = Date.now() + this.timeoutMs;
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), this.timeoutMs);
        const send = () => this.fetchImpl(context.request, { ...context.options, signal: controller.signal });
        try {
            context.response = await send();
            const retryAt = inlineRetryAt(context.response, Date.now(), deadline);
            if (retryAt === null) return;
            // never before the instant: a timer may fire a little early on some clocks, so check again
            while (Date.now() < retryAt) await sleep(retryAt - Date.now());
            context.response = await send();
        } finally {
            clearTimeout(timer);
        }
    }
}

export interface PresenceApiOptions {
    /** e.g. https://graph.microsoft.com/v1.0 */
    graphBaseUrl: string;
    /** the app's client id: the sessionId of its presence session */
    clientId: string;
    /** silent only: resolves a token or throws authFailure(...) */
    getAccessToken: () => Promise<string>;
    fetchImpl: FetchLike;
    timeoutMs?: number;
}

interface GraphErrorLike {
    statusCode?: unknown;
    code?: unknown;
    message?: unknown;
}

/** Maps an HTTP failure (status, Retry-After, Graph error code) to a BridgeError. */
export function mapHttpError(status: number, retryAfter: string | null, code: string | null): BridgeError {
    const detail = code ?? `http${status}`;
    const withRetry = retryAfter === null ? {} : { retryAfter };
    if (status === 429) return { kind: 'throttled', status, detail, ...withRetry };
    if (status === 401) return { kind: 'signInRequired', status, detail };
    if (status === 403) return { kind: 'forbidden', status, detail };
    if (status === 404) return { kind: 'notFound', status, detail };
    if (status === 408) return { kind: 'timeout', status, detail };
    if (status >= 500) return { kind: 'server', status, detail, ...withRetry };
    return { kind: 'invalidRequest', status, detail };
}

/** Maps what the Graph client throws (no HTTP response: auth, network, abort) to a BridgeError. */
export function mapThrown(error: unknown): BridgeError {
    const record: GraphErrorLike =
        typeof error === 'object' && error !== null ? (error as GraphErrorLike) : {};
    const code = typeof record.code === 'string' ? record.code : '';
    const name = error instanceof Error ? error.name : '';
    for (const candidate of [code, name]) {
        if (candidate.startsWith(AUTH_ERROR_PREFIX)) {
            const kind = candidate.slice(AUTH_ERROR_PREFIX.length) as BridgeError['kind'];
            const detail =
                typeof record.message === 'string' && record.message !== '' ? record.message : kind;
            return { kind, detail };
        }
    }
    if (code === 'AbortError' || name === 'AbortError') return { kind: 'timeout', detail: 'graphDeadline' };
    return { kind: 'network', detail: code || name || 'fetchFailed' };
}

async function graphErrorCode(response: Response): Promise<string | null> {
    try {
        const body: unknown = await response.json();
        const error =
            typeof body === 'object' && body !== null ? (body as { error?: { code?: unknown } }).error : null;
        return typeof error?.code === 'string' ? error.code.slice(0, 100) : null;
    } catch {
        return null;
    }
}

async function jsonBody(response: Response): Promise<unknown> {
    const text = await response.text();
    return text === '' ? null : (JSON.parse(text) as unknown);
}

function presenceFrom(value: unknown): PresenceReading | null {
    if (typeof value !== 'object' || value === null) return null;
    const record = value as Record<string, unknown>;
    if (typeof record.availability !== 'string' || typeof record.activity !== 'string') return null;
    const reading: PresenceReading = { availability: record.availability, activity: record.activity };
    if (typeof record.sequenceNumber === 'string') reading.sequenceNumber = record.sequenceNumber;
    // statusMessage: { message: { content, contentType }, expiryDateTime, publishedDateTime } or null
    const status = record.statusMessage as { message?: { content?: unknown } } | null | undefined;
    const content = status?.message?.content;
    if (typeof content === 'string' && content !== '') reading.statusMessage = content;
    return reading;
}

/** The presence calls the bridge makes, one method per protocol request. */
export class PresenceApi {
    private readonly client: Client;
    private readonly clientId: string;
    private readonly apiBase: string;
    private readonly fetchImpl: FetchLike;

    constructor(options: PresenceApiOptions) {
        const base = new URL(options.graphBaseUrl);
        const version = base.pathname.replace(/^\/+|\/+$/g, '');
        const authProvider: AuthenticationProvider = { getAccessToken: options.getAccessToken };
        const auth = new AuthenticationHandler(authProvider);
        const network = new FetchHandler(options.fetchImpl, options.timeoutMs ?? GRAPH_TIMEOUT_MS);
        auth.setNext(network);
        this.client = Client.initWithMiddleware({
            middleware: auth,
            baseUrl: `${base.origin}/`,
            defaultVersion: version,
            // the token is attached only to this host (graph.microsoft.com is built in)
            customHosts: new Set([base.hostname])
        });
        this.clientId = options.clientId;
        this.apiBase = `${base.origin}/${version}`;
        this.fetchImpl = options.fetchImpl;
    }

    /**
     * The page is going away: clears what the app holds with keepalive requests started synchronously
     * (nothing awaited first, no middleware), the only way a request still leaves an unloading frame.
     * Fire and forget: nobody is left to read the answer. 404 (already gone) is fine.
     */
    clearOnUnload(
        userId: string,
        accessToken: string,
        what: { session: boolean; preferred: boolean }
    ): number {
        const user = encodeURIComponent(userId);
        const requests: Array<[string, object]> = [];
        if (what.preferred) requests.push([`/users/${user}/presence/clearUserPreferredPresence`, {}]);
        if (what.session)
            requests.push([`/users/${user}/presence/clearPresence`, { sessionId: this.clientId }]);
        for (const [path, body] of requests) {
            this.fetchImpl(`${this.apiBase}${path}`, {
                method: 'POST',
                keepalive: true,
                headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
                body: JSON.stringify(body)
            }).catch(() => undefined);
        }
        return requests.length;
    }

    async getPresence(): Promise<GraphOutcome<PresenceReading>> {
        const outcome = await this.send('GET', '/me/presence');
        if (!outcome.ok) return outcome;
        const reading = presenceFrom(outcome.value);
        return reading === null
            ? { ok: false, error: { kind: 'server', detail: 'unexpectedBody' } }
            : { ok: true, value: reading };
    }

    async getPresencesByUserId(ids: string[]): Promise<GraphOutcome<{ presences: UserPresence[] }>> {
        const outcome = await this.send('POST', '/communications/getPresencesByUserId', { ids });
        if (!outcome.ok) return outcome;
        const value: unknown = (outcome.value as { value?: unknown } | null)?.value;
        if (!Array.isArray(value)) return { ok: false, error: { kind: 'server', detail: 'unexpectedBody' } };
        const presences: UserPresence[] = [];
        for (const item of value) {
            const reading = presenceFrom(item);
            const id: unknown = (item as { id?: unknown }).id;
            if (reading !== null && typeof id === 'string') {
                presences.push({ id, availability: reading.availability, activity: reading.activity });
            }
        }
        return { ok: true, value: { presences } };
    }

    setPresence(userId: string, availability: string, activity: string, expirationDuration: string) {
        return this.write(`/users/${encodeURIComponent(userId)}/presence/setPresence`, {
            sessionId: this.clientId,
            availability,
            activity,
            expirationDuration
        });
    }

    /** Clears this app's presence session; no session (404) is what we wanted, so it is success. */
    async clearPresence(userId: string, keepalive: boolean): Promise<GraphOutcome<Record<string, never>>> {
        const path = `/users/${encodeURIComponent(userId)}/presence/clearPresence`;
        const outcome = await this.write(path, { sessionId: this.clientId }, keepalive);
        return !outcome.ok && outcome.error.kind === 'notFound' ? { ok: true, value: {} } : outcome;
    }

    setPreferredPresence(
        userId: string,
        availability: string,
        activity: string,
        expirationDuration?: string
    ) {
        const body =
            expirationDuration === undefined
                ? { availability, activity }
                : { availability, activity, expirationDuration };
        return this.write(`/users/${encodeURIComponent(userId)}/presence/setUserPreferredPresence`, body);
    }

    /**
     * presence-setstatusmessage (https://learn.microsoft.com/en-us/graph/api/presence-setstatusmessage):
     * the expiry as a dateTimeTimeZone in UTC; empty content clears the message.
     */
    setStatusMessage(userId: string, content: string, expiresAt?: number) {
        const statusMessage = {
            message: { content, contentType: 'text' },
            ...(expiresAt === undefined
                ? {}
                : {
                      expiryDateTime: {
                          dateTime: new Date(expiresAt).toISOString().replace(/Z$/, ''),
                          timeZone: 'UTC'
                      }
                  })
        };
        return this.write(`/users/${encodeURIComponent(userId)}/presence/setStatusMessage`, {
            statusMessage
        });
    }

    clearPreferredPresence(userId: string, keepalive: boolean) {
        return this.write(
            `/users/${encodeURIComponent(userId)}/presence/clearUserPreferredPresence`,
            {},
            keepalive
        );
    }

    private async write(
        path: string,
        body: object,
        keepalive = false
    ): Promise<GraphOutcome<Record<string, never>>> {
        const outcome = await this.send('POST', path, body, keepalive);
        return outcome.ok ? { ok: true, value: {} } : outcome;
    }

    private async send(
        method: 'GET' | 'POST',
        path: string,
        body?: object,
        keepalive = false
    ): Promise<GraphOutcome<unknown>> {
        let response: Response;
        try {
            const request = this.client.api(path).responseType(ResponseType.RAW);
            if (keepalive) request.options({ keepalive: true });
            response = (await (method === 'GET' ? request.get() : request.post(body))) as Response;
        } catch (error) {
            return { ok: false, error: mapThrown(error) };
        }
        if (!response.ok) {
            const code = await graphErrorCode(response);
            return {
                ok: false,
                error: mapHttpError(response.status, response.headers.get('Retry-After'), code)
            };
        }
        try {
            return { ok: true, value: await jsonBody(response) };
        } catch {
            return { ok: false, error: { kind: 'server', detail: 'unparsableBody' } };
        }
    }
}
