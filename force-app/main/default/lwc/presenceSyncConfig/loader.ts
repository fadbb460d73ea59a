/*
 * The agent's configuration from what the platform delivers: the two GraphQL wires of the composition
 * root (`@wire(graphql, { query, variables })` of lightning/graphql: the settings record -> Call Center
 * Setup, then the Presence State Configuration with its labels), and the org's presence statuses
 * (Apex). Pure functions over those results: the core parses and validates the configuration; tests
 * need no platform. The documented wire pattern: "Make Your Variables Reactive" and "GraphQL Wire
 * Adapter Best Practices" (a query given as `'$property'` runs once the property has a value), GraphQL
 * API Developer Guide.
 */
import { OFFLINE_STATUS, parseConfiguration, validateConfiguration } from 'c/presenceSyncCore';
import type { ConfigIssue, Configuration, RawConfigurationRecord } from 'c/presenceSyncCore';
import { LABEL_LIMIT } from './queries';
import { statusDirectory } from './statuses';
import type { StatusDirectory } from './statuses';

/**
 * What the graphql wire adapter emits (GraphQL response shape: `errors`, not `error`; `refresh` re-runs
 * the query). A value with neither `data` nor `errors` means "loading".
 */
export interface GraphqlResult {
    data?: unknown;
    errors?: unknown;
    refresh?: () => Promise<unknown>;
}

/** The Apex read of the org's statuses: the directory, or why it failed. */
export type StatusesResult = { ok: true; directory: StatusDirectory } | { ok: false; detail: string };

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

/** Everything the configuration is made of, as far as it has arrived. */
export interface ConfigurationInputs {
    /** `@salesforce/user/Id` */
    userId: string;
    /** the settings wire's last value (SETTINGS_QUERY with settingsVariables), absent before the first */
    settings?: GraphqlResult;
    /**
     * the configuration wire's last value for the configuration the settings name
     * (CONFIGURATION_QUERY with configurationVariables), absent before it arrives
     */
    configuration?: GraphqlResult;
    /** the Apex read of the statuses, absent before it answers */
    statuses?: StatusesResult;
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

/** Every configuration record of a CONFIGURATIONS_QUERY answer, with its Id. */
export function readConfigurations(
    data: unknown
): { id: string; record: RawConfigurationRecord; truncated: boolean }[] {
    return nodes(connection(data, 'PresenceStateConfiguration__c')).flatMap((node) => {
        if (typeof node.Id !== 'string') return [];
        const labels = isRecord(node.PresenceStateLabels__r) ? node.PresenceStateLabels__r : null;
        const pageInfo = labels !== null && isRecord(labels.pageInfo) ? labels.pageInfo : null;
        return [
            { id: node.Id, record: node as RawConfigurationRecord, truncated: pageInfo?.hasNextPage === true }
        ];
    });
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

/** Variables of SETTINGS_QUERY: the settings record keyed by or owned by the user, and the user. */
export function settingsVariables(userId: string): { userKey: string; ownerId: string } {
    return { userKey: userId, ownerId: userId };
}

/** Variables of CONFIGURATION_QUERY. */
export function configurationVariables(configurationId: string): { configurationId: string } {
    return { configurationId };
}

/** Variables of CONFIGURATIONS_QUERY (at most CONFIGURATIONS_LIMIT ids are read). */
export function configurationsVariables(ids: readonly string[]): { ids: string[] } {
    return { ids: [...ids] };
}

/** The wire has answered (data or errors), as opposed to "loading". */
export function hasAnswered(result: GraphqlResult | undefined): result is GraphqlResult {
    return result !== undefined && (result.data !== undefined || result.errors !== undefined);
}

/** The configuration the agent's settings name (via the Call Center Setup), or null. */
export function configurationIdOf(settings: GraphqlResult | undefined, userId: string): string | null {
    if (!hasAnswered(settings) || graphqlError(settings) !== null) return null;
    return readSettings(settings.data, userId)?.configurationId ?? null;
}

/** Reads the org's statuses through `getStatuses` (Apex). Never rejects. */
export function loadStatuses(getStatuses: () => Promise<unknown>): Promise<StatusesResult> {
    return Promise.resolve()
        .then(getStatuses)
        .then(
            (rows) => ({ ok: true as const, directory: statusDirectory(rows) }),
            (error: unknown) => ({ ok: false as const, detail: detailOf(error) })
        );
}

/**
 * The agent's configuration, checked, from what has arrived; null while something it needs is still
 * loading. Never throws: a failure is a `loadFailed` problem, a missing record `missing`, a broken
 * configuration `invalid` with the validator's issues (the UI shows them and keeps the sync paused),
 * absent Azure ids `notAuthorized`.
 */
export function evaluateConfiguration(inputs: ConfigurationInputs): LoadedConfiguration | null {
    const { settings: settingsResult, statuses: loaded } = inputs;
    if (!hasAnswered(settingsResult) || loaded === undefined) return null;
    const settingsError = graphqlError(settingsResult);
    if (settingsError !== null) return failed(settingsError);
    const settings = readSettings(settingsResult.data, inputs.userId);
    const base = {
        statusLabels: loaded.ok ? loaded.directory.labels : {},
        statuses: loaded.ok ? loaded.directory : null,
        email: settings?.email ?? null,
        settings,
        userName: readUserName(settingsResult.data, inputs.userId)
    };
    const missing = (what: 'settings' | 'callCenterSetup' | 'configuration'): LoadedConfiguration => ({
        ...base,
        problem: { kind: 'missing', what },
        configuration: null
    });
    if (settings === null) return missing('settings');
    if (settings.callCenterSetupId === null) return missing('callCenterSetup');
    if (settings.configurationId === null) return missing('configuration');

    const configurationResult = inputs.configuration;
    if (!hasAnswered(configurationResult)) return null;
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
