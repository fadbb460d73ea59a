import { checkProject } from '../metadata/check';
import { formatIssue } from '../metadata/issues';
import { nameProblem, shorten, valuesAt } from '../metadata/limits';
import { FixtureProject, LWC, OBJECTS } from './helpers/fixture';

const DEFAULT = 'force-app/main/default';
let project: FixtureProject;

beforeEach(() => {
    project = new FixtureProject();
});

afterEach(() => {
    project.dispose();
});

async function messages(): Promise<string[]> {
    const result = await checkProject({ projectRoot: project.root, mdapiDir: project.path('dist/mdapi') });
    return result.issues.map(formatIssue);
}

/** The optional German package directory, as the project has it (translations never in force-app). */
const GERMAN = 'force-app-de/main/default';
function germanPackageDir(): void {
    project.edit('sfdx-project.json', (t) =>
        t.replace('"default": true }', '"default": true }, { "path": "force-app-de" }')
    );
}

const text = (length: number, start = 'Planted') => start.padEnd(length, 'x');
const xml = (root: string, body: string) =>
    `<?xml version="1.0" encoding="UTF-8" ?>\n<${root} xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}\n</${root}>\n`;

/** One planted mistake: a file change, and what the report must say about it. */
interface Plant {
    name: string;
    plant(): void;
    file: string;
    says: RegExp;
}

const plants: Plant[] = [
    {
        name: 'PermissionSet description over 255',
        plant: () =>
            project.write(
                `${DEFAULT}/permissionsets/Widgets.permissionset-meta.xml`,
                xml('PermissionSet', `<description>${text(256)}</description><label>Widgets</label>`)
            ),
        file: `${DEFAULT}/permissionsets/Widgets.permissionset-meta.xml`,
        says: /PermissionSet description is 256 characters, over the platform limit of 255 \("Plantedx+…"\) \[limit 255; Metadata API Developer Guide, PermissionSet.*meta_permissionset\.htm\]/
    },
    {
        name: 'PermissionSet label over 80',
        plant: () =>
            project.write(
                `${DEFAULT}/permissionsets/Widgets.permissionset-meta.xml`,
                xml('PermissionSet', `<label>${text(81)}</label>`)
            ),
        file: `${DEFAULT}/permissionsets/Widgets.permissionset-meta.xml`,
        says: /PermissionSet label is 81 characters, over the platform limit of 80/
    },
    {
        name: 'LightningComponentBundle description over 255',
        plant: () =>
            project.edit(`${LWC}/hello/hello.js-meta.xml`, (t) =>
                t.replace('<isExposed>', `<description>${text(256)}</description>\n    <isExposed>`)
            ),
        file: `${LWC}/hello/hello.js-meta.xml`,
        says: /LightningComponentBundle description is 256 characters, over the platform limit of 255 .*LightningComponentBundle/
    },
    {
        name: 'AuraDefinitionBundle description over 255',
        plant: () =>
            project.edit(`${DEFAULT}/aura/helloHost/helloHost.cmp-meta.xml`, (t) =>
                t.replace('Hosts c-hello', text(256))
            ),
        file: `${DEFAULT}/aura/helloHost/helloHost.cmp-meta.xml`,
        says: /AuraDefinitionBundle description is 256 characters, over the platform limit of 255/
    },
    {
        name: 'CustomLabel shortDescription over 80 (the org: "MasterLabel maximum length is:80")',
        plant: () =>
            project.edit(`${DEFAULT}/labels/CustomLabels.labels-meta.xml`, (t) =>
                t.replace('<shortDescription>Greeting<', `<shortDescription>${text(81)}<`)
            ),
        file: `${DEFAULT}/labels/CustomLabels.labels-meta.xml`,
        says: /CustomLabels labels\[Greeting\]\.shortDescription is 81 characters, over the platform limit of 80 .*meta_customlabels\.htm/
    },
    {
        name: 'CustomLabel value over 1,000',
        plant: () =>
            project.edit(`${DEFAULT}/labels/CustomLabels.labels-meta.xml`, (t) =>
                t.replace('<value>Hello<', `<value>${text(1001)}<`)
            ),
        file: `${DEFAULT}/labels/CustomLabels.labels-meta.xml`,
        says: /labels\[Greeting\]\.value is 1001 characters, over the platform limit of 1000/
    },
    {
        name: 'CustomLabel API name with two consecutive underscores',
        plant: () =>
            project.edit(`${DEFAULT}/labels/CustomLabels.labels-meta.xml`, (t) =>
                t.replace('<fullName>Greeting<', '<fullName>Greeting__Text<')
            ),
        file: `${DEFAULT}/labels/CustomLabels.labels-meta.xml`,
        says: /labels\[Greeting__Text\]\.fullName "Greeting__Text" must not contain two consecutive underscores \[.*DeveloperName/
    },
    {
        name: 'CustomField label over 40',
        plant: () =>
            project.edit(`${OBJECTS}/Widget__c/fields/Kind__c.field-meta.xml`, (t) =>
                t.replace('<label>Kind</label>', `<label>${text(41)}</label>`)
            ),
        file: `${OBJECTS}/Widget__c/fields/Kind__c.field-meta.xml`,
        says: /CustomField label is 41 characters, over the platform limit of 40 .*CustomField/
    },
    {
        name: 'CustomField inlineHelpText over 510',
        plant: () =>
            project.edit(`${OBJECTS}/Widget__c/fields/Kind__c.field-meta.xml`, (t) =>
                t.replace(
                    '<label>Kind</label>',
                    `<inlineHelpText>${text(511)}</inlineHelpText><label>Kind</label>`
                )
            ),
        file: `${OBJECTS}/Widget__c/fields/Kind__c.field-meta.xml`,
        says: /CustomField inlineHelpText is 511 characters, over the platform limit of 510/
    },
    {
        name: 'CustomField description over 1,000',
        plant: () =>
            project.edit(`${OBJECTS}/Widget__c/fields/Kind__c.field-meta.xml`, (t) =>
                t.replace(
                    '<label>Kind</label>',
                    `<description>${text(1001)}</description><label>Kind</label>`
                )
            ),
        file: `${OBJECTS}/Widget__c/fields/Kind__c.field-meta.xml`,
        says: /CustomField description is 1001 characters, over the platform limit of 1000/
    },
    {
        name: 'picklist value label over 255',
        plant: () =>
            project.edit(`${OBJECTS}/Widget__c/fields/Kind__c.field-meta.xml`, (t) =>
                t.replace('<label>Preferred</label>', `<label>${text(256)}</label>`)
            ),
        file: `${OBJECTS}/Widget__c/fields/Kind__c.field-meta.xml`,
        says: /CustomField valueSet\.valueSetDefinition\.value\[Preferred\]\.label is 256 characters, over the platform limit of 255 .*picklist/
    },
    {
        name: 'CustomField API name over 40 characters without __c',
        plant: () =>
            project.write(
                `${OBJECTS}/Widget__c/fields/${text(41, 'Long')}__c.field-meta.xml`,
                xml(
                    'CustomField',
                    `<fullName>${text(41, 'Long')}__c</fullName><label>Long</label><type>Checkbox</type><defaultValue>false</defaultValue>`
                )
            ),
        file: `${OBJECTS}/Widget__c/fields/${text(41, 'Long')}__c.field-meta.xml`,
        says: /CustomField API name "Longx+__c" is 41 characters without __c, over the platform limit of 40 .*000381913/
    },
    {
        name: 'CustomObject label and pluralLabel over 40',
        plant: () =>
            project.edit(`${OBJECTS}/Widget__c/Widget__c.object-meta.xml`, (t) =>
                t.replace('<pluralLabel>Widgets<', `<pluralLabel>${text(41)}<`)
            ),
        file: `${OBJECTS}/Widget__c/Widget__c.object-meta.xml`,
        says: /CustomObject pluralLabel is 41 characters, over the platform limit of 40 .*CustomObject/
    },
    {
        name: 'ValidationRule errorMessage over 255',
        plant: () =>
            project.write(
                `${OBJECTS}/Widget__c/validationRules/KindSet.validationRule-meta.xml`,
                xml(
                    'ValidationRule',
                    '<fullName>KindSet</fullName><active>true</active>' +
                        `<errorConditionFormula>ISBLANK(TEXT(Kind__c))</errorConditionFormula><errorMessage>${text(256)}</errorMessage>`
                )
            ),
        file: `${OBJECTS}/Widget__c/validationRules/KindSet.validationRule-meta.xml`,
        says: /ValidationRule errorMessage is 256 characters, over the platform limit of 255 .*ValidationRule/
    },
    {
        name: 'CspTrustedSite description over 255',
        plant: () => {
            // an LWC that calls the site, so context LEX is as narrow as its use
            project.edit(
                `${LWC}/hello/hello.ts`,
                (t) => `${t}\nexport const API = 'https://example.com/v1';\n`
            );
            project.write(
                `${DEFAULT}/cspTrustedSites/Example.cspTrustedSite-meta.xml`,
                xml(
                    'CspTrustedSite',
                    `<context>LEX</context><description>${text(256)}</description>` +
                        '<endpointUrl>https://example.com</endpointUrl><isActive>true</isActive>' +
                        '<isApplicableToConnectSrc>true</isApplicableToConnectSrc>'
                )
            );
        },
        file: `${DEFAULT}/cspTrustedSites/Example.cspTrustedSite-meta.xml`,
        says: /CspTrustedSite description is 256 characters, over the platform limit of 255 .*CspTrustedSite/
    },
    {
        name: 'translated custom label over 1,000',
        plant: () => {
            germanPackageDir();
            project.write(
                `${GERMAN}/translations/de.translation-meta.xml`,
                xml(
                    'Translations',
                    `<customLabels><label>${text(1001)}</label><name>Greeting</name></customLabels>`
                )
            );
        },
        file: `${GERMAN}/translations/de.translation-meta.xml`,
        says: /Translations customLabels\[Greeting\]\.label is 1001 characters, over the platform limit of 1000 .*Translations/
    },
    {
        name: 'translated field label over 40',
        plant: () => {
            germanPackageDir();
            project.write(
                `${GERMAN}/objectTranslations/Widget__c-de/Widget__c-de.objectTranslation-meta.xml`,
                xml(
                    'CustomObjectTranslation',
                    '<caseValues><plural>false</plural><value>Widget</value></caseValues>'
                )
            );
            project.write(
                `${GERMAN}/objectTranslations/Widget__c-de/fields/Kind__c.fieldTranslation-meta.xml`,
                xml('CustomFieldTranslation', `<label>${text(41)}</label><name>Kind__c</name>`)
            );
        },
        file: `${GERMAN}/objectTranslations/Widget__c-de/fields/Kind__c.fieldTranslation-meta.xml`,
        says: /CustomFieldTranslation label is 41 characters, over the platform limit of 40/
    },
    {
        name: 'LWC bundle name that ends with an underscore',
        plant: () => {
            project.write(`${LWC}/widget_/widget_.ts`, 'export const widget = 1;\n');
            project.write(
                `${LWC}/widget_/widget_.js-meta.xml`,
                xml('LightningComponentBundle', '<apiVersion>62.0</apiVersion><isExposed>false</isExposed>')
            );
        },
        file: `${LWC}/widget_/widget_.js-meta.xml`,
        says: /LightningComponentBundle API name "widget_" must not end with an underscore \[.*Component Folder/
    },
    {
        name: 'Visualforce page name over 40 characters',
        plant: () => {
            project.write(`${DEFAULT}/pages/${'B'.padEnd(41, 'x')}.page`, '<apex:page>hi</apex:page>\n');
            project.write(
                `${DEFAULT}/pages/${'B'.padEnd(41, 'x')}.page-meta.xml`,
                xml('ApexPage', '<apiVersion>62.0</apiVersion><label>Long</label>')
            );
        },
        file: `${DEFAULT}/pages/${'B'.padEnd(41, 'x')}.page-meta.xml`,
        says: /ApexPage API name "Bx+" is 41 characters, over the platform limit of 40 .*Visualforce Component Limits/
    },
    {
        name: 'static resource name that begins with a digit',
        plant: () => {
            project.write(`${DEFAULT}/staticresources/1greeting.txt`, 'hi\n');
            project.write(
                `${DEFAULT}/staticresources/1greeting.resource-meta.xml`,
                xml(
                    'StaticResource',
                    '<cacheControl>Private</cacheControl><contentType>text/plain</contentType>'
                )
            );
        },
        file: `${DEFAULT}/staticresources/1greeting.resource-meta.xml`,
        says: /StaticResource API name "1greeting" must begin with a letter/
    }
];

describe('platform limits (check:metadata)', () => {
    it('passes the clean fixture', async () => {
        expect(await messages()).toEqual([]);
    });

    it.each(plants)('fails on a planted mistake: $name', async ({ plant, file, says }) => {
        plant();
        const found = await messages();
        const mine = found.filter((m) => m.startsWith(`${file}:`) || m.startsWith(`${file}: `));
        expect(mine).toHaveLength(1);
        expect(mine[0]).toMatch(says);
    });

    it('accepts a value exactly at the limit', async () => {
        project.edit(`${DEFAULT}/labels/CustomLabels.labels-meta.xml`, (t) =>
            t.replace('<shortDescription>Greeting<', `<shortDescription>${text(80)}<`)
        );
        project.edit(`${LWC}/hello/hello.js-meta.xml`, (t) =>
            t.replace('<isExposed>', `<description>${text(255)}</description>\n    <isExposed>`)
        );
        expect(await messages()).toEqual([]);
    });

    it('names the line of the value', async () => {
        project.edit(`${DEFAULT}/labels/CustomLabels.labels-meta.xml`, (t) =>
            t.replace('<value>Hello<', `<value>${text(1001)}<`)
        );
        expect((await messages())[0]).toMatch(
            new RegExp(`^${DEFAULT}/labels/CustomLabels.labels-meta.xml:8: `)
        );
    });
});

describe('limit helpers', () => {
    it('knows the DeveloperName and LWC folder rules', () => {
        expect(nameProblem('Presence_Sync1', 'developerName')).toBeUndefined();
        expect(nameProblem('_x', 'developerName')).toBe('must begin with a letter');
        expect(nameProblem('a b', 'developerName')).toBe('may contain only letters, digits and underscores');
        expect(nameProblem('a-b', 'lwcName')).toBe('may contain only letters, digits and underscores');
        expect(nameProblem('a__b', 'developerName')).toBe('must not contain two consecutive underscores');
        expect(nameProblem('ab_', 'developerName')).toBe('must not end with an underscore');
        expect(nameProblem('Hello', 'lwcName')).toBe('must begin with a lowercase letter');
        expect(nameProblem('', 'developerName')).toBe('is empty');
    });

    it('walks lists and names their items', () => {
        const root = {
            labels: [
                { fullName: 'A', value: 'x' },
                { fullName: 'B', value: 'y' }
            ],
            one: { value: 'z' }
        };
        expect(valuesAt(root, 'labels[].value')).toEqual([
            { where: 'labels[A].value', value: 'x' },
            { where: 'labels[B].value', value: 'y' }
        ]);
        expect(valuesAt(root, 'one.value')).toEqual([{ where: 'one.value', value: 'z' }]);
        expect(valuesAt(root, 'missing.value')).toEqual([]);
        expect(shorten('a\n  b', 10)).toBe('a b');
        expect(shorten('abcdefghijkl', 5)).toBe('abcd…');
    });
});
