/**
 * Builds the harness org (OrgSnapshot) from the project as a deploy and a data load would make it:
 * - schema from force-app/main/default/objects (custom fields, their types, lengths, picklists,
 *   lookups and master-detail relationships) plus the standard fields every object has;
 * - custom labels (CustomLabels.labels-meta.xml) and their German translations (de.translation-meta.xml in
 *   the optional German package directory, force-app-de);
 * - message channels and ServicePresenceStatus metadata;
 * - data: the data plan under data/ loaded as `sf data import tree --plan` does (references resolved),
 *   then what an admin does in a real org before an agent starts: the Azure app's client and tenant id on
 *   the configurations (Authorize Meeting Application), one Call Center Setup per configuration, a
 *   deliberately broken configuration for the error state, and the agent's settings record.
 * - permission sets (what the running user may do: harness/platform/access.ts), Visualforce pages, and the
 *   SOQL of the Apex classes (harness/lwc/apexSource.ts);
 * - the running user: the agent by default, or the supervisor or admin, each with one permission set.
 * It reads metadata and data files and the SOQL of the .cls files, never the project's TypeScript.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { makeId } from '../platform/ids';
import {
    AGENT,
    BROKEN_CONFIGURATION_NAME,
    HARNESS_USERS,
    ORG_OWN_STATUSES,
    SETUPS,
    type HarnessUserKey,
    type SetupKey
} from '../platform/constants';
import type {
    FieldDescribe,
    FieldValue,
    LabelValue,
    ObjectDescribe,
    OrgSnapshot,
    PermissionSetModel,
    SObjectRecord
} from '../platform/types';
import { readApexClasses } from './apexSource';

const xml = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) =>
        [
            'labels',
            'customLabels',
            'value',
            'fields',
            'records',
            'objectPermissions',
            'fieldPermissions',
            'classAccesses',
            'pageAccesses',
            'userPermissions',
            'servicePresenceStatusAccesses'
        ].includes(name)
});

type Xml = Record<string, unknown>;

function readXml(file: string): Xml {
    return xml.parse(readFileSync(file, 'utf8')) as Xml;
}

const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
const bool = (v: unknown): boolean => String(v) === 'true';

export interface SnapshotOptions {
    /** project root (default: this repository) */
    root?: string;
    /** Azure app registration the admin entered on every configuration */
    clientId: string;
    tenantId: string;
    /** which Call Center Setup the agent's settings record points at (default 'phone') */
    setup?: SetupKey;
    /**
     * PollIntervalSeconds__c the admin sets on every configuration (default: the data plan's 10 s). The
     * console shell uses HARNESS_POLL_INTERVAL_SECONDS so that Teams changes reach Salesforce quickly.
     */
    pollIntervalSeconds?: number;
    /** who the page runs as (default: the agent) */
    user?: HarnessUserKey;
}

function standardField(apiName: string, partial: Partial<FieldDescribe>): FieldDescribe {
    return {
        apiName,
        label: apiName,
        dataType: 'String',
        required: false,
        unique: false,
        externalId: false,
        createable: false,
        updateable: false,
        ...partial
    };
}

function customField(file: string): FieldDescribe {
    const f = readXml(file).CustomField as Xml;
    const type = str(f.type) ?? 'Text';
    const apiName = str(f.fullName) as string;
    const base: FieldDescribe = {
        apiName,
        label: str(f.label) ?? apiName,
        dataType: 'String',
        required: bool(f.required),
        unique: bool(f.unique),
        externalId: bool(f.externalId),
        createable: true,
        updateable: true
    };
    switch (type) {
        case 'Text':
        case 'Url':
        case 'Phone':
            return { ...base, dataType: 'String', length: Number(f.length ?? 255) };
        case 'Email':
            return { ...base, dataType: 'Email', length: 80 };
        case 'TextArea':
            return { ...base, dataType: 'TextArea', length: 255 };
        case 'LongTextArea':
            return { ...base, dataType: 'LongTextArea', length: Number(f.length ?? 32768) };
        case 'Checkbox':
            return { ...base, dataType: 'Boolean', defaultValue: bool(f.defaultValue), required: false };
        case 'Number':
        case 'Currency':
        case 'Percent': {
            const def = str(f.defaultValue);
            return {
                ...base,
                dataType: 'Double',
                precision: Number(f.precision ?? 18),
                scale: Number(f.scale ?? 0),
                ...(def !== undefined ? { defaultValue: Number(def) } : {})
            };
        }
        case 'Picklist': {
            const valueSet = f.valueSet as Xml | undefined;
            const definition = valueSet?.valueSetDefinition as Xml | undefined;
            const values = ((definition?.value as Xml[] | undefined) ?? []).map((v) => ({
                value: str(v.fullName) as string,
                label: str(v.label) ?? (str(v.fullName) as string),
                isDefault: bool(v.default)
            }));
            const def = values.find((v) => v.isDefault);
            return {
                ...base,
                dataType: 'Picklist',
                restrictedPicklist: bool(valueSet?.restricted),
                picklistValues: values.map(({ value, label }) => ({ value, label })),
                ...(def ? { defaultValue: def.value } : {})
            };
        }
        case 'Lookup':
        case 'MasterDetail':
            return {
                ...base,
                dataType: 'Reference',
                referenceTo: str(f.referenceTo),
                relationshipName: apiName.replace(/__c$/, '__r'),
                childRelationshipName: str(f.relationshipName),
                masterDetail: type === 'MasterDetail',
                required: type === 'MasterDetail' || bool(f.required),
                updateable: type === 'Lookup' || bool(f.reparentableMasterDetail)
            };
        case 'DateTime':
            return { ...base, dataType: 'DateTime' };
        default:
            return { ...base, dataType: 'String', length: 255 };
    }
}

function userObject(): ObjectDescribe {
    return {
        apiName: 'User',
        label: 'User',
        labelPlural: 'Users',
        keyPrefix: '005',
        privateSharing: false,
        fields: {
            Name: standardField('Name', { label: 'Full Name' }),
            Username: standardField('Username', { label: 'Username' }),
            Email: standardField('Email', { label: 'Email', dataType: 'Email' })
        },
        childRelationships: []
    };
}

function readObjects(objectsDir: string): Record<string, ObjectDescribe> {
    const objects: Record<string, ObjectDescribe> = { User: userObject() };
    const names = readdirSync(objectsDir).sort();
    names.forEach((name, index) => {
        const meta = readXml(path.join(objectsDir, name, `${name}.object-meta.xml`)).CustomObject as Xml;
        const nameField = (meta.nameField ?? {}) as Xml;
        const fieldsDir = path.join(objectsDir, name, 'fields');
        const custom = existsSync(fieldsDir)
            ? readdirSync(fieldsDir)
                  .filter((f) => f.endsWith('.field-meta.xml'))
                  .sort()
                  .map((f) => customField(path.join(fieldsDir, f)))
            : [];
        const isDetail = custom.some((f) => f.masterDetail);
        const userRef = (apiName: string, relationshipName: string, label: string) =>
            standardField(apiName, { label, dataType: 'Reference', referenceTo: 'User', relationshipName });
        const fields: Record<string, FieldDescribe> = {
            Name: standardField('Name', {
                label: str(nameField.label) ?? 'Name',
                length: 80,
                required: str(nameField.type) !== 'AutoNumber',
                createable: str(nameField.type) !== 'AutoNumber',
                updateable: str(nameField.type) !== 'AutoNumber'
            }),
            CreatedDate: standardField('CreatedDate', { label: 'Created Date', dataType: 'DateTime' }),
            LastModifiedDate: standardField('LastModifiedDate', {
                label: 'Last Modified Date',
                dataType: 'DateTime'
            }),
            SystemModstamp: standardField('SystemModstamp', {
                label: 'System Modstamp',
                dataType: 'DateTime'
            }),
            CreatedById: userRef('CreatedById', 'CreatedBy', 'Created By ID'),
            LastModifiedById: userRef('LastModifiedById', 'LastModifiedBy', 'Last Modified By ID')
        };
        if (!isDetail) {
            fields.OwnerId = {
                ...userRef('OwnerId', 'Owner', 'Owner ID'),
                createable: true,
                updateable: true
            };
        }
        for (const f of custom) fields[f.apiName] = f;
        objects[name] = {
            apiName: name,
            label: str(meta.label) ?? name,
            labelPlural: str(meta.pluralLabel) ?? name,
            keyPrefix: `a0${index.toString(36).toUpperCase()}`,
            privateSharing: str(meta.sharingModel) === 'Private',
            sharingModel: str(meta.sharingModel) ?? 'ReadWrite',
            fields,
            childRelationships: []
        };
    });
    for (const object of Object.values(objects)) {
        for (const f of Object.values(object.fields)) {
            if (f.dataType !== 'Reference' || !f.childRelationshipName || !f.referenceTo) continue;
            objects[f.referenceTo]?.childRelationships.push({
                relationshipName: `${f.childRelationshipName}__r`,
                childObject: object.apiName,
                field: f.apiName
            });
        }
    }
    return objects;
}

/** The German package directory's metadata folder (its own package, so German never blocks a deploy). */
export const GERMAN_DEFAULT_DIR = 'force-app-de/main/default';

export function readLabels(defaultDir: string, germanDir: string): Record<string, LabelValue> {
    const labels: Record<string, LabelValue> = {};
    const file = path.join(defaultDir, 'labels/CustomLabels.labels-meta.xml');
    if (existsSync(file)) {
        const root = readXml(file).CustomLabels as Xml | undefined;
        for (const l of (root?.labels as Xml[] | undefined) ?? []) {
            labels[str(l.fullName) as string] = { en: str(l.value) ?? '' };
        }
    }
    const de = path.join(germanDir, 'translations/de.translation-meta.xml');
    if (existsSync(de)) {
        const root = readXml(de).Translations as Xml | undefined;
        for (const t of (root?.customLabels as Xml[] | undefined) ?? []) {
            const name = str(t.name) as string;
            const value = str(t.label);
            if (labels[name] && value !== undefined) labels[name].de = value;
        }
    }
    return labels;
}

export function readMessageChannels(defaultDir: string): string[] {
    const dir = path.join(defaultDir, 'messageChannels');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
        .filter((f) => f.endsWith('.messageChannel-meta.xml'))
        .map((f) => `${f.replace('.messageChannel-meta.xml', '')}__c`)
        .sort();
}

/** The org's own statuses plus the ServicePresenceStatus files the project ships, by DeveloperName. */
function readStatuses(defaultDir: string) {
    const dir = path.join(defaultDir, 'servicePresenceStatuses');
    const shipped = existsSync(dir)
        ? readdirSync(dir)
              .filter((f) => f.endsWith('.servicePresenceStatus-meta.xml'))
              .map((f) => {
                  const meta = readXml(path.join(dir, f)).ServicePresenceStatus as Xml;
                  const developerName = f.replace('.servicePresenceStatus-meta.xml', '');
                  return { developerName, label: str(meta.label) ?? developerName };
              })
        : [];
    const byName = new Map(ORG_OWN_STATUSES.map((s) => [s.developerName, s.label]));
    // a shipped file replaces an org status of the same name, as a deploy does
    for (const s of shipped) byName.set(s.developerName, s.label);
    return [...byName]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([developerName, label], i) => ({
            Id: makeId('0N5', i + 1),
            DeveloperName: developerName,
            MasterLabel: label
        }));
}

/** One permission set file (PermissionSet metadata) as the access model reads it. */
export function parsePermissionSet(name: string, source: string): PermissionSetModel {
    const p = (xml.parse(source) as Xml).PermissionSet as Xml | undefined;
    if (!p) throw new Error(`${name}: not a PermissionSet`);
    const list = (key: string) => (p[key] as Xml[] | undefined) ?? [];
    const objects: PermissionSetModel['objects'] = {};
    for (const o of list('objectPermissions')) {
        objects[str(o.object) as string] = {
            allowRead: bool(o.allowRead),
            allowCreate: bool(o.allowCreate),
            allowEdit: bool(o.allowEdit),
            allowDelete: bool(o.allowDelete),
            viewAllRecords: bool(o.viewAllRecords),
            modifyAllRecords: bool(o.modifyAllRecords)
        };
    }
    const fields: PermissionSetModel['fields'] = {};
    for (const f of list('fieldPermissions')) {
        fields[str(f.field) as string] = { readable: bool(f.readable), editable: bool(f.editable) };
    }
    const enabled = (key: string, nameKey: string) =>
        list(key)
            .filter((e) => bool(e.enabled))
            .map((e) => str(e[nameKey]) as string);
    return {
        name,
        label: str(p.label) ?? name,
        objects,
        fields,
        classes: enabled('classAccesses', 'apexClass'),
        pages: enabled('pageAccesses', 'apexPage'),
        userPermissions: enabled('userPermissions', 'name'),
        servicePresenceStatuses: enabled('servicePresenceStatusAccesses', 'servicePresenceStatus')
    };
}

/** Every permission set of force-app/main/default/permissionsets, by name. */
export function readPermissionSets(defaultDir: string): Record<string, PermissionSetModel> {
    const dir = path.join(defaultDir, 'permissionsets');
    const out: Record<string, PermissionSetModel> = {};
    if (!existsSync(dir)) return out;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.permissionset-meta.xml'))) {
        const name = f.replace('.permissionset-meta.xml', '');
        out[name] = parsePermissionSet(name, readFileSync(path.join(dir, f), 'utf8'));
    }
    return out;
}

/** The Visualforce pages of force-app/main/default/pages. */
export function readPages(defaultDir: string): string[] {
    const dir = path.join(defaultDir, 'pages');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
        .filter((f) => f.endsWith('.page'))
        .map((f) => f.replace(/\.page$/, ''))
        .sort();
}

interface PlanEntry {
    sobject: string;
    saveRefs?: boolean;
    resolveRefs?: boolean;
    files: string[];
}

interface TreeRecord {
    attributes: { type: string; referenceId: string };
    [field: string]: unknown;
}

/** Loads a data plan as `sf data import tree --plan` does; returns records per object and the saved refs. */
export function loadDataPlan(
    dataDir: string,
    objects: Record<string, ObjectDescribe>,
    nextId: (object: string) => string
): { records: Record<string, SObjectRecord[]>; refs: Record<string, string> } {
    const records: Record<string, SObjectRecord[]> = {};
    const refs: Record<string, string> = {};
    const planFile = readdirSync(dataDir).find((f) => f.endsWith('-plan.json'));
    if (!planFile) return { records, refs };
    const plan = JSON.parse(readFileSync(path.join(dataDir, planFile), 'utf8')) as PlanEntry[];
    for (const entry of plan) {
        for (const file of entry.files) {
            const tree = JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as {
                records: TreeRecord[];
            };
            for (const raw of tree.records) {
                const object = objects[entry.sobject];
                if (!object) throw new Error(`data plan: unknown object ${entry.sobject}`);
                const record: SObjectRecord = { Id: nextId(entry.sobject) };
                for (const [field, value] of Object.entries(raw)) {
                    if (field === 'attributes') continue;
                    if (!object.fields[field])
                        throw new Error(`data plan: ${entry.sobject} has no field ${field}`);
                    if (typeof value === 'string' && value.startsWith('@') && entry.resolveRefs) {
                        const id = refs[value.slice(1)];
                        if (!id) throw new Error(`data plan: unresolved reference ${value}`);
                        record[field] = id;
                    } else {
                        record[field] = value as FieldValue;
                    }
                }
                if (entry.saveRefs) refs[raw.attributes.referenceId] = record.Id;
                (records[entry.sobject] ??= []).push(record);
            }
        }
    }
    return { records, refs };
}

/** The broken configuration: duplicate rows, an invalid write combination, a status without a row. */
function breakConfiguration(
    configuration: SObjectRecord,
    labels: SObjectRecord[],
    nextId: (object: string) => string
): { configuration: SObjectRecord; labels: SObjectRecord[] } {
    const broken: SObjectRecord = {
        ...configuration,
        Id: nextId('PresenceStateConfiguration__c'),
        Name: BROKEN_CONFIGURATION_NAME,
        Description__c:
            'Harness only: two rows for Available, Busy written as a session with Busy/Busy (setPresence does not accept it), and no row for Do_Not_Disturb.'
    };
    const rows = labels
        .filter((l) => l.SalesforceStatus__c !== 'Do_Not_Disturb')
        .map((l): SObjectRecord => ({
            ...l,
            Id: nextId('PresenceStateLabel__c'),
            PresenceStateConfiguration__c: broken.Id
        }));
    const available = rows.find((r) => r.SalesforceStatus__c === 'Available');
    if (available) {
        rows.push({ ...available, Id: nextId('PresenceStateLabel__c'), Name: 'Available (duplicate)' });
    }
    for (const r of rows) {
        if (r.SalesforceStatus__c === 'Busy' && r.FromSalesforce__c) {
            r.TeamsWriteKind__c = 'Session';
            r.TeamsAvailability__c = 'Busy';
            r.TeamsActivity__c = 'Busy';
        }
    }
    return { configuration: broken, labels: rows };
}

export function buildOrgSnapshot(options: SnapshotOptions): OrgSnapshot {
    const root = options.root ?? path.resolve(__dirname, '../..');
    const defaultDir = path.join(root, 'force-app/main/default');
    const objects = readObjects(path.join(defaultDir, 'objects'));
    const serials: Record<string, number> = {};
    const nextId = (object: string) => {
        serials[object] = (serials[object] ?? 0) + 1;
        return makeId(objects[object].keyPrefix, serials[object]);
    };
    const { records } = loadDataPlan(path.join(root, 'data'), objects, nextId);
    const stamp = '2026-01-05T08:00:00.000Z';
    const system = {
        CreatedDate: stamp,
        LastModifiedDate: stamp,
        SystemModstamp: stamp,
        CreatedById: AGENT.Id,
        LastModifiedById: AGENT.Id
    };
    for (const [object, list] of Object.entries(records)) {
        for (const r of list) {
            Object.assign(r, system);
            if (objects[object].fields.OwnerId && !r.OwnerId) r.OwnerId = AGENT.Id;
        }
    }
    const configurations = records.PresenceStateConfiguration__c ?? [];
    for (const c of configurations) {
        c.AzureClientId__c = options.clientId;
        c.AzureTenantId__c = options.tenantId;
        if (options.pollIntervalSeconds !== undefined) c.PollIntervalSeconds__c = options.pollIntervalSeconds;
    }
    const labelRows = records.PresenceStateLabel__c ?? [];
    if (configurations[0]) {
        const first = configurations[0];
        const broken = breakConfiguration(
            first,
            labelRows.filter((l) => l.PresenceStateConfiguration__c === first.Id),
            nextId
        );
        configurations.push(broken.configuration);
        labelRows.push(...broken.labels);
    }
    const setups: SObjectRecord[] = [];
    const setupIds: Partial<Record<SetupKey, string>> = {};
    for (const s of SETUPS) {
        if (s.configuration === null) continue;
        const configuration =
            s.configuration === 'broken'
                ? configurations.find((c) => c.Name === BROKEN_CONFIGURATION_NAME)
                : configurations[s.configuration - 1];
        const id = nextId('CallCenterSetup__c');
        setupIds[s.key] = id;
        setups.push({
            Id: id,
            Name: s.name,
            PhoneSystem__c: s.phoneSystem,
            PresenceStateConfiguration__c: configuration?.Id ?? null,
            OwnerId: AGENT.Id,
            ...system
        });
    }
    records.CallCenterSetup__c = setups;
    records.PresenceSyncUserSetting__c = [
        {
            Id: nextId('PresenceSyncUserSetting__c'),
            Name: AGENT.Name,
            UserKey__c: AGENT.Id,
            OwnerId: AGENT.Id,
            CallCenterSetup__c: setupIds[options.setup ?? 'phone'] ?? null,
            Office365Email__c: null,
            EntraObjectId__c: null,
            EntraUserPrincipalName__c: null,
            ...system
        }
    ];
    records.User = Object.values(HARNESS_USERS).map((u) => ({
        Id: u.Id,
        Name: u.Name,
        Username: u.Username,
        Email: u.email
    }));
    const user = HARNESS_USERS[options.user ?? 'agent'];
    return {
        user: {
            Id: user.Id,
            Name: user.Name,
            Username: user.Username,
            permissionSets: [...user.permissionSets]
        },
        permissionSets: readPermissionSets(defaultDir),
        apexClasses: readApexClasses(defaultDir),
        pages: readPages(defaultDir),
        objects,
        records,
        labels: readLabels(defaultDir, path.join(root, GERMAN_DEFAULT_DIR)),
        messageChannels: readMessageChannels(defaultDir),
        servicePresenceStatuses: readStatuses(defaultDir)
    };
}
