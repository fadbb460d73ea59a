import { DELIVERED_CONFIGURATIONS } from 'c/presenceSyncDefaults';
import {
    CONFIGURATION_OBJECT,
    LABEL_OBJECT,
    deliveredNames,
    missingConfigurations,
    recordCount,
    restoreConfigurations
} from '../restore';
import type { RecordApi, RestoreProgress } from '../restore';

const [PHONE, SWYX, THREE_CX] = DELIVERED_CONFIGURATIONS.map((c) => String(c.Name));

interface Created {
    apiName: string;
    fields: Record<string, unknown>;
}

/** createRecord/deleteRecord at the UI API boundary; `fail` decides which create rejects. */
function fakeApi(fail: (input: Created) => unknown = () => null, deleteFails = false) {
    const created: (Created & { id: string })[] = [];
    const deleted: string[] = [];
    let next = 0;
    const api: RecordApi = {
        createRecord: (input) => {
            const error = fail(input);
            if (error) return Promise.reject(error);
            next += 1;
            const id = `a0${next}`;
            created.push({ ...input, id });
            return Promise.resolve({ id });
        },
        deleteRecord: (id) => {
            if (deleteFails) return Promise.reject(new Error('delete failed'));
            deleted.push(id);
            return Promise.resolve();
        }
    };
    return { api, created, deleted };
}

const rowError = { body: { output: { errors: [{ message: 'bad picklist value' }], fieldErrors: {} } } };

describe('c-presence-authorization', () => {
    describe('restore delivered configurations', () => {
        it('names the three delivered configurations', () => {
            expect(deliveredNames()).toEqual([PHONE, SWYX, THREE_CX]);
        });

        it('lists only the delivered configurations whose Name does not exist (case-insensitive)', () => {
            expect(missingConfigurations([]).map((c) => c.Name)).toEqual([PHONE, SWYX, THREE_CX]);
            expect(missingConfigurations([SWYX.toUpperCase(), 'Something else']).map((c) => c.Name)).toEqual([
                PHONE,
                THREE_CX
            ]);
            expect(missingConfigurations([PHONE, SWYX, THREE_CX])).toEqual([]);
        });

        it('creates only the missing configurations, each with every label row of the single definition', async () => {
            const { api, created } = fakeApi();
            const missing = missingConfigurations([PHONE]);

            const results = await restoreConfigurations(missing, api, () => undefined, 'unknown');

            expect(results.map((r) => [r.configurationName, r.created])).toEqual([
                [SWYX, true],
                [THREE_CX, true]
            ]);
            const parents = created.filter((c) => c.apiName === CONFIGURATION_OBJECT);
            expect(parents.map((p) => p.fields.Name)).toEqual([SWYX, THREE_CX]);
            for (const [index, definition] of missing.entries()) {
                const rows = created.filter(
                    (c) =>
                        c.apiName === LABEL_OBJECT &&
                        c.fields.PresenceStateConfiguration__c === parents[index].id
                );
                const expected = definition.PresenceStateLabels__r?.records as Record<string, unknown>[];
                expect(rows.map((r) => r.fields.Name)).toEqual(expected.map((r) => r.Name));
                // fields are taken as defined; blank values and the relationship are not sent
                expect(rows[0].fields).toEqual(
                    Object.fromEntries([
                        ...Object.entries(expected[0]).filter(([, v]) => v !== null),
                        ['PresenceStateConfiguration__c', parents[index].id]
                    ])
                );
            }
            expect(parents[0].fields).not.toHaveProperty('PresenceStateLabels__r');
            expect(parents[0].fields).not.toHaveProperty('AzureClientId__c');
        });

        it('reports progress after every record up to the total', async () => {
            const { api } = fakeApi();
            const missing = missingConfigurations([PHONE, SWYX]);
            const seen: RestoreProgress[] = [];

            await restoreConfigurations(missing, api, (p) => seen.push(p), 'unknown');

            const total = recordCount(missing);
            expect(total).toBe(1 + (missing[0].PresenceStateLabels__r?.records as unknown[]).length);
            expect(seen[0]).toEqual({ done: 0, total, current: THREE_CX });
            expect(seen[seen.length - 1]).toEqual({ done: total, total, current: THREE_CX });
        });

        it('rolls back a configuration whose row fails, names the row, and still creates the others', async () => {
            let failedOnce = false;
            const { api, created, deleted } = fakeApi((input) => {
                if (failedOnce || input.apiName !== LABEL_OBJECT || input.fields.Name !== 'Busy') return null;
                failedOnce = true;
                return rowError;
            });

            const results = await restoreConfigurations(
                missingConfigurations([]),
                api,
                () => undefined,
                'unknown'
            );

            expect(results[0]).toEqual({
                configurationName: PHONE,
                created: false,
                message: null,
                rowFailures: [{ row: 3, rowName: 'Busy', message: 'bad picklist value' }],
                leftoverId: null
            });
            expect(deleted).toEqual([created[0].id]);
            expect(results.slice(1).map((r) => r.created)).toEqual([true, true]);
        });

        it('reports a configuration record that cannot be created, with the UI API message', async () => {
            const { api, created } = fakeApi((input) => {
                return input.apiName === CONFIGURATION_OBJECT
                    ? { body: { message: 'insufficient access' } }
                    : null;
            });

            const results = await restoreConfigurations(
                missingConfigurations([PHONE, SWYX]),
                api,
                () => undefined,
                'unknown'
            );

            expect(results).toEqual([
                {
                    configurationName: THREE_CX,
                    created: false,
                    message: 'insufficient access',
                    rowFailures: [],
                    leftoverId: null
                }
            ]);
            expect(created).toEqual([]);
        });

        it('names the record it could not remove after a row failed', async () => {
            const { api, created } = fakeApi((input) => {
                return input.apiName === LABEL_OBJECT && input.fields.Name === 'Away' ? rowError : null;
            }, true);

            const [result] = await restoreConfigurations(
                missingConfigurations([PHONE, SWYX]),
                api,
                () => undefined,
                'unknown'
            );

            expect(result.created).toBe(false);
            expect(result.leftoverId).toBe(created[0].id);
        });
    });
});
