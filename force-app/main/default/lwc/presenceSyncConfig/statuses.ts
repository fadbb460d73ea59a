/*
 * DeveloperName <-> ServicePresenceStatus Id, from Apex PresenceStatusController.getStatuses(). Ids are
 * compared on their first 15 characters (APIs hand out 15 and 18 character forms); DeveloperNames
 * without regard to case, as Salesforce keeps them unique.
 */

export interface StatusDirectory {
    idOf(statusApiName: string): string | null;
    apiNameOf(statusId: string): string | null;
    /** DeveloperName -> MasterLabel (the org's own label of the status) */
    readonly labels: Readonly<Record<string, string>>;
}

interface StatusRow {
    id: string;
    developerName: string;
    label: string;
}

function pick(record: Record<string, unknown>, ...names: string[]): string | null {
    for (const name of names) {
        const value = record[name];
        if (typeof value === 'string' && value.trim() !== '') return value.trim();
    }
    return null;
}

/** The first 15 characters of a Salesforce Id (case-sensitive), the form every API agrees on. */
export function id15(id: string): string {
    return id.slice(0, 15);
}

/** Builds the directory from getStatuses() (fields `id`/`developerName`/`masterLabel`, or the sObject's). */
export function statusDirectory(rows: unknown): StatusDirectory {
    const statuses: StatusRow[] = [];
    for (const row of Array.isArray(rows) ? (rows as unknown[]) : []) {
        if (typeof row !== 'object' || row === null) continue;
        const record = row as Record<string, unknown>;
        const id = pick(record, 'id', 'Id');
        const developerName = pick(record, 'developerName', 'DeveloperName');
        if (id === null || developerName === null) continue;
        const label = pick(record, 'masterLabel', 'MasterLabel', 'label') ?? developerName;
        statuses.push({ id, developerName, label });
    }
    const labels: Record<string, string> = {};
    for (const s of statuses) labels[s.developerName] = s.label;
    return {
        idOf: (statusApiName) =>
            statuses.find((s) => s.developerName.toLowerCase() === statusApiName.toLowerCase())?.id ?? null,
        apiNameOf: (statusId) => statuses.find((s) => id15(s.id) === id15(statusId))?.developerName ?? null,
        labels
    };
}
