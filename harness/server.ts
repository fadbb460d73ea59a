/**
 * The local harness: one HTTPS server, virtual-hosted by Host header on one port, reproducing the
 * production topology (docs/harness.md):
 *   https://acme.lightning.force.localhost:<port>   Lightning origin (pluggable routes)
 *   https://acme--c.vf.force.localhost:<port>       Visualforce origin (pluggable routes), same site
 *   https://login.microsoftonline.localhost:<port>  identity provider (Entra stand-in)
 *   https://graph.microsoft.localhost:<port>        Graph presence emulator + /_control
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createClock, type Clock } from './clock';
import { createControlHandler } from './control';
import { Directory, DEFAULT_USERS, type DirectoryUserInput } from './directory';
import { createTokenVerifier } from './graph/auth';
import { GraphEmulator } from './graph/emulator';
import { createGraphHandler } from './graph/http';
import { hostOf, readBody, sendHtml, escapeHtml } from './http/util';
import {
    createIdentityProvider,
    type ClientRegistration,
    type IdentityControl,
    type TokenLifetimes
} from './identity/provider';
import { generateCertificates } from './tls';

export const HOSTS = {
    lightning: 'acme.lightning.force.localhost',
    visualforce: 'acme--c.vf.force.localhost',
    login: 'login.microsoftonline.localhost',
    graph: 'graph.microsoft.localhost'
} as const;
export type HostName = keyof typeof HOSTS;

export const DEFAULT_TENANT_ID = '7d9e3c1b-5a2f-4e8d-9b6c-0a1b2c3d4e5f';
export const DEFAULT_CLIENT_ID = '4a1f6c2e-8b3d-4f5a-9e7c-6b5a4c3d2e1f';
/**
 * The supervisors' own app registration of the least-privilege set-up: only the Live Agent Dashboard
 * signs in with it, and only it is granted Presence.Read.All.
 */
export const DEFAULT_SUPERVISOR_CLIENT_ID = '6c5b4a39-2817-4f06-95e4-d3c2b1a09f8e';
export const SUPERVISOR_APP_PERMISSIONS = ['Presence.Read.All'];

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface HarnessOptions {
    /** Default: env HARNESS_PORT, else 8443. 0 picks a free port. */
    port?: number;
    /** Interface to listen on (default 127.0.0.1). */
    listenHost?: string;
    tenantId?: string;
    tenantName?: string;
    users?: readonly DirectoryUserInput[];
    /**
     * App registrations. Default: two SPA clients with the redirect URI
     * `https://acme--c.vf.force.localhost:<port>/apex/TeamsBridge` (the bridge page): DEFAULT_CLIENT_ID
     * (agents and, without a supervisors' app, supervisors: every Presence permission) and
     * DEFAULT_SUPERVISOR_CLIENT_ID (supervisors only: Presence.Read.All).
     * A function receives the URLs, since they contain the port.
     */
    clients?: readonly ClientRegistration[] | ((urls: HarnessUrls) => readonly ClientRegistration[]);
    lifetimes?: Partial<TokenLifetimes>;
    /** Directory for the generated certificate files (default: a new temp dir). */
    tlsDir?: string;
}

export interface HarnessUrls {
    lightning: string;
    visualforce: string;
    login: string;
    graph: string;
    /** MSAL authority: https://login.microsoftonline.localhost:<port>/<tenantId> */
    authority: string;
    /** Token issuer: <authority>/v2.0 */
    issuer: string;
    /** https://graph.microsoft.localhost:<port>/v1.0 */
    graphApi: string;
    /** https://graph.microsoft.localhost:<port>/_control */
    control: string;
}

export interface Harness {
    port: number;
    urls: HarnessUrls;
    tenantId: string;
    clientId: string;
    /** the supervisors' own app registration (DEFAULT_SUPERVISOR_CLIENT_ID unless `clients` says otherwise) */
    supervisorClientId: string;
    caPath: string;
    caPem: string;
    /** base64 SHA-256 of the leaf certificate's public key: `--ignore-certificate-errors-spki-list=<spki>`. */
    spki: string;
    /** Chromium flags that make it trust the harness and resolve its hosts. */
    chromiumArgs: string[];
    clock: Clock;
    graph: GraphEmulator;
    idp: IdentityControl;
    directory: Directory;
    /** Serves `path` (exact, or a prefix when it ends with '/') on the Lightning or Visualforce origin. */
    mount(host: 'lightning' | 'visualforce', path: string, handler: RouteHandler): () => void;
    /**
     * Runs `filter` before the mounted routes of an origin: it may answer the request itself (return true,
     * e.g. a page the session's user has no access to) or add headers and let the route answer (false).
     */
    intercept(
        host: 'lightning' | 'visualforce',
        filter: (...args: Parameters<RouteHandler>) => boolean
    ): () => void;
    /**
     * Resolves once no connection is open and no request is being handled (at once when that is so now).
     * After a test has closed its browser contexts, this is when nothing they sent can still reach the
     * emulators (e.g. a page's keepalive clear), so the next test starts from a clean log and state.
     * While it waits, connections with no request on them are closed, as a server may close an idle
     * persistent connection at any time (RFC 9112, section 9.5): a browser's preconnected or kept-alive
     * socket that nobody will use again does not keep the harness busy.
     */
    idle(): Promise<void>;
    /** What keeps the harness busy now (open connections and the requests on them), for a hang report. */
    busy(): string;
    stop(): Promise<void>;
}

interface Mount {
    path: string;
    handler: RouteHandler;
}

export async function start(options: HarnessOptions = {}): Promise<Harness> {
    const port = options.port ?? (process.env.HARNESS_PORT ? Number(process.env.HARNESS_PORT) : 8443);
    const tls = generateCertificates(Object.values(HOSTS), options.tlsDir);
    const mounts: Record<'lightning' | 'visualforce', Mount[]> = { lightning: [], visualforce: [] };
    type Filter = (...args: Parameters<RouteHandler>) => boolean;
    const filters: Record<'lightning' | 'visualforce', Filter[]> = { lightning: [], visualforce: [] };
    let dispatch: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async (_req, res) => {
        res.writeHead(503);
        res.end();
    };
    /** every open TCP connection (counted from the accept, so one still in its TLS handshake is not missed) */
    const sockets = new Set<Socket>();
    /** the connections past their TLS handshake, with the requests being handled on each */
    const secured = new Map<Socket, Set<{ label: string }>>();
    /** the requests in hand, also after their connection closed (what the hang report names) */
    const inHand = new Set<{ label: string }>();
    let idleWaiters: (() => void)[] = [];
    const checkIdle = () => {
        if (idleWaiters.length === 0) return;
        // connections between requests; a socket still in its TLS handshake is not one yet: it is closed
        // here as soon as its handshake ends (see 'secureConnection'). Node's own closeIdleConnections()
        // leaves a connection that never sent a request open (its parser counts as busy from the
        // accept), and with no server timeout such a socket would stay open for ever.
        for (const [socket, requests] of secured) {
            if (requests.size === 0) socket.destroy();
        }
        if (sockets.size > 0 || inHand.size > 0) return;
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const w of waiters) w();
    };
    const server: Server = createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
        const entry = { label: `${req.method ?? '?'} ${hostOf(req)}${(req.url ?? '/').split('?')[0]}` };
        const requests = secured.get(req.socket);
        requests?.add(entry);
        inHand.add(entry);
        // Graph and the control API take their body as it arrives, as a server does: a request that
        // arrived whole is handled even when its client goes away while its token is being checked
        if (hostOf(req) === HOSTS.graph && req.method !== 'GET' && req.method !== 'OPTIONS') {
            void readBody(req);
        }
        const finished = () => {
            if (!inHand.delete(entry)) return;
            requests?.delete(entry);
            // after the response is on its way, so the connection counts as idle and can be closed
            setImmediate(checkIdle);
        };
        // a request whose connection closed before its body arrived never completes its handler (it
        // waits for the body): it can change nothing any more, so it does not keep the harness busy
        res.on('close', () => {
            if (!req.complete) finished();
        });
        dispatch(req, res)
            .catch((e: unknown) => {
                if (!res.headersSent) {
                    res.writeHead(500, { 'Content-Type': 'text/plain' });
                }
                res.end(`harness error: ${(e as Error).message}`);
            })
            .finally(finished);
    });
    // counted from the TCP accept (before TLS), so a connection still in its handshake is not missed
    server.on('connection', (socket: Socket) => {
        sockets.add(socket);
        socket.on('close', () => {
            sockets.delete(socket);
            checkIdle();
        });
    });
    server.on('secureConnection', (tlsSocket: Socket) => {
        secured.set(tlsSocket, new Set());
        tlsSocket.on('close', () => secured.delete(tlsSocket));
        setImmediate(checkIdle);
    });
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, options.listenHost ?? '127.0.0.1', () => resolve());
    });
    const actualPort = (server.address() as AddressInfo).port;
    const origin = (host: string) => `https://${host}:${actualPort}`;
    const tenantId = (options.tenantId ?? DEFAULT_TENANT_ID).toLowerCase();
    const urls: HarnessUrls = {
        lightning: origin(HOSTS.lightning),
        visualforce: origin(HOSTS.visualforce),
        login: origin(HOSTS.login),
        graph: origin(HOSTS.graph),
        authority: `${origin(HOSTS.login)}/${tenantId}`,
        issuer: `${origin(HOSTS.login)}/${tenantId}/v2.0`,
        graphApi: `${origin(HOSTS.graph)}/v1.0`,
        control: `${origin(HOSTS.graph)}/_control`
    };
    const browserOrigins = () => [urls.lightning, urls.visualforce];
    const clients =
        typeof options.clients === 'function'
            ? options.clients(urls)
            : (options.clients ?? [
                  {
                      clientId: DEFAULT_CLIENT_ID,
                      name: 'Presence Sync (harness)',
                      redirectUris: [`${urls.visualforce}/apex/TeamsBridge`]
                  },
                  {
                      clientId: DEFAULT_SUPERVISOR_CLIENT_ID,
                      name: 'Presence Sync supervisors (harness)',
                      redirectUris: [`${urls.visualforce}/apex/TeamsBridge`],
                      permissions: SUPERVISOR_APP_PERMISSIONS
                  }
              ]);

    const clock = createClock();
    const directory = new Directory(options.users ?? DEFAULT_USERS);
    const idp = await createIdentityProvider({
        origin: urls.login,
        tenantId,
        tenantName: options.tenantName ?? 'Acme',
        directory,
        clients,
        clock,
        corsOrigins: browserOrigins,
        ...(options.lifetimes ? { lifetimes: options.lifetimes } : {})
    });
    const graph = new GraphEmulator(directory, clock);
    const handleGraph = createGraphHandler({
        emulator: graph,
        verify: createTokenVerifier({
            jwks: idp.jwks,
            issuer: urls.issuer,
            tenantId,
            now: () => clock.now()
        }),
        allowedOrigins: browserOrigins
    });
    const handleControl = createControlHandler({
        graph,
        idp: idp.control,
        clock,
        allowedOrigins: browserOrigins
    });

    const notFound = (res: ServerResponse, url: URL) =>
        sendHtml(
            res,
            404,
            `<!DOCTYPE html><title>Not found</title><p>No route for ${escapeHtml(url.pathname)}</p>`
        );

    dispatch = async (req, res) => {
        const host = hostOf(req);
        const url = new URL(req.url ?? '/', `https://${host}:${actualPort}`);
        switch (host) {
            case HOSTS.login:
                await idp.handle(req, res, url);
                return;
            case HOSTS.graph:
                if (url.pathname === '/_control' || url.pathname.startsWith('/_control/')) {
                    await handleControl(req, res, url);
                } else {
                    await handleGraph(req, res, url);
                }
                return;
            case HOSTS.lightning:
            case HOSTS.visualforce: {
                const origin = host === HOSTS.lightning ? 'lightning' : 'visualforce';
                if (filters[origin].some((f) => f(req, res, url))) return;
                const list = mounts[origin];
                const match = list.find((m) =>
                    m.path.endsWith('/') ? url.pathname.startsWith(m.path) : url.pathname === m.path
                );
                if (match) {
                    await match.handler(req, res, url);
                } else {
                    notFound(res, url);
                }
                return;
            }
            default:
                res.writeHead(421, { 'Content-Type': 'text/plain' });
                res.end(`unknown host ${host}; use one of ${Object.values(HOSTS).join(', ')}`);
        }
    };

    return {
        port: actualPort,
        urls,
        tenantId,
        clientId: clients[0]?.clientId ?? DEFAULT_CLIENT_ID,
        supervisorClientId: clients[1]?.clientId ?? DEFAULT_SUPERVISOR_CLIENT_ID,
        caPath: tls.caPath,
        caPem: tls.caPem,
        spki: tls.spki,
        chromiumArgs: [
            `--ignore-certificate-errors-spki-list=${tls.spki}`,
            `--host-resolver-rules=MAP *.localhost 127.0.0.1`
        ],
        clock,
        graph,
        idp: idp.control,
        directory,
        mount(host, path, handler) {
            if (!path.startsWith('/')) {
                throw new Error(`mount path must start with '/': ${path}`);
            }
            const list = mounts[host];
            const entry = { path, handler };
            list.push(entry);
            // Longest path first, so a specific page wins over a prefix.
            list.sort((x, y) => y.path.length - x.path.length);
            return () => {
                const i = list.indexOf(entry);
                if (i >= 0) {
                    list.splice(i, 1);
                }
            };
        },
        intercept(host, filter) {
            filters[host].push(filter);
            return () => {
                const i = filters[host].indexOf(filter);
                if (i >= 0) filters[host].splice(i, 1);
            };
        },
        idle: () =>
            new Promise<void>((resolve) => {
                idleWaiters.push(resolve);
                // after the accept callbacks Node has already queued (a connection the kernel accepted)
                setImmediate(checkIdle);
            }),
        busy() {
            const inFlight = [...inHand].map((r) => r.label);
            const withRequests = [...secured.values()].filter((requests) => requests.size > 0).length;
            return (
                `${sockets.size} connection(s) open (${Math.max(0, sockets.size - secured.size)} in the ` +
                `TLS handshake, ${secured.size - withRequests} between requests), ` +
                `${inHand.size} request(s) being handled` +
                (inFlight.length > 0 ? `: ${inFlight.join(', ')}` : '')
            );
        },
        stop: () =>
            new Promise<void>((resolve) => {
                server.close(() => resolve());
                for (const s of sockets) {
                    s.destroy();
                }
            })
    };
}
