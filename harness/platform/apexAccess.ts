/**
 * The checks the platform makes before an Apex method of the project answers, derived from the real
 * source (OrgSnapshot.apexClasses, read from force-app/main/default/classes by harness/lwc/apexSource.ts):
 * - Apex class access: an @AuraEnabled method runs only for a user whose profile or permission set gives
 *   access to its class, otherwise the call fails with "You do not have access to the Apex class named
 *   'X'." (release update "Restrict Access to @AuraEnabled Apex Methods ... Based on User Profile",
 *   https://releasenotes.docs.salesforce.com/en-us/summer20/release-notes/rn_lc_restrict_apex_guest_users.htm);
 * - every query `WITH USER_MODE` (or `WITH SECURITY_ENFORCED`) of the class runs with the user's object
 *   permissions and field-level security, select list and WHERE included ("Field-level security (FLS) and
 *   object permissions of the running user are respected in user mode ... WITH USER_MODE processes all
 *   clauses in the SOQL SELECT statement including the WHERE clause", Enforce User Mode for Database
 *   Operations, https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_enforce_usermode.htm);
 *   a field the user cannot read fails the query with a System.QueryException naming it ("No such column
 *   ..."), an object they cannot read with "sObject type ... is not supported"; the
 *   ServicePresenceStatus.DeveloperName rule applies (access.ts). Queries `WITH SYSTEM_MODE` or without a
 *   mode are not checked (system mode).
 * All queries of the class (inner classes included) and of the project classes it names are checked for
 * each of its methods (each project class has one @AuraEnabled method).
 */
import { STANDARD_OBJECTS, type Access } from './access';
import type { ApexQuery, OrgSnapshot } from './types';

export interface ApexErrorBody {
    message: string;
    exceptionType: string;
    stackTrace: string;
    isUserDefinedException: boolean;
}

function noSuchColumn(field: string, object: string): string {
    return `No such column '${field}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`;
}

/** The object a relationship name leads to from `object`, and the reference field it reads. */
function relationship(
    snapshot: Pick<OrgSnapshot, 'objects'>,
    object: string,
    name: string
): { field: string; target: string } | undefined {
    const standard = STANDARD_OBJECTS[object];
    if (standard && standard.relationships[name]) {
        return { field: `${name}Id`, target: standard.relationships[name] };
    }
    const describe = snapshot.objects[object];
    const lookup = describe
        ? Object.values(describe.fields).find((f) => f.relationshipName === name && f.referenceTo)
        : undefined;
    return lookup ? { field: lookup.apiName, target: lookup.referenceTo as string } : undefined;
}

function fieldExists(snapshot: Pick<OrgSnapshot, 'objects'>, object: string, field: string): boolean {
    return (
        field === 'Id' ||
        (STANDARD_OBJECTS[object]?.fields.includes(field) ?? false) ||
        (snapshot.objects[object]?.fields[field] !== undefined && object !== 'User')
    );
}

/** The first access failure of one query for this user, or null. */
export function queryFailure(
    snapshot: Pick<OrgSnapshot, 'objects'>,
    access: Access,
    query: ApexQuery
): string | null {
    if (query.mode !== 'user' && query.mode !== 'securityEnforced') return null;
    if (!access.canRead(query.object)) return `sObject type '${query.object}' is not supported.`;
    for (const path of query.fields) {
        let object = query.object;
        const parts = path.split('.');
        const last = parts.pop() as string;
        for (const part of parts) {
            const rel = relationship(snapshot, object, part);
            if (!rel || !access.fieldReadable(object, rel.field)) return noSuchColumn(part, object);
            if (!access.canRead(rel.target)) return `sObject type '${rel.target}' is not supported.`;
            object = rel.target;
        }
        if (!fieldExists(snapshot, object, last) || !access.fieldReadable(object, last)) {
            return query.mode === 'securityEnforced'
                ? 'Insufficient permissions: secure query included inaccessible field'
                : noSuchColumn(last, object);
        }
    }
    return null;
}

/** The queries of a class and of every project class it names, transitively. */
function reachableQueries(classes: OrgSnapshot['apexClasses'], name: string): ApexQuery[] {
    const seen = new Set<string>();
    const queue = [name];
    const out: ApexQuery[] = [];
    while (queue.length > 0) {
        const next = queue.shift() as string;
        if (seen.has(next) || !classes[next]) continue;
        seen.add(next);
        out.push(...classes[next].queries);
        queue.push(...classes[next].references);
    }
    return out;
}

/** Why the platform refuses `Class.method` for this user before it answers, or null. */
export function apexAccessFailure(
    snapshot: Pick<OrgSnapshot, 'objects' | 'apexClasses'>,
    access: Access,
    method: string
): ApexErrorBody | null {
    const className = method.split('.')[0];
    const apexClass = snapshot.apexClasses[className];
    if (!apexClass) throw new Error(`harness: no Apex class ${className} in force-app/main/default/classes`);
    if (!access.classAccess(className)) {
        return {
            message: `You do not have access to the Apex class named '${className}'.`,
            exceptionType: '',
            stackTrace: '',
            isUserDefinedException: false
        };
    }
    for (const query of reachableQueries(snapshot.apexClasses, className)) {
        const failure = queryFailure(snapshot, access, query);
        if (failure !== null) {
            return {
                message: failure,
                exceptionType: 'System.QueryException',
                stackTrace: `Class.${query.className}: line ${query.line}, column 1`,
                isUserDefinedException: false
            };
        }
    }
    return null;
}
