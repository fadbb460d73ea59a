import { callStatusMessageText, statusMessageDecision, type StatusMessageInput } from 'c/presenceSyncCore';

const AT = Date.UTC(2026, 11, 4, 14, 0, 0);
const TEXT = 'On a customer call';

function input(patch: Partial<StatusMessageInput>): StatusMessageInput {
    return {
        wanted: true,
        text: TEXT,
        direction: 'Bidirectional',
        current: null,
        ours: null,
        at: AT,
        expiryMinutes: 15,
        ...patch
    };
}

describe('c-presence-sync-core', () => {
    describe('statusMessageDecision', () => {
        it("sets the configured text with the presence session's expiry when a call starts and Teams shows no message", () => {
            expect(statusMessageDecision(input({}))).toEqual({
                action: 'set',
                content: TEXT,
                expiresAt: Date.UTC(2026, 11, 4, 14, 15, 0)
            });
            expect(statusMessageDecision(input({ current: '  ', text: `  ${TEXT} ` }))).toMatchObject({
                action: 'set',
                content: TEXT
            });
        });

        it('renews its own message during a long call, also after a reload that forgot what it wrote', () => {
            const later = AT + 10 * 60_000;
            expect(statusMessageDecision(input({ current: TEXT, ours: TEXT, at: later }))).toEqual({
                action: 'set',
                content: TEXT,
                expiresAt: Date.UTC(2026, 11, 4, 14, 25, 0)
            });
            expect(statusMessageDecision(input({ current: TEXT, ours: null }))).toMatchObject({
                action: 'set'
            });
        });

        it("never overwrites the agent's own message", () => {
            expect(statusMessageDecision(input({ current: 'Back at 2' }))).toEqual({
                action: 'leave',
                reason: 'agentMessage'
            });
            expect(statusMessageDecision(input({ current: 'Back at 2', ours: TEXT }))).toEqual({
                action: 'leave',
                reason: 'agentMessage'
            });
        });

        it('clears its own message after the call and wrap-up, and leaves an empty or foreign one', () => {
            expect(statusMessageDecision(input({ wanted: false, current: TEXT, ours: TEXT }))).toEqual({
                action: 'clear'
            });
            expect(statusMessageDecision(input({ wanted: false, current: TEXT }))).toEqual({
                action: 'clear'
            });
            expect(statusMessageDecision(input({ wanted: false, current: 'Back at 2', ours: TEXT }))).toEqual(
                {
                    action: 'leave',
                    reason: 'agentMessage'
                }
            );
            expect(statusMessageDecision(input({ wanted: false }))).toEqual({
                action: 'leave',
                reason: 'nothingToClear'
            });
        });

        it('is off without a text and for a configuration that never writes to Teams, but still removes its own message', () => {
            for (const off of [
                { text: null },
                { text: '  ' },
                { direction: 'MeetingAppToSalesforce' as const }
            ]) {
                expect(statusMessageDecision(input(off))).toEqual({ action: 'leave', reason: 'off' });
                // with the feature off, a message equal to the default text is not assumed to be ours
                expect(statusMessageDecision(input({ ...off, current: TEXT }))).toEqual({
                    action: 'leave',
                    reason: 'agentMessage'
                });
                // switched off during a call: what this connector wrote goes
                expect(statusMessageDecision(input({ ...off, current: TEXT, ours: TEXT }))).toEqual({
                    action: 'clear'
                });
            }
        });
    });

    describe('callStatusMessageText', () => {
        const DEFAULT = 'Im Kundengespräch';
        const config = (
            enabled: boolean,
            text: string | null,
            direction: 'Bidirectional' | 'SalesforceToMeetingApp' | 'MeetingAppToSalesforce' = 'Bidirectional'
        ) => ({ direction, callStatusMessage: { enabled, text } });

        it("uses the configuration's own text, in every language, and the default text only when it is blank", () => {
            expect(callStatusMessageText(config(true, ' Kundengespräch, bitte Chat '), DEFAULT)).toBe(
                'Kundengespräch, bitte Chat'
            );
            expect(
                callStatusMessageText(config(true, 'On a sales call', 'SalesforceToMeetingApp'), DEFAULT)
            ).toBe('On a sales call');
            expect(callStatusMessageText(config(true, null), DEFAULT)).toBe(DEFAULT);
            expect(callStatusMessageText(config(true, '  '), ` ${DEFAULT} `)).toBe(DEFAULT);
        });

        it('sets none when the switch is off, when nothing is written to Teams, or when no text is left', () => {
            expect(callStatusMessageText(config(false, 'On a sales call'), DEFAULT)).toBeNull();
            expect(callStatusMessageText(config(false, null), DEFAULT)).toBeNull();
            expect(
                callStatusMessageText(config(true, 'On a sales call', 'MeetingAppToSalesforce'), DEFAULT)
            ).toBeNull();
            expect(callStatusMessageText(config(true, null), '  ')).toBeNull();
        });
    });
});
