/*
 * "Restore delivered configurations": creates each delivered configuration that is missing (by Name)
 * with its label rows, from DELIVERED_CONFIGURATIONS (the one definition). A configuration is all or
 * nothing: if its record or any row fails, the created record is deleted again (its rows go with it,
 * master-detail), so no half-built configuration is left to be mistaken for a delivered one, and a retry
 * creates it again from scratch.
 */
import { DELIVERED_CONFIGURATIONS } from 'c/presenceSyncDefaults';
import type { RawConfigurationRecord, RawLabelRecord } from 'c/presenceSyncCore';
import { allMessages, reduceRecordError } from './recordErrors';

export const CONFIGURATION_OBJECT = 'PresenceStateConfiguration__c';
export const LABEL_OBJECT = 'PresenceStateLabel__c';
const ROWS = 'PresenceStateLabels__r';

export interface RecordApi {
    createRecord(input: { apiName: string; fields: Record<string, unknown> }): Promise<{ id: string }>;
    deleteRecord(recordId: string): Promise<unknown>;
}

export interface RowFailure {
    /** 1-based position in the delivered definition */
    row: number;
    rowName: string;
    message: string;
}

export interface RestoreResult {
    configurationName: string;
    created: boolean;
    /** why the configuration record itself could not be created */
    message: string | null;
    rowFailures: RowFailure[];
    /** a failed configuration's record could not be deleted again: its id, for the admin to delete */
    leftoverId: string | null;
}

export interface RestoreProgress {
    done: number;
    total: number;
    /** the configuration being created */
    current: string;
}

function nameOf(configuration: RawConfigurationRecord): string {
    return typeof configuration.Name === 'string' ? configuration.Name : '';
}

function rowsOf(configuration: RawConfigurationRecord): RawLabelRecord[] {
    const records = configuration.PresenceStateLabels__r?.records;
    return Array.isArray(records)
        ? records.filter((r): r is RawLabelRecord => typeof r === 'object' && r !== null)
        : [];
}

/** The fields of a raw record as createRecord takes them: no relationship, no blank value. */
function fieldsOf(record: Record<string, unknown>): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(record)) {
        if (name === ROWS || value === null || value === undefined) continue;
        fields[name] = value;
    }
    return fields;
}

function normalizedName(name: string): string {
    return name.trim().toLowerCase();
}

/** The names of all delivered configurations (for the GraphQL query). */
export function deliveredNames(): string[] {
    return DELIVERED_CONFIGURATIONS.map(nameOf);
}

/** Delivered configurations whose Name is not among `existingNames` (compared as Salesforce does: case-insensitive). */
export function missingConfigurations(existingNames: readonly string[]): RawConfigurationRecord[] {
    const existing = new Set(existingNames.map(normalizedName));
    return DELIVERED_CONFIGURATIONS.filter((c) => !existing.has(normalizedName(nameOf(c))));
}

/** Records to create for these configurations (each configuration plus its rows). */
export function recordCount(configurations: readonly RawConfigurationRecord[]): number {
    return configurations.reduce((n, c) => n + 1 + rowsOf(c).length, 0);
}

async function restoreOne(
    configuration: RawConfigurationRecord,
    api: RecordApi,
    step: () => void,
    fallback: string
): Promise<RestoreResult> {
    const name = nameOf(configuration);
    const result: RestoreResult = {
        configurationName: name,
        created: false,
        message: null,
        rowFailures: [],
        leftoverId: null
    };
    let parentId: string;
    try {
        parentId = (
            await api.createRecord({ apiName: CONFIGURATION_OBJECT, fields: fieldsOf(configuration) })
        ).id;
    } catch (error) {
        result.message = allMessages(reduceRecordError(error, fallback)).join(' ');
        return result;
    } finally {
        step();
    }
    const rows = rowsOf(configuration);
    const settled = await Promise.allSettled(
        rows.map(async (row) => {
            try {
                const fields = { ...fieldsOf(row), PresenceStateConfiguration__c: parentId };
                return await api.createRecord({ apiName: LABEL_OBJECT, fields });
            } finally {
                step();
            }
        })
    );
    settled.forEach((outcome, index) => {
        if (outcome.status === 'rejected') {
            const rowName = rows[index]?.Name;
            const message = allMessages(reduceRecordError(outcome.reason, fallback)).join(' ');
            result.rowFailures.push({
                row: index + 1,
                rowName: typeof rowName === 'string' ? rowName : '',
                message
            });
        }
    });
    if (result.rowFailures.length === 0) {
        result.created = true;
        return result;
    }
    try {
        await api.deleteRecord(parentId);
    } catch {
        result.leftoverId = parentId;
    }
    return result;
}

/**
 * Creates the given configurations one after the other, each with its rows; reports progress after
 * every record. Never rejects: every failure is in the results.
 */
export async function restoreConfigurations(
    configurations: readonly RawConfigurationRecord[],
    api: RecordApi,
    onProgress: (progress: RestoreProgress) => void,
    fallbackMessage: string
): Promise<RestoreResult[]> {
    const progress: RestoreProgress = { done: 0, total: recordCount(configurations), current: '' };
    const step = () => {
        progress.done += 1;
        onProgress({ ...progress });
    };
    const results: RestoreResult[] = [];
    for (const configuration of configurations) {
        progress.current = nameOf(configuration);
        onProgress({ ...progress });
        // one configuration after the other: progress names one at a time, and a failing one is
        // rolled back before the next starts
        // eslint-disable-next-line no-await-in-loop
        results.push(await restoreOne(configuration, api, step, fallbackMessage));
    }
    return results;
}
