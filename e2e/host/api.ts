/**
 * What the e2e host page exposes to the tests as `window.e2eHost` (types only; shared by the page
 * bundle and the Node side that drives it through page.evaluate).
 */
import type {
    BridgeError,
    BridgeEvent,
    RequestParams,
    RequestType,
    ResultMap
} from '../../force-app/main/default/lwc/presenceSyncBridgeProtocol/presenceSyncBridgeProtocol';

export type HostResult<T extends RequestType = RequestType> =
    { ok: true; value: ResultMap[T] } | { ok: false; error: BridgeError };

/** Every `message` event the host window received, as text (what a leaked token would be in). */
export interface ReceivedMessage {
    origin: string;
    /** 'bridge': from the bridge iframe's window; 'other': any other window */
    source: 'bridge' | 'other';
    data: string;
    at: number;
}

export interface HostCounters {
    accepted: number;
    droppedOrigin: number;
    droppedSource: number;
    droppedMalformed: number;
    droppedUnmatched: number;
}

export interface E2eHost {
    /** the bridge URL the host put into the iframe (bridgeUrlFor(location.origin)) */
    readonly bridgeUrl: string;
    /** validated bridge events, in arrival order (from the client's onEvent) */
    readonly events: BridgeEvent[];
    readonly received: ReceivedMessage[];
    request<T extends RequestType>(
        type: T,
        params: RequestParams[T],
        timeoutMs?: number
    ): Promise<HostResult<T>>;
    /** the LWC's connect(): shows the iframe and asks the bridge for its Connect button */
    connect(): Promise<HostResult<'connect'>>;
    counters(): HostCounters;
    frameVisible(): boolean;
    /**
     * Waits as the sync core would after a 429 (afterThrottle + mayRequest, real clock), then resolves
     * with the instant (epoch ms) it would send again.
     */
    waitAfterThrottle(retryAfter: string | undefined): Promise<{ repliedAt: number; resumedAt: number }>;
    /** Appends an iframe (e.g. a forger page) to the host page; resolves when it has loaded. */
    addFrame(url: string, name: string): Promise<void>;
    /** Index of the bridge iframe in window.frames (what another frame would use to reach it). */
    bridgeFrameIndex(): number;
}

declare global {
    interface Window {
        e2eHost: E2eHost;
    }
}
