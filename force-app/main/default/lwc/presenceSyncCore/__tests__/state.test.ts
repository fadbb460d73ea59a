import { initialState, isActive, isOnCall, NO_RETRY } from 'c/presenceSyncCore';
import { deliveredConfig } from './builders';

describe('c-presence-sync-core', () => {
    describe('initialState', () => {
        it('knows nothing yet: not signed in, leadership unknown, no status on either side', () => {
            const config = deliveredConfig();
            expect(initialState(config)).toEqual({
                config,
                signedIn: false,
                signInIssue: null,
                leader: null,
                paused: false,
                hidden: false,
                closed: false,
                agentCount: 1,
                salesforce: null,
                pendingOmni: null,
                calls: [],
                wrapUpUntil: null,
                teams: null,
                lastSequence: null,
                held: { session: null, sessionAt: null, preferred: null, preferredAt: null },
                uncertain: { session: false, preferred: false },
                owed: false,
                userPreferred: false,
                followed: false,
                renewPreferred: false,
                generation: 0,
                inflight: [],
                verify: false,
                verifyBasis: null,
                readGeneration: null,
                pollDueAt: null,
                keepAliveDue: false,
                masked: null,
                retry: NO_RETRY,
                log: { capacity: 50, next: 0, slots: [] },
                view: null
            });
        });

        it('is active only when signed in, leader, not paused and open; on a call during calls and wrap-up', () => {
            const s = { ...initialState(deliveredConfig()), signedIn: true, leader: true };
            expect([isActive(s), isActive({ ...s, paused: true }), isActive({ ...s, closed: true })]).toEqual(
                [true, false, false]
            );
            expect([
                isOnCall(s),
                isOnCall({ ...s, calls: ['c'] }),
                isOnCall({ ...s, wrapUpUntil: 5 })
            ]).toEqual([false, true, true]);
        });
    });
});
