import { SignInTest, classifyFailure } from '../signInTest';
import type { SignInStage, TestBridge } from '../signInTest';
import type { BridgeResult } from 'c/presenceSyncBridge';
import { makeEvent } from 'c/presenceSyncBridgeProtocol';
import type { BridgeError, BridgeEvent, RequestType } from 'c/presenceSyncBridgeProtocol';

const PARAMS = {
    clientId: '11111111-2222-3333-4444-555555555555',
    tenantId: '66666666-7777-8888-9999-000000000000',
    loginHint: 'admin@contoso.com'
};
const ACCOUNT = { objectId: 'oid-1', upn: 'admin@contoso.com' };
const SIGNED_IN = { initialized: true, role: 'agent', account: ACCOUNT, interaction: 'idle' } as const;
const BUTTON = { initialized: true, role: 'agent', account: null, interaction: 'buttonShown' } as const;
const AVAILABLE = { availability: 'Available', activity: 'Available' };
const EVERYONE = { presences: [{ id: 'oid-1', availability: 'Available', activity: 'Available' }] };
const SUPERVISOR_APP = '6c5b4a39-2817-4f06-95e4-d3c2b1a09f8e';
/** the supervisors' part with the agents' app, signed in silently, reading everyone */
const SUPERVISOR_OK = {
    ok: true,
    clientId: PARAMS.clientId,
    ownApp: false,
    consent: 'inPlace',
    readError: null
} as const;

type Reply = BridgeResult<unknown> | ((params: unknown) => BridgeResult<unknown>);
type Replies = Partial<Record<RequestType, Reply>>;

/** A bridge at its boundary: scripted replies per request type, events fired by the test. */
class FakeBridge implements TestBridge {
    readonly calls: { type: string; params?: unknown }[] = [];
    onEvent: (event: BridgeEvent) => void = () => undefined;
    replies: Replies;
    /** what happens when connect() is called (the user clicking in the frame) */
    onConnect: () => void = () => undefined;
    disposed = false;

    constructor(replies: Replies) {
        this.replies = replies;
    }

    start(): void {
        this.calls.push({ type: 'start' });
    }

    request<T extends RequestType>(type: T, params: unknown): Promise<BridgeResult<never>> {
        this.calls.push({ type, params });
        const scripted = this.replies[type] ?? { ok: false, error: { kind: 'server', detail: 'unscripted' } };
        const reply = typeof scripted === 'function' ? scripted(params) : scripted;
        return Promise.resolve(reply as BridgeResult<never>);
    }

    connect(): Promise<BridgeResult<never>> {
        this.calls.push({ type: 'connect' });
        const scripted = this.replies.connect ?? { ok: true, value: BUTTON };
        const reply = typeof scripted === 'function' ? scripted(undefined) : scripted;
        queueMicrotask(() => this.onConnect());
        return Promise.resolve(reply as BridgeResult<never>);
    }

    dispose(): void {
        this.disposed = true;
    }

    fire(event: BridgeEvent): void {
        this.onEvent(event);
    }
}

/** init answers: signed in for the agents' part, `supervisor` for the supervisors' part */
function bySupervisor(params: unknown, supervisor: BridgeResult<never>): BridgeResult<unknown> {
    const { role: part } = params as { role: string };
    if (part === 'supervisor') return supervisor;
    return { ok: true, value: SIGNED_IN };
}

function failed(kind: BridgeError['kind'], detail: string): BridgeResult<never> {
    return { ok: false, error: { kind, detail } };
}

function setUp(replies: Replies): { bridge: FakeBridge; test: SignInTest; stages: SignInStage[] } {
    const bridge = new FakeBridge(replies);
    const stages: SignInStage[] = [];
    const test = new SignInTest(
        (onEvent) => {
            bridge.onEvent = onEvent;
            return bridge;
        },
        (stage) => stages.push(stage)
    );
    return { bridge, test, stages };
}

function signInFailedEvent(error: BridgeError): BridgeEvent {
    return makeEvent('signInFailed', { error });
}

function signedInEvent(): BridgeEvent {
    return makeEvent('signedIn', ACCOUNT);
}

describe('c-presence-authorization', () => {
    describe('SignInTest', () => {
        it('reports success with the UPN and the presence when the silent sign-in works, without showing the button', async () => {
            const { bridge, test, stages } = setUp({
                init: { ok: true, value: SIGNED_IN },
                getPresence: { ok: true, value: AVAILABLE },
                getPresencesByUserId: { ok: true, value: EVERYONE }
            });

            const outcome = await test.run(PARAMS);

            expect(outcome).toEqual({
                ok: true,
                upn: 'admin@contoso.com',
                presence: AVAILABLE,
                presenceError: null,
                consent: 'inPlace',
                supervisor: SUPERVISOR_OK
            });
            expect(bridge.calls.map((c) => c.type)).toEqual([
                'start',
                'init',
                'getPresence',
                'init',
                'getPresencesByUserId'
            ]);
            expect(bridge.calls[1].params).toEqual({ ...PARAMS, role: 'agent' });
            // supervisors without an own app: the agents' app, role supervisor (Presence.Read.All)
            expect(bridge.calls[3].params).toEqual({ ...PARAMS, role: 'supervisor' });
            expect(bridge.calls[4].params).toEqual({ ids: ['oid-1'] });
            expect(stages).toEqual(['silent', 'supervisorSilent']);
        });

        it('shows the in-frame button after signInRequired and succeeds on signedIn', async () => {
            const { bridge, test, stages } = setUp({
                init: failed('signInRequired', 'login_required'),
                getPresence: { ok: true, value: AVAILABLE },
                getPresencesByUserId: { ok: true, value: EVERYONE }
            });
            bridge.onConnect = () => bridge.fire(signedInEvent());

            const outcome = await test.run(PARAMS);

            expect(outcome).toMatchObject({
                ok: true,
                upn: 'admin@contoso.com',
                presence: AVAILABLE,
                consent: 'inPlace',
                supervisor: SUPERVISOR_OK
            });
            expect(bridge.calls.map((c) => c.type)).toEqual([
                'start',
                'init',
                'connect',
                'getPresence',
                'init',
                'connect',
                'getPresencesByUserId'
            ]);
            expect(stages).toEqual([
                'silent',
                'waitingForClick',
                'supervisorSilent',
                'supervisorWaitingForClick'
            ]);
        });

        it("tests the supervisors' own app registration with Presence.Read.All and reports a read it refuses", async () => {
            const forbidden = {
                ok: false,
                error: { kind: 'forbidden', detail: 'Forbidden', status: 403 }
            } as const;
            const { bridge, test } = setUp({
                init: { ok: true, value: SIGNED_IN },
                getPresence: { ok: true, value: AVAILABLE },
                getPresencesByUserId: forbidden
            });

            const outcome = await test.run({ ...PARAMS, supervisorClientId: SUPERVISOR_APP });

            expect(bridge.calls[3].params).toEqual({
                ...PARAMS,
                clientId: SUPERVISOR_APP,
                role: 'supervisor'
            });
            expect(outcome).toMatchObject({
                ok: true,
                consent: 'inPlace',
                supervisor: {
                    ok: true,
                    clientId: SUPERVISOR_APP,
                    ownApp: true,
                    consent: 'inPlace',
                    readError: forbidden.error
                }
            });
        });

        it('says admin consent for the organization is missing when Microsoft asks the account to consent, per part', async () => {
            // the agents' app is admin-consented; the supervisors' app is not: its silent sign-in answers
            // consent_required, the account consents in the window, and the test still says so
            const { bridge, test, stages } = setUp({
                init: (params) => bySupervisor(params, failed('consentRequired', 'consent_required')),
                getPresence: { ok: true, value: AVAILABLE },
                getPresencesByUserId: { ok: true, value: EVERYONE }
            });
            bridge.onConnect = () => bridge.fire(signedInEvent());

            const outcome = await test.run({ ...PARAMS, supervisorClientId: SUPERVISOR_APP });

            expect(outcome).toMatchObject({
                ok: true,
                consent: 'inPlace',
                supervisor: { ok: true, ownApp: true, consent: 'missingForTenant', readError: null }
            });
            expect(stages).toEqual(['silent', 'supervisorSilent', 'supervisorWaitingForClick']);
        });

        it("reports the supervisors' sign-in failing by its cause, after the agents' part worked", async () => {
            const { bridge, test } = setUp({
                init: (params) => bySupervisor(params, failed('signInRequired', 'login_required')),
                getPresence: { ok: true, value: AVAILABLE }
            });
            const declined = { kind: 'consentRequired', detail: 'access_denied', entraCode: 65004 } as const;
            bridge.onConnect = () => bridge.fire(signInFailedEvent(declined));

            const outcome = await test.run(PARAMS);

            expect(outcome).toMatchObject({
                ok: true,
                presence: AVAILABLE,
                supervisor: { ok: false, ownApp: false, failure: 'consentDeclined', error: declined }
            });
            expect(bridge.calls.map((c) => c.type)).not.toContain('getPresencesByUserId');
        });

        it('reports a signed-in account whose presence cannot be read', async () => {
            const { test } = setUp({
                init: { ok: true, value: SIGNED_IN },
                getPresence: failed('forbidden', 'Forbidden')
            });

            const outcome = await test.run(PARAMS);

            expect(outcome).toMatchObject({
                ok: true,
                upn: 'admin@contoso.com',
                presence: null,
                presenceError: { kind: 'forbidden', detail: 'Forbidden' }
            });
        });

        it('reads a silent timeout followed by an unfinished popup as an unregistered redirect URI', async () => {
            const { bridge, test } = setUp({ init: failed('timeout', 'monitor_window_timeout') });
            bridge.onConnect = () =>
                bridge.fire(signInFailedEvent({ kind: 'signInRequired', detail: 'user_cancelled' }));

            const outcome = await test.run(PARAMS);

            expect(outcome).toMatchObject({ ok: false, failure: 'redirectUriNotRegistered' });
        });

        it('reads a closed popup after a proper silent answer as cancelled (the redirect URI answered)', async () => {
            const { bridge, test } = setUp({ init: failed('signInRequired', 'login_required') });
            bridge.onConnect = () =>
                bridge.fire(signInFailedEvent({ kind: 'signInRequired', detail: 'user_cancelled' }));

            const outcome = await test.run(PARAMS);

            expect(outcome).toMatchObject({ ok: false, failure: 'cancelled' });
        });

        it.each([
            ['an unknown tenant (no OpenID metadata)', 'network', 'openid_config_error', 'wrongTenant'],
            ['an unresolvable authority', 'network', 'endpoints_resolution_error', 'wrongTenant'],
            ['an untrusted authority', 'server', 'untrusted_authority', 'wrongTenant'],
            ['a client id unknown to the tenant', 'invalidRequest', 'unauthorized_client', 'appNotInTenant'],
            ['a network failure', 'network', 'no_network_connectivity', 'network'],
            ['a bridge page that never answers', 'timeout', 'init unanswered', 'timeout'],
            ['a failed MSAL start', 'invalidRequest', 'msalInitializeFailed', 'failed'],
            ['another server error', 'server', 'bridgeFailure', 'failed']
        ] as const)(
            'reports %s from init without showing the button',
            async (_what, kind, detail, failure) => {
                const { bridge, test } = setUp({ init: failed(kind, detail) });

                const outcome = await test.run(PARAMS);

                expect(outcome).toEqual({ ok: false, failure, error: { kind, detail } });
                expect(bridge.calls.map((c) => c.type)).not.toContain('connect');
            }
        );

        it.each([
            ['consent missing', 'consentRequired', 'consent_required', 'consentMissing'],
            ['another account', 'accountMismatch', 'signedInAccountIsNotTheAgentEmail', 'accountMismatch'],
            ['a blocked popup', 'signInRequired', 'popup_window_error', 'popupBlocked'],
            ['a popup that timed out', 'timeout', 'timed_out', 'cancelled']
        ] as const)('reports %s from the interactive sign-in', async (_what, kind, detail, failure) => {
            const { bridge, test } = setUp({ init: failed('signInRequired', 'login_required') });
            bridge.onConnect = () => bridge.fire(signInFailedEvent({ kind, detail }));

            const outcome = await test.run(PARAMS);

            expect(outcome).toEqual({ ok: false, failure, error: { kind, detail } });
        });

        it.each([
            ['a declined consent', 'consentRequired', 'access_denied', 65004, 'consentDeclined'],
            ['a Conditional Access block', 'signInRequired', 'access_denied', 53003, 'conditionalAccess'],
            ['a user not assigned to the app', 'signInRequired', 'access_denied', 50105, 'userNotAssigned'],
            [
                'a redirect URI registered as Web',
                'invalidRequest',
                'invalid_request',
                9002326,
                'redirectUriNotSpa'
            ],
            ['a redirect URI mismatch', 'invalidRequest', 'invalid_grant', 50011, 'redirectUriMismatch'],
            ['an unknown tenant', 'invalidRequest', 'invalid_tenant', 90002, 'wrongTenant'],
            ['an account of another directory', 'signInRequired', 'access_denied', 50020, 'wrongTenant']
        ] as const)(
            "names %s from Entra's error number, even after a silent timeout",
            async (_what, kind, detail, entraCode, failure) => {
                const { bridge, test } = setUp({ init: failed('timeout', 'monitor_window_timeout') });
                const error = { kind, detail, entraCode };
                bridge.onConnect = () => bridge.fire(signInFailedEvent(error));

                const outcome = await test.run(PARAMS);

                expect(outcome).toEqual({ ok: false, failure, error });
            }
        );

        it('names a Web redirect URI from the silent sign-in without showing the button', async () => {
            const error = { kind: 'invalidRequest', detail: 'invalid_request', entraCode: 9002326 } as const;
            const { bridge, test } = setUp({ init: { ok: false, error } });

            const outcome = await test.run(PARAMS);

            expect(outcome).toEqual({ ok: false, failure: 'redirectUriNotSpa', error });
            expect(bridge.calls.map((c) => c.type)).not.toContain('connect');
        });

        it('reports a connect request the bridge refuses', async () => {
            const { test } = setUp({
                init: failed('signInRequired', 'login_required'),
                connect: failed('invalidRequest', 'notInitialized')
            });

            const outcome = await test.run(PARAMS);

            expect(outcome).toMatchObject({ ok: false, failure: 'failed' });
        });

        it('ends a run waiting for the click with cancelled and removes the frame', async () => {
            const { bridge, test } = setUp({ init: failed('signInRequired', 'login_required') });
            bridge.onConnect = () => test.cancel();

            const outcome = await test.run(PARAMS);

            expect(outcome).toEqual({ ok: false, failure: 'cancelled', error: null });
            expect(bridge.disposed).toBe(true);
        });
    });

    describe('classifyFailure', () => {
        it('needs the silent timeout to call an unfinished popup an unregistered redirect URI', () => {
            const closed = { kind: 'signInRequired', detail: 'user_cancelled' } as const;

            expect(classifyFailure(closed, true)).toBe('redirectUriNotRegistered');
            expect(classifyFailure(closed, false)).toBe('cancelled');
            expect(classifyFailure({ kind: 'timeout', detail: 'timed_out' }, true)).toBe(
                'redirectUriNotRegistered'
            );
        });
    });
});
