import { callPair, teamsTarget, transition } from 'c/presenceSyncCore';
import type { SyncState } from '../state';
import { deliveredConfig, effects, logged, settle, syncing, T0 } from './builders';

const T = T0 + 10_000;
const DND = { availability: 'DoNotDisturb', activity: 'DoNotDisturb' };

/** A syncing state in which the user has just set DoNotDisturb in Teams (and Salesforce followed). */
function userSetDndInTeams(config = deliveredConfig()): SyncState {
    const s = syncing(config);
    const [s1, c1] = transition(s, { type: 'timerFired', at: T, timer: 'poll', random: 0 });
    const read = c1.find((c) => c.type === 'readTeams') as { generation: number };
    const [s2] = transition(s1, {
        type: 'teamsPresenceRead',
        at: T + 100,
        presence: DND,
        generation: read.generation
    });
    const [s3] = transition(s2, {
        type: 'omniStatusChanged',
        at: T + 300,
        status: 'Do_Not_Disturb',
        reason: 'OmniToolkitStatusChange'
    });
    return s3;
}

describe('c-presence-sync-core', () => {
    describe('writing the Salesforce side to Teams (reconcile)', () => {
        it('latest intent wins: a Salesforce change clears the preferred presence the user set in Teams', () => {
            const s = userSetDndInTeams();
            expect(s.userPreferred).toBe(true);
            const [, cmds] = transition(s, {
                type: 'omniStatusChanged',
                at: T + 5000,
                status: 'Available',
                reason: 'OmniManualStatusChange'
            });
            // the app's Available session is still there: only the user's preferred presence has to go
            expect(effects(cmds)).toEqual([
                { type: 'setPhoneReasonCode', code: 'AVAILABLE' },
                { type: 'clearTeamsPreferred', writeId: s.generation + 2, keepalive: false }
            ]);
            expect(logged(cmds)).toEqual(['manual', 'writeClearUser']);
        });

        it('with TeamsManualWins leaves the user preferred presence alone and reports it as masking', () => {
            const s = userSetDndInTeams(deliveredConfig(0, { manualStatusPolicy: 'TeamsManualWins' }));
            const [s1, c1] = transition(s, {
                type: 'omniStatusChanged',
                at: T + 5000,
                status: 'Available',
                reason: 'OmniManualStatusChange'
            });
            expect(effects(c1)).toEqual([
                { type: 'setPhoneReasonCode', code: 'AVAILABLE' },
                { type: 'readTeams', generation: s1.generation }
            ]);
            const [s2, c2] = transition(s1, {
                type: 'teamsPresenceRead',
                at: T + 5100,
                presence: DND,
                generation: s1.generation
            });
            expect(logged(c2)).toEqual(['masked']);
            expect(s2.view?.masked).toEqual({
                wrote: { availability: 'Available', activity: 'Available' },
                shows: DND
            });
        });

        it('with TeamsManualWins does not overwrite the user preferred presence with ours either', () => {
            const s = userSetDndInTeams(deliveredConfig(0, { manualStatusPolicy: 'TeamsManualWins' }));
            const [s1, c1] = transition(s, {
                type: 'omniStatusChanged',
                at: T + 5000,
                status: 'Away',
                reason: 'OmniManualStatusChange'
            });
            // nothing to write: our Available session stays under the user's DND, and Away is not forced
            expect(effects(c1).map((c) => c.type)).toEqual(['setPhoneReasonCode', 'readTeams']);
            expect(logged(c1)).toEqual(['manual', 'manualWins']);
            expect(s1.masked).toEqual({ wrote: { availability: 'Away', activity: 'Away' }, shows: DND });
        });

        it('writes nothing to Teams on the 3CX route, whatever the status', () => {
            const s = syncing(deliveredConfig(2));
            expect(teamsTarget(s)).toBeNull();
            const [, cmds] = transition(s, { type: 'omniLoggedOut', at: T });
            expect(effects(cmds).filter((c) => c.type.includes('Teams'))).toEqual([]);
        });

        it('writes nothing for an unknown status and nothing before the status is known', () => {
            const s = syncing();
            expect(teamsTarget({ ...s, salesforce: 'Lunch' })).toBeNull();
            expect(teamsTarget({ ...s, salesforce: null })).toBeNull();
        });

        it('clears only the session on logout when the Offline row writes nothing', () => {
            const config = deliveredConfig();
            const offline = config.rows.filter((r) => r.salesforceStatus === 'Offline');
            const rows = [
                ...config.rows.filter((r) => r.salesforceStatus !== 'Offline'),
                ...offline.map((r) => ({ ...r, writeKind: 'None' as const }))
            ];
            const s = { ...syncing({ ...config, rows }), salesforce: 'Offline' };
            expect(teamsTarget(s)).toEqual({ session: null, preferred: null });
        });

        it('lets a call override the status but never Offline', () => {
            const s = { ...syncing(), calls: ['c'] };
            expect(teamsTarget(s)).toEqual({ session: callPair(s), preferred: null });
            expect(teamsTarget({ ...s, salesforce: 'Offline' })).toEqual({ session: null, preferred: null });
        });

        it('holds only the neutral Available session (or nothing) while Salesforce follows Teams', () => {
            const s = { ...syncing(deliveredConfig(), 'On_a_Call'), followed: true };
            const available = { availability: 'Available', activity: 'Available' };
            expect(teamsTarget(s)).toEqual({ session: available, preferred: null });
            const none = { ...s, held: { ...s.held, session: null, sessionAt: null } };
            expect(teamsTarget(none)).toEqual({ session: null, preferred: null });
            // a call still shows as the call
            expect(teamsTarget({ ...s, calls: ['c'] })).toEqual({ session: callPair(s), preferred: null });
        });

        it('writes the session with an expiry longer than the keep-alive (budget-stretched for huge tenants)', () => {
            let [s, cmds] = transition(syncing(), { type: 'tenantSizeKnown', at: T, agentCount: 20_000 });
            [s, cmds] = transition(s, { type: 'callStarted', at: T, callId: 'c', source: 'softphone' });
            expect(effects(cmds)[0]).toMatchObject({
                type: 'writeTeamsSession',
                // keep-alives (session and preferred renewal) every 2,000 s at 20,000 agents
                expirationDuration: 'PT35M'
            });
            [s] = settle(s, cmds, T + 100);
            expect(s.held.session).toEqual({ availability: 'Busy', activity: 'InACall' });
        });

        it('waits for writes in flight before writing the next change, then writes it', () => {
            const [s1] = transition(syncing(), {
                type: 'omniStatusChanged',
                at: T,
                status: 'Busy',
                reason: 'OmniManualStatusChange'
            });
            const [s2, c2] = transition(s1, {
                type: 'omniStatusChanged',
                at: T + 10,
                status: 'Available',
                reason: 'OmniManualStatusChange'
            });
            expect(effects(c2)).toEqual([{ type: 'setPhoneReasonCode', code: 'AVAILABLE' }]);
            const ids = s2.inflight.map((w) => w.writeId);
            expect(ids).toHaveLength(1);
            // Busy was written as preferred over the Available session; Available only needs it cleared
            const [, c3] = transition(s2, { type: 'teamsWriteAcknowledged', at: T + 100, writeId: ids[0] });
            expect(effects(c3).map((c) => c.type)).toEqual(['clearTeamsPreferred']);
        });
    });
});
