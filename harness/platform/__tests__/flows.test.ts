/**
 * Least privilege, checked against the real flows: each user runs with only their real permission set
 * (read from force-app) and does what their component does, with the GraphQL queries read from the
 * component sources, the Apex the component calls, and the fields the component writes. A permission set
 * that loses a field permission a flow needs makes these tests fail with the platform's error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN, AGENT } from '../constants';
import { execute } from '../graphqlEval';
import { apexMethod } from '../scoped';
import type { OrgSnapshot } from '../types';
import { createRecord, getRecord, updateRecord } from '../uiRecordApi';
import {
    gqlQueries,
    install,
    orgAs,
    permissionSetXml,
    readSource,
    ROOT,
    withoutFieldPermission
} from './permissionFixtures';

const CONNECTOR_QUERIES = gqlQueries('force-app/main/default/lwc/presenceSyncConfig/queries.ts');
const AUTHORIZATION = 'force-app/main/default/lwc/presenceAuthorization/presenceAuthorization.ts';
const AUTHORIZATION_QUERIES = gqlQueries(AUTHORIZATION);

/** Custom fields a source file names (the fields the agent's save code writes). */
function customFieldsIn(file: string, object: string): string[] {
    const names = readSource(file).match(/\b\w+__c\b/g) ?? [];
    return [...new Set(names)].filter((n) => n !== object);
}

/** `@salesforce/schema/Object.Field` imports of a source file. */
function schemaImports(file: string): { object: string; field: string }[] {
    return [...readSource(file).matchAll(/@salesforce\/schema\/(\w+)\.(\w+)/g)].map((m) => ({
        object: m[1],
        field: m[2]
    }));
}

function dataPlan(object: string): Record<string, unknown>[] {
    const file = path.join(ROOT, 'data', `${object}.json`);
    const tree = JSON.parse(readFileSync(file, 'utf8')) as { records: Record<string, unknown>[] };
    return tree.records.map((record) =>
        Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'attributes'))
    );
}

type Result = ReturnType<typeof execute>;

function edges(result: Result, object: string): { node: Record<string, unknown> }[] {
    const data = result.data as {
        uiapi: { query: Record<string, { edges: { node: Record<string, unknown> }[] }> };
    };
    return data.uiapi.query[object].edges;
}

function failure(error: unknown): string {
    const body = (error as { body?: unknown }).body;
    return JSON.stringify(body ?? error);
}

function wireGetRecord(config: Record<string, unknown>): Promise<{ data?: unknown; error?: unknown }> {
    return new Promise((resolve) => {
        const adapter = new getRecord((value) => resolve(value));
        adapter.connect();
        adapter.update(config);
    });
}

/** The connector's start-up as the agent: settings, configuration, statuses; then its two writes. */
async function agentFlow(snapshot: OrgSnapshot): Promise<string[]> {
    const problems: string[] = [];
    const runtime = install(snapshot);
    const settings = execute(runtime.org, CONNECTOR_QUERIES.SETTINGS_QUERY, {
        userKey: AGENT.Id,
        ownerId: AGENT.Id
    });
    if (settings.errors) return settings.errors.map((e) => e.message);
    const node = edges(settings, 'PresenceSyncUserSetting__c')[0]?.node;
    const setup = node?.CallCenterSetup__r as Record<string, { value: string }> | null;
    const configurationId = setup?.PresenceStateConfiguration__c?.value;
    if (!configurationId) return ['the agent sees no configuration through their settings'];
    const configuration = execute(runtime.org, CONNECTOR_QUERIES.CONFIGURATION_QUERY, { configurationId });
    if (configuration.errors) return configuration.errors.map((e) => e.message);
    const rows = (
        edges(configuration, 'PresenceStateConfiguration__c')[0]?.node.PresenceStateLabels__r as {
            edges: unknown[];
        }
    ).edges;
    if (rows.length === 0) problems.push('the configuration shows no rows');
    await apexMethod('PresenceStatusController.getStatuses')().catch((e: unknown) =>
        problems.push(failure(e))
    );
    // the tenant size for the poll budget, with the configuration's client id (authorized by the admin)
    runtime.org.update(configurationId, { AzureClientId__c: '11111111-2222-3333-4444-555555555555' });
    await apexMethod('PresenceSyncTenantController.countAgentsSharingApp')({
        azureClientId: '11111111-2222-3333-4444-555555555555'
    }).catch((e: unknown) => problems.push(failure(e)));
    // saveEmail / saveSignInIdentity: every custom field the save code names, on the agent's own record
    const fields = customFieldsIn(
        'force-app/main/default/lwc/presenceSyncConfig/save.ts',
        'PresenceSyncUserSetting__c'
    );
    const values: Record<string, unknown> = {
        UserKey__c: AGENT.Id,
        Office365Email__c: 'ada.agent@acme.example',
        EntraObjectId__c: '8f2c4e1a-6b3d-4c5e-9a7f-1d2e3f4a5b6c',
        EntraUserPrincipalName__c: 'ada.agent@acme.example'
    };
    for (const field of fields) {
        if (!(field in values)) problems.push(`the test has no value for ${field}`);
    }
    const id = node.Id as string;
    await updateRecord({
        fields: { Id: id, ...Object.fromEntries(fields.map((f) => [f, values[f]])) }
    }).catch((e: unknown) => problems.push(failure(e)));
    return problems;
}

/** The agent's first save when they have no settings record yet (createRecord). */
async function agentFirstSave(snapshot: OrgSnapshot): Promise<string[]> {
    snapshot.records.PresenceSyncUserSetting__c = [];
    install(snapshot);
    const problems: string[] = [];
    await createRecord({
        apiName: 'PresenceSyncUserSetting__c',
        fields: { Name: AGENT.Name, UserKey__c: AGENT.Id, Office365Email__c: 'ada.agent@acme.example' }
    }).catch((e: unknown) => problems.push(failure(e)));
    return problems;
}

/** The dashboard as the supervisor: the agents (Apex), then their configurations (the dashboard's query). */
async function supervisorFlow(snapshot: OrgSnapshot): Promise<string[]> {
    const runtime = install(snapshot);
    const problems: string[] = [];
    const dashboard = (await apexMethod('LiveAgentDashboardController.getAgents')().catch((e: unknown) => {
        problems.push(failure(e));
        return null;
    })) as { agents: { configurationId: string | null }[] } | null;
    const ids = new Set(
        (dashboard?.agents ?? []).map((a) => a.configurationId).filter((x): x is string => !!x)
    );
    if (dashboard && ids.size === 0) problems.push('no agent has a configuration');
    const result = execute(runtime.org, CONNECTOR_QUERIES.CONFIGURATIONS_QUERY, { ids: [...ids] });
    if (result.errors) problems.push(...result.errors.map((e) => e.message));
    else if (edges(result, 'PresenceStateConfiguration__c').length !== ids.size) {
        problems.push('the dashboard does not see every configuration of its agents');
    }
    return problems;
}

/** Authorize Meeting Application as the admin: the record, the user's email, validator, save, restore. */
async function adminFlow(snapshot: OrgSnapshot): Promise<string[]> {
    const runtime = install(snapshot);
    const problems: string[] = [];
    const recordId = snapshot.records.PresenceStateConfiguration__c[0].Id;
    const imports = schemaImports(AUTHORIZATION);
    for (const { object, field } of imports) {
        const read = await wireGetRecord({
            recordId: object === 'User' ? ADMIN.Id : recordId,
            fields: [`${object}.${field}`]
        });
        if (read.error) problems.push(`getRecord ${object}.${field}: ${failure(read.error)}`);
    }
    const validator = execute(runtime.org, AUTHORIZATION_QUERIES.CONFIGURATION_QUERY, { recordId });
    if (validator.errors) problems.push(...validator.errors.map((e) => e.message));
    const delivered = execute(runtime.org, AUTHORIZATION_QUERIES.DELIVERED_QUERY, { names: ['x'] });
    if (delivered.errors) problems.push(...delivered.errors.map((e) => e.message));
    const written = imports.filter((i) => i.object === 'PresenceStateConfiguration__c');
    await updateRecord({
        fields: {
            Id: recordId,
            ...Object.fromEntries(written.map((i, n) => [i.field, `0000000${n}-0000-4000-8000-000000000000`]))
        }
    }).catch((e: unknown) => problems.push(failure(e)));
    // restore delivered configurations: a configuration and its rows, with the delivered fields
    const configuration = dataPlan('PresenceStateConfiguration__c')[0];
    const created = await createRecord({
        apiName: 'PresenceStateConfiguration__c',
        fields: { ...configuration, Name: `${String(configuration.Name)} (restored)` }
    }).catch((e: unknown) => {
        problems.push(failure(e));
        return null;
    });
    const row = dataPlan('PresenceStateLabel__c')[0];
    if (created) {
        await createRecord({
            apiName: 'PresenceStateLabel__c',
            fields: { ...row, PresenceStateConfiguration__c: created.id }
        }).catch((e: unknown) => problems.push(failure(e)));
    }
    return problems;
}

beforeAll(() => {
    (globalThis as Record<string, unknown>).location = new URL(
        'https://acme.lightning.force.localhost/dashboard?agents=40'
    );
});

describe('each real flow works with only its real permission set', () => {
    it('agent (PresenceSyncAgent): settings, configuration, statuses and the settings writes', async () => {
        expect(await agentFlow(orgAs('agent'))).toEqual([]);
        expect(await agentFirstSave(orgAs('agent'))).toEqual([]);
    });

    it('supervisor (PresenceSyncSupervisor): the agents and their configurations', async () => {
        expect(await supervisorFlow(orgAs('supervisor'))).toEqual([]);
    });

    it('admin (PresenceSyncAdmin): the record page component reads, saves and restores', async () => {
        expect(await adminFlow(orgAs('admin'))).toEqual([]);
    });
});

describe('a permission set without a field permission its flow needs makes the flow fail', () => {
    it('agent without PresenceStateLabel__c.TeamsWriteKind__c: the configuration query is rejected', async () => {
        const xml = withoutFieldPermission(
            permissionSetXml('PresenceSyncAgent'),
            'PresenceStateLabel__c.TeamsWriteKind__c'
        );
        expect(await agentFlow(orgAs('agent', { PresenceSyncAgent: xml }))).toEqual([
            "Validation error (FieldUndefined@[uiapi/query/PresenceStateConfiguration__c/edges/node/PresenceStateLabels__r/edges/node/TeamsWriteKind__c]) : Field 'TeamsWriteKind__c' in type 'PresenceStateLabel__c' is undefined"
        ]);
    });

    it('agent without edit on PresenceSyncUserSetting__c.EntraObjectId__c: the sign-in identity is not saved', async () => {
        const xml = permissionSetXml('PresenceSyncAgent').replace(
            /(<editable>)true(<\/editable>\s*<field>PresenceSyncUserSetting__c\.EntraObjectId__c<\/field>)/,
            '$1false$2'
        );
        const problems = await agentFlow(orgAs('agent', { PresenceSyncAgent: xml }));
        expect(problems).toHaveLength(1);
        expect(problems[0]).toContain('Unable to create/update fields: EntraObjectId__c.');
    });

    it('supervisor without PresenceSyncUserSetting__c.EntraObjectId__c: the dashboard Apex throws', async () => {
        const xml = withoutFieldPermission(
            permissionSetXml('PresenceSyncSupervisor'),
            'PresenceSyncUserSetting__c.EntraObjectId__c'
        );
        const problems = await supervisorFlow(orgAs('supervisor', { PresenceSyncSupervisor: xml }));
        expect(problems).toHaveLength(1);
        expect(problems[0]).toContain(
            "No such column 'EntraObjectId__c' on entity 'PresenceSyncUserSetting__c'"
        );
    });

    it('admin without PresenceStateConfiguration__c.AzureTenantId__c: the record page cannot load it', async () => {
        const xml = withoutFieldPermission(
            permissionSetXml('PresenceSyncAdmin'),
            'PresenceStateConfiguration__c.AzureTenantId__c'
        );
        const problems = await adminFlow(orgAs('admin', { PresenceSyncAdmin: xml }));
        expect(problems).toEqual(
            expect.arrayContaining([
                expect.stringContaining('getRecord PresenceStateConfiguration__c.AzureTenantId__c'),
                expect.stringContaining(
                    "Field 'AzureTenantId__c' in type 'PresenceStateConfiguration__c' is undefined"
                ),
                expect.stringContaining('Unable to create/update fields: AzureTenantId__c.')
            ])
        );
    });
});
