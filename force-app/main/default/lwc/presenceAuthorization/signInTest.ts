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
 *
 * The test checks what agents and supervisors need, one after the other in the same frame: the agents'
 * app with the agents' permissions (reads the own presence), then the supervisors' app (or the agents'
 * app when none is entered) with Presence.Read.All (reads the own presence with getPresencesByUserId, the
 * dashboard's call). Which consent is in place, per part: a silent sign-in answered `consent_required`
 * means this account had not consented and no admin consent for the organization covers the
 * permissions (an admin consent covers every user: "Permissions and consent in the Microsoft identity
 * platform"), so the organization's consent is missing, whatever the account then accepts for itself.
 * Otherwise consent is in place for this account; Microsoft does not tell an app whether it is the
 * organization's or the account's own, so the page names the Entra screen that shows it.
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

/**
 * missingForTenant: Microsoft asked this account to consent, so no admin consent for the organization
 * covers the permissions; inPlace: the account had consent (the organization's or its own).
 */
export type ConsentFinding = 'missingForTenant' | 'inPlace';

/** The supervisors' part: Presence.Read.All with the app the Live Agent Dashboard signs in with. */
export type SupervisorOutcome =
    | { ok: true; clientId: string; ownApp: boolean; consent: ConsentFinding; readError: BridgeError | null }
    | { ok: false; clientId: string; ownApp: boolean; failure: SignInFailure; error: BridgeError | null };

export type SignInOutcome =
    | {
          ok: true;
          upn: string;
          presence: PresenceReading | null;
          presenceError: BridgeError | null;
          consent: ConsentFinding;
          supervisor: SupervisorOutcome | null;
      }
    | { ok: false; failure: SignInFailure; error: BridgeError | null };

/**
 * silent: the bridge page loads and tries a silent sign-in; waitingForClick: its Connect button is shown;
 * the supervisor stages: the same for the supervisors' part.
 */
export type SignInStage = 'silent' | 'waitingForClick' | 'supervisorSilent' | 'supervisorWaitingForClick';

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
    /** the supervisors' own app registration; null: supervisors use the agents' app */
    supervisorClientId?: string | null;
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

type Interactive = { ok: true; upn: string; objectId: string } | { ok: false; error: BridgeError };

/** One part of the test (agents' or supervisors'): signed in, or why not. */
type Part =
    | { ok: true; upn: string; objectId: string | null; consent: ConsentFinding }
    | { ok: false; failure: SignInFailure; error: BridgeError | null };

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
        bridge.start();
        const { clientId, tenantId, loginHint } = params;
        const agents = await this.part({ clientId, tenantId, loginHint, role: 'agent' });
        if (!agents.ok) return agents;
        const confirmed = await this.confirm(agents.upn);
        if (this.cancelled) return { ...confirmed, consent: agents.consent, supervisor: null };
        const supervisor = await this.supervisorPart(params, agents.objectId);
        if (this.cancelled) return { ok: false, failure: 'cancelled', error: null };
        return { ...confirmed, consent: agents.consent, supervisor };
    }

    /** The supervisors' part: sign in with their app (or the agents') and read with Presence.Read.All. */
    private async supervisorPart(params: SignInParams, objectId: string | null): Promise<SupervisorOutcome> {
        const ownApp = typeof params.supervisorClientId === 'string' && params.supervisorClientId !== '';
        const clientId = ownApp ? (params.supervisorClientId as string) : params.clientId;
        const part = await this.part({
            clientId,
            tenantId: params.tenantId,
            loginHint: params.loginHint,
            role: 'supervisor'
        });
        if (!part.ok) return { ok: false, clientId, ownApp, failure: part.failure, error: part.error };
        const id = part.objectId ?? objectId;
        const read =
            this.bridge !== null && id !== null
                ? await this.bridge.request('getPresencesByUserId', { ids: [id] })
                : null;
        const readError = read === null ? null : read.ok ? null : read.error;
        return { ok: true, clientId, ownApp, consent: part.consent, readError };
    }

    /** Signs in for one role: silently, else through the frame's Connect button. */
    private async part(init: RequestParams['init']): Promise<Part> {
        const bridge = this.bridge;
        if (bridge === null) return { ok: false, failure: 'cancelled', error: null };
        const supervisor = init.role === 'supervisor';
        this.onStage(supervisor ? 'supervisorSilent' : 'silent');
        const answer = await bridge.request('init', init);
        if (this.cancelled) return { ok: false, failure: 'cancelled', error: null };
        if (answer.ok && answer.value.account !== null) {
            const { upn, objectId } = answer.value.account;
            return { ok: true, upn, objectId, consent: 'inPlace' };
        }
        let silentTimedOut = false;
        let consent: ConsentFinding = 'inPlace';
        if (!answer.ok) {
            silentTimedOut = silentWindowTimedOut(answer.error);
            // consent_required without Entra's number of a refusal: this account must consent, so no
            // admin consent covers it; the button lets the account consent (or shows why it cannot)
            const consentMissing =
                answer.error.kind === 'consentRequired' && entraCauseOf(answer.error) !== 'consentDeclined';
            if (consentMissing) consent = 'missingForTenant';
            if (answer.error.kind !== 'signInRequired' && !silentTimedOut && !consentMissing) {
                return { ok: false, failure: classifyFailure(answer.error, false), error: answer.error };
            }
        }
        const interactive = new Promise<Interactive>((resolve) => {
            this.settleInteractive = resolve;
        });
        this.onStage(supervisor ? 'supervisorWaitingForClick' : 'waitingForClick');
        const shown = await bridge.connect();
        if (!shown.ok) this.finishInteractive({ ok: false, error: shown.error });
        const result = await interactive;
        if (this.cancelled) return { ok: false, failure: 'cancelled', error: null };
        if (!result.ok) {
            return { ok: false, failure: classifyFailure(result.error, silentTimedOut), error: result.error };
        }
        return { ok: true, upn: result.upn, objectId: result.objectId, consent };
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
        if (event.type === 'signedIn') {
            this.finishInteractive({ ok: true, upn: event.data.upn, objectId: event.data.objectId });
        } else if (event.type === 'signInFailed')
            this.finishInteractive({ ok: false, error: event.data.error });
    }

    private finishInteractive(result: Interactive): void {
        const settle = this.settleInteractive;
        this.settleInteractive = null;
        settle?.(result);
    }

    /** Signed in: reads the own Teams presence once, which proves the Graph permission works. */
    private async confirm(upn: string): Promise<{
        ok: true;
        upn: string;
        presence: PresenceReading | null;
        presenceError: BridgeError | null;
    }> {
        const reading = this.bridge ? await this.bridge.request('getPresence', {}) : null;
        if (reading === null || this.cancelled) {
            return { ok: true, upn, presence: null, presenceError: null };
        }
        return reading.ok
            ? { ok: true, upn, presence: reading.value, presenceError: null }
            : { ok: true, upn, presence: null, presenceError: reading.error };
    }
}
