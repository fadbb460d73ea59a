/// <reference lib="dom" />
/**
 * `lightning/uiRecordApi` for the harness: getRecord (wire), createRecord, updateRecord, deleteRecord,
 * getFieldValue, getFieldDisplayValue, notifyRecordUpdateAvailable over the in-memory org. Records come
 * back in the UI API record representation (`{ apiName, id, fields: { F: { value, displayValue } } }`);
 * failures reject with a FetchResponse-like object as Lightning Data Service does: DML errors as
 * `body.output.errors` (record level) and `body.output.fieldErrors` (per field), read errors as an array
 * body, with the platform's error codes (INVALID_EMAIL_ADDRESS, STRING_TOO_LONG, …).
 */
import { DmlException, type DmlError } from './org';
import { notifyRecordChange, roundTrip, runtime } from './runtime';
import type { ObjectDescribe, SObjectRecord } from './types';

type FieldRef = string | { objectApiName: string; fieldApiName: string };

export interface FieldValueRepresentation {
    value: unknown;
    displayValue: string | null;
}

export interface RecordRepresentation {
    apiName: string;
    childRelationships: Record<string, unknown>;
    eTag: string;
    fields: Record<string, FieldValueRepresentation>;
    id: string;
    lastModifiedById: string | null;
    lastModifiedDate: string | null;
    recordTypeId: null;
    recordTypeInfo: null;
    systemModstamp: string | null;
    weakEtag: number;
}

export interface FetchResponse {
    status: number;
    statusText: string;
    ok: false;
    headers: Record<string, string>;
    body: unknown;
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' };

function fetchResponse(status: number, body: unknown): FetchResponse {
    return { status, statusText: STATUS_TEXT[status] ?? 'Error', ok: false, headers: {}, body };
}

function dmlFailure(e: DmlException): FetchResponse {
    if (e.statusCode === 404) {
        return fetchResponse(
            404,
            e.errors.map((x) => ({ errorCode: x.errorCode, message: x.message }))
        );
    }
    const pageErrors = e.errors.filter((x) => !x.field);
    const fieldErrors: Record<string, unknown[]> = {};
    for (const x of e.errors.filter((err) => err.field)) {
        (fieldErrors[x.field as string] ??= []).push({
            constituentField: null,
            duplicateRecordError: null,
            errorCode: x.errorCode,
            field: x.field,
            fieldLabel: x.fieldLabel ?? x.field,
            message: x.message
        });
    }
    return fetchResponse(400, {
        enhancedErrorType: 'RecordError',
        message: 'An error occurred while trying to update the record. Please try again.',
        output: {
            errors: pageErrors.map((x: DmlError) => ({
                constituentField: null,
                duplicateRecordError: null,
                errorCode: x.errorCode,
                field: null,
                fieldLabel: null,
                message: x.message
            })),
            fieldErrors
        }
    });
}

function fieldName(ref: FieldRef): { object: string; path: string } {
    if (typeof ref === 'string') {
        const dot = ref.indexOf('.');
        return { object: ref.slice(0, dot), path: ref.slice(dot + 1) };
    }
    return { object: ref.objectApiName, path: ref.fieldApiName };
}

function displayValueOf(object: ObjectDescribe, field: string, value: unknown): string | null {
    const describe = object.fields[field];
    if (value === null || value === undefined || !describe) return null;
    if (describe.dataType === 'Picklist') {
        return describe.picklistValues?.find((p) => p.value === value)?.label ?? String(value);
    }
    return null;
}

function representation(
    objectApiName: string,
    record: SObjectRecord,
    paths?: string[]
): RecordRepresentation {
    const { org } = runtime();
    const object = org.describe(objectApiName) as ObjectDescribe;
    const fields: Record<string, FieldValueRepresentation> = {};
    const wanted = paths ?? Object.keys(object.fields);
    for (const path of wanted) {
        const [head, ...rest] = path.split('.');
        if (rest.length === 0) {
            if (head in object.fields || head === 'Id') {
                fields[head] = {
                    value: record[head] ?? null,
                    displayValue: displayValueOf(object, head, record[head])
                };
            }
            continue;
        }
        const lookup = Object.values(object.fields).find((f) => f.relationshipName === head);
        const parentId = lookup ? record[lookup.apiName] : null;
        const parent = typeof parentId === 'string' ? org.find(parentId) : undefined;
        const nested = parent ? representation(parent.objectApiName, parent.record, [rest.join('.')]) : null;
        const existing = fields[head]?.value as RecordRepresentation | null | undefined;
        if (existing && nested) Object.assign(existing.fields, nested.fields);
        else fields[head] = { value: nested, displayValue: null };
    }
    const stamp = typeof record.SystemModstamp === 'string' ? record.SystemModstamp : null;
    return {
        apiName: objectApiName,
        childRelationships: {},
        eTag: `${record.Id}:${stamp ?? ''}`,
        fields,
        id: record.Id,
        lastModifiedById: (record.LastModifiedById as string | null) ?? null,
        lastModifiedDate: (record.LastModifiedDate as string | null) ?? null,
        recordTypeId: null,
        recordTypeInfo: null,
        systemModstamp: stamp,
        weakEtag: stamp ? Date.parse(stamp) : 0
    };
}

function unknownFieldError(objectApiName: string, path: string): FetchResponse {
    return fetchResponse(400, [
        {
            errorCode: 'INVALID_FIELD',
            message: `No such column '${path.split('.')[0]}' on entity '${objectApiName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
        }
    ]);
}

function fieldExists(objectApiName: string, path: string): boolean {
    const { org } = runtime();
    const object = org.describe(objectApiName);
    if (!object) return false;
    const [head, ...rest] = path.split('.');
    if (rest.length === 0) return head === 'Id' || head in object.fields;
    const lookup = Object.values(object.fields).find((f) => f.relationshipName === head);
    return lookup?.referenceTo ? fieldExists(lookup.referenceTo, rest.join('.')) : false;
}

interface GetRecordConfig {
    recordId?: string | null;
    fields?: FieldRef | FieldRef[];
    optionalFields?: FieldRef | FieldRef[];
    layoutTypes?: string | string[];
    modes?: string | string[];
}

const list = (v: FieldRef | FieldRef[] | undefined): FieldRef[] =>
    v === undefined ? [] : Array.isArray(v) ? v : [v];

export class getRecord {
    private config: GetRecordConfig | undefined;
    private connected = false;
    private generation = 0;
    private readonly onChange = (event: Event) => {
        const ids = (event as CustomEvent<{ ids: string[] }>).detail.ids;
        const id = this.config?.recordId;
        if (this.connected && id && ids.some((x) => x.slice(0, 15) === id.slice(0, 15))) void this.run();
    };

    constructor(
        private readonly dataCallback: (value: { data?: RecordRepresentation; error?: FetchResponse }) => void
    ) {}

    connect(): void {
        this.connected = true;
        runtime().recordChanges.addEventListener('change', this.onChange);
    }

    disconnect(): void {
        this.connected = false;
        runtime().recordChanges.removeEventListener('change', this.onChange);
    }

    update(config: GetRecordConfig): void {
        this.config = config;
        void this.run();
    }

    private async run(): Promise<void> {
        const config = this.config;
        if (!config?.recordId) return;
        const generation = ++this.generation;
        await roundTrip();
        if (!this.connected || generation !== this.generation) return;
        const found = runtime().org.find(config.recordId);
        if (!found) {
            this.dataCallback({
                data: undefined,
                error: fetchResponse(404, [
                    { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }
                ])
            });
            return;
        }
        const paths: string[] = [];
        for (const ref of list(config.fields)) {
            const { object, path } = fieldName(ref);
            if (object !== found.objectApiName || !fieldExists(object, path)) {
                this.dataCallback({ data: undefined, error: unknownFieldError(object, path) });
                return;
            }
            paths.push(path);
        }
        for (const ref of list(config.optionalFields)) {
            const { object, path } = fieldName(ref);
            if (object === found.objectApiName && fieldExists(object, path)) paths.push(path);
        }
        const layout = config.layoutTypes !== undefined;
        this.dataCallback({
            data: Object.freeze(
                representation(found.objectApiName, found.record, layout ? undefined : paths)
            ),
            error: undefined
        });
    }
}

export async function createRecord(recordInput: {
    apiName: string;
    fields: Record<string, unknown>;
}): Promise<RecordRepresentation> {
    await roundTrip();
    try {
        const record = runtime().org.create(recordInput.apiName, recordInput.fields ?? {});
        notifyRecordChange([record.Id]);
        return representation(recordInput.apiName, record);
    } catch (e) {
        if (e instanceof DmlException) throw dmlFailure(e);
        throw e;
    }
}

export async function updateRecord(recordInput: {
    fields: Record<string, unknown>;
}): Promise<RecordRepresentation> {
    await roundTrip();
    const id = recordInput?.fields?.Id;
    if (typeof id !== 'string' || !id) {
        throw fetchResponse(400, [
            { errorCode: 'INVALID_INPUT', message: 'Record Id is required to update a record' }
        ]);
    }
    try {
        const { objectApiName, record } = runtime().org.update(id, recordInput.fields);
        notifyRecordChange([record.Id]);
        return representation(objectApiName, record);
    } catch (e) {
        if (e instanceof DmlException) throw dmlFailure(e);
        throw e;
    }
}

export async function deleteRecord(recordId: string): Promise<void> {
    await roundTrip();
    throw fetchResponse(403, [
        {
            errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
            message: `insufficient access rights on object id ${recordId}`
        }
    ]);
}

export function getFieldValue(record: RecordRepresentation | undefined, field: FieldRef): unknown {
    if (!record) return undefined;
    const { path } = fieldName(field);
    let current: RecordRepresentation | null | undefined = record;
    const parts = path.split('.');
    for (let i = 0; i < parts.length; i += 1) {
        const entry: FieldValueRepresentation | undefined = current?.fields[parts[i]];
        if (!entry) return undefined;
        if (i === parts.length - 1) return entry.value;
        current = entry.value as RecordRepresentation | null;
    }
    return undefined;
}

export function getFieldDisplayValue(record: RecordRepresentation | undefined, field: FieldRef): unknown {
    if (!record) return undefined;
    const { path } = fieldName(field);
    const parts = path.split('.');
    const last = parts.pop() as string;
    let current: RecordRepresentation | null | undefined = record;
    for (const part of parts) current = current?.fields[part]?.value as RecordRepresentation | null;
    return current?.fields[last]?.displayValue;
}

export async function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void> {
    notifyRecordChange(items.map((i) => i.recordId));
}
