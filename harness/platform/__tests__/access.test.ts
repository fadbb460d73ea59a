/**
 * The platform fakes enforce the running user's permission sets (read from force-app): object access,
 * field-level security and sharing in GraphQL and the UI API, Apex class access and user-mode SOQL, the
 * DeveloperName rule, and Visualforce page access.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseApexClass, readApexClasses } from '../../lwc/apexSource';
import { FakeOmniToolkit } from '../../console/omniToolkit';
import { installSession, INSUFFICIENT_PRIVILEGES } from '../../console/session';
import { Access } from '../access';
import { apexAccessFailure } from '../apexAccess';
import { ADMIN, AGENT, LANGUAGE_COOKIE, SESSION_COOKIE, SUPERVISOR } from '../constants';
import { execute } from '../graphqlEval';
import { Org } from '../org';
import { apexMethod } from '../scoped';
import { createRecord, deleteRecord, getRecord, updateRecord } from '../uiRecordApi';
import {
    install,
    orgAs,
    permissionSetXml,
    readSource,
    withoutBlock,
    withoutFieldPermission
} from './permissionFixtures';

type Errors = { message: string }[] | undefined;
const messages = (errors: Errors) => (errors ?? []).map((e) => e.message);

describe('permission sets come from force-app', () => {
    it('the agent, supervisor and admin each run with exactly their permission set', () => {
        expect(orgAs('agent').user).toMatchObject({ Id: AGENT.Id, permissionSets: ['PresenceSyncAgent'] });
        expect(orgAs('supervisor').user).toMatchObject({
            Id: SUPERVISOR.Id,
            permissionSets: ['PresenceSyncSupervisor']
        });
        expect(orgAs('admin').user).toMatchObject({ Id: ADMIN.Id, permissionSets: ['PresenceSyncAdmin'] });
    });

    it('a change to the XML changes what the user may do (nothing is copied)', () => {
        const real = new Access(orgAs('agent'));
        expect(real.fieldReadable('PresenceStateLabel__c', 'TeamsWriteKind__c')).toBe(true);
        const changed = new Access(
            orgAs('agent', {
                PresenceSyncAgent: withoutFieldPermission(
                    permissionSetXml('PresenceSyncAgent'),
                    'PresenceStateLabel__c.TeamsWriteKind__c'
                )
            })
        );
        expect(changed.fieldReadable('PresenceStateLabel__c', 'TeamsWriteKind__c')).toBe(false);
        expect(changed.fieldReadable('PresenceStateLabel__c', 'TeamsActivity__c')).toBe(true);
    });
});

describe('GraphQL (UI API): the user schema reflects object access and field-level security', () => {
    const configurationWith = (field: string) => `query q {
        uiapi { query { PresenceStateConfiguration__c(first: 5) { edges { node { Id Name { value } ${field} { value } } } } } }
    }`;

    it('a field the user cannot read is undefined in their schema: the whole query fails', () => {
        // the agent's permission set has no field permission for the configuration's Description__c
        const org = new Org(orgAs('agent'));
        const result = execute(org, configurationWith('Description__c'));
        expect(result.data).toBeUndefined();
        expect(messages(result.errors)).toEqual([
            "Validation error (FieldUndefined@[uiapi/query/PresenceStateConfiguration__c/edges/node/Description__c]) : Field 'Description__c' in type 'PresenceStateConfiguration__c' is undefined"
        ]);
        // the admin's has it
        const admin = execute(new Org(orgAs('admin')), configurationWith('Description__c'));
        expect(admin.errors).toBeUndefined();
    });

    it("the supervisor cannot read agents' email addresses (not in the supervisor's permission set)", () => {
        const query = `query q { uiapi { query { PresenceSyncUserSetting__c { edges { node { Id Office365Email__c { value } } } } } } }`;
        const result = execute(new Org(orgAs('supervisor')), query);
        expect(messages(result.errors)[0]).toContain(
            "Field 'Office365Email__c' in type 'PresenceSyncUserSetting__c' is undefined"
        );
    });

    it('an object the user cannot read is not a field of RecordQuery', () => {
        const noRead = withoutBlock(
            permissionSetXml('PresenceSyncAgent'),
            'objectPermissions',
            '<object>PresenceStateLabel__c</object>'
        );
        const org = new Org(orgAs('agent', { PresenceSyncAgent: noRead }));
        const top = execute(
            org,
            `query q { uiapi { query { PresenceStateLabel__c { edges { node { Id } } } } } }`
        );
        expect(messages(top.errors)).toEqual([
            "Validation error (FieldUndefined@[uiapi/query/PresenceStateLabel__c]) : Field 'PresenceStateLabel__c' in type 'RecordQuery' is undefined"
        ]);
        // the child relationship to it is gone too
        const child = execute(
            org,
            `query q { uiapi { query { PresenceStateConfiguration__c { edges { node { PresenceStateLabels__r { edges { node { Id } } } } } } } } }`
        );
        expect(messages(child.errors)[0]).toContain(
            "Field 'PresenceStateLabels__r' in type 'PresenceStateConfiguration__c' is undefined"
        );
    });

    it('a filter on a field the user cannot read is rejected', () => {
        const query = `query q { uiapi { query { PresenceSyncUserSetting__c(where: { Office365Email__c: { eq: "x@y.z" } }) { edges { node { Id } } } } } }`;
        const result = execute(new Org(orgAs('supervisor')), query);
        expect(messages(result.errors)[0]).toContain(
            "contains a field not in 'PresenceSyncUserSetting__c_Filter': 'Office365Email__c'"
        );
    });

    it('ordering by a field the user cannot read is rejected', () => {
        const query = `query q { uiapi { query { PresenceStateConfiguration__c(orderBy: { Description__c: { order: ASC } }) { edges { node { Id } } } } } }`;
        expect(messages(execute(new Org(orgAs('agent')), query).errors)[0]).toContain(
            "contains a field not in 'PresenceStateConfiguration__c_OrderBy': 'Description__c'"
        );
        expect(execute(new Org(orgAs('admin')), query).errors).toBeUndefined();
    });

    it('Private sharing: View All shows every record, without it only the own ones', () => {
        const query = `query q { uiapi { query { PresenceSyncUserSetting__c { edges { node { Id } } } } } }`;
        const count = (snapshot: ReturnType<typeof orgAs>) =>
            (
                execute(new Org(snapshot), query).data as {
                    uiapi: { query: { PresenceSyncUserSetting__c: { edges: unknown[] } } };
                }
            ).uiapi.query.PresenceSyncUserSetting__c.edges.length;
        // the agent's settings record, owned by the agent
        expect(count(orgAs('agent'))).toBe(1);
        // the supervisor has View All on the settings: sees the agent's record
        expect(count(orgAs('supervisor'))).toBe(1);
        const readOnly = permissionSetXml('PresenceSyncSupervisor').replace(
            /(<object>PresenceSyncUserSetting__c<\/object>\s*<viewAllRecords>)true/,
            '$1false'
        );
        expect(count(orgAs('supervisor', { PresenceSyncSupervisor: readOnly }))).toBe(0);
    });
});

describe('UI API records (lightning/uiRecordApi) as the running user', () => {
    const settingsId = (snapshot: ReturnType<typeof orgAs>) =>
        snapshot.records.PresenceSyncUserSetting__c[0].Id;

    function wireGetRecord(
        config: Record<string, unknown>
    ): Promise<{ data?: { fields: Record<string, unknown> }; error?: { status: number; body: unknown } }> {
        return new Promise((resolve) => {
            const adapter = new getRecord((value) => resolve(value as never));
            adapter.connect();
            adapter.update(config);
        });
    }

    it('writing a field without edit access fails with the platform error on that field', async () => {
        const noEdit = permissionSetXml('PresenceSyncAgent').replace(
            /(<editable>)true(<\/editable>\s*<field>PresenceSyncUserSetting__c\.Office365Email__c<\/field>)/,
            '$1false$2'
        );
        const snapshot = orgAs('agent', { PresenceSyncAgent: noEdit });
        install(snapshot);
        const failure = updateRecord({
            fields: { Id: settingsId(snapshot), Office365Email__c: 'ada.agent@acme.example' }
        });
        await expect(failure).rejects.toMatchObject({
            status: 400,
            body: {
                output: {
                    fieldErrors: {
                        Office365Email__c: [
                            expect.objectContaining({
                                errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
                                message:
                                    'Unable to create/update fields: Office365Email__c. Please check the security settings of this field and verify that it is read/write for your profile or permission set.'
                            })
                        ]
                    }
                }
            }
        });
        // with the real permission set the same write succeeds
        const real = orgAs('agent');
        install(real);
        await expect(
            updateRecord({ fields: { Id: settingsId(real), Office365Email__c: 'ada.agent@acme.example' } })
        ).resolves.toMatchObject({ fields: { Office365Email__c: { value: 'ada.agent@acme.example' } } });
    });

    it("object permissions: the supervisor cannot create settings; the admin assigns an agent's Call Center Setup but cannot change the agent's email", async () => {
        install(orgAs('supervisor'));
        await expect(
            createRecord({ apiName: 'PresenceSyncUserSetting__c', fields: { Name: 'x', UserKey__c: 'x' } })
        ).rejects.toMatchObject({
            body: {
                output: {
                    errors: [expect.objectContaining({ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' })]
                }
            }
        });
        const admin = orgAs('admin');
        install(admin);
        // Modify All on the agent's private record, edit access on CallCenterSetup__c only
        await expect(
            updateRecord({ fields: { Id: settingsId(admin), CallCenterSetup__c: null } })
        ).resolves.toMatchObject({ fields: { CallCenterSetup__c: { value: null } } });
        await expect(
            updateRecord({ fields: { Id: settingsId(admin), Office365Email__c: 'someone@else.example' } })
        ).rejects.toMatchObject({
            body: {
                output: {
                    fieldErrors: {
                        Office365Email__c: [
                            expect.objectContaining({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' })
                        ]
                    }
                }
            }
        });
    });

    it('delete needs Delete and Modify All (or ownership); detail rows go with their master', async () => {
        const agent = orgAs('agent');
        const configurationId = agent.records.PresenceStateConfiguration__c[0].Id;
        install(agent);
        await expect(deleteRecord(configurationId)).rejects.toMatchObject({ status: 403 });
        const admin = orgAs('admin');
        const runtime = install(admin);
        const rows = () =>
            runtime.org
                .records('PresenceStateLabel__c')
                .filter((r) => r.PresenceStateConfiguration__c === configurationId);
        expect(rows().length).toBeGreaterThan(0);
        await deleteRecord(configurationId);
        expect(runtime.org.find(configurationId)).toBeUndefined();
        expect(rows()).toEqual([]);
    });

    it('getRecord: an unreadable field in `fields` is an error, in `optionalFields` it is left out', async () => {
        const snapshot = orgAs('supervisor');
        install(snapshot);
        const id = settingsId(snapshot);
        const failed = await wireGetRecord({
            recordId: id,
            fields: ['PresenceSyncUserSetting__c.Office365Email__c']
        });
        expect(failed.error).toMatchObject({
            status: 400,
            body: [expect.objectContaining({ errorCode: 'INVALID_FIELD' })]
        });
        const optional = await wireGetRecord({
            recordId: id,
            fields: ['PresenceSyncUserSetting__c.EntraObjectId__c'],
            optionalFields: ['PresenceSyncUserSetting__c.Office365Email__c']
        });
        expect(Object.keys(optional.data?.fields ?? {})).toEqual(['EntraObjectId__c']);
    });

    it('a Private record the user neither owns nor may view all is not found', async () => {
        const readOnly = permissionSetXml('PresenceSyncSupervisor').replace(
            /(<object>PresenceSyncUserSetting__c<\/object>\s*<viewAllRecords>)true/,
            '$1false'
        );
        const snapshot = orgAs('supervisor', { PresenceSyncSupervisor: readOnly });
        install(snapshot);
        const result = await wireGetRecord({
            recordId: settingsId(snapshot),
            fields: ['PresenceSyncUserSetting__c.EntraObjectId__c']
        });
        expect(result.error).toMatchObject({ status: 404 });
    });
});

describe('Apex: class access and the user-mode SOQL of the real classes', () => {
    beforeAll(() => {
        (globalThis as Record<string, unknown>).location = new URL(
            'https://acme.lightning.force.localhost/dashboard?agents=20'
        );
    });

    it('a user without class access gets the platform error, not the answer', async () => {
        install(orgAs('agent'));
        await expect(apexMethod('LiveAgentDashboardController.getAgents')()).rejects.toMatchObject({
            status: 500,
            body: {
                message: "You do not have access to the Apex class named 'LiveAgentDashboardController'."
            }
        });
        install(orgAs('agent'));
        await expect(apexMethod('LiveAgentDashboardController.getAgents')()).rejects.toMatchObject({
            body: {
                message: "You do not have access to the Apex class named 'LiveAgentDashboardController'."
            }
        });
    });

    it('the agent gets the statuses and the supervisor the agents with the real permission sets', async () => {
        install(orgAs('agent'));
        const statuses = (await apexMethod('PresenceStatusController.getStatuses')()) as unknown[];
        expect(statuses.length).toBeGreaterThan(0);
        install(orgAs('supervisor'));
        const dashboard = (await apexMethod('LiveAgentDashboardController.getAgents')()) as {
            agents: unknown[];
        };
        // the 20 generated agents and the org's own agent (Ada's settings record of a Call Center Setup)
        expect(dashboard.agents).toHaveLength(21);
    });

    it("the sync health needs the supervisor's read access on its fields (user mode)", async () => {
        const withoutHealth = permissionSetXml('PresenceSyncSupervisor').replace(
            /\s*<fieldPermissions>\s*<editable>false<\/editable>\s*<field>PresenceSyncUserSetting__c\.SyncHealth__c<\/field>\s*<readable>true<\/readable>\s*<\/fieldPermissions>/,
            ''
        );
        expect(withoutHealth).not.toContain('SyncHealth__c');
        install(orgAs('supervisor', { PresenceSyncSupervisor: withoutHealth }));
        await expect(apexMethod('LiveAgentDashboardController.getAgents')()).rejects.toMatchObject({
            body: { message: expect.stringMatching(/^No such column 'SyncHealth__c'/) }
        });
    });

    it('ServicePresenceStatus.DeveloperName WITH USER_MODE needs View Setup or View DeveloperName', () => {
        const source = readSource('force-app/main/default/classes/PresenceStatusController.cls');
        const userMode = parseApexClass(
            'PresenceStatusController',
            source.replace(/WITH SYSTEM_MODE/g, 'WITH USER_MODE')
        );
        const agent = orgAs('agent');
        const snapshot = { ...agent, apexClasses: { PresenceStatusController: userMode } };
        expect(
            apexAccessFailure(snapshot, new Access(agent), 'PresenceStatusController.getStatuses')
        ).toMatchObject({
            exceptionType: 'System.QueryException',
            message: expect.stringMatching(
                /^No such column 'DeveloperName' on entity 'ServicePresenceStatus'/
            )
        });
        const viewSetup = permissionSetXml('PresenceSyncAgent').replace(
            '<hasActivationRequired>',
            '<userPermissions><enabled>true</enabled><name>ViewSetup</name></userPermissions>\n    <hasActivationRequired>'
        );
        const withViewSetup = orgAs('agent', { PresenceSyncAgent: viewSetup });
        expect(
            apexAccessFailure(
                { ...withViewSetup, apexClasses: { PresenceStatusController: userMode } },
                new Access(withViewSetup),
                'PresenceStatusController.getStatuses'
            )
        ).toBeNull();
    });

    it('a user-mode query fails on a field the permission set does not grant', async () => {
        const noEntra = withoutFieldPermission(
            permissionSetXml('PresenceSyncSupervisor'),
            'PresenceSyncUserSetting__c.EntraObjectId__c'
        );
        install(orgAs('supervisor', { PresenceSyncSupervisor: noEntra }));
        await expect(apexMethod('LiveAgentDashboardController.getAgents')()).rejects.toMatchObject({
            body: {
                exceptionType: 'System.QueryException',
                message: expect.stringMatching(
                    /^No such column 'EntraObjectId__c' on entity 'PresenceSyncUserSetting__c'/
                )
            }
        });
        const noSetupLink = withoutFieldPermission(
            permissionSetXml('PresenceSyncSupervisor'),
            'PresenceSyncUserSetting__c.CallCenterSetup__c'
        );
        install(orgAs('supervisor', { PresenceSyncSupervisor: noSetupLink }));
        await expect(apexMethod('LiveAgentDashboardController.getAgents')()).rejects.toMatchObject({
            body: {
                message: expect.stringMatching(
                    /^No such column 'CallCenterSetup__c' on entity 'PresenceSyncUserSetting__c'/
                )
            }
        });
    });
});

describe('Apex source: the SOQL of the classes as written', () => {
    it('a user-mode query in a class the entry class calls is checked too', () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'apex-'));
        mkdirSync(path.join(dir, 'classes'));
        writeFileSync(
            path.join(dir, 'classes/LiveAgentDashboardController.cls'),
            'public with sharing class LiveAgentDashboardController { @AuraEnabled public static Object getAgents() { return DashboardReader.read(); } }'
        );
        writeFileSync(
            path.join(dir, 'classes/DashboardReader.cls'),
            'public inherited sharing class DashboardReader { public static Object read() { return [SELECT Office365Email__c FROM PresenceSyncUserSetting__c WITH USER_MODE]; } }'
        );
        const apexClasses = readApexClasses(dir);
        expect(apexClasses.LiveAgentDashboardController.references).toEqual(['DashboardReader']);
        const supervisor = orgAs('supervisor');
        expect(
            apexAccessFailure(
                { ...supervisor, apexClasses },
                new Access(supervisor),
                'LiveAgentDashboardController.getAgents'
            )
        ).toMatchObject({
            message: expect.stringMatching(
                /^No such column 'Office365Email__c' on entity 'PresenceSyncUserSetting__c'/
            ),
            stackTrace: 'Class.DashboardReader: line 1, column 1'
        });
    });

    it('reads objects, fields, modes and the sharing keyword of the real classes', () => {
        const dashboard = orgAs('supervisor').apexClasses.LiveAgentDashboardController;
        expect(dashboard.sharing).toBe('with');
        expect(dashboard.queries.map((q) => [q.object, q.mode])).toEqual([
            ['CallCenterSetup__c', 'user'],
            ['PresenceSyncUserSetting__c', 'user'],
            ['UserServicePresence', 'system']
        ]);
        expect(dashboard.queries[1].fields).toEqual([
            'OwnerId',
            'Owner.Name',
            'CallCenterSetup__c',
            'EntraObjectId__c',
            'SyncHealth__c',
            'SyncHeartbeatAt__c',
            'LastSuccessfulSyncAt__c',
            'Owner.Type'
        ]);
    });

    it('attributes a query to its inner class and that class’s sharing keyword', () => {
        const model = parseApexClass(
            'Outer',
            `public with sharing class Outer {
                // [SELECT Id FROM Commented__c]
                static String s = '[SELECT Id FROM Quoted__c]';
                public static void run() { List<A__c> a = [SELECT Id, B__c FROM A__c WHERE C__c = :x AND D__c = 'y' WITH USER_MODE]; }
                private without sharing class Reader {
                    List<UserServicePresence> read() { return [SELECT UserId FROM UserServicePresence WITH SYSTEM_MODE ORDER BY StatusStartDate DESC]; }
                }
            }`
        );
        expect(model.queries).toEqual([
            expect.objectContaining({
                object: 'A__c',
                fields: ['Id', 'B__c', 'C__c', 'D__c'],
                mode: 'user',
                className: 'Outer',
                sharing: 'with',
                line: 4
            }),
            expect.objectContaining({
                object: 'UserServicePresence',
                fields: ['UserId', 'StatusStartDate'],
                mode: 'system',
                className: 'Reader',
                sharing: 'without'
            })
        ]);
    });
});

describe('Omni-Channel statuses (servicePresenceStatusAccesses)', () => {
    it('the agent can use only the statuses their permission set gives access to', async () => {
        const toolkitFor = (snapshot: ReturnType<typeof orgAs>) => {
            const access = new Access(snapshot);
            return new FakeOmniToolkit(snapshot.servicePresenceStatuses, (name) =>
                access.servicePresenceStatus(name)
            );
        };
        const real = orgAs('agent');
        const beRightBack = real.servicePresenceStatuses.find((s) => s.DeveloperName === 'Be_Right_Back');
        expect(beRightBack).toBeDefined();
        await expect(
            toolkitFor(real).setServicePresenceStatus({ statusId: beRightBack?.Id })
        ).resolves.toMatchObject({ statusApiName: 'Be_Right_Back' });
        const without = orgAs('agent', {
            PresenceSyncAgent: withoutBlock(
                permissionSetXml('PresenceSyncAgent'),
                'servicePresenceStatusAccesses',
                '<servicePresenceStatus>Be_Right_Back</servicePresenceStatus>'
            )
        });
        const toolkit = toolkitFor(without);
        expect(toolkit.statuses.map((s) => s.statusApiName)).not.toContain('Be_Right_Back');
        expect(toolkit.statuses.map((s) => s.statusApiName)).toContain('Available');
        await expect(toolkit.setServicePresenceStatus({ statusId: beRightBack?.Id })).rejects.toThrow(
            'Invalid status id'
        );
    });
});

describe('Visualforce page access (session of the harness site)', () => {
    type Filter = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

    function session(snapshots: Parameters<typeof installSession>[1]['snapshots']) {
        const filters: Record<string, Filter> = {};
        installSession(
            {
                urls: { lightning: 'https://acme.lightning.force.localhost:8443' } as never,
                intercept: (host, filter) => {
                    filters[host] = filter as Filter;
                    return () => undefined;
                }
            },
            { pages: { '/console': 'agent' }, snapshots }
        );
        return filters;
    }

    function request(filter: Filter, path: string, cookie?: string) {
        const out = { handled: false, status: 0, body: '', headers: {} as Record<string, unknown> };
        const res = {
            setHeader: (k: string, v: unknown) => (out.headers[k] = v),
            writeHead: (status: number) => (out.status = status),
            end: (body: string) => (out.body = body)
        } as unknown as ServerResponse;
        const req = { headers: cookie ? { cookie } : {} } as IncomingMessage;
        out.handled = filter(req, res, new URL(`https://host${path}`));
        return out;
    }

    it('a console page starts the agent session on the whole site; the bridge page checks page access', () => {
        const filters = session({ agent: orgAs('agent') });
        const page = request(filters.lightning, '/console');
        expect(page.handled).toBe(false);
        expect(page.headers['Set-Cookie']).toEqual([
            `${SESSION_COOKIE}=agent; Domain=force.localhost; Path=/; Secure; HttpOnly; SameSite=None`,
            `${LANGUAGE_COOKIE}=en; Domain=force.localhost; Path=/; Secure; HttpOnly; SameSite=None`
        ]);
        expect(request(filters.lightning, '/console?lang=de').headers['Set-Cookie']).toContain(
            `${LANGUAGE_COOKIE}=de; Domain=force.localhost; Path=/; Secure; HttpOnly; SameSite=None`
        );
        expect(request(filters.visualforce, '/apex/TeamsBridge', `${SESSION_COOKIE}=agent`).handled).toBe(
            false
        );
        const noSession = request(filters.visualforce, '/apex/TeamsBridge');
        expect([noSession.handled, noSession.status]).toEqual([true, 401]);
    });

    it('a user without page access gets the Insufficient Privileges page', () => {
        const noPage = withoutBlock(
            permissionSetXml('PresenceSyncAgent'),
            'pageAccesses',
            '<apexPage>TeamsBridge</apexPage>'
        );
        const filters = session({ agent: orgAs('agent', { PresenceSyncAgent: noPage }) });
        const denied = request(filters.visualforce, '/apex/TeamsBridge', `${SESSION_COOKIE}=agent`);
        expect(denied.handled).toBe(true);
        expect(denied.body).toContain(INSUFFICIENT_PRIVILEGES.title);
        expect(denied.body).toContain(INSUFFICIENT_PRIVILEGES.message);
    });
});
