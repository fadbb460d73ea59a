/**
 * Bundle shape checks SDR does not make: an LWC folder without its js-meta.xml or its source, an Aura
 * folder without its definition, and a static resource without its resource-meta.xml all convert
 * silently (the last one is skipped and never deployed; tried with @salesforce/source-deploy-retrieve).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { issue, type Issue } from './issues';
import { childrenOf, findFolders, type MetadataTree } from './tree';

const AURA_DEFINITIONS = ['.cmp', '.app', '.evt', '.intf', '.tokens'];
const RESOURCE_META = '.resource-meta.xml';

/** Sub-folders of `dir` that are bundles (not hidden, not __tests__, not .forceignored). */
function bundleDirs(tree: MetadataTree, dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== '__tests__')
        .map((e) => path.join(dir, e.name))
        .filter((d) => !tree.forceIgnore.denies(d));
}

function typeFolders(tree: MetadataTree, name: string): string[] {
    return tree.packageDirs.flatMap((d) => findFolders(d, name));
}

function checkLwcBundle(tree: MetadataTree, bundle: string): Issue[] {
    const name = path.basename(bundle);
    const has = (file: string) => existsSync(path.join(bundle, file));
    const issues: Issue[] = [];
    if (!has(`${name}.js-meta.xml`)) {
        const others = readdirSync(bundle).filter((f) => f.endsWith('.js-meta.xml'));
        const hint =
            others.length > 0 ? ` (found ${others.join(', ')}; the file must be named after the folder)` : '';
        issues.push(issue(tree.displayRoot, bundle, `missing ${name}.js-meta.xml${hint}`));
    }
    if (tree.kind === 'source' && !has(`${name}.ts`)) {
        issues.push(issue(tree.displayRoot, bundle, `missing ${name}.ts (the bundle's TypeScript source)`));
    }
    if (tree.kind === 'built' && !has(`${name}.js`)) {
        issues.push(
            issue(tree.displayRoot, bundle, `missing ${name}.js (was ${name}.ts compiled by npm run build?)`)
        );
    }
    if (tree.kind === 'built') {
        for (const ts of readdirSync(bundle).filter((f) => f.endsWith('.ts'))) {
            issues.push(
                issue(tree.displayRoot, path.join(bundle, ts), 'TypeScript source in the deployable tree')
            );
        }
    }
    return issues;
}

export function checkLwcBundles(tree: MetadataTree): Issue[] {
    return typeFolders(tree, 'lwc').flatMap((dir) =>
        bundleDirs(tree, dir)
            .map((b) => checkLwcBundle(tree, b))
            .flat()
    );
}

function checkAuraBundle(tree: MetadataTree, bundle: string): Issue[] {
    const name = path.basename(bundle);
    const definition = AURA_DEFINITIONS.map((ext) => `${name}${ext}`).find((f) =>
        existsSync(path.join(bundle, f))
    );
    if (!definition) return [issue(tree.displayRoot, bundle, `missing ${name}.cmp or ${name}.app`)];
    if (!existsSync(path.join(bundle, `${definition}-meta.xml`))) {
        return [issue(tree.displayRoot, bundle, `missing ${definition}-meta.xml`)];
    }
    return [];
}

export function checkAuraBundles(tree: MetadataTree): Issue[] {
    return typeFolders(tree, 'aura').flatMap((dir) =>
        bundleDirs(tree, dir)
            .map((b) => checkAuraBundle(tree, b))
            .flat()
    );
}

/** The resource name of a static resource file or folder: `teamsBridge.js` -> `teamsBridge`. */
export function resourceName(entry: string): string {
    return entry.split('.')[0];
}

function checkStaticResourceFolder(tree: MetadataTree, dir: string): Issue[] {
    const entries = readdirSync(dir).filter((e) => !tree.forceIgnore.denies(path.join(dir, e)));
    const metas = new Set(
        entries.filter((e) => e.endsWith(RESOURCE_META)).map((e) => e.slice(0, -RESOURCE_META.length))
    );
    const contents = entries.filter((e) => !e.endsWith(RESOURCE_META));
    const issues: Issue[] = [];
    for (const content of contents) {
        if (metas.has(resourceName(content))) continue;
        const kind = statSync(path.join(dir, content)).isDirectory() ? 'folder' : 'file';
        issues.push(
            issue(
                tree.displayRoot,
                path.join(dir, content),
                `static resource ${kind} has no ${resourceName(content)}${RESOURCE_META} ` +
                    '(SDR skips it silently, so it would not be deployed)'
            )
        );
    }
    // A resource-meta.xml without content is an SDR resolution error already ("Expected source files").
    return issues;
}

export function checkStaticResources(tree: MetadataTree): Issue[] {
    return typeFolders(tree, 'staticresources').flatMap((dir) => checkStaticResourceFolder(tree, dir));
}

/** Every file under the package directories belongs to a component or is denied by .forceignore. */
export function checkClaimed(tree: MetadataTree): Issue[] {
    const claimed = new Set<string>();
    for (const c of tree.components) {
        if (c.xml) claimed.add(c.xml);
        for (const f of c.walkContent()) claimed.add(f);
        for (const child of childrenOf(c)) {
            if (child.xml) claimed.add(child.xml);
            for (const f of child.walkContent()) claimed.add(f);
        }
    }
    return tree.files
        .filter((f) => !claimed.has(f) && !tree.forceIgnore.denies(f))
        .map((f) => issue(tree.displayRoot, f, 'not part of any metadata component (would not be deployed)'));
}
