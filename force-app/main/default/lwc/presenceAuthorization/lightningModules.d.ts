// Minimal declarations of the platform modules this bundle uses that @salesforce/lightning-types 0.8.0
// lacks (lightning/uiRecordApi, lightning/graphql). They belong in the shared types/lwc-platform.d.ts;
// move them there (and delete this file) when that file declares these modules.
declare module 'lightning/uiRecordApi' {
    /** Structurally what lwc's WireAdapterConstructor requires (the LWC lint rules forbid importing it). */
    interface WireAdapterConstructor<Config, Value> {
        new (callback: (value: Value) => void): {
            update(config: Config): void;
            connect(): void;
            disconnect(): void;
        };
    }

    export interface FieldValueRepresentation {
        value: unknown;
        displayValue?: string | null;
    }
    export interface RecordRepresentation {
        id: string;
        apiName: string;
        fields: Record<string, FieldValueRepresentation>;
    }
    export interface RecordInput {
        apiName?: string;
        fields: Record<string, unknown>;
    }
    export interface FieldId {
        fieldApiName: string;
        objectApiName: string;
    }
    export interface GetRecordConfig {
        recordId?: string;
        fields?: (string | FieldId)[];
        optionalFields?: (string | FieldId)[];
    }
    export interface GetRecordResult {
        data?: RecordRepresentation;
        error?: unknown;
    }
    export const getRecord: WireAdapterConstructor<GetRecordConfig, GetRecordResult>;
    export function createRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
    export function updateRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
    export function deleteRecord(recordId: string): Promise<void>;
}

declare module 'lightning/graphql' {
    /** Structurally what lwc's WireAdapterConstructor requires (the LWC lint rules forbid importing it). */
    interface WireAdapterConstructor<Config, Value> {
        new (callback: (value: Value) => void): {
            update(config: Config): void;
            connect(): void;
            disconnect(): void;
        };
    }

    export interface GraphQLResult {
        data?: unknown;
        errors?: unknown[];
        refresh?: () => Promise<void>;
    }
    export function gql(strings: TemplateStringsArray, ...values: unknown[]): unknown;
    export interface GraphQLConfig {
        query: unknown;
        variables?: Record<string, unknown>;
        operationName?: string;
    }
    export const graphql: WireAdapterConstructor<GraphQLConfig, GraphQLResult>;
}
