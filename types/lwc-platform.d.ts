// Platform modules that @salesforce/lightning-types 0.8.0 does not declare.
// Keep these minimal: they describe only what this project uses.
declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}
declare module '@salesforce/resourceUrl/*' {
    const url: string;
    export default url;
}
declare module '@salesforce/apex/*' {
    const apexMethod: (params?: Record<string, unknown>) => Promise<unknown>;
    export default apexMethod;
}
declare module '@salesforce/schema/*' {
    const field: { fieldApiName: string; objectApiName: string };
    export default field;
}
declare module '@salesforce/messageChannel/*' {
    const channel: symbol;
    export default channel;
}
declare module '@salesforce/user/Id' {
    const userId: string;
    export default userId;
}
// lightning/messageService (Lightning Message Service): what presenceSyncPhone uses.
// https://developer.salesforce.com/docs/platform/lwc/guide/use-message-channel-subscribe.html
declare module 'lightning/messageService' {
    import type { WireAdapterConstructor } from 'lwc';

    /** Subscriber option: receive messages from anywhere in the app, not only the active area. */
    export const APPLICATION_SCOPE: symbol;
    /** Wire adapter: the component's message context (`@wire(MessageContext) messageContext`). */
    export const MessageContext: WireAdapterConstructor<Record<string, never>, unknown>;
    /** An opaque subscription handle. */
    export type MessageServiceSubscription = object;
    export function subscribe(
        messageContext: unknown,
        messageChannel: unknown,
        listener: (message: unknown) => void,
        subscriberOptions?: { scope?: symbol }
    ): MessageServiceSubscription;
    export function unsubscribe(subscription: MessageServiceSubscription): void;
    export function publish(messageContext: unknown, messageChannel: unknown, message?: unknown): void;
}
// lightning/graphql (v2): the wire adapter and gql. Values emitted: { data, errors, refresh } (errors, not error).
// https://developer.salesforce.com/docs/platform/lwc/guide/reference-graphql-wire.html
declare module 'lightning/graphql' {
    import type { WireAdapterConstructor } from 'lwc';

    /** A parsed GraphQL document. */
    export type DocumentNode = object;
    export function gql(strings: TemplateStringsArray, ...values: unknown[]): DocumentNode;
    export const graphql: WireAdapterConstructor<
        { query: DocumentNode | undefined; variables?: Record<string, unknown>; operationName?: string },
        { data: unknown; errors: unknown; refresh?: () => Promise<void> }
    >;
}
// lightning/uiRecordApi: the record writes presenceSyncConfig uses. Failures reject with the UI API error
// ({ body: { message, output: { errors, fieldErrors } } }).
// https://developer.salesforce.com/docs/platform/lwc/guide/reference-update-record.html
declare module 'lightning/uiRecordApi' {
    export interface RecordRepresentation {
        id: string;
        apiName: string;
        fields: Record<string, { value: unknown; displayValue: string | null }>;
    }
    export function createRecord(recordInput: {
        apiName: string;
        fields: Record<string, unknown>;
    }): Promise<RecordRepresentation>;
    export function updateRecord(
        recordInput: { fields: Record<string, unknown> },
        clientOptions?: { ifUnmodifiedSince?: string }
    ): Promise<RecordRepresentation>;
}
// The running user's locale settings ("Internationalize Your Components", LWC Developer Guide).
declare module '@salesforce/i18n/locale' {
    const locale: string;
    export default locale;
}
declare module '@salesforce/i18n/timeZone' {
    const timeZone: string;
    export default timeZone;
}
