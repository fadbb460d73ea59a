/**
 * What the running user may do in the harness org: the union of the permission sets assigned to them
 * (read from force-app/main/default/permissionsets, never copied) on top of a "minimum access" profile
 * that grants no object permission on the project's objects. Used by every platform fake:
 * - object permissions (Read, Create, Edit, Delete, View All, Modify All) per object;
 * - field-level security: a custom field is readable / editable only through a `fieldPermissions` entry.
 *   Standard fields (Id, Name, OwnerId, CreatedDate, ...) follow the object; required and master-detail
 *   fields cannot be restricted (the platform gives them no field-level security setting);
 * - Apex class access (`classAccesses`), Visualforce page access (`pageAccesses`), Omni-Channel status
 *   access (`servicePresenceStatusAccesses`) and user permissions (`userPermissions`, e.g. ViewSetup);
 * - `ServicePresenceStatus.DeveloperName` is readable only with "View DeveloperName" or "View Setup and
 *   Configuration" (ServicePresenceStatus, Object Reference for the Salesforce Platform:
 *   https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects/object-servicepresencestatus.html).
 * Pure: no DOM, no time; the same code runs in the page and in Node tests.
 */
import { ORG_OWN_STATUSES } from './constants';
import type { ObjectDescribe, ObjectPermission, OrgSnapshot, PermissionSetModel } from './types';

const NONE: ObjectPermission = {
    allowRead: false,
    allowCreate: false,
    allowEdit: false,
    allowDelete: false,
    viewAllRecords: false,
    modifyAllRecords: false
};

/**
 * The standard objects the project's Apex reads, with the fields it names (what a minimum-access internal
 * user gets on them). ServicePresenceStatus: "only authenticated internal and external users can access
 * this object" (object reference above); its DeveloperName needs the permissions named there.
 * UserServicePresence and User: readable by internal users; the org-wide default of UserServicePresence
 * (which agents' rows a supervisor sees) is not modelled, see docs/harness.md.
 */
export const STANDARD_OBJECTS: Record<string, { fields: string[]; relationships: Record<string, string> }> = {
    User: { fields: ['Id', 'Name', 'Username', 'Email', 'Type'], relationships: {} },
    ServicePresenceStatus: { fields: ['Id', 'DeveloperName', 'MasterLabel'], relationships: {} },
    UserServicePresence: {
        fields: ['Id', 'UserId', 'StatusStartDate', 'IsCurrentState', 'ServicePresenceStatusId'],
        relationships: { ServicePresenceStatus: 'ServicePresenceStatus', User: 'User' }
    }
};

/** Standard fields of a custom object: they follow the object's permissions. */
const STANDARD_FIELDS = new Set([
    'Id',
    'Name',
    'OwnerId',
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById',
    'SystemModstamp'
]);

/** User permissions that make `ServicePresenceStatus.DeveloperName` readable. */
export const DEVELOPER_NAME_PERMISSIONS = ['ViewSetup', 'ViewDeveloperName'];

export type AccessSnapshot = Pick<OrgSnapshot, 'user' | 'permissionSets' | 'objects'>;

export class Access {
    private readonly sets: PermissionSetModel[];

    constructor(private readonly snapshot: AccessSnapshot) {
        this.sets = snapshot.user.permissionSets.map((name) => {
            const set = snapshot.permissionSets[name];
            if (!set) throw new Error(`harness: the running user has an unknown permission set ${name}`);
            return set;
        });
    }

    get userId(): string {
        return this.snapshot.user.Id;
    }

    /** The union of the user's object permissions on `object` (View All implies Read, Modify All everything). */
    object(object: string): ObjectPermission {
        const out = { ...NONE };
        if (STANDARD_OBJECTS[object]) out.allowRead = true;
        for (const set of this.sets) {
            const p = set.objects[object];
            if (!p) continue;
            for (const key of Object.keys(out) as (keyof ObjectPermission)[]) out[key] ||= p[key];
        }
        if (out.modifyAllRecords) {
            out.allowRead = out.allowEdit = out.allowDelete = out.viewAllRecords = true;
        }
        if (out.viewAllRecords) out.allowRead = true;
        return out;
    }

    canRead(object: string): boolean {
        return this.object(object).allowRead;
    }

    private describeField(object: string, field: string) {
        const describe: ObjectDescribe | undefined = Object.prototype.hasOwnProperty.call(
            this.snapshot.objects,
            object
        )
            ? this.snapshot.objects[object]
            : undefined;
        return describe?.fields[field];
    }

    /** Whether field-level security applies to the field (false: it follows the object). */
    private restricted(object: string, field: string): boolean {
        if (STANDARD_OBJECTS[object]) return false;
        if (STANDARD_FIELDS.has(field) || !field.endsWith('__c')) return false;
        const describe = this.describeField(object, field);
        return !(describe?.required || describe?.masterDetail);
    }

    private fieldPermission(object: string, field: string): { readable: boolean; editable: boolean } {
        const out = { readable: false, editable: false };
        for (const set of this.sets) {
            const p = set.fields[`${object}.${field}`];
            if (!p) continue;
            out.readable ||= p.readable || p.editable;
            out.editable ||= p.editable;
        }
        return out;
    }

    fieldReadable(object: string, field: string): boolean {
        if (!this.canRead(object)) return false;
        if (object === 'ServicePresenceStatus' && field === 'DeveloperName') {
            return DEVELOPER_NAME_PERMISSIONS.some((p) => this.hasUserPermission(p));
        }
        if (STANDARD_OBJECTS[object]) return STANDARD_OBJECTS[object].fields.includes(field);
        return this.restricted(object, field) ? this.fieldPermission(object, field).readable : true;
    }

    /** Edit access to the field (field-level security only; the object permission is checked by the caller). */
    fieldEditable(object: string, field: string): boolean {
        if (!this.canRead(object)) return false;
        return this.restricted(object, field) ? this.fieldPermission(object, field).editable : true;
    }

    classAccess(apexClass: string): boolean {
        return this.sets.some((s) => s.classes.includes(apexClass));
    }

    pageAccess(page: string): boolean {
        return this.sets.some((s) => s.pages.includes(page));
    }

    /**
     * Whether the user may use an Omni-Channel status ("Agents must be given access to this presence status
     * through their associated profile or permission set", setServicePresenceStatus,
     * https://developer.salesforce.com/docs/service/api-console/guide/sforce-api-console-lightning-setservicepresencestatus.html).
     */
    servicePresenceStatus(developerName: string): boolean {
        // the org's own statuses come with the org's Omni-Channel set-up (the agents' profile), not the app
        if (ORG_OWN_STATUSES.some((s) => s.developerName === developerName)) return true;
        return this.sets.some((s) => s.servicePresenceStatuses.includes(developerName));
    }

    hasUserPermission(name: string): boolean {
        return this.sets.some((s) => s.userPermissions.includes(name));
    }

    /** Record-level read: View All, or the object's sharing lets every user see it, or the user owns it. */
    seesRecord(object: ObjectDescribe, ownerId: unknown): boolean {
        if (!this.canRead(object.apiName)) return false;
        if (!object.privateSharing || this.object(object.apiName).viewAllRecords) return true;
        return typeof ownerId === 'string' && ownerId.slice(0, 15) === this.userId.slice(0, 15);
    }

    /** Record-level edit: Modify All, or the object's sharing is Read/Write, or the user owns it. */
    editsRecord(object: ObjectDescribe, ownerId: unknown): boolean {
        const p = this.object(object.apiName);
        if (!p.allowEdit) return false;
        if (p.modifyAllRecords || object.sharingModel === 'ReadWrite') return true;
        if (object.sharingModel === 'ControlledByParent') return true; // the parent decides; not modelled
        return typeof ownerId === 'string' && ownerId.slice(0, 15) === this.userId.slice(0, 15);
    }
}
