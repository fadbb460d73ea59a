/**
 * `PresenceSyncTenantController.countAgentsSharingApp` of the harness org, as the class in
 * force-app/main/default/classes describes it (this file reads the org's records, never that code):
 * - the client id (trimmed) must be a GUID, else the method refuses with `invalidClientId`;
 * - a Presence State Configuration with that client id must exist (its user-mode query; the access check
 *   of that query, object and field-level security, runs before any method answers: apexAccess.ts),
 *   else `unknownClientId`;
 * - the answer is the number of Presence Sync User Setting records, of every owner (system mode, without
 *   sharing), whose Call Center Setup uses a configuration with that client id, at least 1. Text
 *   comparison is case-insensitive, as SOQL's `=` on a text field is.
 */
import type { Org } from './org';
import { sameId } from './ids';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export type TenantCount =
    { ok: true; count: number } | { ok: false; message: 'invalidClientId' | 'unknownClientId' };

export function countAgentsSharingApp(org: Pick<Org, 'records'>, azureClientId: unknown): TenantCount {
    const clientId = typeof azureClientId === 'string' ? azureClientId.trim() : '';
    if (!GUID.test(clientId)) return { ok: false, message: 'invalidClientId' };
    const wanted = clientId.toLowerCase();
    const configurations = org
        .records('PresenceStateConfiguration__c')
        .filter((c) => typeof c.AzureClientId__c === 'string' && c.AzureClientId__c.toLowerCase() === wanted)
        .map((c) => c.Id);
    if (configurations.length === 0) return { ok: false, message: 'unknownClientId' };
    const setups = org
        .records('CallCenterSetup__c')
        .filter((s) =>
            configurations.some((id) => sameId(id, s.PresenceStateConfiguration__c as string | null))
        )
        .map((s) => s.Id);
    const count = org
        .records('PresenceSyncUserSetting__c')
        .filter((r) => setups.some((id) => sameId(id, r.CallCenterSetup__c as string | null))).length;
    return { ok: true, count: Math.max(1, count) };
}
