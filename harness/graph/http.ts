/**
 * Microsoft Graph presence endpoints (`/v1.0`, `/beta`) over the emulator: bearer validation,
 * permission checks, request validation, Graph-shaped errors, CORS, injected faults, the request log.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/util';
import { preciseWallClock } from '../clock';
import { TokenError, type Caller } from './auth';
import type { GraphEmulator } from './emulator';
import {
    MAX_BATCH_IDS,
    matchPair,
    parseIsoDuration,
    PREFERRED_PAIRS,
    SESSION_EXPIRY_DEFAULT_MS,
    SESSION_EXPIRY_MAX_MS,
    SESSION_EXPIRY_MIN_MS,
    SESSION_PAIRS,
    type PresenceReading,
    type StatusMessage
} from './model';

export interface GraphHttpOptions {
    emulator: GraphEmulator;
    verify: (token: string) => Promise<Caller>;
    /** Origins allowed to call Graph from a browser (the Visualforce and Lightning origins). */
    allowedOrigins: () => readonly string[];
    realNow?: () => number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/*
 * The delegated permissions each call's reference page lists (least privileged, then higher), exactly;
 * the emulator issues delegated tokens only, so the application permissions do not apply:
 * - Get presence (https://learn.microsoft.com/graph/api/presence-get): Presence.Read, Presence.Read.All.
 *   Presence.ReadWrite is not listed. Another user's presence needs Presence.Read.All (Presence.Read
 *   covers the signed-in user).
 * - getPresencesByUserId (https://learn.microsoft.com/graph/api/cloudcommunications-getpresencesbyuserid):
 *   Presence.Read.All.
 * - setPresence, clearPresence, setUserPreferredPresence, clearUserPreferredPresence
 *   (https://learn.microsoft.com/graph/api/presence-setpresence and the pages beside it): Presence.ReadWrite.
 * - setStatusMessage (https://learn.microsoft.com/graph/api/presence-setstatusmessage): Presence.ReadWrite.
 */
const READ_OWN = ['Presence.Read', 'Presence.Read.All'];
const READ_ANY = ['Presence.Read.All'];
const WRITE = ['Presence.ReadWrite'];
const WRITE_ACTIONS = [
    'setpresence',
    'clearpresence',
    'setuserpreferredpresence',
    'clearuserpreferredpresence',
    'setstatusmessage'
];
/** Graph writes "no expiry" as the largest date (seen in GET presence answers). */
const NO_EXPIRY = '9999-12-31T23:59:59.9999999';

class GraphError extends Error {
    constructor(
        readonly status: number,
        readonly code: string,
        message: string,
        readonly headers: Record<string, string> = {}
    ) {
        super(message);
    }
}

const badRequest = (message: string) => new GraphError(400, 'BadRequest', message);
const forbidden = () =>
    new GraphError(403, 'Forbidden', 'Insufficient privileges to complete the operation.');

function presenceJson(version: string, reading: PresenceReading, context?: string) {
    return {
        ...(context
            ? { '@odata.context': `https://graph.microsoft.com/${version}/$metadata#${context}` }
            : {}),
        id: reading.id,
        availability: reading.availability,
        activity: reading.activity,
        sequenceNumber: reading.sequenceNumber,
        statusMessage: reading.statusMessage ? statusMessageJson(reading.statusMessage) : null,
        outOfOfficeSettings: { message: null, isOutOfOffice: false }
    };
}

/** Graph's dateTimeTimeZone: local date-time without offset, plus the zone name. */
function utcDateTime(ms: number): string {
    return new Date(ms).toISOString().replace(/Z$/, '0000');
}

function statusMessageJson(message: StatusMessage) {
    return {
        message: { content: message.content, contentType: message.contentType },
        publishedDateTime: new Date(message.publishedAt).toISOString(),
        expiryDateTime: {
            dateTime: message.expiresAt === undefined ? NO_EXPIRY : utcDateTime(message.expiresAt),
            timeZone: 'UTC'
        }
    };
}

/**
 * The status message of a setStatusMessage body: `{ statusMessage: { message: { content, contentType },
 * expiryDateTime?: { dateTime, timeZone } } }`. The emulator models the UTC zone only and refuses
 * others with a 400 (Graph also accepts Windows and IANA zone names).
 */
function parseStatusMessage(body: Record<string, unknown>): { content: string; expiresAt?: number } {
    const statusMessage = body.statusMessage as Record<string, unknown> | undefined;
    const message = statusMessage?.message as Record<string, unknown> | undefined;
    if (
        typeof statusMessage !== 'object' ||
        statusMessage === null ||
        typeof message !== 'object' ||
        message === null
    ) {
        throw badRequest('statusMessage.message is required.');
    }
    if (typeof message.content !== 'string') {
        throw badRequest('statusMessage.message.content must be a string.');
    }
    const contentType = message.contentType ?? 'text';
    if (typeof contentType !== 'string' || contentType.toLowerCase() !== 'text') {
        throw badRequest(
            `The contentType '${String(contentType)}' is not supported by the emulator; use 'text'.`
        );
    }
    const expiry = statusMessage.expiryDateTime as Record<string, unknown> | undefined | null;
    if (expiry === undefined || expiry === null) {
        return { content: message.content };
    }
    const { dateTime, timeZone } = expiry;
    if (typeof timeZone !== 'string' || timeZone.toUpperCase() !== 'UTC') {
        throw badRequest(
            `expiryDateTime.timeZone '${String(timeZone)}' is not supported by the emulator; use 'UTC'.`
        );
    }
    const at =
        typeof dateTime === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/.test(dateTime)
            ? Date.parse(dateTime.replace(/(\.\d{3})\d*/, '$1').replace(/Z?$/, 'Z'))
            : NaN;
    if (Number.isNaN(at)) {
        throw badRequest(
            `The value '${String(dateTime)}' of expiryDateTime.dateTime is not a valid date and time.`
        );
    }
    return { content: message.content, expiresAt: at };
}

function hasAny(caller: Caller, scopes: readonly string[]): boolean {
    return scopes.some((s) => caller.scopes.has(s));
}

function parseJsonBody(text: string): Record<string, unknown> {
    let value: unknown;
    try {
        value = JSON.parse(text || 'null');
    } catch {
        value = undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw badRequest(
            'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'
        );
    }
    return value as Record<string, unknown>;
}

function sessionExpiry(value: unknown): number {
    if (value === undefined || value === null) {
        return SESSION_EXPIRY_DEFAULT_MS;
    }
    const ms = parseIsoDuration(value);
    if (ms === undefined) {
        throw badRequest(
            `The value '${String(value)}' of expirationDuration is not a valid ISO 8601 duration.`
        );
    }
    if (ms < SESSION_EXPIRY_MIN_MS || ms > SESSION_EXPIRY_MAX_MS) {
        throw badRequest('expirationDuration must be between PT5M and PT4H.');
    }
    return ms;
}

export function createGraphHandler(options: GraphHttpOptions) {
    const { emulator } = options;
    const realNow = options.realNow ?? Date.now;
    const wallNow = preciseWallClock();
    const directory = emulator.directory;

    function resolveTarget(caller: Caller, segment: string): string {
        if (segment === 'me') {
            return caller.oid;
        }
        const user = directory.find(segment);
        if (!user) {
            throw new GraphError(404, 'ResourceNotFound', `Resource '${segment}' does not exist.`);
        }
        return user.id;
    }

    function read(caller: Caller, target: string): PresenceReading {
        if (!hasAny(caller, target === caller.oid ? READ_OWN : READ_ANY)) {
            throw forbidden();
        }
        return emulator.presence(target);
    }

    async function write(
        caller: Caller,
        target: string,
        action: string,
        req: IncomingMessage
    ): Promise<void> {
        if (!hasAny(caller, WRITE) || target !== caller.oid) {
            throw forbidden();
        }
        const body = parseJsonBody(await readBody(req));
        const model = emulator.model;
        switch (action) {
            case 'setpresence': {
                const { sessionId, availability, activity, expirationDuration } = body;
                if (typeof sessionId !== 'string' || !sessionId) {
                    throw badRequest('sessionId is required.');
                }
                if (sessionId.toLowerCase() !== caller.appId.toLowerCase()) {
                    throw badRequest('sessionId must be the application id of the caller.');
                }
                const pair = matchPair(SESSION_PAIRS, availability, activity);
                if (!pair) {
                    throw badRequest(
                        `The availability '${String(availability)}' and activity '${String(activity)}' combination is not supported.`
                    );
                }
                const expiresInMs = sessionExpiry(expirationDuration);
                emulator.propagate(() =>
                    model.setSession(target, {
                        sessionId: caller.appId.toLowerCase(),
                        kind: 'application',
                        availability: pair[0],
                        activity: pair[1],
                        expiresInMs
                    })
                );
                return;
            }
            case 'clearpresence': {
                const { sessionId } = body;
                if (typeof sessionId !== 'string' || !sessionId) {
                    throw badRequest('sessionId is required.');
                }
                if (sessionId.toLowerCase() !== caller.appId.toLowerCase()) {
                    throw badRequest('sessionId must be the application id of the caller.');
                }
                if (!model.hasSession(target, sessionId.toLowerCase())) {
                    throw new GraphError(404, 'NotFound', 'The presence session does not exist.');
                }
                emulator.propagate(() => model.clearSession(target, sessionId.toLowerCase()));
                return;
            }
            case 'setuserpreferredpresence': {
                const { availability, activity, expirationDuration } = body;
                const pair = matchPair(PREFERRED_PAIRS, availability, activity);
                if (!pair) {
                    throw badRequest(
                        `The availability '${String(availability)}' and activity '${String(activity)}' combination is not supported.`
                    );
                }
                let ms: number | undefined;
                if (expirationDuration !== undefined && expirationDuration !== null) {
                    ms = parseIsoDuration(expirationDuration);
                    if (ms === undefined || ms <= 0) {
                        throw badRequest(
                            `The value '${String(expirationDuration)}' of expirationDuration is not a valid ISO 8601 duration.`
                        );
                    }
                }
                emulator.propagate(() => model.setPreferred(target, pair[0], pair[1], ms));
                return;
            }
            case 'setstatusmessage': {
                const { content, expiresAt } = parseStatusMessage(body);
                emulator.propagate(() => model.setStatusMessage(target, content, expiresAt));
                return;
            }
            default:
                emulator.propagate(() => model.clearPreferred(target));
        }
    }

    async function batch(caller: Caller, version: string, req: IncomingMessage) {
        if (!hasAny(caller, READ_ANY)) {
            throw forbidden();
        }
        const { ids } = parseJsonBody(await readBody(req));
        if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) {
            throw badRequest('ids must be a non-empty array of user object ids.');
        }
        if (ids.length > MAX_BATCH_IDS) {
            throw badRequest(`The number of ids exceeds the maximum of ${MAX_BATCH_IDS}.`);
        }
        const bad = (ids as string[]).find((id) => !GUID.test(id));
        if (bad !== undefined) {
            throw badRequest(`Invalid user id '${bad}'.`);
        }
        return {
            '@odata.context': `https://graph.microsoft.com/${version}/$metadata#Collection(microsoft.graph.presence)`,
            value: (ids as string[]).map((id) => {
                const user = directory.find(id);
                const reading = user
                    ? emulator.presence(user.id)
                    : {
                          id,
                          availability: 'PresenceUnknown',
                          activity: 'PresenceUnknown',
                          sequenceNumber: ''
                      };
                return { ...presenceJson(version, reading), id };
            })
        };
    }

    async function route(
        caller: Caller,
        method: string,
        version: string,
        segments: string[],
        req: IncomingMessage
    ): Promise<unknown> {
        const lower = segments.map((s) => s.toLowerCase());
        const [first, second, third, fourth] = lower;
        const methodNotAllowed = () =>
            new GraphError(
                405,
                'Request_BadRequest',
                `The HTTP method '${method}' is not allowed for this resource.`
            );

        // GET /me/presence, GET /users/{id}/presence
        if (
            (first === 'me' && second === 'presence' && lower.length === 2) ||
            (first === 'users' && third === 'presence' && lower.length === 3)
        ) {
            if (method !== 'GET') {
                throw methodNotAllowed();
            }
            const target = resolveTarget(caller, first === 'me' ? 'me' : (segments[1] as string));
            const context =
                first === 'me'
                    ? "users('" + target + "')/presence/$entity"
                    : `users('${target}')/presence/$entity`;
            return presenceJson(version, read(caller, target), context);
        }
        // POST /me/presence/{action}, POST /users/{id}/presence/{action}
        const action = first === 'me' ? third : fourth;
        if (
            ((first === 'me' && second === 'presence' && lower.length === 3) ||
                (first === 'users' && third === 'presence' && lower.length === 4)) &&
            action !== undefined &&
            WRITE_ACTIONS.includes(action)
        ) {
            if (method !== 'POST') {
                throw methodNotAllowed();
            }
            const target = resolveTarget(caller, first === 'me' ? 'me' : (segments[1] as string));
            await write(caller, target, action, req);
            return undefined;
        }
        if (first === 'communications' && second === 'presences' && lower.length === 3) {
            if (method !== 'GET') {
                throw methodNotAllowed();
            }
            const target = resolveTarget(caller, segments[2] as string);
            return presenceJson(version, read(caller, target), 'communications/presences/$entity');
        }
        if (first === 'communications' && second === 'getpresencesbyuserid' && lower.length === 2) {
            if (method !== 'POST') {
                throw methodNotAllowed();
            }
            return batch(caller, version, req);
        }
        throw badRequest(`Resource not found for the segment '${segments[segments.length - 1] ?? ''}'.`);
    }

    return async function handleGraph(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
        const started = realNow();
        const virtualAt = emulator.clock.now();
        const method = (req.method ?? 'GET').toUpperCase();
        const requestId = randomUUID();
        const clientRequestId = String(req.headers['client-request-id'] ?? requestId);
        const origin = req.headers.origin;
        const cors: Record<string, string> = {};
        if (origin && options.allowedOrigins().includes(origin)) {
            cors['Access-Control-Allow-Origin'] = origin;
            cors['Access-Control-Expose-Headers'] = 'Retry-After, request-id, client-request-id, Location';
            cors.Vary = 'Origin';
        }
        const entry = { at: started, virtualAt, method, path: url.pathname + url.search };
        const finish = (
            status: number,
            extra: Partial<{
                userId: string;
                appId: string;
                fault: 'throttle' | 'error' | 'drop';
                preflight: boolean;
            }> = {}
        ) =>
            emulator.record({
                ...entry,
                ...extra,
                status,
                durationMs: realNow() - started,
                answeredAt: wallNow()
            });

        const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
            const text = body === undefined ? '' : JSON.stringify(body);
            res.writeHead(status, {
                ...cors,
                'request-id': requestId,
                'client-request-id': clientRequestId,
                'Cache-Control': 'no-store',
                ...(text
                    ? {
                          'Content-Type':
                              'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8'
                      }
                    : {}),
                'Content-Length': String(Buffer.byteLength(text)),
                ...headers
            });
            res.end(text);
        };
        const sendError = (e: GraphError) =>
            send(
                e.status,
                {
                    error: {
                        code: e.code,
                        message: e.message,
                        innerError: {
                            date: new Date(realNow()).toISOString().replace(/\.\d{3}Z$/, ''),
                            'request-id': requestId,
                            'client-request-id': clientRequestId
                        }
                    }
                },
                e.headers
            );

        if (method === 'OPTIONS') {
            const headers: Record<string, string> = { ...cors };
            if (cors['Access-Control-Allow-Origin']) {
                headers['Access-Control-Allow-Methods'] = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
                headers['Access-Control-Allow-Headers'] = String(
                    req.headers['access-control-request-headers'] ?? 'authorization, content-type'
                );
                headers['Access-Control-Max-Age'] = '600';
            }
            res.writeHead(204, headers);
            res.end();
            finish(204, { preflight: true });
            return;
        }

        const [, version = '', ...segments] = url.pathname.split('/').filter((s, i) => i === 0 || s !== '');
        const auth = String(req.headers.authorization ?? '');
        let caller: Caller;
        try {
            const match = /^Bearer\s+(.*)$/i.exec(auth);
            caller = await options.verify(match ? (match[1] as string).trim() : '');
        } catch (e) {
            const message = e instanceof TokenError ? e.message : 'Access token validation failure.';
            sendError(
                new GraphError(401, 'InvalidAuthenticationToken', message, {
                    'WWW-Authenticate': `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`
                })
            );
            finish(401);
            return;
        }
        const who = { userId: caller.oid, appId: caller.appId };

        const delay = emulator.latencyFor(caller.oid);
        if (delay > 0) {
            await new Promise((resolve) => setTimeout(resolve, delay));
        }
        // every request counts against the app's tenant-wide limit, throttled ones included
        const fault = emulator.countTenantRequest(caller.appId) ?? emulator.decideFault(caller.oid);
        if (fault?.kind === 'drop') {
            req.socket.destroy();
            finish(0, { ...who, fault: 'drop' });
            return;
        }
        if (fault?.kind === 'throttle') {
            const seconds = fault.retryAfterSeconds ?? 2;
            if (fault.hideRetryAfter && cors['Access-Control-Expose-Headers']) {
                // sent, but a browser cannot read it: not exposed over CORS
                cors['Access-Control-Expose-Headers'] = 'request-id, client-request-id, Location';
            }
            sendError(
                new GraphError(429, 'TooManyRequests', 'Too many requests.', {
                    'Retry-After': String(seconds)
                })
            );
            finish(429, { ...who, fault: 'throttle' });
            return;
        }
        if (fault?.kind === 'error' && fault.status === 401) {
            // Graph no longer accepts a token that is still within its lifetime (revoked session,
            // changed claims): the client must get a new one
            sendError(
                new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.', {
                    'WWW-Authenticate': `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`
                })
            );
            finish(401, { ...who, fault: 'error' });
            return;
        }
        if (fault?.kind === 'error') {
            const status = fault.status ?? 503;
            const code =
                status === 503
                    ? 'serviceNotAvailable'
                    : status === 504
                      ? 'gatewayTimeout'
                      : 'generalException';
            sendError(new GraphError(status, code, 'The service is temporarily unavailable.'));
            finish(status, { ...who, fault: 'error' });
            return;
        }

        try {
            if (version !== 'v1.0' && version !== 'beta') {
                throw badRequest(`Invalid version: ${version}`);
            }
            const body = await route(caller, method, version, segments, req);
            send(200, body);
            finish(200, who);
        } catch (e) {
            const error =
                e instanceof GraphError
                    ? e
                    : new GraphError(500, 'generalException', 'An unexpected error occurred.');
            sendError(error);
            finish(error.status, who);
        }
    };
}
