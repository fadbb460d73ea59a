import { existsSync } from 'node:fs';
import { build, BUILD_STEPS, countBundles, isDeployable, packageDirectories, type BuildStep } from '../build';
import { listFiles } from '../metadata/tree';
import { FixtureProject, LWC } from './helpers/fixture';

let project: FixtureProject;

beforeEach(() => {
    project = new FixtureProject();
});

afterEach(() => {
    project.dispose();
});

describe('npm run build', () => {
    it('writes a complete deployable project into dist/deploy and nothing into the source tree', () => {
        project.write(`${LWC}/hello/__tests__/hello.test.ts`, 'it("runs", () => undefined);\n');
        project.write('force-app/test/jest-mocks/lightning/thing.ts', 'export const thing = 1;\n');
        const sourceFiles = listFiles(project.path('force-app'));
        const lines: string[] = [];

        const result = build(project.root, BUILD_STEPS, (line) => lines.push(line));

        expect(listFiles(project.path('force-app'))).toEqual(sourceFiles);
        const out = (p: string) => existsSync(project.path(`dist/deploy/${p}`));
        for (const p of [
            'sfdx-project.json',
            '.forceignore',
            'config/project-scratch-def.json',
            'data/widgets-plan.json'
        ]) {
            expect(out(p)).toBe(true);
        }
        expect(out(`${LWC}/hello/hello.js`)).toBe(true);
        expect(out(`${LWC}/hello/hello.html`)).toBe(true);
        expect(out(`${LWC}/greetingUtil/greetingUtil.js`)).toBe(true);
        expect(out(`${LWC}/hello/hello.ts`)).toBe(false);
        expect(out(`${LWC}/hello/__tests__`)).toBe(false);
        expect(out('force-app/test')).toBe(false);
        expect(result).toMatchObject({ lwcBundles: 2, auraBundles: 1, compiledFiles: 2 });
        expect(lines).toEqual([
            '  clean: emptied dist/deploy',
            '  copy project: 19 files copied',
            '  compile LWC TypeScript: 2 .ts files compiled to .js',
            '  bundle the Teams bridge static resource (esbuild): no bridge/main.ts, skipped'
        ]);
    });

    it('copies every package directory of sfdx-project.json (the optional German one too)', () => {
        project.edit('sfdx-project.json', (t) =>
            t.replace('"default": true }', '"default": true }, { "path": "force-app-de" }')
        );
        project.write(
            'force-app-de/main/default/translations/de.translation-meta.xml',
            '<Translations xmlns="http://soap.sforce.com/2006/04/metadata"/>\n'
        );
        const lines: string[] = [];
        build(project.root, BUILD_STEPS, (line) => lines.push(line));
        expect(
            existsSync(
                project.path('dist/deploy/force-app-de/main/default/translations/de.translation-meta.xml')
            )
        ).toBe(true);
        expect(lines[1]).toBe('  copy project: 20 files copied (force-app, force-app-de)');
        expect(packageDirectories(project.root)).toEqual(['force-app', 'force-app-de']);
    });

    it('keeps the decorators and strips the types', () => {
        build(project.root);
        const js = project.read(`dist/deploy/${LWC}/hello/hello.js`);
        expect(js).toContain('@api');
        expect(js).toContain("import { LightningElement, api } from 'lwc';");
        expect(js).not.toContain(': string');
    });

    it('removes what an earlier build left behind', () => {
        project.write('dist/deploy/force-app/stale.txt', 'old\n');
        build(project.root);
        expect(existsSync(project.path('dist/deploy/force-app/stale.txt'))).toBe(false);
    });

    it('fails with the TypeScript diagnostics when a source does not parse', () => {
        project.write(`${LWC}/greetingUtil/greetingUtil.ts`, 'export function greet(name: string {\n}\n');
        expect(() => build(project.root)).toThrow(
            /TypeScript could not compile the LWC sources:\n.*lwc\/greetingUtil\/greetingUtil\.ts\(1,36\): error TS1005: /
        );
    });

    it('refuses a tsconfig.build.json that would write elsewhere than dist/deploy/force-app', () => {
        project.edit('tsconfig.build.json', (t) => t.replace('"dist/deploy/force-app"', '"force-app"'));
        expect(() => build(project.root)).toThrow(
            /^tsconfig\.build\.json: compilerOptions\.outDir must be dist\/deploy\/force-app \(generated \.js never lands in the source tree\), found .*force-app/
        );
    });

    it('names the file when tsconfig.build.json is missing or invalid', () => {
        project.remove('tsconfig.build.json');
        expect(() => build(project.root)).toThrow(/^tsconfig\.build\.json: Cannot read file /);
        project.write('tsconfig.build.json', '{"compilerOptions": {"target": "nope"}}');
        expect(() => build(project.root)).toThrow(
            /^tsconfig\.build\.json: Argument for '--target' option must be/
        );
    });

    it('fails when there is no force-app', () => {
        project.remove('force-app');
        expect(() => build(project.root)).toThrow(`force-app/: not found in ${project.root}`);
    });

    it('runs the steps it is given, in order', () => {
        const order: string[] = [];
        const step = (name: string): BuildStep => ({ name, run: () => (order.push(name), name) });
        const result = build(project.root, [step('a'), step('b')]);
        expect(order).toEqual(['a', 'b']);
        expect(result.steps).toEqual([
            { name: 'a', summary: 'a' },
            { name: 'b', summary: 'b' }
        ]);
    });
});

describe('build helpers', () => {
    it('decides what goes into the deployable tree', () => {
        expect(isDeployable('main/default/lwc/hello/hello.html')).toBe(true);
        expect(isDeployable('main/default/lwc/hello/hello.ts')).toBe(false);
        expect(isDeployable('main/default/lwc/hello/__tests__')).toBe(false);
        expect(isDeployable('test/jest-mocks/x.js')).toBe(false);
        expect(isDeployable('main/test/x.xml')).toBe(true);
    });

    it('counts bundles only where the definition file exists', () => {
        expect(countBundles(project.path('force-app'), 'lwc', '.js-meta.xml')).toBe(2);
        expect(countBundles(project.path('no-such-dir'), 'lwc', '.js-meta.xml')).toBe(0);
    });
});
