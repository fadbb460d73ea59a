/**
 * Browser build of the project's Lightning web components for the local harness (rollup's JS API):
 * - TypeScript stripped by Babel exactly as sfdx-lwc-jest's transformer does (preset-typescript with
 *   allowDeclareFields, decorators syntax), then compiled by @lwc/rollup-plugin (same lwc version as Jest);
 * - `c/<name>` resolved to force-app/main/default/lwc/<name>/<name>.ts (alias module records);
 * - `lightning/*` base components from the real lightning-base-components package;
 * - the platform modules (`lightning/graphql`, `uiRecordApi`, `messageService`, `platformUtilityBarApi`,
 *   `platformShowToastEvent`) from harness/platform/, `@salesforce/*` from the harness org
 *   (harness/lwc/scopedImports.ts);
 * - synthetic shadow, as Lightning Experience runs it, so the page's SLDS styles reach the components;
 * - Lightning Web Security, as Lightning runs an org's own components: the `c` namespace is bundled on
 *   its own (rollup's AMD output, with the LWC compiler's `enableLightningWebSecurityTransforms`, and
 *   `lwc`, `lightning/*`, `@salesforce/*` left external) and evaluated at page load inside LWS's sandbox
 *   under the key `c` (harness/lwc/lws.ts, `@locker/sandbox`); the engine, the base components, the
 *   platform fakes and the console shell stay outside, as the platform's own code does.
 * One IIFE, dist/harness/console.js, holds the console shell, the platform modules and the namespace's
 * source text; it is rebuilt only when one of its inputs changed (or with `force`). The namespace's
 * source map is dist/harness/c.js.map.
 */
import { transformAsync } from '@babel/core';
import lwc from '@lwc/rollup-plugin';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rollup, type Plugin, type RollupLog, type RollupOptions } from 'rollup';
import { APEX_METHODS } from '../platform/scoped';
import { buildOrgSnapshot, GERMAN_DEFAULT_DIR, readLabels, readMessageChannels } from './orgMetadata';
import { salesforceScopedImports } from './scopedImports';

export const ROOT = path.resolve(__dirname, '../..');
const LWC_DIR = 'force-app/main/default/lwc';
export const DEFAULT_OUT_DIR = path.join(ROOT, 'dist/harness');
export const BUNDLE_FILE = 'console.js';
/** the source map of the `c` namespace evaluated in the LWS sandbox, beside the bundle */
export const NAMESPACE_MAP_FILE = 'c.js.map';

/** The components the harness pages can mount, by tag name, when they exist in the project. */
export const PAGE_COMPONENTS = ['ctiDataConnector', 'presenceAuthorization', 'liveAgentDashboard'] as const;

const PLATFORM_MODULES: Record<string, string> = {
    'lightning/graphql': 'graphql.ts',
    'lightning/uiRecordApi': 'uiRecordApi.ts',
    'lightning/messageService': 'messageService.ts',
    'lightning/platformUtilityBarApi': 'platformUtilityBarApi.ts',
    'lightning/platformShowToastEvent': 'platformShowToastEvent.ts',
    'lightning/serviceCloudVoiceToolkitApi': 'serviceCloudVoiceToolkitApi/serviceCloudVoiceToolkitApi.ts'
};

const ENTRY_ID = '\0harness-console-entry';
const NAMESPACE_ENTRY_ID = '\0harness-c-namespace-entry';
const NAMESPACE_SOURCE_ID = '\0harness-c-namespace-source';

/** What Lightning provides outside the sandbox: the engine, base components, `@salesforce/*` modules. */
const isPlatformModule = (id: string): boolean =>
    id === 'lwc' || id.startsWith('lightning/') || id.startsWith('@salesforce/');

export interface BuildResult {
    file: string;
    /** components found in force-app and compiled in */
    components: string[];
    /** page components left out because they do not compile (the page shows a placeholder with the error) */
    skipped: { component: string; error: string }[];
    ms: number;
    /** false: the bundle was up to date */
    built: boolean;
    warnings: string[];
}

export interface BuildOptions {
    root?: string;
    outDir?: string;
    force?: boolean;
    /** production mode (no LWC dev warnings); default development */
    production?: boolean;
}

function stripTypeScript(): Plugin {
    return {
        name: 'harness-strip-typescript',
        async transform(code, id) {
            const file = id.split('?')[0];
            if (!file.endsWith('.ts') || file.startsWith('\0')) return null;
            const out = await transformAsync(code, {
                filename: file,
                babelrc: false,
                configFile: false,
                sourceMaps: true,
                plugins: [['@babel/plugin-syntax-decorators', { decoratorsBeforeExport: true }]],
                presets: [['@babel/preset-typescript', { allowDeclareFields: true }]]
            });
            if (!out?.code) return null;
            return { code: out.code, map: out.map };
        }
    };
}

function componentModules(root: string): { name: string; path: string }[] {
    const dir = path.join(root, LWC_DIR);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
        .sort()
        .flatMap((name) =>
            ['ts', 'js']
                .map((ext) => path.join(dir, name, `${name}.${ext}`))
                .filter((f) => existsSync(f))
                .slice(0, 1)
                .map((f) => ({ name: `c/${name}`, path: f }))
        );
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** The `c` namespace's entry: one module whose default export is the page components by name. */
function namespaceEntry(components: string[]): Plugin {
    const lines = [
        ...components.map((c, i) => `import C${i} from 'c/${c}';`),
        `export default { ${components.map((c, i) => `${JSON.stringify(c)}: C${i}`).join(', ')} };`
    ];
    return {
        name: 'harness-c-namespace-entry',
        resolveId: (source) => (source === NAMESPACE_ENTRY_ID ? NAMESPACE_ENTRY_ID : null),
        load: (id) => (id === NAMESPACE_ENTRY_ID ? lines.join('\n') + '\n' : null)
    };
}

/**
 * The page's entry (outside the sandbox): synthetic shadow, the engine, every platform module the
 * namespace imports (by the name it imports), the namespace's source text evaluated in the sandbox,
 * then the console shell with the components it defined.
 */
function entryModule(
    root: string,
    namespace: { code: string; imports: string[] },
    skipped: BuildResult['skipped']
): Plugin {
    const shell = toPosix(path.join(root, 'harness/console/shell.ts'));
    const loader = toPosix(path.join(root, 'harness/lwc/lws.ts'));
    const platform = namespace.imports.filter((id) => id !== 'lwc');
    const lines = [
        "import '@lwc/synthetic-shadow';",
        "import * as lwc from 'lwc';",
        ...platform.map((id, i) => `import * as P${i} from ${JSON.stringify(id)};`),
        `import source from ${JSON.stringify(NAMESPACE_SOURCE_ID)};`,
        `import { evaluateInNamespace, evaluateNamespace, NAMESPACE_KEY } from ${JSON.stringify(loader)};`,
        `import { startHarnessPage } from ${JSON.stringify(shell)};`,
        `const modules = { lwc, ${platform.map((id, i) => `${JSON.stringify(id)}: P${i}`).join(', ')} };`,
        `const map = new URL(${JSON.stringify(`/harness/${NAMESPACE_MAP_FILE}`)}, location.href).href;`,
        // the sandbox turns "sandboxMappingURL" into "sourceMappingURL" (bundlers strip the latter)
        "const components = evaluateNamespace(source + '\\n//# sandboxMappingURL=' + map, modules);",
        `startHarnessPage({ createElement: lwc.createElement, components, skipped: ${JSON.stringify(skipped)} });`,
        // for the browser tests: the sandbox the components run in (e2e/lws.ts)
        'window.harness.lws = Object.freeze({ key: NAMESPACE_KEY, components, evaluate: evaluateInNamespace });'
    ];
    return {
        name: 'harness-console-entry',
        resolveId: (source) => (source === ENTRY_ID || source === NAMESPACE_SOURCE_ID ? source : null),
        load: (id) => {
            if (id === ENTRY_ID) return lines.join('\n') + '\n';
            if (id === NAMESPACE_SOURCE_ID) return `export default ${JSON.stringify(namespace.code)};\n`;
            return null;
        }
    };
}

function newestInput(root: string): number {
    let newest = 0;
    const visit = (p: string) => {
        if (!existsSync(p)) return;
        const st = statSync(p);
        if (st.isDirectory()) {
            for (const entry of readdirSync(p)) if (entry !== '__tests__') visit(path.join(p, entry));
        } else {
            newest = Math.max(newest, st.mtimeMs);
        }
    };
    for (const p of [
        LWC_DIR,
        'force-app/main/default/labels',
        `${GERMAN_DEFAULT_DIR}/translations`,
        'force-app/main/default/messageChannels',
        'force-app/main/default/objects',
        'harness/platform',
        'harness/console',
        'harness/lwc',
        'package-lock.json'
    ]) {
        visit(path.join(root, p));
    }
    return newest;
}

export async function buildHarnessBundle(options: BuildOptions = {}): Promise<BuildResult> {
    const t0 = Date.now();
    const root = options.root ?? ROOT;
    const outDir = options.outDir ?? DEFAULT_OUT_DIR;
    const file = path.join(outDir, BUNDLE_FILE);
    const modules = componentModules(root);
    const components = PAGE_COMPONENTS.filter((c) => modules.some((m) => m.name === `c/${c}`));
    if (!options.force && existsSync(file) && statSync(file).mtimeMs > newestInput(root)) {
        return { file, components, skipped: [], ms: Date.now() - t0, built: false, warnings: [] };
    }
    const skipped: BuildResult['skipped'] = [];
    let included = [...components];
    for (;;) {
        try {
            const warnings = await bundleOnce(root, file, included, skipped, options);
            return { file, components: included, skipped, ms: Date.now() - t0, built: true, warnings };
        } catch (error) {
            // a page component that does not compile (yet) is left out; anything else fails the build
            const message = error instanceof Error ? error.message : String(error);
            const ids = [
                message,
                String((error as { id?: unknown }).id ?? ''),
                String((error as { loc?: { file?: unknown } }).loc?.file ?? '')
            ].join(' ');
            const culprit = included.find((c) => ids.includes(`${LWC_DIR}/${c}/`) || ids.includes(`c/${c}`));
            if (!culprit) throw error;
            skipped.push({ component: culprit, error: message });
            included = included.filter((c) => c !== culprit);
        }
    }
}

/** Rollup's warnings, sorted: what is harmless is dropped, a missing import fails the build. */
function onWarn(warnings: string[]): RollupOptions['onwarn'] {
    return (warning: RollupLog) => {
        // an import nothing provides would become a global that is undefined at run time and kill the
        // page (a platform module without a harness stand-in): fail the build and name it instead
        if (warning.code === 'UNRESOLVED_IMPORT') {
            throw new Error(
                `harness build: nothing provides "${warning.exporter ?? warning.message}" ` +
                    `(imported by ${warning.id ?? '?'}); add a stand-in under harness/platform`
            );
        }
        // lightning-base-components' own templates draw compiler warnings (duplicate slot, attributes)
        const where = `${warning.id ?? ''} ${warning.loc?.file ?? ''}`;
        if (warning.plugin === 'rollup-plugin-lwc-compiler' && where.includes('node_modules')) return;
        if (
            warning.code === 'CIRCULAR_DEPENDENCY' &&
            warning.ids?.every((id) => id.includes('node_modules'))
        ) {
            return;
        }
        warnings.push(warning.message);
    };
}

function replaceEnv(options: BuildOptions): Plugin {
    return replace({
        preventAssignment: true,
        values: {
            'process.env.NODE_ENV': JSON.stringify(options.production ? 'production' : 'development'),
            'import.meta.env.SSR': 'false'
        }
    });
}

/**
 * The `c` namespace alone, as the platform compiles it for LWS: the LWC compiler's Lightning Web
 * Security transforms on (they rewrite the unforgeable `window.location` / `window.top` references the
 * sandbox cannot virtualize, and async functions into generators the sandbox can run), every platform
 * module external. AMD output: `define([dependencies], function (...) { ... return components; })`.
 */
async function bundleNamespace(
    root: string,
    components: string[],
    options: BuildOptions,
    warnings: string[]
): Promise<{ code: string; map: string; imports: string[] }> {
    const bundle = await rollup({
        input: NAMESPACE_ENTRY_ID,
        external: (id) => isPlatformModule(id),
        onwarn: onWarn(warnings),
        plugins: [
            namespaceEntry(components),
            stripTypeScript(),
            replaceEnv(options),
            lwc({
                rootDir: path.join(root, LWC_DIR),
                modules: componentModules(root),
                enableLightningWebSecurityTransforms: true
            })
        ]
    });
    try {
        const { output } = await bundle.generate({
            format: 'amd',
            exports: 'default',
            // a platform module is an ES module namespace: the default import is its `default`
            interop: 'esModule',
            sourcemap: true,
            sourcemapPathTransform: (relative, map) =>
                toPosix(path.relative(root, path.resolve(path.dirname(map), relative)))
        });
        const [chunk] = output;
        return { code: chunk.code, map: chunk.map?.toString() ?? '', imports: chunk.imports };
    } finally {
        await bundle.close();
    }
}

async function bundleOnce(
    root: string,
    file: string,
    components: string[],
    skipped: BuildResult['skipped'],
    options: BuildOptions
): Promise<string[]> {
    const defaultDir = path.join(root, 'force-app/main/default');
    const snapshot = buildOrgSnapshot({ root, clientId: '', tenantId: '' });
    const warnings: string[] = [];
    const namespace = await bundleNamespace(root, components, options, warnings);
    const bundle = await rollup({
        input: ENTRY_ID,
        onwarn: onWarn(warnings),
        plugins: [
            entryModule(root, namespace, skipped),
            salesforceScopedImports({
                labels: readLabels(defaultDir, path.join(root, GERMAN_DEFAULT_DIR)),
                objects: snapshot.objects,
                messageChannels: readMessageChannels(defaultDir),
                apexMethods: APEX_METHODS,
                runtimeModule: path.join(root, 'harness/platform/scoped.ts')
            }),
            stripTypeScript(),
            replaceEnv(options),
            lwc({
                rootDir: path.join(root, LWC_DIR),
                // the `c` modules are not bundled here: they run in the sandbox (bundleNamespace)
                modules: [
                    ...Object.entries(PLATFORM_MODULES).map(([name, f]) => ({
                        name,
                        path: path.join(root, 'harness/platform', f)
                    })),
                    { npm: 'lightning-base-components' }
                ]
            }),
            // @locker/sandbox and its packages (plain ES modules from npm; the HTML sanitizer uses DOMPurify)
            nodeResolve({ browser: true, resolveOnly: [/^@locker\//, 'dompurify'] })
        ]
    });
    // written beside and renamed into place: a harness serving the previous bundle (another `npm start`,
    // the browser tests) never reads a half-written file
    const staging = path.join(path.dirname(file), `.staging-${process.pid}`);
    try {
        await bundle.write({
            file: path.join(staging, path.basename(file)),
            format: 'iife',
            sourcemap: true,
            inlineDynamicImports: true
        });
        mkdirSync(staging, { recursive: true });
        writeFileSync(path.join(staging, NAMESPACE_MAP_FILE), namespace.map);
        renameSync(path.join(staging, NAMESPACE_MAP_FILE), path.join(path.dirname(file), NAMESPACE_MAP_FILE));
        renameSync(path.join(staging, `${path.basename(file)}.map`), `${file}.map`);
        renameSync(path.join(staging, path.basename(file)), file);
    } finally {
        await bundle.close();
        rmSync(staging, { recursive: true, force: true });
    }
    return warnings;
}

if (require.main === module) {
    buildHarnessBundle({ force: process.argv.includes('--force') }).then(
        (r) => {
            for (const w of r.warnings) console.warn(`warning: ${w}`);
            for (const x of r.skipped) console.warn(`left out c/${x.component}: ${x.error}`);
            console.log(
                `${r.built ? 'built' : 'up to date'}: ${path.relative(process.cwd(), r.file)} ` +
                    `(${r.components.join(', ') || 'no page components yet'}) in ${(r.ms / 1000).toFixed(1)} s`
            );
        },
        (e: unknown) => {
            console.error(e instanceof Error ? e.message : e);
            process.exit(1);
        }
    );
}
