import { makeRequest } from '../../force-app/main/default/lwc/presenceSyncBridgeProtocol/presenceSyncBridgeProtocol';
import type {
    RequestParams,
    RequestType
} from '../../force-app/main/default/lwc/presenceSyncBridgeProtocol/presenceSyncBridgeProtocol';
import type { Configuration } from '@azure/msal-browser';
import { BridgeServer } from '../server';
import type { FetchLike } from '../graph';
import type { BridgeSettings } from '../settings';
import type { Wake } from '../wake';
import type { PopupWatch } from '../popupWatch';
import { ENGLISH, type BridgeTexts } from '../texts';
import type { TokenResult } from '../auth';
import {
    ACCESS_TOKEN,
    AGENT_EMAIL,
    AGENT_OID,
    CLIENT_ID,
    FakeMsal,
    FakeUi,
    FakeWindow,
    TENANT_ID,
    account,
    fakeFetch,
    msalError,
    response,
    tokenResult
} from './fakes';

const LIGHTNING = 'https://acme.lightning.force.com';
const SETTINGS: BridgeSettings = {
    parentOrigin: LIGHTNING,
    redirectUri: 'https://acme--c.vf.force.com/apex/TeamsBridge',
    authorityHost: 'https://login.microsoftonline.com',
    graphBaseUrl: 'https://graph.microsoft.com/v1.0',
    harness: false
};
const GRAPH = 'https://graph.microsoft.com/v1.0';

interface Setup {
    server: BridgeServer;
    win: FakeWindow;
    ui: FakeUi;
    msal: FakeMsal;
    fetchMock: jest.Mock;
    configs: Configuration[];
    send: <T extends RequestType>(type: T, params: RequestParams[T]) => Promise<unknown>;
}

let sequence = 0;

function setUp(
    options: {
        settings?: BridgeSettings;
        fetchMock?: jest.Mock;
        watchPopup?: PopupWatch;
        texts?: BridgeTexts;
        wake?: Wake;
    } = {}
): Setup {
    const win = new FakeWindow();
    const ui = new FakeUi();
    const msal = new FakeMsal();
    const configs: Configuration[] = [];
    const fetchMock = options.fetchMock ?? fakeFetch();
    // the Graph client refuses to start without a global fetch; the bridge uses the injected one
    (globalThis as { fetch?: unknown }).fetch = jest.fn();
    const settings = options.settings ?? SETTINGS;
    const server = new BridgeServer({
        window: win,
        settings,
        ui,
        createMsal: (configuration) => {
            configs.push(configuration);
            return msal;
        },
        fetchImpl: fetchMock as unknown as FetchLike,
        wake: options.wake ?? (() => Promise.resolve()),
        ...(options.watchPopup ? { watchPopup: options.watchPopup } : {}),
        ...(options.texts ? { texts: options.texts } : {})
    });
    server.start();
    const send = async <T extends RequestType>(type: T, params: RequestParams[T]): Promise<unknown> => {
        sequence += 1;
        const id = `t${sequence}`;
        win.deliver(makeRequest(id, type, params), settings.parentOrigin);
        for (let i = 0; i < 50; i += 1) {
            const reply = win.posted().find((m) => (m as { id?: string }).id === id);
            if (reply !== undefined) return reply;
            await new Promise((resolve) => setTimeout(resolve, 0));
        }
        throw new Error(`no reply to ${type}`);
    };
    return { server, win, ui, msal, fetchMock, configs, send };
}

const INIT: RequestParams['init'] = {
    clientId: CLIENT_ID,
    tenantId: TENANT_ID,
    loginHint: AGENT_EMAIL,
    role: 'agent'
};

async function signedIn(options: Parameters<typeof setUp>[0] = {}): Promise<Setup> {
    const setup = setUp(options);
    setup.msal.ssoSilent.mockResolvedValue(tokenResult());
    await setup.send('init', INIT);
    return setup;
}

/** Lets the popup's promise chain settle. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function events(win: FakeWindow): unknown[] {
    return win.posted().filter((m) => (m as { kind: string }).kind === 'event');
}

function fetchCall(
    fetchMock: jest.Mock,
    index = 0
): { url: string; init: RequestInit & { headers: Record<string, string> } } {
    const [url, init] = fetchMock.mock.calls[index] as [
        string,
        RequestInit & { headers: Record<string, string> }
    ];
    return { url, init };
}

describe('bridge server', () => {
    it('announces ready to the expected parent origin only', () => {
        const { win } = setUp();

        expect(win.parent.postMessage).toHaveBeenCalledWith(
            { channel: 'presenceSync.teamsBridge', v: 1, kind: 'event', type: 'ready', data: {} },
            LIGHTNING
        );
    });

    it('ignores and counts messages from another origin, another window, or malformed ones', () => {
        const { server, win } = setUp();
        const request = makeRequest('x1', 'status', {});

        win.deliver(request, 'https://evil.example');
        win.deliver(request, LIGHTNING, {});
        win.deliver({ ...request, v: 2 }, LIGHTNING);
        win.deliver('status', LIGHTNING);

        expect(server.getCounters()).toEqual({
            accepted: 0,
            droppedOrigin: 1,
            droppedSource: 1,
            droppedMalformed: 2,
            droppedReplay: 0
        });
        expect(win.posted()).toHaveLength(1);
    });

    it('answers each request id once: a replayed request never reaches Graph twice', async () => {
        const fetchMock = fakeFetch(
            response({ status: 200 }),
            response({ body: { availability: 'Away', activity: 'Away' } })
        );
        const { server, win, send } = await signedIn({ fetchMock });
        const request = makeRequest('replayed-1', 'setPresence', {
            availability: 'Busy',
            activity: 'InACall',
            expirationDuration: 'PT10M'
        });
        win.deliver(request, LIGHTNING);
        win.deliver(request, LIGHTNING);
        await send('getPresence', {});
        expect(fetchMock).toHaveBeenCalledTimes(2);
        expect(win.posted().filter((m) => (m as { id?: string }).id === 'replayed-1')).toHaveLength(1);
        expect(server.getCounters().droppedReplay).toBe(1);
    });

    it('stops listening on stop()', () => {
        const { server, win } = setUp();

        server.stop();

        expect(win.removeEventListener).toHaveBeenCalled();
        expect(win.listener).toBeNull();
    });

    describe('init', () => {
        it('configures MSAL as a public client with PKCE on the bridge page and signs in silently', async () => {
            const { send, msal, configs, win } = setUp();
            msal.ssoSilent.mockResolvedValue(tokenResult());

            const reply = await send('init', INIT);

            expect(configs[0]).toMatchObject({
                auth: {
                    clientId: CLIENT_ID,
                    authority: `https://login.microsoftonline.com/${TENANT_ID}`,
                    redirectUri: SETTINGS.redirectUri
                },
                cache: { cacheLocation: 'sessionStorage' }
            });
            expect(configs[0].auth.knownAuthorities).toBeUndefined();
            expect(msal.initialize).toHaveBeenCalled();
            expect(msal.ssoSilent).toHaveBeenCalledWith({
                scopes: ['Presence.Read', 'Presence.ReadWrite'],
                loginHint: AGENT_EMAIL
            });
            expect(msal.acquireTokenPopup).not.toHaveBeenCalled();
            expect(reply).toMatchObject({
                ok: true,
                result: {
                    initialized: true,
                    role: 'agent',
                    account: { objectId: AGENT_OID, upn: 'agent@contoso.com' },
                    interaction: 'idle'
                }
            });
            expect(events(win)).toContainEqual(
                expect.objectContaining({
                    type: 'signedIn',
                    data: { objectId: AGENT_OID, upn: 'agent@contoso.com' }
                })
            );
        });

        it('asks for Presence.Read.All only for the supervisor role', async () => {
            const { send, msal } = setUp();
            msal.ssoSilent.mockResolvedValue(tokenResult());

            await send('init', { ...INIT, role: 'supervisor' });

            expect(msal.ssoSilent).toHaveBeenCalledWith({
                scopes: ['Presence.Read.All'],
                loginHint: AGENT_EMAIL
            });
        });

        it('uses the cached account with acquireTokenSilent before ssoSilent', async () => {
            const { send, msal } = setUp();
            msal.accounts = [account('someone@contoso.com', 'other'), account()];

            const reply = await send('init', INIT);

            expect(msal.acquireTokenSilent).toHaveBeenCalledWith({
                scopes: ['Presence.Read', 'Presence.ReadWrite'],
                account: account()
            });
            expect(msal.ssoSilent).not.toHaveBeenCalled();
            expect(reply).toMatchObject({ ok: true });
        });

        it('falls back to ssoSilent when the refresh token no longer works', async () => {
            const { send, msal } = setUp();
            msal.accounts = [account()];
            msal.acquireTokenSilent.mockRejectedValue(msalError('invalid_grant'));
            msal.ssoSilent.mockResolvedValue(tokenResult());

            const reply = await send('init', INIT);

            expect(msal.ssoSilent).toHaveBeenCalled();
            expect(reply).toMatchObject({ ok: true });
        });

        it('does not try ssoSilent after a network failure', async () => {
            const { send, msal } = setUp();
            msal.accounts = [account()];
            msal.acquireTokenSilent.mockRejectedValue(msalError('no_network_connectivity'));

            const reply = await send('init', INIT);

            expect(msal.ssoSilent).not.toHaveBeenCalled();
            expect(reply).toMatchObject({ ok: false, error: { kind: 'network' } });
        });

        it.each([
            ['login_required', 'signInRequired'],
            ['consent_required', 'consentRequired'],
            ['timed_out', 'timeout']
        ])('replies %s as %s without an event', async (code, kind) => {
            const { send, msal, win } = setUp();
            msal.ssoSilent.mockRejectedValue(msalError(code));

            const reply = await send('init', INIT);

            expect(reply).toMatchObject({ ok: false, error: { kind, detail: code } });
            expect(events(win)).toHaveLength(1);
        });

        it('reports accountMismatch and forgets the tokens of another account', async () => {
            const { send, msal } = setUp();
            const other = tokenResult('someone.else@contoso.com', 'other-oid');
            msal.ssoSilent.mockResolvedValue(other);

            const reply = await send('init', INIT);

            expect(reply).toMatchObject({ ok: false, error: { kind: 'accountMismatch' } });
            expect(msal.clearCache).toHaveBeenCalledWith({ account: other.account });
            expect(msal.setActiveAccount).not.toHaveBeenCalled();
        });

        it('matches the agent email against the email claim too', async () => {
            const { send, msal } = setUp();
            msal.ssoSilent.mockResolvedValue({
                ...tokenResult('a.gent@contoso.onmicrosoft.com'),
                idTokenClaims: {
                    oid: AGENT_OID,
                    preferred_username: 'a.gent@contoso.onmicrosoft.com',
                    email: AGENT_EMAIL
                }
            });

            await expect(send('init', INIT)).resolves.toMatchObject({ ok: true });
        });

        it('lets only the harness trust its own identity provider host', async () => {
            const harness: BridgeSettings = {
                ...SETTINGS,
                authorityHost: 'https://login.microsoftonline.localhost:8443',
                harness: true
            };
            const { send, configs } = setUp({ settings: harness });

            await send('init', INIT);

            expect(configs[0].auth).toMatchObject({
                authority: `https://login.microsoftonline.localhost:8443/${TENANT_ID}`,
                knownAuthorities: ['login.microsoftonline.localhost:8443']
            });
        });
    });

    it('answers requests before init with invalidRequest', async () => {
        const { send } = setUp();

        await expect(send('getPresence', {})).resolves.toMatchObject({
            ok: false,
            error: { kind: 'invalidRequest', detail: 'notInitialized' }
        });
        await expect(send('connect', {})).resolves.toMatchObject({
            ok: false,
            error: { kind: 'invalidRequest' }
        });
        await expect(send('status', {})).resolves.toMatchObject({ ok: true, result: { initialized: false } });
    });

    it('answers Graph requests while signed out with signInRequired, without calling Graph', async () => {
        const { send, fetchMock } = setUp();
        await send('init', INIT);

        const reply = await send('getPresence', {});

        expect(reply).toMatchObject({ ok: false, error: { kind: 'signInRequired' } });
        expect(fetchMock).not.toHaveBeenCalled();
    });

    describe('Graph calls', () => {
        it('reads presence with the bearer token, and no token ever reaches the parent', async () => {
            const fetchMock = fakeFetch(
                response({
                    body: { id: AGENT_OID, availability: 'Busy', activity: 'InACall', sequenceNumber: 'S1' }
                })
            );
            const { send, win } = await signedIn({ fetchMock });

            const reply = await send('getPresence', {});

            const { url, init } = fetchCall(fetchMock);
            expect(url).toBe(`${GRAPH}/me/presence`);
            expect(init.method).toBe('GET');
            expect(init.headers.Authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
            expect(reply).toMatchObject({
                ok: true,
                result: { availability: 'Busy', activity: 'InACall', sequenceNumber: 'S1' }
            });
            expect(JSON.stringify(win.parent.postMessage.mock.calls)).not.toContain('at-secret');
        });

        it('writes a presence session with the client id as sessionId', async () => {
            const fetchMock = fakeFetch(response({ status: 200 }));
            const { send } = await signedIn({ fetchMock });

            const reply = await send('setPresence', {
                availability: 'Busy',
                activity: 'InACall',
                expirationDuration: 'PT10M'
            });

            const { url, init } = fetchCall(fetchMock);
            expect(url).toBe(`${GRAPH}/users/${AGENT_OID}/presence/setPresence`);
            expect(init.method).toBe('POST');
            expect(JSON.parse(String(init.body))).toEqual({
                sessionId: CLIENT_ID,
                availability: 'Busy',
                activity: 'InACall',
                expirationDuration: 'PT10M'
            });
            expect(reply).toEqual(expect.objectContaining({ ok: true, result: {} }));
        });

        it('clears the session with keepalive and treats 404 (no session) as success', async () => {
            const fetchMock = fakeFetch(response({ status: 404, body: { error: { code: 'NotFound' } } }));
            const { send } = await signedIn({ fetchMock });

            const reply = await send('clearPresence', { keepalive: true });

            const { url, init } = fetchCall(fetchMock);
            expect(url).toBe(`${GRAPH}/users/${AGENT_OID}/presence/clearPresence`);
            expect(JSON.parse(String(init.body))).toEqual({ sessionId: CLIENT_ID });
            expect(init.keepalive).toBe(true);
            expect(reply).toMatchObject({ ok: true, result: {} });
        });

        it('sets and clears the preferred presence', async () => {
            const fetchMock = fakeFetch(response(), response());
            const { send } = await signedIn({ fetchMock });

            await send('setPreferredPresence', {
                availability: 'Away',
                activity: 'Away',
                expirationDuration: 'PT8H'
            });
            await send('clearPreferredPresence', { keepalive: false });

            expect(fetchCall(fetchMock, 0).url).toBe(
                `${GRAPH}/users/${AGENT_OID}/presence/setUserPreferredPresence`
            );
            expect(JSON.parse(String(fetchCall(fetchMock, 0).init.body))).toEqual({
                availability: 'Away',
                activity: 'Away',
                expirationDuration: 'PT8H'
            });
            expect(fetchCall(fetchMock, 1).url).toBe(
                `${GRAPH}/users/${AGENT_OID}/presence/clearUserPreferredPresence`
            );
        });

        it('sets the status message with a UTC expiry, clears it with empty content, and reads it back', async () => {
            const fetchMock = fakeFetch(
                response(),
                response(),
                response({
                    body: {
                        id: AGENT_OID,
                        availability: 'Busy',
                        activity: 'InACall',
                        statusMessage: {
                            message: { content: 'Back at 2', contentType: 'text' },
                            expiryDateTime: { dateTime: '9999-12-31T23:59:59.9999999', timeZone: 'UTC' }
                        }
                    }
                }),
                response({
                    body: { id: AGENT_OID, availability: 'Busy', activity: 'InACall', statusMessage: null }
                })
            );
            const { send } = await signedIn({ fetchMock });

            const set = await send('setStatusMessage', {
                content: 'On a customer call',
                expiresAt: Date.UTC(2026, 11, 4, 14, 15, 0)
            });
            await send('setStatusMessage', { content: '' });
            const own = await send('getPresence', {});
            const none = await send('getPresence', {});

            expect(set).toMatchObject({ ok: true, result: {} });
            expect(fetchCall(fetchMock, 0).url).toBe(`${GRAPH}/users/${AGENT_OID}/presence/setStatusMessage`);
            expect(JSON.parse(String(fetchCall(fetchMock, 0).init.body))).toEqual({
                statusMessage: {
                    message: { content: 'On a customer call', contentType: 'text' },
                    expiryDateTime: { dateTime: '2026-12-04T14:15:00.000', timeZone: 'UTC' }
                }
            });
            expect(JSON.parse(String(fetchCall(fetchMock, 1).init.body))).toEqual({
                statusMessage: { message: { content: '', contentType: 'text' } }
            });
            expect(own).toMatchObject({ ok: true, result: { statusMessage: 'Back at 2' } });
            expect(none).toMatchObject({ ok: true });
            expect((none as { result: object }).result).not.toHaveProperty('statusMessage');
        });

        it('surfaces a 429 with its Retry-After at once, without retrying', async () => {
            const fetchMock = fakeFetch(
                response({
                    status: 429,
                    headers: { 'Retry-After': '30' },
                    body: { error: { code: 'TooManyRequests' } }
                })
            );
            const { send } = await signedIn({ fetchMock });

            const reply = await send('getPresence', {});

            expect(reply).toMatchObject({
                ok: false,
                error: { kind: 'throttled', status: 429, retryAfter: '30', detail: 'TooManyRequests' }
            });
            expect(fetchMock).toHaveBeenCalledTimes(1);
        });

        it('retries a 503 once when it asks for no long wait', async () => {
            const fetchMock = fakeFetch(
                response({ status: 503, headers: { 'Retry-After': '0' } }),
                response({ body: { availability: 'Away', activity: 'Away' } })
            );
            const { send } = await signedIn({ fetchMock });

            const reply = await send('getPresence', {});

            expect(fetchMock).toHaveBeenCalledTimes(2);
            expect(reply).toMatchObject({ ok: true, result: { availability: 'Away' } });
        });

        it('never sends the retry of a 503 before its HTTP-date Retry-After instant', async () => {
            // an HTTP-date 1-2 s ahead (whole seconds; the SDK's RetryHandler rounded such a wait down)
            const instant = Math.ceil(Date.now() / 1000) * 1000 + 1000;
            const sentAt: number[] = [];
            const queue = [
                response({ status: 503, headers: { 'Retry-After': new Date(instant).toUTCString() } }),
                response({ body: { availability: 'Away', activity: 'Away' } })
            ];
            const fetchMock = jest.fn(() => {
                sentAt.push(Date.now());
                return Promise.resolve(queue.shift() ?? response({ status: 500 }));
            });
            const { win } = await signedIn({ fetchMock });
            sentAt.length = 0;

            win.deliver(makeRequest('slow-1', 'getPresence', {}), LIGHTNING);
            let reply: unknown;
            for (let i = 0; i < 100 && reply === undefined; i += 1) {
                await new Promise((resolve) => setTimeout(resolve, 50));
                reply = win.posted().find((m) => (m as { id?: string }).id === 'slow-1');
            }

            expect(reply).toMatchObject({ ok: true, result: { availability: 'Away' } });
            expect(sentAt).toHaveLength(2);
            expect(sentAt[1]).toBeGreaterThanOrEqual(instant);
        });

        it('does not sleep on a 503 that asks for a long wait', async () => {
            const fetchMock = fakeFetch(response({ status: 503, headers: { 'Retry-After': '120' } }));
            const { send } = await signedIn({ fetchMock });

            const reply = await send('getPresence', {});

            expect(fetchMock).toHaveBeenCalledTimes(1);
            expect(reply).toMatchObject({
                ok: false,
                error: { kind: 'server', status: 503, retryAfter: '120' }
            });
        });

        it.each([
            [401, 'signInRequired'],
            [403, 'forbidden'],
            [400, 'invalidRequest'],
            [500, 'server']
        ])('maps HTTP %s to %s', async (status, kind) => {
            // a 401 is sent once more after a forced token refresh: both answers are the same
            const answer = () => response({ status, body: { error: { code: 'Code' } } });
            const fetchMock = fakeFetch(answer(), answer());
            const { send } = await signedIn({ fetchMock });

            await expect(
                send('setPreferredPresence', { availability: 'Away', activity: 'Away' })
            ).resolves.toMatchObject({
                ok: false,
                error: { kind, status }
            });
        });

        it('maps a failed fetch to network', async () => {
            const fetchMock = fakeFetch(new TypeError('Failed to fetch'));
            const { send } = await signedIn({ fetchMock });

            await expect(send('getPresence', {})).resolves.toMatchObject({
                ok: false,
                error: { kind: 'network' }
            });
        });

        it('answers a single Graph 401 with one forced silent refresh and sends the call again', async () => {
            const fetchMock = fakeFetch(
                response({ status: 401, body: { error: { code: 'InvalidAuthenticationToken' } } }),
                response({ body: { availability: 'Available', activity: 'Available' } })
            );
            const { send, msal, win } = await signedIn({ fetchMock });
            msal.accounts = [account()];
            msal.acquireTokenSilent.mockResolvedValue({
                ...tokenResult(),
                expiresOn: new Date(Date.now() + 3600000)
            });

            await expect(send('getPresence', {})).resolves.toMatchObject({
                ok: true,
                result: { availability: 'Available' }
            });

            expect(fetchMock).toHaveBeenCalledTimes(2);
            expect(msal.acquireTokenSilent).toHaveBeenCalledWith(
                expect.objectContaining({ forceRefresh: true })
            );
            expect(events(win)).not.toContainEqual(expect.objectContaining({ type: 'signedOut' }));
        });

        it('sends a write again after the renewal, and ends with signInRequired on a second 401', async () => {
            const unauthorized = () =>
                response({ status: 401, body: { error: { code: 'InvalidAuthenticationToken' } } });
            const fetchMock = fakeFetch(unauthorized(), unauthorized());
            const { send, msal } = await signedIn({ fetchMock });
            msal.accounts = [account()];
            msal.acquireTokenSilent.mockResolvedValue({
                ...tokenResult(),
                expiresOn: new Date(Date.now() + 3600000)
            });

            await expect(
                send('setPresence', {
                    availability: 'Busy',
                    activity: 'InACall',
                    expirationDuration: 'PT10M'
                })
            ).resolves.toMatchObject({ ok: false, error: { kind: 'signInRequired', status: 401 } });

            expect(fetchMock).toHaveBeenCalledTimes(2);
            expect(
                (msal.acquireTokenSilent.mock.calls as unknown as [{ forceRefresh?: boolean }][]).filter(
                    ([request]) => request.forceRefresh === true
                )
            ).toHaveLength(1);
        });

        it('ends with signInRequired when the forced refresh after a 401 fails', async () => {
            const fetchMock = fakeFetch(
                response({ status: 401, body: { error: { code: 'InvalidAuthenticationToken' } } })
            );
            const { send, msal, win } = await signedIn({ fetchMock });
            msal.accounts = [account()];
            // the token Graph refuses, then a refresh token Entra refuses
            msal.acquireTokenSilent
                .mockResolvedValueOnce(tokenResult())
                .mockRejectedValue(msalError('invalid_grant'));
            msal.ssoSilent.mockRejectedValue(msalError('login_required'));

            await expect(send('getPresence', {})).resolves.toMatchObject({
                ok: false,
                error: { kind: 'signInRequired' }
            });
            expect(fetchMock).toHaveBeenCalledTimes(1);
            expect(events(win)).toContainEqual(
                expect.objectContaining({ type: 'signedOut', data: { reason: 'signInRequired' } })
            );
        });

        it('reports signInRequired and signedOut when silent renewal fails during a call', async () => {
            const fetchMock = fakeFetch();
            const { send, msal, win } = await signedIn({ fetchMock });
            msal.accounts = [account()];
            msal.acquireTokenSilent.mockRejectedValue(msalError('interaction_required'));
            msal.ssoSilent.mockRejectedValue(msalError('login_required'));

            const reply = await send('getPresence', {});

            expect(reply).toMatchObject({ ok: false, error: { kind: 'signInRequired' } });
            expect(fetchMock).not.toHaveBeenCalled();
            expect(events(win)).toContainEqual(
                expect.objectContaining({ type: 'signedOut', data: { reason: 'signInRequired' } })
            );
        });

        it('keeps the batch read for supervisors', async () => {
            const agentFetch = fakeFetch();
            const agent = await signedIn({ fetchMock: agentFetch });
            await expect(agent.send('getPresencesByUserId', { ids: ['u1'] })).resolves.toMatchObject({
                ok: false,
                error: { kind: 'forbidden' }
            });
            expect(agentFetch).not.toHaveBeenCalled();

            const fetchMock = fakeFetch(
                response({ body: { value: [{ id: 'u1', availability: 'Busy', activity: 'InACall' }] } })
            );
            const supervisor = setUp({ fetchMock });
            supervisor.msal.ssoSilent.mockResolvedValue(tokenResult());
            await supervisor.send('init', { ...INIT, role: 'supervisor' });
            const reply = await supervisor.send('getPresencesByUserId', { ids: ['u1'] });

            expect(fetchCall(fetchMock).url).toBe(`${GRAPH}/communications/getPresencesByUserId`);
            expect(JSON.parse(String(fetchCall(fetchMock).init.body))).toEqual({ ids: ['u1'] });
            expect(reply).toMatchObject({
                ok: true,
                result: { presences: [{ id: 'u1', availability: 'Busy', activity: 'InACall' }] }
            });
            await expect(
                supervisor.send('setPresence', {
                    availability: 'Away',
                    activity: 'Away',
                    expirationDuration: 'PT5M'
                })
            ).resolves.toMatchObject({
                ok: false,
                error: { kind: 'forbidden' }
            });
        });

        it('sends the token to the harness Graph host when the page is in harness mode', async () => {
            const fetchMock = fakeFetch(response({ body: { availability: 'Away', activity: 'Away' } }));
            const harness: BridgeSettings = {
                ...SETTINGS,
                graphBaseUrl: 'https://graph.microsoft.localhost:8443/v1.0',
                harness: true
            };
            const { send } = await signedIn({ settings: harness, fetchMock });

            await send('getPresence', {});

            const { url, init } = fetchCall(fetchMock);
            expect(url).toBe('https://graph.microsoft.localhost:8443/v1.0/me/presence');
            expect(init.headers.Authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
        });
    });

    describe('wake', () => {
        it('answers a wake-up when its timer has run, without signing in or calling Graph', async () => {
            const waits: { delayMs: number; done: () => void }[] = [];
            const { win, fetchMock } = setUp({
                wake: (delayMs) => new Promise<void>((done) => waits.push({ delayMs, done }))
            });
            sequence += 1;
            const id = `t${sequence}`;
            win.deliver(makeRequest(id, 'wake', { delayMs: 2554 }), SETTINGS.parentOrigin);
            await new Promise((resolve) => setTimeout(resolve, 0));
            expect(waits.map((w) => w.delayMs)).toEqual([2554]);
            expect(win.posted().find((m) => (m as { id?: string }).id === id)).toBeUndefined();

            waits[0]?.done();
            await new Promise((resolve) => setTimeout(resolve, 0));
            expect(win.posted().find((m) => (m as { id?: string }).id === id)).toEqual(
                expect.objectContaining({ kind: 'reply', type: 'wake', ok: true })
            );
            expect(fetchMock).not.toHaveBeenCalled();
        });

        it('refuses a wake-up with a nonsense delay', async () => {
            const { win } = setUp();
            sequence += 1;
            win.deliver(
                { ...makeRequest(`t${sequence}`, 'wake', { delayMs: 1 }), params: { delayMs: -5 } },
                SETTINGS.parentOrigin
            );
            await new Promise((resolve) => setTimeout(resolve, 0));
            expect(win.posted().some((m) => (m as { id?: string }).id === `t${sequence}`)).toBe(false);
        });
    });

    describe('page unload', () => {
        const VALID = () => ({ ...tokenResult(), expiresOn: new Date(Date.now() + 3600000) });

        async function holding(
            writes: Array<'setPresence' | 'setPreferredPresence'>,
            token: ReturnType<typeof tokenResult> = VALID()
        ) {
            const fetchMock = fakeFetch(...writes.map(() => response({ status: 200 })));
            const setup = await signedIn({ fetchMock });
            setup.msal.accounts = [account()];
            setup.msal.acquireTokenSilent.mockResolvedValue(token);
            for (const write of writes) {
                const params =
                    write === 'setPresence'
                        ? { availability: 'Busy', activity: 'InACall', expirationDuration: 'PT10M' }
                        : { availability: 'DoNotDisturb', activity: 'DoNotDisturb' };
                await expect(setup.send(write, params as never)).resolves.toMatchObject({ ok: true });
            }
            fetchMock.mockClear();
            return { ...setup, fetchMock };
        }

        it('clears the session and preferred presence the app holds, synchronously, with keepalive', async () => {
            const { win, fetchMock } = await holding(['setPresence', 'setPreferredPresence']);

            win.hidePage();

            // started inside the pagehide handler itself: nothing awaited
            expect(fetchMock).toHaveBeenCalledTimes(2);
            const calls = fetchMock.mock.calls as Array<
                [string, RequestInit & { headers: Record<string, string> }]
            >;
            expect(calls.map(([url]) => url)).toEqual([
                `${GRAPH}/users/${AGENT_OID}/presence/clearUserPreferredPresence`,
                `${GRAPH}/users/${AGENT_OID}/presence/clearPresence`
            ]);
            for (const [, init] of calls) {
                expect(init).toMatchObject({ method: 'POST', keepalive: true });
                expect(init.headers.Authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
            }
            expect(JSON.parse(calls[1][1].body as string)).toEqual({ sessionId: CLIENT_ID });
        });

        it('sends nothing when the app holds nothing in Teams, or cleared it already', async () => {
            const { win, fetchMock, send } = await holding(['setPresence']);
            fetchMock.mockImplementation(() => Promise.resolve(response({ status: 200 })));
            await send('clearPresence', { keepalive: false });
            fetchMock.mockClear();

            win.hidePage();

            expect(fetchMock).not.toHaveBeenCalled();
        });

        it('clears only once', async () => {
            const { win, fetchMock } = await holding(['setPresence']);
            win.hidePage();
            win.hidePage();
            expect(fetchMock).toHaveBeenCalledTimes(1);
        });

        it('sends nothing without a token in memory (MSAL reported no expiry, so none was kept)', async () => {
            const { win, fetchMock } = await holding(['setPresence'], tokenResult());
            win.hidePage();
            expect(fetchMock).not.toHaveBeenCalled();
        });
    });

    describe('connect', () => {
        it('shows the button; its click opens the popup synchronously and signs in', async () => {
            const { send, ui, msal, win } = setUp();
            await send('init', INIT);

            const reply = await send('connect', {});
            ui.click();
            const openedInClick = msal.acquireTokenPopup.mock.calls.length;
            await flush();

            expect(reply).toMatchObject({ ok: true, result: { interaction: 'buttonShown' } });
            expect(openedInClick).toBe(1);
            expect(msal.acquireTokenPopup).toHaveBeenCalledWith({
                scopes: ['Presence.Read', 'Presence.ReadWrite'],
                loginHint: AGENT_EMAIL,
                overrideInteractionInProgress: true
            });
            expect(ui.buttonVisible).toBe(false);
            expect(ui.status).toBe('Connected to Microsoft Teams.');
            expect(events(win)).toContainEqual(expect.objectContaining({ type: 'signedIn' }));
        });

        it("tells the supervisor why to connect in the supervisor's words, not the agent's", async () => {
            const agent = setUp();
            await agent.send('init', INIT);
            await agent.send('connect', {});
            const supervisor = setUp();
            await supervisor.send('init', { ...INIT, role: 'supervisor' });
            await supervisor.send('connect', {});

            expect(agent.ui.status).toMatch(/keep your Teams presence in step/);
            expect(supervisor.ui.status).toMatch(/see your agents' Teams presence/);
        });

        it("speaks the page's language: every text the bridge shows comes from the page's labels", async () => {
            const german: BridgeTexts = {
                ...ENGLISH,
                connectAgent: 'Verbinden Sie Microsoft Teams.',
                waiting: 'Warten auf das Anmeldefenster…',
                closed: 'Das Anmeldefenster wurde geschlossen.'
            };
            const { send, ui, msal } = setUp({ texts: german });
            await send('init', INIT);
            await send('connect', {});
            const asked = ui.status;
            msal.acquireTokenPopup.mockRejectedValue(msalError('timed_out'));
            ui.click();
            const waiting = ui.status;
            await flush();

            expect([asked, waiting, ui.status]).toEqual([
                'Verbinden Sie Microsoft Teams.',
                'Warten auf das Anmeldefenster…',
                'Das Anmeldefenster wurde geschlossen.'
            ]);
        });

        it('reports a closed or unfinished popup as signInFailed and keeps the button', async () => {
            const { send, ui, msal, win } = setUp();
            await send('init', INIT);
            await send('connect', {});
            msal.acquireTokenPopup.mockRejectedValue(msalError('timed_out'));

            ui.click();
            const busy = ui.busy;
            await flush();
            const status = await send('status', {});

            expect(busy).toBe(true);
            expect(status).toMatchObject({ result: { interaction: 'buttonShown', account: null } });
            expect(ui.buttonVisible).toBe(true);
            expect(ui.busy).toBe(false);
            expect(ui.status).toMatch(/closed or did not finish/);
            expect(events(win)).toContainEqual(
                expect.objectContaining({
                    type: 'signInFailed',
                    data: { error: { kind: 'timeout', detail: 'timed_out' } }
                })
            );
        });

        it('reports a popup sign-in with another account as accountMismatch', async () => {
            const { send, ui, msal, win } = setUp();
            await send('init', INIT);
            await send('connect', {});
            msal.acquireTokenPopup.mockResolvedValue(tokenResult('other@contoso.com', 'other-oid'));

            ui.click();
            await flush();

            expect(msal.clearCache).toHaveBeenCalled();
            expect(ui.status).toMatch(/different Microsoft account/);
            expect(events(win)).toContainEqual(
                expect.objectContaining({
                    type: 'signInFailed',
                    data: { error: expect.objectContaining({ kind: 'accountMismatch' }) }
                })
            );
        });

        it('unlocks Connect at once when the sign-in window is gone, and a second click starts over', async () => {
            let gone: () => void = () => undefined;
            const watchPopup: PopupWatch = (open, onGone) => {
                open();
                gone = onGone;
                return () => undefined;
            };
            const { send, ui, msal, win } = setUp({ watchPopup });
            await send('init', INIT);
            await send('connect', {});
            let finishFirst: (result: TokenResult) => void = () => undefined;
            msal.acquireTokenPopup.mockReturnValueOnce(
                new Promise((resolve) => {
                    finishFirst = resolve;
                })
            );

            ui.click();
            expect(ui.busy).toBe(true);
            gone();

            expect(ui.busy).toBe(false);
            expect(ui.status).toMatch(/If you closed the Microsoft sign-in window/);
            await expect(send('status', {})).resolves.toMatchObject({
                result: { interaction: 'buttonShown' }
            });

            msal.acquireTokenPopup.mockResolvedValueOnce(tokenResult());
            ui.click();
            expect(msal.acquireTokenPopup).toHaveBeenCalledTimes(2);
            await flush();
            expect(ui.status).toBe('Connected to Microsoft Teams.');

            // the first, abandoned sign-in ends later: its outcome changes nothing
            finishFirst(tokenResult('other@contoso.com', 'other-oid'));
            await flush();
            expect(ui.status).toBe('Connected to Microsoft Teams.');
            expect(events(win)).not.toContainEqual(expect.objectContaining({ type: 'signInFailed' }));
        });

        it('keeps a sign-in whose window was only thought gone: a late success still connects', async () => {
            let gone: () => void = () => undefined;
            const watchPopup: PopupWatch = (open, onGone) => {
                open();
                gone = onGone;
                return () => undefined;
            };
            const { send, ui, msal, win } = setUp({ watchPopup });
            await send('init', INIT);
            await send('connect', {});
            let finish: (result: TokenResult) => void = () => undefined;
            msal.acquireTokenPopup.mockReturnValueOnce(
                new Promise((resolve) => {
                    finish = resolve;
                })
            );

            ui.click();
            gone();
            finish(tokenResult());
            await flush();

            expect(ui.status).toBe('Connected to Microsoft Teams.');
            expect(events(win)).toContainEqual(expect.objectContaining({ type: 'signedIn' }));
        });

        it('ignores a second click while the popup is open', async () => {
            const { send, ui, msal } = setUp();
            await send('init', INIT);
            msal.acquireTokenPopup.mockReturnValue(new Promise(() => undefined));

            ui.click();
            ui.click();

            expect(msal.acquireTokenPopup).toHaveBeenCalledTimes(1);
            await expect(send('status', {})).resolves.toMatchObject({ result: { interaction: 'popupOpen' } });
        });
    });

    it('disconnect forgets the tokens and reports signedOut', async () => {
        const { send, msal, win } = await signedIn();

        const reply = await send('disconnect', {});

        expect(msal.clearCache).toHaveBeenCalled();
        expect(reply).toMatchObject({ ok: true });
        expect(events(win)).toContainEqual(
            expect.objectContaining({ type: 'signedOut', data: { reason: 'userDisconnected' } })
        );
        await expect(send('getPresence', {})).resolves.toMatchObject({
            ok: false,
            error: { kind: 'signInRequired' }
        });
    });
});
