import { accountFromResult, mapMsalError, scopesFor } from '../auth';
import { msalError, tokenResult } from './fakes';

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
});
