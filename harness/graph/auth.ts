/**
 * Bearer token validation for the Graph emulator with `jose`, against the identity provider's
 * published JSON Web Key Set: signature, issuer, audience and expiry on the harness's virtual clock.
 */
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
/** Microsoft Graph's application id: the `aud` of Graph tokens Entra issues in the v1 format. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export interface Caller {
    /** The signed-in user's object id. */
    oid: string;
    tid: string;
    /** The calling application's client id (`azp`, v1 `appid`). */
    appId: string;
    scopes: Set<string>;
    upn?: string;
}

export class TokenError extends Error {}

export interface TokenVerifierOptions {
    jwks: JSONWebKeySet;
    issuer: string;
    tenantId: string;
    now: () => number;
}

export function createTokenVerifier(options: TokenVerifierOptions): (token: string) => Promise<Caller> {
    const keys = createLocalJWKSet(options.jwks);
    return async (token: string) => {
        if (!token) {
            throw new TokenError('Access token is empty.');
        }
        let payload;
        try {
            ({ payload } = await jwtVerify(token, keys, {
                issuer: options.issuer,
                audience: [GRAPH_RESOURCE, `${GRAPH_RESOURCE}/`, GRAPH_APP_ID],
                algorithms: ['RS256'],
                currentDate: new Date(options.now()),
                requiredClaims: ['exp', 'oid', 'tid']
            }));
        } catch (e) {
            if (e instanceof errors.JWTExpired) {
                throw new TokenError('Lifetime validation failed, the token is expired.');
            }
            if (e instanceof errors.JWTClaimValidationFailed) {
                throw new TokenError(`Access token validation failure. Invalid ${e.claim}.`);
            }
            if (e instanceof errors.JWSSignatureVerificationFailed || e instanceof errors.JWKSNoMatchingKey) {
                throw new TokenError('Access token validation failure. Invalid signature.');
            }
            throw new TokenError('IDX14100: JWT is not well formed.');
        }
        if (String(payload.tid).toLowerCase() !== options.tenantId.toLowerCase()) {
            throw new TokenError('Access token validation failure. Invalid tenant.');
        }
        const scp = typeof payload.scp === 'string' ? payload.scp : '';
        return {
            oid: String(payload.oid).toLowerCase(),
            tid: String(payload.tid),
            appId: String(payload.azp ?? payload.appid ?? ''),
            scopes: new Set(scp.split(' ').filter(Boolean)),
            ...(typeof payload.upn === 'string' ? { upn: payload.upn } : {})
        };
    };
}
