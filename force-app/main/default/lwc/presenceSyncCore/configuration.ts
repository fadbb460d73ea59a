/*
 * parseConfiguration: a PresenceStateConfiguration__c record with its PresenceStateLabel__c rows, as it comes
 * from the org (SOQL, UI API / GraphQL `{ value }` wrappers, GraphQL `edges/node` connections) or from the
 * delivered data, into a typed Configuration, or every specific problem found (row, field, what is wrong).
 * Never throws.
 */
import type {
    CallPresence,
    ConfigIssue,
    Configuration,
    ManualStatusPolicy,
    MappingRow,
    ParseResult,
    SyncDirection,
    WriteKind
} from './types';
import { normalizeAvailability, normalizeRowActivity } from './teamsValues';

/** Defaults of the tunables, as docs/data-model.md defines them. */
export const CONFIGURATION_DEFAULTS = {
    meetingApplication: 'MS-Teams',
    direction: 'Bidirectional',
    pollIntervalSeconds: 2,
    maxPollIntervalSeconds: 60,
    sessionExpiryMinutes: 10,
    wrapUpSeconds: 0,
    callPresence: 'BusyInACall',
    /** SetCallStatusMessage__c's field default (a checkbox the org never leaves blank) */
    setCallStatusMessage: true,
    manualStatusPolicy: 'LatestIntentWins'
} as const;

/**
 * The longest CallStatusMessage__c: the field's length. Microsoft Graph's setStatusMessage reference
 * names no limit; the Teams client's own status message box stops at 280 characters (no reference page
 * states it: docs/sync-policy.md, and a check in docs/org-verification.md).
 */
export const CALL_STATUS_MESSAGE_MAX_LENGTH = 280;

/** Inclusive ranges of the numeric tunables (the field sizes; session expiry is what setPresence accepts). */
export const TUNABLE_RANGES = {
    PollIntervalSeconds__c: { min: 1, max: 9999 },
    MaxPollIntervalSeconds__c: { min: 1, max: 9999 },
    SessionExpiryMinutes__c: { min: 5, max: 240 },
    WrapUpSeconds__c: { min: 0, max: 9999 }
} as const;

const MEETING_APPLICATIONS = ['MS-Teams'] as const;
const DIRECTIONS: readonly SyncDirection[] = [
    'Bidirectional',
    'SalesforceToMeetingApp',
    'MeetingAppToSalesforce'
];
const WRITE_KINDS: readonly WriteKind[] = ['Session', 'Preferred', 'Clear', 'None'];
const CALL_PRESENCES: readonly CallPresence[] = ['BusyInACall', 'DoNotDisturbPresenting'];
const POLICIES: readonly ManualStatusPolicy[] = ['LatestIntentWins', 'TeamsManualWins'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Fields = Record<string, unknown>;
type Issues = ConfigIssue[];

function isRecord(value: unknown): value is Fields {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field's value, unwrapping the UI API / GraphQL `{ value: x }` shape. */
function field(record: Fields, name: string): unknown {
    const value = record[name];
    return isRecord(value) && 'value' in value ? value.value : value;
}

function isBlank(value: unknown): boolean {
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function issue(code: string, row: number | null, fieldName: string, message: string): ConfigIssue {
    return { code, row, field: fieldName, message };
}

/** Optional text: null when blank; an issue when it is not text. */
function text(record: Fields, name: string, row: number | null, issues: Issues): string | null {
    const value = field(record, name);
    if (isBlank(value)) return null;
    if (typeof value !== 'string') {
        issues.push(issue('invalidType', row, name, `${name} must be text, got ${typeof value}`));
        return null;
    }
    return value.trim();
}

function picklist<T extends string>(
    record: Fields,
    name: string,
    allowed: readonly T[],
    fallback: T | null,
    row: number | null,
    issues: Issues
): T | null {
    const value = text(record, name, row, issues);
    if (value === null) return fallback;
    const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (!match) {
        const list = allowed.join(', ');
        issues.push(issue('invalidPicklistValue', row, name, `${name} '${value}' is not one of ${list}`));
    }
    return match ?? null;
}

function checkbox(record: Fields, name: string, row: number | null, issues: Issues): boolean {
    const value = field(record, name);
    if (isBlank(value) || value === false || value === 'false') return false;
    if (value === true || value === 'true') return true;
    issues.push(issue('invalidType', row, name, `${name} must be true or false, got ${String(value)}`));
    return false;
}

/** CallStatusMessage__c: the admin's text, or null (blank: the app's default); too long is an issue. */
function statusMessageText(record: Fields, issues: Issues): string | null {
    const name = 'CallStatusMessage__c';
    const value = text(record, name, null, issues);
    if (value !== null && value.length > CALL_STATUS_MESSAGE_MAX_LENGTH) {
        const max = CALL_STATUS_MESSAGE_MAX_LENGTH;
        const message = `${name} has ${value.length} characters; Teams shows at most ${max}`;
        issues.push(issue('textTooLong', null, name, message));
    }
    return value;
}

function whole(record: Fields, name: keyof typeof TUNABLE_RANGES, fallback: number, issues: Issues): number {
    const value = field(record, name);
    if (isBlank(value)) return fallback;
    const n = typeof value === 'string' ? Number(value.trim()) : value;
    if (typeof n !== 'number' || !Number.isInteger(n)) {
        issues.push(issue('invalidType', null, name, `${name} must be a whole number, got ${String(value)}`));
        return fallback;
    }
    const { min, max } = TUNABLE_RANGES[name];
    if (n < min || n > max) {
        issues.push(issue('outOfRange', null, name, `${name} is ${n}; it must be between ${min} and ${max}`));
    }
    return n;
}

function guid(record: Fields, name: string, issues: Issues): string | null {
    const value = text(record, name, null, issues);
    if (value !== null && !GUID.test(value)) {
        issues.push(issue('invalidGuid', null, name, `${name} '${value}' is not a GUID`));
    }
    return value;
}

/** The rows under PresenceStateLabels__r: `{ records: [] }`, `{ edges: [{ node }] }`, a plain array, or none. */
function rowRecords(record: Fields, issues: Issues): unknown[] {
    const rel = record.PresenceStateLabels__r;
    if (rel === undefined || rel === null) return [];
    if (Array.isArray(rel)) return rel;
    if (isRecord(rel) && Array.isArray(rel.records)) return rel.records;
    if (isRecord(rel) && Array.isArray(rel.edges)) {
        return rel.edges.map((edge) => (isRecord(edge) ? edge.node : edge));
    }
    const name = 'PresenceStateLabels__r';
    issues.push(issue('invalidType', null, name, `${name} must be { records: [...] } or { edges: [...] }`));
    return [];
}

function parseTeams(record: Fields, row: number, issues: Issues): MappingRow['teams'] {
    const availabilityText = text(record, 'TeamsAvailability__c', row, issues);
    const activityText = text(record, 'TeamsActivity__c', row, issues);
    if (availabilityText === null && activityText === null) return null;
    const availability = checkTeamsValue(
        'TeamsAvailability__c',
        availabilityText,
        normalizeAvailability,
        row,
        issues
    );
    const activity = checkTeamsValue('TeamsActivity__c', activityText, normalizeRowActivity, row, issues);
    return availability && activity ? { availability, activity } : null;
}

function checkTeamsValue<T>(
    name: string,
    value: string | null,
    normalize: (value: string) => T | null,
    row: number,
    issues: Issues
): T | null {
    if (value === null) {
        issues.push(
            issue('requiredField', row, name, `${name} is required when the other Teams field is set`)
        );
        return null;
    }
    const parsed = normalize(value);
    if (parsed === null) {
        issues.push(issue('invalidPicklistValue', row, name, `${name} '${value}' is not a documented value`));
    }
    return parsed;
}

function parseRow(raw: unknown, row: number, issues: Issues): MappingRow | null {
    if (!isRecord(raw)) {
        issues.push(issue('invalidRecord', row, '', `row ${row} is not a PresenceStateLabel__c record`));
        return null;
    }
    const before = issues.length;
    const fromSalesforce = checkbox(raw, 'FromSalesforce__c', row, issues);
    const fromTeams = checkbox(raw, 'FromTeams__c', row, issues);
    const salesforceStatus = text(raw, 'SalesforceStatus__c', row, issues);
    if (fromSalesforce && salesforceStatus === null && isBlank(field(raw, 'SalesforceStatus__c'))) {
        const message = 'SalesforceStatus__c is required on a FromSalesforce__c row';
        issues.push(issue('requiredField', row, 'SalesforceStatus__c', message));
    }
    const kindField = 'TeamsWriteKind__c';
    const writeKind = picklist(raw, kindField, WRITE_KINDS, fromSalesforce ? null : 'None', row, issues);
    if (fromSalesforce && writeKind === null && isBlank(field(raw, kindField))) {
        issues.push(
            issue('requiredField', row, kindField, `${kindField} is required on a FromSalesforce__c row`)
        );
    }
    const teams = parseTeams(raw, row, issues);
    const name = text(raw, 'Name', row, issues) ?? '';
    const phoneReasonCode = text(raw, 'PhoneReasonCode__c', row, issues);
    if (issues.length > before || writeKind === null) return null;
    return { row, name, salesforceStatus, fromSalesforce, fromTeams, teams, writeKind, phoneReasonCode };
}

/**
 * Parses a configuration record with its rows; on failure returns every problem, never throws: a record
 * whose fields cannot even be read (a getter or proxy that throws, a value that cannot be shown as text)
 * is reported as an invalid record.
 */
export function parseConfiguration(raw: unknown): ParseResult {
    try {
        return parseRecord(raw);
    } catch {
        const message = 'the PresenceStateConfiguration__c record could not be read';
        return { ok: false, errors: [issue('invalidRecord', null, '', message)] };
    }
}

function parseRecord(raw: unknown): ParseResult {
    if (!isRecord(raw)) {
        const what = raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw;
        const message = `expected a PresenceStateConfiguration__c record, got ${what}`;
        return { ok: false, errors: [issue('invalidRecord', null, '', message)] };
    }
    const issues: Issues = [];
    const name = text(raw, 'Name', null, issues);
    if (isBlank(field(raw, 'Name'))) issues.push(issue('requiredField', null, 'Name', 'Name is required'));
    const d = CONFIGURATION_DEFAULTS;
    const meetingApplication = picklist(
        raw,
        'MeetingApplication__c',
        MEETING_APPLICATIONS,
        d.meetingApplication,
        null,
        issues
    );
    const direction = picklist(raw, 'SyncDirection__c', DIRECTIONS, d.direction, null, issues);
    const azureClientId = guid(raw, 'AzureClientId__c', issues);
    const azureTenantId = guid(raw, 'AzureTenantId__c', issues);
    const supervisorAzureClientId = guid(raw, 'SupervisorAzureClientId__c', issues);
    const pollIntervalSeconds = whole(raw, 'PollIntervalSeconds__c', d.pollIntervalSeconds, issues);
    const maxPollIntervalSeconds = whole(raw, 'MaxPollIntervalSeconds__c', d.maxPollIntervalSeconds, issues);
    if (pollIntervalSeconds > maxPollIntervalSeconds) {
        const message = `PollIntervalSeconds__c (${pollIntervalSeconds}) must not exceed MaxPollIntervalSeconds__c (${maxPollIntervalSeconds})`;
        issues.push(issue('outOfRange', null, 'PollIntervalSeconds__c', message));
    }
    const sessionExpiryMinutes = whole(raw, 'SessionExpiryMinutes__c', d.sessionExpiryMinutes, issues);
    const wrapUpSeconds = whole(raw, 'WrapUpSeconds__c', d.wrapUpSeconds, issues);
    const callPresence = picklist(raw, 'CallPresence__c', CALL_PRESENCES, d.callPresence, null, issues);
    const setStatusMessage = field(raw, 'SetCallStatusMessage__c');
    const statusMessageEnabled = isBlank(setStatusMessage)
        ? d.setCallStatusMessage
        : checkbox(raw, 'SetCallStatusMessage__c', null, issues);
    const statusMessage = statusMessageText(raw, issues);
    const policy = picklist(raw, 'ManualStatusPolicy__c', POLICIES, d.manualStatusPolicy, null, issues);
    const rows: MappingRow[] = [];
    rowRecords(raw, issues).forEach((record, index) => {
        const parsed = parseRow(record, index + 1, issues);
        if (parsed) rows.push(parsed);
    });
    if (issues.length > 0 || !name || !meetingApplication || !direction || !callPresence || !policy) {
        return { ok: false, errors: issues };
    }
    const configuration: Configuration = {
        name,
        meetingApplication,
        direction,
        azureClientId,
        azureTenantId,
        supervisorAzureClientId,
        pollIntervalSeconds,
        maxPollIntervalSeconds,
        sessionExpiryMinutes,
        wrapUpSeconds,
        callPresence,
        callStatusMessage: { enabled: statusMessageEnabled, text: statusMessage },
        manualStatusPolicy: policy,
        rows
    };
    return { ok: true, configuration };
}
