/// <reference lib="dom" />
/**
 * `lightning/uiRecordApi` for the harness: getRecord (wire), createRecord, updateRecord, deleteRecord,
 * getFieldValue, getFieldDisplayValue, notifyRecordUpdateAvailable over the in-memory org. Records come
 * back in the UI API record representation (`{ apiName, id, fields: { F: { value, displayValue } } }`);
 * failures reject with a FetchResponse-like object as Lightning Data Service does: DML errors as
 * `body.output.errors` (record level) and `body.output.fieldErrors` (per field), read errors as an array
 * body, with the platform's error codes (INVALID_EMAIL_ADDRESS, STRING_TOO_LONG, …).
 *
 * Everything runs as the page's user (runtime().access): a record of an object they cannot read, or one
 * their sharing hides, is not found; a field in `fields` they cannot read is an error and one in
 * `optionalFields` is left out ("If the context user doesn't have access to a field, an error is returned
 * ... use the optionalFields parameter", getRecord, https://developer.salesforce.com/docs/platform/lwc/guide/reference-wire-adapters-record.html);
 * records come back without the fields they cannot read; creating, updating and deleting check the object
 * permission, the record's sharing and each field's edit access (org.ts).
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
    const { org, access } = runtime();
    const object = org.describe(objectApiName) as ObjectDescribe;
    const fields: Record<string, FieldValueRepresentation> = {};
    const wanted = paths ?? Object.keys(object.fields);
    for (const path of wanted) {
        const [head, ...rest] = path.split('.');
        if (rest.length === 0) {
            if ((head in object.fields && access.fieldReadable(objectApiName, head)) || head === 'Id') {
                fields[head] = {
                    value: record[head] ?? null,
                    displayValue: displayValueOf(object, head, record[head])
                };
            }
            continue;
        }
        const lookup = Object.values(object.fields).find((f) => f.relationshipName === head);
        const parentId =
            lookup && access.fieldReadable(objectApiName, lookup.apiName) ? record[lookup.apiName] : null;
        const found = typeof parentId === 'string' ? org.find(parentId) : undefined;
        const parent =
            found &&
            access.seesRecord(org.describe(found.objectApiName) as ObjectDescribe, found.record.OwnerId)
                ? found
                : undefined;
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

/** Whether the field path exists and the user can read every field on it. */
function fieldExists(objectApiName: string, path: string): boolean {
    const { org, access } = runtime();
    const object = org.describe(objectApiName);
    if (!object || !access.canRead(objectApiName)) return false;
    const [head, ...rest] = path.split('.');
    if (rest.length === 0) {
        return head === 'Id' || (head in object.fields && access.fieldReadable(objectApiName, head));
    }
    const lookup = Object.values(object.fields).find((f) => f.relationshipName === head);
    return lookup?.referenceTo && access.fieldReadable(objectApiName, lookup.apiName)
        ? fieldExists(lookup.referenceTo, rest.join('.'))
        : false;
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
        const { org, access } = runtime();
        const lookedUp = org.find(config.recordId);
        const object = lookedUp ? org.describe(lookedUp.objectApiName) : undefined;
        const found =
            lookedUp && object && access.seesRecord(object, lookedUp.record.OwnerId) ? lookedUp : undefined;
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
        const { org, access } = runtime();
        const record = org.create(recordInput.apiName, recordInput.fields ?? {}, access);
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
        const { org, access } = runtime();
        const { objectApiName, record } = org.update(id, recordInput.fields, access);
        notifyRecordChange([record.Id]);
        return representation(objectApiName, record);
    } catch (e) {
        if (e instanceof DmlException) throw dmlFailure(e);
        throw e;
    }
}

export async function deleteRecord(recordId: string): Promise<void> {
    await roundTrip();
    try {
        const { org, access } = runtime();
        org.delete(recordId, access);
        notifyRecordChange([recordId]);
    } catch (e) {
        if (e instanceof DmlException) {
            throw fetchResponse(
                e.statusCode === 404 ? 404 : 403,
                e.errors.map((x) => ({ errorCode: x.errorCode, message: x.message }))
            );
        }
        throw e;
    }
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
