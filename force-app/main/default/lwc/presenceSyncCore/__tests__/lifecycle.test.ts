import { initialState, transition } from 'c/presenceSyncCore';
import type { SyncEvent } from 'c/presenceSyncCore';
import { deliveredConfig, effects, logged, run, syncing, T0 } from './builders';

const T = T0 + 10_000;

describe('c-presence-sync-core', () => {
    describe('sign-in, leadership, pause, visibility, closing (lifecycle)', () => {
        it('asks for interactive sign-in only when the user asks to connect', () => {
            const [, cmds] = transition(initialState(deliveredConfig()), {
                type: 'userRequestedConnect',
                at: T
            });
            expect(effects(cmds)).toEqual([{ type: 'requestInteractiveSignIn' }]);
            expect(logged(cmds)).toEqual(['connectRequested']);
        });

        it.each<SyncEvent>([
            { type: 'timerFired', at: T, timer: 'poll', random: 0 },
            { type: 'timerFired', at: T, timer: 'retry', random: 0 },
            { type: 'signedOut', at: T, reason: 'signInRequired' },
            { type: 'teamsReadFailed', at: T, generation: 0, error: { kind: 'signInRequired' }, random: 0 }
        ])('never asks for interactive sign-in on %p', (event) => {
            const signedOut = transition(syncing(), {
                type: 'signedOut',
                at: T - 1,
                reason: 'signInRequired'
            })[0];
            for (const s of [syncing(), signedOut]) {
                expect(transition(s, event)[1].map((c) => c.type)).not.toContain('requestInteractiveSignIn');
            }
        });

        it('starts syncing only when signed in and leader: writes the Salesforce status, then reads', () => {
            let [s, cmds] = run(initialState(deliveredConfig()), [
                { type: 'omniStatusChanged', at: T0, status: 'Available', reason: 'OmniLoginStatusChange' },
                { type: 'signedIn', at: T0 }
            ]);
            expect(effects(cmds)).toEqual([{ type: 'setPhoneReasonCode', code: 'AVAILABLE' }]);
            expect(s.view?.health).toBe('starting');
            [s, cmds] = transition(s, { type: 'becameLeader', at: T0 });
            expect(effects(cmds)).toEqual([
                {
                    type: 'writeTeamsSession',
                    writeId: 2,
                    availability: 'Available',
                    activity: 'Available',
                    expirationDuration: 'PT10M'
                }
            ]);
            expect(transition(s, { type: 'signedIn', at: T0 })).toEqual([s, []]);
        });

        it('reads first when the Salesforce status is not known yet', () => {
            const [, cmds] = run(initialState(deliveredConfig()), [
                { type: 'signedIn', at: T0 },
                { type: 'becameLeader', at: T0 }
            ]);
            expect(effects(cmds)).toEqual([{ type: 'readTeams', generation: 1 }]);
        });

        it.each([
            ['consentRequired', 'consentRequired'],
            ['accountMismatch', 'accountMismatch'],
            ['network', 'signInRequired'],
            ['userDisconnected', 'stopped']
        ] as const)('on signedOut(%p) stops Graph calls and shows %p', (reason, health) => {
            const [s, cmds] = transition(syncing(), { type: 'signedOut', at: T, reason });
            expect(effects(cmds)).toEqual([
                { type: 'cancelTimer', timer: 'poll' },
                { type: 'cancelTimer', timer: 'keepAlive' },
                { type: 'cancelTimer', timer: 'retry' }
            ]);
            expect(s.view?.health).toBe(health);
            expect(transition(s, { type: 'timerFired', at: T + 1, timer: 'poll', random: 0 })).toEqual([
                s,
                []
            ]);
        });

        it('clears what the app holds and signs out when the user disconnects', () => {
            const [s, cmds] = transition(syncing(), { type: 'userRequestedDisconnect', at: T });
            expect(effects(cmds)).toEqual([
                { type: 'clearTeamsSession', writeId: 4, keepalive: false },
                { type: 'signOut' },
                { type: 'cancelTimer', timer: 'poll' },
                { type: 'cancelTimer', timer: 'keepAlive' },
                { type: 'cancelTimer', timer: 'retry' }
            ]);
            expect(logged(cmds)).toEqual(['clearOnDisconnect', 'userDisconnected']);
            expect(s.view?.health).toBe('stopped');
        });

        it('as a follower tab makes no Graph calls; as leader again it syncs', () => {
            let [s, cmds] = transition(syncing(), { type: 'becameFollower', at: T });
            expect(effects(cmds).every((c) => c.type === 'cancelTimer')).toBe(true);
            expect(s.view?.health).toBe('follower');
            [s, cmds] = run(s, [
                { type: 'omniStatusChanged', at: T + 1, status: 'Busy', reason: 'OmniManualStatusChange' },
                { type: 'timerFired', at: T + 2, timer: 'poll', random: 0 },
                { type: 'timerFired', at: T + 2, timer: 'keepAlive', random: 0 }
            ]);
            expect(effects(cmds)).toEqual([{ type: 'setPhoneReasonCode', code: 'BUSY' }]);
            expect(transition(s, { type: 'becameFollower', at: T + 3 })).toEqual([s, []]);
            [s, cmds] = transition(s, { type: 'becameLeader', at: T + 4 });
            expect(effects(cmds).map((c) => c.type)).toEqual(['writeTeamsPreferred']);
        });

        it('pauses and resumes', () => {
            let [s, cmds] = transition(syncing(), { type: 'userPaused', at: T });
            expect(s.view?.health).toBe('paused');
            expect(logged(cmds)).toEqual(['paused']);
            expect(transition(s, { type: 'userPaused', at: T })).toEqual([s, []]);
            [s, cmds] = transition(s, { type: 'userResumed', at: T + 1000 });
            expect(logged(cmds)).toEqual(['resumed']);
            // resumed: the session is refreshed (it may have faded meanwhile) and Teams is read again
            expect(effects(cmds).map((c) => c.type)).toEqual(['writeTeamsSession']);
        });

        it('resumes into a running wait without calling Graph', () => {
            let [s] = transition(syncing(), { type: 'userPaused', at: T });
            s = {
                ...s,
                retry: {
                    failures: 0,
                    throttles: 1,
                    circuitOpen: false,
                    waitUntil: T + 5000,
                    reason: 'throttled'
                }
            };
            const [, cmds] = transition(s, { type: 'userResumed', at: T + 1000 });
            expect(effects(cmds)).toEqual([{ type: 'startTimer', timer: 'retry', delayMs: 4000 }]);
        });

        it('keeps polling at the budgeted interval while the page is hidden', () => {
            let [s, cmds] = transition(syncing(), { type: 'pageHidden', at: T });
            expect(s.hidden).toBe(true);
            // the running poll is not pushed back
            expect(effects(cmds)).toEqual([]);
            expect(transition(s, { type: 'pageHidden', at: T })).toEqual([s, []]);
            // the hidden page's timer runs on the next whole second (Chrome's aligned wake-ups): 700 ms
            // after the poll was due; the next poll stays one configured interval (10 s) after the due time
            const due = s.pollDueAt as number;
            const [polled, poll] = transition(s, {
                type: 'timerFired',
                at: due + 700,
                timer: 'poll',
                random: 0
            });
            const read = poll.find((c) => c.type === 'readTeams');
            [s, cmds] = transition(polled, {
                type: 'teamsPresenceRead',
                at: due + 750,
                presence: { availability: 'Available', activity: 'Available' },
                generation: read && read.type === 'readTeams' ? read.generation : -1
            });
            expect(effects(cmds)).toEqual([{ type: 'startTimer', timer: 'poll', delayMs: 10_000 - 750 }]);
            expect(s.pollDueAt).toBe(due + 10_000);
            [s] = transition(s, { type: 'pageVisible', at: T + 20_000 });
            expect(s.hidden).toBe(false);
        });

        it('makes up only a little lateness: after a frozen page the next poll is an interval after the reading', () => {
            const s = syncing();
            const due = s.pollDueAt as number;
            const [polled, poll] = transition(s, {
                type: 'timerFired',
                at: due + 60_000,
                timer: 'poll',
                random: 0
            });
            const read = poll.find((c) => c.type === 'readTeams');
            const [after, cmds] = transition(polled, {
                type: 'teamsPresenceRead',
                at: due + 60_050,
                presence: { availability: 'Available', activity: 'Available' },
                generation: read && read.type === 'readTeams' ? read.generation : -1
            });
            // never two reads in a row: the configured 10 s after this reading
            expect(effects(cmds)).toEqual([{ type: 'startTimer', timer: 'poll', delayMs: 10_000 }]);
            expect(after.pollDueAt).toBe(due + 60_050 + 10_000);
        });

        it('after a retry wait the next poll is a whole interval after the reading that ended it', () => {
            const s = syncing();
            const due = s.pollDueAt as number;
            const [polled, poll] = transition(s, { type: 'timerFired', at: due, timer: 'poll', random: 0 });
            const read = poll.find((c) => c.type === 'readTeams');
            const generation = read && read.type === 'readTeams' ? read.generation : -1;
            // the read is throttled for 30 s
            const [waiting] = transition(polled, {
                type: 'teamsReadFailed',
                at: due + 50,
                generation,
                error: { kind: 'throttled', status: 429, retryAfter: '30' },
                random: 0
            });
            const [retried, retry] = transition(waiting, {
                type: 'timerFired',
                at: due + 30_050,
                timer: 'retry',
                random: 0
            });
            const again = retry.find((c) => c.type === 'readTeams');
            const [, cmds] = transition(retried, {
                type: 'teamsPresenceRead',
                at: due + 30_100,
                presence: { availability: 'Available', activity: 'Available' },
                generation: again && again.type === 'readTeams' ? again.generation : -1
            });
            expect(effects(cmds)).toContainEqual({ type: 'startTimer', timer: 'poll', delayMs: 10_000 });
        });

        it('clears the session with keepalive when the page closes, then stops', () => {
            const [s, cmds] = transition(syncing(), { type: 'pageClosing', at: T });
            expect(effects(cmds)).toEqual([
                { type: 'clearTeamsSession', writeId: 4, keepalive: true },
                { type: 'cancelTimer', timer: 'poll' },
                { type: 'cancelTimer', timer: 'keepAlive' },
                { type: 'cancelTimer', timer: 'retry' }
            ]);
            expect(s.view?.health).toBe('stopped');
            expect(transition(s, { type: 'pageClosing', at: T })).toEqual([s, []]);
        });

        it('clears a preferred presence the app set when the page closes', () => {
            const s = {
                ...syncing(),
                held: {
                    session: null,
                    sessionAt: null,
                    preferred: { availability: 'Away' as const, activity: 'Away' as const },
                    preferredAt: T
                }
            };
            const [, cmds] = transition(s, { type: 'pageClosing', at: T });
            expect(effects(cmds)[0]).toEqual({ type: 'clearTeamsPreferred', writeId: 4, keepalive: true });
        });

        it('does not call Graph on close during a Retry-After wait or when it holds nothing', () => {
            const waiting = {
                ...syncing(),
                retry: {
                    failures: 0,
                    throttles: 1,
                    circuitOpen: false,
                    waitUntil: T + 5000,
                    reason: 'throttled' as const
                }
            };
            const empty = {
                ...syncing(),
                held: { session: null, sessionAt: null, preferred: null, preferredAt: null }
            };
            for (const s of [waiting, empty]) {
                const [, cmds] = transition(s, { type: 'pageClosing', at: T });
                expect(effects(cmds).every((c) => c.type === 'cancelTimer')).toBe(true);
            }
        });

        it('uses the tenant size for the poll budget', () => {
            let [s] = transition(syncing(), { type: 'tenantSizeKnown', at: T, agentCount: 2000 });
            expect(s.agentCount).toBe(2000);
            [s] = transition(s, { type: 'tenantSizeKnown', at: T, agentCount: Number.NaN });
            expect(s.agentCount).toBe(1);
        });

        it('logs a new tenant size with both sizes, and nothing when it stays', () => {
            const [s, cmds] = transition(syncing(), { type: 'tenantSizeKnown', at: T, agentCount: 400.7 });
            expect(s.agentCount).toBe(400);
            expect(cmds).toContainEqual({
                type: 'appendLog',
                entry: { at: T, source: 'sync', from: '1', to: '400', reason: 'tenantSize' }
            });
            expect(s.view?.recent[0]).toEqual({
                at: T,
                source: 'sync',
                from: '1',
                to: '400',
                reason: 'tenantSize'
            });
            const [same, none] = transition(s, { type: 'tenantSizeKnown', at: T + 1, agentCount: 400 });
            expect(same).toBe(s);
            expect(none).toEqual([]);
        });

        it('keeps the last known tenant size when the count fails, and says so in the history', () => {
            const [known] = transition(syncing(), { type: 'tenantSizeKnown', at: T, agentCount: 900 });
            const [s, cmds] = transition(known, { type: 'tenantSizeFailed', at: T + 1, detail: 'apex' });
            expect(s.agentCount).toBe(900);
            expect(effects(cmds)).toEqual([]);
            expect(cmds).toContainEqual({
                type: 'appendLog',
                entry: { at: T + 1, source: 'sync', from: null, to: null, reason: 'tenantSizeFailed' }
            });
            expect(s.view?.recent[0].reason).toBe('tenantSizeFailed');
        });
    });
});
