/**
 * The real harness (child process, ephemeral port, generated TLS) driven over HTTPS: a PKCE code
 * flow, refresh and revocation, Entra-like errors, Graph presence calls with the issued tokens,
 * token validation, throttling, faults and the control API.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { authorizationCodeFlow, decodeJwt, spawnHarness, type SpawnedHarness } from '../testing';

jest.setTimeout(30_000);

const ADA = { id: '8f2c4e1a-6b3d-4c5e-9a7f-1d2e3f4a5b6c', upn: 'ada.agent@acme.example' };
const BEN = { id: '3b9d7c2e-1f4a-4e6b-8c5d-2a3b4c5d6e7f', upn: 'ben.agent@acme.example' };
const MIA = { upn: 'mmueller@acme.onmicrosoft.example', mail: 'mia.mueller@acme.example' };

let h: SpawnedHarness;
let redirectUri: string;

beforeAll(async () => {
    h = await spawnHarness();
    redirectUri = `${h.info.urls.visualforce}/apex/TeamsBridge`;
});

afterAll(async () => {
    await h?.stop();
});

afterEach(async () => {
    await h.control('POST', 'reset');
    await h.control('POST', 'clock/reset');
});

async function signIn(login: string, extra: Partial<Parameters<typeof authorizationCodeFlow>[2]> = {}) {
    const result = await authorizationCodeFlow(h.request, h.info.urls, {
        clientId: h.info.clientId,
        redirectUri,
        login,
        origin: h.info.urls.visualforce,
        ...extra
    });
    return result;
}

async function tokenFor(
    login: string,
    scope = 'openid profile offline_access Presence.Read Presence.ReadWrite',
    clientId = h.info.clientId
) {
    const r = await signIn(login, { scope, clientId });
    if (!r.tokens) {
        throw new Error(`sign-in failed: ${r.redirect.href} ${r.tokenResponse?.text ?? ''}`);
    }
    return r.tokens as { access_token: string; refresh_token: string; id_token: string };
}

function graph(path: string, token: string | undefined, body?: Record<string, unknown>, origin?: string) {
    return h.request(`${h.info.urls.graphApi}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: {
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
            ...(origin ? { Origin: origin } : {})
        },
        ...(body ? { body } : {})
    });
}

function refresh(refreshToken: string) {
    return h.request(`${h.info.urls.authority}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { Origin: h.info.urls.visualforce },
        body: new URLSearchParams({
            grant_type: 'refresh_token',
            client_id: h.info.clientId,
            refresh_token: refreshToken,
            scope: 'openid profile offline_access Presence.ReadWrite'
        })
    });
}

describe('identity provider', () => {
    it('serves Entra-shaped discovery under /<tenant>/v2.0', async () => {
        const res = await h.request(`${h.info.urls.authority}/v2.0/.well-known/openid-configuration`);
        expect(res.status).toBe(200);
        const doc = res.json<Record<string, string>>();
        expect(doc.issuer).toBe(h.info.urls.issuer);
        expect(doc.authorization_endpoint).toBe(`${h.info.urls.authority}/oauth2/v2.0/authorize`);
        expect(doc.token_endpoint).toBe(`${h.info.urls.authority}/oauth2/v2.0/token`);
        expect(doc.end_session_endpoint).toBe(`${h.info.urls.authority}/oauth2/v2.0/logout`);
        expect(doc.jwks_uri).toBe(`${h.info.urls.authority}/discovery/v2.0/keys`);
    });

    it('signs in with authorization code + PKCE and issues Entra claims', async () => {
        const r = await signIn(ADA.upn, { loginHint: ADA.upn });
        expect(r.tokenResponse?.status).toBe(200);
        expect(r.tokenResponse?.headers['access-control-allow-origin']).toBe(h.info.urls.visualforce);
        const tokens = r.tokens as Record<string, string>;
        expect(tokens.refresh_token).toBeTruthy();
        const id = decodeJwt(tokens.id_token as string);
        expect(id).toMatchObject({
            oid: ADA.id,
            tid: h.info.tenantId,
            preferred_username: ADA.upn,
            name: 'Ada Agent',
            aud: h.info.clientId,
            iss: h.info.urls.issuer
        });
        expect(typeof id.login_hint).toBe('string');
        const at = decodeJwt(tokens.access_token as string);
        // every permission the app was granted, not only the requested one (as Entra does)
        expect(String(at.scp).split(' ').sort()).toEqual([
            'Presence.Read',
            'Presence.Read.All',
            'Presence.ReadWrite'
        ]);
        expect(at).toMatchObject({
            aud: 'https://graph.microsoft.com',
            oid: ADA.id,
            tid: h.info.tenantId,
            azp: h.info.clientId
        });
        expect(JSON.parse(Buffer.from(tokens.client_info as string, 'base64url').toString())).toEqual({
            uid: ADA.id,
            utid: h.info.tenantId
        });
    });

    it('gives the UPN, not the mail address, for a user whose UPN differs', async () => {
        const r = await signIn(MIA.mail, { loginHint: MIA.mail });
        expect(decodeJwt((r.tokens as Record<string, string>).id_token as string).preferred_username).toBe(
            MIA.upn
        );
    });

    it('refreshes, and refuses the refresh token after revocation with invalid_grant', async () => {
        const tokens = await tokenFor(ADA.upn);
        const ok = await refresh(tokens.refresh_token);
        expect(ok.status).toBe(200);
        expect(ok.json<Record<string, string>>().access_token).toBeTruthy();

        await h.control('POST', `idp/users/${ADA.upn}/revoke`);
        const denied = await refresh(tokens.refresh_token);
        expect(denied.status).toBe(400);
        expect(denied.json()).toMatchObject({ error: 'invalid_grant', error_codes: [50173] });
    });

    it("rotates the refresh token at every redemption, keeps the old one valid and the first one's 24 h expiry (SPA)", async () => {
        const first = (await tokenFor(ADA.upn)).refresh_token;
        const redeem = async (token: string) => {
            const res = await refresh(token);
            expect([res.status, res.text]).toEqual([200, expect.any(String)]);
            return res.json<{ refresh_token: string }>().refresh_token;
        };
        const second = await redeem(first);
        expect(second).toEqual(expect.any(String));
        expect(second).not.toBe(first);
        const third = await redeem(second);
        expect(new Set([first, second, third]).size).toBe(3);
        // "The Microsoft identity platform doesn't revoke old refresh tokens when used"
        expect((await refresh(first)).status).toBe(200);

        // every refresh token of this sign-in expires 24 h after the first was issued (virtual clock)
        await h.control('POST', 'clock/advance', { seconds: 24 * 3600 - 120 });
        const late = await redeem(third);
        await h.control('POST', 'clock/advance', { seconds: 121 });
        const expired = await refresh(late);
        expect(expired.status).toBe(400);
        expect(expired.json()).toMatchObject({ error: 'invalid_grant', error_codes: [700084] });
        expect((await refresh(first)).json()).toMatchObject({ error_codes: [700084] });
    });

    it('redeems a refresh token for another consented permission, and refuses one nobody consented to (AADSTS65001)', async () => {
        const withScope = (token: string, scope: string, clientId = h.info.clientId) =>
            h.request(`${h.info.urls.authority}/oauth2/v2.0/token`, {
                method: 'POST',
                headers: { Origin: h.info.urls.visualforce },
                body: new URLSearchParams({
                    grant_type: 'refresh_token',
                    client_id: clientId,
                    refresh_token: token,
                    scope
                })
            });
        // the one app of agents and supervisors: Presence.Read.All is admin-consented, the sign-in asked less
        const tokens = await tokenFor(ADA.upn);
        const readAll = await withScope(
            tokens.refresh_token,
            'openid profile offline_access Presence.Read.All'
        );
        expect(readAll.status).toBe(200);
        const at = readAll.json<{ access_token: string }>().access_token;
        expect(String(decodeJwt(at).scp).split(' ')).toContain('Presence.Read.All');

        const agentsApp = '4d5e6f70-8192-4cad-9e1f-3a4b5c6d7e8f';
        await h.control('POST', 'idp/clients', {
            clientId: agentsApp,
            redirectUris: [redirectUri],
            permissions: ['Presence.Read', 'Presence.ReadWrite']
        });
        const agent = await tokenFor(ADA.upn, undefined, agentsApp);
        const refused = await withScope(agent.refresh_token, 'openid profile Presence.Read.All', agentsApp);
        expect(refused.status).toBe(400);
        expect(refused.json()).toMatchObject({
            error: 'invalid_grant',
            error_codes: [65001],
            suberror: 'consent_required'
        });
    });

    it('expires refresh tokens after the configured lifetime', async () => {
        await h.control('POST', 'idp/lifetimes', { refreshTokenSeconds: 1 });
        try {
            const tokens = await tokenFor(BEN.upn);
            await new Promise((r) => setTimeout(r, 1100));
            const res = await refresh(tokens.refresh_token);
            expect(res.status).toBe(400);
            expect(res.json()).toMatchObject({ error: 'invalid_grant', error_codes: [700084] });
        } finally {
            await h.control('POST', 'idp/lifetimes', { refreshTokenSeconds: 86400 });
        }
    });

    it('answers a silent request from another signed-in user with login_required (AADSTS50058)', async () => {
        const first = await signIn(ADA.upn);
        const silent = await signIn(ADA.upn, { prompt: 'none', loginHint: BEN.upn, cookies: first.cookies });
        expect(silent.redirect.searchParams.get('error')).toBe('login_required');
        expect(silent.redirect.searchParams.get('error_description')).toMatch(/^AADSTS50058/);
        const same = await signIn(ADA.upn, { prompt: 'none', loginHint: ADA.upn, cookies: first.cookies });
        expect(same.tokenResponse?.status).toBe(200);

        await h.control('POST', `idp/users/${ADA.upn}/end-session`);
        const ended = await signIn(ADA.upn, { prompt: 'none', loginHint: ADA.upn, cookies: first.cookies });
        expect(ended.redirect.searchParams.get('error')).toBe('login_required');
    });

    it('asks a user without consent interactively and answers silently with consent_required (AADSTS65001)', async () => {
        const nico = 'nico.newcomer@acme.example';
        const declined = await signIn(nico, { acceptConsent: false });
        expect(declined.redirect.searchParams.get('error')).toBe('access_denied');
        expect(declined.redirect.searchParams.get('error_description')).toMatch(/^AADSTS65004: /);
        const session = await signIn(nico, { prompt: 'none', loginHint: nico, cookies: declined.cookies });
        expect(session.redirect.searchParams.get('error')).toBe('consent_required');
        expect(session.redirect.searchParams.get('error_description')).toMatch(/^AADSTS65001/);
        const accepted = await signIn(nico, { cookies: declined.cookies });
        expect(accepted.tokenResponse?.status).toBe(200);
        await h.control('POST', `idp/users/${nico}/consent`, { granted: false });
    });

    it("has the supervisors' own app registration: only Presence.Read.All, so agents' tokens of the agents' app never carry it", async () => {
        const supervisorApp = h.info.supervisorClientId;
        expect(supervisorApp).toBe('6c5b4a39-2817-4f06-95e4-d3c2b1a09f8e');
        // the least-privilege set-up: the agents' app has only what agents need
        await h.control('POST', 'idp/clients', {
            clientId: h.info.clientId,
            name: 'Presence Sync (harness)',
            redirectUris: [redirectUri],
            permissions: ['Presence.Read', 'Presence.ReadWrite']
        });
        try {
            const agent = (await tokenFor(ADA.upn)).access_token;
            expect(decodeJwt(agent).azp).toBe(h.info.clientId);
            expect(String(decodeJwt(agent).scp).split(' ').sort()).toEqual([
                'Presence.Read',
                'Presence.ReadWrite'
            ]);
            expect(
                (await graph('/communications/getPresencesByUserId', agent, { ids: [BEN.id] })).status
            ).toBe(403);

            // the dashboard's sign-in with the supervisors' app: admin-consented, no consent page
            const supervisor = await signIn('sue.supervisor@acme.example', {
                clientId: supervisorApp,
                scope: 'openid profile offline_access Presence.Read.All',
                acceptConsent: false
            });
            const token = String((supervisor.tokens as { access_token: string }).access_token);
            expect(decodeJwt(token).azp).toBe(supervisorApp);
            expect(decodeJwt(token).scp).toBe('Presence.Read.All');
            expect(
                (await graph('/communications/getPresencesByUserId', token, { ids: [BEN.id] })).status
            ).toBe(200);
        } finally {
            await h.control('POST', 'idp/clients', {
                clientId: h.info.clientId,
                name: 'Presence Sync (harness)',
                redirectUris: [redirectUri]
            });
        }
    });

    it('asks for consent to a permission that the admin consent does not cover, and issues it to that user only', async () => {
        const agentsApp = '2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d';
        await h.control('POST', 'idp/clients', {
            clientId: agentsApp,
            redirectUris: [redirectUri],
            permissions: ['Presence.Read', 'Presence.ReadWrite']
        });
        const readAll = 'openid profile offline_access Presence.Read.All';
        // covered by the tenant's admin consent: no consent page
        const agentScopes = await signIn(ADA.upn, { clientId: agentsApp, acceptConsent: false });
        expect(agentScopes.tokenResponse?.status).toBe(200);
        // not covered: the consent page (declined here), and silently consent_required
        const declined = await signIn(ADA.upn, { clientId: agentsApp, scope: readAll, acceptConsent: false });
        expect(declined.redirect.searchParams.get('error_description')).toMatch(/^AADSTS65004: /);
        const silent = await signIn(ADA.upn, {
            clientId: agentsApp,
            scope: readAll,
            prompt: 'none',
            loginHint: ADA.upn,
            cookies: declined.cookies
        });
        expect(silent.redirect.searchParams.get('error')).toBe('consent_required');
        // Ada's own consent gives her the permission, and nobody else
        const own = await signIn(ADA.upn, { clientId: agentsApp, scope: readAll, cookies: declined.cookies });
        expect(String(decodeJwt(String(own.tokens?.access_token)).scp).split(' ')).toContain(
            'Presence.Read.All'
        );
        const ben = await signIn(BEN.upn, { clientId: agentsApp, acceptConsent: false });
        expect(String(decodeJwt(String(ben.tokens?.access_token)).scp).split(' ')).not.toContain(
            'Presence.Read.All'
        );
    });

    it('without admin consent for the tenant, every user meets the consent page; one who accepts is covered alone', async () => {
        const unconsentedApp = '3c4d5e6f-7081-4b9c-8d0e-2f3a4b5c6d7e';
        await h.control('POST', 'idp/clients', {
            clientId: unconsentedApp,
            redirectUris: [redirectUri],
            adminConsent: false
        });
        const declined = await signIn(ADA.upn, { clientId: unconsentedApp, acceptConsent: false });
        expect(declined.redirect.searchParams.get('error')).toBe('access_denied');
        const accepted = await signIn(ADA.upn, { clientId: unconsentedApp, cookies: declined.cookies });
        expect(accepted.tokenResponse?.status).toBe(200);
        expect(
            String(decodeJwt(String(accepted.tokens?.access_token)).scp)
                .split(' ')
                .sort()
            // user consent covers what was asked, not every permission the registration lists
        ).toEqual(['Presence.ReadWrite']);
        const ben = await signIn(BEN.upn, { clientId: unconsentedApp, acceptConsent: false });
        expect(ben.redirect.searchParams.get('error_description')).toMatch(/^AADSTS65004: /);
    });

    it.each([
        ['conditionalAccess', 53003],
        ['notAssigned', 50105]
    ])(
        'refuses a %s-blocked user with access_denied AADSTS%s, and so every later token',
        async (block, code) => {
            const tokens = await tokenFor(BEN.upn);
            await h.control('POST', `idp/users/${BEN.upn}/sign-in-block`, { block });

            const denied = await signIn(BEN.upn);
            expect(denied.tokens).toBeUndefined();
            expect(denied.redirect.searchParams.get('error')).toBe('access_denied');
            expect(denied.redirect.searchParams.get('error_description')).toMatch(
                new RegExp(`^AADSTS${code}: `)
            );
            const refreshed = await refresh(tokens.refresh_token);
            expect(refreshed.status).toBe(400);
            expect(refreshed.json()).toMatchObject({ error: 'invalid_grant', error_codes: [code] });

            await h.control('POST', 'reset');
            expect((await signIn(BEN.upn)).tokenResponse?.status).toBe(200);
        }
    );

    it('refuses a browser redeeming a code of a Web registration with AADSTS9002326', async () => {
        const { clients } = await h.control<{ clients: { clientId: string; redirectUris: string[] }[] }>(
            'GET',
            'idp'
        );
        const own = clients.find((c) => c.clientId === h.info.clientId);
        if (!own) throw new Error('the bridge client is not registered');
        await h.control('POST', 'idp/clients', { ...own, platform: 'web' });
        try {
            const r = await signIn(ADA.upn);
            expect(r.tokenResponse?.status).toBe(400);
            expect(r.tokenResponse?.headers['access-control-allow-origin']).toBe('*');
            expect(r.tokenResponse?.json()).toMatchObject({
                error: 'invalid_request',
                error_codes: [9002326]
            });
            expect(r.tokenResponse?.json<{ error_description: string }>().error_description).toMatch(
                /^AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type/
            );
        } finally {
            await h.control('POST', 'idp/clients', { ...own, platform: 'spa' });
        }
        expect((await signIn(ADA.upn)).tokenResponse?.status).toBe(200);
    });

    it('also serves discovery where MSAL looks in OIDC protocol mode', async () => {
        const res = await h.request(`${h.info.urls.authority}/.well-known/openid-configuration`);
        expect(res.json()).toMatchObject({ issuer: h.info.urls.issuer });
    });

    it('refuses a reused code (AADSTS54005) and a wrong PKCE verifier (AADSTS501481)', async () => {
        const redeem = (code: string, verifier: string) =>
            h.request(`${h.info.urls.authority}/oauth2/v2.0/token`, {
                body: new URLSearchParams({
                    grant_type: 'authorization_code',
                    client_id: h.info.clientId,
                    code,
                    redirect_uri: redirectUri,
                    code_verifier: verifier
                })
            });
        const used = await signIn(ADA.upn);
        const reuse = await redeem(String(used.redirect.searchParams.get('code')), used.verifier);
        expect(reuse.json()).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
        const fresh = await signIn(ADA.upn, { redeem: false });
        const wrong = await redeem(String(fresh.redirect.searchParams.get('code')), 'y'.repeat(43));
        expect(wrong.json()).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
    });

    it('shows AADSTS50011 for a redirect URI that is not registered exactly', async () => {
        const url = new URL(`${h.info.urls.authority}/oauth2/v2.0/authorize`);
        url.search = new URLSearchParams({
            client_id: h.info.clientId,
            response_type: 'code',
            redirect_uri: `${redirectUri}/`,
            scope: 'openid Presence.ReadWrite',
            code_challenge: createHash('sha256').update('x').digest('base64url'),
            code_challenge_method: 'S256'
        }).toString();
        const res = await h.request(url.href);
        expect(res.status).toBe(400);
        expect(res.text).toContain('AADSTS50011');
    });

    it('shows AADSTS90002 for an unknown tenant', async () => {
        const res = await h.request(
            `${h.info.urls.login}/00000000-0000-0000-0000-000000000000/v2.0/.well-known/openid-configuration`
        );
        expect(res.status).toBe(400);
        expect(res.json()).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] });
        const page = await h.request(`${h.info.urls.login}/wrong-tenant/oauth2/v2.0/authorize?client_id=x`);
        expect(page.text).toContain('AADSTS90002');
    });
});

describe('graph presence emulator', () => {
    let ada: string;
    let sue: string;

    beforeAll(async () => {
        ada = (await tokenFor(ADA.upn)).access_token;
        sue = (
            await tokenFor('sue.supervisor@acme.example', 'openid profile offline_access Presence.Read.All')
        ).access_token;
    });

    it('sets, reads and clears the app session and the preferred presence', async () => {
        const set = await graph(`/users/${ADA.id}/presence/setPresence`, ada, {
            sessionId: h.info.clientId,
            availability: 'Busy',
            activity: 'InACall',
            expirationDuration: 'PT10M'
        });
        expect(set.status).toBe(200);
        const me = await graph('/me/presence', ada);
        expect(me.json()).toMatchObject({ id: ADA.id, availability: 'Busy', activity: 'InACall' });

        expect(
            (
                await graph('/me/presence/setUserPreferredPresence', ada, {
                    availability: 'Away',
                    activity: 'Away'
                })
            ).status
        ).toBe(200);
        expect((await graph(`/users/${ADA.id}/presence`, ada)).json()).toMatchObject({
            availability: 'Away'
        });
        expect((await graph('/me/presence/clearUserPreferredPresence', ada, {})).status).toBe(200);
        expect((await graph('/me/presence', ada)).json()).toMatchObject({ activity: 'InACall' });

        expect(
            (await graph(`/users/${ADA.id}/presence/clearPresence`, ada, { sessionId: h.info.clientId }))
                .status
        ).toBe(200);
        expect((await graph('/me/presence', ada)).json()).toMatchObject({
            availability: 'Offline',
            activity: 'Offline'
        });
        const again = await graph(`/users/${ADA.id}/presence/clearPresence`, ada, {
            sessionId: h.info.clientId
        });
        expect(again.status).toBe(404);
        expect(again.json<{ error: { code: string; innerError: object } }>().error.innerError).toBeDefined();
    });

    it('sets the status message with an expiry on the virtual clock, shows it in GET presence and clears it', async () => {
        const clock = await h.control<{ now: number }>('GET', 'clock');
        const expiry = new Date(clock.now + 30 * 60_000).toISOString().replace(/Z$/, '');
        const set = await graph('/me/presence/setStatusMessage', ada, {
            statusMessage: {
                message: { content: 'On a customer call', contentType: 'text' },
                expiryDateTime: { dateTime: expiry, timeZone: 'UTC' }
            }
        });
        expect(set.status).toBe(200);
        const read = (await graph('/me/presence', ada)).json<{
            statusMessage: {
                message: { content: string };
                expiryDateTime: { dateTime: string; timeZone: string };
            };
        }>();
        expect(read.statusMessage.message).toEqual({ content: 'On a customer call', contentType: 'text' });
        expect(read.statusMessage.expiryDateTime.timeZone).toBe('UTC');
        expect(Date.parse(`${read.statusMessage.expiryDateTime.dateTime.slice(0, 23)}Z`)).toBe(
            Date.parse(`${expiry}Z`)
        );
        // a supervisor sees it too
        expect((await graph(`/users/${ADA.id}/presence`, sue)).json()).toMatchObject({
            statusMessage: { message: { content: 'On a customer call' } }
        });
        // a crashed writer cannot leave it behind: it expires on the virtual clock
        await h.control('POST', 'clock/advance', { duration: 'PT30M' });
        expect((await graph('/me/presence', ada)).json()).toMatchObject({ statusMessage: null });

        await graph('/me/presence/setStatusMessage', ada, {
            statusMessage: { message: { content: 'On a customer call', contentType: 'text' } }
        });
        expect(
            (
                await graph('/me/presence/setStatusMessage', ada, {
                    statusMessage: { message: { content: '', contentType: 'text' } }
                })
            ).status
        ).toBe(200);
        expect((await graph('/me/presence', ada)).json()).toMatchObject({ statusMessage: null });
    });

    it('lets the person type their own status message in Teams (control API) and checks setStatusMessage', async () => {
        await h.control('POST', `users/${ADA.id}/status-message`, { message: 'Back at 2' });
        expect((await graph('/me/presence', ada)).json()).toMatchObject({
            statusMessage: { message: { content: 'Back at 2' }, expiryDateTime: { timeZone: 'UTC' } }
        });
        // Presence.ReadWrite is required, and only for the signed-in user
        const readOnlyApp = '7c6b5a4f-3e2d-4c1b-9a0f-8e7d6c5b4a3f';
        await h.control('POST', 'idp/clients', {
            clientId: readOnlyApp,
            redirectUris: [redirectUri],
            permissions: ['Presence.Read']
        });
        const reader = (await tokenFor(ADA.upn, 'openid profile offline_access Presence.Read', readOnlyApp))
            .access_token;
        expect(String(decodeJwt(reader).scp)).toBe('Presence.Read');
        const readOnly = await graph('/me/presence/setStatusMessage', reader, {
            statusMessage: { message: { content: 'x', contentType: 'text' } }
        });
        expect(readOnly.status).toBe(403);
        const other = await graph(`/users/${BEN.id}/presence/setStatusMessage`, ada, {
            statusMessage: { message: { content: 'x', contentType: 'text' } }
        });
        expect(other.status).toBe(403);
        for (const body of [
            {},
            { statusMessage: { message: { content: 5 } } },
            {
                statusMessage: {
                    message: { content: 'x', contentType: 'text' },
                    expiryDateTime: { dateTime: 'tomorrow', timeZone: 'UTC' }
                }
            }
        ]) {
            const bad = await graph('/me/presence/setStatusMessage', ada, body);
            expect(bad.status).toBe(400);
            expect(bad.json<{ error: { code: string } }>().error.code).toBe('BadRequest');
        }
        // refused requests left the person's own message intact
        expect((await graph('/me/presence', ada)).json()).toMatchObject({
            statusMessage: { message: { content: 'Back at 2' } }
        });
    });

    it('follows the virtual clock: the Available session fades and expires', async () => {
        await graph(`/users/${ADA.id}/presence/setPresence`, ada, {
            sessionId: h.info.clientId,
            availability: 'Available',
            activity: 'Available',
            expirationDuration: 'PT15M'
        });
        await h.control('POST', 'clock/advance', { duration: 'PT5M' });
        expect((await graph('/me/presence', ada)).json()).toMatchObject({ activity: 'AvailableInactive' });
        await h.control('POST', 'clock/advance', { duration: 'PT5M' });
        expect((await graph('/me/presence', ada)).json()).toMatchObject({
            availability: 'Away',
            activity: 'Away'
        });
        await h.control('POST', 'clock/advance', { duration: 'PT5M' });
        expect((await graph('/me/presence', ada)).json()).toMatchObject({ availability: 'Offline' });
    });

    it('lets a person in Teams mask the app session (preferred and Teams client sessions)', async () => {
        await graph(`/users/${ADA.id}/presence/setPresence`, ada, {
            sessionId: h.info.clientId,
            availability: 'Available',
            activity: 'Available'
        });
        await h.control('POST', `users/${ADA.id}/call`, { inCall: true });
        expect((await graph('/me/presence', ada)).json()).toMatchObject({
            availability: 'Busy',
            activity: 'InACall'
        });
        await h.control('POST', `users/${ADA.upn}/manual-status`, { status: 'DoNotDisturb' });
        expect((await graph('/me/presence', ada)).json()).toMatchObject({ availability: 'DoNotDisturb' });
    });

    it('validates requests with Graph-shaped 400s', async () => {
        const cases: Array<[string, Record<string, unknown>]> = [
            ['setPresence', { sessionId: h.info.clientId, availability: 'Busy', activity: 'Busy' }],
            [
                'setPresence',
                {
                    sessionId: h.info.clientId,
                    availability: 'Busy',
                    activity: 'InACall',
                    expirationDuration: 'PT4M'
                }
            ],
            [
                'setPresence',
                {
                    sessionId: h.info.clientId,
                    availability: 'Busy',
                    activity: 'InACall',
                    expirationDuration: 'PT5H'
                }
            ],
            [
                'setPresence',
                { sessionId: '11111111-1111-1111-1111-111111111111', availability: 'Away', activity: 'Away' }
            ],
            ['setUserPreferredPresence', { availability: 'Busy', activity: 'InACall' }]
        ];
        for (const [action, body] of cases) {
            const res = await graph(`/users/${ADA.id}/presence/${action}`, ada, body);
            expect([action, res.status]).toEqual([action, 400]);
            expect(res.json<{ error: { code: string } }>().error.code).toBe('BadRequest');
        }
        const notJson = await h.request(`${h.info.urls.graphApi}/me/presence/setPresence`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${ada}`, 'Content-Type': 'application/json' },
            body: '{not json'
        });
        expect(notJson.status).toBe(400);
    });

    it("puts an app's every granted permission in every user's token: one app for agents and supervisors lets an agent read everyone", async () => {
        expect(String(decodeJwt(ada).scp).split(' ')).toContain('Presence.Read.All');
        expect((await graph(`/users/${BEN.id}/presence`, ada)).status).toBe(200);
    });

    it('checks the permissions each reference page lists: 403 without them or for another user', async () => {
        // the least-privilege set-up: the agents' app has only what agents need
        const agentApp = '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b';
        await h.control('POST', 'idp/clients', {
            clientId: agentApp,
            redirectUris: [redirectUri],
            permissions: ['Presence.Read', 'Presence.ReadWrite']
        });
        const agent = (await tokenFor(ADA.upn, undefined, agentApp)).access_token;
        expect(String(decodeJwt(agent).scp).split(' ').sort()).toEqual([
            'Presence.Read',
            'Presence.ReadWrite'
        ]);
        expect((await graph('/me/presence', agent)).status).toBe(200);
        expect((await graph(`/users/${BEN.id}/presence`, agent)).status).toBe(403);
        const forbidden = await graph('/communications/getPresencesByUserId', agent, { ids: [ADA.id] });
        expect(forbidden.status).toBe(403);
        expect(forbidden.json()).toMatchObject({ error: { code: 'Forbidden' } });

        // Get presence lists Presence.Read and Presence.Read.All, not Presence.ReadWrite
        const writeOnlyApp = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
        await h.control('POST', 'idp/clients', {
            clientId: writeOnlyApp,
            redirectUris: [redirectUri],
            permissions: ['Presence.ReadWrite']
        });
        const writeOnly = (
            await tokenFor(ADA.upn, 'openid profile offline_access Presence.ReadWrite', writeOnlyApp)
        ).access_token;
        expect(decodeJwt(writeOnly).scp).toBe('Presence.ReadWrite');
        expect((await graph('/me/presence', writeOnly)).status).toBe(403);

        expect(
            (
                await graph(`/users/${BEN.id}/presence/setPresence`, ada, {
                    sessionId: h.info.clientId,
                    availability: 'Away',
                    activity: 'Away'
                })
            ).status
        ).toBe(403);
        expect(
            (
                await graph(`/users/${ADA.id}/presence/setPresence`, sue, {
                    sessionId: h.info.clientId,
                    availability: 'Away',
                    activity: 'Away'
                })
            ).status
        ).toBe(403);
    });

    it('reads many users with getPresencesByUserId (at most 650 ids)', async () => {
        const { ids } = await h.control<{ ids: string[] }>('POST', 'population', { count: 651, seed: 7 });
        const ok = await graph('/communications/getPresencesByUserId', sue, { ids: ids.slice(0, 650) });
        expect(ok.status).toBe(200);
        expect(ok.json<{ value: unknown[] }>().value).toHaveLength(650);
        expect((await graph('/communications/getPresencesByUserId', sue, { ids })).status).toBe(400);
        expect((await graph(`/communications/presences/${ADA.id}`, sue)).status).toBe(200);
    });

    it('rejects missing, expired and foreign-signed tokens with 401 InvalidAuthenticationToken', async () => {
        const none = await graph('/me/presence', undefined);
        expect(none.status).toBe(401);
        expect(none.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
        expect(none.headers['www-authenticate']).toMatch(/^Bearer/);

        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        const claims = decodeJwt(ada);
        const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid: 'foreign' })}.${part(claims)}`;
        const foreign = `${unsigned}.${sign('sha256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
        expect((await graph('/me/presence', foreign)).status).toBe(401);

        await h.control('POST', 'clock/advance', { seconds: 3601 });
        const expired = await graph('/me/presence', ada);
        expect(expired.status).toBe(401);
        expect(expired.json<{ error: { message: string } }>().error.message).toMatch(/expired/);
    });

    it('throttles with 429 and Retry-After, logs requests, drops connections and fails with 5xx on demand', async () => {
        await h.control('DELETE', 'log');
        await h.control('POST', 'faults/throttle', { userId: ADA.upn, count: 1, retryAfterSeconds: 3 });
        const throttled = await graph('/me/presence', ada, undefined, h.info.urls.visualforce);
        expect(throttled.status).toBe(429);
        expect(throttled.headers['retry-after']).toBe('3');
        expect(throttled.headers['access-control-allow-origin']).toBe(h.info.urls.visualforce);
        expect(throttled.headers['access-control-expose-headers']).toMatch(/Retry-After/);
        expect((await graph('/me/presence', ada)).status).toBe(200);

        await h.control('POST', 'faults/error', { count: 1, status: 503 });
        expect((await graph('/me/presence', ada)).status).toBe(503);
        await h.control('POST', 'faults/drop', { count: 1 });
        await expect(graph('/me/presence', ada)).rejects.toThrow();
        expect((await graph('/me/presence', ada)).status).toBe(200);

        const log = await h.control<Array<{ status: number; userId?: string; fault?: string; path: string }>>(
            'GET',
            'log'
        );
        expect(log.map((e) => [e.status, e.fault ?? null])).toEqual([
            [429, 'throttle'],
            [200, null],
            [503, 'error'],
            [0, 'drop'],
            [200, null]
        ]);
        expect(log[0]).toMatchObject({ userId: ADA.id, path: '/v1.0/me/presence' });
    });

    it('answers CORS preflights for the Visualforce origin only', async () => {
        const preflight = (origin: string) =>
            h.request(`${h.info.urls.graphApi}/me/presence`, {
                method: 'OPTIONS',
                headers: {
                    Origin: origin,
                    'Access-Control-Request-Method': 'POST',
                    'Access-Control-Request-Headers': 'authorization,content-type'
                }
            });
        const ok = await preflight(h.info.urls.visualforce);
        expect(ok.status).toBe(204);
        expect(ok.headers['access-control-allow-origin']).toBe(h.info.urls.visualforce);
        expect(ok.headers['access-control-allow-headers']).toBe('authorization,content-type');
        expect(
            (await preflight('https://evil.example')).headers['access-control-allow-origin']
        ).toBeUndefined();
    });
});
