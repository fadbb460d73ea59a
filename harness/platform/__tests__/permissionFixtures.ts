/**
 * Shared by the access tests: the harness org as one of its users sees it, with the real permission sets
 * of force-app (or a copy of one with a change), and the platform fakes installed for that user.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildOrgSnapshot, parsePermissionSet } from '../../lwc/orgMetadata';
import type { HarnessUserKey } from '../constants';
import { installRuntime, type PlatformRuntime } from '../runtime';
import type { OrgSnapshot } from '../types';

export const ROOT = path.resolve(__dirname, '../../..');
const DEFAULT_DIR = path.join(ROOT, 'force-app/main/default');

export function permissionSetXml(name: string): string {
    return readFileSync(path.join(DEFAULT_DIR, `permissionsets/${name}.permissionset-meta.xml`), 'utf8');
}

/** The permission set's XML without the <fieldPermissions> entry of `field` (Object.Field). */
export function withoutFieldPermission(xml: string, field: string): string {
    const block = new RegExp(
        `\\s*<fieldPermissions>(?:(?!</fieldPermissions>)[\\s\\S])*<field>${field.replace('.', '\\.')}</field>[\\s\\S]*?</fieldPermissions>`
    );
    if (!block.test(xml)) throw new Error(`no fieldPermissions for ${field}`);
    return xml.replace(block, '');
}

/** The permission set's XML with a different element block removed (e.g. the pageAccesses). */
export function withoutBlock(xml: string, tag: string, containing: string): string {
    const block = new RegExp(`\\s*<${tag}>(?:(?!</${tag}>)[\\s\\S])*${containing}[\\s\\S]*?</${tag}>`);
    if (!block.test(xml)) throw new Error(`no ${tag} with ${containing}`);
    return xml.replace(block, '');
}

/** The org as `user` sees it; `replace` swaps permission sets for (changed) XML. */
export function orgAs(user: HarnessUserKey, replace: Record<string, string> = {}): OrgSnapshot {
    const snapshot = buildOrgSnapshot({ clientId: 'client-1', tenantId: 'tenant-1', user });
    for (const [name, xml] of Object.entries(replace)) {
        snapshot.permissionSets[name] = parsePermissionSet(name, xml);
    }
    return snapshot;
}

/** Installs the platform fakes for this org (no latency, memory store). */
export function install(snapshot: OrgSnapshot): PlatformRuntime {
    return installRuntime(snapshot, { latencyMs: 0 });
}

/** The text of every gql`...` template of a component source file, by the const it is assigned to. */
export function gqlQueries(file: string): Record<string, string> {
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    const out: Record<string, string> = {};
    const pattern = /const ([A-Z_]+) = gql`([^`]*)`/g;
    for (let m = pattern.exec(source); m; m = pattern.exec(source)) out[m[1]] = m[2];
    if (Object.keys(out).length === 0) throw new Error(`${file}: no gql queries`);
    return out;
}

export function readSource(file: string): string {
    return readFileSync(path.join(ROOT, file), 'utf8');
}
