/*
 * Loading the agent's configuration: settings record -> Call Center Setup -> Presence State Configuration
 * with its labels, parsed and validated by the core, and the org's presence statuses. Plain functions over
 * the platform functions passed in, so tests need no platform; the barrel binds the real ones.
 */
import { OFFLINE_STATUS, parseConfiguration, validateConfiguration } from 'c/presenceSyncCore';
import type { ConfigIssue, Configuration, RawConfigurationRecord } from 'c/presenceSyncCore';
import { CONFIGURATION_QUERY, LABEL_LIMIT, SETTINGS_QUERY } from './queries';
import { statusDirectory } from './statuses';
import type { StatusDirectory } from './statuses';

/** What a GraphQL wire adapter emits (GraphQL response shape: `errors`, not `error`). */
export interface GraphqlResult {
    data?: unknown;
    errors?: unknown;
}

export type GraphqlQuery = (query: unknown, variables: Record<string, unknown>) => Promise<GraphqlResult>;

export interface UserSettings {
    id: string;
    email: string | null;
    callCenterSetupId: string | null;
    callCenterSetupName: string | null;
    configurationId: string | null;
    entraObjectId: string | null;
    entraUserPrincipalName: string | null;
}

/** Why the sync cannot run with the agent's configuration (codes; the UI shows labels). */
export type ConfigProblem =
    | { kind: 'missing'; what: 'settings' | 'callCenterSetup' | 'configuration' }
    | { kind: 'invalid'; configName: string; issues: ConfigIssue[] }
    | { kind: 'notAuthorized'; configName: string }
    | { kind: 'loadFailed'; detail: string };

export interface LoadedConfiguration {
    /** null: `configuration` is valid and may run */
    problem: ConfigProblem | null;
    /** the parsed configuration (also when it has issues, for display), or null */
    configuration: Configuration | null;
    /** the org's labels of the Salesforce statuses (DeveloperName -> MasterLabel) */
    statusLabels: Readonly<Record<string, string>>;
    statuses: StatusDirectory | null;
    /** the agent's saved Office 365 email, or null */
    email: string | null;
    settings: UserSettings | null;
    /** the agent's name (User.Name), which names a new settings record; null when unreadable */
    userName: string | null;
}

export interface LoadDependencies {
    query: GraphqlQuery;
    /** `@salesforce/user/Id` */
    userId: string;
    /** Apex PresenceStatusController.getStatuses */
    getStatuses: () => Promise<unknown>;
}

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field's value, unwrapping `{ value }`. */
function valueOf(record: Fields | null, name: string): string | null {
    if (record === null) return null;
    const raw = record[name];
    const value = isRecord(raw) && 'value' in raw ? raw.value : raw;
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** `data.uiapi.query.<objectName>` of a result, or null. */
function connection(data: unknown, objectName: string): Fields | null {
    const uiapi = isRecord(data) ? data.uiapi : null;
    const query = isRecord(uiapi) ? uiapi.query : null;
    const found = isRecord(query) ? query[objectName] : null;
    return isRecord(found) ? found : null;
}

/** The nodes of a connection. */
function nodes(conn: unknown): Fields[] {
    const edges = isRecord(conn) ? conn.edges : null;
    if (!Array.isArray(edges)) return [];
    return edges.flatMap((edge: unknown) => (isRecord(edge) && isRecord(edge.node) ? [edge.node] : []));
}

/** The first error message of a GraphQL result, or null when it has none. */
export function graphqlError(result: GraphqlResult): string | null {
    const errors = Array.isArray(result.errors) ? (result.errors as unknown[]) : [];
    if (errors.length === 0) return null;
    const first = errors[0];
    return isRecord(first) && typeof first.message === 'string' ? first.message : 'graphqlError';
}

/** The settings record from the settings query's data (the one keyed by the user, else the owned one). */
export function readSettings(data: unknown, userId: string): UserSettings | null {
    const all = nodes(connection(data, 'PresenceSyncUserSetting__c'));
    const node = all.find((n) => valueOf(n, 'UserKey__c') === userId) ?? all[0];
    if (node === undefined || typeof node.Id !== 'string') return null;
    const setup = isRecord(node.CallCenterSetup__r) ? node.CallCenterSetup__r : null;
    return {
        id: node.Id,
        email: valueOf(node, 'Office365Email__c'),
        callCenterSetupId: valueOf(node, 'CallCenterSetup__c'),
        callCenterSetupName: valueOf(setup, 'Name'),
        configurationId: valueOf(setup, 'PresenceStateConfiguration__c'),
        entraObjectId: valueOf(node, 'EntraObjectId__c'),
        entraUserPrincipalName: valueOf(node, 'EntraUserPrincipalName__c')
    };
}

/** The agent's own name (User.Name) from the settings query's data, or null. */
export function readUserName(data: unknown, userId: string): string | null {
    const all = nodes(connection(data, 'User'));
    const node = all.find((n) => n.Id === userId) ?? all[0];
    return node === undefined ? null : valueOf(node, 'Name');
}

/** The configuration record (in the shape parseConfiguration accepts) and whether rows were left out. */
export function readConfiguration(
    data: unknown
): { record: RawConfigurationRecord; truncated: boolean } | null {
    const [node] = nodes(connection(data, 'PresenceStateConfiguration__c'));
    if (node === undefined) return null;
    const labels = isRecord(node.PresenceStateLabels__r) ? node.PresenceStateLabels__r : null;
    const pageInfo = labels !== null && isRecord(labels.pageInfo) ? labels.pageInfo : null;
    return { record: node as RawConfigurationRecord, truncated: pageInfo?.hasNextPage === true };
}

/** Salesforce statuses the configuration names that the org does not have (or the agent cannot see). */
export function unknownStatuses(configuration: Configuration, statuses: StatusDirectory): ConfigIssue[] {
    const unknown = configuration.rows.filter((row) => {
        const status = row.salesforceStatus;
        if (status === null || status.toLowerCase() === OFFLINE_STATUS.toLowerCase()) return false;
        return statuses.idOf(status) === null;
    });
    return unknown.map((row) => ({
        code: 'statusNotInOrg',
        row: row.row,
        field: 'SalesforceStatus__c',
        message: `SalesforceStatus__c '${row.salesforceStatus}' is not a presence status of this org`
    }));
}

function failed(detail: string, partial: Partial<LoadedConfiguration> = {}): LoadedConfiguration {
    return {
        problem: { kind: 'loadFailed', detail },
        configuration: null,
        statusLabels: {},
        statuses: null,
        email: null,
        settings: null,
        userName: null,
        ...partial
    };
}

function detailOf(error: unknown): string {
    if (isRecord(error)) {
        const body = error.body;
        if (isRecord(body) && typeof body.message === 'string') return body.message;
        if (typeof error.message === 'string') return error.message;
    }
    return 'unexpectedFailure';
}

/**
 * Loads and checks everything the sync needs. Never rejects: a failure is a `loadFailed` problem, a
 * missing record `missing`, a broken configuration `invalid` with the validator's issues (the UI shows
 * them and keeps the sync paused), absent Azure ids `notAuthorized`.
 */
export async function loadConfiguration(deps: LoadDependencies): Promise<LoadedConfiguration> {
    const statusesLoaded = deps.getStatuses().then(
        (rows) => ({ ok: true as const, directory: statusDirectory(rows) }),
        (error: unknown) => ({ ok: false as const, detail: detailOf(error) })
    );
    let settingsResult: GraphqlResult;
    try {
        settingsResult = await deps.query(SETTINGS_QUERY, { userKey: deps.userId, ownerId: deps.userId });
    } catch (error) {
        return failed(detailOf(error));
    }
    const settingsError = graphqlError(settingsResult);
    if (settingsError !== null) return failed(settingsError);
    const settings = readSettings(settingsResult.data, deps.userId);
    const loaded = await statusesLoaded;
    const base = {
        statusLabels: loaded.ok ? loaded.directory.labels : {},
        statuses: loaded.ok ? loaded.directory : null,
        email: settings?.email ?? null,
        settings,
        userName: readUserName(settingsResult.data, deps.userId)
    };
    const missing = (what: 'settings' | 'callCenterSetup' | 'configuration'): LoadedConfiguration => ({
        ...base,
        problem: { kind: 'missing', what },
        configuration: null
    });
    if (settings === null) return missing('settings');
    if (settings.callCenterSetupId === null) return missing('callCenterSetup');
    if (settings.configurationId === null) return missing('configuration');

    let configurationResult: GraphqlResult;
    try {
        configurationResult = await deps.query(CONFIGURATION_QUERY, {
            configurationId: settings.configurationId
        });
    } catch (error) {
        return failed(detailOf(error), base);
    }
    const configurationError = graphqlError(configurationResult);
    if (configurationError !== null) return failed(configurationError, base);
    const read = readConfiguration(configurationResult.data);
    if (read === null) return missing('configuration');
    const configName = valueOf(read.record as Fields, 'Name') ?? '';
    const parsed = parseConfiguration(read.record);
    if (!parsed.ok) {
        return {
            ...base,
            problem: { kind: 'invalid', configName, issues: parsed.errors },
            configuration: null
        };
    }
    const configuration = parsed.configuration;
    const issues: ConfigIssue[] = [...validateConfiguration(configuration)];
    if (read.truncated) {
        issues.push({
            code: 'tooManyRows',
            row: null,
            field: 'PresenceStateLabels__r',
            message: `more than ${LABEL_LIMIT} Presence State Labels; only ${LABEL_LIMIT} are read`
        });
    }
    if (!loaded.ok) return failed(loaded.detail, { ...base, configuration });
    issues.push(...unknownStatuses(configuration, loaded.directory));
    if (issues.length > 0)
        return { ...base, problem: { kind: 'invalid', configName, issues }, configuration };
    if (configuration.azureClientId === null || configuration.azureTenantId === null) {
        return { ...base, problem: { kind: 'notAuthorized', configName }, configuration };
    }
    return { ...base, problem: null, configuration };
}

/** A WireAdapter constructor as LWC defines it (`new (dataCallback) => { connect, disconnect, update }`). */
export interface WireAdapterLike {
    connect(): void;
    disconnect(): void;
    update(config: Record<string, unknown>, context?: Record<string, unknown>): void;
}
export type WireAdapterClass = new (dataCallback: (value: unknown) => void) => WireAdapterLike;

/**
 * A one-shot query over a wire adapter (the graphql adapter of lightning/graphql), driven through the
 * wire adapter protocol: resolves with the first emitted value that has `data` or `errors` (a value with
 * neither means "loading"), then disconnects. Use @wire in a component where a stream of updates is wanted.
 */
export function wireQuery(Adapter: WireAdapterClass): GraphqlQuery {
    return (query, variables) =>
        new Promise<GraphqlResult>((resolve, reject) => {
            let settled = false;
            let adapter: WireAdapterLike | null = null;
            // after the current call: the adapter may emit from its constructor, before `adapter` is set
            const finish = (): void => {
                Promise.resolve().then(() => adapter?.disconnect());
            };
            try {
                adapter = new Adapter((value: unknown) => {
                    if (settled || !isRecord(value)) return;
                    if (value.data === undefined && value.errors === undefined) return;
                    settled = true;
                    resolve({ data: value.data, errors: value.errors });
                    finish();
                });
                adapter.connect();
                adapter.update({ query, variables }, {});
            } catch (error) {
                if (!settled) reject(error);
            }
        });
}
