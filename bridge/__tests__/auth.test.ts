import {
    TOKEN_REUSE_MARGIN_MS,
    TeamsAuth,
    accountFromResult,
    accountMatches,
    mapMsalError,
    scopesFor
} from '../auth';
import { AGENT_EMAIL, CLIENT_ID, FakeMsal, TENANT_ID, account, msalError, tokenResult } from './fakes';

const INIT = { clientId: CLIENT_ID, tenantId: TENANT_ID, loginHint: AGENT_EMAIL, role: 'agent' as const };
const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const HOUR = 60 * 60 * 1000;

/** TeamsAuth with a signed-in cached account, MSAL answering with a token that expires at `expiresAt`. */
function signedInAuth(expiresAt: number | null) {
    const msal = new FakeMsal();
    msal.accounts = [account()];
    const result = { ...tokenResult(), expiresOn: expiresAt === null ? null : new Date(expiresAt) };
    msal.acquireTokenSilent.mockResolvedValue(result);
    let now = NOW;
    const auth = new TeamsAuth(msal, INIT, () => now);
    return { msal, auth, advance: (ms: number) => (now += ms) };
}

describe('bridge auth', () => {
    it.each([
        ['interaction_required', 'signInRequired'],
        ['login_required', 'signInRequired'],
        ['no_tokens_found', 'signInRequired'],
        ['refresh_token_expired', 'signInRequired'],
        ['invalid_grant', 'signInRequired'],
        ['user_cancelled', 'signInRequired'],
        ['popup_window_error', 'signInRequired'],
        ['consent_required', 'consentRequired'],
        ['access_denied', 'signInRequired'],
        ['timed_out', 'timeout'],
        ['no_network_connectivity', 'network'],
        ['endpoints_resolution_error', 'network'],
        ['invalid_client', 'invalidRequest'],
        ['unauthorized_client', 'invalidRequest'],
        ['something_new', 'server']
    ])('maps MSAL errorCode %s to %s', (code, kind) => {
        expect(mapMsalError(msalError(code))).toEqual({ kind, detail: code });
    });

    it('recognizes consent from the server message of an invalid_grant', () => {
        const error = Object.assign(msalError('invalid_grant'), {
            errorMessage: 'AADSTS65001: The user has not consented'
        });

        expect(mapMsalError(error).kind).toBe('consentRequired');
    });

    it.each([
        // an authorization response: MSAL keeps error_description, which starts with the AADSTS number
        [
            'access_denied',
            { errorMessage: 'AADSTS65004: User declined to consent to access the app.' },
            65004,
            'consentRequired'
        ],
        [
            'access_denied',
            { errorMessage: 'AADSTS53003: Access has been blocked by Conditional Access policies.' },
            53003,
            'signInRequired'
        ],
        [
            'access_denied',
            { errorMessage: 'AADSTS50105: The signed in user is not assigned to a role.' },
            50105,
            'signInRequired'
        ],
        [
            'access_denied',
            { errorMessage: 'AADSTS50020: User account does not exist in tenant.' },
            50020,
            'signInRequired'
        ],
        // a token response: MSAL sets errorNo from error_codes
        [
            'invalid_request',
            {
                errorNo: 9002326,
                errorMessage: 'Error(s): 9002326 - Description: AADSTS9002326: Cross-origin token redemption'
            },
            9002326,
            'invalidRequest'
        ],
        ['invalid_grant', { errorNo: 50011, errorMessage: '' }, 50011, 'invalidRequest'],
        ['invalid_tenant', { errorNo: '90002', errorMessage: '' }, 90002, 'invalidRequest'],
        ['invalid_grant', { errorNo: 53003, errorMessage: '' }, 53003, 'signInRequired']
    ])('passes Entra error number through (%s, %j)', (code, fields, entraCode, kind) => {
        expect(mapMsalError(Object.assign(msalError(code), fields))).toEqual({
            kind,
            detail: code,
            entraCode
        });
    });

    it('keeps no Entra number when the error carries none', () => {
        expect(
            mapMsalError(Object.assign(msalError('access_denied'), { errorMessage: 'no number' }))
        ).toEqual({
            kind: 'signInRequired',
            detail: 'access_denied'
        });
    });

    it('maps anything that is not an MSAL error to server', () => {
        expect(mapMsalError('boom')).toEqual({ kind: 'server', detail: 'unknown' });
    });

    it('compares a pinned account by its object id, not by its names', () => {
        const signedIn = {
            ...tokenResult(),
            idTokenClaims: { oid: 'OID-1', preferred_username: 'aagent@contoso.onmicrosoft.com' }
        };
        // the UPN differs from the email: only the pin makes it the agent's account
        expect(accountMatches(signedIn, 'ada@contoso.com')).toBe(false);
        expect(accountMatches(signedIn, 'ada@contoso.com', 'oid-1')).toBe(true);
        // the email's names match, but it is not the account pinned at the first Connect
        const other = {
            ...tokenResult(),
            idTokenClaims: { oid: 'oid-2', preferred_username: 'ada@contoso.com' }
        };
        expect(accountMatches(other, 'ada@contoso.com')).toBe(true);
        expect(accountMatches(other, 'ada@contoso.com', 'oid-1')).toBe(false);
    });

    it('asks for the least privilege per role', () => {
        expect(scopesFor('agent')).toEqual(['Presence.Read', 'Presence.ReadWrite']);
        expect(scopesFor('supervisor')).toEqual(['Presence.Read.All']);
    });

    it('prefers the upn claim and the oid claim', () => {
        const result = {
            ...tokenResult(),
            idTokenClaims: { oid: 'o1', upn: 'u@contoso.com', preferred_username: 'p' }
        };

        expect(accountFromResult(result)).toEqual({ objectId: 'o1', upn: 'u@contoso.com' });
    });

    it("reports consent_required of the cached refresh token, not ssoSilent's login_required without a session", async () => {
        const { msal, auth } = signedInAuth(NOW + HOUR);
        const consent = Object.assign(msalError('invalid_grant'), {
            errorMessage: 'AADSTS65001: The user or administrator has not consented to use the application.',
            subError: 'consent_required'
        });
        msal.acquireTokenSilent.mockRejectedValue(consent);

        await expect(auth.silent(true)).resolves.toMatchObject({
            ok: false,
            error: { kind: 'consentRequired', entraCode: 65001 }
        });
        expect(msal.ssoSilent).toHaveBeenCalledTimes(1);

        msal.acquireTokenSilent.mockRejectedValue(msalError('no_tokens_found'));
        await expect(auth.silent()).resolves.toMatchObject({ error: { kind: 'signInRequired' } });
    });

    describe('token reuse between Graph calls', () => {
        it('answers from memory while the token is valid beyond the renewal margin', async () => {
            const { msal, auth } = signedInAuth(NOW + HOUR);

            await expect(auth.silent()).resolves.toMatchObject({ ok: true });
            await expect(auth.silent()).resolves.toMatchObject({ ok: true });

            expect(msal.acquireTokenSilent).toHaveBeenCalledTimes(1);
        });

        it('asks MSAL again inside the renewal margin, so MSAL renews the token', async () => {
            const { msal, auth, advance } = signedInAuth(NOW + HOUR);
            await auth.silent();

            advance(HOUR - TOKEN_REUSE_MARGIN_MS);
            await auth.silent();

            expect(msal.acquireTokenSilent).toHaveBeenCalledTimes(2);
        });

        it('never reuses a token whose expiry MSAL did not report', async () => {
            const { msal, auth } = signedInAuth(null);
            await auth.silent();
            await auth.silent();

            expect(msal.acquireTokenSilent).toHaveBeenCalledTimes(2);
        });

        it('forgets the token when Graph refused it and when the agent signs out', async () => {
            const { msal, auth } = signedInAuth(NOW + HOUR);
            await auth.silent();
            auth.forgetToken();
            await auth.silent();
            expect(msal.acquireTokenSilent).toHaveBeenCalledTimes(2);

            await auth.signOut();
            msal.acquireTokenSilent.mockRejectedValue(msalError('no_tokens_found'));
            await expect(auth.silent()).resolves.toMatchObject({
                ok: false,
                error: { kind: 'signInRequired' }
            });
        });

        it('does not keep a token of an account that is not the agent', async () => {
            const { msal, auth } = signedInAuth(NOW + HOUR);
            msal.acquireTokenSilent.mockResolvedValue({
                ...tokenResult('someone.else@contoso.com'),
                expiresOn: new Date(NOW + HOUR)
            });

            await expect(auth.silent()).resolves.toMatchObject({ error: { kind: 'accountMismatch' } });
            await expect(auth.silent()).resolves.toMatchObject({ error: { kind: 'accountMismatch' } });
            expect(msal.acquireTokenSilent).toHaveBeenCalledTimes(2);
        });
    });
});
