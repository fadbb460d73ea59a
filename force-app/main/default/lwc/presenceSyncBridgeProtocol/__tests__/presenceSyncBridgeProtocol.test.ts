import {
    BRIDGE_ERROR_KINDS,
    bridgeUrlFor,
    isHarnessOrigin,
    lightningOriginFor,
    makeErrorReply,
    makeEvent,
    makeRequest,
    makeResultReply,
    parseMessage,
    visualforceOriginFor,
    entraCauseOf
} from 'c/presenceSyncBridgeProtocol';

const ENVELOPE = { channel: 'presenceSync.teamsBridge', v: 1 };

describe('c-presence-sync-bridge-protocol', () => {
    describe('parseMessage', () => {
        it.each([
            makeRequest('r1', 'init', {
                clientId: '11111111-2222-3333-4444-555555555555',
                tenantId: 'contoso.onmicrosoft.com',
                loginHint: 'agent@contoso.com',
                role: 'agent'
            }),
            makeRequest('r2', 'setPresence', {
                availability: 'Busy',
                activity: 'InACall',
                expirationDuration: 'PT10M'
            }),
            makeRequest('r3', 'setPreferredPresence', { availability: 'Away', activity: 'Away' }),
            makeRequest('r4', 'clearPresence', { keepalive: true }),
            makeRequest('r5', 'getPresencesByUserId', { ids: ['a1', 'b2'] }),
            makeResultReply('r6', 'getPresence', {
                availability: 'Busy',
                activity: 'InACall',
                sequenceNumber: 'C1'
            }),
            makeRequest('r10', 'setStatusMessage', {
                content: 'On a customer call',
                expiresAt: 1_796_400_000_000
            }),
            makeRequest('r11', 'setStatusMessage', { content: '' }),
            makeResultReply('r12', 'setStatusMessage', {}),
            makeRequest('r14', 'wake', { delayMs: 2554 }),
            makeRequest('r15', 'wake', { delayMs: 0 }),
            makeResultReply('r16', 'wake', {}),
            makeResultReply('r13', 'getPresence', {
                availability: 'Busy',
                activity: 'InACall',
                statusMessage: 'Back at 2'
            }),
            makeResultReply('r7', 'getPresencesByUserId', {
                presences: [{ id: 'a1', availability: 'Away', activity: 'Away' }]
            }),
            makeResultReply('r8', 'status', {
                initialized: true,
                role: 'supervisor',
                account: { objectId: 'oid', upn: 'sup@contoso.com' },
                interaction: 'popupOpen'
            }),
            makeErrorReply('r9', 'setPresence', {
                kind: 'throttled',
                status: 429,
                retryAfter: '30',
                detail: 'x'
            }),
            makeEvent('ready', {}),
            makeEvent('signedIn', { objectId: 'oid', upn: 'agent@contoso.com' }),
            makeEvent('signedOut', { reason: 'userDisconnected' }),
            makeEvent('signedOut', { reason: 'signInRequired' }),
            makeEvent('signInFailed', { error: { kind: 'timeout', detail: 'timed_out' } }),
            makeEvent('signInFailed', {
                error: { kind: 'signInRequired', detail: 'access_denied', entraCode: 53003 }
            })
        ])('accepts the well-formed %j unchanged', (message) => {
            expect(parseMessage(JSON.parse(JSON.stringify(message)))).toEqual(message);
        });

        it.each([
            ['undefined', undefined],
            ['a number', 1],
            ['an array', [ENVELOPE]],
            ['no channel', { v: 1, kind: 'event', type: 'ready', data: {} }],
            ['version 2', { ...ENVELOPE, v: 2, kind: 'event', type: 'ready', data: {} }],
            ['unknown kind', { ...ENVELOPE, kind: 'push', id: 'a', type: 'status' }],
            ['unknown request type', { ...ENVELOPE, kind: 'request', id: 'a', type: 'getToken', params: {} }],
            ['bad id', { ...ENVELOPE, kind: 'request', id: 'a b', type: 'status', params: {} }],
            ['missing params', { ...ENVELOPE, kind: 'request', id: 'a', type: 'status' }],
            [
                'bad duration',
                {
                    ...ENVELOPE,
                    kind: 'request',
                    id: 'a',
                    type: 'setPresence',
                    params: { availability: 'Busy', activity: 'InACall', expirationDuration: '10 minutes' }
                }
            ],
            ...[
                { content: 5 },
                { content: 'x'.repeat(281) },
                { content: 'x', expiresAt: '2026-12-04T14:00:00' },
                { content: 'x', expiresAt: 1.5 },
                { content: 'x', expiresAt: -1 },
                []
            ].map((params): [string, unknown] => [
                `status message ${JSON.stringify(params).slice(0, 40)}`,
                { ...ENVELOPE, kind: 'request', id: 'a', type: 'setStatusMessage', params }
            ]),
            ...[{}, { delayMs: -1 }, { delayMs: 1.5 }, { delayMs: '2554' }, { delayMs: 86_400_001 }].map(
                (params): [string, unknown] => [
                    `wake ${JSON.stringify(params)}`,
                    { ...ENVELOPE, kind: 'request', id: 'a', type: 'wake', params }
                ]
            ),
            [
                'a status message read that is not text',
                {
                    ...ENVELOPE,
                    kind: 'reply',
                    id: 'a',
                    type: 'getPresence',
                    ok: true,
                    result: { availability: 'Busy', activity: 'InACall', statusMessage: { content: 'x' } }
                }
            ],
            [
                'session write without expiry',
                {
                    ...ENVELOPE,
                    kind: 'request',
                    id: 'a',
                    type: 'setPresence',
                    params: { availability: 'Busy', activity: 'InACall' }
                }
            ],
            [
                'tenant with a slash',
                {
                    ...ENVELOPE,
                    kind: 'request',
                    id: 'a',
                    type: 'init',
                    params: { clientId: 'c', tenantId: 'evil/../x', loginHint: 'a@b.c', role: 'agent' }
                }
            ],
            [
                'unknown role',
                {
                    ...ENVELOPE,
                    kind: 'request',
                    id: 'a',
                    type: 'init',
                    params: { clientId: 'c', tenantId: 't', loginHint: 'a@b.c', role: 'admin' }
                }
            ],
            [
                '651 ids',
                {
                    ...ENVELOPE,
                    kind: 'request',
                    id: 'a',
                    type: 'getPresencesByUserId',
                    params: { ids: Array.from({ length: 651 }, (_, i) => `id${i}`) }
                }
            ],
            [
                'error with a non-integer Entra number',
                makeEvent('signInFailed', {
                    error: { kind: 'signInRequired', entraCode: '53003' as unknown as number }
                })
            ],
            ['reply without ok', { ...ENVELOPE, kind: 'reply', id: 'a', type: 'status', result: {} }],
            [
                'error of unknown kind',
                { ...ENVELOPE, kind: 'reply', id: 'a', type: 'status', ok: false, error: {} }
            ],
            [
                'error with a non-integer status',
                {
                    ...ENVELOPE,
                    kind: 'reply',
                    id: 'a',
                    type: 'status',
                    ok: false,
                    error: { kind: 'server', status: 'x' }
                }
            ],
            [
                'signedOut for no reason',
                { ...ENVELOPE, kind: 'event', type: 'signedOut', data: { reason: 'bored' } }
            ]
        ])('returns null for %s', (_label, data) => {
            expect(parseMessage(data)).toBeNull();
        });

        it('never throws, even on a hostile object', () => {
            const hostile = new Proxy(
                {},
                {
                    get() {
                        throw new Error('boom');
                    }
                }
            );

            expect(parseMessage(hostile)).toBeNull();
        });

        it('drops unknown fields, so a token cannot cross', () => {
            const parsed = parseMessage({
                ...makeResultReply('r1', 'getPresence', { availability: 'Busy', activity: 'Busy' }),
                accessToken: 'secret',
                result: { availability: 'Busy', activity: 'Busy', refreshToken: 'secret' }
            });

            expect(JSON.stringify(parsed)).not.toContain('secret');
        });
    });

    it('lists the same error kinds as the core', () => {
        expect([...BRIDGE_ERROR_KINDS].sort()).toEqual(
            [
                'accountMismatch',
                'consentRequired',
                'forbidden',
                'invalidRequest',
                'network',
                'notFound',
                'server',
                'signInRequired',
                'throttled',
                'timeout'
            ].sort()
        );
    });

    describe('origins', () => {
        it.each([
            ['https://acme.lightning.force.com', 'https://acme--c.vf.force.com'],
            ['https://acme--uat.sandbox.lightning.force.com', 'https://acme--uat--c.sandbox.vf.force.com'],
            [
                'https://acme-dev-ed.develop.lightning.force.com',
                'https://acme-dev-ed--c.develop.vf.force.com'
            ],
            ['https://acme.lightning.force.localhost:8443', 'https://acme--c.vf.force.localhost:8443']
        ])('maps %s to %s and back', (lightning, visualforce) => {
            expect(visualforceOriginFor(lightning)).toBe(visualforce);
            expect(lightningOriginFor(visualforce)).toBe(lightning);
        });

        it.each([
            'http://acme.lightning.force.com',
            'https://acme.lightning.force.com.evil.com',
            'https://evil.com',
            'https://acme.my.salesforce.com',
            'https://acme.lightning.force.com/path',
            'not a url'
        ])('rejects %s', (origin) => {
            expect(visualforceOriginFor(origin)).toBeNull();
            expect(lightningOriginFor(origin)).toBeNull();
        });

        it('rejects a Visualforce host without a namespace', () => {
            expect(lightningOriginFor('https://acme.vf.force.com')).toBeNull();
        });

        it('builds the bridge URL with the parent origin', () => {
            expect(bridgeUrlFor('https://acme.lightning.force.com')).toBe(
                'https://acme--c.vf.force.com/apex/TeamsBridge?parentOrigin=https%3A%2F%2Facme.lightning.force.com'
            );
            expect(bridgeUrlFor('https://evil.com')).toBeNull();
        });

        it('knows harness origins', () => {
            expect(isHarnessOrigin('https://acme--c.vf.force.localhost:8443')).toBe(true);
            expect(isHarnessOrigin('https://acme--c.vf.force.com')).toBe(false);
        });
    });
    describe('entraCauseOf', () => {
        it.each([
            [65001, 'consentMissing'],
            [65004, 'consentDeclined'],
            [53003, 'conditionalAccess'],
            [50105, 'userNotAssigned'],
            [9002326, 'redirectUriNotSpa'],
            [50011, 'redirectUriMismatch'],
            [90002, 'wrongTenant'],
            [50020, 'wrongTenant'],
            [700016, 'appNotInTenant']
        ])('names AADSTS%s as %s', (entraCode, cause) => {
            expect(entraCauseOf({ entraCode })).toBe(cause);
        });

        it('names nothing without a number or for a number without a fix of its own', () => {
            expect(entraCauseOf({})).toBeNull();
            expect(entraCauseOf({ entraCode: 50058 })).toBeNull();
        });
    });
});
