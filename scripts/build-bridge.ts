/**
 * Builds the `teamsBridge` static resource: bridge/main.ts with @azure/msal-browser and
 * @microsoft/microsoft-graph-client, bundled by esbuild into one minified IIFE.
 *
 * The bundle is build output and never goes into force-app/ (it is gitignored there); `npm run build`
 * writes it into the deploy tree, e.g. dist/deploy/force-app/main/default/staticresources/teamsBridge.js,
 * together with its teamsBridge.resource-meta.xml (kept in bridge/, unless the tree already has one).
 *
 * Run directly: `tsx scripts/build-bridge.ts [outFile]` (default dist/bridge/teamsBridge.js) prints the
 * raw and gzipped sizes.
 */
import { buildSync } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(__dirname, '..');
export const DEFAULT_BRIDGE_OUT = path.join(root, 'dist/bridge/teamsBridge.js');

const LICENSE_BANNER =
    '/*! teamsBridge. Includes @azure/msal-browser and @microsoft/microsoft-graph-client, ' +
    'Copyright (c) Microsoft Corporation, MIT License; tslib, Copyright (c) Microsoft Corporation, 0BSD. */';

export interface BundleSize {
    file: string;
    bytes: number;
    gzipBytes: number;
}

/** Raw and gzip -9 size of a file. */
export function sizeOf(file: string): BundleSize {
    const content = readFileSync(file);
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

/**
 * Bundles the bridge of project `projectRoot` into `outFile` (never inside the source tree's force-app/)
 * and returns its size. Synchronous, so it runs as a step of `npm run build`.
 */
export function buildBridge(outFile: string = DEFAULT_BRIDGE_OUT, projectRoot: string = root): BundleSize {
    const target = path.resolve(outFile);
    const sourceTree = path.join(projectRoot, 'force-app') + path.sep;
    if (target.startsWith(sourceTree)) {
        throw new Error(`buildBridge: refusing to write build output into the source tree (${target})`);
    }
    mkdirSync(path.dirname(target), { recursive: true });
    const result = buildSync({
        entryPoints: [path.join(projectRoot, 'bridge/main.ts')],
        outfile: target,
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: ['es2020'],
        minify: true,
        // one notice instead of esbuild's per-file list (about 50 KB raw)
        legalComments: 'none',
        banner: { js: LICENSE_BANNER },
        sourcemap: false,
        tsconfig: path.join(projectRoot, 'tsconfig.bridge.json'),
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'warning'
    });
    if (result.errors.length > 0) throw new Error('buildBridge: esbuild reported errors');
    // <name>.resource-meta.xml beside <name>.js makes the pair a StaticResource in an SFDX tree
    const meta = path.join(path.dirname(target), `${path.basename(target, '.js')}.resource-meta.xml`);
    // the static resource's metadata travels with the bundle, so the source tree has neither half
    if (!existsSync(meta)) copyFileSync(path.join(projectRoot, 'bridge/teamsBridge.resource-meta.xml'), meta);
    return sizeOf(target);
}

export function formatSize({ bytes, gzipBytes }: BundleSize): string {
    return `${(bytes / 1024).toFixed(1)} KB raw, ${(gzipBytes / 1024).toFixed(1)} KB gzip`;
}

if (require.main === module) {
    try {
        const size = buildBridge(process.argv[2] ?? DEFAULT_BRIDGE_OUT);
        console.log(`teamsBridge: ${path.relative(process.cwd(), size.file)}: ${formatSize(size)}`);
    } catch (error) {
        console.error(error instanceof Error ? error.message : error);
        process.exitCode = 1;
    }
}
