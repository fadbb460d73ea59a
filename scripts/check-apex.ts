/**
 * `npm run check:apex`: Salesforce's own Apex checker, apex-ls (Apex Dev Tools' `CheckForIssues`, shipped
 * inside `@salesforce/code-analyzer-pmd-engine`), run offline on the built project (dist/deploy, made by
 * `npm run build`). It resolves every type, method and field an Apex class uses against the platform's
 * type library and the project's own objects: a type mismatch, an unknown custom field or an unknown
 * method fails here instead of in the org. (It does not check the select list of a SOQL query.)
 *
 * Fails on every reported issue except the short allow-list below, prints each as `file:line: ...`.
 * Needs a Java runtime (11 or newer; Debian: `apt-get install openjdk-17-jre-headless`), found through
 * JAVA_HOME or PATH; without one it fails and says how to install it.
 */
import { JAVA, howToGet, requireTool } from '../harness/systemTools';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
export const APEX_LS_LIB = path.join(
    ROOT,
    'node_modules',
    '@salesforce',
    'code-analyzer-pmd-engine',
    'dist',
    'java-lib'
);
const APEX_LS_MAIN = 'io.github.apexdevtools.apexls.CheckForIssues';
/** apex-ls exit code when it reported issues (0: none) */
const EXIT_ISSUES = 4;
export const JAVA_HINT = howToGet(JAVA, 'The Apex check (apex-ls)');

export interface ApexIssue {
    /** path relative to the checked folder */
    file: string;
    line: number;
    /** apex-ls category: Error, Missing, Syntax, Warning, Unused, ... */
    kind: string;
    message: string;
}

export interface AllowedIssue {
    kind: string;
    /** the exact message apex-ls prints, as a whole-string pattern */
    message: RegExp;
    reason: string;
}

/**
 * What apex-ls reports although the code is right. Its type library (the sObject descriptions bundled
 * with apex-ls, API 65) lacks the Omni-Channel objects, so every use of them is "Missing". Nothing
 * else is allowed: the patterns match the whole message and only these two types, also as the element
 * type of a List/Set or the value of a Map keyed by Id.
 */
export const ALLOWED: readonly AllowedIssue[] = [
    {
        kind: 'Missing',
        message:
            /^No type declaration found for '(?:(?:List|Set)<|Map<Id, )?(?:Schema\.)?(?:UserServicePresence|ServicePresenceStatus)>?'$/,
        reason:
            'UserServicePresence and ServicePresenceStatus (Omni-Channel) are not in apex-ls type library; ' +
            'their fields are documented in the Object Reference for the Salesforce Platform'
    }
];

const ISSUE_LINE = /^([A-Za-z]+): line (\d+)(?::\d+ to \d+:\d+| at \d+(?:-\d+)?)?: (.*)$/;

/** Parses apex-ls text output: a file path line, then one line per issue of that file. */
export function parseReport(output: string, checkedRoot: string): ApexIssue[] {
    const issues: ApexIssue[] = [];
    let file = '';
    for (const raw of output.split(/\r?\n/)) {
        const line = raw.trimEnd();
        if (line === '') continue;
        const match = ISSUE_LINE.exec(line);
        if (match) {
            issues.push({ file, line: Number(match[2]), kind: match[1], message: match[3] });
        } else if (path.isAbsolute(line)) {
            file = path.relative(checkedRoot, line);
        } else {
            // a line apex-ls prints that is neither a file nor an issue: keep it, never drop output
            issues.push({ file, line: 0, kind: 'Output', message: line });
        }
    }
    return issues;
}

export function isAllowed(issue: ApexIssue): boolean {
    return ALLOWED.some((a) => a.kind === issue.kind && a.message.test(issue.message));
}

export function formatApexIssue(issue: ApexIssue): string {
    return `${issue.file}:${issue.line}: ${issue.kind}: ${issue.message}`;
}

export interface ApexCheckResult {
    /** Apex classes and triggers in the checked tree */
    files: number;
    issues: ApexIssue[];
    allowed: ApexIssue[];
    /** set when apex-ls could not run or crashed */
    failure: string | null;
}

function countApex(dir: string): number {
    let n = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) n += countApex(full);
        else if (entry.name.endsWith('.cls') || entry.name.endsWith('.trigger')) n += 1;
    }
    return n;
}

/** Runs apex-ls on an SFDX project folder (it needs its sfdx-project.json) and sorts out the allowed issues. */
export function checkApex(projectDir: string, java: string | null): ApexCheckResult {
    const result: ApexCheckResult = { files: 0, issues: [], allowed: [], failure: null };
    if (!existsSync(path.join(projectDir, 'sfdx-project.json'))) {
        result.failure = `${projectDir} is not an SFDX project (no sfdx-project.json): run npm run build first`;
        return result;
    }
    result.files = countApex(projectDir);
    if (java === null) {
        result.failure = JAVA_HINT;
        return result;
    }
    if (!existsSync(APEX_LS_LIB)) {
        result.failure = `apex-ls not found at ${APEX_LS_LIB}: run npm ci`;
        return result;
    }
    const run = spawnSync(java, ['-cp', path.join(APEX_LS_LIB, '*'), APEX_LS_MAIN, '-n', '-w', projectDir], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024
    });
    if (run.error) {
        result.failure = `could not run ${java}: ${run.error.message}. ${JAVA_HINT}`;
        return result;
    }
    if (run.status !== 0 && run.status !== EXIT_ISSUES) {
        result.failure = `apex-ls ended with exit code ${run.status ?? run.signal}: ${(run.stderr + run.stdout).trim()}`;
        return result;
    }
    const reported = parseReport(`${run.stdout}\n${run.stderr}`, projectDir);
    if (run.status === EXIT_ISSUES && reported.length === 0) {
        result.failure = `apex-ls reported issues (exit code 4) that could not be read: ${run.stdout}${run.stderr}`;
        return result;
    }
    for (const issue of reported) (isAllowed(issue) ? result.allowed : result.issues).push(issue);
    return result;
}

function main(): void {
    const started = Date.now();
    const dir = path.join(ROOT, 'dist', 'deploy');
    let java: string | null;
    try {
        // installs Debian's openjdk-17-jre-headless when this runs as root on Debian (CI), and says so
        java = requireTool(JAVA, 'The Apex check (apex-ls)');
    } catch (error) {
        console.error(`check:apex: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
    }
    const result = checkApex(dir, java);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.failure !== null) {
        console.error(`check:apex: ${result.failure}`);
        process.exit(1);
    }
    for (const issue of result.issues) console.error(formatApexIssue(issue));
    console.log(
        `apex: ${result.files} Apex files in dist/deploy checked by apex-ls: ${result.issues.length} issues, ` +
            `${result.allowed.length} allowed (Omni-Channel types apex-ls does not know) in ${seconds} s`
    );
    process.exit(result.issues.length > 0 ? 1 : 0);
}

if (require.main === module) main();
