/**
 * Compiles every LWC bundle of the built tree with the platform's compiler (`@lwc/compiler`, the version
 * sfdx-lwc-jest pins), so code the org would reject at deploy fails here: leftover TypeScript syntax,
 * invalid templates, bad decorator use.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from '@lwc/compiler';
import { errorMessage, issue, type Issue } from './issues';
import { listFiles, type MetadataTree } from './tree';

/** @lwc/errors DiagnosticLevel: Fatal 0, Error 1, Warning 2, Log 3. */
const WARNING_LEVEL = 2;
const COMPILED = new Set(['.js', '.html', '.css']);

interface Located {
    message: string;
    level?: number;
    location?: { line?: number; column?: number };
}

export interface CompileResult {
    bundles: number;
    files: number;
    issues: Issue[];
}

function position(d: Located): { line?: number; column?: number } {
    return d.location?.line ? { line: d.location.line, column: d.location.column } : {};
}

function compileFile(tree: MetadataTree, bundle: string, file: string): Issue[] {
    const name = path.basename(bundle);
    const relative = path.relative(bundle, file).split(path.sep).join('/');
    try {
        const result = transformSync(readFileSync(file, 'utf8'), relative, { name, namespace: 'c' });
        return (result.warnings ?? []).map((w: Located) =>
            issue(
                tree.displayRoot,
                file,
                `LWC compiler: ${w.message}`,
                position(w),
                (w.level ?? 0) >= WARNING_LEVEL ? 'warning' : 'error'
            )
        );
    } catch (error) {
        const located = error as Located;
        return [issue(tree.displayRoot, file, `LWC compiler: ${errorMessage(error)}`, position(located))];
    }
}

export function compileLwcBundles(tree: MetadataTree): CompileResult {
    const bundles = tree.components.filter((c) => c.type.name === 'LightningComponentBundle' && c.content);
    let files = 0;
    const issues: Issue[] = [];
    for (const bundle of bundles) {
        const dir = bundle.content as string;
        const sources = listFiles(dir).filter(
            (f) =>
                COMPILED.has(path.extname(f)) &&
                !f.includes(`${path.sep}__tests__${path.sep}`) &&
                !tree.forceIgnore.denies(f)
        );
        files += sources.length;
        for (const file of sources) issues.push(...compileFile(tree, dir, file));
    }
    return { bundles: bundles.length, files, issues };
}
