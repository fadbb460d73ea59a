/**
 * Checks `data/*plan*.json` (the `sf data import tree --plan` format) against the objects the source tree
 * defines: the objects exist, the fields exist, picklist values are defined, and `@ref` values point at
 * lookups whose reference an earlier plan entry saved.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { errorMessage, issue, type Issue } from './issues';
import {
    findChildRelationship,
    type FieldDefinition,
    type ObjectDefinition,
    type ObjectDefinitions
} from './objects';

interface PlanEntry {
    sobject?: unknown;
    saveRefs?: unknown;
    resolveRefs?: unknown;
    files?: unknown;
}

type SObjectRecord = Record<string, unknown> & { attributes?: { type?: unknown; referenceId?: unknown } };

interface PlanState {
    displayRoot: string;
    objects: ObjectDefinitions;
    issues: Issue[];
    /** referenceId -> object, for every entry with saveRefs so far. */
    savedRefs: Map<string, string>;
    records: number;
}

interface RecordScope {
    file: string;
    object: ObjectDefinition;
    resolveRefs: boolean;
}

export interface DataPlanResult {
    plans: string[];
    records: number;
    issues: Issue[];
}

const REFERENCE_TYPES = new Set(['Lookup', 'MasterDetail', 'Hierarchy']);
const PICKLIST_TYPES = new Set(['Picklist', 'MultiselectPicklist']);

export function findDataPlans(projectRoot: string): string[] {
    const dataDir = path.join(projectRoot, 'data');
    if (!existsSync(dataDir)) return [];
    return readdirSync(dataDir)
        .filter((f) => /plan.*\.json$/i.test(f))
        .sort()
        .map((f) => path.join(dataDir, f));
}

function readJson(state: PlanState, file: string): unknown {
    try {
        return JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
        state.issues.push(issue(state.displayRoot, file, `invalid JSON: ${errorMessage(error)}`));
        return undefined;
    }
}

function isCustom(name: string): boolean {
    return /__(c|mdt|e)$/.test(name);
}

function isChildRecords(value: unknown): value is { records: unknown[] } {
    return (
        typeof value === 'object' && value !== null && Array.isArray((value as { records?: unknown }).records)
    );
}

function findField(object: ObjectDefinition, name: string): FieldDefinition | string | undefined {
    const field = object.fields.get(name);
    if (field) return field;
    const other = [...object.fields.keys()].find((f) => f.toLowerCase() === name.toLowerCase());
    return other
        ? `${object.name} has no field ${name} (did you mean ${other}?)`
        : `${object.name} has no field ${name}`;
}

function checkValue(
    state: PlanState,
    scope: RecordScope,
    where: string,
    field: FieldDefinition,
    value: unknown
): void {
    const object = scope.object.name;
    const fail = (message: string): void => {
        state.issues.push(issue(state.displayRoot, scope.file, `${where}: ${message}`));
    };
    if (typeof value === 'string' && value.startsWith('@') && REFERENCE_TYPES.has(field.type)) {
        const ref = value.slice(1);
        if (!scope.resolveRefs) fail(`reference "${value}" needs "resolveRefs": true on this plan entry`);
        else if (!state.savedRefs.has(ref))
            fail(`reference "${value}" is not saved by an earlier plan entry (saveRefs)`);
        else if (field.referenceTo && state.savedRefs.get(ref) !== field.referenceTo) {
            fail(
                `reference "${value}" is a ${state.savedRefs.get(ref)}, but ${field.name} refers to ${field.referenceTo}`
            );
        }
        return;
    }
    if (!PICKLIST_TYPES.has(field.type) || !field.values || value === null || value === undefined) return;
    const picked = field.type === 'MultiselectPicklist' ? String(value).split(';') : [String(value)];
    for (const v of picked.filter((p) => !field.values?.includes(p))) {
        fail(`picklist value "${v}" is not defined on ${object}.${field.name} (${field.values.join(', ')})`);
    }
}

function checkRecord(state: PlanState, scope: RecordScope, record: SObjectRecord, index: number): void {
    state.records++;
    const object = scope.object.name;
    const id = record.attributes?.referenceId;
    const label = typeof id === 'string' && id !== '' ? id : `#${index + 1}`;
    const fail = (message: string): void => {
        state.issues.push(issue(state.displayRoot, scope.file, `record ${label}: ${message}`));
    };
    if (typeof id !== 'string' || id === '') fail('attributes.referenceId is missing');
    if (record.attributes?.type !== object) {
        fail(
            `attributes.type ${JSON.stringify(record.attributes?.type)} does not match the plan's sobject ${object}`
        );
    }
    for (const [name, value] of Object.entries(record)) {
        if (name === 'attributes') continue;
        if (isChildRecords(value)) {
            checkChildRecords(state, scope, label, name, value.records);
            continue;
        }
        if (name === 'Name' || (!isCustom(object) && !isCustom(name))) continue;
        const field = findField(scope.object, name);
        if (typeof field === 'string')
            state.issues.push(
                issue(state.displayRoot, scope.file, `record ${label} field ${name}: ${field}`)
            );
        else if (field) checkValue(state, scope, `record ${label} field ${name}`, field, value);
    }
}

function checkChildRecords(
    state: PlanState,
    scope: RecordScope,
    label: string,
    name: string,
    records: unknown[]
): void {
    const child = findChildRelationship(state.objects, scope.object.name, name);
    if (!child) {
        state.issues.push(
            issue(
                state.displayRoot,
                scope.file,
                `record ${label}: ${scope.object.name} has no child relationship ${name}`
            )
        );
        return;
    }
    records.forEach((r, i) => checkRecord(state, { ...scope, object: child.object }, r as SObjectRecord, i));
}

function recordsOf(state: PlanState, file: string): SObjectRecord[] | undefined {
    const json = readJson(state, file);
    if (json === undefined) return undefined;
    const records = (json as { records?: unknown }).records;
    if (!Array.isArray(records)) {
        state.issues.push(issue(state.displayRoot, file, 'expected {"records": [...]}'));
        return undefined;
    }
    return records as SObjectRecord[];
}

function checkEntry(state: PlanState, plan: string, entry: PlanEntry, index: number): void {
    const where = `entry ${index + 1}`;
    const fail = (message: string): void => {
        state.issues.push(issue(state.displayRoot, plan, `${where}: ${message}`));
    };
    const sobject = entry.sobject;
    if (typeof sobject !== 'string' || sobject === '') return fail('"sobject" is missing');
    const object = state.objects.get(sobject);
    if (!object)
        return fail(`sobject ${sobject} is not defined (no objects/${sobject}/${sobject}.object-meta.xml)`);
    if (!Array.isArray(entry.files) || entry.files.some((f) => typeof f !== 'string')) {
        return fail('"files" must be an array of record file names');
    }
    const saved: string[] = [];
    for (const name of entry.files as string[]) {
        const file = path.resolve(path.dirname(plan), name);
        if (!existsSync(file)) {
            fail(`file ${name} does not exist`);
            continue;
        }
        const records = recordsOf(state, file) ?? [];
        const scope: RecordScope = { file, object, resolveRefs: entry.resolveRefs === true };
        records.forEach((r, i) => checkRecord(state, scope, r, i));
        saved.push(
            ...records.map((r) => r.attributes?.referenceId).filter((r): r is string => typeof r === 'string')
        );
    }
    if (entry.saveRefs === true) {
        for (const ref of saved) {
            if (state.savedRefs.has(ref)) fail(`referenceId "${ref}" is saved twice`);
            state.savedRefs.set(ref, sobject);
        }
    }
}

function checkPlan(state: PlanState, plan: string): void {
    const json = readJson(state, plan);
    if (json === undefined) return;
    if (!Array.isArray(json)) {
        state.issues.push(
            issue(
                state.displayRoot,
                plan,
                'a data plan is an array of {"sobject", "saveRefs", "resolveRefs", "files"}'
            )
        );
        return;
    }
    state.savedRefs = new Map();
    json.forEach((entry: PlanEntry, i) => checkEntry(state, plan, entry ?? {}, i));
}

export function checkDataPlans(
    plans: string[],
    objects: ObjectDefinitions,
    displayRoot: string
): DataPlanResult {
    const state: PlanState = { displayRoot, objects, issues: [], savedRefs: new Map(), records: 0 };
    for (const plan of plans) checkPlan(state, plan);
    return { plans, records: state.records, issues: state.issues };
}
