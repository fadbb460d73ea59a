import PresenceSyncBridge from 'c/presenceSyncBridge';
import type { BridgeResult } from 'c/presenceSyncBridge';
import type { RequestType } from 'c/presenceSyncBridgeProtocol';
import { bridgeTeamsPort, browserClock, webLocksLeadership } from 'c/presenceSyncRunner';
import type { BridgeClient, LockManagerLike } from 'c/presenceSyncRunner';
import { flush } from './fakes';

/**
 * An in-memory LockManager with the Web Locks semantics the port relies on: one exclusive holder per
 * name, held until the callback's promise settles; waiters in request order; `ifAvailable` answers null
 * at once when held; an aborted waiter's request rejects with AbortError.
 */
class FakeLocks implements LockManagerLike {
    holder: string | null = null;
    private readonly waiting: {
        id: string;
        callback: (lock: unknown) => unknown;
        resolve: (v: unknown) => void;
        reject: (e: unknown) => void;
    }[] = [];
    private seq = 0;

    request(
        lockName: string,
        options: { mode?: 'exclusive' | 'shared'; ifAvailable?: boolean; signal?: AbortSignal },
        callback: (lock: unknown) => unknown
    ): Promise<unknown> {
        this.seq += 1;
        const id = `${lockName}#${this.seq}`;
        return new Promise((resolve, reject) => {
            if (this.holder !== null && options.ifAvailable) {
                Promise.resolve()
                    .then(() => callback(null))
                    .then(resolve, reject);
                return;
            }
            const entry = { id, callback, resolve, reject };
            options.signal?.addEventListener('abort', () => {
                const index = this.waiting.indexOf(entry);
                if (index >= 0) {
                    this.waiting.splice(index, 1);
                    reject(new DOMException('aborted', 'AbortError'));
                }
            });
            this.waiting.push(entry);
            this.grant();
        });
    }

    private grant(): void {
        if (this.holder !== null) return;
        const next = this.waiting.shift();
        if (next === undefined) return;
        this.holder = next.id;
        Promise.resolve()
            .then(() => next.callback({ name: next.id }))
            .then(
                (value) => {
                    this.holder = null;
                    next.resolve(value);
                    this.grant();
                },
                (error: unknown) => {
                    this.holder = null;
                    next.reject(error);
                    this.grant();
                }
            );
    }
}

function tab(locks: unknown, fallbacks: string[] = []) {
    const log: string[] = [];
    const leadership = webLocksLeadership(locks, { onFallback: (reason) => fallbacks.push(reason) });
    const handle = leadership.acquire(
        'presenceSync.leader',
        () => log.push('leader'),
        () => log.push('follower')
    );
    return { log, handle };
}

describe('c-presence-sync-runner', () => {
    describe('webLocksLeadership', () => {
        it('makes the first tab leader and the second a follower, and hands over when the leader releases', async () => {
            const locks = new FakeLocks();
            const first = tab(locks);
            await flush();
            const second = tab(locks);
            await flush();

            expect(first.log).toEqual(['leader']);
            expect(second.log).toEqual(['follower']);

            first.handle.release();
            await flush();

            expect(second.log).toEqual(['follower', 'leader']);
            expect(first.log).toEqual(['leader']);
        });

        it('stops waiting when a follower releases, so it never leads later', async () => {
            const locks = new FakeLocks();
            const first = tab(locks);
            const second = tab(locks);
            const third = tab(locks);
            await flush();
            second.handle.release();
            first.handle.release();
            await flush();

            expect(second.log).toEqual(['follower']);
            expect(third.log).toEqual(['follower', 'leader']);
        });

        it('does not lead when released before the lock is granted', async () => {
            const locks = new FakeLocks();
            const first = tab(locks);
            first.handle.release();
            await flush();
            expect(first.log).toEqual([]);
            expect(locks.holder).toBeNull();
        });

        it('leads without a lock when Web Locks are missing, and says so', () => {
            const fallbacks: string[] = [];
            const { log } = tab(undefined, fallbacks);
            expect(log).toEqual(['leader']);
            expect(fallbacks).toEqual(['webLocksMissing']);
        });

        it('leads without a lock when the lock request is refused (e.g. SecurityError), and says so', async () => {
            const fallbacks: string[] = [];
            const refusing: LockManagerLike = {
                request: () => Promise.reject(new DOMException('denied', 'SecurityError'))
            };
            const { log } = tab(refusing, fallbacks);
            await flush();
            expect(log).toEqual(['leader']);
            expect(fallbacks).toEqual(['webLocksFailed']);
        });

        it('leads without a lock when request throws synchronously', () => {
            const fallbacks: string[] = [];
            const throwing: LockManagerLike = {
                request: () => {
                    throw new TypeError('not supported');
                }
            };
            const { log } = tab(throwing, fallbacks);
            expect(log).toEqual(['leader']);
            expect(fallbacks).toEqual(['webLocksFailed']);
        });

        it('asks for an exclusive lock by the given name', async () => {
            const locks = new FakeLocks();
            const spy = jest.spyOn(locks, 'request');
            tab(locks);
            await flush();
            expect(spy).toHaveBeenCalledWith(
                'presenceSync.leader',
                { mode: 'exclusive', ifAvailable: true },
                expect.any(Function)
            );
        });
    });

    describe('browserClock', () => {
        afterEach(() => jest.useRealTimers());

        it('tells the wall time and runs and cancels window timers', () => {
            jest.useFakeTimers({ now: 1_700_000_000_000 });
            const clock = browserClock();
            const fired: string[] = [];

            clock.setTimeout(() => fired.push('a'), 100);
            const b = clock.setTimeout(() => fired.push('b'), 100);
            clock.clearTimeout(b);
            clock.clearTimeout('not a handle');
            jest.advanceTimersByTime(100);

            expect(clock.now()).toBe(1_700_000_000_100);
            expect(fired).toEqual(['a']);
        });
    });

    describe('bridgeTeamsPort', () => {
        function fakeBridge(answer: (type: RequestType, params: unknown) => BridgeResult<unknown>) {
            const requests: [string, unknown][] = [];
            const bridge: BridgeClient = {
                request: ((type: RequestType, params: unknown) => {
                    requests.push([type, params]);
                    return Promise.resolve(answer(type, params));
                }) as BridgeClient['request'],
                connect: () => {
                    requests.push(['connect', {}]);
                    return Promise.resolve(answer('connect', {})) as ReturnType<BridgeClient['connect']>;
                }
            };
            return { bridge, requests };
        }

        it('is satisfied by the real bridge client', () => {
            const client: BridgeClient = {} as PresenceSyncBridge;
            expect(client).toBeDefined();
        });

        it('passes each call to its bridge request and resolves with the result', async () => {
            const reading = { availability: 'Busy', activity: 'InACall', sequenceNumber: 'S1' };
            const { bridge, requests } = fakeBridge((type) => {
                return { ok: true, value: type === 'getPresence' ? reading : {} };
            });
            const port = bridgeTeamsPort(bridge);

            await expect(port.getPresence()).resolves.toEqual({
                availability: 'Busy',
                activity: 'InACall',
                sequenceNumber: 'S1'
            });
            await expect(
                port.setPresence({ availability: 'Busy', activity: 'InACall', expirationDuration: 'PT10M' })
            ).resolves.toBeUndefined();
            await port.clearPresence(true);
            await port.setPreferredPresence({ availability: 'Away', activity: 'Away' });
            await port.setPreferredPresence({
                availability: 'Busy',
                activity: 'Busy',
                expirationDuration: 'PT1H'
            });
            await port.clearPreferredPresence(false);
            await port.connect();
            await port.disconnect();

            expect(requests).toEqual([
                ['getPresence', {}],
                ['setPresence', { availability: 'Busy', activity: 'InACall', expirationDuration: 'PT10M' }],
                ['clearPresence', { keepalive: true }],
                ['setPreferredPresence', { availability: 'Away', activity: 'Away' }],
                [
                    'setPreferredPresence',
                    { availability: 'Busy', activity: 'Busy', expirationDuration: 'PT1H' }
                ],
                ['clearPreferredPresence', { keepalive: false }],
                ['connect', {}],
                ['disconnect', {}]
            ]);
        });

        it('leaves out a sequence number the reading does not have', async () => {
            const { bridge } = fakeBridge(() => ({
                ok: true,
                value: { availability: 'Away', activity: 'Away' }
            }));
            await expect(bridgeTeamsPort(bridge).getPresence()).resolves.toEqual({
                availability: 'Away',
                activity: 'Away'
            });
        });

        it('rejects with the bridge error', async () => {
            const error = { kind: 'throttled' as const, status: 429, retryAfter: '7' };
            const { bridge } = fakeBridge(() => ({ ok: false, error }));
            const port = bridgeTeamsPort(bridge);
            await expect(port.getPresence()).rejects.toEqual(error);
            await expect(port.clearPresence(false)).rejects.toEqual(error);
            await expect(port.connect()).rejects.toEqual(error);
        });
    });
});
