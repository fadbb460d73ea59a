/**
 * Waiting in the browser tests: for a state or an event, never for a time. A wait has no deadline of its
 * own; the runner's per-scenario limit (e2e/run.ts) is the only one, a safety net against a hang, and when
 * it ends a scenario it names the waits that were still open (with what each saw last) and stops them.
 */

interface OpenWait {
    what: string;
    last?: string;
}

const open = new Set<OpenWait>();
let stopped: Error | null = null;

/** Called by the runner when a scenario's limit ends it: every open wait stops with this error. */
export function stopWaits(reason: Error): void {
    stopped = reason;
}

/** Called by the runner before each scenario. */
export function resetWaits(): void {
    stopped = null;
    open.clear();
}

/** What the scenario was still waiting for (for the runner's message when its limit ends it). */
export function openWaits(): string[] {
    return [...open].map((w) => (w.last === undefined ? w.what : `${w.what} (last seen: ${w.last})`));
}

/**
 * Between two looks at a state: a sampling pause, so that a probe answered from memory does not spin a
 * core the browser needs. Nothing is decided by it: a slower machine only means more looks.
 */
const SAMPLE_MS = 25;
const nextLook = () => new Promise<void>((resolve) => setTimeout(resolve, SAMPLE_MS));

/**
 * Looks at a state until `probe` returns a value other than undefined, and returns it. `describe` may say
 * what was seen, for the message when the scenario's limit ends the wait.
 */
export async function waitUntil<T>(
    what: string,
    probe: () => Promise<T | undefined>,
    describe?: () => string
): Promise<T> {
    const wait: OpenWait = { what };
    open.add(wait);
    try {
        for (;;) {
            if (stopped) throw new Error(`${stopped.message} while waiting for ${what}`);
            const value = await probe();
            if (value !== undefined) return value;
            if (describe) wait.last = describe();
            await nextLook();
        }
    } finally {
        open.delete(wait);
    }
}

/** Awaits a promise (an event), registered as an open wait so the runner can name it. */
export async function waitFor<T>(what: string, promise: Promise<T>): Promise<T> {
    const wait: OpenWait = { what };
    open.add(wait);
    try {
        return await promise;
    } finally {
        open.delete(wait);
    }
}
