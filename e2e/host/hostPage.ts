/*
 * The e2e host page (Lightning origin): embeds the Teams bridge exactly as the LWC does, through the
 * real presenceSyncBridge client (bundled from force-app by esbuild), and exposes it to the tests as
 * `window.e2eHost`. It also records every message event the window receives, so that a test can scan
 * them for tokens, and waits after a 429 with the sync core's own functions.
 */
import PresenceSyncBridge from 'c/presenceSyncBridge';
import { bridgeUrlFor } from 'c/presenceSyncBridgeProtocol';
import type { BridgeEvent, RequestParams, RequestType } from 'c/presenceSyncBridgeProtocol';
import { NO_RETRY, afterThrottle, mayRequest } from 'c/presenceSyncCore';
import type { E2eHost, HostResult, ReceivedMessage } from './api';

function asText(data: unknown): string {
    try {
        return typeof data === 'string' ? data : JSON.stringify(data);
    } catch {
        return String(data);
    }
}

function main(): void {
    const container = document.getElementById('bridge-container');
    const bridgeUrl = bridgeUrlFor(window.location.origin);
    if (container === null || bridgeUrl === null)
        throw new Error('e2e host: no container or not a Lightning origin');

    const received: ReceivedMessage[] = [];
    const events: BridgeEvent[] = [];
    let lastSettledAt = 0;
    // registered before the client's listener: sees every message, dropped ones included
    window.addEventListener('message', (event: MessageEvent) => {
        const frame = container.querySelector('iframe');
        received.push({
            origin: event.origin,
            source: frame !== null && event.source === frame.contentWindow ? 'bridge' : 'other',
            data: asText(event.data),
            at: Date.now()
        });
    });

    const bridge = new PresenceSyncBridge({
        bridgeUrl,
        container,
        onEvent: (event) => events.push(event)
    });
    bridge.start();

    const settle = <T>(result: T): T => {
        lastSettledAt = Date.now();
        return result;
    };

    const host: E2eHost = {
        bridgeUrl,
        events,
        received,
        request<T extends RequestType>(type: T, params: RequestParams[T], timeoutMs?: number) {
            return bridge.request(type, params, timeoutMs).then((r) => settle(r as HostResult<T>));
        },
        connect: () => bridge.connect().then((r) => settle(r as HostResult<'connect'>)),
        counters: () => bridge.getCounters(),
        frameVisible: () => bridge.isVisible,
        waitAfterThrottle(retryAfter) {
            const repliedAt = lastSettledAt;
            const retry = afterThrottle(NO_RETRY, retryAfter, repliedAt, Math.random());
            return new Promise((resolve) => {
                const check = (): void => {
                    const now = Date.now();
                    if (mayRequest(retry, now)) resolve({ repliedAt, resumedAt: now });
                    else setTimeout(check, Math.max(1, (retry.waitUntil ?? now) - now));
                };
                check();
            });
        },
        addFrame(url, name) {
            return new Promise((resolve) => {
                const frame = document.createElement('iframe');
                frame.name = name;
                frame.title = name;
                frame.addEventListener('load', () => resolve(), { once: true });
                frame.src = url;
                document.body.appendChild(frame);
            });
        },
        bridgeFrameIndex() {
            const frame = container.querySelector('iframe');
            return Array.from(document.querySelectorAll('iframe')).findIndex((f) => f === frame);
        }
    };
    window.e2eHost = host;
}

main();
