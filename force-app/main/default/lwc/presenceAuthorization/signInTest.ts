/*
 * "Test sign-in": one run of the Teams bridge as an agent would use it (init, then the in-frame Connect
 * button if a silent sign-in is not enough), turned into the one outcome an admin can act on.
 *
 * What the bridge reports (bridge/auth.ts mapMsalError: kind + MSAL errorCode as detail) and what it
 * implies about the app registration:
 * - a silent sign-in that gets a proper error back (login_required, consent_required, ...) proves that
 *   Microsoft redirected to the bridge page, so the redirect URI is registered;
 * - a silent sign-in that times out (monitor_window_timeout) means Microsoft showed an error page in the
 *   hidden frame instead of redirecting: the redirect URI is not registered (AADSTS50011) or the client
 *   id is unknown in the tenant (AADSTS700016); the popup then shows Microsoft's page with the code;
 * - openid_config_error / endpoints_resolution_error: the tenant's sign-in metadata could not be read,
 *   which is what an unknown tenant id (AADSTS90002) produces (or no route to login.microsoftonline.com).
 * An error that carries Entra's own number (AADSTSnnnn, entraCauseOf) names its cause directly and wins
 * over these inferences: a declined consent, a Conditional Access block, an unassigned user, a redirect
 * URI registered as Web instead of Single-page application, a redirect URI mismatch, a wrong tenant.
 */
import type { BridgeResult } from 'c/presenceSyncBridge';
import type {
    BridgeError,
    BridgeEvent,
    PresenceReading,
    RequestParams,
    RequestType,
    ResultMap
} from 'c/presenceSyncBridgeProtocol';
import { entraCauseOf } from 'c/presenceSyncBridgeProtocol';
import type { EntraCause } from 'c/presenceSyncBridgeProtocol';

export type SignInFailure =
    | 'redirectUriNotRegistered'
    | 'consentMissing'
    | 'consentDeclined'
    | 'conditionalAccess'
    | 'userNotAssigned'
    | 'redirectUriNotSpa'
    | 'redirectUriMismatch'
    | 'wrongTenant'
    | 'appNotInTenant'
    | 'accountMismatch'
    | 'popupBlocked'
    | 'cancelled'
    | 'network'
    | 'timeout'
    | 'failed';

export type SignInOutcome =
    | {
          ok: true;
          upn: string;
          presence: PresenceReading | null;
          presenceError: BridgeError | null;
      }
    | { ok: false; failure: SignInFailure; error: BridgeError | null };

/** silent: the bridge page loads and tries a silent sign-in; waitingForClick: its Connect button is shown. */
export type SignInStage = 'silent' | 'waitingForClick';

/** The part of the presenceSyncBridge client the test uses. */
export interface TestBridge {
    start(): void;
    request<T extends RequestType>(type: T, params: RequestParams[T]): Promise<BridgeResult<ResultMap[T]>>;
    connect(): Promise<BridgeResult<ResultMap['connect']>>;
    dispose(): void;
}

export interface SignInParams {
    clientId: string;
    tenantId: string;
    loginHint: string;
}

/** MSAL's errorCodes for a hidden frame or popup that never came back to the redirect URI. */
const WINDOW_TIMEOUTS = new Set(['monitor_window_timeout', 'timed_out']);
/** MSAL's errorCodes when the authority's OpenID metadata could not be read (unknown tenant). */
const TENANT_METADATA = new Set(['openid_config_error', 'endpoints_resolution_error', 'untrusted_authority']);
/** The token endpoint's answers for a client id that is not an app of the tenant. */
const APP_UNKNOWN = new Set(['invalid_client', 'unauthorized_client']);
const POPUP_BLOCKED = new Set(['popup_window_error', 'empty_window_error']);

/** Entra's named causes as test outcomes (one to one). */
const FAILURE_OF_CAUSE: Readonly<Record<EntraCause, SignInFailure>> = {
    consentMissing: 'consentMissing',
    consentDeclined: 'consentDeclined',
    conditionalAccess: 'conditionalAccess',
    userNotAssigned: 'userNotAssigned',
    redirectUriNotSpa: 'redirectUriNotSpa',
    redirectUriMismatch: 'redirectUriMismatch',
    wrongTenant: 'wrongTenant',
    appNotInTenant: 'appNotInTenant'
};

/** The bridge client's own timeout detail (`init unanswered`): the bridge page itself did not answer. */
function bridgeDidNotAnswer(error: BridgeError): boolean {
    return error.kind === 'timeout' && (error.detail ?? '').endsWith(' unanswered');
}

/** True when a silent sign-in never came back from Microsoft (see the header). */
export function silentWindowTimedOut(error: BridgeError): boolean {
    return error.kind === 'timeout' && WINDOW_TIMEOUTS.has(error.detail ?? '');
}

/**
 * The admin-facing failure for a bridge error. `silentTimedOut`: the silent sign-in before this error
 * never came back from Microsoft, so a popup that did not finish is read as an unregistered redirect URI.
 */
export function classifyFailure(error: BridgeError, silentTimedOut: boolean): SignInFailure {
    const cause = entraCauseOf(error);
    if (cause !== null) return FAILURE_OF_CAUSE[cause];
    const detail = error.detail ?? '';
    switch (error.kind) {
        case 'consentRequired':
            return 'consentMissing';
        case 'accountMismatch':
            return 'accountMismatch';
        case 'network':
        case 'server':
            if (TENANT_METADATA.has(detail)) return 'wrongTenant';
            return error.kind === 'network' ? 'network' : 'failed';
        case 'invalidRequest':
            return APP_UNKNOWN.has(detail) ? 'appNotInTenant' : 'failed';
        case 'timeout':
            if (bridgeDidNotAnswer(error)) return 'timeout';
            return silentTimedOut ? 'redirectUriNotRegistered' : 'cancelled';
        case 'signInRequired':
            if (POPUP_BLOCKED.has(detail)) return 'popupBlocked';
            return silentTimedOut ? 'redirectUriNotRegistered' : 'cancelled';
        default:
            return 'failed';
    }
}

type Interactive = { ok: true; upn: string } | { ok: false; error: BridgeError };

/** One test run. Create it with a bridge factory, call run(); cancel() ends it early. */
export class SignInTest {
    private readonly createBridge: (onEvent: (event: BridgeEvent) => void) => TestBridge;
    private readonly onStage: (stage: SignInStage) => void;
    private bridge: TestBridge | null = null;
    private settleInteractive: ((result: Interactive) => void) | null = null;
    private cancelled = false;

    constructor(
        createBridge: (onEvent: (event: BridgeEvent) => void) => TestBridge,
        onStage: (stage: SignInStage) => void
    ) {
        this.createBridge = createBridge;
        this.onStage = onStage;
    }

    /** Runs the test; resolves once with the outcome and never rejects. The bridge stays until dispose(). */
    async run(params: SignInParams): Promise<SignInOutcome> {
        const bridge = this.createBridge((event) => this.handleEvent(event));
        this.bridge = bridge;
        this.onStage('silent');
        bridge.start();
        const init = await bridge.request('init', { ...params, role: 'agent' });
        if (this.cancelled) return { ok: false, failure: 'cancelled', error: null };
        let silentTimedOut = false;
        if (init.ok && init.value.account !== null) return this.confirm(init.value.account.upn);
        if (!init.ok) {
            silentTimedOut = silentWindowTimedOut(init.error);
            if (init.error.kind !== 'signInRequired' && !silentTimedOut) {
                return { ok: false, failure: classifyFailure(init.error, false), error: init.error };
            }
        }
        const interactive = new Promise<Interactive>((resolve) => {
            this.settleInteractive = resolve;
        });
        this.onStage('waitingForClick');
        const shown = await bridge.connect();
        if (!shown.ok) this.finishInteractive({ ok: false, error: shown.error });
        const result = await interactive;
        if (this.cancelled) return { ok: false, failure: 'cancelled', error: null };
        if (!result.ok) {
            return { ok: false, failure: classifyFailure(result.error, silentTimedOut), error: result.error };
        }
        return this.confirm(result.upn);
    }

    /** Ends a waiting run with `cancelled`. */
    cancel(): void {
        this.cancelled = true;
        this.finishInteractive({ ok: false, error: { kind: 'signInRequired', detail: 'user_cancelled' } });
        this.dispose();
    }

    /** Removes the bridge frame. */
    dispose(): void {
        this.bridge?.dispose();
        this.bridge = null;
    }

    private handleEvent(event: BridgeEvent): void {
        if (event.type === 'signedIn') this.finishInteractive({ ok: true, upn: event.data.upn });
        else if (event.type === 'signInFailed')
            this.finishInteractive({ ok: false, error: event.data.error });
    }

    private finishInteractive(result: Interactive): void {
        const settle = this.settleInteractive;
        this.settleInteractive = null;
        settle?.(result);
    }

    /** Signed in: reads the own Teams presence once, which proves the Graph permission works. */
    private async confirm(upn: string): Promise<SignInOutcome> {
        const reading = this.bridge ? await this.bridge.request('getPresence', {}) : null;
        if (reading === null || this.cancelled) {
            return { ok: true, upn, presence: null, presenceError: null };
        }
        return reading.ok
            ? { ok: true, upn, presence: reading.value, presenceError: null }
            : { ok: true, upn, presence: null, presenceError: reading.error };
    }
}
