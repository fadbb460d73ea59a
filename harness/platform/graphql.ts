/// <reference lib="dom" />
/**
 * `lightning/graphql` (v2) for the harness: `gql` parses the query; the `graphql` wire adapter runs it
 * against the in-memory org after a simulated round trip and emits `{ data, errors, refresh }` (GraphQL
 * response shape, read-only data). A query of `undefined` (the documented way to hold a query back
 * until its input is known) emits nothing. When a record changes through `lightning/uiRecordApi`, a
 * changed result is emitted as long as the same records match, as Lightning Data Service re-emits
 * changed records; LDS does not re-evaluate which records match the query ("Update Cached Query
 * Results", GraphQL API Developer Guide), so a record created, deleted or moved into or out of the
 * result shows only after `refresh()`, which re-runs the query. Queries
 * run as the page's user: their object and field access and sharing (graphqlEval.ts).
 */
import { execute, type GraphQLError } from './graphqlEval';
import { parse, type DocumentNode } from './graphqlParser';
import { roundTrip, runtime } from './runtime';

export function gql(strings: TemplateStringsArray | string, ...values: unknown[]): DocumentNode {
    const parts = typeof strings === 'string' ? [strings] : Array.from(strings);
    let source = parts[0];
    values.forEach((v, i) => {
        const inner = v && typeof v === 'object' && 'source' in v ? (v as DocumentNode).source : String(v);
        source += inner + parts[i + 1];
    });
    return parse(source);
}

function deepFreeze<T>(value: T): T {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
    }
    return value;
}

interface GraphqlConfig {
    query?: DocumentNode | null;
    variables?: Record<string, unknown> | null;
    operationName?: string;
}

export interface GraphqlValue {
    data: unknown;
    errors: GraphQLError[] | undefined;
    refresh: () => Promise<void>;
}

/** Every record Id in a result (sorted, joined): which records the result holds. */
function recordIds(data: unknown): string {
    const ids: string[] = [];
    const visit = (value: unknown): void => {
        if (Array.isArray(value)) {
            value.forEach(visit);
        } else if (value !== null && typeof value === 'object') {
            for (const [key, inner] of Object.entries(value)) {
                if (key === 'Id' && typeof inner === 'string') ids.push(inner);
                else visit(inner);
            }
        }
    };
    visit(data);
    return ids.sort().join(',');
}

export class graphql {
    private config: GraphqlConfig | undefined;
    private connected = false;
    private lastJson: string | undefined;
    /** the records (Ids) of the last emitted result */
    private lastIds: string | undefined;
    private generation = 0;
    private readonly onChange = () => {
        if (this.connected) void this.run(false);
    };

    constructor(private readonly dataCallback: (value: GraphqlValue) => void) {}

    connect(): void {
        this.connected = true;
        runtime().recordChanges.addEventListener('change', this.onChange);
    }

    disconnect(): void {
        this.connected = false;
        runtime().recordChanges.removeEventListener('change', this.onChange);
    }

    update(config: GraphqlConfig): void {
        this.config = config;
        this.lastJson = undefined;
        this.lastIds = undefined;
        void this.run(true);
    }

    private async run(always: boolean): Promise<void> {
        const config = this.config;
        if (!config || !config.query) return;
        const generation = ++this.generation;
        await roundTrip();
        if (!this.connected || generation !== this.generation) return;
        const { org, access } = runtime();
        const result = execute(org, config.query, config.variables ?? {}, config.operationName, access);
        const json = JSON.stringify(result);
        const ids = recordIds(result.data);
        if (!always && (json === this.lastJson || ids !== this.lastIds)) return;
        this.lastJson = json;
        this.lastIds = ids;
        const value: GraphqlValue = {
            data: deepFreeze(result.data),
            errors: result.errors ? deepFreeze(result.errors) : undefined,
            refresh: () => this.run(true)
        };
        this.dataCallback(value);
    }
}
