/*
 * The validator's view of the configuration on this page: the GraphQL node (with its label rows) goes
 * through the core's parseConfiguration and, when it parses, validateConfiguration. Each issue names the
 * row by its position in the list the core saw and by the row's Name, so the admin can find it.
 */
import { parseConfiguration, validateConfiguration } from 'c/presenceSyncCore';
import type { ConfigIssue } from 'c/presenceSyncCore';
import { FIELD_LABELS, ISSUE_LABELS, format } from './labels';

export interface IssueRow {
    key: string;
    /** "3 · Busy", or '' for an issue of the configuration record itself */
    row: string;
    /** the field in words, its API name after it */
    field: string;
    /** the problem in the admin's words and language */
    message: string;
    /** the validator's own message with API names, or '' when `message` is already it */
    detail: string;
}

type Rec = Record<string, unknown>;

function isRecord(value: unknown): value is Rec {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rowNames(node: Rec): string[] {
    const rel = node.PresenceStateLabels__r;
    const edges = isRecord(rel) && Array.isArray(rel.edges) ? rel.edges : [];
    return edges.map((edge) => {
        const name = isRecord(edge) && isRecord(edge.node) ? edge.node.Name : undefined;
        const value = isRecord(name) ? name.value : name;
        return typeof value === 'string' ? value : '';
    });
}

function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
    return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/** "Salesforce Status (SalesforceStatus__c)": the label the admin sees on the record, then the API name. */
function fieldText(field: string): string {
    const words = own(FIELD_LABELS, field);
    return words === undefined ? field : `${words} (${field})`;
}

function toRow(issue: ConfigIssue, names: string[], index: number): IssueRow {
    const name = issue.row === null ? '' : (names[issue.row - 1] ?? '');
    const row = issue.row === null ? '' : name === '' ? String(issue.row) : `${issue.row} · ${name}`;
    const template = own(ISSUE_LABELS, issue.code);
    const words =
        template === undefined
            ? issue.message
            : format(
                  template,
                  own(FIELD_LABELS, issue.field) ?? issue.field,
                  issue.relatedRow ?? '',
                  issue.value ?? ''
              );
    // the labels continue a "Row n:" prefix on the agent's side; here the sentence stands alone
    const message = words.charAt(0).toUpperCase() + words.slice(1);
    return {
        key: `${index}-${issue.code}`,
        row,
        field: fieldText(issue.field),
        message,
        detail: template === undefined ? '' : issue.message
    };
}

/** The GraphQL `PresenceStateConfiguration__c` node of the first edge, or null. */
export function firstNode(data: unknown): Rec | null {
    const uiapi = isRecord(data) ? data.uiapi : undefined;
    const query = isRecord(uiapi) ? uiapi.query : undefined;
    const connection = isRecord(query) ? query.PresenceStateConfiguration__c : undefined;
    const edges = isRecord(connection) && Array.isArray(connection.edges) ? connection.edges : [];
    const edge: unknown = edges[0];
    return isRecord(edge) && isRecord(edge.node) ? edge.node : null;
}

/** Every Name in a GraphQL `PresenceStateConfiguration__c` connection. */
export function configurationNames(data: unknown): string[] {
    const uiapi = isRecord(data) ? data.uiapi : undefined;
    const query = isRecord(uiapi) ? uiapi.query : undefined;
    const connection = isRecord(query) ? query.PresenceStateConfiguration__c : undefined;
    const edges = isRecord(connection) && Array.isArray(connection.edges) ? connection.edges : [];
    return edges.flatMap((edge) => {
        const name = isRecord(edge) && isRecord(edge.node) ? edge.node.Name : undefined;
        const value = isRecord(name) ? name.value : name;
        return typeof value === 'string' ? [value] : [];
    });
}

/** Parse problems, or else validation problems, of one configuration node; [] when it is sound. */
export function configurationIssues(node: Rec): IssueRow[] {
    const names = rowNames(node);
    const parsed = parseConfiguration(node);
    const issues = parsed.ok ? validateConfiguration(parsed.configuration) : parsed.errors;
    return issues.map((issue, index) => toRow(issue, names, index));
}
