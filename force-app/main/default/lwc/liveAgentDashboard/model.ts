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
}

export type SortField = 'name' | 'status' | 'since' | 'teams' | 'agreement' | 'readAt';
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
}

export const PAGE_SIZE = 100;
export const CHUNK_SIZE = MAX_PRESENCE_IDS;
export const NO_FILTER: Filter = { status: '', mismatchOnly: false, search: '' };
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
            statusSince: epoch(item.statusStartDate)
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
    readings: ReadonlyMap<string, TeamsReading>
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
            return toRow(agent, objectId, null, null, agreement, expectedStatus);
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
        return toRow(agent, objectId, reading, teams, result.agreement, result.expectedStatus);
    });
}

function toRow(
    agent: AgentRecord,
    objectId: string | null,
    reading: TeamsReading | null,
    teams: TeamsPair | null,
    agreement: Agreement,
    expectedStatus: string | null
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
        expectedStatus
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

/** The rows the filter lets through. */
export function filterRows(rows: readonly AgentRow[], filter: Filter): AgentRow[] {
    const search = folded(filter.search);
    return rows.filter(
        (row) =>
            (filter.status === '' || sameSalesforceStatus(row.statusApiName, filter.status)) &&
            (!filter.mismatchOnly || row.agreement === 'mismatch') &&
            (search === '' || folded(row.name).includes(search))
    );
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
