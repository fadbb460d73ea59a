/*
 * The dashboard's pure model: the agents as the Apex controller returns them, their Teams readings, and
 * what the table shows (agreement under each agent's configuration, sort, filter, paging, chunks of ids).
 * No DOM, no timers, no clock: time comes in as arguments.
 */
import {
    OFFLINE_STATUS,
    normalizeTeamsPresence,
    samePresence,
    sameSalesforceStatus,
    toSalesforce,
    toTeams
} from 'c/presenceSyncCore';
import type { Configuration, TeamsPair } from 'c/presenceSyncCore';
import { MAX_PRESENCE_IDS } from 'c/presenceSyncBridgeProtocol';

/** One agent as LiveAgentDashboardController.getAgents returns it. */
export interface AgentRecord {
    userId: string;
    // eslint-disable-next-line no-restricted-globals -- a property name, misread as the global by the Babel parser
    name: string;
    callCenterSetupId: string | null;
    callCenterSetupName: string | null;
    configurationId: string | null;
    /** the Entra object id learned at the agent's sign-in (null: never connected) */
    entraObjectId: string | null;
    /** ServicePresenceStatus DeveloperName of the current UserServicePresence (null: logged out of Omni) */
    statusApiName: string | null;
    statusLabel: string | null;
    /** epoch ms the current status started (null: logged out) */
    statusSince: number | null;
    /** SyncHealth__c: what the agent's connector last reported (null: never reported) */
    syncHealth: string | null;
    /** SyncHeartbeatAt__c, epoch ms (null: never reported) */
    heartbeatAt: number | null;
    /** LastSuccessfulSyncAt__c, epoch ms (null: not yet) */
    lastSyncAt: number | null;
}

/**
 * The sync health the supervisor sees: what the connector reported, or from its heartbeat's age
 * "stale" (no connector running: older than STALE_AFTER_MS) and "neverConnected" (no report at all).
 */
export type SyncHealthState =
    | 'syncing'
    | 'paused'
    | 'signInRequired'
    | 'throttled'
    | 'configurationBroken'
    | 'stale'
    | 'neverConnected';

export const SYNC_HEALTH_STATES: readonly SyncHealthState[] = [
    'syncing',
    'paused',
    'signInRequired',
    'throttled',
    'configurationBroken',
    'stale',
    'neverConnected'
];

/**
 * The connector writes a heartbeat every 5 minutes (ctiDataConnector healthReport.ts): older than 12
 * minutes means two heartbeats missed, i.e. no connector running for that agent.
 */
export const STALE_AFTER_MS = 12 * 60 * 1000;
export const HEARTBEAT_MINUTES = 5;

const REPORTED: readonly string[] = SYNC_HEALTH_STATES.slice(0, 5);

/** The health of one agent at `now` (an unknown reported value counts as not running). */
export function syncHealthOf(
    agent: Pick<AgentRecord, 'syncHealth' | 'heartbeatAt'>,
    now: number
): SyncHealthState {
    if (agent.heartbeatAt === null) return 'neverConnected';
    if (now - agent.heartbeatAt > STALE_AFTER_MS) return 'stale';
    const reported = agent.syncHealth;
    return reported !== null && REPORTED.includes(reported) ? (reported as SyncHealthState) : 'stale';
}

/** One Teams reading of an agent. */
export interface TeamsReading {
    availability: string;
    activity: string;
    /** epoch ms the reading arrived */
    readAt: number;
}

/**
 * - match: Teams means the agent's Omni status (or Teams shows what the status writes)
 * - mismatch: Teams means another Omni status
 * - notCompared: no valid configuration, or the Teams state means "no change" in the mapping
 * - notConnected: the agent has no Entra object id (never signed in to Teams from Salesforce)
 * - notRead: Teams has not been read yet for this agent
 */
export type Agreement = 'match' | 'mismatch' | 'notCompared' | 'notConnected' | 'notRead';

export interface AgentRow {
    userId: string;
    // eslint-disable-next-line no-restricted-globals -- a property name, misread as the global by the Babel parser
    name: string;
    statusApiName: string;
    statusLabel: string | null;
    statusSince: number | null;
    objectId: string | null;
    teams: TeamsPair | null;
    /** the raw reading (also when its values are unknown to the core) */
    reading: TeamsReading | null;
    agreement: Agreement;
    /** the Omni status Teams means, when it means one */
    expectedStatus: string | null;
    health: SyncHealthState;
    lastSyncAt: number | null;
    callCenterSetupId: string | null;
}

export type SortField =
    'name' | 'status' | 'since' | 'teams' | 'agreement' | 'health' | 'lastSync' | 'readAt';
export type SortDirection = 'ascending' | 'descending';
export interface SortOrder {
    field: SortField;
    direction: SortDirection;
}

export interface Filter {
    /** Omni status DeveloperName ('' = all; OFFLINE_STATUS = logged out) */
    // eslint-disable-next-line no-restricted-globals -- a property name, misread as the global by the Babel parser
    status: string;
    mismatchOnly: boolean;
    search: string;
    /** Teams availability ('' = all; NO_TEAMS: not read yet; TEAMS_NOT_CONNECTED: no object id) */
    teams: string;
    /** SyncHealthState ('' = all) */
    health: string;
    /** CallCenterSetup__c id ('' = all) */
    setup: string;
}

/** The Teams filter value of connected agents without a Teams reading yet. */
export const NO_TEAMS = 'none';
/** The Teams filter value of agents without an Entra object id. */
export const TEAMS_NOT_CONNECTED = 'notConnected';

export const PAGE_SIZE = 100;
export const CHUNK_SIZE = MAX_PRESENCE_IDS;
export const NO_FILTER: Filter = {
    status: '',
    mismatchOnly: false,
    search: '',
    teams: '',
    health: '',
    setup: ''
};
export const DEFAULT_SORT: SortOrder = { field: 'name', direction: 'ascending' };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** A usable Entra object id (a GUID, lower case), else null. */
export function objectIdOf(value: unknown): string | null {
    const id = text(value);
    return id !== null && GUID.test(id) ? id.toLowerCase() : null;
}

function epoch(value: unknown): number | null {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    const t = text(value);
    if (t === null) return null;
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : ms;
}

/** The agents of the Apex answer (`{ agents: [...] }`); malformed entries are skipped. */
export function parseAgents(raw: unknown): AgentRecord[] {
    const list = isRecord(raw) && Array.isArray(raw.agents) ? (raw.agents as unknown[]) : [];
    const agents: AgentRecord[] = [];
    for (const item of list) {
        if (!isRecord(item)) continue;
        const userId = text(item.userId);
        if (userId === null) continue;
        agents.push({
            userId,
            name: text(item.name) ?? userId,
            callCenterSetupId: text(item.callCenterSetupId),
            callCenterSetupName: text(item.callCenterSetupName),
            configurationId: text(item.configurationId),
            entraObjectId: text(item.entraObjectId),
            statusApiName: text(item.statusApiName),
            statusLabel: text(item.statusLabel),
            statusSince: epoch(item.statusStartDate),
            syncHealth: text(item.syncHealth),
            heartbeatAt: epoch(item.syncHeartbeatAt),
            lastSyncAt: epoch(item.lastSuccessfulSyncAt)
        });
    }
    return agents;
}

/** The supervisor's Microsoft sign-in hint of the Apex answer (`signInHint`), null when absent. */
export function parseSignInHint(raw: unknown): string | null {
    return isRecord(raw) ? text(raw.signInHint) : null;
}

/** The distinct usable object ids, in agent order. */
export function objectIds(agents: readonly AgentRecord[]): string[] {
    const ids = new Set<string>();
    for (const agent of agents) {
        const id = objectIdOf(agent.entraObjectId);
        if (id !== null) ids.add(id);
    }
    return [...ids];
}

/** Ids in chunks of at most `size` (getPresencesByUserId takes 650). */
export function chunk<T>(items: readonly T[], size: number = CHUNK_SIZE): T[][] {
    const chunks: T[][] = [];
    for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
    return chunks;
}

/** The mapping regardless of the sync direction: agreement is about meaning, not about who writes. */
function bothWays(config: Configuration): Configuration {
    return { ...config, direction: 'Bidirectional' };
}

/** Whether Teams and Omni agree under the agent's configuration, and the status Teams means. */
export function agreementOf(
    config: Configuration | null,
    statusApiName: string | null,
    objectId: string | null,
    reading: TeamsReading | null
): { agreement: Agreement; expectedStatus: string | null } {
    if (objectId === null) return { agreement: 'notConnected', expectedStatus: null };
    if (reading === null) return { agreement: 'notRead', expectedStatus: null };
    if (config === null) return { agreement: 'notCompared', expectedStatus: null };
    const omni = statusApiName ?? OFFLINE_STATUS;
    const mapping = bothWays(config);
    const teams = { availability: reading.availability, activity: reading.activity };
    const result = toSalesforce(mapping, teams);
    if (result.change) {
        const agree = sameSalesforceStatus(result.status, omni);
        return { agreement: agree ? 'match' : 'mismatch', expectedStatus: result.status };
    }
    const write = toTeams(mapping, omni).teams;
    if ((write.kind === 'session' || write.kind === 'preferred') && samePresence(write, teams)) {
        return { agreement: 'match', expectedStatus: null };
    }
    return { agreement: 'notCompared', expectedStatus: null };
}

/**
 * The table rows: every agent (none hidden), with its reading and agreement. Thousands of agents share a
 * handful of (configuration, Omni status, Teams state) combinations: the mapping is evaluated once per
 * combination and Teams states are normalized once per pair, not once per row.
 */
export function buildRows(
    agents: readonly AgentRecord[],
    configurations: ReadonlyMap<string, Configuration>,
    readings: ReadonlyMap<string, TeamsReading>,
    now: number
): AgentRow[] {
    const agreements = new Map<string, { agreement: Agreement; expectedStatus: string | null }>();
    const normalized = new Map<string, TeamsPair | null>();
    return agents.map((agent) => {
        const objectId = objectIdOf(agent.entraObjectId);
        const reading = objectId === null ? null : (readings.get(objectId) ?? null);
        const config =
            agent.configurationId === null ? null : (configurations.get(agent.configurationId) ?? null);
        if (reading === null) {
            const { agreement, expectedStatus } = agreementOf(config, agent.statusApiName, objectId, null);
            return toRow(agent, objectId, null, null, agreement, expectedStatus, now);
        }
        const pair = `${reading.availability}\u0000${reading.activity}`;
        let teams = normalized.get(pair);
        if (teams === undefined) {
            teams = normalizeTeamsPresence(reading);
            normalized.set(pair, teams);
        }
        const key = `${agent.configurationId ?? ''}\u0000${agent.statusApiName ?? ''}\u0000${pair}`;
        let result = agreements.get(key);
        if (result === undefined) {
            result = agreementOf(config, agent.statusApiName, objectId, reading);
            agreements.set(key, result);
        }
        return toRow(agent, objectId, reading, teams, result.agreement, result.expectedStatus, now);
    });
}

function toRow(
    agent: AgentRecord,
    objectId: string | null,
    reading: TeamsReading | null,
    teams: TeamsPair | null,
    agreement: Agreement,
    expectedStatus: string | null,
    now: number
): AgentRow {
    return {
        userId: agent.userId,
        name: agent.name,
        statusApiName: agent.statusApiName ?? OFFLINE_STATUS,
        statusLabel: agent.statusApiName === null ? null : agent.statusLabel,
        statusSince: agent.statusSince,
        objectId,
        teams,
        reading,
        agreement,
        expectedStatus,
        health: syncHealthOf(agent, now),
        lastSyncAt: agent.lastSyncAt,
        callCenterSetupId: agent.callCenterSetupId
    };
}

const AVAILABILITY_ORDER = [
    'Available',
    'AvailableIdle',
    'Busy',
    'BusyIdle',
    'DoNotDisturb',
    'BeRightBack',
    'Away',
    'Offline',
    'PresenceUnknown'
];
const AGREEMENT_ORDER: Agreement[] = ['mismatch', 'match', 'notCompared', 'notRead', 'notConnected'];

function teamsRank(row: AgentRow): number {
    if (row.teams === null) return AVAILABILITY_ORDER.length + (row.objectId === null ? 1 : 0);
    const i = AVAILABILITY_ORDER.indexOf(row.teams.availability);
    return i < 0 ? AVAILABILITY_ORDER.length - 1 : i;
}

let collator: Intl.Collator | null = null;

/**
 * Names compared as the user's locale sorts them, accents and case folded. One Intl.Collator for the
 * module: `localeCompare` with options builds a collator per call, which made sorting 5,000 rows (about
 * 60,000 comparisons) the largest part of the first render and grow faster than the row count.
 */
function compareText(a: string, b: string): number {
    collator ??= new Intl.Collator(undefined, { sensitivity: 'base' });
    return collator.compare(a, b);
}

/** null sorts after every value in both directions. */
function compareNullable(a: number | null, b: number | null, sign: number): number {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return (a - b) * sign;
}

/** A sorted copy; ties are broken by name, then user id (stable and deterministic). */
export function sortRows(rows: readonly AgentRow[], order: SortOrder): AgentRow[] {
    const sign = order.direction === 'ascending' ? 1 : -1;
    const primary = (a: AgentRow, b: AgentRow): number => {
        switch (order.field) {
            case 'status':
                return compareText(a.statusLabel ?? a.statusApiName, b.statusLabel ?? b.statusApiName) * sign;
            case 'since':
                // "time in status": ascending is the shortest time first, i.e. the latest start first
                return compareNullable(
                    a.statusSince === null ? null : -a.statusSince,
                    b.statusSince === null ? null : -b.statusSince,
                    sign
                );
            case 'teams':
                return (teamsRank(a) - teamsRank(b)) * sign;
            case 'agreement':
                return (AGREEMENT_ORDER.indexOf(a.agreement) - AGREEMENT_ORDER.indexOf(b.agreement)) * sign;
            case 'health':
                return (SYNC_HEALTH_STATES.indexOf(a.health) - SYNC_HEALTH_STATES.indexOf(b.health)) * sign;
            case 'lastSync':
                return compareNullable(a.lastSyncAt, b.lastSyncAt, sign);
            case 'readAt':
                return compareNullable(a.reading?.readAt ?? null, b.reading?.readAt ?? null, sign);
            default:
                return compareText(a.name, b.name) * sign;
        }
    };
    return [...rows].sort(
        (a, b) => primary(a, b) || compareText(a.name, b.name) || (a.userId < b.userId ? -1 : 1)
    );
}

function folded(value: string): string {
    return value
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .trim();
}

/** The Teams availability a row counts under (NO_TEAMS: no reading). */
export function teamsKey(row: AgentRow): string {
    if (row.objectId === null) return TEAMS_NOT_CONNECTED;
    return row.teams?.availability ?? row.reading?.availability ?? NO_TEAMS;
}

/** The rows the filter lets through. */
export function filterRows(rows: readonly AgentRow[], filter: Filter): AgentRow[] {
    const search = folded(filter.search);
    return rows.filter(
        (row) =>
            (filter.setup === '' || row.callCenterSetupId === filter.setup) &&
            (filter.status === '' || sameSalesforceStatus(row.statusApiName, filter.status)) &&
            (!filter.mismatchOnly || row.agreement === 'mismatch') &&
            (filter.teams === '' || teamsKey(row) === filter.teams) &&
            (filter.health === '' || row.health === filter.health) &&
            (search === '' || folded(row.name).includes(search))
    );
}

export interface Summary {
    total: number;
    /** Omni status DeveloperName (OFFLINE_STATUS: logged out) -> agents */
    omni: Map<string, number>;
    /** Teams availability (NO_TEAMS: not read yet, TEAMS_NOT_CONNECTED: no object id) -> agents */
    teams: Map<string, number>;
    mismatches: number;
    /** every SyncHealthState, also those with no agent */
    health: Map<SyncHealthState, number>;
}

/** The counts of the summary strip, over the rows of the chosen Call Center Setup. */
export function summarize(rows: readonly AgentRow[], setup: string): Summary {
    const summary: Summary = {
        total: 0,
        omni: new Map(),
        teams: new Map(),
        mismatches: 0,
        health: new Map(SYNC_HEALTH_STATES.map((s) => [s, 0]))
    };
    const add = (map: Map<string, number>, key: string): void => {
        map.set(key, (map.get(key) ?? 0) + 1);
    };
    for (const row of rows) {
        if (setup !== '' && row.callCenterSetupId !== setup) continue;
        summary.total += 1;
        add(summary.omni, row.statusApiName);
        add(summary.teams, teamsKey(row));
        if (row.agreement === 'mismatch') summary.mismatches += 1;
        add(summary.health, row.health);
    }
    return summary;
}

/** The Call Center Setups of the agents (id -> name), sorted by name. */
export function setupOptions(agents: readonly AgentRecord[]): { value: string; label: string }[] {
    const seen = new Map<string, string>();
    for (const agent of agents) {
        if (agent.callCenterSetupId !== null && !seen.has(agent.callCenterSetupId)) {
            seen.set(agent.callCenterSetupId, agent.callCenterSetupName ?? agent.callCenterSetupId);
        }
    }
    return [...seen.entries()]
        .map(([value, label]) => ({ value, label }))
        .sort((a, b) => compareText(a.label, b.label));
}

export interface Page<T> {
    rows: T[];
    /** 1-based */
    page: number;
    pageCount: number;
    /** 1-based index of the first row shown (0 when none) */
    first: number;
    last: number;
    total: number;
}

/** One page of rows; a page beyond the end shows the last page. */
export function pageOf<T>(rows: readonly T[], page: number, size: number = PAGE_SIZE): Page<T> {
    const pageCount = Math.max(1, Math.ceil(rows.length / size));
    const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
    const start = (current - 1) * size;
    const slice = rows.slice(start, start + size);
    return {
        rows: slice,
        page: current,
        pageCount,
        first: slice.length === 0 ? 0 : start + 1,
        last: start + slice.length,
        total: rows.length
    };
}

/** The Omni statuses present among the agents, for the status filter (DeveloperName -> label). */
export function statusOptions(rows: readonly AgentRow[]): { value: string; label: string | null }[] {
    const seen = new Map<string, string | null>();
    for (const row of rows) if (!seen.has(row.statusApiName)) seen.set(row.statusApiName, row.statusLabel);
    return [...seen.entries()]
        .map(([value, label]) => ({ value, label }))
        .sort((a, b) => compareText(a.label ?? a.value, b.label ?? b.value));
}
