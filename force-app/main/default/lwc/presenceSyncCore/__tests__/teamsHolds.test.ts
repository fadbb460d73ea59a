/*
 * What the app still holds in Teams after Salesforce followed a Teams change, when the agent replaces or
 * resets a preferred presence the app set, and the expiry and renewal of the app's preferred presence.
 */
import { transition } from 'c/presenceSyncCore';
import type { SyncCommand, SyncEvent, TeamsPresence } from 'c/presenceSyncCore';
import type { SyncState } from '../state';
import { deliveredConfig, effects, logged, settle, syncing, T0 } from './builders';

const T = T0 + 10_000;
const AVAILABLE = { availability: 'Available', activity: 'Available' };
const BUSY = { availability: 'Busy', activity: 'Busy' };
const IN_A_CALL = { availability: 'Busy', activity: 'InACall' };
const DND = { availability: 'DoNotDisturb', activity: 'DoNotDisturb' };

/** Fires the poll timer at `at` and answers the read with `presence`. */
function poll(s: SyncState, at: number, presence: TeamsPresence): [SyncState, SyncCommand[]] {
    const [polled, cmds] = transition(s, { type: 'timerFired', at, timer: 'poll', random: 0 });
    const read = cmds.find((c): c is Extract<SyncCommand, { type: 'readTeams' }> => c.type === 'readTeams');
    if (!read) throw new Error('no read');
    return transition(polled, {
        type: 'teamsPresenceRead',
        at: at + 100,
        presence,
        generation: read.generation
    });
}

/** Omni's echo of the status the core asked for. */
function omniEcho(status: string, at: number): SyncEvent {
    return { type: 'omniStatusChanged', at, status, reason: 'OmniToolkitStatusChange' };
}

function omniManual(status: string, at: number): SyncEvent {
    return { type: 'omniStatusChanged', at, status, reason: 'OmniManualStatusChange' };
}

function omniWrites(cmds: SyncCommand[]): SyncCommand[] {
    return cmds.filter((c) => c.type === 'setOmniStatus' || c.type === 'logoutOmni');
}

describe('c-presence-sync-core', () => {
    describe('what the app holds in Teams', () => {
        it('lets its own On a Call session go when Salesforce follows Teams, so a reset does not bring it back', () => {
            // Omni On a Call: the app holds Busy/InACall; the agent picks Available in Teams
            const [s1, c1] = poll(syncing(deliveredConfig(), 'On_a_Call'), T, AVAILABLE);
            expect(omniWrites(c1)).toEqual([{ type: 'setOmniStatus', status: 'Available' }]);
            // ... and the app's own session goes neutral at once (invisible under the agent's choice)
            expect(effects(c1).filter((c) => c.type === 'writeTeamsSession')).toEqual([
                expect.objectContaining({ availability: 'Available', activity: 'Available' })
            ]);
            const [s2, c2] = settle(s1, c1, T + 200, AVAILABLE);
            // nothing to verify or report: Salesforce follows Teams
            expect(logged(c2)).not.toContain('masked');
            const [s3] = transition(s2, omniEcho('Available', T + 300));
            // the agent resets their Teams status: Teams shows what is left, the app's Available session
            const [s4, c4] = poll(s3, T + 10_000, AVAILABLE);
            expect(omniWrites(c4)).toEqual([]);
            expect(s4.salesforce).toBe('Available');
        });

        it('recognises its own session when it shows again, and writes what Salesforce asks for instead of following it', () => {
            // left over: the app still holds Busy/InACall although Omni is Available (its rewrite failed)
            const s = {
                ...syncing(deliveredConfig(), 'On_a_Call'),
                salesforce: 'Available',
                teams: AVAILABLE
            };
            const [next, cmds] = poll(s, T, IN_A_CALL);
            expect(omniWrites(cmds)).toEqual([]);
            expect(logged(cmds)).toContain('echo');
            expect(effects(cmds)).toContainEqual(
                expect.objectContaining({ type: 'writeTeamsSession', availability: 'Available' })
            );
            expect(next.salesforce).toBe('Available');
        });

        it('writes its preferred presence again when the agent picks it in Omni after Salesforce followed Teams', () => {
            // Omni Busy (the app holds the preferred Busy); the agent picks Available in Teams, Omni follows
            const [s1, c1] = poll(syncing(deliveredConfig(), 'Busy'), T, AVAILABLE);
            expect(omniWrites(c1)).toEqual([{ type: 'setOmniStatus', status: 'Available' }]);
            expect(s1.held.preferred).toBeNull();
            const [s2] = transition(s1, omniEcho('Available', T + 300));
            // latest intent: the agent picks Busy in Omni again
            const [, c3] = transition(s2, omniManual('Busy', T + 5000));
            expect(effects(c3)).toContainEqual(
                expect.objectContaining({
                    type: 'writeTeamsPreferred',
                    availability: 'Busy',
                    activity: 'Busy'
                })
            );
        });

        it('keeps its preferred presence when Teams shows no session at all (it shows only over one)', () => {
            const [next] = poll(syncing(deliveredConfig(), 'Busy'), T, {
                availability: 'Offline',
                activity: 'Offline'
            });
            expect(next.held.preferred).toEqual(BUSY);
        });

        it('keeps the call session while Salesforce follows a Teams change during a call', () => {
            const [s1, c1] = transition(syncing(), {
                type: 'callStarted',
                at: T,
                callId: 'c',
                source: 'softphone'
            });
            const [s2] = settle(s1, c1, T + 100);
            const [, cmds] = poll(s2, T + 10_000, DND);
            expect(omniWrites(cmds)).toEqual([{ type: 'setOmniStatus', status: 'Do_Not_Disturb' }]);
            expect(
                effects(cmds).filter((c) => c.type.startsWith('writeTeams') || c.type.startsWith('clear'))
            ).toEqual([]);
        });
    });

    describe('a Teams change while the app writes', () => {
        /** Acknowledges the writes among `cmds` and answers the read-back with `reading`. */
        function readBack(s: SyncState, cmds: SyncCommand[], at: number, reading: TeamsPresence) {
            return settle(s, cmds, at, reading);
        }

        it('follows a Teams call the agent starts after logging in to Omni, before the app reads its write back', () => {
            // logged out: the app holds nothing, Teams shows the agent's own client (Available)
            const [s1, c1] = transition(syncing(), { type: 'omniLoggedOut', at: T });
            const [s2] = readBack(s1, c1, T + 100, AVAILABLE);
            // the agent logs in as Available: the app writes its Available session ...
            const [s3, c3] = transition(s2, {
                type: 'omniStatusChanged',
                at: T + 5000,
                status: 'Available',
                reason: 'OmniLoginStatusChange'
            });
            expect(effects(c3)).toContainEqual(
                expect.objectContaining({ type: 'writeTeamsSession', availability: 'Available' })
            );
            // ... and starts a Teams call before the read-back: Omni must not route work during it
            const [s4, c4] = readBack(s3, c3, T + 5200, IN_A_CALL);
            expect(omniWrites(c4)).toEqual([{ type: 'setOmniStatus', status: 'On_a_Call' }]);
            expect(logged(c4)).not.toContain('masked');
            expect(s4.masked).toBeNull();
        });

        it('follows a status the agent picks in Teams right after the app wrote the Omni status', () => {
            // Omni On a Call (the app's Busy/InACall session shows); the agent picks Available in Omni
            const [s1, c1] = transition(syncing(deliveredConfig(), 'On_a_Call'), omniManual('Available', T));
            // ... and Do not disturb in Teams before the read-back
            const [, c2] = readBack(s1, c1, T + 200, DND);
            expect(omniWrites(c2)).toEqual([{ type: 'setOmniStatus', status: 'Do_Not_Disturb' }]);
        });

        it('still reports, and does not follow, what was there before its write (the reading it had)', () => {
            // the agent is in a Teams meeting; Omni follows (Busy); the agent picks Available in Omni
            const MEETING = { availability: 'Busy', activity: 'InAMeeting' };
            const [s1, c1] = poll(syncing(), T, MEETING);
            const [s2] = transition(s1, omniEcho('Busy', T + 300));
            const [s3, c3] = transition(s2, omniManual('Available', T + 5000));
            const [s4, c4] = readBack(s3, c3, T + 5200, MEETING);
            expect(omniWrites([...c1.slice(1), ...c4]).filter((c) => c.type === 'setOmniStatus')).toEqual([]);
            expect(s4.masked).toEqual({ wrote: AVAILABLE, shows: MEETING });
        });

        it('takes a session uncovered by removing its own preferred presence for one that was there (masked)', () => {
            // Omni Busy: the app's preferred Busy hides whatever sessions the agent has
            const [s1, c1] = transition(syncing(deliveredConfig(), 'Busy'), omniManual('Available', T));
            const [s2, c2] = readBack(s1, c1, T + 200, IN_A_CALL);
            expect(omniWrites(c2)).toEqual([]);
            expect(s2.masked).toEqual({ wrote: AVAILABLE, shows: IN_A_CALL });
        });
    });

    describe('latest intent after Omni logout and login', () => {
        it('clears a manual Teams status the tab saw while logged out when the agent logs in', () => {
            // the agent picks Busy in Teams and logs out of Omni before the tab reads it
            const [s1, c1] = transition(syncing(), { type: 'omniLoggedOut', at: T });
            expect(effects(c1)).toContainEqual(expect.objectContaining({ type: 'clearTeamsSession' }));
            // the read-back after the clear shows the agent's Busy
            const [s2] = settle(s1, c1, T + 100, BUSY);
            // login as Available: latest intent wins, Teams must follow to Available
            const [, c3] = transition(s2, {
                type: 'omniStatusChanged',
                at: T + 5000,
                status: 'Available',
                reason: 'OmniLoginStatusChange'
            });
            const teamsWrites = effects(c3).filter((c) => /Teams(Session|Preferred)$/.test(c.type));
            expect(teamsWrites.map((c) => c.type)).toEqual(['writeTeamsSession', 'clearTeamsPreferred']);
        });
    });

    describe('expiry and renewal of the preferred presence', () => {
        it('renews its preferred presence with the keep-alive after a reading shows it is still its own', () => {
            const s = syncing(deliveredConfig(), 'Busy');
            const at = T0 + 240_000;
            const [s1, c1] = transition(s, { type: 'timerFired', at, timer: 'keepAlive', random: 0 });
            // the session is refreshed at once; the preferred presence waits for the next reading
            expect(effects(c1).map((c) => c.type)).toEqual(['writeTeamsSession']);
            const [s2, c2] = settle(s1, c1, at + 100);
            expect(effects(c2).some((c) => c.type === 'writeTeamsPreferred')).toBe(false);
            const [, c3] = poll(s2, at + 10_000, BUSY);
            expect(effects(c3)).toContainEqual({
                type: 'writeTeamsPreferred',
                writeId: expect.any(Number),
                availability: 'Busy',
                activity: 'Busy',
                expirationDuration: 'PT10M'
            });
        });

        it('does not renew a preferred presence the agent has replaced in Teams', () => {
            const s = syncing(deliveredConfig(), 'Busy');
            const at = T0 + 240_000;
            const [s1, c1] = transition(s, { type: 'timerFired', at, timer: 'keepAlive', random: 0 });
            const [s2] = settle(s1, c1, at + 100);
            const [, c3] = poll(s2, at + 10_000, DND);
            expect(effects(c3).some((c) => c.type === 'writeTeamsPreferred')).toBe(false);
        });

        it('forgets a preferred presence that has expired and writes it again', () => {
            const s = syncing(deliveredConfig(), 'Busy');
            const stale = { ...s, held: { ...s.held, preferredAt: T0 - 11 * 60_000 } };
            const [next, cmds] = poll(stale, T, AVAILABLE);
            expect(effects(cmds)).toContainEqual(
                expect.objectContaining({ type: 'writeTeamsPreferred', availability: 'Busy' })
            );
            expect(omniWrites(cmds)).toEqual([]);
            expect(next.salesforce).toBe('Busy');
        });

        it('retries a failed renewal with the next reading', () => {
            const s = syncing(deliveredConfig(), 'Busy');
            const at = T0 + 240_000;
            const [s1, c1] = transition(s, { type: 'timerFired', at, timer: 'keepAlive', random: 0 });
            const [s2] = settle(s1, c1, at + 100);
            const [s3, c3] = poll(s2, at + 10_000, BUSY);
            const renewal = effects(c3).find(
                (c): c is Extract<SyncCommand, { type: 'writeTeamsPreferred' }> =>
                    c.type === 'writeTeamsPreferred'
            );
            const [s4] = transition(s3, {
                type: 'teamsWriteFailed',
                at: at + 10_200,
                writeId: Number(renewal?.writeId),
                error: { kind: 'server', status: 500 },
                random: 0
            });
            expect([s4.renewPreferred, s4.owed]).toEqual([true, false]);
        });
    });
});
