import { checkDataPlans, findDataPlans } from '../metadata/data-plan';
import { formatIssue } from '../metadata/issues';
import { readObjectDefinitions } from '../metadata/objects';
import { readPackageDirs } from '../metadata/tree';
import { FixtureProject, OBJECTS } from './helpers/fixture';

let project: FixtureProject;

beforeEach(() => {
    project = new FixtureProject();
});

afterEach(() => {
    project.dispose();
});

function messages(): string[] {
    const objects = readObjectDefinitions(readPackageDirs(project.root));
    return checkDataPlans(findDataPlans(project.root), objects, project.root).issues.map(formatIssue);
}

function writeWidgets(...records: Record<string, unknown>[]): void {
    const full = records.map((r, i) => ({
        attributes: { type: 'Widget__c', referenceId: `Widget${i + 1}` },
        Name: `Widget ${i + 1}`,
        Gadget__c: '@Gadget1',
        ...r
    }));
    project.write('data/Widget__c.json', JSON.stringify({ records: full }, null, 4));
}

function writePlan(plan: unknown): void {
    project.write('data/widgets-plan.json', JSON.stringify(plan, null, 4));
}

describe('data plan check', () => {
    it('accepts the clean fixture plan', () => {
        const objects = readObjectDefinitions(readPackageDirs(project.root));
        const result = checkDataPlans(findDataPlans(project.root), objects, project.root);
        expect(result.issues).toEqual([]);
        expect(result.records).toBe(2);
        expect(objects.get('Widget__c')?.fields.get('Kind__c')?.values).toEqual(['Session', 'Preferred']);
    });

    it('reports a picklist value the field does not define, listing the defined ones', () => {
        project.edit('data/Widget__c.json', (t) => t.replace('"Session"', '"Sesion"'));
        expect(messages()).toEqual([
            'data/Widget__c.json: record Widget1 field Kind__c: picklist value "Sesion" is not defined on ' +
                'Widget__c.Kind__c (Session, Preferred)'
        ]);
    });

    it('checks each value of a multi-select picklist', () => {
        project.edit(`${OBJECTS}/Widget__c/fields/Kind__c.field-meta.xml`, (t) =>
            t.replace(
                '<type>Picklist</type>',
                '<type>MultiselectPicklist</type><visibleLines>4</visibleLines>'
            )
        );
        writeWidgets({ Kind__c: 'Session;Preferred' }, { Kind__c: 'Session;Other' });
        expect(messages()).toEqual([
            'data/Widget__c.json: record Widget2 field Kind__c: picklist value "Other" is not defined on ' +
                'Widget__c.Kind__c (Session, Preferred)'
        ]);
    });

    it('reads the values of a global value set', () => {
        project.edit(`${OBJECTS}/Widget__c/fields/Kind__c.field-meta.xml`, (t) =>
            t.replace(
                /<valueSet>[\s\S]*<\/valueSet>/,
                '<valueSet><valueSetName>Kinds</valueSetName></valueSet>'
            )
        );
        project.write(
            'force-app/main/default/globalValueSets/Kinds.globalValueSet-meta.xml',
            '<?xml version="1.0" encoding="UTF-8"?>\n<GlobalValueSet xmlns="http://soap.sforce.com/2006/04/metadata">' +
                '<customValue><fullName>Clear</fullName><default>false</default><label>Clear</label></customValue>' +
                '<masterLabel>Kinds</masterLabel><sorted>false</sorted></GlobalValueSet>\n'
        );
        expect(messages()).toEqual([
            'data/Widget__c.json: record Widget1 field Kind__c: picklist value "Session" is not defined on ' +
                'Widget__c.Kind__c (Clear)'
        ]);
    });

    it('reports a field the object does not define, with a case hint', () => {
        writeWidgets({ Colour__c: 'red' }, { kind__c: 'Session' });
        expect(messages()).toEqual([
            'data/Widget__c.json: record Widget1 field Colour__c: Widget__c has no field Colour__c',
            'data/Widget__c.json: record Widget2 field kind__c: Widget__c has no field kind__c (did you mean Kind__c?)'
        ]);
    });

    it('reports an object that does not exist and a record file that does not exist', () => {
        writePlan([
            { sobject: 'Gizmo__c', saveRefs: false, resolveRefs: false, files: ['Gizmo__c.json'] },
            { sobject: 'Gadget__c', saveRefs: true, resolveRefs: false, files: ['Gadgets.json'] }
        ]);
        expect(messages()).toEqual([
            'data/widgets-plan.json: entry 1: sobject Gizmo__c is not defined (no objects/Gizmo__c/Gizmo__c.object-meta.xml)',
            'data/widgets-plan.json: entry 2: file Gadgets.json does not exist'
        ]);
    });

    it('reports references that are not saved, not resolved, or of the wrong object', () => {
        writePlan([
            { sobject: 'Gadget__c', saveRefs: true, resolveRefs: false, files: ['Gadget__c.json'] },
            { sobject: 'Widget__c', saveRefs: true, resolveRefs: true, files: ['Widget__c.json'] },
            { sobject: 'Widget__c', saveRefs: false, resolveRefs: false, files: ['More.json'] }
        ]);
        writeWidgets({ Gadget__c: '@Gadget9' }, { Gadget__c: '@Widget1' });
        project.write(
            'data/More.json',
            JSON.stringify({
                records: [
                    { attributes: { type: 'Widget__c', referenceId: 'Widget3' }, Gadget__c: '@Gadget1' }
                ]
            })
        );
        expect(messages()).toEqual([
            'data/Widget__c.json: record Widget1 field Gadget__c: reference "@Gadget9" is not saved by an earlier plan entry (saveRefs)',
            'data/Widget__c.json: record Widget2 field Gadget__c: reference "@Widget1" is not saved by an earlier plan entry (saveRefs)',
            'data/More.json: record Widget3 field Gadget__c: reference "@Gadget1" needs "resolveRefs": true on this plan entry'
        ]);
    });

    it('reports a reference to a record of another object', () => {
        writePlan([
            { sobject: 'Widget__c', saveRefs: true, resolveRefs: false, files: ['First.json'] },
            { sobject: 'Widget__c', saveRefs: false, resolveRefs: true, files: ['Widget__c.json'] }
        ]);
        project.write(
            'data/First.json',
            JSON.stringify({
                records: [{ attributes: { type: 'Widget__c', referenceId: 'Gadget1' }, Name: 'x' }]
            })
        );
        expect(messages()).toEqual([
            'data/Widget__c.json: record Widget1 field Gadget__c: reference "@Gadget1" is a Widget__c, but Gadget__c refers to Gadget__c'
        ]);
    });

    it('reports record attributes that do not match the plan', () => {
        project.write(
            'data/Widget__c.json',
            JSON.stringify({
                records: [{ attributes: { type: 'Gadget__c' }, Name: 'x', Gadget__c: '@Gadget1' }]
            })
        );
        expect(messages()).toEqual([
            'data/Widget__c.json: record #1: attributes.referenceId is missing',
            'data/Widget__c.json: record #1: attributes.type "Gadget__c" does not match the plan\'s sobject Widget__c'
        ]);
    });

    it('checks nested child records through the child relationship', () => {
        writePlan([{ sobject: 'Gadget__c', saveRefs: true, resolveRefs: false, files: ['Gadget__c.json'] }]);
        const child = (kind: string) => ({
            attributes: { type: 'Widget__c', referenceId: `W${kind}` },
            Kind__c: kind
        });
        project.write(
            'data/Gadget__c.json',
            JSON.stringify({
                records: [
                    {
                        attributes: { type: 'Gadget__c', referenceId: 'Gadget1' },
                        Name: 'g',
                        Widgets__r: { records: [child('Session'), child('Nope')] },
                        Gizmos__r: { records: [] }
                    }
                ]
            })
        );
        expect(messages()).toEqual([
            'data/Gadget__c.json: record WNope field Kind__c: picklist value "Nope" is not defined on ' +
                'Widget__c.Kind__c (Session, Preferred)',
            'data/Gadget__c.json: record Gadget1: Gadget__c has no child relationship Gizmos__r'
        ]);
    });

    it('reports files that are not a plan or not records, and invalid JSON', () => {
        project.write('data/other-plan.json', '{"sobject": "Gadget__c"}');
        project.write('data/broken-plan.json', '[{"sobject": ');
        project.write('data/Gadget__c.json', '{"rows": []}');
        writePlan([
            { sobject: 'Gadget__c', saveRefs: true, files: ['Gadget__c.json'] },
            { saveRefs: true, files: [] },
            { sobject: 'Widget__c', files: 'Widget__c.json' }
        ]);
        const found = messages();
        expect(found[0]).toMatch(/^data\/broken-plan.json: invalid JSON: /);
        expect(found.slice(1)).toEqual([
            'data/other-plan.json: a data plan is an array of {"sobject", "saveRefs", "resolveRefs", "files"}',
            'data/Gadget__c.json: expected {"records": [...]}',
            'data/widgets-plan.json: entry 2: "sobject" is missing',
            'data/widgets-plan.json: entry 3: "files" must be an array of record file names'
        ]);
    });

    it('reports a referenceId saved twice', () => {
        writePlan([
            {
                sobject: 'Gadget__c',
                saveRefs: true,
                resolveRefs: false,
                files: ['Gadget__c.json', 'Gadget__c.json']
            }
        ]);
        expect(messages()).toEqual(['data/widgets-plan.json: entry 1: referenceId "Gadget1" is saved twice']);
    });

    it('finds no plan when there is no data folder', () => {
        project.remove('data');
        expect(findDataPlans(project.root)).toEqual([]);
    });
});
