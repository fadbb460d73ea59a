/**
 * The `graphql` wire adapter of the harness behaves like Lightning Data Service's: a changed record in
 * the result is emitted again, but which records match is re-evaluated only by `refresh()`
 * ("Update Cached Query Results", GraphQL API Developer Guide).
 */
import { buildOrgSnapshot } from '../../lwc/orgMetadata';
import { AGENT } from '../constants';
import { gql, graphql, type GraphqlValue } from '../graphql';
import { installRuntime, notifyRecordChange, roundTrip, runtime } from '../runtime';

const QUERY = gql`
    query settings {
        uiapi {
            query {
                PresenceSyncUserSetting__c(first: 10) {
                    edges {
                        node {
                            Id
                            Office365Email__c {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;

function emails(value: GraphqlValue): (string | null)[] {
    const data = value.data as {
        uiapi: {
            query: {
                PresenceSyncUserSetting__c: {
                    edges: { node: { Office365Email__c: { value: string | null } } }[];
                };
            };
        };
    };
    return data.uiapi.query.PresenceSyncUserSetting__c.edges.map((e) => e.node.Office365Email__c.value);
}

/** Resolves once the harness's simulated round trips queued so far (and this one) have run. */
const afterRoundTrips = () => roundTrip().then(roundTrip);

describe('lightning/graphql fake: the wire adapter', () => {
    beforeEach(() => {
        installRuntime(buildOrgSnapshot({ clientId: 'c', tenantId: 't' }), { latencyMs: 0 });
    });

    it('re-emits a changed record, not a newly matching one until refresh', async () => {
        const emitted: GraphqlValue[] = [];
        const adapter = new graphql((value) => emitted.push(value));
        adapter.connect();
        adapter.update({ query: QUERY });
        await afterRoundTrips();
        expect(emitted.map(emails)).toEqual([[null]]);

        const org = runtime().org;
        const [setting] = org.records('PresenceSyncUserSetting__c');
        org.update(setting.Id, { Office365Email__c: 'ada.agent@acme.example' });
        notifyRecordChange([setting.Id]);
        await afterRoundTrips();
        expect(emitted.map(emails)).toEqual([[null], ['ada.agent@acme.example']]);

        const created = org.create('PresenceSyncUserSetting__c', {
            Name: 'Ben Agent',
            UserKey__c: '005000000000002AAA',
            OwnerId: AGENT.Id,
            Office365Email__c: 'ben.agent@acme.example'
        });
        notifyRecordChange([created.Id]);
        await afterRoundTrips();
        expect(emitted).toHaveLength(2);

        await emitted[1].refresh();
        expect(emitted.map(emails)[2]?.sort()).toEqual(['ada.agent@acme.example', 'ben.agent@acme.example']);
        adapter.disconnect();
    });

    it('does not run a query of undefined (held back until its input is known)', async () => {
        const emitted: GraphqlValue[] = [];
        const adapter = new graphql((value) => emitted.push(value));
        adapter.connect();
        adapter.update({ query: undefined, variables: undefined });
        await afterRoundTrips();
        expect(emitted).toEqual([]);
        adapter.disconnect();
    });
});
