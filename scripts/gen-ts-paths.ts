/**
 * Writes one `paths` entry per LWC bundle (`c/<name>`) into the tsconfig files that see LWC modules.
 * TypeScript rejects `c/*` -> `lwc/*\/*` (two wildcards, TS5062), so the list is generated.
 * Scripts (the data plan generator, benchmarks) import LWC modules too, so they get the same paths.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';

const root = path.resolve(__dirname, '..');
const lwcDir = path.join(root, 'force-app/main/default/lwc');
const TSCONFIGS = ['tsconfig.json', 'tsconfig.scripts.json'];

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

async function main(): Promise<void> {
    const next = lwcPaths(lwcDir);
    for (const file of TSCONFIGS) {
        const tsconfigPath = path.join(root, file);
        const tsconfig = JSON.parse(readFileSync(tsconfigPath, 'utf8'));
        if (JSON.stringify(tsconfig.compilerOptions.paths) !== JSON.stringify(next)) {
            tsconfig.compilerOptions.paths = next;
            // formatted as Prettier would, so the check that runs first in npm test stays green
            const options = { ...(await resolveConfig(tsconfigPath)), filepath: tsconfigPath };
            writeFileSync(tsconfigPath, await format(JSON.stringify(tsconfig), options));
            console.log(`${file}: ${Object.keys(next).length} LWC path entries written`);
        }
    }
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exitCode = 1;
    });
}
