import { APPLICATION_SCOPE, publish, subscribe, unsubscribe } from 'lightning/messageService';
import PRESENCE_SYNC_CHANNEL from '@salesforce/messageChannel/PresenceSync__c';
import { PresenceSyncPhone, toolkitCallId } from 'c/presenceSyncPhone';
import type { SyncEvent } from 'c/presenceSyncCore';

const T0 = 1_700_000_000_000;
const CONTEXT = { context: 'test' };
const mockedSubscribe = subscribe as jest.MockedFunction<typeof subscribe>;
const mockedPublish = publish as jest.MockedFunction<typeof publish>;
const mockedUnsubscribe = unsubscribe as jest.MockedFunction<typeof unsubscribe>;

function setUp() {
    const events: SyncEvent[] = [];
    const subscription = { id: 'subscription-1' };
    mockedSubscribe.mockReturnValue(subscription);
    const phone = new PresenceSyncPhone({
        messageContext: CONTEXT,
        onEvent: (e) => events.push(e),
        now: () => T0
    });
    phone.start();
    /** delivers a message as LMS does: to the listener given to subscribe */
    const deliver = (message: unknown): void => {
        const listener = mockedSubscribe.mock.calls[0][2];
        listener(message);
    };
    return { phone, events, deliver, subscription };
}

function toolkitEvent(type: string, detail?: unknown): Event {
    return new CustomEvent(type, { detail });
}

afterEach(() => {
    jest.clearAllMocks();
});

describe('c-presence-sync-phone', () => {
    describe('message channel PresenceSync__c', () => {
        it('subscribes once with APPLICATION_SCOPE on the message context passed in', () => {
            const { phone } = setUp();
            phone.start();
            expect(mockedSubscribe).toHaveBeenCalledTimes(1);
            expect(mockedSubscribe).toHaveBeenCalledWith(
                CONTEXT,
                PRESENCE_SYNC_CHANNEL,
                expect.any(Function),
                {
                    scope: APPLICATION_SCOPE
                }
            );
        });

        it('turns a softphone connected / ended into callStarted / callEnded of source softphone', () => {
            const { events, deliver } = setUp();
            deliver({ callState: 'ringing', callId: 'c1', source: 'softphone' });
            deliver({ callState: 'connected', callId: 'c1', source: 'softphone' });
            deliver({ callState: 'held', callId: 'c1', source: 'softphone' });
            deliver({ callState: 'ended', callId: 'c1', source: 'softphone' });
            deliver({ callState: 'wrapUpEnded', callId: 'c1', source: 'softphone' });

            expect(events).toEqual([
                { type: 'callStarted', at: T0, callId: 'softphone:c1', source: 'softphone' },
                { type: 'callEnded', at: T0, callId: 'softphone:c1' }
            ]);
        });

        it('keeps calls apart by call id; an end without an id ends every softphone call', () => {
            const { events, deliver } = setUp();
            deliver({ callState: 'connected', callId: 'a', source: 'softphone' });
            deliver({ callState: 'connected', callId: 'b', source: 'softphone' });
            deliver({ callState: 'ended', source: 'softphone' });

            expect(events.filter((e) => e.type === 'callEnded')).toEqual([
                { type: 'callEnded', at: T0, callId: 'softphone:a' },
                { type: 'callEnded', at: T0, callId: 'softphone:b' }
            ]);
        });

        it('pairs a connected and an ended that both carry no call id', () => {
            const { events, deliver } = setUp();
            deliver({ callState: 'connected' });
            deliver({ callState: 'ended' });
            deliver({ callState: 'ended' });
            expect(events).toEqual([
                { type: 'callStarted', at: T0, callId: 'softphone:unknown', source: 'softphone' },
                { type: 'callEnded', at: T0, callId: 'softphone:unknown' },
                { type: 'callEnded', at: T0, callId: 'softphone:unknown' }
            ]);
        });

        it('ignores its own messages (source presenceSync) and malformed ones', () => {
            const { phone, events, deliver } = setUp();
            phone.setReasonCode('DND', 'Do_Not_Disturb');
            deliver(mockedPublish.mock.calls[0][2]);
            deliver({ callState: 'connected', callId: 'x', source: 'presenceSync' });
            deliver(null);
            deliver('connected');
            expect(events).toEqual([]);
        });

        it('publishes the reason code with the status and its own source', () => {
            const { phone } = setUp();
            phone.setReasonCode('ON_CALL', 'On_a_Call');
            phone.setReasonCode('AWAY');
            expect(mockedPublish.mock.calls).toEqual([
                [
                    CONTEXT,
                    PRESENCE_SYNC_CHANNEL,
                    { phoneReasonCode: 'ON_CALL', statusApiName: 'On_a_Call', source: 'presenceSync' }
                ],
                [
                    CONTEXT,
                    PRESENCE_SYNC_CHANNEL,
                    { phoneReasonCode: 'AWAY', statusApiName: null, source: 'presenceSync' }
                ]
            ]);
        });

        it('dispose unsubscribes once and ignores later messages, codes and toolkit events', () => {
            const { phone, events, deliver, subscription } = setUp();
            const handlers = phone.voiceToolkitHandlers();
            phone.dispose();
            phone.dispose();
            deliver({ callState: 'connected', callId: 'c1', source: 'softphone' });
            phone.setReasonCode('BRB');
            handlers.callstarted(toolkitEvent('callstarted', { callId: 'v1' }));
            phone.start();

            expect(mockedUnsubscribe.mock.calls).toEqual([[subscription]]);
            expect(mockedPublish).not.toHaveBeenCalled();
            expect(mockedSubscribe).toHaveBeenCalledTimes(1);
            expect(events).toEqual([]);
        });
    });

    describe('Voice toolkit events', () => {
        it('turns callstarted / callconnected / callended into one call of source voiceToolkit', () => {
            const { phone, events } = setUp();
            const handlers = phone.voiceToolkitHandlers();
            handlers.callstarted(toolkitEvent('callstarted', { callId: 'v1' }));
            handlers.callconnected(toolkitEvent('callconnected', { callId: 'v1' }));
            handlers.callended(toolkitEvent('callended', { callId: 'v1' }));

            expect(events).toEqual([
                { type: 'callStarted', at: T0, callId: 'voiceToolkit:v1', source: 'voiceToolkit' },
                { type: 'callStarted', at: T0, callId: 'voiceToolkit:v1', source: 'voiceToolkit' },
                { type: 'callEnded', at: T0, callId: 'voiceToolkit:v1' }
            ]);
        });

        it('ends a call whose callended was missed when its wrap-up ends; an end without id ends all', () => {
            const { phone, events } = setUp();
            const handlers = phone.voiceToolkitHandlers();
            handlers.callconnected(toolkitEvent('callconnected', { voiceCallId: '0LQ1' }));
            handlers.callconnected(toolkitEvent('callconnected'));
            handlers.wrapupended(toolkitEvent('wrapupended', { voiceCallId: '0LQ1' }));
            handlers.callended(toolkitEvent('callended', {}));

            expect(events.filter((e) => e.type === 'callEnded')).toEqual([
                { type: 'callEnded', at: T0, callId: 'voiceToolkit:0LQ1' },
                { type: 'callEnded', at: T0, callId: 'voiceToolkit:unknown' }
            ]);
        });

        it('reads the call id from callId, voiceCallId or contactId of the detail', () => {
            expect(toolkitCallId(toolkitEvent('x', { callId: ' a ' }))).toBe('a');
            expect(toolkitCallId(toolkitEvent('x', { voiceCallId: 'b' }))).toBe('b');
            expect(toolkitCallId(toolkitEvent('x', { contactId: 'c' }))).toBe('c');
            expect(toolkitCallId(toolkitEvent('x', { callId: '' }))).toBeNull();
            expect(toolkitCallId(toolkitEvent('x'))).toBeNull();
            expect(toolkitCallId(null)).toBeNull();
        });
    });
});
