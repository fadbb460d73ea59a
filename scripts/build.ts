/**
 * `npm run build`: produces a complete, deployable SFDX project in `dist/deploy/`.
 *
 * Decision: build into a separate folder, never in place. TypeScript is the only source of the LWC
 * bundles and the org accepts only `.js` (docs/architecture.md). Emitting `<name>.js` beside `<name>.ts`
 * would make Jest coverage list the emitted `.js` at 0 % and drop the `.ts` rows (seen with
 * @salesforce/sfdx-lwc-jest and Jest 29), so the generated JavaScript lives only in `dist/deploy/force-app`.
 *
 * The build is a list of steps (see `BUILD_STEPS`); each one reads the project and writes into the
 * output folder. Later steps (the esbuild static resource bundle, Aura) are added to that list.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { buildBridge, formatSize } from './build-bridge';

export interface BuildContext {
    /** The project being built (holds sfdx-project.json and tsconfig.build.json). */
    root: string;
    /** The deployable project written by the build, `<root>/dist/deploy`. */
    outDir: string;
    /** Counters the steps fill in (files copied, .js compiled, ...), printed at the end. */
    stats: Record<string, number>;
}

export interface BuildStep {
    name: string;
    /** Runs the step; returns a short summary of what it produced. */
    run(ctx: BuildContext): string;
}

export interface BuildResult {
    outDir: string;
    lwcBundles: number;
    auraBundles: number;
    filesCopied: number;
    compiledFiles: number;
    seconds: number;
    steps: { name: string; summary: string }[];
}

/** Project files and folders copied as they are (a missing one is skipped). */
const PROJECT_ENTRIES = ['sfdx-project.json', '.forceignore', 'config', 'data'];
/** The package directory that holds the LWC sources (tsconfig.build.json compiles into its copy). */
const PACKAGE_DIR = 'force-app';

/**
 * Every package directory sfdx-project.json lists (force-app, and force-app-de with the optional German
 * translations), relative to the project root. Each one is copied, so that dist/deploy is the whole project
 * and `sf package version create` or `sf project deploy start --source-dir <dir>` works from it.
 */
export function packageDirectories(root: string): string[] {
    const file = path.join(root, 'sfdx-project.json');
    if (!existsSync(file)) return [PACKAGE_DIR];
    const project = JSON.parse(readFileSync(file, 'utf8')) as { packageDirectories?: { path?: unknown }[] };
    const dirs = (project.packageDirectories ?? [])
        .map((d) => d.path)
        .filter((p): p is string => typeof p === 'string')
        .map((p) => path.normalize(p).replace(/[\\/]+$/, ''));
    return dirs.includes(PACKAGE_DIR) ? dirs : [PACKAGE_DIR, ...dirs];
}

/** Whether a file or folder of the package directory belongs in the deployable tree. */
export function isDeployable(relativePath: string): boolean {
    const parts = relativePath.split(/[\\/]/);
    if (parts[0] === 'test') return false; // force-app/test: Jest mocks, never deployed
    if (parts.includes('__tests__')) return false;
    return !relativePath.endsWith('.ts');
}

function cleanOutput(ctx: BuildContext): string {
    rmSync(ctx.outDir, { recursive: true, force: true });
    mkdirSync(ctx.outDir, { recursive: true });
    return `emptied ${path.relative(ctx.root, ctx.outDir) || '.'}`;
}

function copyProjectFiles(ctx: BuildContext): string {
    const dirs = packageDirectories(ctx.root);
    for (const dir of dirs) {
        if (!existsSync(path.join(ctx.root, dir))) throw new Error(`${dir}/: not found in ${ctx.root}`);
    }
    let copied = 0;
    for (const entry of PROJECT_ENTRIES) {
        const from = path.join(ctx.root, entry);
        if (!existsSync(from)) continue;
        cpSync(from, path.join(ctx.outDir, entry), { recursive: true });
        copied += countFiles(from);
    }
    for (const dir of dirs) {
        const source = path.join(ctx.root, dir);
        cpSync(source, path.join(ctx.outDir, dir), {
            recursive: true,
            filter: (from) => {
                const keep = isDeployable(path.relative(source, from));
                if (keep && statSync(from).isFile()) copied++;
                return keep;
            }
        });
    }
    ctx.stats.filesCopied = copied;
    return `${copied} files copied${dirs.length > 1 ? ` (${dirs.join(', ')})` : ''}`;
}

function countFiles(p: string): number {
    if (!statSync(p).isDirectory()) return 1;
    return readdirSync(p).reduce((n, name) => n + countFiles(path.join(p, name)), 0);
}

/** Reads tsconfig.build.json, checking that it writes into the build folder and nowhere else. */
export function readBuildConfig(ctx: BuildContext): ts.ParsedCommandLine {
    const name = 'tsconfig.build.json';
    const configFile = path.join(ctx.root, name);
    const fail = (d: ts.Diagnostic) => {
        throw new Error(`${name}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    };
    const parsed = ts.getParsedCommandLineOfConfigFile(
        configFile,
        {},
        {
            ...ts.sys,
            onUnRecoverableConfigFileDiagnostic: fail
        }
    );
    if (!parsed) throw new Error(`${name}: could not be read`);
    if (parsed.errors.length > 0) fail(parsed.errors[0]);
    const expected = path.join(ctx.outDir, PACKAGE_DIR);
    if (!parsed.options.outDir || path.resolve(parsed.options.outDir) !== expected) {
        throw new Error(
            `${name}: compilerOptions.outDir must be ${path.relative(ctx.root, expected)} ` +
                `(generated .js never lands in the source tree), found ${parsed.options.outDir ?? 'none'}`
        );
    }
    return parsed;
}

function compileLwcTypeScript(ctx: BuildContext): string {
    const config = readBuildConfig(ctx);
    const rootNames = config.fileNames.filter((f) => !f.split(/[\\/]/).includes('__tests__'));
    const program = ts.createProgram({ rootNames, options: { ...config.options, listEmittedFiles: true } });
    const emit = program.emit();
    const diagnostics = [
        ...program.getOptionsDiagnostics(),
        ...program.getSyntacticDiagnostics(),
        ...emit.diagnostics
    ].filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (diagnostics.length > 0 || emit.emitSkipped) {
        const host: ts.FormatDiagnosticsHost = {
            getCanonicalFileName: (f) => f,
            getCurrentDirectory: () => ctx.root,
            getNewLine: () => '\n'
        };
        throw new Error(
            `TypeScript could not compile the LWC sources:\n${ts.formatDiagnostics(diagnostics, host)}`
        );
    }
    const emitted = (emit.emittedFiles ?? []).filter((f) => f.endsWith('.js'));
    ctx.stats.jsCompiled = emitted.length;
    return `${emitted.length} .ts files compiled to .js`;
}

/** The build, in order. Add new steps here (static resource bundle with esbuild, Aura, ...). */
export const BUILD_STEPS: BuildStep[] = [
    { name: 'clean', run: cleanOutput },
    { name: 'copy project', run: copyProjectFiles },
    { name: 'compile LWC TypeScript', run: compileLwcTypeScript },
    { name: 'bundle the Teams bridge static resource (esbuild)', run: bundleTeamsBridge }
];

/** The `teamsBridge` static resource (MSAL + Graph client + bridge server); skipped for projects without bridge/. */
function bundleTeamsBridge(ctx: BuildContext): string {
    if (!existsSync(path.join(ctx.root, 'bridge', 'main.ts'))) return 'no bridge/main.ts, skipped';
    const out = path.join(ctx.outDir, PACKAGE_DIR, 'main', 'default', 'staticresources', 'teamsBridge.js');
    return `teamsBridge.js, ${formatSize(buildBridge(out, ctx.root))}`;
}

/** Bundle folders (containing `<name>.<ext>`) under every `<kind>/` folder of a tree. */
export function countBundles(dir: string, kind: 'lwc' | 'aura', ext: string): number {
    if (!existsSync(dir)) return 0;
    let count = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        const child = path.join(dir, entry.name);
        if (entry.name === kind) {
            count += readdirSync(child).filter((b) => existsSync(path.join(child, b, `${b}${ext}`))).length;
        } else {
            count += countBundles(child, kind, ext);
        }
    }
    return count;
}

export function build(
    root: string,
    steps: BuildStep[] = BUILD_STEPS,
    log: (line: string) => void = () => {}
): BuildResult {
    const started = Date.now();
    const ctx: BuildContext = { root, outDir: path.join(root, 'dist', 'deploy'), stats: {} };
    const done: BuildResult['steps'] = [];
    for (const step of steps) {
        const summary = step.run(ctx);
        done.push({ name: step.name, summary });
        log(`  ${step.name}: ${summary}`);
    }
    const built = path.join(ctx.outDir, PACKAGE_DIR);
    return {
        outDir: ctx.outDir,
        lwcBundles: countBundles(built, 'lwc', '.js-meta.xml'),
        auraBundles:
            countBundles(built, 'aura', '.cmp-meta.xml') + countBundles(built, 'aura', '.app-meta.xml'),
        filesCopied: ctx.stats.filesCopied ?? 0,
        compiledFiles: ctx.stats.jsCompiled ?? 0,
        seconds: (Date.now() - started) / 1000,
        steps: done
    };
}

function main(): void {
    const root = path.resolve(__dirname, '..');
    try {
        const result = build(root, BUILD_STEPS, (line) => console.log(line));
        console.log(
            `build: ${path.relative(root, result.outDir)} ready in ${result.seconds.toFixed(1)} s: ` +
                `${result.lwcBundles} LWC bundles (${result.compiledFiles} .js compiled), ` +
                `${result.auraBundles} Aura bundles, ${result.filesCopied} files copied`
        );
    } catch (error) {
        console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
    }
}

if (require.main === module) main();
