/**
 * `npm run scan`: Salesforce Code Analyzer (v5) on what gets deployed, the way a Salesforce security
 * review runs it: its PMD (with the AppExchange security rules), ESLint, regex and RetireJS engines, rule
 * selection "Recommended", "AppExchange" and "Security" (union). Fails on any violation of severity 1
 * (Critical) or 2 (High), and on any error an engine logs (a file ESLint cannot parse is a file not
 * checked); lists every other violation with file:line and its severity.
 *
 * Built on the library (`@salesforce/code-analyzer-core` and the engine packages) rather than
 * `@salesforce/plugin-code-analyzer`: the plugin is a Salesforce CLI (oclif) command that brings the CLI
 * core, the Graph Engine, the Flow engine (Python) and the ApexGuru engine (an org connection) with it;
 * the library runs offline in this Node process with only the engines wanted here.
 *
 * What is scanned (after `npm run build`):
 * - dist/deploy/force-app: Apex, the Visualforce page, the metadata XML, the compiled LWC and Aura
 *   JavaScript, CSS and HTML, with every engine;
 * - bridge/: the TypeScript sources of the Teams bridge page (without their tests), with every engine
 *   (ESLint's TypeScript rules need bridge/tsconfig.json to find the bridge's compiler settings);
 * - the built static resource staticresources/teamsBridge.js, a minified bundle of those sources with
 *   MSAL and the Graph client, with RetireJS only (known-vulnerable library versions). Linting minified
 *   third-party code with ESLint reports the bundler's and the libraries' style (about 2,000 findings
 *   such as prefer-const and no-prototype-builtins), not this project's code, whose sources are in bridge/.
 *
 * The PMD engine needs Java (found as check:apex finds it). Reports go to dist/code-analyzer/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } from '@salesforce/code-analyzer-core';
import type { EngineLogEvent, LogEvent, RunResults } from '@salesforce/code-analyzer-core';
import * as eslintEngine from '@salesforce/code-analyzer-eslint-engine';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import * as regexEngine from '@salesforce/code-analyzer-regex-engine';
import * as retireJsEngine from '@salesforce/code-analyzer-retirejs-engine';
import { JAVA, requireTool } from '../harness/systemTools';

const ROOT = path.resolve(__dirname, '..');
export const SELECTORS = ['Recommended', 'AppExchange', 'Security'];
/** Critical and High fail the scan */
export const FAILING_SEVERITY = 2;
export const SEVERITY_NAMES: Record<number, string> = {
    1: 'Critical',
    2: 'High',
    3: 'Moderate',
    4: 'Low',
    5: 'Info'
};
/** built bundles that only RetireJS checks (their sources are scanned in full) */
export const BUNDLES = ['**/staticresources/teamsBridge.js'];
/** never deployed */
export const NOT_SHIPPED = ['**/__tests__/**'];

export interface Finding {
    severity: number;
    engine: string;
    rule: string;
    /** relative to the project root */
    file: string;
    line: number;
    message: string;
}

export interface ScanOptions {
    /** the project root (config root; findings are reported relative to it) */
    root: string;
    /** files and folders scanned with every engine, except the bundles */
    targets: string[];
    /** java for the PMD engine */
    java: string;
    /** where Code Analyzer writes its logs */
    logFolder: string;
    /** glob patterns (relative to root) of built bundles that only RetireJS checks */
    bundles?: string[];
}

export interface ScanResult {
    findings: Finding[];
    /**
     * errors the engines logged, such as a file ESLint could not parse: such a file was not checked,
     * so they fail the scan like a severity 1 finding
     */
    engineErrors: string[];
    /** rules that ran per pass */
    rules: { full: number; bundles: number };
    results: RunResults[];
}

async function analyzer(options: ScanOptions, ignores: string[], errors: string[]): Promise<CodeAnalyzer> {
    const config = CodeAnalyzerConfig.fromObject(
        {
            log_folder: options.logFolder,
            log_level: LogLevel.Warn,
            ignores: { files: ignores },
            engines: {
                // PMD for Apex, Visualforce, metadata XML and HTML; JavaScript is ESLint's: PMD's JavaScript
                // parser (Rhino) fails on ES2019 syntax the components use (catch without a binding)
                pmd: { java_command: options.java, rule_languages: ['apex', 'visualforce', 'xml', 'html'] },
                // copy-paste detection is no security rule and costs a second Java run
                cpd: { disable_engine: true },
                // the engine's own base configs for JavaScript, TypeScript, LWC and SLDS; this project's
                // eslint.config.js is the ESLint step of npm test, and there is no React here
                eslint: { auto_discover_eslint_config: false, disable_react_base_config: true }
            }
        },
        options.root
    );
    const codeAnalyzer = new CodeAnalyzer(config);
    // errors only (an engine that fails to run also shows up as a severity 1 violation of Code Analyzer)
    codeAnalyzer.onEvent(EventType.LogEvent, (event: LogEvent) => {
        if (event.logLevel <= LogLevel.Error) errors.push(`code analyzer: ${event.message}`);
    });
    codeAnalyzer.onEvent(EventType.EngineLogEvent, (event: EngineLogEvent) => {
        if (event.logLevel <= LogLevel.Error)
            errors.push(`code analyzer (${event.engineName}): ${event.message}`);
    });
    for (const engine of [pmdEngine, eslintEngine, regexEngine, retireJsEngine]) {
        // one plugin per engine package, added in sequence (each validates its configuration)
        await codeAnalyzer.addEnginePlugin(engine.createEnginePlugin());
    }
    return codeAnalyzer;
}

function findingsOf(results: RunResults, root: string): Finding[] {
    return results.getViolations().map((v) => {
        const location = v.getPrimaryLocation();
        const file = location.getFile();
        return {
            severity: v.getRule().getSeverityLevel(),
            engine: v.getRule().getEngineName(),
            rule: v.getRule().getName(),
            file: file ? path.relative(root, file) : '(no file)',
            line: location.getStartLine() ?? 0,
            message: v.getMessage().replace(/\s+/g, ' ').trim()
        };
    });
}

/** Runs Code Analyzer: every engine on the targets without the bundles, then RetireJS on everything. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
    const bundles = options.bundles ?? [];
    const engineErrors: string[] = [];
    const full = await analyzer(options, [...bundles, ...NOT_SHIPPED], engineErrors);
    const fullWorkspace = await full.createWorkspace(options.targets);
    const fullRules = await full.selectRules(SELECTORS, { workspace: fullWorkspace });
    const fullResults = await full.run(fullRules, { workspace: fullWorkspace });

    const libraries = await analyzer(options, NOT_SHIPPED, engineErrors);
    const librariesWorkspace = await libraries.createWorkspace(options.targets);
    const libraryRules = await libraries.selectRules(['retire-js'], { workspace: librariesWorkspace });
    const libraryResults = await libraries.run(libraryRules, { workspace: librariesWorkspace });
    // RetireJS ran in both passes on the non-bundle files: keep each finding once
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const finding of [
        ...findingsOf(fullResults, options.root),
        ...findingsOf(libraryResults, options.root)
    ]) {
        const key = JSON.stringify(finding);
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push(finding);
    }
    findings.sort(
        (a, b) =>
            a.severity - b.severity ||
            a.file.localeCompare(b.file) ||
            a.line - b.line ||
            a.rule.localeCompare(b.rule)
    );
    return {
        findings,
        engineErrors,
        rules: { full: fullRules.getCount(), bundles: libraryRules.getCount() },
        results: [fullResults, libraryResults]
    };
}

export function formatFinding(f: Finding): string {
    return `${f.file}:${f.line}: [${f.severity} ${SEVERITY_NAMES[f.severity] ?? '?'}] ${f.engine}/${f.rule}: ${f.message}`;
}

export function failing(findings: readonly Finding[]): Finding[] {
    return findings.filter((f) => f.severity <= FAILING_SEVERITY);
}

async function main(): Promise<void> {
    const started = Date.now();
    let java: string;
    try {
        // installs Debian's openjdk-17-jre-headless when this runs as root on Debian (CI), and says so
        java = requireTool(JAVA, 'The security scan (Code Analyzer PMD engine)');
    } catch (error) {
        console.error(`scan: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
    }
    const out = path.join(ROOT, 'dist', 'code-analyzer');
    mkdirSync(out, { recursive: true });
    const result = await scan({
        root: ROOT,
        targets: [path.join(ROOT, 'dist', 'deploy', 'force-app'), path.join(ROOT, 'bridge')],
        java,
        logFolder: out,
        bundles: BUNDLES
    });
    writeFileSync(path.join(out, 'findings.json'), `${JSON.stringify(result.findings, null, 2)}\n`);
    const blocking = failing(result.findings);
    const rest = result.findings.filter((f) => f.severity > FAILING_SEVERITY);
    if (rest.length > 0) {
        console.log(`Findings of severity 3 to 5 (listed, not failing):`);
        for (const f of rest) console.log(`  ${formatFinding(f)}`);
    }
    for (const f of blocking) console.error(formatFinding(f));
    for (const e of result.engineErrors) console.error(e);
    const bySeverity = [1, 2, 3, 4, 5]
        .map((s) => `${result.findings.filter((f) => f.severity === s).length} ${SEVERITY_NAMES[s]}`)
        .join(', ');
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
        `scan: Salesforce Code Analyzer, ${result.rules.full} rules (${SELECTORS.join(' + ')}) and RetireJS on the bundles: ` +
            `${bySeverity}, ${result.engineErrors.length} engine errors in ${seconds} s; ` +
            `${blocking.length} of severity 1-2 (failing). Report: dist/code-analyzer/findings.json`
    );
    process.exit(blocking.length > 0 || result.engineErrors.length > 0 ? 1 : 0);
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(
            `scan crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
        );
        process.exit(1);
    });
}
