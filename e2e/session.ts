/**
 * One user's browser session in a fresh browser context: the e2e host page with the bridge iframe,
 * plus what the test observes from outside the page (console, popups, the token endpoint's answers,
 * the harness control API). Everything a scenario does to the page goes through `window.e2eHost`,
 * i.e. through the real presenceSyncBridge client, as the LWC would.
 */
import type { BrowserContext, ConsoleMessage, Frame, Page } from 'playwright-core';
import { signInThroughPopup, type PopupSignIn } from '../harness/browser/signInPopup';
import { createHarnessClient, type HarnessRequest } from '../harness/http/client';
import type { Harness } from '../harness/server';
import type {
    BridgeEvent,
    RequestParams,
    RequestType
} from '../force-app/main/default/lwc/presenceSyncBridgeProtocol/presenceSyncBridgeProtocol';
import type { HostCounters, HostResult, ReceivedMessage } from './host/api';
import { PATHS } from './pages';
import type { Environment } from './env';
import { waitFor } from './wait';

export interface IssuedTokens {
    access: Set<string>;
    refresh: Set<string>;
    id: Set<string>;
}

export interface TokenRequest {
    grantType: string;
    status: number;
    /** Entra's `error_codes` of a refused request (e.g. 50173 revoked, 700084 expired) */
    errorCodes?: number[];
    /** the refresh token the request presented (grant_type refresh_token) */
    presentedRefreshToken?: string;
    /** the refresh token the answer issued */
    issuedRefreshToken?: string;
}

export class Control {
    private readonly request: HarnessRequest;
    constructor(private readonly harness: Harness) {
        this.request = createHarnessClient(harness.caPem);
    }

    /** Calls `/_control/<path>` over HTTPS, as a test or the Teams-client panel would. */
    async call<T = unknown>(method: string, path: string, body?: Record<string, unknown>): Promise<T> {
        const res = await this.request(`${this.harness.urls.control}/${path}`, {
            method,
            ...(body ? { body } : {})
        });
        if (res.status !== 200) throw new Error(`control ${method} ${path}: ${res.status} ${res.text}`);
        return res.json<T>();
    }

    /** A direct Graph request from Node (e.g. to prove a token is expired). */
    graph(path: string, token: string) {
        return this.request(`${this.harness.urls.graphApi}${path}`, {
            headers: { Authorization: `Bearer ${token}` }
        });
    }
}

/** How the person signs in in the popup: pick an account, or type a login (and the password). */
export type SignInOptions = Pick<PopupSignIn, 'pick' | 'login' | 'onForm'>;

export class HostSession {
    readonly console: string[] = [];
    readonly tokens: IssuedTokens = { access: new Set(), refresh: new Set(), id: new Set() };
    readonly tokenRequests: TokenRequest[] = [];
    readonly popups: Page[] = [];
    private readonly pendingCaptures: Promise<void>[] = [];

    private constructor(
        readonly env: Environment,
        readonly context: BrowserContext,
        readonly page: Page
    ) {}

    /** A fresh browser context (no cookies, no storage) with the host page loaded and the bridge ready. */
    static async open(env: Environment): Promise<HostSession> {
        const context = await env.newContext({ ignoreHTTPSErrors: false });
        const page = await context.newPage();
        const session = new HostSession(env, context, page);
        page.on('console', (message: ConsoleMessage) => session.console.push(message.text()));
        context.on('page', (popup) => session.popups.push(popup));
        context.on('response', (response) => {
            const request = response.request();
            if (request.method() !== 'POST' || !request.url().includes('/oauth2/v2.0/token')) return;
            const form = new URLSearchParams(request.postData() ?? '');
            const grantType = form.get('grant_type') ?? '';
            const presented = form.get('refresh_token');
            session.pendingCaptures.push(
                response
                    .json()
                    .then((body: Record<string, unknown>) => {
                        const codes = body.error_codes;
                        session.tokenRequests.push({
                            grantType,
                            status: response.status(),
                            ...(Array.isArray(codes)
                                ? { errorCodes: codes.filter((c) => typeof c === 'number') }
                                : {}),
                            ...(presented === null ? {} : { presentedRefreshToken: presented }),
                            ...(typeof body.refresh_token === 'string'
                                ? { issuedRefreshToken: body.refresh_token }
                                : {})
                        });
                        const add = (set: Set<string>, value: unknown) => {
                            if (typeof value === 'string' && value !== '') set.add(value);
                        };
                        add(session.tokens.access, body.access_token);
                        add(session.tokens.refresh, body.refresh_token);
                        add(session.tokens.id, body.id_token);
                    })
                    .catch(() => {
                        session.tokenRequests.push({ grantType, status: response.status() });
                    })
            );
        });
        await page.goto(`${env.harness.urls.lightning}${PATHS.hostPage}`);
        await session.waitForEvent('ready');
        return session;
    }

    /** Waits until every token response seen so far has been read. */
    async settleCaptures(): Promise<void> {
        await Promise.all(this.pendingCaptures);
    }

    request<T extends RequestType>(
        type: T,
        params: RequestParams[T],
        timeoutMs?: number
    ): Promise<HostResult<T>> {
        // the page side is untyped JSON: the generic pair (type, params) is checked here, at the call
        const args: [RequestType, unknown, number | undefined] = [type, params, timeoutMs];
        return this.page.evaluate(
            ([t, p, ms]) => window.e2eHost.request(t, p as RequestParams[typeof t], ms),
            args
        ) as Promise<HostResult<T>>;
    }

    init(loginHint: string, role: 'agent' | 'supervisor' = 'agent'): Promise<HostResult<'init'>> {
        const { clientId, tenantId } = this.env.harness;
        return this.request('init', { clientId, tenantId, loginHint, role });
    }

    connect(): Promise<HostResult<'connect'>> {
        return this.page.evaluate(() => window.e2eHost.connect());
    }

    events(): Promise<BridgeEvent[]> {
        return this.page.evaluate(() => window.e2eHost.events.slice());
    }

    received(): Promise<ReceivedMessage[]> {
        return this.page.evaluate(() => window.e2eHost.received.slice());
    }

    counters(): Promise<HostCounters> {
        return this.page.evaluate(() => window.e2eHost.counters());
    }

    /** Waits for the n-th (0-based `after` skips earlier ones) bridge event of a type; returns it. */
    async waitForEvent(type: BridgeEvent['type'], after = 0): Promise<BridgeEvent> {
        const handle = await waitFor(
            `the bridge event ${type} #${after + 1}`,
            this.page.waitForFunction(
                ([t, n]) => window.e2eHost?.events.filter((e) => e.type === t)[n] ?? null,
                [type, after] as const,
                { timeout: 0 }
            )
        );
        return (await handle.jsonValue()) as BridgeEvent;
    }

    async countEvents(type: BridgeEvent['type']): Promise<number> {
        return (await this.events()).filter((e) => e.type === type).length;
    }

    /** The bridge iframe (Visualforce origin). */
    bridgeFrame(): Frame {
        const frame = this.page.frames().find((f) => f.url().includes(PATHS.bridgePage));
        if (frame === undefined) throw new Error('no bridge frame');
        return frame;
    }

    bridgeStatusText(): Promise<string> {
        return this.bridgeFrame().locator('#teams-status').innerText();
    }

    /**
     * The user's part of a sign-in: a real click on the in-frame Connect button, then the identity
     * provider's page in the popup (harness/browser/signInPopup.ts), until the popup closes. Resolves
     * with whether the sign-in form was shown (not when the provider's session answered at once).
     */
    async clickConnectAndSignIn(options: SignInOptions): Promise<{ form: boolean }> {
        const { form } = await signInThroughPopup(this.page, options, waitFor);
        return { form };
    }

    /** init (silent sign-in fails), connect (button shows), click, sign in: until `signedIn`. */
    async signIn(loginHint: string, options: SignInOptions): Promise<BridgeEvent> {
        const before = await this.countEvents('signedIn');
        const init = await this.init(loginHint);
        if (init.ok) throw new Error(`init unexpectedly signed in silently: ${JSON.stringify(init.value)}`);
        const connect = await this.connect();
        if (!connect.ok) throw new Error(`connect failed: ${JSON.stringify(connect.error)}`);
        await this.clickConnectAndSignIn(options);
        return this.waitForEvent('signedIn', before);
    }

    async close(): Promise<void> {
        await this.context.close().catch(() => undefined);
    }
}
