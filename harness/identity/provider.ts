/**
 * A real OpenID Connect provider (oidc-provider) shaped like Microsoft Entra ID v2 for one tenant:
 * `/<tenantId>/v2.0` issuer and discovery, `/<tenantId>/oauth2/v2.0/{authorize,token,logout}`,
 * `/<tenantId>/discovery/v2.0/keys`; authorization code + PKCE (S256) for public SPA clients,
 * refresh tokens, Entra's claims, JWT access tokens for Microsoft Graph, Entra-like errors.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { finished } from 'node:stream';
import { exportJWK, generateKeyPair, type JSONWebKeySet, type JWK } from 'jose';
import Provider, { interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Clock } from '../clock';
import type { Directory, DirectoryUser } from '../directory';
import { readBody, sendHtml, sendJson } from '../http/util';
import { consentPage, errorPage, loginPage, signOutPage } from './pages';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
/** The Cross-Origin-Opener-Policy of every page of the identity provider (see handle()). */
export const ENTRA_COOP = 'same-origin';
/** Delegated Graph permissions the emulated tenant knows (short form; the prefixed form works too). */
export const GRAPH_SCOPES = [
    'Presence.Read',
    'Presence.Read.All',
    'Presence.ReadWrite',
    'User.Read'
] as const;
const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'];
const ALL_RESOURCE_SCOPES = [...GRAPH_SCOPES, ...GRAPH_SCOPES.map((s) => `${GRAPH_RESOURCE}/${s}`)];

export interface ClientRegistration {
    /** Application (client) id, a GUID. */
    clientId: string;
    name?: string;
    /** SPA redirect URIs; matched exactly, as Entra does. */
    redirectUris: string[];
    postLogoutRedirectUris?: string[];
    /**
     * The platform its redirect URIs are registered under (default `spa`). A browser that redeems a code
     * of a `web` registration cross-origin gets AADSTS9002326, as from Entra.
     */
    platform?: 'spa' | 'web';
    /**
     * The delegated Microsoft Graph permissions configured on the registration and granted by an admin
     * for the whole tenant (short form, e.g. `Presence.Read`). Entra puts every one of them in `scp` of
     * every user's token for this app, requested or not. Default: DEFAULT_APP_PERMISSIONS.
     */
    permissions?: string[];
    /**
     * Whether an admin granted `permissions` for the whole tenant ("Grant admin consent for <tenant>";
     * default true). False: nobody is covered by a tenant-wide grant, and each user must consent on the
     * consent page (user consent, for that user only), as in a tenant where the admin has not consented.
     */
    adminConsent?: boolean;
}

/** One app for agents and supervisors: what agents and the Live Agent Dashboard together need. */
export const DEFAULT_APP_PERMISSIONS = ['Presence.Read', 'Presence.ReadWrite', 'Presence.Read.All'];

/**
 * Why Entra refuses a user's sign-in after the password: a Conditional Access policy that blocks it
 * (AADSTS53003) or an app with "Assignment required" the user is not assigned to (AADSTS50105).
 */
export type SignInBlock = 'conditionalAccess' | 'notAssigned';

export interface TokenLifetimes {
    accessTokenSeconds: number;
    refreshTokenSeconds: number;
    sessionSeconds: number;
}

export const DEFAULT_LIFETIMES: TokenLifetimes = {
    accessTokenSeconds: 3600,
    // Entra SPA refresh tokens live 24 h and are not extended by use.
    refreshTokenSeconds: 24 * 3600,
    sessionSeconds: 24 * 3600
};

export interface IdentityProviderOptions {
    /** e.g. https://login.microsoftonline.localhost:8443 */
    origin: string;
    tenantId: string;
    tenantName: string;
    directory: Directory;
    clients: readonly ClientRegistration[];
    clock: Clock;
    lifetimes?: Partial<TokenLifetimes>;
    /** Extra browser origins allowed to call the token endpoint (CORS). */
    corsOrigins: () => readonly string[];
}

/** The programmatic control of the identity provider (also under /_control/idp on the Graph host). */
export interface IdentityControl {
    readonly issuer: string;
    readonly authority: string;
    readonly tenantId: string;
    lifetimes(): TokenLifetimes;
    setLifetimes(lifetimes: Partial<TokenLifetimes>): TokenLifetimes;
    registerClient(client: ClientRegistration): Promise<void>;
    clients(): ClientRegistration[];
    /** Revokes every grant (and so every refresh token) of a user: the next refresh gets invalid_grant. */
    revokeRefreshTokens(user: string): Promise<number>;
    /** Ends the user's sign-in sessions: silent sign-in then needs interaction (login_required). */
    endSessions(user: string): Promise<number>;
    /** Whether the user has consented to the app(s); false brings back the consent page / AADSTS65001. */
    setConsent(user: string, granted: boolean): Promise<void>;
    /** Blocks (or, with null, unblocks) a user's sign-ins the way Entra does for the given cause. */
    setSignInBlock(user: string, block: SignInBlock | null): Promise<void>;
    /** Undoes every setSignInBlock. */
    clearSignInBlocks(): void;
}

export interface IdentityProvider {
    handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
    control: IdentityControl;
    /** The public signing keys (what /discovery/v2.0/keys serves). */
    jwks: JSONWebKeySet;
}

interface StoredEntry {
    payload: Record<string, unknown>;
    expiresAt?: number;
}

/**
 * An in-memory adapter that, unlike oidc-provider's development one, can be searched by account, and
 * keeps refresh tokens as Entra does ("Refresh tokens in the Microsoft identity platform"): a redeemed
 * refresh token is replaced by a new one but stays valid ("The Microsoft identity platform doesn't revoke
 * old refresh tokens when used to fetch new access tokens"), and every refresh token of one sign-in
 * expires when the first did (SPA: "Additional refresh tokens acquired using the initial refresh token
 * carry over that expiration time"), on the harness's virtual clock `now`.
 */
function createStore(now: () => number) {
    const data = new Map<string, StoredEntry>();
    const uids = new Map<string, string>();
    /** `${grantId}:${iiat}` of a sign-in's refresh tokens -> when they all expire (virtual ms) */
    const refreshChains = new Map<string, number>();
    const chainOf = (payload: Record<string, unknown>) =>
        `${String(payload.grantId)}:${String(payload.iiat)}`;
    // Expired refresh tokens are kept a while so that oidc-provider reports them as expired
    // (AADSTS700084), not as unknown (AADSTS50173).
    const grace = (k: string) => (k.startsWith('RefreshToken:') ? 24 * 3600 * 1000 : 0);
    const clockOf = (k: string) => (k.startsWith('RefreshToken:') ? now() : Date.now());
    const live = (k: string): StoredEntry | undefined => {
        const e = data.get(k);
        if (e && e.expiresAt !== undefined && e.expiresAt + grace(k) <= clockOf(k)) {
            data.delete(k);
            return undefined;
        }
        return e;
    };
    class MemoryAdapter {
        constructor(private readonly model: string) {}
        private k(id: string) {
            return `${this.model}:${id}`;
        }
        async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
            let expiresAt = expiresIn ? clockOf(this.k(id)) + expiresIn * 1000 : undefined;
            if (this.model === 'RefreshToken' && expiresAt !== undefined) {
                // a rotated refresh token keeps the expiry of the sign-in's first one
                const chain = chainOf(payload);
                expiresAt = refreshChains.get(chain) ?? expiresAt;
                refreshChains.set(chain, expiresAt);
            }
            data.set(this.k(id), {
                payload: { ...payload },
                ...(expiresAt === undefined ? {} : { expiresAt })
            });
            if (typeof payload.uid === 'string') {
                uids.set(`${this.model}:${payload.uid}`, id);
            }
        }
        async find(id: string) {
            const e = live(this.k(id));
            if (e && this.model === 'RefreshToken' && e.expiresAt !== undefined && e.expiresAt <= now()) {
                // expired on the virtual clock: oidc-provider checks `exp` against real time
                return { ...e.payload, exp: Math.floor(Date.now() / 1000) - 1 };
            }
            return e?.payload;
        }
        async findByUid(uid: string) {
            const id = uids.get(`${this.model}:${uid}`);
            return id ? this.find(id) : undefined;
        }
        async findByUserCode() {
            return undefined;
        }
        async consume(id: string) {
            // Entra keeps a redeemed refresh token valid after rotating it (see above)
            if (this.model === 'RefreshToken') return;
            const e = live(this.k(id));
            if (e) {
                e.payload.consumed = Math.floor(Date.now() / 1000);
            }
        }
        async destroy(id: string) {
            data.delete(this.k(id));
        }
        async revokeByGrantId(grantId: string) {
            for (const [k, e] of data) {
                if (e.payload.grantId === grantId) {
                    data.delete(k);
                }
            }
        }
    }
    /** Deletes the entries of the given models that belong to an account; returns how many. */
    function deleteForAccount(models: readonly string[], accountId: string): number {
        let n = 0;
        for (const [k, e] of data) {
            if (models.includes(k.slice(0, k.indexOf(':'))) && e.payload.accountId === accountId) {
                data.delete(k);
                n += 1;
            }
        }
        return n;
    }
    return { MemoryAdapter, deleteForAccount };
}

function shortScope(scope: string): string {
    return scope.startsWith(`${GRAPH_RESOURCE}/`) ? scope.slice(GRAPH_RESOURCE.length + 1) : scope;
}

/** The Graph permissions (short form) of a space-separated scope parameter. */
function requestedGraphScopes(scope: unknown): string[] {
    return String(scope ?? '')
        .split(' ')
        .filter((s) => ALL_RESOURCE_SCOPES.includes(s))
        .map(shortScope);
}

function base64url(value: string): string {
    return Buffer.from(value).toString('base64url');
}

/** Entra's token error body: error, error_description with the AADSTS code, error_codes, ids. */
function aadTokenError(error: string, code: number, message: string) {
    const traceId = randomUUID();
    return {
        error,
        error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${randomUUID()} Timestamp: ${new Date()
            .toISOString()
            .replace('T', ' ')
            .replace(/\.\d+Z$/, 'Z')}`,
        error_codes: [code],
        timestamp: new Date()
            .toISOString()
            .replace('T', ' ')
            .replace(/\.\d+Z$/, 'Z'),
        trace_id: traceId,
        correlation_id: randomUUID(),
        error_uri: `https://login.microsoftonline.com/error?code=${code}`
    };
}

/** Entra's AADSTS number and message of a blocked sign-in. */
function blockError(block: SignInBlock, upn: string, clientId: string): [number, string] {
    return block === 'conditionalAccess'
        ? [
              53003,
              'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.'
          ]
        : [
              50105,
              `Your administrator has configured the application ${clientId} to block users unless they are specifically granted ('assigned') access to the application. The signed in user '${upn}' is blocked because they are not a direct member of a group with access, nor had access directly assigned by an administrator. Please contact your administrator to assign access to this application.`
          ];
}

/** Maps oidc-provider's invalid_grant details to Entra's AADSTS codes. */
function mapGrantError(detail: string | undefined, lifetimes: TokenLifetimes): [number, string] {
    switch (detail) {
        case 'refresh token is expired':
            return [
                700084,
                `The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of ${lifetimes.refreshTokenSeconds} seconds, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page.`
            ];
        case 'grant not found':
        case 'refresh token not found':
        case 'refresh token is consumed':
            return [
                50173,
                'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.'
            ];
        case 'authorization code is expired':
        case 'authorization code not found':
            return [70008, 'The provided authorization code or refresh token has expired due to inactivity.'];
        case 'authorization code already consumed':
            return [
                54005,
                'OAuth2 Authorization code was already redeemed, please retry with a new valid code.'
            ];
        case 'code_verifier does not match code_challenge':
        case 'code_verifier must be provided':
            return [
                501481,
                'The Code_Verifier does not match the code_challenge supplied in the authorization request.'
            ];
        case 'authorization code redirect_uri mismatch':
            return [50011, 'The redirect URI does not match the one used in the authorization request.'];
        default:
            return [
                70000,
                `The request was denied because one or more scopes requested are unauthorized or expired. (${detail ?? 'invalid_grant'})`
            ];
    }
}

export async function createIdentityProvider(options: IdentityProviderOptions): Promise<IdentityProvider> {
    const { directory, clock, tenantId } = options;
    const issuer = `${options.origin}/${tenantId}/v2.0`;
    const authority = `${options.origin}/${tenantId}`;
    const lifetimes: TokenLifetimes = { ...DEFAULT_LIFETIMES, ...options.lifetimes };
    const registrations = new Map<string, ClientRegistration>();
    /** `${oid}:${clientId}` for users without tenant-wide consent who accepted the consent page. */
    const consents = new Map<string, Set<string>>();
    /** user object id -> why Entra refuses their sign-ins */
    const blocks = new Map<string, SignInBlock>();
    const { MemoryAdapter, deleteForAccount } = createStore(() => clock.now());

    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const privateJwk: JWK = { ...(await exportJWK(privateKey)), use: 'sig', alg: 'RS256' };
    privateJwk.kid = createHash('sha256').update(String(privateJwk.n)).digest('base64url').slice(0, 27);
    const publicJwk: JWK = {
        kty: privateJwk.kty,
        n: privateJwk.n,
        e: privateJwk.e,
        kid: privateJwk.kid,
        use: 'sig',
        alg: 'RS256'
    };
    const jwks: JSONWebKeySet = { keys: [publicJwk] };

    const loginHintOf = (u: DirectoryUser) =>
        base64url(JSON.stringify({ oid: u.id, tid: tenantId, upn: u.userPrincipalName }));
    const matchesHint = (u: DirectoryUser, hint: string) => {
        const h = hint.toLowerCase();
        return (
            h === u.userPrincipalName.toLowerCase() ||
            h === u.mail.toLowerCase() ||
            h === u.id ||
            hint === loginHintOf(u)
        );
    };
    /**
     * The registration's permissions an admin granted for the whole tenant, as far as they reach this
     * user: nothing when the registration has no admin consent, or the user is one the harness keeps
     * without consent (`consentGranted: false`, e.g. Nico Newcomer).
     */
    const tenantScopes = (accountId: string, clientId: string): string[] => {
        const registration = registrations.get(clientId.toLowerCase());
        if (registration?.adminConsent === false || directory.find(accountId)?.consentGranted !== true) {
            return [];
        }
        return registration?.permissions ?? DEFAULT_APP_PERMISSIONS;
    };
    /**
     * Every delegated Graph permission the user may use through the app: the tenant-wide admin consent
     * of its configured permissions, plus what the user consented to themselves. Entra issues all of
     * them in `scp`, not only the requested ones ("Scopes and permissions in the Microsoft identity
     * platform", https://learn.microsoft.com/entra/identity-platform/scopes-oidc).
     */
    const consentedScopes = (accountId: string, clientId: string): string[] => [
        ...tenantScopes(accountId, clientId),
        ...(consents.get(`${accountId}:${clientId}`) ?? [])
    ];
    /**
     * Whether the user may get a token for these requested scopes without the consent page: some consent
     * exists (tenant-wide or their own) and it covers every requested Graph permission. A permission
     * nobody consented to needs consent, interactively (Entra: "Permissions and consent", incremental
     * consent), even for a user whom the tenant's admin consent covers for the others.
     */
    const consented = (accountId: string, clientId: string, scope?: unknown): boolean => {
        const granted = new Set(consentedScopes(accountId, clientId));
        const any = tenantScopes(accountId, clientId).length > 0 || consents.has(`${accountId}:${clientId}`);
        return any && requestedGraphScopes(scope).every((s) => granted.has(s));
    };

    const { Prompt, Check, base } = interactionPolicy;
    const policy = base();
    policy.clear();
    policy.add(
        new Prompt(
            { name: 'login', requestable: true },
            (ctx: KoaContextWithOIDC) => ({
                ...(ctx.oidc.params?.login_hint === undefined
                    ? {}
                    : { login_hint: ctx.oidc.params.login_hint })
            }),
            new Check(
                'no_session',
                'AADSTS50058: A silent sign-in request was sent but no user is signed in.',
                (ctx: KoaContextWithOIDC) =>
                    ctx.oidc.session?.accountId ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT
            ),
            new Check(
                'login_hint_mismatch',
                'AADSTS50058: A silent sign-in request was sent but none of the currently signed in user(s) match the requested login hint.',
                (ctx: KoaContextWithOIDC) => {
                    const hint = ctx.oidc.params?.login_hint;
                    const accountId = ctx.oidc.session?.accountId;
                    if (typeof hint !== 'string' || !hint || !accountId || ctx.oidc.result?.login) {
                        return Check.NO_NEED_TO_PROMPT;
                    }
                    const user = directory.find(accountId);
                    return user && matchesHint(user, hint) ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
                }
            )
        )
    );
    policy.add(
        new Prompt(
            { name: 'consent', requestable: true },
            new Check(
                'consent_missing',
                'AADSTS65001: The user or administrator has not consented to use the application. Send an interactive authorization request for this user and resource.',
                (ctx: KoaContextWithOIDC) => {
                    const accountId = ctx.oidc.session?.accountId;
                    const clientId = ctx.oidc.client?.clientId;
                    return accountId &&
                        clientId &&
                        consented(accountId, clientId, ctx.oidc.params?.scope) &&
                        ctx.oidc.grant
                        ? Check.NO_NEED_TO_PROMPT
                        : Check.REQUEST_PROMPT;
                }
            )
        )
    );

    /** Adds the requested OIDC and Graph scopes to a grant (Entra: consented permissions). */
    function addScopes(grant: InstanceType<Provider['Grant']>, scope: unknown) {
        const requested = String(scope ?? '')
            .split(' ')
            .filter(Boolean);
        const oidc = requested.filter((s) => OIDC_SCOPES.includes(s));
        const graph = requested.filter((s) => ALL_RESOURCE_SCOPES.includes(s));
        grant.addOIDCScope(['openid', ...oidc].join(' '));
        if (graph.length) {
            grant.addResourceScope(GRAPH_RESOURCE, graph.join(' '));
        }
    }

    const configuration: Configuration = {
        adapter: MemoryAdapter as unknown as Configuration['adapter'],
        jwks: { keys: [privateJwk as never] },
        cookies: {
            keys: [randomBytes(32).toString('hex')],
            // Entra's cookies are SameSite=None so that silent sign-in works in a cross-site iframe.
            long: { httpOnly: true, sameSite: 'none', secure: true, signed: true },
            short: { httpOnly: true, sameSite: 'none', secure: true, signed: true }
        },
        routes: {
            authorization: '/oauth2/v2.0/authorize',
            token: '/oauth2/v2.0/token',
            end_session: '/oauth2/v2.0/logout',
            jwks: '/discovery/v2.0/keys',
            userinfo: '/oidc/userinfo',
            revocation: '/oauth2/v2.0/revoke'
        },
        scopes: OIDC_SCOPES,
        claims: {
            openid: ['sub', 'oid', 'tid', 'ver', 'login_hint'],
            profile: ['name', 'preferred_username'],
            email: ['email']
        },
        conformIdTokenClaims: false,
        responseTypes: ['code'],
        clientDefaults: {
            grant_types: ['authorization_code', 'refresh_token'],
            response_types: ['code'],
            token_endpoint_auth_method: 'none',
            id_token_signed_response_alg: 'RS256'
        },
        features: {
            devInteractions: { enabled: false },
            // Entra has no pushed authorization requests.
            pushedAuthorizationRequests: { enabled: false },
            revocation: { enabled: true },
            rpInitiatedLogout: {
                enabled: true,
                logoutSource: async (ctx, form) => {
                    ctx.type = 'html';
                    ctx.body = signOutPage(form);
                }
            },
            resourceIndicators: {
                enabled: true,
                defaultResource: async () => GRAPH_RESOURCE,
                useGrantedResource: async () => true,
                getResourceServerInfo: async () => ({
                    scope: ALL_RESOURCE_SCOPES.join(' '),
                    audience: GRAPH_RESOURCE,
                    accessTokenTTL: lifetimes.accessTokenSeconds,
                    accessTokenFormat: 'jwt',
                    jwt: { sign: { alg: 'RS256' } }
                })
            }
        } as Configuration['features'],
        formats: {
            customizers: {
                // Entra's Graph access token claims, stamped in the harness's virtual time so that
                // the Graph emulator (which validates on the same clock) sees a fresh token.
                jwt: async (_ctx, token, parts) => {
                    const payload = parts.payload as Record<string, unknown>;
                    const accountId = 'accountId' in token ? token.accountId : undefined;
                    const user = accountId ? directory.find(accountId) : undefined;
                    const iat = Math.floor(clock.now() / 1000);
                    const ttl = Number(payload.exp) - Number(payload.iat);
                    const clientId = String(payload.client_id);
                    const scp = [
                        ...String(payload.scope ?? '')
                            .split(' ')
                            .filter((s) => ALL_RESOURCE_SCOPES.includes(s))
                            .map(shortScope),
                        ...(accountId ? consentedScopes(accountId, clientId) : [])
                    ];
                    delete payload.scope;
                    delete payload.client_id;
                    Object.assign(payload, {
                        iat,
                        nbf: iat,
                        exp: iat + ttl,
                        scp: [...new Set(scp)].join(' '),
                        azp: clientId,
                        appid: clientId,
                        azpacr: '0',
                        tid: tenantId,
                        ver: '2.0',
                        idtyp: 'user',
                        ...(user
                            ? {
                                  oid: user.id,
                                  name: user.displayName,
                                  preferred_username: user.userPrincipalName,
                                  upn: user.userPrincipalName
                              }
                            : {})
                    });
                }
            }
        },
        ttl: {
            AccessToken: () => lifetimes.accessTokenSeconds,
            AuthorizationCode: () => 600,
            IdToken: () => 3600,
            RefreshToken: () => lifetimes.refreshTokenSeconds,
            Session: () => lifetimes.sessionSeconds,
            Grant: () => 14 * 24 * 3600,
            Interaction: () => 3600
        },
        // Entra returns a new refresh token at every redemption; the store keeps the old one valid and
        // the expiry of the first ("Refresh tokens in the Microsoft identity platform")
        rotateRefreshToken: () => true,
        issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
        expiresWithSession: async () => false,
        clientBasedCORS: (_ctx, origin, client) =>
            client.redirectUris?.some((uri) => new URL(uri).origin === origin) === true ||
            options.corsOrigins().includes(origin),
        findAccount: async (_ctx, sub) => {
            const user = directory.find(sub);
            if (!user) {
                return undefined;
            }
            return {
                accountId: user.id,
                claims: async () => ({
                    sub: user.id,
                    oid: user.id,
                    tid: tenantId,
                    ver: '2.0',
                    name: user.displayName,
                    preferred_username: user.userPrincipalName,
                    email: user.mail,
                    login_hint: loginHintOf(user)
                })
            };
        },
        loadExistingGrant: async (ctx) => {
            const accountId = ctx.oidc.session?.accountId;
            const client = ctx.oidc.client;
            if (!accountId || !client || !consented(accountId, client.clientId, ctx.oidc.params?.scope)) {
                return undefined;
            }
            const grantId =
                ctx.oidc.result?.consent?.grantId || ctx.oidc.session?.grantIdFor(client.clientId);
            const grant =
                (grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined) ??
                new ctx.oidc.provider.Grant({ accountId, clientId: client.clientId });
            addScopes(grant, ctx.oidc.params?.scope);
            await grant.save();
            return grant;
        },
        interactions: {
            policy,
            url: async (_ctx, interaction) => `/${tenantId}/interaction/${interaction.uid}`
        },
        renderError: async (ctx, out) => {
            const requestId = randomUUID();
            const params = (ctx.oidc?.params ?? {}) as Record<string, unknown>;
            let code = 'AADSTS900144';
            let message = `${out.error}: ${out.error_description ?? ''}`;
            if (out.error === 'invalid_redirect_uri') {
                code = 'AADSTS50011';
                message = `The redirect URI '${String(params.redirect_uri ?? '')}' specified in the request does not match the redirect URIs configured for the application '${String(params.client_id ?? '')}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`;
            } else if (out.error === 'invalid_client') {
                code = 'AADSTS700016';
                message = `Application with identifier '${String(params.client_id ?? '')}' was not found in the directory '${options.tenantName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`;
            }
            ctx.type = 'html';
            ctx.body = errorPage(code, message, requestId);
        }
    };

    const provider = new Provider(issuer, configuration);
    // Entra's token response extras, and AADSTS codes on token errors.
    provider.on('grant.error', (ctx: KoaContextWithOIDC, error: { error_detail?: string }) => {
        ctx.state.grantErrorDetail = error.error_detail;
    });
    provider.use(async (ctx, next) => {
        await next();
        if (ctx.oidc?.route !== 'token' || typeof ctx.body !== 'object' || ctx.body === null) {
            return;
        }
        const body = ctx.body as Record<string, unknown>;
        if (ctx.status === 200 && typeof body.access_token === 'string') {
            const claims = JSON.parse(
                Buffer.from(body.access_token.split('.')[1] ?? '', 'base64url').toString()
            );
            const block = blocks.get(String(claims.oid));
            if (block !== undefined) {
                // Entra evaluates the policy at every token issuance, a refresh included
                const [code, message] = blockError(block, String(claims.upn), String(claims.azp));
                ctx.status = 400;
                ctx.body = aadTokenError('invalid_grant', code, message);
                return;
            }
            body.client_info = base64url(JSON.stringify({ uid: claims.oid, utid: claims.tid }));
            body.ext_expires_in = body.expires_in;
            if (typeof body.scope === 'string') {
                body.scope = body.scope
                    .split(' ')
                    .filter((s) => s !== 'offline_access')
                    .join(' ');
            }
        } else if (
            ctx.status === 400 &&
            body.error === 'invalid_scope' &&
            ctx.oidc.params?.grant_type === 'refresh_token'
        ) {
            // Entra: scopes the user has not consented to need interaction.
            ctx.body = aadTokenError(
                'invalid_grant',
                65001,
                'The user or administrator has not consented to use the application. Send an interactive authorization request for this user and resource.'
            );
            ctx.body = { ...(ctx.body as object), suberror: 'consent_required' };
        } else if (ctx.status === 400 && body.error === 'invalid_grant') {
            const [code, message] = mapGrantError(
                ctx.state.grantErrorDetail as string | undefined,
                lifetimes
            );
            ctx.body = aadTokenError('invalid_grant', code, message);
        }
    });

    /**
     * Entra redeems a refresh token for any permission consented for the user and app, not only the
     * ones of the first sign-in ("Refresh tokens in the Microsoft identity platform": a client can use a
     * refresh token to acquire access tokens "where it has permission to do so"). oidc-provider refuses
     * scopes the refresh token lacks, so consented ones are added to it and its grant first; others
     * stay refused (AADSTS65001, consent_required).
     */
    async function widenRefreshToken(value: string, scope: string): Promise<void> {
        const token = await provider.RefreshToken.find(value).catch(() => undefined);
        const graph = requestedGraphScopes(scope);
        if (!token || graph.length === 0 || !token.accountId || !token.clientId) return;
        const granted = new Set(consentedScopes(token.accountId, token.clientId));
        if (!graph.every((s) => granted.has(s))) return;
        const grant = token.grantId ? await provider.Grant.find(token.grantId) : undefined;
        if (!grant) return;
        addScopes(grant, scope);
        await grant.save();
        const scopes = new Set([...String(token.scope ?? '').split(' '), ...scope.split(' ')]);
        token.scope = [...scopes].filter(Boolean).join(' ');
        await token.save();
    }

    async function registerClient(c: ClientRegistration): Promise<void> {
        registrations.set(c.clientId.toLowerCase(), c);
        await new MemoryAdapter('Client').upsert(c.clientId, {
            client_id: c.clientId,
            client_name: c.name ?? 'Presence Sync',
            application_type: 'web',
            redirect_uris: c.redirectUris,
            post_logout_redirect_uris: c.postLogoutRedirectUris ?? c.redirectUris,
            grant_types: ['authorization_code', 'refresh_token'],
            response_types: ['code'],
            token_endpoint_auth_method: 'none'
        });
    }
    for (const c of options.clients) {
        await registerClient(c);
    }

    const callback = provider.callback();
    const pickable = () =>
        directory
            .all()
            .filter((u) => !/^agent\d{4}@/.test(u.userPrincipalName))
            .slice(0, 20);

    async function interaction(req: IncomingMessage, res: ServerResponse, rest: string[]): Promise<void> {
        const details = await provider.interactionDetails(req, res);
        const action = `/${tenantId}/interaction/${details.uid}`;
        const params = details.params as Record<string, string | undefined>;
        const step = rest[2];
        if (req.method === 'GET' && step === undefined) {
            if (details.prompt.name === 'consent') {
                const user = directory.get(String(details.session?.accountId));
                const client = registrations.get(String(params.client_id).toLowerCase());
                sendHtml(
                    res,
                    200,
                    consentPage({
                        action: `${action}/consent`,
                        appName: client?.name ?? String(params.client_id),
                        user,
                        scopes: String(params.scope ?? '')
                            .split(' ')
                            .filter(Boolean)
                    })
                );
                return;
            }
            sendHtml(
                res,
                200,
                loginPage({
                    action: `${action}/login`,
                    tenantName: options.tenantName,
                    ...(params.login_hint ? { loginHint: params.login_hint } : {}),
                    accounts: pickable()
                })
            );
            return;
        }
        if (req.method !== 'POST') {
            sendJson(res, 405, { error: 'method not allowed' });
            return;
        }
        const form = new URLSearchParams(await readBody(req));
        // Entra's sign-in page has no Cancel (closing the window is the only way out, and it answers
        // nothing); its consent page has one, which returns AADSTS65004 to the app
        if (step === 'consent' && form.get('cancel')) {
            await provider.interactionFinished(
                req,
                res,
                {
                    error: 'access_denied',
                    error_description: 'AADSTS65004: User declined to consent to access the app.'
                },
                { mergeWithLastSubmission: false }
            );
            return;
        }
        if (step === 'login') {
            const pick = form.get('pick');
            const login = form.get('login') ?? '';
            const user = directory.find(pick ?? login);
            const fail = (error: string) =>
                sendHtml(
                    res,
                    200,
                    loginPage({
                        action: `${action}/login`,
                        tenantName: options.tenantName,
                        loginHint: login,
                        error,
                        accounts: pickable()
                    })
                );
            if (!user) {
                fail(
                    `AADSTS50034: The user account ${login} does not exist in the ${options.tenantName} directory.`
                );
                return;
            }
            if (!pick && form.get('password') !== user.password) {
                fail('AADSTS50126: Error validating credentials due to invalid username or password.');
                return;
            }
            const block = blocks.get(user.id);
            if (block !== undefined) {
                // after the password, Entra returns the refusal to the app's redirect URI
                const [code, message] = blockError(block, user.userPrincipalName, String(params.client_id));
                await provider.interactionFinished(
                    req,
                    res,
                    { error: 'access_denied', error_description: `AADSTS${code}: ${message}` },
                    { mergeWithLastSubmission: false }
                );
                return;
            }
            await provider.interactionFinished(
                req,
                res,
                { login: { accountId: user.id, amr: ['pwd'] } },
                { mergeWithLastSubmission: false }
            );
            return;
        }
        if (step === 'consent') {
            const accountId = String(details.session?.accountId);
            const clientId = String(params.client_id);
            const graphScopes = String(params.scope ?? '')
                .split(' ')
                .filter((scope) => ALL_RESOURCE_SCOPES.includes(scope))
                .map(shortScope);
            const key = `${accountId}:${clientId}`;
            consents.set(key, new Set([...(consents.get(key) ?? []), ...graphScopes]));
            const grant = details.grantId
                ? ((await provider.Grant.find(details.grantId)) ??
                  new provider.Grant({ accountId, clientId }))
                : new provider.Grant({ accountId, clientId });
            addScopes(grant, params.scope);
            const grantId = await grant.save();
            await provider.interactionFinished(
                req,
                res,
                { consent: { grantId } },
                { mergeWithLastSubmission: true }
            );
            return;
        }
        sendJson(res, 404, { error: 'not found' });
    }

    function tenantError(res: ServerResponse, url: URL, tenant: string): void {
        const message = `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`;
        if (/\/authorize$/i.test(url.pathname)) {
            sendHtml(res, 400, errorPage('AADSTS90002', message, randomUUID()));
        } else {
            sendJson(res, 400, aadTokenError('invalid_tenant', 90002, message), {
                'Access-Control-Allow-Origin': '*'
            });
        }
    }

    async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
        // Entra serves its sign-in pages with a Cross-Origin-Opener-Policy ("Microsoft Entra ID has COOP
        // enabled by default", MSAL Browser v4 to v5 migration guide, which names `same-origin` as its
        // example): the popup's opener is cut as soon as the sign-in page loads, and only a redirect
        // bridge on the app's own origin can hand the response back (docs/harness.md, sections 3 and 6)
        res.setHeader('Cross-Origin-Opener-Policy', ENTRA_COOP);
        const segments = url.pathname.split('/').filter(Boolean);
        const [tenant, ...rest] = segments;
        if (tenant === undefined) {
            sendHtml(res, 404, errorPage('AADSTS90002', 'No tenant in the request path.', randomUUID()));
            return;
        }
        if (tenant === 'common' && rest.join('/') === 'discovery/instance') {
            const host = new URL(options.origin).host;
            sendJson(
                res,
                200,
                {
                    tenant_discovery_endpoint: `${issuer}/.well-known/openid-configuration`,
                    'api-version': '1.1',
                    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }]
                },
                { 'Access-Control-Allow-Origin': '*' }
            );
            return;
        }
        if (tenant.toLowerCase() !== tenantId.toLowerCase()) {
            tenantError(res, url, tenant);
            return;
        }
        if (rest[0] === 'interaction') {
            try {
                await interaction(req, res, rest);
            } catch (e) {
                sendHtml(
                    res,
                    400,
                    errorPage(
                        'AADSTS900561',
                        `The sign-in session is invalid or has expired (${(e as Error).message}).`,
                        randomUUID()
                    )
                );
            }
            return;
        }
        let inner = `/${rest.join('/')}`;
        if (inner === '/v2.0/.well-known/openid-configuration') {
            inner = '/.well-known/openid-configuration';
        }
        // oidc-provider derives its endpoint URLs from the part of originalUrl before req.url.
        const shaped = req as IncomingMessage & { originalUrl?: string; body?: Record<string, string> };
        if (req.method === 'POST' && inner === '/oauth2/v2.0/token') {
            // Entra ignores offline_access on a refresh; oidc-provider would reject it as a scope the
            // refresh token lacks (a silent prompt=none sign-in drops it). Read the body here and hand
            // oidc-provider the parsed form (it accepts a pre-parsed req.body).
            const form = new URLSearchParams(await readBody(req));
            const origin = req.headers.origin;
            const registration = registrations.get(String(form.get('client_id')).toLowerCase());
            if (origin !== undefined && registration?.platform === 'web') {
                // Entra redeems a browser's (cross-origin) request only for SPA redirect URIs
                sendJson(
                    res,
                    400,
                    aadTokenError(
                        'invalid_request',
                        9002326,
                        `Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '${origin}'.`
                    ),
                    { 'Access-Control-Allow-Origin': '*' }
                );
                return;
            }
            if (form.get('grant_type') === 'refresh_token' && form.has('scope')) {
                form.set(
                    'scope',
                    String(form.get('scope'))
                        .split(' ')
                        .filter((s) => s && s !== 'offline_access')
                        .join(' ')
                );
                await widenRefreshToken(String(form.get('refresh_token')), String(form.get('scope')));
            }
            shaped.body = Object.fromEntries(form);
        }
        shaped.originalUrl = `/${tenantId}${inner}${url.search}`;
        shaped.url = `${inner}${url.search}`;
        await new Promise<void>((resolve) => {
            // finished() also answers for a response whose connection closed before this line (the
            // browser context went while the token request's body was read above): a 'close' listener
            // added now would never fire, and the request would stay in hand for ever
            finished(res, () => resolve());
            void callback(req, res);
        });
    }

    const control: IdentityControl = {
        issuer,
        authority,
        tenantId,
        lifetimes: () => ({ ...lifetimes }),
        setLifetimes(next) {
            for (const [k, v] of Object.entries(next)) {
                if (v !== undefined) {
                    if (!Number.isFinite(v) || v <= 0) {
                        throw new RangeError(`${k} must be a positive number of seconds`);
                    }
                    lifetimes[k as keyof TokenLifetimes] = v;
                }
            }
            return { ...lifetimes };
        },
        registerClient,
        clients: () => [...registrations.values()],
        async revokeRefreshTokens(userName) {
            const user = directory.get(userName);
            return deleteForAccount(['Grant', 'RefreshToken', 'AuthorizationCode'], user.id);
        },
        async endSessions(userName) {
            const user = directory.get(userName);
            return deleteForAccount(['Session'], user.id);
        },
        async setSignInBlock(userName, block) {
            const user = directory.get(userName);
            if (block === null) blocks.delete(user.id);
            else blocks.set(user.id, block);
        },
        clearSignInBlocks() {
            blocks.clear();
        },
        async setConsent(userName, granted) {
            const user = directory.get(userName);
            user.consentGranted = granted;
            if (!granted) {
                for (const k of [...consents.keys()]) {
                    if (k.startsWith(`${user.id}:`)) {
                        consents.delete(k);
                    }
                }
                deleteForAccount(['Grant', 'RefreshToken'], user.id);
            }
        }
    };

    return { handle, control, jwks };
}
