/*
 * The Teams status message during a phone call ("On a customer call"), decided purely.
 *
 * Graph keeps one status message per user, whoever wrote it (presence-setstatusmessage,
 * https://learn.microsoft.com/en-us/graph/api/presence-setstatusmessage): the app writes it with an
 * expiry so that a connector that stops (a crash, a closed browser) cannot leave it behind, and clears
 * it by writing empty content. GET presence returns the current message as `statusMessage`. The app
 * never overwrites or clears a message the agent typed: it only touches an empty message or its own.
 * The text comes from the configuration, never from the call (no customer data).
 */
import type { Configuration, SyncDirection } from './types';

/**
 * The status message text a configuration asks for, or null when it sets none: SetCallStatusMessage__c
 * unchecked, or a direction that never writes to Teams (MeetingAppToSalesforce, the 3CX configuration).
 * A blank CallStatusMessage__c means `defaultText`, the app's text in the agent's language (the Custom
 * Label CtiDataConnector_CallStatusMessage); the admin's own text is used as it is, in every language.
 */
export function callStatusMessageText(
    configuration: Pick<Configuration, 'direction' | 'callStatusMessage'>,
    defaultText: string
): string | null {
    const { enabled, text } = configuration.callStatusMessage;
    if (!enabled || configuration.direction === 'MeetingAppToSalesforce') return null;
    const own = (text ?? '').trim();
    const chosen = own === '' ? defaultText.trim() : own;
    return chosen === '' ? null : chosen;
}

export type StatusMessageDecision =
    /** setStatusMessage with this text, expiring at `expiresAt` (epoch ms; the bridge writes it in UTC) */
    | { action: 'set'; content: string; expiresAt: number }
    /** setStatusMessage with empty content */
    | { action: 'clear' }
    /**
     * nothing to write: 'off' (no text, or the configuration never writes to Teams), 'agentMessage'
     * (the agent's own message stays), 'nothingToClear' (no message of ours is shown)
     */
    | { action: 'leave'; reason: 'off' | 'agentMessage' | 'nothingToClear' };

export interface StatusMessageInput {
    /** the agent is on a call or in its wrap-up: the message should show */
    wanted: boolean;
    /** the configured text in the agent's language; null or blank: the feature is off */
    text: string | null;
    direction: SyncDirection;
    /** the message Teams shows now (GET presence `statusMessage.message.content`); null or '' = none */
    current: string | null;
    /** the text this connector last wrote and has not cleared, or null */
    ours: string | null;
    /** now, epoch milliseconds */
    at: number;
    /** how long a written message lives without renewal (the presence session's expiry) */
    expiryMinutes: number;
}

/** Decides the status message write for one moment: call start, renewal, call end or wrap-up end. */
export function statusMessageDecision(input: StatusMessageInput): StatusMessageDecision {
    const current = (input.current ?? '').trim();
    const text = (input.text ?? '').trim();
    const off = input.direction === 'MeetingAppToSalesforce' || text === '';
    // ours: what this connector wrote, or (after a reload that lost that memory) exactly the configured text
    const isOurs = current !== '' && (current === input.ours?.trim() || (!off && current === text));
    if (input.wanted && !off) {
        if (current !== '' && !isOurs) {
            return { action: 'leave', reason: 'agentMessage' };
        }
        return { action: 'set', content: text, expiresAt: input.at + input.expiryMinutes * 60_000 };
    }
    if (isOurs) {
        return { action: 'clear' };
    }
    if (current !== '') {
        return { action: 'leave', reason: 'agentMessage' };
    }
    return { action: 'leave', reason: off ? 'off' : 'nothingToClear' };
}
