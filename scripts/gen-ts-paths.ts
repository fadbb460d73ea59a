/**
 * Writes one `paths` entry per LWC bundle (`c/<name>`) into tsconfig.json.
 * TypeScript rejects `c/*` -> `lwc/*\/*` (two wildcards, TS5062), so the list is generated.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const lwcDir = path.join(root, 'force-app/main/default/lwc');
const tsconfigPath = path.join(root, 'tsconfig.json');

export function lwcPaths(dir: string): Record<string, string[]> {
    const paths: Record<string, string[]> = {};
    if (!existsSync(dir)) return paths;
    for (const name of readdirSync(dir).sort()) {
        const source = path.join(dir, name, `${name}.ts`);
        if (existsSync(source)) {
            paths[`c/${name}`] = [`./${path.relative(root, source).split(path.sep).join('/')}`];
        }
    }
    return paths;
}

if (require.main === module) {
    const tsconfig = JSON.parse(readFileSync(tsconfigPath, 'utf8'));
    const next = lwcPaths(lwcDir);
    if (JSON.stringify(tsconfig.compilerOptions.paths) !== JSON.stringify(next)) {
        tsconfig.compilerOptions.paths = next;
        writeFileSync(tsconfigPath, `${JSON.stringify(tsconfig, null, 4)}\n`);
        console.log(`tsconfig.json: ${Object.keys(next).length} LWC path entries written`);
    }
}
