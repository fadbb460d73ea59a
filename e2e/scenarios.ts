/**
 * The browser scenarios of the Teams bridge. Each one runs in a fresh browser context against the one
 * harness of the run, and asserts what a user (or Teams) would notice.
 */
import assert from 'node:assert/strict';
import {
    BRIDGE_CHANNEL,
    PROTOCOL_VERSION
} from '../force-app/main/default/lwc/presenceSyncBridgeProtocol/presenceSyncBridgeProtocol';
import type { Environment } from './env';
import { FORGER_PAGE, PATHS } from './pages';
import { Control, HostSession } from './session';
import type { HostResult } from './host/api';
import { waitUntil } from './wait';

export { waitUntil };

export const ADA = { upn: 'ada.agent@acme.example', id: '8f2c4e1a-6b3d-4c5e-9a7f-1d2e3f4a5b6c' };
export const MIA = {
    upn: 'mmueller@acme.onmicrosoft.example',
    mail: 'mia.mueller@acme.example',
    id: '9c4b2a1d-3e5f-4b7a-a9c8-4e5f6a7b8c9d'
};

export interface ScenarioContext {
    env: Environment;
    control: Control;
    /** opens a host session that is closed after the scenario */
    open(): Promise<HostSession>;
}

export interface Scenario {
    name: string;
    run(ctx: ScenarioContext): Promise<void>;
}

interface PresenceDetail {
    availability: string;
    activity: string;
    source: string;
    sessions: { sessionId: string; availability: string; activity: string }[];
    preferred?: { availability: string; activity: string };
}

interface LogEntry {
    at: number;
    method: string;
    path: string;
    status: number;
    fault?: string;
    preflight?: boolean;
}

function expectOk<T>(result: HostResult, what: string): T {
    if (!result.ok) assert.fail(`${what}: expected success, got ${JSON.stringify(result.error)}`);
    return result.value as T;
}

function expectError(result: HostResult, kind: string, what: string) {
    if (result.ok) assert.fail(`${what}: expected ${kind}, got success ${JSON.stringify(result.value)}`);
    assert.equal(result.error.kind, kind, `${what}: error kind (${JSON.stringify(result.error)})`);
    return result.error;
}

const presenceOf = (control: Control, user: string) =>
    control.call<PresenceDetail>('GET', `users/${user}/presence`);

async function signedInAda(ctx: ScenarioContext): Promise<HostSession> {
    const session = await ctx.open();
    await session.signIn(ADA.upn, { pick: ADA.upn });
    return session;
}

export const scenarios: Scenario[] = [
    {
        name: 'first connect through the popup: signInRequired, in-frame button, sign-in, signedIn, status',
        async run(ctx) {
            const s = await ctx.open();
            assert.equal(s.popups.length, 0);
            const init = await s.init(ADA.upn);
            expectError(init, 'signInRequired', 'init without a Microsoft session');
            assert.equal(s.popups.length, 0, 'init never opens a popup');
            assert.equal(await s.page.evaluate(() => window.e2eHost.frameVisible()), false);

            const connect = expectOk<{ interaction: string; account: unknown }>(await s.connect(), 'connect');
            assert.equal(connect.interaction, 'buttonShown');
            assert.equal(connect.account, null);
            assert.equal(await s.page.evaluate(() => window.e2eHost.frameVisible()), true, 'iframe shown');
            const button = s.bridgeFrame().locator('#teams-connect');
            assert.equal(await button.innerText(), 'Connect Microsoft Teams');
            assert.match(await s.bridgeStatusText(), /Connect Microsoft Teams/);

            // the user: a real click inside the iframe opens the sign-in popup, with the login hint
            const { form } = await s.clickConnectAndSignIn({
                async onForm(popup) {
                    assert.match(
                        popup.url(),
                        /^https:\/\/login\.microsoftonline\.localhost:\d+\/[^/]+\/interaction\//
                    );
                    assert.equal(
                        await popup.locator('#login').inputValue(),
                        ADA.upn,
                        'login hint pre-filled'
                    );
                }
            });
            assert.equal(form, true, 'the sign-in form was shown');

            const signedIn = await s.waitForEvent('signedIn');
            assert.deepEqual(signedIn.data, { objectId: ADA.id, upn: ADA.upn });
            const status = expectOk<{ account: unknown; interaction: string; initialized: boolean }>(
                await s.request('status', {}),
                'status'
            );
            assert.deepEqual(status.account, { objectId: ADA.id, upn: ADA.upn });
            assert.equal(status.interaction, 'idle');
            assert.equal(status.initialized, true);
            assert.equal(
                await s.page.evaluate(() => window.e2eHost.frameVisible()),
                false,
                'iframe hidden again'
            );
            assert.equal(await s.bridgeStatusText(), 'Connected to Microsoft Teams.');
            assert.equal(s.popups.length, 1, 'exactly one popup');
            expectOk(await s.request('getPresence', {}), 'getPresence after connect');
        }
    },
    {
        name: "the sign-in page carries Entra's Cross-Origin-Opener-Policy: the popup loses its opener, and the bridge page (the org's own origin) still closes it and hands over the result",
        async run(ctx) {
            const s = await ctx.open();
            const policies: { url: string; coop: string | null }[] = [];
            s.context.on('response', (response) => {
                const url = new URL(response.url());
                if (response.request().resourceType() !== 'document') return;
                policies.push({
                    url: url.origin + url.pathname,
                    coop: response.headers()['cross-origin-opener-policy'] ?? null
                });
            });
            expectError(await s.init(ADA.upn), 'signInRequired', 'init without a Microsoft session');
            expectOk(await s.connect(), 'connect');
            let openerOnSignInPage: boolean | null = null;
            await s.clickConnectAndSignIn({
                pick: ADA.upn,
                async onForm(popup) {
                    openerOnSignInPage = await popup.evaluate(() => window.opener !== null);
                }
            });
            const signedIn = await s.waitForEvent('signedIn');
            assert.deepEqual(signedIn.data, { objectId: ADA.id, upn: ADA.upn });
            const [popup] = s.popups;
            assert.ok(popup?.isClosed(), 'the popup closed itself');
            assert.equal(openerOnSignInPage, false, 'COOP cut the popup from the bridge frame');
            const signInPage = policies.find((p) => /\/interaction\/[^/]+$/.test(p.url));
            assert.equal(signInPage?.coop, 'same-origin', "the sign-in page's Cross-Origin-Opener-Policy");
            const bridgePage = policies.filter((p) => p.url.endsWith('/apex/TeamsBridge')).at(-1);
            assert.equal(
                bridgePage?.coop,
                null,
                'the redirect page has none (MSAL: the bridge page must not)'
            );
            expectOk(await s.request('getPresence', {}), 'getPresence after connect');
        }
    },
    {
        name: 'silent renewal after the access token expires: getPresence succeeds, no popup',
        async run(ctx) {
            await ctx.control.call('POST', 'idp/lifetimes', { accessTokenSeconds: 60 });
            const s = await signedInAda(ctx);
            expectOk(await s.request('getPresence', {}), 'getPresence before expiry');
            await s.settleCaptures();
            const before = [...s.tokens.access];
            assert.ok(before.length >= 1, 'an access token was issued');
            const refreshesBefore = s.tokenRequests.filter((r) => r.grantType === 'refresh_token').length;
            const popupsBefore = s.popups.length;

            await ctx.control.call('POST', 'clock/advance', { seconds: 61 });
            for (const token of before) {
                const res = await ctx.control.graph('/me/presence', token);
                assert.equal(res.status, 401, 'the earlier access tokens are expired for Graph');
            }

            const reading = expectOk<{ availability: string }>(
                await s.request('getPresence', {}),
                'getPresence'
            );
            assert.equal(typeof reading.availability, 'string');
            await s.settleCaptures();
            assert.equal(s.popups.length, popupsBefore, 'no popup');
            const refreshes = s.tokenRequests.filter(
                (r) => r.grantType === 'refresh_token' && r.status === 200
            );
            assert.ok(refreshes.length > refreshesBefore, 'renewed with the refresh token');
            const fresh = [...s.tokens.access].filter((t) => !before.includes(t));
            assert.ok(fresh.length >= 1, 'a new access token');
            assert.equal(
                (await ctx.control.graph('/me/presence', fresh[fresh.length - 1] ?? '')).status,
                200
            );
            assert.equal(await s.countEvents('signedOut'), 0, 'the user stays connected');
        }
    },
    {
        name: 'refresh token revoked: signInRequired ("reconnect"), the next click on Connect recovers',
        async run(ctx) {
            await ctx.control.call('POST', 'idp/lifetimes', { accessTokenSeconds: 60 });
            const s = await signedInAda(ctx);
            expectOk(await s.request('getPresence', {}), 'getPresence while connected');
            // an administrator revokes the user's sessions: refresh tokens and sign-in sessions
            await ctx.control.call('POST', `idp/users/${ADA.upn}/revoke`);
            await ctx.control.call('POST', `idp/users/${ADA.upn}/end-session`);
            const popups = s.popups.length;

            expectError(await s.request('getPresence', {}), 'signInRequired', 'getPresence after revocation');
            const signedOut = await s.waitForEvent('signedOut');
            assert.deepEqual(signedOut.data, { reason: 'signInRequired' });
            await s.settleCaptures();
            const refused = s.tokenRequests.filter(
                (r) => r.grantType === 'refresh_token' && r.status === 400
            );
            assert.ok(refused.length >= 1, 'the refresh token was refused');
            assert.ok(
                refused.some((r) => r.errorCodes?.includes(50173)),
                'AADSTS50173 (revoked)'
            );
            const status = expectOk<{ account: unknown }>(await s.request('status', {}), 'status');
            assert.equal(status.account, null);
            assert.equal(s.popups.length, popups, 'no popup without a click');

            // reconnect: the LWC shows the frame, the user clicks Connect and signs in again
            expectOk(await s.connect(), 'connect');
            await s.clickConnectAndSignIn({ pick: ADA.upn });
            await s.waitForEvent('signedIn', 1);
            expectOk(await s.request('getPresence', {}), 'getPresence after reconnect');
        }
    },
    {
        name: 'refresh token expired: signInRequired ("reconnect"), the next click on Connect recovers',
        async run(ctx) {
            await ctx.control.call('POST', 'idp/lifetimes', {
                accessTokenSeconds: 60,
                refreshTokenSeconds: 2,
                sessionSeconds: 2
            });
            const s = await signedInAda(ctx);
            expectOk(await s.request('getPresence', {}), 'getPresence while connected');
            // polls as the core would, until the refresh token (and the sign-in session) expire
            const error = await waitUntil('getPresence to need a sign-in', async () => {
                const r = await s.request('getPresence', {});
                return r.ok ? undefined : r.error;
            });
            assert.equal(error.kind, 'signInRequired');
            assert.deepEqual((await s.waitForEvent('signedOut')).data, { reason: 'signInRequired' });
            await s.settleCaptures();
            assert.ok(
                s.tokenRequests.some(
                    (r) => r.grantType === 'refresh_token' && r.errorCodes?.includes(700084)
                ),
                'the refresh token was refused as expired (AADSTS700084)'
            );
            assert.equal(s.popups.length, 1, 'only the first sign-in opened a popup');

            await ctx.control.call('POST', 'idp/lifetimes', {
                refreshTokenSeconds: 86_400,
                sessionSeconds: 86_400
            });
            expectOk(await s.connect(), 'connect');
            await s.clickConnectAndSignIn({ pick: ADA.upn });
            await s.waitForEvent('signedIn', 1);
            expectOk(await s.request('getPresence', {}), 'getPresence after reconnect');
        }
    },
    {
        name: 'refresh tokens rotate: each redemption presents the one the last answer issued, the bridge keeps working; all expire 24 h after the sign-in',
        async run(ctx) {
            const s = await signedInAda(ctx);
            expectOk(await s.request('getPresence', {}), 'getPresence while connected');
            // each refused token makes the bridge redeem its refresh token once
            for (let i = 1; i <= 3; i++) {
                await ctx.control.call('POST', 'faults/error', { status: 401, count: 1, userId: ADA.upn });
                expectOk(await s.request('getPresence', {}), `getPresence after refused token ${i}`);
            }
            await s.settleCaptures();
            const code = s.tokenRequests.find((r) => r.grantType === 'authorization_code');
            const refreshes = s.tokenRequests.filter((r) => r.grantType === 'refresh_token');
            assert.equal(refreshes.length, 3, 'three redemptions');
            const issued = [code?.issuedRefreshToken, ...refreshes.map((r) => r.issuedRefreshToken)];
            assert.ok(
                issued.every((t) => typeof t === 'string'),
                'every answer issued a refresh token'
            );
            assert.equal(new Set(issued).size, 4, 'each redemption replaced the refresh token');
            refreshes.forEach((r, i) => {
                assert.equal(
                    r.presentedRefreshToken,
                    issued[i],
                    `redemption ${i + 1} presented the refresh token the answer before issued`
                );
            });
            assert.equal(s.popups.length, 1, 'no new popup');

            // SPA refresh tokens of one sign-in all expire 24 h after it, on the stand-in's clock
            await ctx.control.call('POST', 'clock/advance', { seconds: 24 * 3600 + 1 });
            const error = await waitUntil('getPresence to need a sign-in', async () => {
                const r = await s.request('getPresence', {});
                return r.ok ? undefined : r.error;
            });
            assert.equal(error.kind, 'signInRequired');
            await s.settleCaptures();
            const last = s.tokenRequests.filter((r) => r.grantType === 'refresh_token').at(-1);
            assert.deepEqual(last?.errorCodes, [700084], 'the newest refresh token expired with the first');
            assert.equal(last?.presentedRefreshToken, issued[3], 'the newest one was presented');
        }
    },
    {
        name: 'Graph refuses a token once (401): the bridge redeems the refresh token and the call succeeds; a second 401 ends in signInRequired',
        async run(ctx) {
            const s = await signedInAda(ctx);
            expectOk(await s.request('getPresence', {}), 'getPresence while connected');
            await s.settleCaptures();
            const refreshesBefore = s.tokenRequests.filter((r) => r.grantType === 'refresh_token').length;

            await ctx.control.call('POST', 'faults/error', { status: 401, count: 1, userId: ADA.upn });
            expectOk(await s.request('getPresence', {}), 'getPresence after one refused token');
            await s.settleCaptures();
            const refreshes = s.tokenRequests.filter((r) => r.grantType === 'refresh_token');
            assert.equal(refreshes.length, refreshesBefore + 1, 'one forced refresh');
            assert.equal(refreshes.at(-1)?.status, 200);
            assert.equal(await s.countEvents('signedOut'), 0, 'still connected');
            assert.equal(s.popups.length, 1, 'no new popup');

            await ctx.control.call('POST', 'faults/error', { status: 401, count: 2, userId: ADA.upn });
            const error = expectError(
                await s.request('getPresence', {}),
                'signInRequired',
                'getPresence after two refused tokens'
            );
            assert.equal(error.status, 401);
        }
    },
    {
        name: 'closing the sign-in window unlocks Connect at once; the next click starts over and signs in',
        async run(ctx) {
            const s = await ctx.open();
            expectError(await s.init(ADA.upn), 'signInRequired', 'init');
            expectOk(await s.connect(), 'connect');
            const button = s.bridgeFrame().locator('#teams-connect');
            const opened = s.page.context().waitForEvent('page', { timeout: 0 });
            await button.click();
            const popup = await opened;
            await popup.locator('#login-form').waitFor({ state: 'visible', timeout: 0 });
            assert.equal(await button.isDisabled(), true, 'Connect is locked while the window is open');

            await popup.close();
            // the state a person sees: Connect usable again, long before MSAL's popup timeout
            await s
                .bridgeFrame()
                .locator('#teams-connect:not([disabled])')
                .waitFor({ state: 'visible', timeout: 0 });
            assert.match(await s.bridgeStatusText(), /If you closed the Microsoft sign-in window/);
            const status = expectOk<{ interaction: string }>(await s.request('status', {}), 'status');
            assert.equal(status.interaction, 'buttonShown');

            await s.clickConnectAndSignIn({ pick: ADA.upn });
            await s.waitForEvent('signedIn');
            assert.equal(await s.countEvents('signInFailed'), 0, 'the abandoned sign-in reported nothing');
        }
    },
    {
        name: 'email and account mismatch: accountMismatch, no account, tokens not kept (another account; a UPN that differs from the mail)',
        async run(ctx) {
            const s = await ctx.open();
            expectError(await s.init(ADA.upn), 'signInRequired', 'init');
            expectOk(await s.connect(), 'connect');
            // the agent's email is Ada's, but the person signs in with Mia's account (UPN differs from mail)
            await s.clickConnectAndSignIn({ pick: MIA.upn });
            const failed = await s.waitForEvent('signInFailed');
            assert.equal((failed.data as { error: { kind: string } }).error.kind, 'accountMismatch');
            assert.equal(await s.countEvents('signedIn'), 0, 'never signed in');
            assert.match(await s.bridgeStatusText(), /different Microsoft account/);
            assert.equal(await s.bridgeFrame().locator('#teams-connect').isVisible(), true, 'Connect stays');
            const status = expectOk<{ account: unknown; interaction: string }>(
                await s.request('status', {}),
                'status'
            );
            assert.equal(status.account, null);
            assert.equal(status.interaction, 'buttonShown');
            expectError(await s.request('getPresence', {}), 'signInRequired', 'getPresence');
            await s.settleCaptures();
            assert.ok(s.tokens.access.size >= 1, 'tokens were issued to the other account');
            const storage = await s
                .bridgeFrame()
                .evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
            for (const token of [...s.tokens.access, ...s.tokens.refresh]) {
                assert.ok(!storage.includes(token), "the bridge keeps no token of someone else's account");
            }

            // the agent entered Mia's mail; her account's UPN differs from it: a mismatch as well
            const t = await ctx.open();
            expectError(await t.init(MIA.mail), 'signInRequired', 'init');
            expectOk(await t.connect(), 'connect');
            await t.clickConnectAndSignIn({ pick: MIA.upn });
            const mismatch = await t.waitForEvent('signInFailed');
            assert.equal((mismatch.data as { error: { kind: string } }).error.kind, 'accountMismatch');
            assert.equal(await t.countEvents('signedIn'), 0, 'never signed in');
        }
    },
    {
        name: 'Entra refuses the sign-in: Conditional Access (AADSTS53003) and an unassigned user (AADSTS50105) reach the page with their number; Connect stays and recovers',
        async run(ctx) {
            const s = await ctx.open();
            expectError(await s.init(ADA.upn), 'signInRequired', 'init');
            expectOk(await s.connect(), 'connect');
            const refusals = [
                ['conditionalAccess', 53003],
                ['notAssigned', 50105]
            ] as const;
            for (const [index, [block, code]] of refusals.entries()) {
                await ctx.control.call('POST', `idp/users/${ADA.upn}/sign-in-block`, { block });
                await s.clickConnectAndSignIn({ pick: ADA.upn });
                const failed = await s.waitForEvent('signInFailed', index);
                assert.deepEqual((failed.data as { error: unknown }).error, {
                    kind: 'signInRequired',
                    detail: 'access_denied',
                    entraCode: code
                });
                assert.match(await s.bridgeStatusText(), new RegExp(`AADSTS${code}`));
                assert.equal(await s.bridgeFrame().locator('#teams-connect').isVisible(), true);
            }
            assert.equal(await s.countEvents('signedIn'), 0, 'never signed in');
            await ctx.control.call('POST', 'reset');
            await s.clickConnectAndSignIn({ pick: ADA.upn });
            await s.waitForEvent('signedIn');
        }
    },
    {
        name: 'redirect URI registered as Web, not SPA: the code redemption fails with AADSTS9002326 and the page gets the number',
        async run(ctx) {
            const { clients } = await ctx.control.call<{
                clients: { clientId: string; redirectUris: string[] }[];
            }>('GET', 'idp');
            const own = clients.find((c) => c.clientId === ctx.env.harness.clientId);
            assert.ok(own, 'the bridge client is registered');
            await ctx.control.call('POST', 'idp/clients', { ...own, platform: 'web' });
            try {
                const s = await ctx.open();
                expectError(await s.init(ADA.upn), 'signInRequired', 'init');
                expectOk(await s.connect(), 'connect');
                await s.clickConnectAndSignIn({ pick: ADA.upn });
                const failed = await s.waitForEvent('signInFailed');
                assert.deepEqual((failed.data as { error: unknown }).error, {
                    kind: 'invalidRequest',
                    detail: 'invalid_request',
                    entraCode: 9002326
                });
                assert.equal(await s.countEvents('signedIn'), 0, 'never signed in');
            } finally {
                await ctx.control.call('POST', 'idp/clients', { ...own, platform: 'spa' });
            }
        }
    },
    {
        name: 'a pinned account: the object id of the first Connect decides, not the email (a UPN that differs from the mail signs in; another account does not)',
        async run(ctx) {
            const { clientId, tenantId } = ctx.env.harness;
            const s = await ctx.open();
            const init = await s.request('init', {
                clientId,
                tenantId,
                // the agent's settings still hold the mail, which is not her sign-in name
                loginHint: MIA.mail,
                role: 'agent',
                accountId: MIA.id
            });
            expectError(init, 'signInRequired', 'init');
            expectOk(await s.connect(), 'connect');
            await s.clickConnectAndSignIn({ pick: MIA.upn });
            const signedIn = await s.waitForEvent('signedIn');
            assert.equal((signedIn.data as { objectId: string }).objectId, MIA.id);

            const t = await ctx.open();
            await t.request('init', {
                clientId,
                tenantId,
                loginHint: MIA.mail,
                role: 'agent',
                accountId: ADA.id
            });
            expectOk(await t.connect(), 'connect');
            await t.clickConnectAndSignIn({ pick: MIA.upn });
            const failed = await t.waitForEvent('signInFailed');
            assert.equal((failed.data as { error: { kind: string } }).error.kind, 'accountMismatch');
        }
    },
    {
        name: 'get, set, clear session and preferred presence, read back through the emulator',
        async run(ctx) {
            const s = await signedInAda(ctx);
            const clientId = ctx.env.harness.clientId;
            // the person's Teams desktop client
            await ctx.control.call('POST', `users/${ADA.upn}/teams-client`, {
                availability: 'Available',
                activity: 'Available'
            });
            let reading = expectOk<{ availability: string; activity: string }>(
                await s.request('getPresence', {}),
                'getPresence'
            );
            assert.deepEqual([reading.availability, reading.activity], ['Available', 'Available']);

            const teams = async () => {
                const p = await presenceOf(ctx.control, ADA.upn);
                const read = expectOk<{ availability: string; activity: string }>(
                    await s.request('getPresence', {}),
                    'getPresence'
                );
                assert.deepEqual(
                    [read.availability, read.activity],
                    [p.availability, p.activity],
                    'bridge = Teams'
                );
                return p;
            };

            expectOk(
                await s.request('setPresence', {
                    availability: 'Busy',
                    activity: 'InACall',
                    expirationDuration: 'PT5M'
                }),
                'setPresence'
            );
            let p = await teams();
            assert.deepEqual([p.availability, p.activity, p.source], ['Busy', 'InACall', 'session']);
            assert.ok(
                p.sessions.some((x) => x.sessionId === clientId && x.availability === 'Busy'),
                'app session'
            );

            expectOk(
                await s.request('setPreferredPresence', {
                    availability: 'DoNotDisturb',
                    activity: 'DoNotDisturb'
                }),
                'setPreferredPresence'
            );
            p = await teams();
            assert.deepEqual(
                [p.availability, p.activity, p.source],
                ['DoNotDisturb', 'DoNotDisturb', 'preferred']
            );

            expectOk(
                await s.request('clearPreferredPresence', { keepalive: false }),
                'clearPreferredPresence'
            );
            p = await teams();
            assert.deepEqual([p.availability, p.activity, p.source], ['Busy', 'InACall', 'session']);
            assert.equal(p.preferred, undefined);

            expectOk(await s.request('clearPresence', { keepalive: false }), 'clearPresence');
            p = await teams();
            assert.deepEqual(
                [p.availability, p.activity],
                ['Available', 'Available'],
                'only Teams desktop is left'
            );
            assert.ok(!p.sessions.some((x) => x.sessionId === clientId), 'app session gone');
            expectOk(await s.request('clearPresence', { keepalive: false }), 'clearPresence with no session');

            await ctx.control.call('DELETE', `users/${ADA.upn}/teams-client?client=desktop`);
            reading = expectOk(await s.request('getPresence', {}), 'getPresence');
            assert.deepEqual([reading.availability, reading.activity], ['Offline', 'Offline']);
        }
    },
    {
        name: 'a 429 with Retry-After is honoured: throttled + retryAfter, no request before the instant',
        async run(ctx) {
            const s = await signedInAda(ctx);
            expectOk(await s.request('getPresence', {}), 'getPresence');
            await ctx.control.call('DELETE', 'log');
            await ctx.control.call('POST', 'faults/throttle', { userId: ADA.upn, durationMs: 1500 });

            const error = expectError(
                await s.request('getPresence', {}),
                'throttled',
                'getPresence while throttled'
            );
            assert.equal(error.status, 429);
            assert.match(String(error.retryAfter), /^\d+$/);
            const retryAfterMs = Number(error.retryAfter) * 1000;
            assert.ok(retryAfterMs >= 1000, 'Retry-After of at least 1 s');

            const { resumedAt } = await s.page.evaluate(
                (after) => window.e2eHost.waitAfterThrottle(after),
                error.retryAfter
            );
            expectOk(await s.request('getPresence', {}), 'getPresence after Retry-After');

            const log = await ctx.control.call<LogEntry[]>('GET', 'log');
            const throttled = log.filter((e) => e.status === 429);
            assert.equal(
                throttled.length,
                1,
                `one 429 (the bridge does not retry it): ${JSON.stringify(log)}`
            );
            const instant = (throttled[0] as LogEntry).at + retryAfterMs;
            assert.ok(resumedAt >= instant, 'the host resumed after the instant');
            const after = log.filter((e) => e.at > (throttled[0] as LogEntry).at);
            assert.ok(after.length >= 1, 'the next request reached Graph');
            for (const e of after) {
                assert.ok(
                    e.at >= instant,
                    `${e.method} ${e.path} at ${e.at} is before the instant ${instant}`
                );
            }
            assert.ok(
                after.some((e) => e.status === 200 && e.path.endsWith('/me/presence') && !e.preflight),
                'then a 200'
            );
        }
    },
    {
        name: 'messages from a wrong origin or window are ignored by the bridge and the host',
        async run(ctx) {
            const s = await signedInAda(ctx);
            await ctx.control.call('POST', `users/${ADA.upn}/teams-client`, {
                availability: 'Away',
                activity: 'Away'
            });
            const attacker = `https://attacker.localhost:${ctx.env.harness.port}`;
            await s.context.route(/^https:\/\/attacker\.localhost(:\d+)?\//, (route) =>
                route.fulfill({ status: 200, contentType: 'text/html', body: FORGER_PAGE })
            );
            // the bridge frame, instrumented by the test (not by the page): which messages reach it
            await s.bridgeFrame().evaluate(() => {
                const seen: { origin: string; id: unknown }[] = [];
                (window as unknown as { seen: typeof seen }).seen = seen;
                window.addEventListener('message', (e: MessageEvent) =>
                    seen.push({ origin: e.origin, id: (e.data as { id?: unknown } | null)?.id })
                );
            });
            const frames = {
                attacker: `${attacker}/forger`,
                visualforce: `${ctx.env.harness.urls.visualforce}${PATHS.bridgeForger}`,
                lightning: `${ctx.env.harness.urls.lightning}${PATHS.hostForger}`
            };
            for (const [name, url] of Object.entries(frames)) {
                await s.page.evaluate(([u, n]) => window.e2eHost.addFrame(u, n), [url, name] as const);
            }
            const forgers = Object.keys(frames).map((name) => {
                const frame = s.page.frames().find((f) => f.name() === name);
                assert.ok(frame, `forger frame ${name}`);
                return { name, frame };
            });
            const before = await s.counters();

            // a slow Graph keeps a real request pending while the forgers answer it
            await ctx.control.call('POST', 'faults/latency', { ms: 1500, userId: ADA.upn });
            const pending = s.request('getPresence', {});
            const requestId = await waitUntil('the getPresence request to reach the bridge', () =>
                s
                    .bridgeFrame()
                    .evaluate(() =>
                        (window as unknown as { seen: { id: unknown }[] }).seen
                            .map((m) => m.id)
                            .find((id) => typeof id === 'string' && !id.startsWith('forged'))
                    )
            );
            const bridgeIndex = await s.page.evaluate(() => window.e2eHost.bridgeFrameIndex());
            const envelope = { channel: BRIDGE_CHANNEL, v: PROTOCOL_VERSION };
            for (const { name, frame } of forgers) {
                await frame.evaluate(
                    ([env, id, index, who]) => {
                        const received: unknown[] = [];
                        (window as unknown as { received: unknown[] }).received = received;
                        window.addEventListener('message', (e: MessageEvent) => received.push(e.data));
                        // a forged reply to the host's pending request, with the right id
                        window.parent.postMessage(
                            {
                                ...env,
                                kind: 'reply',
                                id,
                                type: 'getPresence',
                                ok: true,
                                result: { availability: 'Offline', activity: 'OffWork' }
                            },
                            '*'
                        );
                        // forged requests to the bridge: a write and a status
                        const bridge = window.parent.frames[index];
                        bridge?.postMessage(
                            {
                                ...env,
                                kind: 'request',
                                id: `forged-${who}-1`,
                                type: 'setPresence',
                                params: {
                                    availability: 'Busy',
                                    activity: 'InACall',
                                    expirationDuration: 'PT5M'
                                }
                            },
                            '*'
                        );
                        bridge?.postMessage(
                            { ...env, kind: 'request', id: `forged-${who}-2`, type: 'status', params: {} },
                            '*'
                        );
                    },
                    [envelope, requestId, bridgeIndex, name] as const
                );
            }
            const reading = expectOk<{ availability: string; activity: string }>(
                await pending,
                'the real reply'
            );
            assert.deepEqual(
                [reading.availability, reading.activity],
                ['Away', 'Away'],
                'the real presence, not the forged one'
            );
            await ctx.control.call('POST', 'faults/latency', { ms: 0, userId: ADA.upn });

            // the forged requests did reach the bridge frame...
            const seen = await s
                .bridgeFrame()
                .evaluate(() => (window as unknown as { seen: { origin: string; id: unknown }[] }).seen);
            for (const name of Object.keys(frames)) {
                assert.ok(
                    seen.some((m) => m.id === `forged-${name}-2`),
                    `the ${name} forger's request was delivered`
                );
            }
            // ...and after a later real request was answered, none of them had been
            expectOk(await s.request('status', {}), 'status');
            const received = await s.received();
            const forgedAnswers = received.filter((m) => m.source === 'bridge' && m.data.includes('forged-'));
            assert.deepEqual(forgedAnswers, [], 'the bridge answered no forged request');
            for (const { name, frame } of forgers) {
                const got = await frame.evaluate(
                    () => (window as unknown as { received: unknown[] }).received
                );
                assert.deepEqual(got, [], `the ${name} forger received nothing`);
            }
            const p = await presenceOf(ctx.control, ADA.upn);
            assert.ok(
                !p.sessions.some((x) => x.availability === 'Busy'),
                'the forged setPresence did not happen'
            );
            const log = await ctx.control.call<LogEntry[]>('GET', 'log');
            assert.ok(!log.some((e) => e.path.includes('setPresence')), 'no setPresence reached Graph');

            const after = await s.counters();
            assert.ok(
                after.droppedOrigin - before.droppedOrigin >= 2,
                `dropped for origin: ${JSON.stringify(after)}`
            );
            assert.ok(
                after.droppedSource - before.droppedSource >= 1,
                `dropped for window: ${JSON.stringify(after)}`
            );
            assert.equal(after.droppedUnmatched, before.droppedUnmatched, 'no stray reply from the bridge');
            assert.equal(after.accepted - before.accepted, 2, 'only the two real replies were accepted');
        }
    },
    {
        name: 'no access or refresh token is ever present in the host page (DOM, storage, cookies, console, messages)',
        async run(ctx) {
            await ctx.control.call('POST', 'idp/lifetimes', { accessTokenSeconds: 60 });
            const s = await signedInAda(ctx);
            expectOk(
                await s.request('setPresence', {
                    availability: 'Busy',
                    activity: 'InACall',
                    expirationDuration: 'PT5M'
                }),
                'setPresence'
            );
            await ctx.control.call('POST', 'clock/advance', { seconds: 61 });
            expectOk(await s.request('getPresence', {}), 'getPresence after renewal');
            expectOk(await s.request('clearPresence', { keepalive: false }), 'clearPresence');
            expectOk(await s.request('status', {}), 'status');
            await s.settleCaptures();
            const secrets = [...s.tokens.access, ...s.tokens.refresh, ...s.tokens.id];
            assert.ok(
                s.tokens.access.size >= 2 && s.tokens.refresh.size >= 1,
                'tokens were issued and renewed'
            );
            // the scan can find them: they are in the bridge frame's own storage (Visualforce origin)
            const bridgeStorage = await s.bridgeFrame().evaluate(() => JSON.stringify({ ...sessionStorage }));
            assert.ok(
                [...s.tokens.refresh].some((t) => bridgeStorage.includes(t)),
                'the refresh token lives in the bridge frame'
            );

            const host = await s.page.evaluate(() => ({
                href: window.location.href,
                dom: document.documentElement.outerHTML,
                local: JSON.stringify({ ...localStorage }),
                session: JSON.stringify({ ...sessionStorage }),
                cookie: document.cookie,
                name: window.name
            }));
            const cookies = await s.context.cookies(ctx.env.harness.urls.lightning);
            const places: Record<string, string> = {
                'host URL': host.href,
                'host DOM': `${host.dom}\n${await s.page.content()}`,
                'host localStorage': host.local,
                'host sessionStorage': host.session,
                'host cookies': `${host.cookie}\n${JSON.stringify(cookies)}`,
                'host window.name': host.name,
                console: s.console.join('\n'),
                messages: (await s.received()).map((m) => m.data).join('\n'),
                events: JSON.stringify(await s.events())
            };
            assert.ok((places.messages ?? '').includes('signedIn'), 'the message log is not empty');
            const jwt = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/;
            for (const [place, text] of Object.entries(places)) {
                for (const secret of secrets) {
                    const signature = secret.split('.').pop() ?? secret;
                    assert.ok(!text.includes(secret), `a token is in the ${place}`);
                    assert.ok(
                        signature.length < 16 || !text.includes(signature),
                        `a token part is in the ${place}`
                    );
                }
                assert.doesNotMatch(text, jwt, `something JWT-like is in the ${place}`);
            }
        }
    }
];
