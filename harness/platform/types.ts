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

export interface OrgSnapshot {
    /** the running user (the agent) */
    user: { Id: string; Name: string; Username: string };
    objects: Record<string, ObjectDescribe>;
    records: Record<string, SObjectRecord[]>;
    labels: Record<string, LabelValue>;
    messageChannels: string[];
    servicePresenceStatuses: ServicePresenceStatusRecord[];
}
