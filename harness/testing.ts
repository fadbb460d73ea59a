/**
 * Helpers for Node-side tests: run the harness in a child process (Jest's CommonJS runtime cannot
 * load oidc-provider and jose, which are ES modules) and sign in with the authorization code + PKCE
 * flow over plain HTTPS, as a browser would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHarnessClient, type HarnessRequest, type HarnessResponse } from './http/client';
import type { HarnessUrls } from './server';

export interface HarnessInfo {
    port: number;
    urls: HarnessUrls;
    tenantId: string;
    clientId: string;
    /** the supervisors' own app registration (only Presence.Read.All) */
    supervisorClientId: string;
    caPath: string;
    spki: string;
    chromiumArgs: string[];
}

export interface SpawnedHarness {
    info: HarnessInfo;
    caPem: string;
    request: HarnessRequest;
    /** Calls the control API: `control('POST', 'clock/advance', { seconds: 300 })`. */
    control<T = unknown>(method: string, path: string, body?: Record<string, unknown>): Promise<T>;
    stop(): Promise<void>;
}

/** Starts `tsx harness/cli.ts --port 0 --json` and waits for its ready line. */
export function spawnHarness(timeoutMs = 15_000): Promise<SpawnedHarness> {
    const root = join(__dirname, '..');
    const child: ChildProcess = spawn(
        process.execPath,
        [
            join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
            join(root, 'harness', 'cli.ts'),
            '--port',
            '0',
            '--json'
        ],
        { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HARNESS_PORT: '0' } }
    );
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => {
        stderr += c.toString();
    });
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            child.kill();
            reject(new Error(`harness did not start in ${timeoutMs} ms: ${stderr}`));
        }, timeoutMs);
        let out = '';
        child.stdout?.on('data', (c: Buffer) => {
            out += c.toString();
            const line = out.split('\n').find((l) => l.startsWith('{'));
            if (!line) {
                return;
            }
            clearTimeout(timer);
            const info = JSON.parse(line) as HarnessInfo;
            const caPem = readFileSync(info.caPath, 'utf8');
            const request = createHarnessClient(caPem);
            resolve({
                info,
                caPem,
                request,
                async control<T>(method: string, path: string, body?: Record<string, unknown>) {
                    const res = await request(`${info.urls.control}/${path}`, {
                        method,
                        ...(body ? { body } : {})
                    });
                    if (res.status !== 200) {
                        throw new Error(`control ${method} ${path}: ${res.status} ${res.text}`);
                    }
                    return res.json<T>();
                },
                stop: () =>
                    new Promise<void>((done) => {
                        if (child.exitCode !== null) {
                            done();
                            return;
                        }
                        child.once('exit', () => done());
                        child.kill('SIGTERM');
                    })
            });
        });
        child.once('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`harness exited with ${code}: ${stderr}`));
        });
    });
}

export interface CodeFlowOptions {
    clientId: string;
    redirectUri: string;
    /** Username (UPN or mail) typed into the sign-in form. */
    login: string;
    password?: string;
    scope?: string;
    loginHint?: string;
    /** `none` for a silent request (needs `cookies` from an earlier sign-in). */
    prompt?: string;
    /** Accept the consent page if one is shown. */
    acceptConsent?: boolean;
    /** Browser cookies for the identity provider host, kept across calls. */
    cookies?: Map<string, string>;
    /** Origin header for the token request (the SPA's origin). */
    origin?: string;
    /** false: stop at the redirect and leave the code unredeemed. */
    redeem?: boolean;
}

export interface CodeFlowResult {
    /** The final redirect to the client (code or error in its query). */
    redirect: URL;
    /** The PKCE code verifier of this flow. */
    verifier: string;
    tokens?: Record<string, unknown>;
    tokenResponse?: HarnessResponse;
    cookies: Map<string, string>;
}

function b64url(buf: Buffer): string {
    return buf.toString('base64url');
}

/**
 * Drives authorize -> sign-in form -> (consent) -> redirect -> token, following redirects by hand
 * and keeping cookies, as a browser popup would.
 */
export async function authorizationCodeFlow(
    request: HarnessRequest,
    urls: HarnessUrls,
    o: CodeFlowOptions
): Promise<CodeFlowResult> {
    const cookies = o.cookies ?? new Map<string, string>();
    const verifier = b64url(randomBytes(32));
    const challenge = b64url(createHash('sha256').update(verifier).digest());
    const state = b64url(randomBytes(8));
    const authorize = new URL(`${urls.authority}/oauth2/v2.0/authorize`);
    for (const [k, v] of Object.entries({
        client_id: o.clientId,
        response_type: 'code',
        redirect_uri: o.redirectUri,
        scope: o.scope ?? 'openid profile offline_access Presence.ReadWrite',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state,
        nonce: b64url(randomBytes(8)),
        ...(o.loginHint ? { login_hint: o.loginHint } : {}),
        ...(o.prompt ? { prompt: o.prompt } : {})
    })) {
        authorize.searchParams.set(k, v);
    }

    const go = async (url: URL, method = 'GET', form?: URLSearchParams): Promise<HarnessResponse> => {
        const res = await request(url.href, {
            method,
            headers: { Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
            ...(form ? { body: form } : {})
        });
        const set = res.headers['set-cookie'] ?? [];
        for (const c of Array.isArray(set) ? set : [set]) {
            const [pair] = c.split(';');
            const i = (pair ?? '').indexOf('=');
            const name = (pair ?? '').slice(0, i);
            const value = (pair ?? '').slice(i + 1);
            if (/expires=Thu, 01 Jan 1970/i.test(c)) {
                cookies.delete(name);
            } else {
                cookies.set(name, value);
            }
        }
        return res;
    };

    let res = await go(authorize);
    let url = authorize;
    for (let hop = 0; hop < 12; hop++) {
        if (res.status >= 300 && res.status < 400) {
            url = new URL(String(res.headers.location), url);
            if (url.href.startsWith(o.redirectUri)) {
                break;
            }
            res = await go(url);
            continue;
        }
        if (res.status === 200 && res.text.includes('id="login-form"')) {
            const form = new URLSearchParams({ login: o.login, password: o.password ?? 'Passw0rd!' });
            res = await go(new URL(`${url.pathname}/login`, url), 'POST', form);
            continue;
        }
        if (res.status === 200 && res.text.includes('id="consent-form"')) {
            const form = new URLSearchParams(o.acceptConsent === false ? { cancel: '1' } : { accept: '1' });
            res = await go(new URL(`${url.pathname}/consent`, url), 'POST', form);
            continue;
        }
        throw new Error(`unexpected response ${res.status} at ${url.href}: ${res.text.slice(0, 500)}`);
    }
    const code = url.searchParams.get('code');
    if (!code || o.redeem === false) {
        return { redirect: url, verifier, cookies };
    }
    if (url.searchParams.get('state') !== state) {
        throw new Error('state mismatch');
    }
    const tokenResponse = await request(`${urls.authority}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: o.origin ? { Origin: o.origin } : {},
        body: new URLSearchParams({
            grant_type: 'authorization_code',
            client_id: o.clientId,
            code,
            redirect_uri: o.redirectUri,
            code_verifier: verifier
        })
    });
    return {
        redirect: url,
        verifier,
        cookies,
        tokenResponse,
        ...(tokenResponse.status === 200 ? { tokens: tokenResponse.json<Record<string, unknown>>() } : {})
    };
}

/** The claims of a JWT, unverified (tests read what was issued). */
export function decodeJwt(token: string): Record<string, unknown> {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
        string,
        unknown
    >;
}
