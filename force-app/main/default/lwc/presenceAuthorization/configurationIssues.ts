/*
 * The validator's view of the configuration on this page: the GraphQL node (with its label rows) goes
 * through the core's parseConfiguration and, when it parses, validateConfiguration. Each issue names the
 * row by its position in the list the core saw and by the row's Name, so the admin can find it.
 */
import { parseConfiguration, validateConfiguration } from 'c/presenceSyncCore';
import type { ConfigIssue } from 'c/presenceSyncCore';

export interface IssueRow {
    key: string;
    /** "3 · Busy", or '' for an issue of the configuration record itself */
    row: string;
    field: string;
    message: string;
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

function toRow(issue: ConfigIssue, names: string[], index: number): IssueRow {
    const name = issue.row === null ? '' : (names[issue.row - 1] ?? '');
    const row = issue.row === null ? '' : name === '' ? String(issue.row) : `${issue.row} · ${name}`;
    return { key: `${index}-${issue.code}`, row, field: issue.field, message: issue.message };
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
