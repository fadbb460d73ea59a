import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DELIVERED_CONFIGURATIONS } from '../../force-app/main/default/lwc/presenceSyncDefaults/presenceSyncDefaults';
import { buildDataPlan, renderDataFiles } from '../generate-data-plan';

const DATA = path.resolve(__dirname, '..', '..', 'data');
const read = (name: string): string => readFileSync(path.join(DATA, name), 'utf8');

describe('generate-data-plan', () => {
    it('the committed data files are exactly what DELIVERED_CONFIGURATIONS generates (no drift)', () => {
        const files = renderDataFiles(DELIVERED_CONFIGURATIONS);
        expect(Object.keys(files).sort()).toEqual([
            'PresenceStateConfiguration__c.json',
            'PresenceStateLabel__c.json',
            'presence-configurations-plan.json'
        ]);
        for (const [name, content] of Object.entries(files)) {
            expect({ name, content: read(name) }).toEqual({ name, content });
        }
    });

    it('links each row to its configuration, omits null fields and the relationship', () => {
        const plan = buildDataPlan([
            {
                Name: 'A',
                AzureClientId__c: null,
                PresenceStateLabels__r: { records: [{ Name: 'r', PhoneReasonCode__c: null }] }
            },
            { Name: 'B', PresenceStateLabels__r: null }
        ]);
        expect(plan['PresenceStateConfiguration__c.json']).toEqual({
            records: [
                {
                    attributes: {
                        type: 'PresenceStateConfiguration__c',
                        referenceId: 'PresenceStateConfiguration1'
                    },
                    Name: 'A'
                },
                {
                    attributes: {
                        type: 'PresenceStateConfiguration__c',
                        referenceId: 'PresenceStateConfiguration2'
                    },
                    Name: 'B'
                }
            ]
        });
        expect(plan['PresenceStateLabel__c.json']).toEqual({
            records: [
                {
                    attributes: { type: 'PresenceStateLabel__c', referenceId: 'PresenceStateLabel1_1' },
                    PresenceStateConfiguration__c: '@PresenceStateConfiguration1',
                    Name: 'r'
                }
            ]
        });
    });
});
