import {
    omniCommandEvent,
    omniReason,
    PresenceSyncOmni,
    translateOmniEvent,
    voiceWorkPredicate
} from 'c/presenceSyncOmni';
import type { OmniCommandDetail, StatusDirectory } from 'c/presenceSyncOmni';
import type { SyncEvent } from 'c/presenceSyncCore';

const T0 = 1_700_000_000_000;
const AVAILABLE_ID = '0N5xx0000000001AAA';
const BUSY_ID = '0N5xx0000000002AAA';

/** Two statuses; Ids compared on their first 15 characters, as presenceSyncConfig's directory does. */
const STATUSES: StatusDirectory = {
    idOf: (name) => ({ Available: AVAILABLE_ID, Busy: BUSY_ID })[name] ?? null,
    apiNameOf: (id) =>
        [
            [AVAILABLE_ID, 'Available'],
            [BUSY_ID, 'Busy']
        ].find(([known]) => known.slice(0, 15) === id.slice(0, 15))?.[1] ?? null
};

const options = { at: T0, statuses: STATUSES, isVoiceWork: voiceWorkPredicate() };

function setUp(overrides: { statuses?: StatusDirectory | null; isVoiceWork?: (id: string) => boolean } = {}) {
    jest.useFakeTimers({ now: T0 });
    const sent: OmniCommandDetail[] = [];
    const events: SyncEvent[] = [];
    const omni = new PresenceSyncOmni({
        send: (d) => sent.push(d),
        onEvent: (e) => events.push(e),
        timers: {
            now: () => Date.now(),
            setTimeout: (fn, ms) => setTimeout(fn, ms),
            clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>)
        },
        statuses: () => (overrides.statuses === undefined ? STATUSES : overrides.statuses),
        isVoiceWork: overrides.isVoiceWork,
        commandTimeoutMs: 5000
    });
    return { omni, sent, events };
}

/** Records how a promise settled, without awaiting it. */
function outcome(promise: Promise<void>): { value: string | null; error: unknown } {
    const seen: { value: string | null; error: unknown } = { value: null, error: null };
    promise.then(
        () => {
            seen.value = 'resolved';
        },
        (error: unknown) => {
            seen.value = 'rejected';
            seen.error = error;
        }
    );
    return seen;
}

async function flush(): Promise<void> {
    await Promise.resolve();
    await Promise.resolve();
}

afterEach(() => {
    jest.clearAllTimers();
    jest.useRealTimers();
});

describe('c-presence-sync-omni', () => {
    describe('translateOmniEvent', () => {
        it('turns a status change into omniStatusChanged with the DeveloperName and the Omni reason', () => {
            for (const reason of [
                'OmniToolkitStatusChange',
                'OmniPushTimeout',
                'OmniDeclineWork',
                'OmniManualStatusChange',
                'OmniSupervisorStatusChange',
                'OmniLoginStatusChange'
            ]) {
                expect(
                    translateOmniEvent(
                        {
                            type: 'statusChanged',
                            statusId: BUSY_ID,
                            statusApiName: 'Busy',
                            statusName: 'Beschäftigt',
                            reason
                        },
                        options
                    )
                ).toEqual([{ type: 'omniStatusChanged', at: T0, status: 'Busy', reason }]);
            }
        });

        it('counts an unknown or missing reason as the agent own change, never as our echo', () => {
            expect(omniReason('OmniSomethingNew')).toBe('OmniManualStatusChange');
            expect(omniReason(undefined)).toBe('OmniManualStatusChange');
            expect(
                translateOmniEvent({ type: 'statusChanged', statusApiName: 'Busy', reason: '' }, options)
            ).toEqual([
                { type: 'omniStatusChanged', at: T0, status: 'Busy', reason: 'OmniManualStatusChange' }
            ]);
        });

        it('finds the DeveloperName by the status Id (15 or 18 characters) when the event has none', () => {
            expect(
                translateOmniEvent(
                    {
                        type: 'statusChanged',
                        statusId: BUSY_ID.slice(0, 15),
                        reason: 'OmniManualStatusChange'
                    },
                    options
                )
            ).toEqual([
                { type: 'omniStatusChanged', at: T0, status: 'Busy', reason: 'OmniManualStatusChange' }
            ]);
            expect(translateOmniEvent({ type: 'loginSuccess', statusId: AVAILABLE_ID }, options)).toEqual([
                { type: 'omniStatusChanged', at: T0, status: 'Available', reason: 'OmniLoginStatusChange' }
            ]);
        });

        it('drops a status it cannot name (unknown Id, or no directory yet)', () => {
            expect(
                translateOmniEvent({ type: 'loginSuccess', statusId: '0N5xx0000000099' }, options)
            ).toEqual([]);
            expect(
                translateOmniEvent(
                    { type: 'loginSuccess', statusId: BUSY_ID },
                    { ...options, statuses: null }
                )
            ).toEqual([]);
            expect(
                translateOmniEvent({ type: 'currentStatus', statusId: '0N5xx0000000099' }, options)
            ).toEqual([]);
        });

        it('turns a logout (with or without a reason) into omniLoggedOut', () => {
            expect(translateOmniEvent({ type: 'logout', reason: 'OmniSupervisorLogout' }, options)).toEqual([
                { type: 'omniLoggedOut', at: T0 }
            ]);
            expect(translateOmniEvent({ type: 'logout' }, options)).toEqual([
                { type: 'omniLoggedOut', at: T0 }
            ]);
        });

        it('reports the current status at start as a Salesforce-side status, or logged out when all null', () => {
            expect(
                translateOmniEvent(
                    {
                        type: 'currentStatus',
                        statusId: AVAILABLE_ID,
                        statusApiName: 'Available',
                        statusName: 'A'
                    },
                    options
                )
            ).toEqual([
                { type: 'omniStatusChanged', at: T0, status: 'Available', reason: 'OmniLoginStatusChange' }
            ]);
            expect(
                translateOmniEvent(
                    { type: 'currentStatus', statusId: null, statusApiName: null, statusName: null },
                    options
                )
            ).toEqual([{ type: 'omniLoggedOut', at: T0 }]);
        });

        it('turns accepted and closed voice work (VoiceCall 0LQ) into a call of source omniWork', () => {
            expect(
                translateOmniEvent(
                    { type: 'workAccepted', workItemId: '0LQxx0000000001', workId: '0Bzxx1' },
                    options
                )
            ).toEqual([{ type: 'callStarted', at: T0, callId: '0LQxx0000000001', source: 'omniWork' }]);
            expect(
                translateOmniEvent(
                    { type: 'workClosed', workItemId: '0LQxx0000000001', workId: '0Bzxx1' },
                    options
                )
            ).toEqual([{ type: 'callEnded', at: T0, callId: '0LQxx0000000001' }]);
        });

        it('ignores other work (a Case) and uses a configured predicate for voice work', () => {
            expect(
                translateOmniEvent({ type: 'workAccepted', workItemId: '500xx0000000001' }, options)
            ).toEqual([]);
            const custom = { ...options, isVoiceWork: voiceWorkPredicate(['0LQ', 'a0V']) };
            expect(
                translateOmniEvent({ type: 'workAccepted', workItemId: 'a0Vxx0000000001' }, custom)
            ).toEqual([{ type: 'callStarted', at: T0, callId: 'a0Vxx0000000001', source: 'omniWork' }]);
            expect(translateOmniEvent({ type: 'workClosed', workItemId: null }, options)).toEqual([]);
        });

        it('ignores malformed and unknown events', () => {
            expect(translateOmniEvent(null, options)).toEqual([]);
            expect(translateOmniEvent('statusChanged', options)).toEqual([]);
            expect(translateOmniEvent({ type: 'workAssigned' }, options)).toEqual([]);
            expect(
                translateOmniEvent({ type: 'statusChanged', reason: 'OmniManualStatusChange' }, options)
            ).toEqual([]);
        });
    });

    describe('PresenceSyncOmni', () => {
        it('passes translated host events on with the time of arrival', () => {
            const { omni, events } = setUp();
            jest.setSystemTime(T0 + 42);
            omni.omniEvent({
                type: 'statusChanged',
                statusApiName: 'Busy',
                reason: 'OmniManualStatusChange'
            });
            expect(events).toEqual([
                { type: 'omniStatusChanged', at: T0 + 42, status: 'Busy', reason: 'OmniManualStatusChange' }
            ]);
        });

        it('sends setStatus with the status Id and a fresh id, and resolves on the ok result of that id', async () => {
            const { omni, sent } = setUp();
            const first = outcome(omni.setStatus('Busy'));
            const second = outcome(omni.logout());

            expect(sent).toEqual([
                { id: expect.any(String), type: 'setStatus', statusId: BUSY_ID },
                { id: expect.any(String), type: 'logout' }
            ]);
            expect(sent[0].id).not.toBe(sent[1].id);

            omni.omniCommandResult({ id: sent[1].id, ok: true });
            await flush();
            expect(second.value).toBe('resolved');
            expect(first.value).toBeNull();

            omni.omniCommandResult({ id: sent[0].id, ok: false, error: 'no access to status' });
            await flush();
            expect(first).toEqual({
                value: 'rejected',
                error: { detail: 'omniRejected', hostError: 'no access to status' }
            });
        });

        it('settles exactly once: a duplicate or late result and the timeout after a result change nothing', async () => {
            const { omni, sent } = setUp();
            const result = outcome(omni.setStatus('Available'));
            omni.omniCommandResult({ id: sent[0].id, ok: true });
            omni.omniCommandResult({ id: sent[0].id, ok: false });
            omni.omniCommandResult({ id: 'someone-else', ok: true });
            omni.omniCommandResult(null);
            jest.advanceTimersByTime(10000);
            await flush();

            expect(result).toEqual({ value: 'resolved', error: null });
            expect(omni.unmatchedResults).toBe(3);
        });

        it('rejects with omniTimeout when the host does not answer in time; a late result is ignored', async () => {
            const { omni, sent } = setUp();
            const result = outcome(omni.requestCurrentStatus());
            expect(sent).toEqual([{ id: expect.any(String), type: 'getCurrentStatus' }]);

            jest.advanceTimersByTime(4999);
            await flush();
            expect(result.value).toBeNull();
            jest.advanceTimersByTime(1);
            await flush();
            expect(result).toEqual({ value: 'rejected', error: { detail: 'omniTimeout' } });

            omni.omniCommandResult({ id: sent[0].id, ok: true });
            await flush();
            expect(result.value).toBe('rejected');
            expect(omni.unmatchedResults).toBe(1);
        });

        it('rejects a status it has no Id for without sending anything', async () => {
            const { omni, sent } = setUp();
            await expect(omni.setStatus('Lunch')).rejects.toEqual({ detail: 'omniUnknownStatus' });
            const noDirectory = setUp({ statuses: null });
            await expect(noDirectory.omni.setStatus('Busy')).rejects.toEqual({ detail: 'omniUnknownStatus' });
            expect(sent).toEqual([]);
            expect(noDirectory.sent).toEqual([]);
        });

        it('rejects when the host cannot be reached (send throws)', async () => {
            jest.useFakeTimers({ now: T0 });
            const omni = new PresenceSyncOmni({
                send: () => {
                    throw new Error('no host');
                },
                onEvent: () => undefined,
                timers: {
                    now: () => T0,
                    setTimeout: (fn, ms) => setTimeout(fn, ms),
                    clearTimeout: () => undefined
                },
                statuses: () => STATUSES
            });
            await expect(omni.logout()).rejects.toEqual({ detail: 'omniRejected' });
        });

        it('dispose answers every pending command with omniDisposed and ignores what comes later', async () => {
            const { omni, sent, events } = setUp();
            const pending = outcome(omni.setStatus('Busy'));
            omni.dispose();
            omni.dispose();
            await flush();
            expect(pending).toEqual({ value: 'rejected', error: { detail: 'omniDisposed' } });

            omni.omniEvent({ type: 'logout' });
            await expect(omni.logout()).rejects.toEqual({ detail: 'omniDisposed' });
            expect(events).toEqual([]);
            expect(sent).toHaveLength(1);
            expect(jest.getTimerCount()).toBe(0);
        });

        it('uses the configured voice work predicate', () => {
            const { omni, events } = setUp({ isVoiceWork: (id) => id.startsWith('500') });
            omni.omniEvent({ type: 'workAccepted', workItemId: '500xx0000000001' });
            omni.omniEvent({ type: 'workAccepted', workItemId: '0LQxx0000000001' });
            expect(events).toEqual([
                { type: 'callStarted', at: T0, callId: '500xx0000000001', source: 'omniWork' }
            ]);
        });
    });

    describe('omniCommandEvent', () => {
        it('is an omnicommand CustomEvent carrying the command as detail', () => {
            const detail: OmniCommandDetail = { id: 'omni-1', type: 'logout' };
            const event = omniCommandEvent(detail);
            expect(event.type).toBe('omnicommand');
            expect(event.detail).toEqual(detail);
        });
    });
});
