import path from 'node:path';
import { build } from '../build';
import { summaryLine } from '../check-metadata';
import { checkProject, type CheckResult } from '../metadata/check';
import { formatIssue } from '../metadata/issues';
import { rootElement, xmlError } from '../metadata/xml';
import { FixtureProject, LWC, OBJECTS } from './helpers/fixture';

const BUILT_LWC = `dist/deploy/${LWC}`;
let project: FixtureProject;

beforeEach(() => {
    project = new FixtureProject();
});

afterEach(() => {
    project.dispose();
});

async function check(options: { built?: boolean } = {}): Promise<CheckResult> {
    return checkProject({
        projectRoot: project.root,
        builtRoot: options.built ? project.path('dist/deploy') : undefined,
        mdapiDir: project.path('dist/mdapi')
    });
}

async function messages(options: { built?: boolean } = {}): Promise<string[]> {
    return (await check(options)).issues.map(formatIssue);
}

describe('check:metadata on the clean fixture', () => {
    it('passes the source tree and converts it to Metadata API format', async () => {
        const result = await check();
        expect(result.issues.map(formatIssue)).toEqual([]);
        expect(result.trees).toEqual([{ kind: 'source', root: '.', components: 7 }]);
        expect(result.converted).toEqual({ from: '.', to: 'dist/mdapi', components: 7 });
        expect(result.dataPlans).toBe(1);
        expect(result.dataRecords).toBe(2);
        expect(project.read('dist/mdapi/objects/Widget__c.object')).toContain('<fullName>Kind__c</fullName>');
    });

    it('passes the built tree, compiles its LWC bundles and converts the built tree', async () => {
        build(project.root);
        const result = await check({ built: true });
        expect(result.issues.map(formatIssue)).toEqual([]);
        expect(result.trees[1]).toEqual({
            kind: 'built',
            root: 'dist/deploy',
            components: 7,
            lwcCompiled: 2
        });
        expect(result.converted?.from).toBe('dist/deploy');
        expect(project.read('dist/mdapi/lwc/hello/hello.js')).toContain('@api');
        expect(summaryLine(result, 0.42)).toBe(
            'metadata: 7 components (source), 7 components (dist/deploy), 2 LWC bundles compiled, ' +
                '1 data plans (2 records): 0 errors in 0.4 s'
        );
    }, 20_000); // the build compiles TypeScript: seconds on a loaded machine
});

describe('XML checks', () => {
    it('reports malformed XML with file, line and column', async () => {
        project.edit(`${OBJECTS}/Widget__c/fields/Kind__c.field-meta.xml`, (t) =>
            t.replace('<label>Kind</label>', '<label>Kind</labl>')
        );
        expect(await messages()).toEqual([
            `${OBJECTS}/Widget__c/fields/Kind__c.field-meta.xml:4:16: XML is not well-formed: ` +
                "Expected closing tag 'label' (opened in line 4, col 5) instead of closing tag 'labl'."
        ]);
    });

    it('reports a root element that does not match the metadata type', async () => {
        project.edit(`${OBJECTS}/Gadget__c/Gadget__c.object-meta.xml`, (t) =>
            t.replace(/CustomObject\b/g, 'CustomObjectz')
        );
        expect(await messages()).toEqual([
            `${OBJECTS}/Gadget__c/Gadget__c.object-meta.xml:2:1: root element <CustomObjectz>, expected <CustomObject>`
        ]);
    });

    it('expects the parent type for a child that shares its parent file (CustomLabels)', async () => {
        project.edit('force-app/main/default/labels/CustomLabels.labels-meta.xml', (t) =>
            t.replace(/CustomLabels\b/g, 'CustomLabel')
        );
        expect(await messages()).toContainEqual(
            'force-app/main/default/labels/CustomLabels.labels-meta.xml:2:1: root element <CustomLabel>, expected <CustomLabels>'
        );
    });

    it('expects the child type for a decomposed child file (CustomField)', async () => {
        project.edit(`${OBJECTS}/Widget__c/fields/Active__c.field-meta.xml`, (t) =>
            t.replace(/CustomField\b/g, 'CustomObject')
        );
        expect(await messages()).toContainEqual(
            `${OBJECTS}/Widget__c/fields/Active__c.field-meta.xml:2:1: root element <CustomObject>, expected <CustomField>`
        );
    });

    it('finds the root element after the prolog and comments', () => {
        expect(rootElement('<?xml version="1.0"?>\n<!-- note -->\n  <Foo a="1"/>')).toEqual({
            name: 'Foo',
            line: 3,
            column: 3
        });
        expect(rootElement('just text')).toBeUndefined();
        expect(xmlError('<a><b></a>')?.reason).toMatch(/closing tag/);
        expect(xmlError('<a/>')).toBeUndefined();
    });
});

describe('bundle checks', () => {
    it('reports an LWC bundle whose js-meta.xml is misnamed', async () => {
        project.rename(`${LWC}/hello/hello.js-meta.xml`, `${LWC}/hello/helo.js-meta.xml`);
        expect(await messages()).toContainEqual(
            `${LWC}/hello: missing hello.js-meta.xml (found helo.js-meta.xml; the file must be named after the folder)`
        );
    });

    it('reports an LWC bundle without its TypeScript source', async () => {
        project.remove(`${LWC}/greetingUtil/greetingUtil.ts`);
        expect(await messages()).toEqual([
            `${LWC}/greetingUtil: missing greetingUtil.ts (the bundle's TypeScript source)`
        ]);
    });

    it('reports a built LWC bundle without its .js and a .ts left in it', async () => {
        build(project.root);
        project.remove(`${BUILT_LWC}/greetingUtil/greetingUtil.js`);
        project.write(`${BUILT_LWC}/hello/extra.ts`, 'export const x: number = 1;\n');
        const found = await messages({ built: true });
        expect(found).toContainEqual(
            `${BUILT_LWC}/greetingUtil: missing greetingUtil.js (was greetingUtil.ts compiled by npm run build?)`
        );
        expect(found).toContainEqual(`${BUILT_LWC}/hello/extra.ts: TypeScript source in the deployable tree`);
    });

    it('reports an Aura bundle without its definition file', async () => {
        project.remove('force-app/main/default/aura/helloHost/helloHost.cmp');
        expect(await messages()).toContainEqual(
            'force-app/main/default/aura/helloHost: missing helloHost.cmp or helloHost.app'
        );
    });

    it('reports an Aura definition without its -meta.xml', async () => {
        project.remove('force-app/main/default/aura/helloHost/helloHost.cmp-meta.xml');
        expect(await messages()).toContainEqual(
            'force-app/main/default/aura/helloHost: missing helloHost.cmp-meta.xml'
        );
    });

    it('reports a static resource without its resource-meta.xml (SDR would skip it)', async () => {
        project.write('force-app/main/default/staticresources/teamsBridge.js', 'var x = 1;\n');
        expect(await messages()).toEqual([
            'force-app/main/default/staticresources/teamsBridge.js: static resource file has no ' +
                'teamsBridge.resource-meta.xml (SDR skips it silently, so it would not be deployed)'
        ]);
    });

    it('reports a resource-meta.xml without content (through SDR)', async () => {
        project.remove('force-app/main/default/staticresources/greeting.txt');
        expect(await messages()).toEqual([
            'force-app/main/default/staticresources/greeting.resource-meta.xml: SDR cannot resolve this file: ' +
                "force-app/main/default/staticresources/greeting.resource-meta.xml: Expected source files for type 'StaticResource'"
        ]);
    });

    it('reports a file that no metadata component claims', async () => {
        project.write('force-app/main/default/lwc/hello/notes.txt', 'remember the milk\n');
        project.write('force-app/main/default/notes.txt', 'stray\n');
        project.write('force-app/main/default/lwc/hello/README.md', 'denied by .forceignore\n');
        expect(await messages()).toEqual([
            'force-app/main/default/notes.txt: not part of any metadata component (would not be deployed)'
        ]);
    });
});

describe('SDR resolution, conversion and the LWC compiler', () => {
    it('reports a file SDR cannot place and still runs every other check', async () => {
        const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined); // SDR's own note
        project.write(`${OBJECTS}/Widget__c/fields/Bad__c.fieldx-meta.xml`, '<CustomField/>\n');
        project.remove(`${LWC}/greetingUtil/greetingUtil.ts`);
        const found = await messages();
        expect(found).toHaveLength(2);
        expect(found[0]).toMatch(
            new RegExp(
                `^${OBJECTS}/Widget__c/fields/Bad__c.fieldx-meta.xml: SDR cannot resolve this file: .*Bad__c`
            )
        );
        expect(found[1]).toBe(
            `${LWC}/greetingUtil: missing greetingUtil.ts (the bundle's TypeScript source)`
        );
        warn.mockRestore();
    });

    it('reports code the LWC platform compiler rejects, with its position', async () => {
        build(project.root);
        project.write(
            `${BUILT_LWC}/greetingUtil/greetingUtil.js`,
            'export function greet(name: string) {\n    return name;\n}\n'
        );
        const found = await messages({ built: true });
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(
            new RegExp(`^${BUILT_LWC}/greetingUtil/greetingUtil.js:1:\\d+: LWC compiler: .*Unexpected token`)
        );
    });

    it('reports an invalid template in the built tree', async () => {
        build(project.root);
        project.write(`${BUILT_LWC}/hello/hello.html`, '<template><p lwc:bogus>{message}</p></template>\n');
        expect(await messages({ built: true })).toEqual([
            `${BUILT_LWC}/hello/hello.html:1:11: LWC compiler: LWC1127: Invalid directive "lwc:bogus" on element <p>.`
        ]);
    });

    it('reports every error, not only the first one', async () => {
        project.edit(`${OBJECTS}/Gadget__c/Gadget__c.object-meta.xml`, (t) => t.replace('</label>', ''));
        project.remove(`${LWC}/greetingUtil/greetingUtil.ts`);
        project.write('force-app/main/default/notes.txt', 'stray\n');
        project.edit('data/Widget__c.json', (t) => t.replace('"Session"', '"Sesion"'));
        const result = await check();
        expect(result.errors).toBe(4);
    });

    it('reports a problem of a copied file once, not again for the built tree', async () => {
        project.edit(`${OBJECTS}/Gadget__c/Gadget__c.object-meta.xml`, (t) =>
            t.replace(/CustomObject\b/g, 'Thing')
        );
        build(project.root);
        project.write('dist/deploy/force-app/main/default/notes.txt', 'only in the build\n');
        expect(await messages({ built: true })).toEqual([
            `${OBJECTS}/Gadget__c/Gadget__c.object-meta.xml:2:1: root element <Thing>, expected <CustomObject>`,
            'dist/deploy/force-app/main/default/notes.txt: not part of any metadata component (would not be deployed)'
        ]);
    });

    it('reports a missing sfdx-project.json by name', async () => {
        project.remove('sfdx-project.json');
        expect(await messages()).toEqual(['sfdx-project.json: not found']);
    });

    it('skips a built tree that does not exist and converts the source tree', async () => {
        const result = await checkProject({
            projectRoot: project.root,
            builtRoot: path.join(project.root, 'no-such-build'),
            mdapiDir: project.path('dist/mdapi')
        });
        expect(result.trees).toHaveLength(1);
        expect(result.converted?.from).toBe('.');
    });
});
