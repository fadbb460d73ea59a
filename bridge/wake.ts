/*
 * Wake-ups for the connector's timers while its page is hidden (the `wake` request). Chrome runs the
 * timers of a hidden page and its frames on 1-second aligned wake-ups; the timers of a dedicated worker
 * are outside that rule ("Heavy throttling of chained JS timers beginning in Chrome 88",
 * developer.chrome.com/blog/timer-throttling-in-chrome-88; docs/sync-policy.md, "Hidden pages"). The
 * connector cannot start a worker (Lightning Web Security throws on `new Worker`); this Visualforce page
 * is not under Lightning Web Security and can.
 *
 * The worker is made once, from a Blob of its few lines (no second file in the static resource). Where
 * it cannot start (no Worker, a Content-Security-Policy without `blob:` for workers, a load error), the
 * wake-ups fall back to this frame's own timers: aligned while hidden, as before.
 */

/** Resolves after `delayMs` (never rejects). */
export type Wake = (delayMs: number) => Promise<void>;

/** What the wake-ups use of the frame's window (a stand-in in the tests). */
export interface WakeWindow {
    Worker?: new (url: string) => WakeWorker;
    URL: { createObjectURL(blob: Blob): string };
    Blob: new (parts: string[], options: { type: string }) => Blob;
    setTimeout(fn: () => void, ms: number): unknown;
}

/** The part of a dedicated worker the wake-ups use. */
export interface WakeWorker {
    postMessage(message: { id: number; delayMs: number }): void;
    addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
    addEventListener(type: 'error', listener: () => void): void;
    terminate(): void;
}

/** The worker's whole script: answers each message with its id after its delay. */
export const WAKE_WORKER_SCRIPT =
    'self.onmessage = function (e) { var m = e.data; setTimeout(function () { self.postMessage(m.id); }, m.delayMs); };';

export function createWake(win: WakeWindow): Wake {
    let worker: WakeWorker | null = null;
    let broken = false;
    let sequence = 0;
    const pending = new Map<number, { resolve: () => void; dueAt: number }>();

    /** The worker cannot help: every wake-up waiting on it (and every later one) uses a frame timer. */
    const fallBack = (): void => {
        broken = true;
        worker?.terminate();
        worker = null;
        for (const { resolve, dueAt } of pending.values()) {
            win.setTimeout(resolve, Math.max(0, dueAt - Date.now()));
        }
        pending.clear();
    };

    const start = (): WakeWorker | null => {
        if (worker !== null || broken) return worker;
        const WorkerClass = win.Worker;
        if (WorkerClass === undefined) {
            broken = true;
            return null;
        }
        try {
            const url = win.URL.createObjectURL(
                new win.Blob([WAKE_WORKER_SCRIPT], { type: 'text/javascript' })
            );
            const started = new WorkerClass(url);
            started.addEventListener('message', (event) => {
                const id = event.data;
                if (typeof id !== 'number') return;
                const entry = pending.get(id);
                pending.delete(id);
                entry?.resolve();
            });
            // a script the page's policy refuses, or one that fails to load, reports here
            started.addEventListener('error', fallBack);
            worker = started;
        } catch {
            broken = true;
        }
        return worker;
    };

    return (delayMs) =>
        new Promise<void>((resolve) => {
            const w = start();
            if (w === null) {
                win.setTimeout(resolve, delayMs);
                return;
            }
            sequence += 1;
            pending.set(sequence, { resolve, dueAt: Date.now() + delayMs });
            w.postMessage({ id: sequence, delayMs });
        });
}
