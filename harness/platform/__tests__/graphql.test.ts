import { buildOrgSnapshot } from '../../lwc/orgMetadata';
import { AGENT, BROKEN_CONFIGURATION_NAME } from '../constants';
import { execute } from '../graphqlEval';
import { parse } from '../graphqlParser';
import { Org } from '../org';
import type { OrgSnapshot } from '../types';

const snapshot: OrgSnapshot = buildOrgSnapshot({ clientId: 'client-1', tenantId: 'tenant-1' });
const newOrg = () => new Org(snapshot);

// the shape of query presenceSyncConfig sends: the agent's settings, its setup, the configuration and its rows
const AGENT_CONFIGURATION = `
query agentConfiguration($userId: ID) {
    uiapi {
        query {
            PresenceSyncUserSetting__c(where: { UserKey__c: { eq: $userId } }, first: 1) {
                edges {
                    node {
                        Id
                        Office365Email__c { value }
                        CallCenterSetup__r {
                            Name { value }
                            PhoneSystem__c { value displayValue }
                            PresenceStateConfiguration__r {
                                Id
                                Name { value }
                                SyncDirection__c { value }
                                AzureClientId__c { value }
                                PollIntervalSeconds__c { value }
                                PresenceStateLabels__r(first: 200, orderBy: { Name: { order: ASC } }) {
                                    totalCount
                                    edges { node { SalesforceStatus__c { value } FromSalesforce__c { value } TeamsWriteKind__c { value displayValue } } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}`;

interface Node {
    Id: string;
    Office365Email__c: { value: string | null };
    CallCenterSetup__r: {
        Name: { value: string };
        PhoneSystem__c: { value: string; displayValue: string };
        PresenceStateConfiguration__r: {
            Name: { value: string };
            SyncDirection__c: { value: string };
            AzureClientId__c: { value: string };
            PollIntervalSeconds__c: { value: number };
            PresenceStateLabels__r: {
                totalCount: number;
                edges: {
                    node: {
                        SalesforceStatus__c: { value: string };
                        TeamsWriteKind__c: { displayValue: string };
                    };
                }[];
            };
        };
    } | null;
}

function firstNode(result: ReturnType<typeof execute>): Node {
    const data = result.data as { uiapi: { query: Record<string, { edges: { node: Node }[] }> } };
    return Object.values(data.uiapi.query)[0].edges[0].node;
}

describe('lightning/graphql fake: query evaluator', () => {
    it('answers the connector query from the delivered configuration assigned to the agent', () => {
        const result = execute(newOrg(), AGENT_CONFIGURATION, { userId: AGENT.Id });
        expect(result.errors).toBeUndefined();
        const node = firstNode(result);
        expect(node.Office365Email__c).toEqual({ value: null });
        const setup = node.CallCenterSetup__r;
        expect(setup?.Name.value).toBe('Phone System floor');
        expect(setup?.PhoneSystem__c).toEqual({ value: 'TAPI', displayValue: 'TAPI' });
        const configuration = setup?.PresenceStateConfiguration__r;
        expect(configuration?.Name.value).toBe('Phone System with MS-Teams - Presence State');
        expect(configuration?.SyncDirection__c.value).toBe('Bidirectional');
        expect(configuration?.AzureClientId__c.value).toBe('client-1');
        expect(configuration?.PollIntervalSeconds__c.value).toBe(2);
        const rows = configuration?.PresenceStateLabels__r;
        expect(rows?.totalCount).toBe(rows?.edges.length);
        const names = rows?.edges.map((e) => e.node.SalesforceStatus__c.value);
        expect(names).toEqual(expect.arrayContaining(['Available', 'On_a_Call', 'Busy', 'Away', 'Offline']));
        expect(rows?.edges[0].node.TeamsWriteKind__c.displayValue).toMatch(/\(/); // the picklist label
    });

    it('filters with variables, eq/in/like, relationship filters, first and cursors', () => {
        const org = newOrg();
        const q = (where: string, extra = '') =>
            execute(
                org,
                `query q($n: String) { uiapi { query { PresenceStateConfiguration__c(where: ${where} ${extra}) { totalCount edges { cursor node { Name { value } } } pageInfo { hasNextPage endCursor } } } } }`,
                { n: '3CX - Presence State' }
            );
        const names = (r: ReturnType<typeof execute>) =>
            (
                r.data as {
                    uiapi: {
                        query: {
                            PresenceStateConfiguration__c: { edges: { node: { Name: { value: string } } }[] };
                        };
                    };
                }
            ).uiapi.query.PresenceStateConfiguration__c.edges.map((e) => e.node.Name.value);
        expect(names(q('{ Name: { eq: $n } }'))).toEqual(['3CX - Presence State']);
        expect(names(q('{ Name: { like: "%MS-Teams%" } }'))).toHaveLength(2);
        expect(names(q('{ SyncDirection__c: { in: ["MeetingAppToSalesforce"] } }'))).toEqual([
            '3CX - Presence State'
        ]);
        expect(names(q('{ or: [{ Name: { eq: $n } }, { Name: { eq: "nothing" } }] }'))).toHaveLength(1);
        const page = q('{ MeetingApplication__c: { eq: "MS-Teams" } }', ', first: 2');
        const connection = (
            page.data as {
                uiapi: {
                    query: {
                        PresenceStateConfiguration__c: {
                            totalCount: number;
                            pageInfo: { hasNextPage: boolean; endCursor: string };
                        };
                    };
                };
            }
        ).uiapi.query.PresenceStateConfiguration__c;
        expect(connection.totalCount).toBe(4);
        expect(connection.pageInfo.hasNextPage).toBe(true);
        const rest = q(
            '{ MeetingApplication__c: { eq: "MS-Teams" } }',
            `, first: 2, after: "${connection.pageInfo.endCursor}"`
        );
        expect(names(rest)).toHaveLength(2);
        const viaParent = execute(
            org,
            '{ uiapi { query { CallCenterSetup__c(where: { PresenceStateConfiguration__r: { Name: { eq: "3CX - Presence State" } } }) { edges { node { Name { value } } } } } } }'
        );
        expect(JSON.stringify(viaParent.data)).toContain('3CX floor');
    });

    it('rejects an unknown field as the GraphQL API does, with the path and location', () => {
        const result = execute(
            newOrg(),
            '{ uiapi { query { CallCenterSetup__c { edges { node { Name { value }\n Foo__c { value } } } } } } }'
        );
        expect(result.data).toBeUndefined();
        expect(result.errors).toEqual([
            {
                message:
                    "Validation error (FieldUndefined@[uiapi/query/CallCenterSetup__c/edges/node/Foo__c]) : Field 'Foo__c' in type 'CallCenterSetup__c' is undefined",
                locations: [{ line: 2, column: 2 }],
                extensions: { classification: 'ValidationError' }
            }
        ]);
    });

    it('rejects unknown objects, missing or extra sub-selections, unknown arguments, undefined variables and filter fields', () => {
        const messages = (query: string) => (execute(newOrg(), query).errors ?? []).map((e) => e.message);
        expect(messages('{ uiapi { query { Nope__c { edges { node { Id } } } } } }')).toEqual([
            "Validation error (FieldUndefined@[uiapi/query/Nope__c]) : Field 'Nope__c' in type 'RecordQuery' is undefined"
        ]);
        expect(messages('{ uiapi { query { CallCenterSetup__c { edges { node { Name } } } } } }')[0]).toMatch(
            /^Validation error \(SubselectionRequired@\[uiapi\/query\/CallCenterSetup__c\/edges\/node\/Name\]\) : Sub selection required for type StringValue/
        );
        expect(
            messages('{ uiapi { query { CallCenterSetup__c { edges { node { Id { value } } } } } } }')[0]
        ).toMatch(/SubselectionNotAllowed/);
        expect(
            messages('{ uiapi { query { CallCenterSetup__c(limit: 3) { edges { node { Id } } } } } }')[0]
        ).toBe(
            "Validation error (UnknownArgument@[uiapi/query/CallCenterSetup__c]) : Unknown field argument 'limit'"
        );
        expect(
            messages(
                '{ uiapi { query { CallCenterSetup__c(where: { Name: { eq: $x } }) { edges { node { Id } } } } } }'
            )[0]
        ).toBe(
            "Validation error (UndefinedVariable@[uiapi/query/CallCenterSetup__c]) : Undefined variable 'x'"
        );
        expect(
            messages(
                '{ uiapi { query { CallCenterSetup__c(where: { Bogus__c: { eq: 1 } }) { edges { node { Id } } } } } }'
            )[0]
        ).toMatch(/contains a field not in 'CallCenterSetup__c_Filter': 'Bogus__c'/);
    });

    it('reports syntax errors and ignores mutations it does not model', () => {
        const syntax = execute(newOrg(), '{ uiapi { query { CallCenterSetup__c { edges { node { Id } } }');
        expect(syntax.errors?.[0].extensions.classification).toBe('InvalidSyntax');
        expect(syntax.errors?.[0].message).toMatch(/^Invalid Syntax : offending token '<EOF>'/);
        const mutation = execute(newOrg(), 'mutation m { uiapi { x } }');
        expect(mutation.errors?.[0].extensions.classification).toBe('OperationNotSupported');
    });

    it('supports aliases, fragments, __typename and @include', () => {
        const doc = parse(`
            query q($withName: Boolean = true) {
                uiapi { query { setups: CallCenterSetup__c(first: 1) { edges { node { __typename ...F } } } } }
            }
            fragment F on CallCenterSetup__c { Id label: Name @include(if: $withName) { value } }`);
        const result = execute(newOrg(), doc);
        expect(result.errors).toBeUndefined();
        const node = (
            result.data as { uiapi: { query: { setups: { edges: { node: Record<string, unknown> }[] } } } }
        ).uiapi.query.setups.edges[0].node;
        expect(node).toEqual({
            __typename: 'CallCenterSetup__c',
            Id: expect.any(String),
            label: { value: 'Phone System floor' }
        });
    });

    it('shows a private object only to its owner', () => {
        const other = { ...snapshot, user: { ...snapshot.user, Id: '005Hn0000000002IAA' } };
        const result = execute(
            new Org(other),
            '{ uiapi { query { PresenceSyncUserSetting__c { totalCount } } } }'
        );
        expect(result.data).toEqual({ uiapi: { query: { PresenceSyncUserSetting__c: { totalCount: 0 } } } });
    });

    it('holds the broken configuration next to the three delivered ones', () => {
        const result = execute(
            newOrg(),
            '{ uiapi { query { PresenceStateConfiguration__c { edges { node { Name { value } } } } } } }'
        );
        expect(JSON.stringify(result.data)).toContain(BROKEN_CONFIGURATION_NAME);
    });
});
