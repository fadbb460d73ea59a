import { checkProject } from '../metadata/check';
import { formatIssue } from '../metadata/issues';
import { FixtureProject } from './helpers/fixture';

const GERMAN = 'force-app-de/main/default';
const LABELS_DE = `${GERMAN}/translations/de.translation-meta.xml`;
const WIDGET_DE = `${GERMAN}/objectTranslations/Widget__c-de`;
let project: FixtureProject;

beforeEach(() => {
    project = new FixtureProject();
    project.edit('sfdx-project.json', (t) =>
        t.replace('"default": true }', '"default": true }, { "path": "force-app-de" }')
    );
});

afterEach(() => {
    project.dispose();
});

async function messages(): Promise<string[]> {
    const result = await checkProject({ projectRoot: project.root, mdapiDir: project.path('dist/mdapi') });
    return result.issues.map(formatIssue);
}

const xml = (root: string, body: string) =>
    `<?xml version="1.0" encoding="UTF-8" ?>\n<${root} xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}\n</${root}>\n`;

const labelTranslation = (name: string) =>
    `<customLabels><label>Hallo</label><name>${name}</name></customLabels>`;

function germanLabels(...names: string[]): void {
    project.write(LABELS_DE, xml('Translations', names.map(labelTranslation).join('')));
}

function germanWidget(...fields: string[]): void {
    project.write(
        `${WIDGET_DE}/Widget__c-de.objectTranslation-meta.xml`,
        xml('CustomObjectTranslation', '<caseValues><plural>false</plural><value>Widget</value></caseValues>')
    );
    for (const field of fields) {
        project.write(
            `${WIDGET_DE}/fields/${field}.fieldTranslation-meta.xml`,
            xml('CustomFieldTranslation', `<label>Feld</label><name>${field}</name>`)
        );
    }
}

const ALL_FIELDS = ['Active__c', 'Gadget__c', 'Kind__c'];

describe('translations (check:metadata)', () => {
    it('passes complete German translations in their own package directory', async () => {
        germanLabels('Greeting');
        germanWidget(...ALL_FIELDS);
        expect(await messages()).toEqual([]);
    });

    it('fails a translation in the default package directory (German would block the English deploy)', async () => {
        project.write(
            'force-app/main/default/translations/de.translation-meta.xml',
            xml('Translations', labelTranslation('Greeting'))
        );
        const found = await messages();
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(
            /^force-app\/main\/default\/translations\/de\.translation-meta\.xml: Translations de is in the default package directory force-app: an org without Translation Workbench rejects it and with it the whole deploy; keep translations in their own package directory \(force-app-de\) \[Metadata API Developer Guide, Translations/
        );
    });

    it('fails a translation of a custom label the project does not define', async () => {
        germanLabels('Greeting', 'Farewell');
        const found = await messages();
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(
            new RegExp(
                `^${LABELS_DE}: translation \\(de\\) of custom label Farewell, which the project does not define: the de deploy would be rejected`
            )
        );
    });

    it('fails a custom label without its German translation', async () => {
        germanLabels('Greeting');
        project.edit('force-app/main/default/labels/CustomLabels.labels-meta.xml', (t) =>
            t.replace(
                '</CustomLabels>',
                '    <labels><fullName>Farewell</fullName><language>en_US</language><protected>false</protected>' +
                    '<shortDescription>Farewell</shortDescription><value>Bye</value></labels>\n</CustomLabels>'
            )
        );
        const found = await messages();
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(
            new RegExp(
                `^${LABELS_DE}: custom label Farewell has no de translation here \\(users of that language would see English\\)`
            )
        );
    });

    it('fails a field translation of a field the object does not define', async () => {
        germanLabels('Greeting');
        germanWidget(...ALL_FIELDS, 'Colour__c');
        const found = await messages();
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(
            new RegExp(
                `^${WIDGET_DE}/fields/Colour__c\\.fieldTranslation-meta\\.xml: translation \\(de\\) of field Widget__c\\.Colour__c, which the object does not define`
            )
        );
    });

    it('fails a custom field of a translated object without its translation', async () => {
        germanLabels('Greeting');
        germanWidget('Active__c', 'Kind__c');
        const found = await messages();
        expect(found).toEqual([
            expect.stringMatching(
                new RegExp(`^${WIDGET_DE}/fields: field Widget__c\\.Gadget__c has no de translation`)
            )
        ]);
    });
});
