/**
 * PresenceSyncTenantController.countAgentsSharingApp in the harness org: the count follows the org's
 * records (settings -> Call Center Setup -> configuration -> client id), per client id, across owners the
 * agent cannot see; the platform's checks before it answers come from the real class and permission set.
 */
import { parseApexClass, readApexClasses } from '../../lwc/apexSource';
import { ADMIN, AGENT } from '../constants';
import { makeId } from '../ids';
import { apexMethod } from '../scoped';
import type { PlatformRuntime } from '../runtime';
import {
    install,
    orgAs,
    permissionSetXml,
    readSource,
    withoutBlock,
    withoutFieldPermission,
    ROOT
} from './permissionFixtures';
import path from 'node:path';

const APP = '11111111-2222-3333-4444-555555555555';
const OTHER_APP = '99999999-8888-7777-6666-555555555555';
const count = (azureClientId: unknown) =>
    apexMethod('PresenceSyncTenantController.countAgentsSharingApp')({ azureClientId });

/**
 * Another agent's settings owner and user key: the harness org has three users, so the colleagues'
 * records are owned by the admin (as an admin's data load creates them); the agent sees none of them.
 */
function colleague(index: number): { owner: string; key: string } {
    return { owner: ADMIN.Id, key: makeId('005', 200_000 + index) };
}

/** The harness org with every configuration on APP, and `n` other agents' settings on `setupName`. */
function orgWithColleagues(runtime: PlatformRuntime, n: number, setupName: string): void {
    const org = runtime.org;
    for (const c of org.records('PresenceStateConfiguration__c')) {
        org.update(c.Id, { AzureClientId__c: APP });
    }
    const setup = org.records('CallCenterSetup__c').find((s) => s.Name === setupName);
    for (let i = 0; i < n; i++) {
        const { owner, key } = colleague(org.records('PresenceSyncUserSetting__c').length);
        org.create('PresenceSyncUserSetting__c', {
            Name: `Colleague ${i}`,
            UserKey__c: key,
            OwnerId: owner,
            CallCenterSetup__c: setup?.Id ?? null
        });
    }
}

describe('PresenceSyncTenantController.countAgentsSharingApp (harness org)', () => {
    it('counts every agent whose setup uses a configuration with the client id, also those the agent cannot see', async () => {
        const runtime = install(orgAs('agent'));
        orgWithColleagues(runtime, 40, 'Phone System floor');
        orgWithColleagues(runtime, 0, 'Swyx floor');
        // the agent sees only their own settings record (private sharing)
        expect(
            runtime.org
                .records('PresenceSyncUserSetting__c')
                .filter((r) =>
                    runtime.access.seesRecord(runtime.org.describe('PresenceSyncUserSetting__c')!, r.OwnerId)
                )
        ).toHaveLength(1);

        await expect(count(APP)).resolves.toBe(41);
        await expect(count(` ${APP.toUpperCase()} `)).resolves.toBe(41);
    });

    it('agents on another app registration have their own count', async () => {
        const runtime = install(orgAs('agent'));
        orgWithColleagues(runtime, 10, 'Phone System floor');
        const swyx = runtime.org.records('CallCenterSetup__c').find((s) => s.Name === 'Swyx floor');
        runtime.org.update(swyx?.PresenceStateConfiguration__c as string, { AzureClientId__c: OTHER_APP });
        const { owner, key } = colleague(999);
        runtime.org.create('PresenceSyncUserSetting__c', {
            Name: 'Swyx agent',
            UserKey__c: key,
            OwnerId: owner,
            CallCenterSetup__c: swyx?.Id
        });

        await expect(count(APP)).resolves.toBe(11);
        await expect(count(OTHER_APP)).resolves.toBe(1);
    });

    it('an app registration nobody is assigned to yet counts the caller', async () => {
        const runtime = install(orgAs('agent'));
        orgWithColleagues(runtime, 0, 'Phone System floor');
        const own = runtime.org.records('PresenceSyncUserSetting__c')[0];
        runtime.org.update(own.Id, { CallCenterSetup__c: null });
        await expect(count(APP)).resolves.toBe(1);
    });

    it('refuses a client id that is not a GUID or of no configuration, as the class does', async () => {
        const runtime = install(orgAs('agent'));
        orgWithColleagues(runtime, 3, 'Phone System floor');
        for (const [input, message] of [
            ['not-a-guid', 'invalidClientId'],
            [null, 'invalidClientId'],
            [OTHER_APP, 'unknownClientId']
        ] as const) {
            await expect(count(input)).rejects.toMatchObject({
                status: 500,
                body: { message, exceptionType: 'System.AuraHandledException' }
            });
        }
    });

    it('only the agent permission set gives the class; the user-mode query needs the client id field', async () => {
        install(orgAs('supervisor'));
        await expect(count(APP)).rejects.toMatchObject({
            body: {
                message: "You do not have access to the Apex class named 'PresenceSyncTenantController'."
            }
        });

        install(
            orgAs('agent', {
                PresenceSyncAgent: withoutBlock(
                    permissionSetXml('PresenceSyncAgent'),
                    'classAccesses',
                    'PresenceSyncTenantController'
                )
            })
        );
        await expect(count(APP)).rejects.toMatchObject({
            body: {
                message: "You do not have access to the Apex class named 'PresenceSyncTenantController'."
            }
        });

        install(
            orgAs('agent', {
                PresenceSyncAgent: withoutFieldPermission(
                    permissionSetXml('PresenceSyncAgent'),
                    'PresenceStateConfiguration__c.AzureClientId__c'
                )
            })
        );
        await expect(count(APP)).rejects.toMatchObject({
            body: {
                exceptionType: 'System.QueryException',
                message: expect.stringContaining("'AzureClientId__c'")
            }
        });
    });

    it('reads the real class: the configuration check in user mode, the count in system mode without sharing', () => {
        const model = readApexClasses(path.join(ROOT, 'force-app/main/default')).PresenceSyncTenantController;
        expect(model.queries.map((q) => [q.object, q.mode, q.sharing, q.fields])).toEqual([
            ['PresenceStateConfiguration__c', 'user', 'with', ['Id', 'AzureClientId__c']],
            [
                'PresenceSyncUserSetting__c',
                'system',
                'without',
                ['CallCenterSetup__r.PresenceStateConfiguration__r.AzureClientId__c']
            ]
        ]);
        expect(
            parseApexClass('X', 'class X { Integer n = [SELECT COUNT() FROM Account WITH USER_MODE]; }')
                .queries[0].fields
        ).toEqual([]);
        expect(readSource('force-app/main/default/classes/PresenceSyncTenantController.cls')).toContain(
            'without sharing class TenantCounter'
        );
        expect(AGENT.permissionSets).toEqual(['PresenceSyncAgent']);
    });
});
