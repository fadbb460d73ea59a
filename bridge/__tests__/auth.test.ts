import { TOKEN_REUSE_MARGIN_MS, TeamsAuth, accountFromResult, mapMsalError, scopesFor } from '../auth';
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
        ['access_denied', 'consentRequired'],
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

    it('maps anything that is not an MSAL error to server', () => {
        expect(mapMsalError('boom')).toEqual({ kind: 'server', detail: 'unknown' });
    });

    it('asks for the least privilege per role', () => {
        expect(scopesFor('agent')).toEqual(['Presence.ReadWrite']);
        expect(scopesFor('supervisor')).toEqual(['Presence.Read.All']);
    });

    it('prefers the upn claim and the oid claim', () => {
        const result = {
            ...tokenResult(),
            idTokenClaims: { oid: 'o1', upn: 'u@contoso.com', preferred_username: 'p' }
        };

        expect(accountFromResult(result)).toEqual({ objectId: 'o1', upn: 'u@contoso.com' });
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
