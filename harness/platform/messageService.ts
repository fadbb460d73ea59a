/// <reference lib="dom" />
/**
 * `lightning/messageService` for the harness: page-wide channels (the console shell's softphone panel
 * publishes on the same bus), MessageContext as a wire adapter whose subscriptions end when the
 * component disconnects, createMessageContext/releaseMessageContext for service components, and the
 * documented rules: a message is a serializable JSON object (subscribers get a copy), a channel must be
 * one imported from `@salesforce/messageChannel/*`. Utility items are always active, so scope
 * (APPLICATION_SCOPE or the active area) makes no difference in the shell.
 */
import { runtime } from './runtime';

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

interface ChannelToken {
    readonly messageChannel: string;
}

interface Context {
    readonly id: number;
    released: boolean;
}

let contexts = 0;

function channelName(channel: unknown): string {
    const name = (channel as ChannelToken | undefined)?.messageChannel;
    if (typeof name !== 'string') {
        throw new Error(
            'lightning/messageService: the message channel must be imported from @salesforce/messageChannel'
        );
    }
    return name;
}

function checkContext(context: unknown): Context {
    const c = context as Context | undefined;
    if (!c || typeof c.id !== 'number') {
        throw new Error(
            'lightning/messageService: a MessageContext is required (@wire(MessageContext) or createMessageContext())'
        );
    }
    return c;
}

export function createMessageContext(): Context {
    contexts += 1;
    return { id: contexts, released: false };
}

export function releaseMessageContext(context: unknown): void {
    const c = checkContext(context);
    c.released = true;
    runtime().lms.release(c);
}

export class MessageContext {
    private context: Context | undefined;
    constructor(private readonly dataCallback: (value: Context) => void) {}

    connect(): void {
        this.context = createMessageContext();
        this.dataCallback(this.context);
    }

    disconnect(): void {
        if (this.context) releaseMessageContext(this.context);
        this.context = undefined;
    }

    update(): void {
        // no configuration
    }
}

export function publish(messageContext: unknown, messageChannel: unknown, message?: unknown): void {
    const context = checkContext(messageContext);
    if (context.released) return;
    runtime().lms.publish(channelName(messageChannel), message);
}

export interface Subscription {
    readonly channel: string;
}

export function subscribe(
    messageContext: unknown,
    messageChannel: unknown,
    listener: (message: unknown) => void,
    subscriberOptions?: { scope?: symbol }
): Subscription {
    void subscriberOptions;
    const context = checkContext(messageContext);
    return runtime().lms.subscribe(context, channelName(messageChannel), listener);
}

export function unsubscribe(subscription: unknown): void {
    if (subscription && typeof subscription === 'object' && 'listener' in subscription) {
        runtime().lms.unsubscribe(
            subscription as Parameters<ReturnType<typeof runtime>['lms']['unsubscribe']>[0]
        );
    }
}
