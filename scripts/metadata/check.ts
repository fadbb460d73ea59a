/**
 * The whole offline metadata check (`npm run check:metadata`): the source tree always, the built tree in
 * dist/deploy when it exists, then the data plans, then the SDR conversion. Every check runs; every
 * problem is collected.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkAuraBundles, checkClaimed, checkLwcBundles, checkStaticResources } from './bundles';
import { convertToMetadataApi } from './convert';
import { checkDataPlans, findDataPlans } from './data-plan';
import { errorCount, errorMessage, FileError, issue, type Issue } from './issues';
import { checkLimits } from './limits';
import { checkTranslations } from './translations';
import { checkScratchDefinitions, checkWiring } from './wiring';
import { compileLwcBundles } from './lwc-compile';
import { readObjectDefinitions } from './objects';
import { loadTree, type MetadataTree, type TreeKind } from './tree';
import { checkXml } from './xml';

export interface CheckOptions {
    /** The source project (holds sfdx-project.json, force-app, data). */
    projectRoot: string;
    /** The built project to check too (dist/deploy), if it exists. */
    builtRoot?: string;
    /** Where the SDR conversion writes the Metadata API format. */
    mdapiDir: string;
}

export interface TreeSummary {
    kind: TreeKind;
    root: string;
    components: number;
    lwcCompiled?: number;
}

export interface CheckResult {
    trees: TreeSummary[];
    dataPlans: number;
    dataRecords: number;
    converted?: { from: string; to: string; components: number };
    issues: Issue[];
    errors: number;
}

/** The checks SDR does not make, on one tree. */
export function checkTree(tree: MetadataTree): Issue[] {
    const issues = [
        ...tree.issues,
        ...checkXml(tree),
        ...checkLwcBundles(tree),
        ...checkAuraBundles(tree),
        ...checkStaticResources(tree),
        ...checkLimits(tree),
        ...checkWiring(tree),
        ...checkTranslations(tree)
    ];
    // A file another check already explained is not reported again as unclaimed.
    const reported = new Set(issues.map((i) => i.file));
    return [...issues, ...checkClaimed(tree).filter((i) => !reported.has(i.file))];
}

/** Built-tree issues minus those the source tree already reported for the same copied file. */
export function withoutRepeats(builtIssues: Issue[], sourceIssues: Issue[], builtPrefix: string): Issue[] {
    const key = (i: Issue, file: string) => `${file}:${i.line}:${i.column}:${i.message}`;
    const seen = new Set(sourceIssues.map((i) => key(i, i.file)));
    return builtIssues.filter(
        (i) => !(i.file.startsWith(builtPrefix) && seen.has(key(i, i.file.slice(builtPrefix.length))))
    );
}

function loadOrReport(
    root: string,
    kind: TreeKind,
    displayRoot: string,
    issues: Issue[]
): MetadataTree | undefined {
    try {
        return loadTree(root, kind, displayRoot);
    } catch (error) {
        if (error instanceof FileError) issues.push(issue(displayRoot, error.file, error.reason));
        else issues.push(issue(displayRoot, root, errorMessage(error)));
        return undefined;
    }
}

export async function checkProject(options: CheckOptions): Promise<CheckResult> {
    const displayRoot = options.projectRoot;
    const issues: Issue[] = [];
    const trees: TreeSummary[] = [];
    const source = loadOrReport(options.projectRoot, 'source', displayRoot, issues);
    let dataPlans = 0;
    let dataRecords = 0;
    if (source) {
        issues.push(...checkTree(source), ...checkScratchDefinitions(options.projectRoot, displayRoot));
        trees.push({ kind: 'source', root: '.', components: source.components.length });
        const plans = checkDataPlans(
            findDataPlans(options.projectRoot),
            readObjectDefinitions(source.packageDirs),
            displayRoot
        );
        issues.push(...plans.issues);
        dataPlans = plans.plans.length;
        dataRecords = plans.records;
    }
    const builtRoot = options.builtRoot && existsSync(options.builtRoot) ? options.builtRoot : undefined;
    const built = builtRoot ? loadOrReport(builtRoot, 'built', displayRoot, issues) : undefined;
    if (built) {
        const prefix = `${path.relative(displayRoot, built.projectRoot).split(path.sep).join('/')}/`;
        issues.push(...withoutRepeats(checkTree(built), issues, prefix));
        const compiled = compileLwcBundles(built);
        issues.push(...compiled.issues);
        trees.push({
            kind: 'built',
            root: path.relative(displayRoot, built.projectRoot),
            components: built.components.length,
            lwcCompiled: compiled.bundles
        });
    }
    // The deployable tree is what gets converted; without a build, the source tree is. A tree SDR could
    // not resolve is not converted: the conversion would only repeat the resolution errors.
    const deployable = built ?? source;
    let converted: CheckResult['converted'];
    if (deployable && deployable.issues.length === 0) {
        const result = await convertToMetadataApi(deployable, options.mdapiDir);
        issues.push(...result.issues);
        converted = {
            from: path.relative(displayRoot, deployable.projectRoot) || '.',
            to: path.relative(displayRoot, options.mdapiDir),
            components: result.components
        };
    }
    return { trees, dataPlans, dataRecords, converted, issues, errors: errorCount(issues) };
}
