/*
 * validateConfiguration: what a parsed configuration gets wrong as a mapping (docs/data-model.md, "Rules the
 * core's validateConfiguration enforces"). Every issue names the row (and the other row involved).
 */
import { ANY_ACTIVITY, DELIVERED_SALESFORCE_STATUSES, PREFERRED_PAIRS, SESSION_PAIRS } from './types';
import type { ConfigIssue, Configuration, MappingRow, TeamsPair } from './types';
import { findSalesforceRow, findTeamsRow, rowWrite, sameSalesforceStatus, toSalesforce } from './mapping';
import { documentedTeamsPairs, pairLabel } from './teamsValues';

type Check = (config: Configuration) => ConfigIssue[];

/** Issues for rows that share a key with an earlier row (relatedRow = the first one, value = the shared value). */
function duplicates(
    rows: MappingRow[],
    valueOf: (row: MappingRow) => string | null,
    code: string,
    field: string,
    what: string
): ConfigIssue[] {
    const first = new Map<string, { row: number; value: string }>();
    const issues: ConfigIssue[] = [];
    for (const row of rows) {
        const value = valueOf(row);
        if (value === null) continue;
        const earlier = first.get(value.toLowerCase());
        if (earlier) {
            // the value as the first row spells it
            const message = `row ${row.row} repeats ${what} ${earlier.value} of row ${earlier.row}`;
            issues.push({
                code,
                row: row.row,
                field,
                message,
                relatedRow: earlier.row,
                value: earlier.value
            });
        } else {
            first.set(value.toLowerCase(), { row: row.row, value });
        }
    }
    return issues;
}

const checkDuplicates: Check = (config) => [
    ...duplicates(
        config.rows,
        (r) => (r.fromSalesforce && r.salesforceStatus ? r.salesforceStatus.trim() : null),
        'duplicateSalesforceRow',
        'SalesforceStatus__c',
        'the FromSalesforce__c status'
    ),
    ...duplicates(
        config.rows,
        (r) => (r.fromTeams && r.teams ? pairLabel(r.teams) : null),
        'duplicateTeamsRow',
        'TeamsActivity__c',
        'the FromTeams__c availability/activity'
    )
];

const checkMissingStatuses: Check = (config) =>
    DELIVERED_SALESFORCE_STATUSES.filter((status) => !findSalesforceRow(config, status)).map((status) => ({
        code: 'missingStatusRow',
        row: null,
        field: 'SalesforceStatus__c',
        message: `no FromSalesforce__c row for the Salesforce status ${status}`,
        value: status
    }));

function includesPair(
    pairs: readonly TeamsPair[],
    teams: { availability: string; activity: string }
): boolean {
    return pairs.some((p) => p.availability === teams.availability && p.activity === teams.activity);
}

function writeIssue(row: MappingRow): ConfigIssue | null {
    const kind = row.writeKind;
    if (!row.fromSalesforce || (kind !== 'Session' && kind !== 'Preferred')) return null;
    const at = { row: row.row };
    if (!row.teams) {
        const message = `a ${kind} write needs TeamsAvailability__c and TeamsActivity__c`;
        return { code: 'missingTeamsPair', ...at, field: 'TeamsAvailability__c', message };
    }
    if (row.teams.activity === ANY_ACTIVITY) {
        const message = `${ANY_ACTIVITY} cannot be written to Teams (${kind} write)`;
        return { code: 'anyOnWritingRow', ...at, field: 'TeamsActivity__c', message };
    }
    const session = kind === 'Session';
    if (includesPair(session ? SESSION_PAIRS : PREFERRED_PAIRS, row.teams)) return null;
    const api = session ? 'setPresence' : 'setUserPreferredPresence';
    const message = `${api} does not accept ${pairLabel(row.teams)}`;
    const code = session ? 'invalidSessionPair' : 'invalidPreferredPair';
    return { code, ...at, field: 'TeamsActivity__c', message };
}

const checkRows: Check = (config) =>
    config.rows.flatMap((row): ConfigIssue[] => {
        const write = writeIssue(row);
        if (write) return [write];
        if (row.fromTeams && !row.teams) {
            const message = 'a FromTeams__c row needs TeamsAvailability__c and TeamsActivity__c';
            return [{ code: 'missingTeamsPair', row: row.row, field: 'TeamsAvailability__c', message }];
        }
        if (!row.fromSalesforce && !row.fromTeams) {
            const message = 'neither FromSalesforce__c nor FromTeams__c is set: the row is never used';
            return [{ code: 'rowWithoutDirection', row: row.row, field: 'FromSalesforce__c', message }];
        }
        return [];
    });

const checkDirection: Check = (config) =>
    config.rows.flatMap((row): ConfigIssue[] => {
        const at = { code: 'directionMismatch', row: row.row };
        if (config.direction === 'MeetingAppToSalesforce' && row.fromSalesforce && row.writeKind !== 'None') {
            const message = `${row.writeKind} is never written: the configuration does not write Teams (${config.direction})`;
            return [{ ...at, field: 'TeamsWriteKind__c', message }];
        }
        if (config.direction === 'SalesforceToMeetingApp' && row.fromTeams) {
            const message = `the row is never used: the configuration does not write Salesforce (${config.direction})`;
            return [{ ...at, field: 'FromTeams__c', message }];
        }
        return [];
    });

/** Where a Teams pair lands in Salesforce when read back, or null for "no change". */
function readBack(config: Configuration, pair: TeamsPair): { status: string; row: number } | null {
    const result = toSalesforce(config, pair);
    return result.change ? { status: result.status, row: result.row } : null;
}

/** The concrete pair a FromSalesforce row writes, or null (Clear, None, no pair). */
function writtenPair(row: MappingRow): TeamsPair | null {
    const write = rowWrite(row);
    return write && (write.kind === 'session' || write.kind === 'preferred')
        ? { availability: write.availability, activity: write.activity }
        : null;
}

/** A status written to Teams and read back must map to the same status or to "no change". */
const checkSalesforceRoundTrip: Check = (config) =>
    config.rows.flatMap((row): ConfigIssue[] => {
        const pair = row.fromSalesforce ? writtenPair(row) : null;
        const back = pair ? readBack(config, pair) : null;
        if (!pair || !back || sameSalesforceStatus(back.status, row.salesforceStatus)) return [];
        const message = `${row.salesforceStatus} is written to Teams as ${pairLabel(pair)}, which row ${back.row} maps back to ${back.status}`;
        return [
            {
                code: 'roundTripUnstable',
                row: row.row,
                field: 'SalesforceStatus__c',
                message,
                relatedRow: back.row
            }
        ];
    });

/** A Teams pair mapped to status S must, once S is written to Teams and read back, map to S again. */
const checkTeamsRoundTrip: Check = (config) => {
    const exactPairs = config.rows.flatMap((r) => {
        const teams = r.fromTeams ? r.teams : null;
        return teams && teams.activity !== ANY_ACTIVITY
            ? [{ availability: teams.availability, activity: teams.activity }]
            : [];
    });
    const reported = new Set<number>();
    const issues: ConfigIssue[] = [];
    for (const pair of [...documentedTeamsPairs(), ...exactPairs]) {
        const teamsRow = findTeamsRow(config, pair);
        const status = teamsRow?.salesforceStatus;
        const statusRow = status ? findSalesforceRow(config, status) : null;
        const written = statusRow ? writtenPair(statusRow) : null;
        const back = written ? readBack(config, written) : null;
        if (
            !teamsRow ||
            !status ||
            !statusRow ||
            !written ||
            !back ||
            sameSalesforceStatus(back.status, status)
        )
            continue;
        if (reported.has(teamsRow.row)) continue;
        reported.add(teamsRow.row);
        const message = `Teams ${pairLabel(pair)} maps to ${status}, which is written to Teams as ${pairLabel(written)} and read back as ${back.status} (row ${back.row})`;
        issues.push({
            code: 'roundTripUnstable',
            row: teamsRow.row,
            field: 'SalesforceStatus__c',
            message,
            relatedRow: statusRow.row
        });
    }
    return issues;
};

/**
 * Every problem of a parsed configuration: duplicate rows, Salesforce statuses without a row, pairs the write
 * kind cannot write, `Any` on a writing row, rows without a Teams pair or a direction, rows the direction
 * never uses, and round-trip instability in both directions (Bidirectional only). Empty when it is sound.
 */
export function validateConfiguration(config: Configuration): ConfigIssue[] {
    const checks: Check[] = [checkDuplicates, checkMissingStatuses, checkRows, checkDirection];
    if (config.direction === 'Bidirectional') checks.push(checkSalesforceRoundTrip, checkTeamsRoundTrip);
    return checks.flatMap((check) => check(config));
}
