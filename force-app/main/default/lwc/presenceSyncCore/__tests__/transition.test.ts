import { initialState, transition } from 'c/presenceSyncCore';
import type { SyncEvent } from 'c/presenceSyncCore';
import { deliveredConfig, syncing, T0 } from './builders';

describe('c-presence-sync-core', () => {
    describe('transition', () => {
        it('returns the same state and no commands when nothing happens', () => {
            const s = syncing();
            expect(transition(s, { type: 'pageVisible', at: T0 + 5000 })).toEqual([s, []]);
            expect(transition(s, { type: 'pageVisible', at: T0 + 5000 })[0]).toBe(s);
        });

        it('ignores an event type it does not know (a newer runner), without throwing', () => {
            const s = syncing();
            const unknown = { type: 'somethingNew', at: T0 } as unknown as SyncEvent;
            expect(transition(s, unknown)).toEqual([s, []]);
        });

        it('emits showState last and only when the view changed', () => {
            const [s, cmds] = transition(initialState(deliveredConfig()), { type: 'becameLeader', at: T0 });
            expect(cmds.map((c) => c.type)).toEqual(['appendLog', 'showState']);
            expect(cmds[1]).toEqual({ type: 'showState', view: s.view });
            // the tenant size it already has: nothing changes, nothing is shown again
            const [, again] = transition(s, { type: 'tenantSizeKnown', at: T0, agentCount: 1 });
            expect(again).toEqual([]);
        });

        it('never changes the state it was given', () => {
            const s = syncing();
            const copy = JSON.parse(JSON.stringify(s));
            transition(s, {
                type: 'omniStatusChanged',
                at: T0 + 9000,
                status: 'Busy',
                reason: 'OmniManualStatusChange'
            });
            expect(JSON.parse(JSON.stringify(s))).toEqual(copy);
        });
    });
});
