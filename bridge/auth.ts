/*
 * MSAL v5 inside the bridge frame: silent-only token acquisition for background work, one interactive
 * popup for the Connect button, and the account check (the signed-in account must be the agent's email).
 * MSAL is reached only through the MsalClient interface, so tests substitute it at that boundary.
 */
import type {
    AccountInfo,
    AuthenticationResult,
    Configuration,
    PopupRequest,
    SilentRequest,
    SsoSilentRequest
} from '@azure/msal-browser';
import type {
    AccountSummary,
    BridgeError,
    Role
} from '../force-app/main/default/lwc/presenceSyncBridgeProtocol/presenceSyncBridgeProtocol';
import type { BridgeSettings } from './settings';

/** The part of PublicClientApplication the bridge uses. */
export interface MsalClient {
    initialize(): Promise<void>;
    getAllAccounts(): AccountInfo[];
    setActiveAccount(account: AccountInfo | null): void;
    acquireTokenSilent(request: SilentRequest): Promise<TokenResult>;
    ssoSilent(request: SsoSilentRequest): Promise<TokenResult>;
    acquireTokenPopup(request: PopupRequest): Promise<TokenResult>;
    clearCache(request?: { account?: AccountInfo | null }): Promise<void>;
}

export type TokenResult = Pick<AuthenticationResult, 'accessToken' | 'account' | 'idTokenClaims'> & {
    expiresOn?: Date | null;
};

/**
 * A verified token is reused from memory until this long before it expires; inside that window MSAL's
 * own silent renewal runs (MSAL renews 5 minutes before expiry by default). Saves MSAL's per-request
 * cache lookup, which was most of the bridge's overhead per Graph call (npm run bench).
 */
export const TOKEN_REUSE_MARGIN_MS = 5 * 60 * 1000;

export interface AuthInit {
    clientId: string;
    tenantId: string;
    loginHint: string;
    role: Role;
    /** the Entra object id pinned at the first Connect: then only this account is the agent's */
    accountId?: string;
}

export type AuthOutcome =
    { ok: true; accessToken: string; account: AccountSummary } | { ok: false; error: BridgeError };

/**
 * What each role's calls need, by their reference pages: agents read their own presence (Get presence:
 * Presence.Read, https://learn.microsoft.com/graph/api/presence-get) and write it (setPresence and the
 * others: Presence.ReadWrite); supervisors read everyone's (getPresencesByUserId: Presence.Read.All).
 */
export function scopesFor(role: Role): string[] {
    return role === 'supervisor' ? ['Presence.Read.All'] : ['Presence.Read', 'Presence.ReadWrite'];
}

/** The sign-in window may stay open this long (typing a password, MFA); closing it is seen only then. */
export const POPUP_TIMEOUT_MS = 120000;

/**
 * MSAL configuration of the bridge.
 * - Public client (SPA): PKCE, no secret. Authority from the tenant id.
 * - redirectUri is the bridge page itself; its popup/iframe loads hand the response back over
 *   BroadcastChannel (broadcastResponseToMainFrame), as MSAL v5 requires.
 * - sessionStorage: tokens stay in the Visualforce origin's storage (the Lightning page cannot read it),
 *   survive a reload of the console tab (no new Connect click after F5), and end with the tab. Other
 *   Visualforce pages of the org's own namespace share that origin: the trade-off is in
 *   docs/architecture.md, "Where the tokens are kept".
 * - navigatePopups stays true (the default): the bridge is not under Lightning Web Security, so MSAL
 *   may open about:blank synchronously inside the click and navigate it, which popup blockers accept.
 * - knownAuthorities only for the harness identity provider (no instance discovery against it).
 */
export function msalConfiguration(settings: BridgeSettings, init: AuthInit): Configuration {
    const authorityHost = new URL(settings.authorityHost).host;
    return {
        auth: {
            clientId: init.clientId,
            authority: `${settings.authorityHost}/${init.tenantId}`,
            redirectUri: settings.redirectUri,
            postLogoutRedirectUri: null,
            ...(settings.harness ? { knownAuthorities: [authorityHost] } : {})
        },
        cache: { cacheLocation: 'sessionStorage' },
        system: {
            popupBridgeTimeout: POPUP_TIMEOUT_MS,
            loggerOptions: { piiLoggingEnabled: false }
        }
    };
}

function errorCodeOf(error: unknown): string {
    if (typeof error === 'object' && error !== null) {
        const record = error as { errorCode?: unknown; subError?: unknown };
        if (typeof record.errorCode === 'string' && record.errorCode !== '') return record.errorCode;
    }
    return 'unknown';
}

function messageOf(error: unknown): string {
    if (typeof error !== 'object' || error === null) return '';
    const record = error as { errorMessage?: unknown; subError?: unknown };
    return [record.errorMessage, record.subError].filter((v) => typeof v === 'string').join(' ');
}

const INTERACTION_REQUIRED = new Set([
    'interaction_required',
    'login_required',
    'no_tokens_found',
    'refresh_token_expired',
    'bad_token',
    'ui_not_allowed',
    'interrupted_user',
    'native_account_unavailable',
    'invalid_grant',
    'no_account_error',
    'user_cancelled',
    'user_canceled',
    'popup_window_error',
    'empty_window_error',
    'interaction_in_progress',
    'interaction_in_progress_cancelled'
]);
const NETWORK = new Set([
    'no_network_connectivity',
    'post_request_failed',
    'get_request_failed',
    'network_error',
    'endpoints_resolution_error',
    'openid_config_error'
]);
const CONFIGURATION = new Set([
    'invalid_client',
    'unauthorized_client',
    'invalid_request',
    'invalid_scope',
    'unsupported_response_type',
    'invalid_resource'
]);

/**
 * Entra's error number of an MSAL error: MSAL's ServerError / InteractionRequiredAuthError carry it as
 * `errorNo` (from `error_codes` of a token response, or the `code=` of `error_uri` of an authorization
 * response), and Entra's `error_description` starts with "AADSTSnnnn:", which MSAL keeps in
 * `errorMessage` (an authorization response without `error_uri` has only that).
 */
export function entraCodeOf(error: unknown): number | null {
    if (typeof error !== 'object' || error === null) return null;
    const record = error as { errorNo?: unknown; errorMessage?: unknown };
    const fromNumber =
        typeof record.errorNo === 'number' || typeof record.errorNo === 'string'
            ? String(record.errorNo)
            : '';
    if (/^\d{1,8}$/.test(fromNumber)) return Number(fromNumber);
    const match =
        typeof record.errorMessage === 'string' ? /AADSTS(\d{1,8})\b/.exec(record.errorMessage) : null;
    return match ? Number(match[1]) : null;
}

/** Entra numbers that say what went wrong better than the OAuth error string does. */
const CONSENT_CODES = new Set([65001, 65004]);
const SIGN_IN_BLOCKED_CODES = new Set([53003, 50105, 50020]);
const REGISTRATION_CODES = new Set([9002326, 50011, 90002, 700016]);

/**
 * Maps an MSAL error to a BridgeError by its errorCode (v5 messages are only links) and Entra's error
 * number. The detail is the errorCode and `entraCode` the AADSTS number: never a token, never an
 * account name.
 */
export function mapMsalError(error: unknown): BridgeError {
    const code = errorCodeOf(error);
    const entraCode = entraCodeOf(error);
    const mapped = (kind: BridgeError['kind']): BridgeError =>
        entraCode === null ? { kind, detail: code } : { kind, detail: code, entraCode };
    if (entraCode !== null) {
        if (CONSENT_CODES.has(entraCode)) return mapped('consentRequired');
        if (SIGN_IN_BLOCKED_CODES.has(entraCode)) return mapped('signInRequired');
        if (REGISTRATION_CODES.has(entraCode)) return mapped('invalidRequest');
    }
    const text = messageOf(error);
    if (code === 'consent_required' || /consent_required/.test(text)) {
        return mapped('consentRequired');
    }
    if (code === 'timed_out' || code === 'monitor_window_timeout' || code === 'native_handshake_timeout') {
        return mapped('timeout');
    }
    if (INTERACTION_REQUIRED.has(code) || code === 'access_denied') return mapped('signInRequired');
    if (NETWORK.has(code)) return mapped('network');
    if (CONFIGURATION.has(code)) return mapped('invalidRequest');
    return mapped('server');
}

function claimsOf(result: TokenResult): Record<string, unknown> {
    const claims: unknown = result.idTokenClaims ?? result.account?.idTokenClaims;
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : {};
}

function stringClaim(claims: Record<string, unknown>, name: string): string | null {
    const value = claims[name];
    return typeof value === 'string' && value !== '' ? value : null;
}

/** Object id and UPN from the id token; null when the token carries no object id. */
export function accountFromResult(result: TokenResult): AccountSummary | null {
    const claims = claimsOf(result);
    const objectId = stringClaim(claims, 'oid') ?? result.account?.localAccountId ?? null;
    const upn =
        stringClaim(claims, 'upn') ??
        stringClaim(claims, 'preferred_username') ??
        result.account?.username ??
        null;
    return objectId !== null && objectId !== '' && upn !== null ? { objectId, upn } : null;
}

/**
 * True when the signed-in account is the agent's. With an object id pinned at the first Connect, the
 * object id decides (a user principal name often differs from the mail address, and Entra accepts an
 * email at sign-in only with "email as an alternate login ID"). Before that, one of the account's names
 * (upn, preferred_username, email, username) must be the agent's email.
 */
export function accountMatches(result: TokenResult, loginHint: string, accountId?: string): boolean {
    const claims = claimsOf(result);
    if (accountId !== undefined) {
        const objectId = stringClaim(claims, 'oid') ?? result.account?.localAccountId ?? '';
        return objectId.toLowerCase() === accountId.toLowerCase();
    }
    const hint = loginHint.trim().toLowerCase();
    const names = [
        stringClaim(claims, 'upn'),
        stringClaim(claims, 'preferred_username'),
        stringClaim(claims, 'email'),
        result.account?.username ?? null
    ];
    return names.some((name) => name !== null && name.trim().toLowerCase() === hint);
}

/** Token acquisition for one client id, tenant, agent and role. */
export class TeamsAuth {
    private readonly msal: MsalClient;
    private readonly init: AuthInit;
    private readonly scopes: string[];
    private readonly now: () => number;
    private reusable: { outcome: AuthOutcome & { ok: true }; expiresAt: number } | null = null;

    constructor(msal: MsalClient, init: AuthInit, now: () => number = () => Date.now()) {
        this.msal = msal;
        this.init = init;
        this.scopes = scopesFor(init.role);
        this.now = now;
    }

    get role(): Role {
        return this.init.role;
    }

    get clientId(): string {
        return this.init.clientId;
    }

    /**
     * Background path, never a popup: acquireTokenSilent (cache, refresh token), then ssoSilent(loginHint).
     * `forceRefresh`: skip every cached access token (Graph refused the one it had) and redeem the
     * refresh token for a new one (MSAL SilentRequest.forceRefresh).
     */
    async silent(forceRefresh = false): Promise<AuthOutcome> {
        if (
            !forceRefresh &&
            this.reusable !== null &&
            this.reusable.expiresAt - this.now() > TOKEN_REUSE_MARGIN_MS
        ) {
            return this.reusable.outcome;
        }
        this.reusable = null;
        const cached = this.cachedAccount();
        /** the cached refresh token was refused for want of consent: more telling than ssoSilent's answer */
        let consentMissing: BridgeError | null = null;
        if (cached !== null) {
            try {
                return await this.verify(
                    await this.msal.acquireTokenSilent({
                        scopes: this.scopes,
                        account: cached,
                        ...(forceRefresh ? { forceRefresh: true } : {})
                    })
                );
            } catch (error) {
                const mapped = mapMsalError(error);
                if (mapped.kind === 'consentRequired') consentMissing = mapped;
                else if (mapped.kind !== 'signInRequired') return { ok: false, error: mapped };
            }
        }
        try {
            return await this.verify(
                await this.msal.ssoSilent({ scopes: this.scopes, loginHint: this.init.loginHint })
            );
        } catch (error) {
            const mapped = mapMsalError(error);
            // without a Microsoft session in this frame (third-party cookies blocked) ssoSilent can only
            // say login_required; Entra's consent_required for the refresh token names the cause
            const keepConsent = consentMissing !== null && mapped.kind === 'signInRequired';
            return { ok: false, error: keepConsent ? (consentMissing as BridgeError) : mapped };
        }
    }

    /**
     * Interactive path, only from the Connect button's click handler: the popup opens synchronously
     * inside this call (no await before acquireTokenPopup), so the click's user activation still holds.
     */
    interactive(): Promise<AuthOutcome> {
        let popup: Promise<TokenResult>;
        try {
            popup = this.msal.acquireTokenPopup({
                scopes: this.scopes,
                loginHint: this.init.loginHint,
                overrideInteractionInProgress: true
            });
        } catch (error) {
            return Promise.resolve({ ok: false, error: mapMsalError(error) });
        }
        return popup.then(
            (result) => this.verify(result),
            (error: unknown) => ({ ok: false, error: mapMsalError(error) })
        );
    }

    /** Forgets every cached account and token of this app in this browser tab. */
    async signOut(): Promise<void> {
        this.reusable = null;
        this.msal.setActiveAccount(null);
        await this.msal.clearCache();
    }

    private cachedAccount(): AccountInfo | null {
        const hint = this.init.loginHint.toLowerCase();
        const accounts = this.msal.getAllAccounts();
        const pinned = this.init.accountId?.toLowerCase();
        if (pinned !== undefined) {
            return accounts.find((account) => account.localAccountId.toLowerCase() === pinned) ?? null;
        }
        return (
            accounts.find((account) => account.username.toLowerCase() === hint) ??
            accounts.find((account) =>
                accountMatches({ accessToken: '', account, idTokenClaims: {} }, hint)
            ) ??
            null
        );
    }

    /** The verified token held in memory while it has not expired (synchronous: for page unload). */
    tokenForUnload(): string | null {
        return this.reusable !== null && this.reusable.expiresAt > this.now()
            ? this.reusable.outcome.accessToken
            : null;
    }

    /** Graph refused the token (401): the next request goes through MSAL again. */
    forgetToken(): void {
        this.reusable = null;
    }

    private async verify(result: TokenResult): Promise<AuthOutcome> {
        this.reusable = null;
        const account = accountFromResult(result);
        if (account === null) return { ok: false, error: { kind: 'server', detail: 'noObjectIdClaim' } };
        if (!accountMatches(result, this.init.loginHint, this.init.accountId)) {
            // never keep tokens of someone else's account
            await this.msal.clearCache({ account: result.account }).catch(() => undefined);
            return {
                ok: false,
                error: { kind: 'accountMismatch', detail: 'signedInAccountIsNotTheAgentEmail' }
            };
        }
        if (result.account !== null) this.msal.setActiveAccount(result.account);
        const outcome = { ok: true as const, accessToken: result.accessToken, account };
        const expiresAt = result.expiresOn instanceof Date ? result.expiresOn.getTime() : Number.NaN;
        if (Number.isFinite(expiresAt)) this.reusable = { outcome, expiresAt };
        return outcome;
    }
}
