/*
 * The bridge's wake-ups (wake.ts): timed by a worker when one starts, by the frame's own timers when
 * none can (no Worker, a policy that refuses it, a worker that fails to load).
 */
import { createWake, WAKE_WORKER_SCRIPT } from '../wake';
import type { WakeWindow, WakeWorker } from '../wake';

class FakeWorker implements WakeWorker {
    static made: FakeWorker[] = [];
    readonly posted: { id: number; delayMs: number }[] = [];
    private readonly listeners: Record<string, ((event: { data: unknown }) => void)[]> = {};
    terminated = false;
    constructor(readonly url: string) {
        FakeWorker.made.push(this);
    }
    postMessage(message: { id: number; delayMs: number }): void {
        this.posted.push(message);
    }
    addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
        (this.listeners[type] ??= []).push(listener);
    }
    terminate(): void {
        this.terminated = true;
    }
    fire(type: 'message' | 'error', data?: unknown): void {
        for (const l of this.listeners[type] ?? []) l({ data });
    }
}

function fakeWindow(options: { worker?: boolean; throws?: boolean } = {}) {
    const timers: { fn: () => void; ms: number }[] = [];
    const blobs: string[][] = [];
    const win: WakeWindow = {
        URL: { createObjectURL: () => 'blob:https://acme--c.vf.force.com/wake' },
        Blob: class {
            constructor(parts: string[]) {
                blobs.push(parts);
            }
        } as unknown as WakeWindow['Blob'],
        setTimeout: (fn, ms) => timers.push({ fn, ms })
    };
    if (options.worker !== false) {
        win.Worker = class extends FakeWorker {
            constructor(url: string) {
                if (options.throws) throw new Error('SecurityError');
                super(url);
            }
        };
    }
    return { win, timers, blobs };
}

const settled = (p: Promise<void>) => {
    let done = false;
    void p.then(() => {
        done = true;
    });
    return () => new Promise<boolean>((resolve) => setTimeout(() => resolve(done), 0));
};

beforeEach(() => {
    FakeWorker.made = [];
});

describe('bridge wake-ups', () => {
    it('are timed by one worker made from its script, each answered by its id', async () => {
        const { win, timers, blobs } = fakeWindow();
        const wake = createWake(win);
        const first = settled(wake(2554));
        const second = settled(wake(240_000));

        expect(FakeWorker.made).toHaveLength(1);
        expect(blobs).toEqual([[WAKE_WORKER_SCRIPT]]);
        const worker = FakeWorker.made[0] as FakeWorker;
        expect(worker.posted).toEqual([
            { id: 1, delayMs: 2554 },
            { id: 2, delayMs: 240_000 }
        ]);
        worker.fire('message', 2);
        expect(await second()).toBe(true);
        expect(await first()).toBe(false);
        worker.fire('message', 'garbage');
        worker.fire('message', 1);
        expect(await first()).toBe(true);
        expect(timers).toEqual([]);
    });

    it('fall back to the frame timers without a Worker or when the page refuses one', async () => {
        for (const options of [{ worker: false }, { throws: true }]) {
            const { win, timers } = fakeWindow(options);
            const wake = createWake(win);
            const done = settled(wake(2554));
            expect(timers.map((t) => t.ms)).toEqual([2554]);
            timers[0]?.fn();
            expect(await done()).toBe(true);
        }
    });

    it('move the wake-ups waiting on a worker that fails to load to the frame timers, and stay there', async () => {
        const { win, timers } = fakeWindow();
        const wake = createWake(win);
        const waiting = settled(wake(60_000));
        const worker = FakeWorker.made[0] as FakeWorker;

        worker.fire('error');

        expect(worker.terminated).toBe(true);
        expect(timers).toHaveLength(1);
        expect(timers[0]?.ms).toBeGreaterThan(59_000);
        timers[0]?.fn();
        expect(await waiting()).toBe(true);
        void wake(1000);
        expect(FakeWorker.made).toHaveLength(1);
        expect(timers.map((t) => t.ms)).toContain(1000);
    });
});
