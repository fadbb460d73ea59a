import { transition } from 'c/presenceSyncCore';
import { deliveredConfig, effects, logged, run, settle, syncing, T0 } from './builders';

const T = T0 + 10_000;

describe('c-presence-sync-core', () => {
    describe('Salesforce side (omniEvents)', () => {
        it('writes a work status as the app session, with the phone reason code, and reads it back', () => {
            const [s, cmds] = transition(syncing(deliveredConfig(), 'On_a_Call'), {
                type: 'omniStatusChanged',
                at: T,
                status: 'Available',
                reason: 'OmniManualStatusChange'
            });
            expect(effects(cmds)).toEqual([
                { type: 'setPhoneReasonCode', code: 'AVAILABLE' },
                {
                    type: 'writeTeamsSession',
                    writeId: 5,
                    availability: 'Available',
                    activity: 'Available',
                    expirationDuration: 'PT10M'
                }
            ]);
            expect(logged(cmds)).toEqual(['manual', 'write']);
            expect(s.verify).toBe(true);
        });

        it('from an intent status to Available only clears the preferred presence: the Available session is already there', () => {
            const [, cmds] = transition(syncing(deliveredConfig(), 'Away'), {
                type: 'omniStatusChanged',
                at: T,
                status: 'Available',
                reason: 'OmniManualStatusChange'
            });
            expect(effects(cmds)).toEqual([
                { type: 'setPhoneReasonCode', code: 'AVAILABLE' },
                { type: 'clearTeamsPreferred', writeId: 6, keepalive: false }
            ]);
        });

        it('writes an intent status as preferred presence with an expiry and keeps the app session under it', () => {
            // Graph shows a preferred presence only while a session exists: without a Teams client the
            // app's own Available session is that session
            const [s, cmds] = transition(syncing(), {
                type: 'omniStatusChanged',
                at: T,
                status: 'Do_Not_Disturb',
                reason: 'OmniManualStatusChange'
            });
            expect(effects(cmds)).toEqual([
                { type: 'setPhoneReasonCode', code: 'DND' },
                {
                    type: 'writeTeamsPreferred',
                    writeId: 5,
                    availability: 'DoNotDisturb',
                    activity: 'DoNotDisturb',
                    // with an expiry (SessionExpiryMinutes__c): a crashed browser does not leave it for a day
                    expirationDuration: 'PT10M'
                }
            ]);
            expect(s.held.session).toEqual({ availability: 'Available', activity: 'Available' });
        });

        it('writes the Available session under a preferred presence when the app holds no session', () => {
            const [, cmds] = transition(syncing(deliveredConfig(), 'On_a_Call'), {
                type: 'omniStatusChanged',
                at: T,
                status: 'Busy',
                reason: 'OmniManualStatusChange'
            });
            expect(effects(cmds).map((c) => c.type)).toEqual([
                'setPhoneReasonCode',
                'writeTeamsPreferred',
                'writeTeamsSession'
            ]);
            expect(effects(cmds)[2]).toMatchObject({ availability: 'Available', activity: 'Available' });
        });

        it.each([
            ['OmniSupervisorStatusChange', 'supervisor'],
            ['OmniPushTimeout', 'pushTimeout'],
            ['OmniDeclineWork', 'declineWork'],
            ['OmniLoginStatusChange', 'login']
        ] as const)('treats %p as a Salesforce change like a manual one, logged as %p', (reason, code) => {
            const [, cmds] = transition(syncing(), {
                type: 'omniStatusChanged',
                at: T,
                status: 'Away',
                reason
            });
            expect(logged(cmds)).toEqual([code, 'write']);
            expect(effects(cmds).map((c) => c.type)).toEqual(['setPhoneReasonCode', 'writeTeamsPreferred']);
        });

        it('does not write Teams again when our own Omni write comes back (toolkit reason)', () => {
            const s = { ...syncing(), pendingOmni: 'Busy' };
            const [next, cmds] = transition(s, {
                type: 'omniStatusChanged',
                at: T,
                status: 'busy',
                reason: 'OmniToolkitStatusChange'
            });
            expect(effects(cmds)).toEqual([{ type: 'setPhoneReasonCode', code: 'BUSY' }]);
            expect(logged(cmds)).toEqual(['echo']);
            expect([next.salesforce, next.pendingOmni, next.generation]).toEqual([
                'busy',
                null,
                s.generation
            ]);
        });

        it('treats a toolkit change we did not ask for (another component) as a Salesforce change', () => {
            const [, cmds] = transition(syncing(), {
                type: 'omniStatusChanged',
                at: T,
                status: 'Busy',
                reason: 'OmniToolkitStatusChange'
            });
            expect(logged(cmds)).toEqual(['toolkit', 'write']);
        });

        it('ignores a status that is already current', () => {
            const s = syncing();
            expect(
                transition(s, {
                    type: 'omniStatusChanged',
                    at: T,
                    status: 'Available',
                    reason: 'OmniManualStatusChange'
                })
            ).toEqual([s, []]);
        });

        it('clears the app session (and its preferred presence) on Omni logout', () => {
            const [, cmds] = transition(syncing(), { type: 'omniLoggedOut', at: T });
            expect(effects(cmds)).toEqual([
                { type: 'setPhoneReasonCode', code: 'LOGGED_OFF' },
                { type: 'clearTeamsSession', writeId: 5, keepalive: false }
            ]);
        });

        it('treats Omni logout after our own logoutOmni as the echo of it', () => {
            const [next, cmds] = transition(
                { ...syncing(), pendingOmni: 'Offline' },
                { type: 'omniLoggedOut', at: T }
            );
            // the echo, then the app's session cleared as for any logout
            expect(logged(cmds)).toEqual(['echo', 'write']);
            expect(next.salesforce).toBe('Offline');
        });

        it('forgets a failed Omni command and logs it; ignores failures nobody waits for', () => {
            const s = { ...syncing(), pendingOmni: 'Busy' };
            const [next, cmds] = transition(s, { type: 'omniCommandFailed', at: T, status: 'Busy' });
            expect(next.pendingOmni).toBeNull();
            expect(logged(cmds)).toEqual(['omniFailed']);
            expect(transition(next, { type: 'omniCommandFailed', at: T, status: 'Busy' })).toEqual([
                next,
                []
            ]);
        });
    });

    describe('phone calls', () => {
        it('puts Teams in a call (Busy/InACall session) and back to the Salesforce status after it', () => {
            let [s, cmds] = transition(syncing(), {
                type: 'callStarted',
                at: T,
                callId: 'c1',
                source: 'softphone'
            });
            expect(effects(cmds)).toEqual([
                {
                    type: 'writeTeamsSession',
                    writeId: 5,
                    availability: 'Busy',
                    activity: 'InACall',
                    expirationDuration: 'PT10M'
                }
            ]);
            [s] = settle(s, cmds, T + 100);
            expect(s.view?.onCall).toBe(true);
            [s, cmds] = transition(s, { type: 'callEnded', at: T + 60_000, callId: 'c1' });
            expect(effects(cmds)).toEqual([
                {
                    type: 'writeTeamsSession',
                    writeId: 8,
                    availability: 'Available',
                    activity: 'Available',
                    expirationDuration: 'PT10M'
                }
            ]);
            expect(logged(cmds)).toEqual(['callEnded', 'write']);
        });

        it('writes DoNotDisturb/Presenting for a call when the configuration says so', () => {
            const config = deliveredConfig(0, { callPresence: 'DoNotDisturbPresenting' });
            const [, cmds] = transition(syncing(config), {
                type: 'callStarted',
                at: T,
                callId: 'c1',
                source: 'voiceToolkit'
            });
            expect(effects(cmds)).toEqual([
                {
                    type: 'writeTeamsSession',
                    writeId: 5,
                    availability: 'DoNotDisturb',
                    activity: 'Presenting',
                    expirationDuration: 'PT10M'
                }
            ]);
        });

        it('keeps Teams in the call state through the wrap-up, then restores the prior state', () => {
            const config = deliveredConfig(0, { wrapUpSeconds: 30 });
            let [s, cmds] = transition(syncing(config), {
                type: 'callStarted',
                at: T,
                callId: 'c1',
                source: 'omniWork'
            });
            [s] = settle(s, cmds, T + 100);
            [s, cmds] = transition(s, { type: 'callEnded', at: T + 1000, callId: 'c1' });
            expect(effects(cmds)).toEqual([{ type: 'startTimer', timer: 'wrapUp', delayMs: 30_000 }]);
            expect(s.view?.onCall).toBe(true);
            // a timer firing early is re-armed for the rest of the wrap-up
            [s, cmds] = transition(s, { type: 'timerFired', at: T + 21_000, timer: 'wrapUp', random: 0 });
            expect(effects(cmds)).toEqual([{ type: 'startTimer', timer: 'wrapUp', delayMs: 10_000 }]);
            [s, cmds] = transition(s, { type: 'timerFired', at: T + 31_000, timer: 'wrapUp', random: 0 });
            expect(effects(cmds).map((c) => c.type)).toEqual(['writeTeamsSession']);
            expect(logged(cmds)).toEqual(['wrapUpEnded', 'write']);
            expect(s.view?.onCall).toBe(false);
            expect(transition(s, { type: 'timerFired', at: T + 40_000, timer: 'wrapUp', random: 0 })).toEqual(
                [s, []]
            );
        });

        it('cancels the wrap-up when a new call starts, and waits for every call to end', () => {
            const config = deliveredConfig(0, { wrapUpSeconds: 30 });
            let [s, cmds] = run(syncing(config), [
                { type: 'callStarted', at: T, callId: 'c1', source: 'softphone' },
                { type: 'callEnded', at: T + 1000, callId: 'c1' }
            ]);
            [s, cmds] = transition(s, {
                type: 'callStarted',
                at: T + 2000,
                callId: 'c2',
                source: 'softphone'
            });
            expect(effects(cmds)[0]).toEqual({ type: 'cancelTimer', timer: 'wrapUp' });
            [s, cmds] = run(s, [
                { type: 'callStarted', at: T + 3000, callId: 'c3', source: 'softphone' },
                { type: 'callEnded', at: T + 4000, callId: 'c2' }
            ]);
            expect(effects(cmds).filter((c) => c.type.startsWith('write'))).toEqual([]);
            expect(s.calls).toEqual(['c3']);
        });

        it('ignores a call it already knows and the end of a call it does not', () => {
            const [s] = transition(syncing(), {
                type: 'callStarted',
                at: T,
                callId: 'c1',
                source: 'softphone'
            });
            expect(transition(s, { type: 'callStarted', at: T, callId: 'c1', source: 'softphone' })).toEqual([
                s,
                []
            ]);
            expect(transition(s, { type: 'callEnded', at: T, callId: 'other' })).toEqual([s, []]);
        });

        it('does not write Teams for calls on the 3CX route (Teams to Salesforce only)', () => {
            const [, cmds] = transition(syncing(deliveredConfig(2)), {
                type: 'callStarted',
                at: T,
                callId: 'c1',
                source: 'softphone'
            });
            expect(effects(cmds).filter((c) => c.type.startsWith('write'))).toEqual([]);
        });
    });
});
