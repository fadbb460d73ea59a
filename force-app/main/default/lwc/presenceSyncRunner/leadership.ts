/*
 * The leadership port over the Web Locks API: one syncing tab per user. The lock is held for as long as
 * the callback's promise is pending, so it passes to the next waiting tab as soon as the leader releases
 * it or its page goes away (the browser releases the locks of a closed document).
 */
import type { LeadershipPort } from './ports';

/** The part of `navigator.locks` (LockManager) used here. */
export interface LockManagerLike {
    request(
        lockName: string,
        options: { mode?: 'exclusive' | 'shared'; ifAvailable?: boolean; signal?: AbortSignal },
        callback: (lock: unknown) => unknown
    ): Promise<unknown>;
}

/** Why this tab leads without a lock: Web Locks are missing or refused the request. */
export type LeadershipFallback = 'webLocksMissing' | 'webLocksFailed';

export interface WebLocksLeadershipOptions {
    /** told when this tab leads without a lock (the runner's UI may log or show it) */
    onFallback?: (reason: LeadershipFallback) => void;
}

function isLockManager(value: unknown): value is LockManagerLike {
    return (
        typeof value === 'object' &&
        value !== null &&
        typeof (value as { request?: unknown }).request === 'function'
    );
}

/**
 * `webLocksLeadership(navigator.locks)`. First asks with `ifAvailable` (answers at once: leader, or
 * follower when another tab holds it), then waits in the queue for the lock. Without Web Locks (or when a
 * request is refused) this tab leads, and `onFallback` says why.
 */
export function webLocksLeadership(
    navigatorLocks: unknown,
    options: WebLocksLeadershipOptions = {}
): LeadershipPort {
    return {
        acquire(lockName, onLeader, onFollower) {
            let released = false;
            let leading = false;
            let releaseHeld: () => void = () => undefined;
            const held = new Promise<void>((resolve) => {
                releaseHeld = resolve;
            });
            const abort = typeof AbortController === 'function' ? new AbortController() : null;
            const lead = (): Promise<void> | undefined => {
                if (released) return undefined;
                leading = true;
                onLeader();
                return held;
            };
            const fallback = (reason: LeadershipFallback): void => {
                if (released || leading) return;
                options.onFallback?.(reason);
                lead();
            };
            if (!isLockManager(navigatorLocks)) {
                fallback('webLocksMissing');
            } else {
                const locks = navigatorLocks;
                const wait = (): void => {
                    if (released) return;
                    const waitOptions: { mode: 'exclusive'; signal?: AbortSignal } = { mode: 'exclusive' };
                    if (abort) waitOptions.signal = abort.signal;
                    locks
                        .request(lockName, waitOptions, () => lead())
                        .catch(() => {
                            if (!released) fallback('webLocksFailed');
                        });
                };
                try {
                    locks
                        .request(lockName, { mode: 'exclusive', ifAvailable: true }, (lock: unknown) => {
                            if (lock === null || lock === undefined) {
                                if (!released) onFollower?.();
                                wait();
                                return undefined;
                            }
                            return lead();
                        })
                        .catch(() => {
                            if (!released) fallback('webLocksFailed');
                        });
                } catch {
                    fallback('webLocksFailed');
                }
            }
            return {
                release() {
                    if (released) return;
                    released = true;
                    releaseHeld();
                    abort?.abort();
                }
            };
        }
    };
}
