/**
 * One SFDX project tree (the source project, or the built one in dist/deploy) as SDR sees it: its
 * package directories, every file in them, the .forceignore, and the components SDR resolves.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ComponentSet, ForceIgnore, type SourceComponent } from '@salesforce/source-deploy-retrieve';
import { errorMessage, FileError, issue, type Issue } from './issues';

export type TreeKind = 'source' | 'built';

export interface MetadataTree {
    kind: TreeKind;
    /** The folder holding sfdx-project.json. */
    projectRoot: string;
    /** Paths in messages are relative to this folder (the repository root). */
    displayRoot: string;
    packageDirs: string[];
    /** Every file under the package directories, absolute, sorted. */
    files: string[];
    forceIgnore: ForceIgnore;
    components: SourceComponent[];
    /** Problems SDR reported while resolving the tree. */
    issues: Issue[];
}

/** Absolute package directories listed in `<projectRoot>/sfdx-project.json`. */
export function readPackageDirs(projectRoot: string): string[] {
    const file = path.join(projectRoot, 'sfdx-project.json');
    if (!existsSync(file)) throw new FileError(file, 'not found');
    let project: { packageDirectories?: { path?: unknown }[] };
    try {
        project = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
        throw new FileError(file, `invalid JSON: ${errorMessage(error)}`);
    }
    const dirs = (project.packageDirectories ?? []).map((d) => d.path).filter((p) => typeof p === 'string');
    if (dirs.length === 0) throw new FileError(file, 'packageDirectories lists no path');
    return dirs.map((d) => path.join(projectRoot, d as string));
}

export function listFiles(dir: string): string[] {
    if (!existsSync(dir)) return [];
    const out: string[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) out.push(...listFiles(full));
        else if (entry.isFile()) out.push(full);
    }
    return out.sort();
}

function componentKey(c: SourceComponent): string {
    return `${c.type.name}:${c.fullName}:${c.xml ?? c.content ?? ''}`;
}

function sdrIssue(tree: { displayRoot: string }, file: string, error: unknown): Issue {
    const message = errorMessage(error).split(`${tree.displayRoot}${path.sep}`).join('');
    return issue(tree.displayRoot, file, `SDR cannot resolve this file: ${message}`);
}

/** The file an SDR error names in brackets (`Unexpected child metadata [<path>] ...`), if any. */
function fileInError(error: unknown): string | undefined {
    const named = /\[([^\]]+)\]/.exec(errorMessage(error))?.[1];
    return named && existsSync(named) ? named : undefined;
}

/**
 * SDR resolves decomposed children lazily: a bad file under an object folder only fails when the
 * children are listed (and again in the conversion). List them once here and report the file.
 */
function probeChildren(tree: { displayRoot: string }, components: SourceComponent[]): Issue[] {
    const issues: Issue[] = [];
    for (const c of components) {
        try {
            c.getChildren();
            c.walkContent();
        } catch (error) {
            issues.push(sdrIssue(tree, fileInError(error) ?? c.xml ?? c.content ?? '.', error));
        }
    }
    return issues;
}

/**
 * Resolves all components. SDR stops at the first file it cannot place; then every file is resolved on
 * its own so that each bad file is reported and the rest is still checked.
 */
function resolveComponents(tree: Omit<MetadataTree, 'components' | 'issues'>): {
    components: SourceComponent[];
    issues: Issue[];
} {
    const existing = tree.packageDirs.filter((d) => existsSync(d));
    try {
        const components = ComponentSet.fromSource(existing).getSourceComponents().toArray();
        return { components, issues: probeChildren(tree, components) };
    } catch {
        const byKey = new Map<string, SourceComponent>();
        const issues: Issue[] = [];
        for (const file of tree.files.filter((f) => !tree.forceIgnore.denies(f))) {
            try {
                for (const c of ComponentSet.fromSource(file).getSourceComponents())
                    byKey.set(componentKey(c), c);
            } catch (error) {
                issues.push(sdrIssue(tree, file, error));
            }
        }
        const components = [...byKey.values()];
        return { components, issues: [...issues, ...probeChildren(tree, components)] };
    }
}

/** A component's children; none when SDR cannot list them (that problem is reported by resolution). */
export function childrenOf(component: SourceComponent): SourceComponent[] {
    try {
        return component.getChildren();
    } catch {
        return [];
    }
}

export function loadTree(
    projectRoot: string,
    kind: TreeKind,
    displayRoot: string = projectRoot
): MetadataTree {
    const packageDirs = readPackageDirs(projectRoot);
    const base = {
        kind,
        projectRoot,
        displayRoot,
        packageDirs,
        files: packageDirs.flatMap(listFiles),
        forceIgnore: ForceIgnore.findAndCreate(packageDirs[0])
    };
    return { ...base, ...resolveComponents(base) };
}

/** Every folder named `name` under `dir` (not inside __tests__ or node_modules). */
export function findFolders(dir: string, name: string): string[] {
    if (!existsSync(dir)) return [];
    const out: string[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory() || entry.name === '__tests__' || entry.name === 'node_modules') continue;
        const full = path.join(dir, entry.name);
        if (entry.name === name) out.push(full);
        else out.push(...findFolders(full, name));
    }
    return out.sort();
}
