/*
 * The mapping between a Salesforce status and a Teams write, and between a Teams reading and a Salesforce
 * status, with the configuration's direction. Unknown values are "no change", never a crash.
 */
import { ANY_ACTIVITY } from './types';
import type {
    Configuration,
    MappingRow,
    RowActivity,
    TeamsPair,
    TeamsWrite,
    ToSalesforceResult,
    ToTeamsResult
} from './types';
import { isTransientPresence, normalizeTeamsPresence } from './teamsValues';

/** A Salesforce status compared case-insensitively; null (a "no change" row) matches no status. */
export function sameSalesforceStatus(a: string | null, b: string | null): boolean {
    return statusKey(a) === statusKey(b) && a !== null;
}

function statusKey(status: string | null): string | null {
    return status === null ? null : status.trim().toLowerCase();
}

/** The FromSalesforce__c row of a status (compared case-insensitively), or null. The first one wins. */
export function findSalesforceRow(config: Configuration, salesforceStatus: string): MappingRow | null {
    return (
        config.rows.find(
            (r) => r.fromSalesforce && sameSalesforceStatus(r.salesforceStatus, salesforceStatus)
        ) ?? null
    );
}

/** The FromTeams__c row a documented pair resolves through: its own row first, then its availability's `Any`. */
export function findTeamsRow(config: Configuration, pair: TeamsPair): MappingRow | null {
    const candidates: { row: MappingRow; activity: RowActivity }[] = [];
    for (const row of config.rows) {
        if (row.fromTeams && row.teams && row.teams.availability === pair.availability) {
            candidates.push({ row, activity: row.teams.activity });
        }
    }
    const match =
        candidates.find((c) => c.activity === pair.activity) ??
        candidates.find((c) => c.activity === ANY_ACTIVITY);
    return match ? match.row : null;
}

/** The Teams write a row describes; null when a Session/Preferred row has no concrete pair. */
export function rowWrite(row: MappingRow): TeamsWrite | null {
    if (row.writeKind === 'Clear') return { kind: 'clear' };
    if (row.writeKind === 'None') return { kind: 'none' };
    const teams = row.teams;
    if (!teams || teams.activity === ANY_ACTIVITY) return null;
    const kind = row.writeKind === 'Session' ? 'session' : 'preferred';
    return { kind, availability: teams.availability, activity: teams.activity };
}

/**
 * What a Salesforce status means for Teams and for the phone system. The phone reason code applies whatever
 * the direction; Teams is written only when the direction includes Salesforce to Teams.
 * Reasons: 'mapped', 'direction', 'invalidRow' (a Session/Preferred row without a concrete pair: not written),
 * 'rowNotFromSalesforce' (the status only has FromTeams__c rows), 'unknownStatus'.
 */
export function toTeams(config: Configuration, salesforceStatus: string): ToTeamsResult {
    const none: TeamsWrite = { kind: 'none' };
    const status = typeof salesforceStatus === 'string' ? salesforceStatus : '';
    const row = findSalesforceRow(config, status);
    if (!row) {
        const other = config.rows.find((r) => sameSalesforceStatus(r.salesforceStatus, status));
        return other
            ? { teams: none, phoneReasonCode: null, row: other.row, reason: 'rowNotFromSalesforce' }
            : { teams: none, phoneReasonCode: null, row: null, reason: 'unknownStatus' };
    }
    const result = { phoneReasonCode: row.phoneReasonCode, row: row.row };
    if (config.direction === 'MeetingAppToSalesforce') return { ...result, teams: none, reason: 'direction' };
    const write = rowWrite(row);
    return write
        ? { ...result, teams: write, reason: 'mapped' }
        : { ...result, teams: none, reason: 'invalidRow' };
}

/**
 * What a Teams reading means for Salesforce. Values are compared case-insensitively.
 * No-change reasons: 'direction' (Salesforce is not written from Teams), 'unknown' (not a documented
 * availability and activity), 'explicit' (a row with a blank status), 'transient' (idle, fading or unknown
 * presence without a row of its own), 'unmapped' (a documented pair without a row).
 */
export function toSalesforce(config: Configuration, teamsPresence: unknown): ToSalesforceResult {
    if (config.direction === 'SalesforceToMeetingApp')
        return { change: false, reason: 'direction', row: null };
    const pair = normalizeTeamsPresence(teamsPresence);
    if (!pair) return { change: false, reason: 'unknown', row: null };
    const row = findTeamsRow(config, pair);
    if (!row)
        return { change: false, reason: isTransientPresence(pair) ? 'transient' : 'unmapped', row: null };
    return row.salesforceStatus === null
        ? { change: false, reason: 'explicit', row: row.row }
        : { change: true, status: row.salesforceStatus, row: row.row };
}
