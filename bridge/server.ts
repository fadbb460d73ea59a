/*
 * The bridge protocol server: answers requests from exactly one parent (the expected
 * Lightning origin AND window.parent), each with exactly one reply. Tokens stay in this frame.
 */
import {
    makeErrorReply,
    makeEvent,
    makeResultReply,
    parseMessage
} from '../force-app/main/default/lwc/presenceSyncBridgeProtocol/presenceSyncBridgeProtocol';
import type {
    AccountSummary,
    BridgeError,
    BridgeErrorKind,
    BridgeEvent,
    BridgeReply,
    BridgeRequest,
    BridgeStatus,
    EventPayloads,
    EventType,
    Interaction,
    RequestParams
} from '../force-app/main/default/lwc/presenceSyncBridgeProtocol/presenceSyncBridgeProtocol';
import { TeamsAuth, msalConfiguration } from './auth';
import type { AuthInit, AuthOutcome, MsalClient } from './auth';
import { PresenceApi, authFailure } from './graph';
import type { FetchLike, GraphOutcome } from './graph';
import type { BridgeSettings } from './settings';
import type { ConnectUi } from './ui';
import { ENGLISH, type BridgeTexts } from './texts';
import type { PopupWatch } from './popupWatch';
import type { Wake } from './wake';
import type { Configuration } from '@azure/msal-browser';

/** The window the bridge runs in, reduced to what the server touches. */
export interface BridgeWindow {
    parent: Pick<Window, 'postMessage'>;
    addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
    addEventListener(type: 'pagehide', listener: () => void): void;
    removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
    removeEventListener(type: 'pagehide', listener: () => void): void;
}

export interface BridgeDependencies {
    window: BridgeWindow;
    settings: BridgeSettings;
    ui: ConnectUi;
    createMsal: (configuration: Configuration) => MsalClient;
    fetchImpl: FetchLike;
    /** notices a closed sign-in popup (popupWatch.ts); without it Connect stays locked until MSAL's timeout */
    watchPopup?: PopupWatch;
    /** the frame's words in the user's language (texts.ts); absent: English */
    texts?: BridgeTexts;
    /** times the `wake` request (wake.ts: a worker, outside a hidden page's timer throttling) */
    wake: Wake;
}

export interface ServerCounters {
    accepted: number;
    droppedOrigin: number;
    droppedSource: number;
    droppedMalformed: number;
    /** requests whose id was seen before: answered once, never sent to Graph twice */
    droppedReplay: number;
}

/** How many request ids the server remembers to refuse replays (the LWC side never reuses one). */
export const REMEMBERED_REQUEST_IDS = 1000;

function failureText(error: BridgeError, text: BridgeTexts): string {
    if (error.kind === 'accountMismatch') return text.mismatch;
    // the Salesforce page beside this frame names the cause and its fix from the Entra number
    if (error.entraCode !== undefined) return `${text.refused} (AADSTS${error.entraCode})`;
    if (error.kind === 'consentRequired') return text.consent;
    if (error.kind === 'timeout' || error.detail === 'user_cancelled') return text.closed;
    if (error.detail === 'popup_window_error' || error.detail === 'empty_window_error') return text.blocked;
    return text.failed;
}

function sameInit(a: AuthInit, b: AuthInit): boolean {
    return (
        a.clientId === b.clientId &&
        a.tenantId === b.tenantId &&
        a.role === b.role &&
        a.loginHint === b.loginHint &&
        a.accountId === b.accountId
    );
}

type Handled = { ok: true; result: unknown } | { ok: false; error: BridgeError };

function fromGraph<T>(outcome: GraphOutcome<T>): Handled {
    return outcome.ok ? { ok: true, result: outcome.value } : outcome;
}

export class BridgeServer {
    private readonly deps: BridgeDependencies;
    private readonly counters: ServerCounters = {
        accepted: 0,
        droppedOrigin: 0,
        droppedSource: 0,
        droppedMalformed: 0,
        droppedReplay: 0
    };
    /** ids of the requests accepted lately, oldest first (a Set keeps insertion order) */
    private readonly seenIds = new Set<string>();
    private initParams: AuthInit | null = null;
    private auth: TeamsAuth | null = null;
    private graph: PresenceApi | null = null;
    private account: AccountSummary | null = null;
    private interaction: Interaction = 'idle';
    /** counts Connect clicks: the outcome of a sign-in that a later click started over is ignored */
    private attempt = 0;
    private stopPopupWatch: () => void = () => undefined;
    private readonly listener = (event: MessageEvent): void => this.receive(event);
    private readonly pageHideListener = (): void => this.pageHidden();
    /** what this app holds in Teams through this frame, so an unloading page can clear it */
    private held = { session: false, preferred: false };

    constructor(deps: BridgeDependencies) {
        this.deps = deps;
    }

    /** Starts listening and tells the parent the bridge is ready. */
    start(): void {
        this.deps.window.addEventListener('message', this.listener);
        this.deps.window.addEventListener('pagehide', this.pageHideListener);
        this.deps.ui.onConnect(() => this.connectClicked());
        this.emit('ready', {});
    }

    stop(): void {
        this.deps.window.removeEventListener('message', this.listener);
        this.deps.window.removeEventListener('pagehide', this.pageHideListener);
    }

    /**
     * The frame unloads (tab closed, reload, the utility's component destroyed). The page's own
     * "page closing" clear travels by postMessage and through MSAL and the Graph client, and never
     * leaves an unloading frame; so the bridge clears what the app holds itself, synchronously, with
     * keepalive requests and the token it holds in memory (docs/sync-policy.md, "Keeping the session honest").
     */
    private pageHidden(): void {
        const { auth, graph, account } = this;
        if (auth === null || graph === null || account === null) return;
        if (!this.held.session && !this.held.preferred) return;
        const token = auth.tokenForUnload();
        if (token === null) return;
        graph.clearOnUnload(account.objectId, token, this.held);
        this.held = { session: false, preferred: false };
    }

    getCounters(): ServerCounters {
        return { ...this.counters };
    }

    private receive(event: MessageEvent): void {
        if (event.origin !== this.deps.settings.parentOrigin) {
            this.counters.droppedOrigin += 1;
            return;
        }
        if (event.source !== this.deps.window.parent) {
            this.counters.droppedSource += 1;
            return;
        }
        const message = parseMessage(event.data);
        if (message === null || message.kind !== 'request') {
            this.counters.droppedMalformed += 1;
            return;
        }
        // each id is answered once: a replayed message (same id) never reaches Graph a second time
        if (this.seenIds.has(message.id)) {
            this.counters.droppedReplay += 1;
            return;
        }
        this.seenIds.add(message.id);
        if (this.seenIds.size > REMEMBERED_REQUEST_IDS) {
            this.seenIds.delete(this.seenIds.values().next().value as string);
        }
        this.counters.accepted += 1;
        void this.answer(message);
    }

    private async answer(request: BridgeRequest): Promise<void> {
        let handled: Handled;
        try {
            handled = await this.handle(request);
        } catch {
            handled = { ok: false, error: { kind: 'server', detail: 'bridgeFailure' } };
        }
        const reply: BridgeReply = handled.ok
            ? makeResultReply(request.id, request.type, handled.result as never)
            : makeErrorReply(request.id, request.type, handled.error);
        this.deps.window.parent.postMessage(reply, this.deps.settings.parentOrigin);
    }

    private handle(request: BridgeRequest): Promise<Handled> | Handled {
        switch (request.type) {
            case 'init':
                return this.init(request.params);
            case 'status':
                return { ok: true, result: this.status() };
            case 'connect':
                return this.showConnect();
            case 'disconnect':
                return this.disconnect();
            case 'wake':
                // no Graph call and no sign-in: only a timer the hidden console cannot have
                return this.deps.wake(request.params.delayMs).then(() => ({ ok: true, result: {} }));
            default:
                return this.graphCall(request);
        }
    }

    private status(): BridgeStatus {
        return {
            initialized: this.auth !== null,
            role: this.initParams?.role ?? null,
            account: this.account,
            interaction: this.interaction
        };
    }

    private async init(params: RequestParams['init']): Promise<Handled> {
        if (this.initParams === null || this.auth === null || !sameInit(this.initParams, params)) {
            const msal = this.deps.createMsal(msalConfiguration(this.deps.settings, params));
            try {
                await msal.initialize();
            } catch {
                return { ok: false, error: { kind: 'invalidRequest', detail: 'msalInitializeFailed' } };
            }
            this.setAccount(null, 'signInRequired');
            this.initParams = params;
            this.auth = new TeamsAuth(msal, params);
            this.graph = this.createGraph(this.auth);
        }
        const outcome = await this.auth.silent();
        this.applyOutcome(outcome);
        return outcome.ok ? { ok: true, result: this.status() } : { ok: false, error: outcome.error };
    }

    private createGraph(auth: TeamsAuth): PresenceApi {
        return new PresenceApi({
            graphBaseUrl: this.deps.settings.graphBaseUrl,
            clientId: auth.clientId,
            fetchImpl: this.deps.fetchImpl,
            getAccessToken: async () => {
                const outcome = await auth.silent();
                this.applyOutcome(outcome);
                if (!outcome.ok) throw authFailure(outcome.error);
                return outcome.accessToken;
            }
        });
    }

    private get text(): BridgeTexts {
        return this.deps.texts ?? ENGLISH;
    }

    /** Why to connect, in the role's words: the agent keeps presence in step, the supervisor sees agents. */
    private connectText(): string {
        return this.initParams?.role === 'supervisor' ? this.text.connectSupervisor : this.text.connectAgent;
    }

    private showConnect(): Handled {
        if (this.auth === null)
            return { ok: false, error: { kind: 'invalidRequest', detail: 'notInitialized' } };
        if (this.interaction === 'idle') this.interaction = 'buttonShown';
        this.deps.ui.showButton(true);
        this.deps.ui.setStatus(this.account === null ? this.connectText() : this.text.connected);
        return { ok: true, result: this.status() };
    }

    /**
     * The click handler: the popup must open synchronously here, so nothing is awaited first. A click
     * while an earlier sign-in still runs (its window was closed, see popupGone) starts over.
     */
    private connectClicked(): void {
        const auth = this.auth;
        if (auth === null || this.interaction === 'popupOpen') return;
        this.attempt += 1;
        const attempt = this.attempt;
        this.interaction = 'popupOpen';
        this.deps.ui.setBusy(true);
        this.deps.ui.setStatus(this.text.waiting);
        this.stopPopupWatch();
        let outcome: Promise<AuthOutcome> = Promise.resolve({
            ok: false,
            error: { kind: 'signInRequired', detail: 'popup_window_error' }
        });
        const start = (): void => {
            outcome = auth.interactive();
        };
        if (this.deps.watchPopup) {
            this.stopPopupWatch = this.deps.watchPopup(start, () => this.popupGone(attempt));
        } else {
            start();
        }
        void outcome.then((result) => {
            if (auth !== this.auth || attempt !== this.attempt) return;
            this.stopPopupWatch();
            this.deps.ui.setBusy(false);
            if (result.ok) {
                this.interaction = 'idle';
                this.deps.ui.showButton(false);
                this.deps.ui.setStatus(this.text.connected);
                this.applyOutcome(result);
            } else {
                this.interaction = 'buttonShown';
                this.deps.ui.setStatus(failureText(result.error, this.text));
                if (result.error.kind === 'accountMismatch') this.setAccount(null, 'accountMismatch');
                this.emit('signInFailed', { error: result.error });
            }
        });
    }

    /**
     * The sign-in window is gone before MSAL answered: Connect unlocks at once (the next click starts
     * over); the sign-in itself keeps running, so a window that was in fact still open can still finish.
     */
    private popupGone(attempt: number): void {
        if (attempt !== this.attempt || this.interaction !== 'popupOpen') return;
        this.interaction = 'buttonShown';
        this.deps.ui.setBusy(false);
        this.deps.ui.setStatus(this.text.windowGone);
    }

    private async disconnect(): Promise<Handled> {
        if (this.auth !== null) await this.auth.signOut();
        this.setAccount(null, 'userDisconnected');
        this.deps.ui.setStatus(this.text.disconnected);
        return { ok: true, result: {} };
    }

    private graphCall(request: BridgeRequest): Promise<Handled> | Handled {
        const graph = this.graph;
        const auth = this.auth;
        if (graph === null || auth === null) {
            return { ok: false, error: { kind: 'invalidRequest', detail: 'notInitialized' } };
        }
        if (this.account === null)
            return { ok: false, error: { kind: 'signInRequired', detail: 'notSignedIn' } };
        const supervisorCall = request.type === 'getPresencesByUserId';
        if (supervisorCall !== (auth.role === 'supervisor') && request.type !== 'getPresence') {
            return {
                ok: false,
                error: { kind: 'forbidden', detail: `${request.type} is not for the ${auth.role} role` }
            };
        }
        const userId = this.account.objectId;
        return this.withOneRenewal(auth, () => this.send(graph, request, userId));
    }

    /**
     * A Graph call that Graph answers 401 (the token was revoked, or its claims no longer hold) is sent
     * once more with a token MSAL redeems afresh from the refresh token; only a second 401, or a failed
     * renewal, ends in signInRequired (the connector shows Sign-in required and Connect Microsoft Teams). A 401 means the call was not carried out, so
     * sending a write again is safe.
     */
    private async withOneRenewal(
        auth: TeamsAuth,
        call: () => Promise<GraphOutcome<unknown>>
    ): Promise<Handled> {
        const first = await call();
        if (first.ok || first.error.status !== 401) return fromGraph(first);
        auth.forgetToken();
        const renewed = await auth.silent(true);
        this.applyOutcome(renewed);
        if (!renewed.ok) return { ok: false, error: renewed.error };
        const second = await call();
        if (!second.ok && second.error.status === 401) auth.forgetToken();
        return fromGraph(second);
    }

    private send(graph: PresenceApi, request: BridgeRequest, userId: string): Promise<GraphOutcome<unknown>> {
        switch (request.type) {
            case 'getPresence':
                return graph.getPresence();
            case 'setPresence': {
                const p = request.params;
                return graph
                    .setPresence(userId, p.availability, p.activity, p.expirationDuration)
                    .then((outcome) => this.track('session', true, outcome));
            }
            case 'clearPresence':
                return graph
                    .clearPresence(userId, request.params.keepalive)
                    .then((outcome) => this.track('session', false, outcome));
            case 'setPreferredPresence': {
                const p = request.params;
                return graph
                    .setPreferredPresence(userId, p.availability, p.activity, p.expirationDuration)
                    .then((outcome) => this.track('preferred', true, outcome));
            }
            case 'clearPreferredPresence':
                return graph
                    .clearPreferredPresence(userId, request.params.keepalive)
                    .then((outcome) => this.track('preferred', false, outcome));
            case 'setStatusMessage':
                return graph.setStatusMessage(userId, request.params.content, request.params.expiresAt);
            case 'getPresencesByUserId':
                return graph.getPresencesByUserId(request.params.ids);
            default:
                return Promise.resolve({
                    ok: false,
                    error: { kind: 'invalidRequest', detail: 'unknownRequest' }
                });
        }
    }

    /** Records what a successful write leaves the app holding in Teams. */
    private track<T>(
        what: 'session' | 'preferred',
        holds: boolean,
        outcome: GraphOutcome<T>
    ): GraphOutcome<T> {
        if (outcome.ok) this.held = { ...this.held, [what]: holds };
        return outcome;
    }

    private applyOutcome(outcome: AuthOutcome): void {
        if (outcome.ok) this.setAccount(outcome.account, null);
        else if (['signInRequired', 'consentRequired', 'accountMismatch'].includes(outcome.error.kind)) {
            this.setAccount(null, outcome.error.kind);
        }
    }

    /** Changes the signed-in account and tells the parent about a change (never about a non-change). */
    private setAccount(
        account: AccountSummary | null,
        reason: BridgeErrorKind | 'userDisconnected' | null
    ): void {
        const before = this.account;
        this.account = account;
        if (account !== null && (before === null || before.objectId !== account.objectId)) {
            this.emit('signedIn', account);
        } else if (account === null && before !== null) {
            this.emit('signedOut', { reason: reason ?? 'signInRequired' });
        }
    }

    private emit<E extends EventType>(type: E, data: EventPayloads[E]): void {
        const event: BridgeEvent = makeEvent(type, data);
        this.deps.window.parent.postMessage(event, this.deps.settings.parentOrigin);
    }
}
