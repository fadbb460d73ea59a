/* Test doubles at the bridge's boundaries: MSAL, the network (fetch), the parent window, the UI. */
import type { AccountInfo } from '@azure/msal-browser';
import type { MsalClient, TokenResult } from '../auth';
import type { BridgeWindow } from '../server';
import type { ConnectUi } from '../ui';

export const ACCESS_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.at-secret';
export const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
export const TENANT_ID = '99999999-8888-7777-6666-555555555555';
export const AGENT_EMAIL = 'Agent@Contoso.com';
export const AGENT_OID = 'aaaaaaaa-0000-0000-0000-000000000001';

export function account(username = 'agent@contoso.com', oid = AGENT_OID): AccountInfo {
    return {
        homeAccountId: `${oid}.${TENANT_ID}`,
        environment: 'login.microsoftonline.com',
        tenantId: TENANT_ID,
        username,
        localAccountId: oid
    };
}

export function tokenResult(username = 'agent@contoso.com', oid = AGENT_OID): TokenResult {
    return {
        accessToken: ACCESS_TOKEN,
        account: account(username, oid),
        idTokenClaims: { oid, preferred_username: username, tid: TENANT_ID }
    };
}

/** An MSAL error as v5 throws it: what matters is errorCode. */
export function msalError(errorCode: string): Error & { errorCode: string } {
    return Object.assign(new Error(`https://aka.ms/msal/${errorCode}`), { errorCode });
}

export class FakeMsal implements MsalClient {
    accounts: AccountInfo[] = [];
    initialize = jest.fn(() => Promise.resolve());
    getAllAccounts = jest.fn(() => this.accounts);
    setActiveAccount = jest.fn();
    acquireTokenSilent = jest.fn((): Promise<TokenResult> => Promise.resolve(tokenResult()));
    ssoSilent = jest.fn((): Promise<TokenResult> => Promise.reject(msalError('login_required')));
    acquireTokenPopup = jest.fn((): Promise<TokenResult> => Promise.resolve(tokenResult()));
    clearCache = jest.fn(() => Promise.resolve());
}

export interface FakeResponseInit {
    status?: number;
    body?: unknown;
    headers?: Record<string, string>;
}

/** A Response as far as the Graph client and the bridge read it. */
export function response({ status = 200, body, headers = {} }: FakeResponseInit = {}): Response {
    const text = body === undefined ? '' : JSON.stringify(body);
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    if (text !== '') lower['content-type'] = 'application/json';
    const fake = {
        ok: status >= 200 && status < 300,
        status,
        headers: { get: (name: string) => lower[name.toLowerCase()] ?? null },
        text: () => Promise.resolve(text),
        json: () => Promise.resolve(JSON.parse(text) as unknown)
    };
    return fake as unknown as Response;
}

export type FetchCall = [string, RequestInit];

export function fakeFetch(...responses: Array<Response | Error>) {
    const queue = [...responses];
    return jest.fn((input: RequestInfo, init?: RequestInit): Promise<Response> => {
        void input;
        void init;
        const next = queue.shift() ?? response({ status: 500 });
        return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    });
}

export class FakeWindow implements BridgeWindow {
    parent = { postMessage: jest.fn() };
    listener: ((event: MessageEvent) => void) | null = null;
    pageHideListener: (() => void) | null = null;
    addEventListener = jest.fn((type: string, listener: (event: MessageEvent) => void) => {
        if (type === 'pagehide') this.pageHideListener = listener as () => void;
        else this.listener = listener;
    });
    removeEventListener = jest.fn((type: string) => {
        if (type === 'pagehide') this.pageHideListener = null;
        else this.listener = null;
    });

    /** The browser unloads the frame. */
    hidePage(): void {
        this.pageHideListener?.();
    }

    /** Delivers a message as if posted to the bridge frame. */
    deliver(data: unknown, origin: string, source: unknown = this.parent): void {
        this.listener?.({ data, origin, source } as MessageEvent);
    }

    /** Everything the bridge posted to its parent. */
    posted(): unknown[] {
        return this.parent.postMessage.mock.calls.map((call: unknown[]) => call[0]);
    }
}

export class FakeUi implements ConnectUi {
    buttonVisible = false;
    busy = false;
    status = '';
    click: () => void = () => undefined;
    showButton(visible: boolean) {
        this.buttonVisible = visible;
    }
    setBusy(busy: boolean) {
        this.busy = busy;
    }
    setStatus(text: string) {
        this.status = text;
    }
    onConnect(handler: () => void) {
        this.click = handler;
    }
}
