/**
 * The HTTP face of the control API, under `/_control` on the Graph host. Every route calls the
 * programmatic API (GraphEmulator, IdentityControl, Clock); docs/harness.md lists them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from './clock';
import type { GraphEmulator, ManualStatus, TeamsClientKind } from './graph/emulator';
import { parseIsoDuration } from './graph/model';
import { readBody, sendJson } from './http/util';
import type { IdentityControl } from './identity/provider';

class ControlError extends Error {
    constructor(
        readonly status: number,
        message: string
    ) {
        super(message);
    }
}

function num(value: unknown, name: string): number | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new ControlError(400, `${name} must be a non-negative number`);
    }
    return value;
}

function platformOf(value: unknown): 'spa' | 'web' | undefined {
    if (value === undefined || value === 'spa' || value === 'web') return value;
    throw new ControlError(400, 'platform must be spa or web');
}

function permissionsOf(value: unknown): string[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((p) => typeof p !== 'string')) {
        throw new ControlError(400, 'permissions must be a list of strings');
    }
    return value as string[];
}

function booleanOf(value: unknown, name: string): boolean | undefined {
    if (value === undefined || typeof value === 'boolean') return value;
    throw new ControlError(400, `${name} must be true or false`);
}

function str(value: unknown, name: string): string | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== 'string') {
        throw new ControlError(400, `${name} must be a string`);
    }
    return value;
}

export function createControlHandler(deps: {
    graph: GraphEmulator;
    idp: IdentityControl;
    clock: Clock;
    allowedOrigins: () => readonly string[];
}) {
    const { graph, idp, clock } = deps;
    const clockJson = () => ({
        now: clock.now(),
        iso: new Date(clock.now()).toISOString(),
        offsetMs: clock.offset()
    });

    async function route(
        method: string,
        parts: string[],
        body: Record<string, unknown>,
        url: URL
    ): Promise<unknown> {
        const [a, b] = parts;
        const idIndex = a === 'users' ? 1 : a === 'idp' && b === 'users' ? 2 : -1;
        const pattern = parts.map((p, i) => (i === idIndex ? ':id' : p)).join('/');
        const user = () => decodeURIComponent(parts[idIndex] ?? '');
        switch (`${method} ${pattern}`) {
            case 'GET clock':
                return clockJson();
            case 'POST clock/advance': {
                const ms =
                    num(body.ms, 'ms') ??
                    (num(body.seconds, 'seconds') !== undefined
                        ? (body.seconds as number) * 1000
                        : undefined) ??
                    (body.duration !== undefined ? parseIsoDuration(body.duration) : undefined);
                if (ms === undefined) {
                    throw new ControlError(400, 'give ms, seconds or an ISO-8601 duration');
                }
                clock.advance(ms);
                return clockJson();
            }
            case 'POST clock/reset':
                clock.reset();
                return clockJson();
            case 'POST reset':
                graph.reset();
                idp.clearSignInBlocks();
                return { ok: true };
            case 'GET users':
                // Everything but the password.
                return graph.directory.all().map((u) => ({
                    id: u.id,
                    userPrincipalName: u.userPrincipalName,
                    mail: u.mail,
                    displayName: u.displayName,
                    consentGranted: u.consentGranted,
                    teamsEnabled: u.teamsEnabled
                }));
            case 'POST population': {
                const count = num(body.count, 'count') ?? 0;
                const users = graph.generatePopulation(count, num(body.seed, 'seed') ?? 1);
                return { count: users.length, ids: users.map((u) => u.id) };
            }
            case 'GET users/:id/presence':
                return graph.presence(user());
            case 'POST users/:id/teams-client':
                graph.setTeamsClient(
                    user(),
                    str(body.availability, 'availability') ?? '',
                    str(body.activity, 'activity') ?? '',
                    (str(body.client, 'client') ?? 'desktop') as TeamsClientKind,
                    num(body.idleAfterMs, 'idleAfterMs')
                );
                return graph.presence(user());
            case 'POST users/:id/teams-client/idle':
                graph.setTeamsClientIdle(
                    user(),
                    body.idle !== false,
                    (str(body.client, 'client') ?? 'desktop') as TeamsClientKind
                );
                return graph.presence(user());
            case 'DELETE users/:id/teams-client':
                graph.signOutTeamsClient(
                    user(),
                    (url.searchParams.get('client') ?? 'desktop') as TeamsClientKind
                );
                return graph.presence(user());
            case 'POST users/:id/call':
                graph.setInTeamsCall(user(), body.inCall !== false);
                return graph.presence(user());
            case 'POST users/:id/status-message':
                graph.setOwnStatusMessage(
                    user(),
                    str(body.message, 'message') ?? '',
                    num(body.expiresInMs, 'expiresInMs')
                );
                return graph.presence(user());
            case 'POST users/:id/manual-status':
                graph.setManualStatus(
                    user(),
                    (str(body.status, 'status') ?? '') as ManualStatus,
                    str(body.expirationDuration, 'expirationDuration')
                );
                return graph.presence(user());
            case 'POST faults/throttle':
                graph.throttle({
                    ...opt('userId', str(body.userId, 'userId')),
                    ...opt('count', num(body.count, 'count')),
                    ...opt('durationMs', num(body.durationMs, 'durationMs')),
                    ...opt('retryAfterSeconds', num(body.retryAfterSeconds, 'retryAfterSeconds')),
                    ...opt('hideRetryAfter', body.hideRetryAfter === true ? true : undefined)
                });
                return { ok: true };
            case 'POST faults/tenant-limit':
                graph.setTenantLimit(
                    body.off === true
                        ? null
                        : {
                              ...opt('limit', num(body.limit, 'limit')),
                              ...opt('windowMs', num(body.windowMs, 'windowMs')),
                              ...opt('hideRetryAfter', body.hideRetryAfter === true ? true : undefined)
                          }
                );
                return { ok: true };
            case 'POST faults/sequence-restart':
                graph.restartSequence(str(body.userId, 'userId'));
                return { ok: true };
            case 'POST faults/in-a-call-reads-busy':
                graph.setAppInACallReadsBusy(body.on !== false);
                return { ok: true };
            case 'POST faults/propagation':
                graph.setPropagationDelay(num(body.ms, 'ms') ?? 0);
                return { ok: true };
            case 'POST faults/error':
                graph.failWith({
                    ...opt('userId', str(body.userId, 'userId')),
                    ...opt('count', num(body.count, 'count')),
                    ...opt('durationMs', num(body.durationMs, 'durationMs')),
                    ...opt('status', num(body.status, 'status'))
                });
                return { ok: true };
            case 'POST faults/drop':
                graph.dropConnections({
                    ...opt('userId', str(body.userId, 'userId')),
                    ...opt('count', num(body.count, 'count')),
                    ...opt('durationMs', num(body.durationMs, 'durationMs'))
                });
                return { ok: true };
            case 'POST faults/latency':
                graph.setLatency(num(body.ms, 'ms') ?? 0, str(body.userId, 'userId'));
                return { ok: true };
            case 'DELETE faults':
                graph.clearFaults();
                return { ok: true };
            case 'GET log':
                return graph.log();
            case 'DELETE log':
                graph.resetLog();
                return { ok: true };
            case 'GET idp':
                return {
                    issuer: idp.issuer,
                    authority: idp.authority,
                    lifetimes: idp.lifetimes(),
                    clients: idp.clients()
                };
            case 'POST idp/lifetimes':
                return idp.setLifetimes({
                    ...opt('accessTokenSeconds', num(body.accessTokenSeconds, 'accessTokenSeconds')),
                    ...opt('refreshTokenSeconds', num(body.refreshTokenSeconds, 'refreshTokenSeconds')),
                    ...opt('sessionSeconds', num(body.sessionSeconds, 'sessionSeconds'))
                });
            case 'POST idp/clients': {
                const clientId = str(body.clientId, 'clientId');
                const redirectUris = body.redirectUris;
                if (
                    !clientId ||
                    !Array.isArray(redirectUris) ||
                    redirectUris.some((u) => typeof u !== 'string')
                ) {
                    throw new ControlError(400, 'clientId and redirectUris (strings) are required');
                }
                await idp.registerClient({
                    clientId,
                    redirectUris: redirectUris as string[],
                    ...opt('name', str(body.name, 'name')),
                    ...opt('platform', platformOf(body.platform)),
                    ...opt('permissions', permissionsOf(body.permissions)),
                    ...opt('adminConsent', booleanOf(body.adminConsent, 'adminConsent'))
                });
                return idp.clients();
            }
            case 'POST idp/users/:id/revoke':
                return { revoked: await idp.revokeRefreshTokens(user()) };
            case 'POST idp/users/:id/end-session':
                return { ended: await idp.endSessions(user()) };
            case 'POST idp/users/:id/sign-in-block': {
                const block = body.block ?? null;
                if (block !== null && block !== 'conditionalAccess' && block !== 'notAssigned') {
                    throw new ControlError(400, 'block must be conditionalAccess, notAssigned or null');
                }
                await idp.setSignInBlock(user(), block);
                return { ok: true };
            }
            case 'POST idp/users/:id/consent':
                await idp.setConsent(user(), body.granted !== false);
                return { ok: true };
            default:
                throw new ControlError(404, `no control route ${method} ${pattern}`);
        }
    }

    return async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
        const origin = req.headers.origin;
        const cors: Record<string, string> =
            origin && deps.allowedOrigins().includes(origin)
                ? {
                      'Access-Control-Allow-Origin': origin,
                      'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
                      'Access-Control-Allow-Headers': 'content-type',
                      Vary: 'Origin'
                  }
                : {};
        const method = (req.method ?? 'GET').toUpperCase();
        if (method === 'OPTIONS') {
            res.writeHead(204, cors);
            res.end();
            return;
        }
        try {
            const text = await readBody(req);
            let body: Record<string, unknown> = {};
            if (text) {
                try {
                    body = JSON.parse(text) as Record<string, unknown>;
                } catch {
                    throw new ControlError(400, 'body must be JSON');
                }
            }
            const parts = url.pathname.split('/').filter(Boolean).slice(1);
            const result = await route(method, parts, body, url);
            sendJson(res, 200, result, cors);
        } catch (e) {
            const status = e instanceof ControlError ? e.status : 400;
            sendJson(res, status, { error: (e as Error).message }, cors);
        }
    };
}

function opt<K extends string, V>(k: K, v: V | undefined): { [P in K]?: V } {
    return (v === undefined ? {} : { [k]: v }) as { [P in K]?: V };
}
