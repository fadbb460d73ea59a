/**
 * The org the platform fakes serve: the schema as deployed from force-app/ (objects, fields, labels,
 * message channels, presence statuses) and the data loaded into it (the data plan under data/, as
 * `sf data import tree --plan` would, plus what the harness adds as an admin would). Built in Node by
 * harness/lwc/orgMetadata.ts, shipped into the page as JSON, read by the fakes in the browser.
 */

export type FieldType =
    | 'Id'
    | 'String'
    | 'TextArea'
    | 'LongTextArea'
    | 'Email'
    | 'Picklist'
    | 'Boolean'
    | 'Double'
    | 'Reference'
    | 'DateTime';

export interface PicklistValue {
    value: string;
    label: string;
}

export interface FieldDescribe {
    apiName: string;
    label: string;
    dataType: FieldType;
    /** for Reference fields: the parent object and the relationship name (e.g. CallCenterSetup__r) */
    referenceTo?: string;
    relationshipName?: string;
    /** master-detail parent (required, not reparentable) */
    masterDetail?: boolean;
    /** child relationship name on the parent object (e.g. PresenceStateLabels) */
    childRelationshipName?: string;
    length?: number;
    precision?: number;
    scale?: number;
    required: boolean;
    unique: boolean;
    externalId: boolean;
    createable: boolean;
    updateable: boolean;
    picklistValues?: PicklistValue[];
    restrictedPicklist?: boolean;
    defaultValue?: string | number | boolean | null;
}

export interface ChildRelationship {
    /** as queried: PresenceStateLabels__r */
    relationshipName: string;
    childObject: string;
    field: string;
}

export interface ObjectDescribe {
    apiName: string;
    label: string;
    labelPlural: string;
    keyPrefix: string;
    /** organization-wide default Private: a user sees the records they own (and nothing else, in this org) */
    privateSharing: boolean;
    /** the object's `sharingModel` (Private, Read, ReadWrite, ControlledByParent) */
    sharingModel?: string;
    fields: Record<string, FieldDescribe>;
    childRelationships: ChildRelationship[];
}

export type FieldValue = string | number | boolean | null;

export interface SObjectRecord {
    Id: string;
    [field: string]: FieldValue;
}

export interface LabelValue {
    en: string;
    /** from force-app-de/main/default/translations/de.translation-meta.xml; absent: the English value is shown, as on the platform */
    de?: string;
}

export interface ServicePresenceStatusRecord {
    Id: string;
    DeveloperName: string;
    MasterLabel: string;
}

/** Object permissions of a permission set (or the profile) for one object, as the metadata names them. */
export interface ObjectPermission {
    allowRead: boolean;
    allowCreate: boolean;
    allowEdit: boolean;
    allowDelete: boolean;
    viewAllRecords: boolean;
    modifyAllRecords: boolean;
}

/** A permission set as deployed from force-app/main/default/permissionsets (PermissionSet metadata). */
export interface PermissionSetModel {
    name: string;
    label: string;
    /** objectPermissions by object API name */
    objects: Record<string, ObjectPermission>;
    /** fieldPermissions by `Object.Field` */
    fields: Record<string, { readable: boolean; editable: boolean }>;
    /** classAccesses that are enabled */
    classes: string[];
    /** pageAccesses (Visualforce) that are enabled */
    pages: string[];
    /** userPermissions that are enabled (e.g. ViewSetup, ViewDeveloperName) */
    userPermissions: string[];
    /** servicePresenceStatusAccesses that are enabled (Omni-Channel statuses the user may use) */
    servicePresenceStatuses: string[];
}

/** The running user: who the page runs as, with the permission sets assigned to them. */
export interface RunningUser {
    Id: string;
    Name: string;
    Username: string;
    /** names of assigned permission sets (on top of the minimum-access profile) */
    permissionSets: string[];
}

/** One SOQL query of an Apex class, as written in force-app/main/default/classes. */
export interface ApexQuery {
    /** the object after FROM */
    object: string;
    /** every field path the query names: select list, WHERE, ORDER BY (e.g. Owner.Name) */
    fields: string[];
    /** WITH USER_MODE, WITH SYSTEM_MODE, WITH SECURITY_ENFORCED, or none (system mode) */
    mode: 'user' | 'system' | 'securityEnforced' | 'none';
    /** the (inner) class whose code holds the query, and that class's sharing keyword */
    className: string;
    sharing: 'with' | 'without' | 'inherited' | 'none';
    /** 1-based line in the .cls file */
    line: number;
}

export interface ApexClassModel {
    name: string;
    /** the top-level class's sharing keyword */
    sharing: 'with' | 'without' | 'inherited' | 'none';
    queries: ApexQuery[];
    /** the other project classes its code names (their queries run on its behalf) */
    references: string[];
}

export interface OrgSnapshot {
    /** the running user (the agent in the console, the supervisor on the dashboard, the admin in setup) */
    user: RunningUser;
    /** every permission set of the project, by name */
    permissionSets: Record<string, PermissionSetModel>;
    /** the project's Apex classes and their SOQL */
    apexClasses: Record<string, ApexClassModel>;
    /** the project's Visualforce pages */
    pages: string[];
    objects: Record<string, ObjectDescribe>;
    records: Record<string, SObjectRecord[]>;
    labels: Record<string, LabelValue>;
    messageChannels: string[];
    servicePresenceStatuses: ServicePresenceStatusRecord[];
}
