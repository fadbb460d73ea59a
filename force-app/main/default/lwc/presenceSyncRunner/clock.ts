/*
 * The clock ports of the browser: wall time for the events' time stamps, and timers.
 */
import type { ClockPort } from './ports';

export function browserClock(): ClockPort {
    return {
        now: () => Date.now(),
        setTimeout: (fn, ms) => {
            // eslint-disable-next-line @lwc/lwc/no-async-operation, @locker/locker/distorted-window-set-timeout -- LWS distorts only the string form of setTimeout (evaluated in the sandbox); this passes a function
            return window.setTimeout(fn, ms);
        },
        clearTimeout: (handle) => {
            if (typeof handle === 'number') window.clearTimeout(handle);
        }
    };
}

/** how long after its delay a wake-up may come before a window timer finishes it */
export const WAKE_GRACE_MS = 5000;

export interface WakeClockOptions {
    /** the window timers (browserClock()) */
    base: ClockPort;
    /** whether wake-ups are wanted now (the page is hidden and the bridge is ready) */
    useWake(): boolean;
    /**
     * Asks the bridge for a wake-up after `delayMs` (its `wake` request, answered within `timeoutMs`);
     * resolves true when it came, false when it did not (never rejects).
     */
    wake(delayMs: number, timeoutMs: number): Promise<boolean>;
}

/**
 * The runner's timers while its page may be hidden. When `useWake()` holds, a timer is a wake-up from
 * the Teams bridge: the bridge answers it from a worker, whose timers Chrome does not align to whole
 * seconds as it does a hidden page's (docs/sync-policy.md, "Hidden pages"), and the reply arrives as a
 * message, which no throttling holds back. A wake-up the bridge does not answer in time (its worker
 * gone, the frame reloading) is finished on a window timer, and every later timer uses window timers
 * (aligned while hidden, but never late by the grace). A cancelled timer never fires.
 */
export function wakeClock(options: WakeClockOptions): ClockPort {
    const { base } = options;
    let wakeFailed = false;
    return {
        now: () => base.now(),
        setTimeout: (fn, ms) => {
            if (wakeFailed || !options.useWake()) return { timer: base.setTimeout(fn, ms) };
            const delayMs = Math.max(0, Math.round(ms));
            const dueAt = base.now() + delayMs;
            const entry: { timer: unknown; cancelled: boolean } = { timer: null, cancelled: false };
            options.wake(delayMs, delayMs + WAKE_GRACE_MS).then((woken) => {
                if (entry.cancelled) return;
                if (woken) {
                    fn();
                    return;
                }
                wakeFailed = true;
                entry.timer = base.setTimeout(fn, Math.max(0, dueAt - base.now()));
            });
            return entry;
        },
        clearTimeout: (handle) => {
            const entry = handle as { timer: unknown; cancelled?: boolean } | null;
            if (entry === null || typeof entry !== 'object') return;
            entry.cancelled = true;
            if (entry.timer !== null) base.clearTimeout(entry.timer);
        }
    };
}
