/**
 * `npm run check:metadata`: offline checks of the Salesforce metadata that SDR (and `sf project deploy`)
 * would let through or silently drop: well-formed XML, root elements, bundle shapes, unclaimed files,
 * the data plans, then the SDR conversion and, for the built tree (dist/deploy, made by `npm run build`),
 * the LWC platform compiler. Prints every problem and one summary line; exits 1 on any error.
 * The checks live in scripts/metadata/ so that tests can run them on fixture trees.
 */
import path from 'node:path';
import { checkProject, type CheckResult } from './metadata/check';
import { formatIssue } from './metadata/issues';

export function summaryLine(result: CheckResult, seconds: number): string {
    const trees = result.trees.map(
        (t) => `${t.components} components (${t.kind === 'source' ? 'source' : t.root})`
    );
    const compiled = result.trees.find((t) => t.lwcCompiled !== undefined)?.lwcCompiled;
    const parts = [
        trees.join(', ') || 'no tree',
        ...(compiled === undefined
            ? ['no build to compile (run npm run build)']
            : [`${compiled} LWC bundles compiled`]),
        `${result.dataPlans} data plans (${result.dataRecords} records)`
    ];
    const warnings = result.issues.length - result.errors;
    const tail = `${result.errors} errors${warnings > 0 ? `, ${warnings} warnings` : ''} in ${seconds.toFixed(1)} s`;
    return `metadata: ${parts.join(', ')}: ${tail}`;
}

async function main(): Promise<void> {
    const started = Date.now();
    const root = path.resolve(__dirname, '..');
    const result = await checkProject({
        projectRoot: root,
        builtRoot: path.join(root, 'dist', 'deploy'),
        mdapiDir: path.join(root, 'dist', 'mdapi')
    });
    for (const i of result.issues) (i.severity === 'error' ? console.error : console.warn)(formatIssue(i));
    if (result.converted && result.errors === 0) {
        console.log(`Metadata API format of ${result.converted.from} written to ${result.converted.to}`);
    }
    console.log(summaryLine(result, (Date.now() - started) / 1000));
    process.exit(result.errors > 0 ? 1 : 0);
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(
            `check:metadata crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
        );
        process.exit(1);
    });
}
