/*
 * postMessage client of the Teams bridge (docs/architecture.md). It owns the bridge iframe, numbers
 * requests, gives every request exactly one answer (the bridge's reply or a timeout), and accepts a
 * message only from the one expected Visualforce origin AND from the iframe's own window. Everything
 * else is dropped and counted, never thrown. Tokens never reach this side: the protocol has no field
 * for one and parseMessage copies only known fields.
 */
import { BRIDGE_ERROR_KINDS, makeRequest, parseMessage, parseParams } from 'c/presenceSyncBridgeProtocol';
import type {
    BridgeError,
    BridgeEvent,
    BridgeReply,
    RequestParams,
    RequestType,
    ResultMap
} from 'c/presenceSyncBridgeProtocol';

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export interface BridgeCounters {
    /** messages from the bridge that were accepted (replies matched to a request, and events) */
    accepted: number;
    /** messages from any other origin (other frames on the Lightning page post a lot) */
    droppedOrigin: number;
    /** messages from the right origin but another window than our iframe */
    droppedSource: number;
    /** messages from our iframe that fail the schema, or are requests, or reply with the wrong type */
    droppedMalformed: number;
    /** well-formed replies to no pending request: late replies after a timeout, duplicates */
    droppedUnmatched: number;
}

export interface PresenceSyncBridgeOptions {
    /** absolute URL of the bridge page, e.g. https://acme--c.vf.force.com/apex/TeamsBridge?parentOrigin=... */
    bridgeUrl: string;
    /** where the iframe is appended */
    container: HTMLElement;
    /** bridge events (ready, signedIn, signedOut, signInFailed), after validation */
    onEvent?: (message: BridgeEvent) => void;
    /** per request type timeouts in ms (defaults: DEFAULT_TIMEOUTS_MS) */
    timeoutsMs?: Partial<Record<RequestType, number>>;
    /** the window whose `message` events carry the bridge's messages (default: window) */
    host?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

/** init may run a hidden-iframe sign-in (10 s in MSAL) after fetching the authority metadata. */
export const DEFAULT_TIMEOUTS_MS: Readonly<Record<RequestType, number>> = {
    init: 30000,
    status: 5000,
    connect: 5000,
    getPresence: 15000,
    setPresence: 15000,
    clearPresence: 15000,
    setPreferredPresence: 15000,
    clearPreferredPresence: 15000,
    setStatusMessage: 15000,
    getPresencesByUserId: 20000,
    disconnect: 10000,
    // a wake-up's own delay comes on top (the caller passes the whole timeout)
    wake: 5000
};

const FRAME_TITLE = 'Microsoft Teams connection';

interface Pending {
    type: RequestType;
    resolve: (result: BridgeResult<unknown>) => void;
    // eslint-disable-next-line @locker/locker/distorted-window-set-timeout -- a type query, not a call
    timer: ReturnType<typeof setTimeout>;
    message: unknown;
}

function failure(kind: BridgeError['kind'], detail: string): { ok: false; error: BridgeError } {
    return { ok: false, error: { kind, detail } };
}

/**
 * One bridge iframe and its request/reply channel. Create it, call start(), then request(); call
 * dispose() when the host component disconnects.
 */
export default class PresenceSyncBridge {
    private readonly options: PresenceSyncBridgeOptions;
    private readonly expectedOrigin: string;
    private readonly pending = new Map<string, Pending>();
    private readonly queue: string[] = [];
    private readonly counters: BridgeCounters = {
        accepted: 0,
        droppedOrigin: 0,
        droppedSource: 0,
        droppedMalformed: 0,
        droppedUnmatched: 0
    };
    private frame: HTMLIFrameElement | null = null;
    private ready = false;
    private disposed = false;
    private sequence = 0;
    private readonly idPrefix: string;
    private readonly listener = (event: MessageEvent): void => this.receive(event);

    constructor(options: PresenceSyncBridgeOptions) {
        this.options = options;
        const url = new URL(options.bridgeUrl);
        if (url.protocol !== 'https:') throw new Error('The bridge URL must be https.');
        this.expectedOrigin = url.origin;
        // distinguishes this instance's ids from a previous instance's late replies
        this.idPrefix = `b${Math.floor(Math.random() * 1e9).toString(36)}-`;
    }

    /** Creates the (hidden) iframe and starts listening. Idempotent. */
    start(): void {
        if (this.frame !== null || this.disposed) return;
        (this.options.host ?? window).addEventListener('message', this.listener);
        const frame = document.createElement('iframe');
        frame.title = FRAME_TITLE;
        // LWS allows only http(s), relative URLs and about:blank here and pre-checks same-origin
        // content; the bridge is the org's Visualforce origin over https (cross origin): unchanged
        // eslint-disable-next-line @locker/locker/distorted-html-iframe-script-element-src-setter -- see above
        frame.src = this.options.bridgeUrl;
        frame.referrerPolicy = 'origin';
        frame.style.border = '0';
        frame.style.width = '100%';
        frame.style.height = '160px';
        this.frame = frame;
        this.setVisible(false);
        this.options.container.appendChild(frame);
    }

    /** Shows the iframe (so its Connect button can be clicked) or hides it. */
    setVisible(visible: boolean): void {
        if (this.frame === null) return;
        this.frame.style.display = visible ? 'block' : 'none';
        // LWS distorts setAttribute for particular attributes only (URL-valued and blocked ones);
        // aria-hidden is not among them and is set natively
        // eslint-disable-next-line @locker/locker/distorted-element-set-attribute -- see above
        this.frame.setAttribute('aria-hidden', visible ? 'false' : 'true');
        this.frame.tabIndex = visible ? 0 : -1;
    }

    get isVisible(): boolean {
        return this.frame !== null && this.frame.style.display !== 'none';
    }

    /** True once the bridge page announced `ready`; requests made before are queued, their timeouts run. */
    get isReady(): boolean {
        return this.ready;
    }

    /** A copy of the drop/accept counters. */
    getCounters(): BridgeCounters {
        return { ...this.counters };
    }

    /**
     * Shows the iframe, asks the bridge to show its Connect button, and moves keyboard focus into the frame
     * once the button is there (the bridge focuses its button as it appears), so focus follows the user's
     * Connect click instead of dropping to <body>. Every caller runs on a user's click. The sign-in popup
     * itself cannot open from that click: the click's transient activation stays in this (Lightning)
     * document and its ancestors, never reaches the cross-origin bridge frame (docs/architecture.md).
     */
    connect(): Promise<BridgeResult<ResultMap['connect']>> {
        this.setVisible(true);
        return this.request('connect', {}).then((result) => {
            if (result.ok && this.frame !== null && this.isVisible) this.frame.focus();
            return result;
        });
    }

    /**
     * Sends one request. Resolves exactly once: with the bridge's result, its typed error, or a
     * timeout error. Never rejects.
     */
    request<T extends RequestType>(
        type: T,
        params: RequestParams[T],
        timeoutMs?: number
    ): Promise<BridgeResult<ResultMap[T]>> {
        if (this.disposed || this.frame === null) {
            return Promise.resolve(failure('network', this.disposed ? 'bridgeDisposed' : 'bridgeNotStarted'));
        }
        const checked = parseParams(type, params);
        if (checked === null) return Promise.resolve(failure('invalidRequest', `invalid ${type} parameters`));
        this.sequence += 1;
        const id = `${this.idPrefix}${this.sequence}`;
        const message = makeRequest(id, type, checked);
        const delay = timeoutMs ?? this.options.timeoutsMs?.[type] ?? DEFAULT_TIMEOUTS_MS[type];
        return new Promise((resolve) => {
            // eslint-disable-next-line @lwc/lwc/no-async-operation, @locker/locker/distorted-window-set-timeout -- LWS distorts only the string form of setTimeout (evaluated in the sandbox); this passes a function
            const timer = setTimeout(() => this.settle(id, failure('timeout', `${type} unanswered`)), delay);
            this.pending.set(id, {
                type,
                resolve: resolve as (result: BridgeResult<unknown>) => void,
                timer,
                message
            });
            if (this.ready) this.post(message);
            else this.queue.push(id);
        });
    }

    /** Stops listening, removes the iframe, and answers every pending request with an error. */
    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        (this.options.host ?? window).removeEventListener('message', this.listener);
        for (const id of [...this.pending.keys()]) this.settle(id, failure('network', 'bridgeDisposed'));
        this.queue.length = 0;
        this.frame?.remove();
        this.frame = null;
        this.ready = false;
    }

    private receive(event: MessageEvent): void {
        if (event.origin !== this.expectedOrigin) {
            this.counters.droppedOrigin += 1;
            return;
        }
        const source = this.frame?.contentWindow ?? null;
        if (source === null || event.source !== source) {
            this.counters.droppedSource += 1;
            return;
        }
        const message = parseMessage(event.data);
        if (message === null || message.kind === 'request') {
            this.counters.droppedMalformed += 1;
            return;
        }
        if (message.kind === 'event') {
            this.counters.accepted += 1;
            this.handleEvent(message);
            return;
        }
        this.handleReply(message);
    }

    private handleReply(reply: BridgeReply): void {
        const pending = this.pending.get(reply.id);
        if (pending === undefined) {
            this.counters.droppedUnmatched += 1;
            return;
        }
        if (pending.type !== reply.type) {
            this.counters.droppedMalformed += 1;
            return;
        }
        this.counters.accepted += 1;
        this.settle(
            reply.id,
            reply.ok ? { ok: true, value: reply.result } : { ok: false, error: reply.error }
        );
    }

    private handleEvent(event: BridgeEvent): void {
        if (event.type === 'ready') {
            // a (re)loaded bridge page: send what waited for it
            this.ready = true;
            for (const id of this.queue.splice(0)) {
                const pending = this.pending.get(id);
                if (pending !== undefined) this.post(pending.message);
            }
        } else if (event.type === 'signedIn') {
            this.setVisible(false);
        }
        this.options.onEvent?.(event);
    }

    private settle(id: string, result: BridgeResult<unknown>): void {
        const pending = this.pending.get(id);
        if (pending === undefined) return;
        this.pending.delete(id);
        clearTimeout(pending.timer);
        const queued = this.queue.indexOf(id);
        if (queued >= 0) this.queue.splice(queued, 1);
        pending.resolve(result);
    }

    private post(message: unknown): void {
        this.frame?.contentWindow?.postMessage(message, this.expectedOrigin);
    }
}

/** The error kinds a reply can carry (re-exported for callers that switch over them). */
export const ERROR_KINDS = BRIDGE_ERROR_KINDS;
