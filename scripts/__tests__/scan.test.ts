/**
 * npm run scan on the fixture project with planted security mistakes. Runs the real Salesforce Code
 * Analyzer engines (the PMD engine needs Java), so it takes a while.
 */
import { JAVA, requireTool } from '../../harness/systemTools';
import { failing, formatFinding, scan, type Finding } from '../scan';
import { FixtureProject } from './helpers/fixture';

const CLASSES = 'force-app/main/default/classes';
const META =
    '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">' +
    '<apiVersion>62.0</apiVersion><status>Active</status></ApexClass>\n';
const INNER_HTML = `export function show(target, html) {
    target.innerHTML = html;
}
`;

jest.setTimeout(600_000);

let project: FixtureProject;
let findings: Finding[];
let engineErrors: string[];

beforeAll(async () => {
    project = new FixtureProject();
    project.write(
        `${CLASSES}/WidgetSearch.cls`,
        `public with sharing class WidgetSearch {
    public static List<Widget__c> byName(String name) {
        return Database.query('SELECT Id FROM Widget__c WHERE Name = \\'' + name + '\\'');
    }
}
`
    );
    project.write(`${CLASSES}/WidgetSearch.cls-meta.xml`, META);
    project.write(
        `${CLASSES}/WidgetReader.cls`,
        `public with sharing class WidgetReader {
    public static List<Widget__c> all() {
        return [SELECT Id, Kind__c FROM Widget__c WITH USER_MODE LIMIT 10];
    }
}
`
    );
    project.write(`${CLASSES}/WidgetReader.cls-meta.xml`, META);
    project.write('force-app/main/default/lwc/hello/render.js', INNER_HTML);
    // the same code in a built bundle: only RetireJS looks at bundles
    project.write('force-app/main/default/staticresources/bundle.js', INNER_HTML);
    // ESLint's TypeScript rules need the nearest tsconfig.json to list a file; stray.ts is in none
    project.write(
        'tsconfig.json',
        JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, include: ['force-app/**/*.ts'] })
    );
    project.write('stray/stray.ts', 'export const stray: number = 1;\n');
    const java = requireTool(JAVA, 'The scan tests');
    ({ findings, engineErrors } = await scan({
        root: project.root,
        targets: [project.path('force-app'), project.path('stray')],
        java,
        logFolder: project.root,
        bundles: ['**/staticresources/bundle.js']
    }));
});

afterAll(() => {
    project.dispose();
});

describe('npm run scan', () => {
    it('fails on SOQL injection in Apex and innerHTML in a component, naming file and line', () => {
        const blocking = failing(findings).map((f) => `${f.file}:${f.line} ${f.engine}/${f.rule}`);
        expect(blocking).toEqual(
            expect.arrayContaining([
                `${CLASSES}/WidgetSearch.cls:3 pmd/ApexSOQLInjection`,
                'force-app/main/default/lwc/hello/render.js:2 eslint/@lwc/lwc/no-inner-html'
            ])
        );
        expect(failing(findings).every((f) => f.severity <= 2)).toBe(true);
    });

    it('passes the user-mode query and lints no built bundle', () => {
        const files = failing(findings).map((f) => f.file);
        expect(files).not.toContain(`${CLASSES}/WidgetReader.cls`);
        expect(findings.filter((f) => f.file.includes('bundle.js') && f.engine !== 'retire-js')).toEqual([]);
    });

    it('fails on a file an engine could not read, and on nothing else', () => {
        expect(engineErrors).toHaveLength(1);
        expect(engineErrors[0]).toMatch(/^code analyzer \(eslint\): .*stray[/]stray\.ts/s);
    });

    it('prints severity, engine, rule and message', () => {
        const injection = findings.find((f) => f.rule === 'ApexSOQLInjection');
        expect(injection && formatFinding(injection)).toMatch(
            /^force-app\/main\/default\/classes\/WidgetSearch\.cls:3: \[2 High\] pmd\/ApexSOQLInjection: .+/
        );
    });
});
