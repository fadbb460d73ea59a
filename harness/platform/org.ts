/**
 * The in-memory org behind the platform fakes: the schema and data of an OrgSnapshot, record creates
 * and updates with the field validation DML applies (the error codes and messages Salesforce uses), and
 * an optional store (the page's localStorage) so that, as with a real org, what one tab saves is what
 * another tab or a reload reads. Given the running user's Access (the UI API fakes pass it), a create,
 * update or delete also checks what the platform checks for that user: the object permission, the record's
 * sharing (owner, Modify All) and each field's edit access.
 */
import type { Access } from './access';
import { makeId, sameId, isSalesforceId } from './ids';
import type { FieldDescribe, FieldValue, ObjectDescribe, OrgSnapshot, SObjectRecord } from './types';

export interface DmlError {
    errorCode: string;
    message: string;
    /** absent: a record-level (page) error */
    field?: string;
    fieldLabel?: string;
}

export class DmlException extends Error {
    constructor(
        readonly errors: DmlError[],
        readonly statusCode = 400
    ) {
        super(errors.map((e) => e.message).join('; '));
        this.name = 'DmlException';
    }
}

function insufficientAccess(message: string): DmlError {
    return { errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message };
}

export interface OrgStore {
    read(): string | null;
    write(value: string): void;
}

interface StoredState {
    version: string;
    records: Record<string, SObjectRecord[]>;
    serial: number;
}

const SYSTEM_FIELDS = new Set([
    'Id',
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById',
    'SystemModstamp'
]);

// Practical form of what Salesforce accepts for Email fields: local@domain.tld, no spaces.
const EMAIL =
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export class Org {
    private pendingFailure: DmlError[] | undefined;

    constructor(
        readonly snapshot: OrgSnapshot,
        private readonly store?: OrgStore,
        private readonly now: () => Date = () => new Date()
    ) {}

    /** version of the snapshot: stored state of another snapshot (a rebuilt bundle) is discarded */
    private get version(): string {
        const counts = Object.entries(this.snapshot.records).map(([k, v]) => `${k}:${v.length}`);
        return `${Object.keys(this.snapshot.objects).sort().join(',')}|${counts.sort().join(',')}`;
    }

    private memory: StoredState | undefined;

    private state(): StoredState {
        const raw = this.store?.read();
        if (raw) {
            try {
                const parsed = JSON.parse(raw) as StoredState;
                if (parsed.version === this.version) return parsed;
            } catch {
                // unreadable: start from the snapshot again
            }
        }
        if (!this.store && this.memory) return this.memory;
        const fresh: StoredState = {
            version: this.version,
            records: JSON.parse(JSON.stringify(this.snapshot.records)) as Record<string, SObjectRecord[]>,
            serial: 1000
        };
        this.memory = fresh;
        return fresh;
    }

    private save(state: StoredState): void {
        this.memory = state;
        this.store?.write(JSON.stringify(state));
    }

    /** Forgets every change: the org holds the snapshot's data again. */
    reset(): void {
        this.memory = undefined;
        this.store?.write('');
    }

    describe(objectApiName: string): ObjectDescribe | undefined {
        return Object.prototype.hasOwnProperty.call(this.snapshot.objects, objectApiName)
            ? this.snapshot.objects[objectApiName]
            : undefined;
    }

    /** Every record of an object (copies). */
    records(objectApiName: string): SObjectRecord[] {
        return (this.state().records[objectApiName] ?? []).map((r) => ({ ...r }));
    }

    /** The record with this Id (15 or 18 characters) and its object, or undefined. */
    find(id: string): { objectApiName: string; record: SObjectRecord } | undefined {
        for (const [objectApiName, list] of Object.entries(this.state().records)) {
            const record = list.find((r) => sameId(r.Id, id));
            if (record) return { objectApiName, record: { ...record } };
        }
        return undefined;
    }

    objectForId(id: string): ObjectDescribe | undefined {
        const prefix = id.slice(0, 3);
        return Object.values(this.snapshot.objects).find((o) => o.keyPrefix === prefix);
    }

    /** The next create or update fails with these errors (once), as a validation rule or trigger would. */
    failNextDml(errors: DmlError[]): void {
        this.pendingFailure = errors;
    }

    /** Creates a record; with `access`, as that user (object Create, field edit access). */
    create(objectApiName: string, fields: Record<string, unknown>, access?: Access): SObjectRecord {
        const object = this.describe(objectApiName);
        if (!object || (access && !access.canRead(objectApiName))) {
            throw new DmlException(
                [{ errorCode: 'INVALID_TYPE', message: `sObject type '${objectApiName}' is not supported.` }],
                400
            );
        }
        if (access && !access.object(objectApiName).allowCreate) {
            throw new DmlException([
                insufficientAccess(`You don't have permission to create ${object.label} records.`)
            ]);
        }
        const state = this.state();
        const record: SObjectRecord = { Id: '' };
        for (const field of Object.values(object.fields)) {
            if (!SYSTEM_FIELDS.has(field.apiName)) {
                record[field.apiName] = field.defaultValue ?? (field.dataType === 'Boolean' ? false : null);
            }
        }
        const errors = this.apply(object, record, fields, 'create', state, access);
        if (errors.length > 0) throw new DmlException(errors);
        this.takeFailure();
        state.serial += 1;
        const stamp = this.now().toISOString();
        record.Id = makeId(object.keyPrefix, state.serial);
        record.CreatedDate = stamp;
        record.LastModifiedDate = stamp;
        record.SystemModstamp = stamp;
        record.CreatedById = this.snapshot.user.Id;
        record.LastModifiedById = this.snapshot.user.Id;
        if ('OwnerId' in object.fields && !record.OwnerId) record.OwnerId = this.snapshot.user.Id;
        (state.records[objectApiName] ??= []).push(record);
        this.save(state);
        return { ...record };
    }

    /** Updates a record; with `access`, as that user (object Edit, the record's sharing, field edit access). */
    update(
        id: string,
        fields: Record<string, unknown>,
        access?: Access
    ): { objectApiName: string; record: SObjectRecord } {
        const state = this.state();
        for (const [objectApiName, list] of Object.entries(state.records)) {
            const index = list.findIndex((r) => sameId(r.Id, id));
            if (index < 0) continue;
            const object = this.snapshot.objects[objectApiName];
            if (access && !access.seesRecord(object, list[index].OwnerId)) break;
            if (access && !access.editsRecord(object, list[index].OwnerId)) {
                throw new DmlException([insufficientAccess(`insufficient access rights on object id ${id}`)]);
            }
            const record = { ...list[index] };
            const errors = this.apply(object, record, fields, 'update', state, access);
            if (errors.length > 0) throw new DmlException(errors);
            this.takeFailure();
            const stamp = this.now().toISOString();
            record.LastModifiedDate = stamp;
            record.SystemModstamp = stamp;
            record.LastModifiedById = this.snapshot.user.Id;
            list[index] = record;
            this.save(state);
            return { objectApiName, record: { ...record } };
        }
        throw new DmlException(
            [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
            404
        );
    }

    /**
     * Deletes a record and, as a master-detail relationship does, its detail records; with `access`, as
     * that user (object Delete, owner or Modify All).
     */
    delete(id: string, access?: Access): void {
        const state = this.state();
        for (const [objectApiName, list] of Object.entries(state.records)) {
            const index = list.findIndex((r) => sameId(r.Id, id));
            if (index < 0) continue;
            const object = this.snapshot.objects[objectApiName];
            const owner = list[index].OwnerId;
            if (access && !access.seesRecord(object, owner)) break;
            const p = access?.object(objectApiName);
            const owns = typeof owner === 'string' && access !== undefined && sameId(owner, access.userId);
            if (p && (!p.allowDelete || !(p.modifyAllRecords || owns))) {
                throw new DmlException([insufficientAccess(`insufficient access rights on object id ${id}`)]);
            }
            const removed = list[index].Id;
            list.splice(index, 1);
            for (const [childName, children] of Object.entries(state.records)) {
                const child = this.snapshot.objects[childName];
                const details = Object.values(child?.fields ?? {}).filter(
                    (f) => f.masterDetail && f.referenceTo === objectApiName
                );
                if (details.length === 0) continue;
                state.records[childName] = children.filter(
                    (r) =>
                        !details.some(
                            (f) => typeof r[f.apiName] === 'string' && sameId(String(r[f.apiName]), removed)
                        )
                );
            }
            this.save(state);
            return;
        }
        throw new DmlException(
            [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
            404
        );
    }

    private takeFailure(): void {
        const failure = this.pendingFailure;
        if (failure) {
            this.pendingFailure = undefined;
            throw new DmlException(failure);
        }
    }

    /** Validates and writes `fields` into `record`; returns the errors DML would report (nothing written then). */
    private apply(
        object: ObjectDescribe,
        record: SObjectRecord,
        fields: Record<string, unknown>,
        operation: 'create' | 'update',
        state: StoredState,
        access?: Access
    ): DmlError[] {
        const errors: DmlError[] = [];
        const next: Record<string, FieldValue> = {};
        for (const [name, raw] of Object.entries(fields)) {
            if (name === 'Id' && operation === 'update') continue;
            const field = object.fields[name];
            if (!field) {
                errors.push({
                    errorCode: 'INVALID_FIELD',
                    message: `No such column '${name}' on sobject of type ${object.apiName}`
                });
                continue;
            }
            const allowed =
                (operation === 'create' ? field.createable : field.updateable) &&
                (!access || access.fieldEditable(object.apiName, name));
            if (!allowed) {
                errors.push({
                    errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
                    message: `Unable to create/update fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
                    field: name,
                    fieldLabel: field.label
                });
                continue;
            }
            const checked = this.coerce(field, raw, state);
            if ('error' in checked) errors.push(checked.error);
            else next[name] = checked.value;
        }
        const merged = { ...record, ...next };
        for (const field of Object.values(object.fields)) {
            if (!field.required || SYSTEM_FIELDS.has(field.apiName) || field.dataType === 'Boolean') continue;
            const value = merged[field.apiName];
            if (value === null || value === undefined || value === '') {
                if (operation === 'update' && !(field.apiName in fields)) continue;
                errors.push({
                    errorCode: 'REQUIRED_FIELD_MISSING',
                    message: `Required fields are missing: [${field.apiName}]`,
                    field: field.apiName,
                    fieldLabel: field.label
                });
            }
        }
        for (const field of Object.values(object.fields)) {
            if (!field.unique || !(field.apiName in next)) continue;
            const value = next[field.apiName];
            if (value === null || value === '') continue;
            const other = (state.records[object.apiName] ?? []).find(
                (r) =>
                    r.Id !== record.Id &&
                    String(r[field.apiName] ?? '').toLowerCase() === String(value).toLowerCase()
            );
            if (other) {
                errors.push({
                    errorCode: 'DUPLICATE_VALUE',
                    message: `duplicate value found: ${field.apiName} duplicates value on record with id: ${other.Id}`
                });
            }
        }
        if (errors.length === 0) Object.assign(record, next);
        return errors;
    }

    private coerce(
        field: FieldDescribe,
        raw: unknown,
        state: StoredState
    ): { value: FieldValue } | { error: DmlError } {
        const fail = (errorCode: string, message: string) => ({
            error: { errorCode, message, field: field.apiName, fieldLabel: field.label }
        });
        if (raw === null || raw === undefined || raw === '') {
            return { value: field.dataType === 'Boolean' ? false : null };
        }
        switch (field.dataType) {
            case 'Boolean':
                if (typeof raw === 'boolean') return { value: raw };
                if (raw === 'true' || raw === 'false') return { value: raw === 'true' };
                return fail(
                    'INVALID_TYPE_ON_FIELD_IN_RECORD',
                    `${field.label}: value not of required type: ${String(raw)}`
                );
            case 'Double': {
                const n = typeof raw === 'number' ? raw : Number(raw);
                if (!Number.isFinite(n)) {
                    return fail(
                        'INVALID_TYPE_ON_FIELD_IN_RECORD',
                        `${field.label}: value not of required type: ${String(raw)}`
                    );
                }
                const digits = (field.precision ?? 18) - (field.scale ?? 0);
                if (Math.abs(Math.trunc(n)).toString().length > digits) {
                    return fail(
                        'NUMBER_OUTSIDE_VALID_RANGE',
                        `${field.label}: value outside of valid range on numeric field: ${n}`
                    );
                }
                return { value: n };
            }
            case 'Reference': {
                const id = String(raw);
                if (!isSalesforceId(id))
                    return fail('MALFORMED_ID', `${field.label}: id value of incorrect type: ${id}`);
                const target = field.referenceTo ?? '';
                const exists = (state.records[target] ?? []).some((r) => sameId(r.Id, id));
                if (!exists) {
                    return fail(
                        'FIELD_INTEGRITY_EXCEPTION',
                        `${field.label}: id value of incorrect type: ${id}`
                    );
                }
                const full = (state.records[target] ?? []).find((r) => sameId(r.Id, id));
                return { value: full ? full.Id : id };
            }
            default: {
                if (typeof raw !== 'string' && typeof raw !== 'number') {
                    return fail(
                        'INVALID_TYPE_ON_FIELD_IN_RECORD',
                        `${field.label}: value not of required type: ${String(raw)}`
                    );
                }
                const text = String(raw);
                if (field.length !== undefined && text.length > field.length) {
                    return fail(
                        'STRING_TOO_LONG',
                        `${field.label}: data value too large: ${text} (max length=${field.length})`
                    );
                }
                if (field.dataType === 'Email' && !EMAIL.test(text)) {
                    return fail('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${text}`);
                }
                if (
                    field.dataType === 'Picklist' &&
                    field.restrictedPicklist &&
                    !(field.picklistValues ?? []).some((p) => p.value === text)
                ) {
                    return fail(
                        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
                        `${field.label}: bad value for restricted picklist field: ${text}`
                    );
                }
                return { value: text };
            }
        }
    }
}
