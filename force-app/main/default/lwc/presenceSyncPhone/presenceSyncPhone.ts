/*
 * Phone calls and reason codes (docs/connector-contracts.md section 3, data-model.md "Message channel").
 *
 * - The message channel PresenceSync__c (APPLICATION_SCOPE, so messages from a softphone anywhere in the
 *   console arrive): `connected` starts a call, `ended` ends it (source 'softphone'); ringing, held and
 *   wrapUpEnded change nothing (wrap-up is the configuration's WrapUpSeconds__c). Messages this module
 *   published itself (source 'presenceSync', from any connector tab) are ignored.
 * - The phone port: `setReasonCode(code, statusApiName)` publishes `{ phoneReasonCode, statusApiName,
 *   source: 'presenceSync' }`.
 * - Salesforce Voice toolkit events (`callstarted`, `callconnected`, `callended`, `wrapupended` of
 *   `lightning-service-cloud-voice-toolkit-api`): `voiceToolkitHandlers()` returns listeners the UI attaches
 *   to that element; they become call events of source 'voiceToolkit'.
 *
 * No timers, no UI text. The MessageContext comes from the composition root's `@wire(MessageContext)`.
 */
import { APPLICATION_SCOPE, publish, subscribe, unsubscribe } from 'lightning/messageService';
import type { MessageServiceSubscription } from 'lightning/messageService';
import PRESENCE_SYNC_CHANNEL from '@salesforce/messageChannel/PresenceSync__c';
import type { SyncEvent } from 'c/presenceSyncCore';

/** The `source` of the messages this module publishes. */
export const OWN_SOURCE = 'presenceSync';
export const SOFTPHONE_SOURCE = 'softphone';
/** Call id used when a softphone or the toolkit gives none (then an end ends every call of that source). */
export const UNKNOWN_CALL_ID = 'unknown';

export type CallState = 'ringing' | 'connected' | 'held' | 'ended' | 'wrapUpEnded';

export interface PresenceSyncMessage {
    callState?: CallState;
    phoneReasonCode?: string;
    statusApiName?: string | null;
    source?: string;
    callId?: string;
}

export interface PresenceSyncPhoneOptions {
    /** from `@wire(MessageContext)` in the composition root */
    messageContext: unknown;
    /** receives the call events, e.g. `(e) => runner.dispatch(e)` */
    onEvent: (syncEvent: SyncEvent) => void;
    /** time stamps (the runner's clock) */
    now: () => number;
}

type CallSourceName = 'softphone' | 'voiceToolkit';

function text(value: unknown): string | null {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The call id a Voice toolkit event carries in its detail (callId or voiceCallId), if any. */
export function toolkitCallId(event: unknown): string | null {
    const payload: unknown =
        typeof event === 'object' && event !== null ? (event as CustomEvent).detail : null;
    if (typeof payload !== 'object' || payload === null) return null;
    const d = payload as { callId?: unknown; voiceCallId?: unknown; contactId?: unknown };
    return text(d.callId) ?? text(d.voiceCallId) ?? text(d.contactId);
}

export class PresenceSyncPhone {
    private readonly options: PresenceSyncPhoneOptions;
    private subscription: MessageServiceSubscription | null = null;
    private disposed = false;
    /** calls this module started and has not ended, per source (ids as the core knows them) */
    private readonly active: Record<CallSourceName, Set<string>> = {
        softphone: new Set(),
        voiceToolkit: new Set()
    };

    constructor(options: PresenceSyncPhoneOptions) {
        this.options = options;
    }

    /** Subscribes to PresenceSync__c with APPLICATION_SCOPE. Idempotent. */
    start(): void {
        if (this.disposed || this.subscription !== null) return;
        this.subscription = subscribe(
            this.options.messageContext,
            PRESENCE_SYNC_CHANNEL,
            (message) => this.receive(message),
            { scope: APPLICATION_SCOPE }
        );
    }

    /** The phone port: tells the phone system the reason code of the status that became current. */
    setReasonCode(code: string, statusApiName?: string | null): void {
        if (this.disposed) return;
        const message: PresenceSyncMessage = {
            phoneReasonCode: code,
            statusApiName: statusApiName ?? null,
            source: OWN_SOURCE
        };
        publish(this.options.messageContext, PRESENCE_SYNC_CHANNEL, message);
    }

    /** One message of the channel (the subscription's listener; public for the harness and tests). */
    receive(message: unknown): void {
        if (this.disposed || typeof message !== 'object' || message === null) return;
        const m = message as Record<string, unknown>;
        if (m.source === OWN_SOURCE) return;
        const callId = text(m.callId);
        if (m.callState === 'connected') this.started('softphone', callId);
        else if (m.callState === 'ended') this.ended('softphone', callId);
    }

    /** Listeners for `lightning-service-cloud-voice-toolkit-api` (attach with addEventListener). */
    voiceToolkitHandlers(): Record<
        'callstarted' | 'callconnected' | 'callended' | 'wrapupended',
        (e: Event) => void
    > {
        return {
            callstarted: (e) => this.started('voiceToolkit', toolkitCallId(e)),
            callconnected: (e) => this.started('voiceToolkit', toolkitCallId(e)),
            callended: (e) => this.ended('voiceToolkit', toolkitCallId(e)),
            // after-call work ended: a call still open (its callended missed) ends now
            wrapupended: (e) => this.ended('voiceToolkit', toolkitCallId(e))
        };
    }

    /** Unsubscribes; later messages and toolkit events are ignored. */
    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        if (this.subscription !== null) unsubscribe(this.subscription);
        this.subscription = null;
    }

    private key(source: CallSourceName, callId: string | null): string {
        return `${source}:${callId ?? UNKNOWN_CALL_ID}`;
    }

    private started(source: CallSourceName, callId: string | null): void {
        if (this.disposed) return;
        const id = this.key(source, callId);
        this.active[source].add(id);
        this.options.onEvent({ type: 'callStarted', at: this.options.now(), callId: id, source });
    }

    private ended(source: CallSourceName, callId: string | null): void {
        if (this.disposed) return;
        const calls = this.active[source];
        // an end without an id ends every call of that source; an end with an unknown id ends that id
        const ids = callId === null ? [...calls] : [this.key(source, callId)];
        if (callId === null && ids.length === 0) ids.push(this.key(source, null));
        for (const id of ids) {
            calls.delete(id);
            this.options.onEvent({ type: 'callEnded', at: this.options.now(), callId: id });
        }
    }
}
