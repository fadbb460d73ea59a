import { CIRCUIT_OPEN_MS, transition } from 'c/presenceSyncCore';
import type { SyncCommand, SyncEvent, TeamsPresence } from 'c/presenceSyncCore';
import type { SyncState } from '../state';
import { deliveredConfig, effects, logged, run, settle, syncing, T0 } from './builders';

const T = T0 + 10_000;
const AVAILABLE = { availability: 'Available', activity: 'Available' };
const DND = { availability: 'DoNotDisturb', activity: 'DoNotDisturb' };

/** Fires the poll timer and returns the state with a read in flight, and the read's generation. */
function polling(s: SyncState, at = T): [SyncState, number] {
    const [next, cmds] = transition(s, { type: 'timerFired', at, timer: 'poll', random: 0 });
    const read = cmds.find((c): c is Extract<SyncCommand, { type: 'readTeams' }> => c.type === 'readTeams');
    if (!read) throw new Error('no read');
    return [next, read.generation];
}

function reading(
    at: number,
    presence: TeamsPresence,
    generation: number,
    sequenceNumber?: string
): SyncEvent {
    return { type: 'teamsPresenceRead', at, presence, generation, sequenceNumber };
}

describe('c-presence-sync-core', () => {
    describe('Teams readings (teamsEvents)', () => {
        it('sends a Teams change to Salesforce and polls on', () => {
            const [s, g] = polling(syncing());
            const [next, cmds] = transition(s, reading(T + 100, DND, g));
            expect(effects(cmds)).toEqual([
                { type: 'setOmniStatus', status: 'Do_Not_Disturb' },
                { type: 'startTimer', timer: 'poll', delayMs: 10_000 }
            ]);
            expect(logged(cmds)).toEqual(['mapped']);
            expect([next.pendingOmni, next.userPreferred]).toEqual(['Do_Not_Disturb', true]);
        });

        it('compares Teams values case-insensitively: the same presence in other case is no change', () => {
            const [s, g] = polling(syncing());
            const [, cmds] = transition(
                s,
                reading(T + 100, { availability: 'available', activity: 'AVAILABLE' }, g)
            );
            expect(effects(cmds)).toEqual([{ type: 'startTimer', timer: 'poll', delayMs: 10_000 }]);
        });

        it('ignores a reading requested before a newer write or Salesforce change (stale generation)', () => {
            const [s1, g] = polling(syncing());
            const [s2] = transition(s1, {
                type: 'omniStatusChanged',
                at: T + 50,
                status: 'Busy',
                reason: 'OmniManualStatusChange'
            });
            const [s3, cmds] = transition(s2, reading(T + 100, DND, g));
            expect(effects(cmds)).toEqual([]);
            expect(logged(cmds)).toEqual(['stale']);
            expect(s3.salesforce).toBe('Busy');
        });

        it('reads again when the stale reading was the one in flight and no write is pending', () => {
            const [s1, g] = polling(syncing(deliveredConfig(2)));
            const [s2] = transition(s1, {
                type: 'omniStatusChanged',
                at: T + 50,
                status: 'Busy',
                reason: 'OmniManualStatusChange'
            });
            const [, cmds] = transition(s2, reading(T + 100, DND, g));
            expect(effects(cmds)).toEqual([{ type: 'readTeams', generation: s2.generation + 1 }]);
        });

        it('ignores a late reply nobody waits for', () => {
            const [s1, g] = polling(syncing());
            const [s2] = transition(s1, reading(T + 100, AVAILABLE, g, '0002'));
            const [late, lateCmds] = transition(s2, reading(T + 200, DND, g));
            expect(logged(lateCmds)).toEqual(['stale']);
            expect(late.teams).toEqual(AVAILABLE);
        });

        it('takes a lower sequence number as a new counter: no read at once, the next poll is followed', () => {
            // Graph restarted its counter (or another account): every later reading is "older" than 0900
            const [s1, g] = polling(syncing());
            const [s2] = transition(s1, reading(T + 100, AVAILABLE, g, '0900'));
            const [s3, g3] = polling(s2, T + 10_100);
            const [s4, cmds] = transition(s3, reading(T + 10_200, DND, g3, '0001'));
            expect(logged(cmds)).toEqual(['stale']);
            // no tight loop: the next read waits for the poll interval (one interval after the poll that
            // was due at T + 10_100)
            expect(effects(cmds)).toEqual([{ type: 'startTimer', timer: 'poll', delayMs: 9_900 }]);
            const [s5, g5] = polling(s4, T + 20_200);
            const [, cmds5] = transition(s5, reading(T + 20_300, DND, g5, '0002'));
            expect(effects(cmds5)).toContainEqual({ type: 'setOmniStatus', status: 'Do_Not_Disturb' });
        });

        it('forgets the sequence number on a new sign-in (another account has its own counter)', () => {
            const [s1, g] = polling(syncing());
            const [s2] = transition(s1, reading(T + 100, AVAILABLE, g, '0900'));
            const [s3, c3] = run(s2, [
                { type: 'signedOut', at: T + 200, reason: 'signInRequired' },
                { type: 'signedIn', at: T + 300 }
            ]);
            expect(s3.lastSequence).toBeNull();
            const [s4] = settle(s3, c3, T + 400);
            const [s5, g5] = polling(s4, T + 10_400);
            const [, cmds] = transition(s5, reading(T + 10_500, DND, g5, '0001'));
            expect(effects(cmds)).toContainEqual({ type: 'setOmniStatus', status: 'Do_Not_Disturb' });
        });

        it('reads our own write back as an echo, not a change (Busy/InACall may come back as Busy/Busy)', () => {
            const [s1, c1] = transition(syncing(), {
                type: 'callStarted',
                at: T,
                callId: 'c',
                source: 'softphone'
            });
            const [s2, c2] = settle(s1, c1, T + 100, { availability: 'Busy', activity: 'Busy' });
            expect(effects(c2).filter((c) => c.type === 'setOmniStatus')).toEqual([]);
            expect(logged(c2)).toEqual(['echo']);
            expect(s2.masked).toBeNull();
        });

        it('reports a write masked by a higher-precedence state once and does not write again', () => {
            const meeting = { availability: 'Busy', activity: 'InAMeeting' };
            const [s1, c1] = transition(syncing(deliveredConfig(), 'Busy'), {
                type: 'omniStatusChanged',
                at: T,
                status: 'Available',
                reason: 'OmniManualStatusChange'
            });
            const [s2, c2] = settle(s1, c1, T + 100, meeting);
            expect(logged(c2)).toEqual(['masked']);
            expect(s2.view?.masked).toEqual({ wrote: AVAILABLE, shows: meeting });
            expect(s2.view?.iconVariant).toBe('warning');
            const [s3, g] = polling(s2, T + 10_100);
            const [s4, c4] = transition(s3, reading(T + 10_200, meeting, g));
            expect(effects(c4)).toEqual([{ type: 'startTimer', timer: 'poll', delayMs: 9_900 }]);
            // the meeting ends: our own session shows again, no change for Salesforce
            const [s5, g5] = polling(s4, T + 20_200);
            const [s6, c6] = transition(s5, reading(T + 20_300, AVAILABLE, g5));
            expect(logged(c6)).toEqual(['echo']);
            expect(s6.masked).toBeNull();
        });

        it('never logs the agent into Omni from Teams', () => {
            let [s] = transition(syncing(), { type: 'omniLoggedOut', at: T });
            [s] = settle(s, transition(syncing(), { type: 'omniLoggedOut', at: T })[1], T + 100);
            const [s1, g] = polling(s, T + 20_000);
            const [, cmds] = transition(s1, reading(T + 20_100, DND, g));
            expect(effects(cmds).filter((c) => c.type === 'setOmniStatus')).toEqual([]);
            expect(logged(cmds)).toEqual(['omniOffline']);
        });

        it('leaves Salesforce alone for a Teams state the mapping says is no change', () => {
            const [s, g] = polling(syncing());
            const [, cmds] = transition(
                s,
                reading(T + 100, { availability: 'Offline', activity: 'OffWork' }, g)
            );
            expect(logged(cmds)).toEqual(['noChange']);
        });

        it('logs a Teams change that Salesforce already shows as in sync', () => {
            const [s, g] = polling({ ...syncing(), salesforce: 'Do_Not_Disturb' });
            const [, cmds] = transition(s, reading(T + 100, DND, g));
            expect(logged(cmds)).toEqual(['inSync']);
        });

        it('logs the agent out of Omni when a configuration maps a Teams state to Offline', () => {
            const config = deliveredConfig(0);
            const offlineRows = config.rows.filter((r) => r.teams?.availability === 'Offline');
            const rows = [
                ...config.rows.filter((r) => r.teams?.availability !== 'Offline'),
                ...offlineRows.map((r) => ({ ...r, salesforceStatus: 'Offline' }))
            ];
            const [s, g] = polling(syncing({ ...config, rows }));
            const [next, cmds] = transition(
                s,
                reading(T + 100, { availability: 'Offline', activity: 'OffWork' }, g)
            );
            expect(effects(cmds)[0]).toEqual({ type: 'logoutOmni' });
            expect(next.pendingOmni).toBe('Offline');
            // Omni's logout comes back: the app clears its session as for any logout
            const [, out] = transition(next, { type: 'omniLoggedOut', at: T + 300 });
            expect(effects(out)).toContainEqual(expect.objectContaining({ type: 'clearTeamsSession' }));
        });

        it('takes an unknown Teams value as it comes and changes nothing', () => {
            const [s, g] = polling(syncing());
            const [next, cmds] = transition(
                s,
                reading(T + 100, { availability: 'Teleporting', activity: 'Far' }, g)
            );
            expect(logged(cmds)).toEqual(['noChange']);
            expect(next.teams).toEqual({ availability: 'Teleporting', activity: 'Far' });
        });

        it('refreshes our own Available session when it has faded, without touching Salesforce', () => {
            const s = syncing();
            const [s1, g] = polling(s, T0 + 1000 + 6 * 60_000);
            const [, cmds] = transition(
                s1,
                reading(T0 + 1000 + 6 * 60_000, { availability: 'Away', activity: 'Away' }, g)
            );
            expect(logged(cmds)).toEqual(['faded']);
            expect(effects(cmds)[0]).toMatchObject({ type: 'writeTeamsSession', availability: 'Available' });
        });

        it('writes the session again when it has expired in Teams', () => {
            const s = syncing();
            const at = T0 + 1000 + 11 * 60_000;
            const [s1, g] = polling(s, at);
            const [, cmds] = transition(s1, reading(at, { availability: 'Offline', activity: 'Offline' }, g));
            expect(effects(cmds)).toContainEqual({ type: 'cancelTimer', timer: 'keepAlive' });
            expect(effects(cmds)).toContainEqual(
                expect.objectContaining({ type: 'writeTeamsSession', availability: 'Available' })
            );
        });
    });

    describe('failures, throttling and the circuit', () => {
        it('honours Retry-After on a 503 too', () => {
            const [s1, g] = polling(syncing());
            const [, cmds] = transition(s1, {
                type: 'teamsReadFailed',
                at: T + 100,
                generation: g,
                error: { kind: 'server', status: 503, retryAfter: '45' },
                random: 0
            });
            expect(effects(cmds)).toEqual([{ type: 'startTimer', timer: 'retry', delayMs: 45_000 }]);
        });

        it('backs off longer with every 429 that has no readable Retry-After', () => {
            let [s, g] = polling(syncing());
            const delays: number[] = [];
            let at = T + 100;
            for (let i = 0; i < 4; i++) {
                const [failed, cmds] = transition(s, {
                    type: 'teamsReadFailed',
                    at,
                    generation: g,
                    error: { kind: 'throttled', status: 429 },
                    random: 1
                });
                const timer = effects(cmds)[0] as Extract<SyncCommand, { type: 'startTimer' }>;
                delays.push(timer.delayMs);
                at += timer.delayMs;
                const [next, fired] = transition(failed, {
                    type: 'timerFired',
                    at,
                    timer: 'retry',
                    random: 0
                });
                const read = fired.find((c) => c.type === 'readTeams') as { generation: number };
                [s, g] = [next, read.generation];
            }
            expect(delays).toEqual([3000, 6000, 12_000, 24_000]);
        });

        it('honours Retry-After exactly after a 429 and reads again only then', () => {
            const [s1, g] = polling(syncing());
            const [s2, cmds] = transition(s1, {
                type: 'teamsReadFailed',
                at: T + 100,
                generation: g,
                error: { kind: 'throttled', status: 429, retryAfter: '7' },
                random: 0.3
            });
            expect(effects(cmds)).toEqual([{ type: 'startTimer', timer: 'retry', delayMs: 7000 }]);
            expect(s2.view).toMatchObject({
                health: 'throttled',
                waitUntil: T + 7100,
                iconVariant: 'warning'
            });
            // a poll timer firing in the wait asks for nothing but the retry
            const [, early] = transition(s2, { type: 'timerFired', at: T + 5000, timer: 'poll', random: 0 });
            expect(effects(early)).toEqual([{ type: 'startTimer', timer: 'retry', delayMs: 2100 }]);
            const [s3, fired] = transition(s2, {
                type: 'timerFired',
                at: T + 7000,
                timer: 'retry',
                random: 0
            });
            expect(effects(fired)).toEqual([{ type: 'startTimer', timer: 'retry', delayMs: 100 }]);
            const [, read] = transition(s3, { type: 'timerFired', at: T + 7100, timer: 'retry', random: 0 });
            expect(effects(read)).toEqual([{ type: 'readTeams', generation: g + 1 }]);
        });

        it('honours a Retry-After that arrives on a reply nobody waits for any more', () => {
            const [s1, g] = polling(syncing());
            const [s2] = transition(s1, reading(T + 100, AVAILABLE, g));
            const [s3] = transition(s2, {
                type: 'teamsReadFailed',
                at: T + 200,
                generation: g,
                error: { kind: 'throttled', retryAfter: '30' },
                random: 0
            });
            expect(s3.retry.waitUntil).toBe(T + 30_200);
            expect(
                transition(s3, {
                    type: 'teamsReadFailed',
                    at: T + 300,
                    generation: g,
                    error: { kind: 'server' },
                    random: 0
                })
            ).toEqual([s3, []]);
        });

        it('backs off with jitter from the event after other failures, and opens the circuit after five', () => {
            let s = syncing();
            const delays: number[] = [];
            let at = T;
            for (let i = 0; i < 5; i++) {
                const [s1, cmds] = transition(s, {
                    type: 'timerFired',
                    at,
                    timer: i === 0 ? 'poll' : 'retry',
                    random: 0
                });
                const read = cmds.find((c) => c.type === 'readTeams');
                expect(read).toBeDefined();
                const [s2, failed] = transition(s1, {
                    type: 'teamsReadFailed',
                    at,
                    generation: s1.generation,
                    error: { kind: i % 2 ? 'network' : 'server', status: 503 },
                    random: 1
                });
                const timer = failed.find((c) => c.type === 'startTimer');
                delays.push(timer && timer.type === 'startTimer' ? timer.delayMs : -1);
                s = s2;
                at += delays[i];
            }
            expect(delays).toEqual([1000, 2000, 4000, 8000, CIRCUIT_OPEN_MS]);
            expect(s.view).toMatchObject({ health: 'circuitOpen', iconVariant: 'error', highlighted: true });
            // one successful probe closes it
            const [s1] = transition(s, { type: 'timerFired', at, timer: 'retry', random: 0 });
            const [s2] = transition(s1, reading(at + 100, AVAILABLE, s1.generation));
            expect(s2.view).toMatchObject({ health: 'syncing', iconVariant: 'success', highlighted: false });
        });

        it('stops Graph calls and asks the UI for "reconnect" when sign-in is required, without a popup', () => {
            const [s1, g] = polling(syncing());
            const [s2, cmds] = transition(s1, {
                type: 'teamsReadFailed',
                at: T + 100,
                generation: g,
                error: { kind: 'signInRequired', status: 401 },
                random: 0
            });
            expect(effects(cmds)).toEqual([
                { type: 'cancelTimer', timer: 'poll' },
                { type: 'cancelTimer', timer: 'keepAlive' },
                { type: 'cancelTimer', timer: 'retry' }
            ]);
            expect(s2.view).toMatchObject({
                health: 'signInRequired',
                highlighted: true,
                iconVariant: 'error'
            });
        });

        it('writes again after a failed write (Teams may or may not have applied it)', () => {
            const [s1, c1] = transition(syncing(), {
                type: 'omniStatusChanged',
                at: T,
                status: 'Busy',
                reason: 'OmniManualStatusChange'
            });
            const preferredId = (c1.find((c) => c.type === 'writeTeamsPreferred') as { writeId: number })
                .writeId;
            let [s, cmds] = run(s1, [
                {
                    type: 'teamsWriteFailed',
                    at: T + 100,
                    writeId: preferredId,
                    error: { kind: 'network' },
                    random: 0
                }
            ]);
            expect(effects(cmds)).toEqual([{ type: 'startTimer', timer: 'retry', delayMs: 500 }]);
            [s, cmds] = transition(s, { type: 'timerFired', at: T + 600, timer: 'retry', random: 0 });
            expect(effects(cmds)).toEqual([
                {
                    type: 'writeTeamsPreferred',
                    writeId: preferredId + 1,
                    availability: 'Busy',
                    activity: 'Busy',
                    expirationDuration: 'PT10M'
                }
            ]);
            expect(s.uncertain).toEqual({ session: false, preferred: true });
        });

        it('takes 404 on clearing the session as done (the session had already gone)', () => {
            const [s1, c1] = transition(syncing(), { type: 'omniLoggedOut', at: T });
            const clear = c1.find((c) => c.type === 'clearTeamsSession') as { writeId: number };
            const [s2] = transition(s1, {
                type: 'teamsWriteFailed',
                at: T + 100,
                writeId: clear.writeId,
                error: { kind: 'notFound', status: 404 },
                random: 0
            });
            expect(s2.held.session).toBeNull();
            expect(s2.retry.failures).toBe(0);
        });

        it('ignores acknowledgements and failures of writes it does not know', () => {
            const s = syncing();
            expect(transition(s, { type: 'teamsWriteAcknowledged', at: T, writeId: 99 })).toEqual([s, []]);
            expect(
                transition(s, {
                    type: 'teamsWriteFailed',
                    at: T,
                    writeId: 99,
                    error: { kind: 'server' },
                    random: 0
                })
            ).toEqual([s, []]);
        });
    });

    describe('timers', () => {
        it('keeps the session alive before the fade and reads nothing while a write is in flight', () => {
            const s = syncing();
            const [s1, cmds] = transition(s, {
                type: 'timerFired',
                at: T0 + 241_000,
                timer: 'keepAlive',
                random: 0
            });
            expect(effects(cmds)).toEqual([
                {
                    type: 'writeTeamsSession',
                    writeId: s.generation + 1,
                    availability: 'Available',
                    activity: 'Available',
                    expirationDuration: 'PT10M'
                }
            ]);
            expect(
                transition(s1, { type: 'timerFired', at: T0 + 241_001, timer: 'poll', random: 0 })
            ).toEqual([s1, []]);
            const [, acked] = transition(s1, {
                type: 'teamsWriteAcknowledged',
                at: T0 + 241_100,
                writeId: s.generation + 1
            });
            // the poll fell due while the write was out: it reads at once
            expect(effects(acked)).toEqual([
                { type: 'startTimer', timer: 'keepAlive', delayMs: 240_000 },
                { type: 'startTimer', timer: 'poll', delayMs: 0 }
            ]);
        });

        it('never pushes the next poll back with a keep-alive between two polls', () => {
            // the last reading came at T0 + 1000: the next poll is due at T0 + 11_000
            const s = syncing();
            const [s1] = transition(s, { type: 'timerFired', at: T0 + 5000, timer: 'keepAlive', random: 0 });
            const [, acked] = transition(s1, {
                type: 'teamsWriteAcknowledged',
                at: T0 + 5100,
                writeId: s.generation + 1
            });
            expect(effects(acked)).toContainEqual({ type: 'startTimer', timer: 'poll', delayMs: 5900 });
            // without a reading yet (a new start), the poll comes one interval after the write
            const [s2] = transition(
                { ...s, pollDueAt: null },
                {
                    type: 'timerFired',
                    at: T0 + 5000,
                    timer: 'keepAlive',
                    random: 0
                }
            );
            const [, first] = transition(s2, {
                type: 'teamsWriteAcknowledged',
                at: T0 + 5100,
                writeId: s.generation + 1
            });
            expect(effects(first)).toContainEqual({ type: 'startTimer', timer: 'poll', delayMs: 10_000 });
        });

        it('does not keep alive a session it does not hold', () => {
            const s = {
                ...syncing(),
                held: { session: null, sessionAt: null, preferred: null, preferredAt: null }
            };
            const [, cmds] = transition(s, { type: 'timerFired', at: T, timer: 'keepAlive', random: 0 });
            expect(effects(cmds)).toEqual([]);
        });

        it('keeps alive later when the keep-alive fell into a wait', () => {
            const [s1, g] = polling(syncing());
            const [s2] = transition(s1, {
                type: 'teamsReadFailed',
                at: T + 100,
                generation: g,
                error: { kind: 'throttled', retryAfter: '5' },
                random: 0
            });
            const [s3, c3] = transition(s2, {
                type: 'timerFired',
                at: T + 200,
                timer: 'keepAlive',
                random: 0
            });
            expect(effects(c3)).toEqual([]);
            const [, c4] = transition(s3, { type: 'timerFired', at: T + 5100, timer: 'retry', random: 0 });
            expect(effects(c4).map((c) => c.type)).toEqual(['writeTeamsSession']);
        });

        it('marks a failed keep-alive as due again', () => {
            const s = syncing();
            const [s1] = transition(s, { type: 'timerFired', at: T, timer: 'keepAlive', random: 0 });
            const [s2] = transition(s1, {
                type: 'teamsWriteFailed',
                at: T + 100,
                writeId: s.generation + 1,
                error: { kind: 'server' },
                random: 0
            });
            expect([s2.keepAliveDue, s2.owed]).toEqual([true, false]);
        });
    });
});
