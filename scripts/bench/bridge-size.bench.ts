/**
 * Benchmark: size of the Teams bridge bundle (minified, gzip -9) next to the two libraries' own
 * browser bundles. Target: the whole bridge at most 100 KB gzipped.
 *
 * Run: `tsx scripts/bench/bridge-size.bench.ts`; `benchBridgeSize()` returns the rows for a bench runner.
 */
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { buildBridge, sizeOf } from '../build-bridge';
import type { BundleSize } from '../build-bridge';

const root = path.resolve(__dirname, '../..');
export const TARGET_GZIP_BYTES = 100 * 1024;

export interface SizeRow extends BundleSize {
    name: string;
}

export interface BridgeSizeResult {
    rows: SizeRow[];
    bridgeGzipBytes: number;
    withinTarget: boolean;
}

/** Builds the bridge into a temporary folder and measures it and the libraries' published bundles. */
export async function benchBridgeSize(): Promise<BridgeSizeResult> {
    const dir = mkdtempSync(path.join(tmpdir(), 'bridge-size-'));
    try {
        const bridge = buildBridge(path.join(dir, 'teamsBridge.js'));
        const rows: SizeRow[] = [
            { name: 'teamsBridge (bridge server + MSAL + Graph client, minified IIFE)', ...bridge },
            {
                name: '@azure/msal-browser lib/msal-browser.min.js',
                ...sizeOf(path.join(root, 'node_modules/@azure/msal-browser/lib/msal-browser.min.js'))
            },
            {
                name: '@microsoft/microsoft-graph-client lib/graph-js-sdk.js (UMD)',
                ...sizeOf(
                    path.join(root, 'node_modules/@microsoft/microsoft-graph-client/lib/graph-js-sdk.js')
                )
            }
        ];
        return {
            rows,
            bridgeGzipBytes: bridge.gzipBytes,
            withinTarget: bridge.gzipBytes <= TARGET_GZIP_BYTES
        };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatBridgeSize(result: BridgeSizeResult): string {
    const width = Math.max(...result.rows.map((r) => r.name.length));
    const lines = result.rows.map(
        (r) =>
            `  ${r.name.padEnd(width)}  ${kb(r.bytes).padStart(9)} minified  ${kb(r.gzipBytes).padStart(8)} gzip`
    );
    const verdict = result.withinTarget ? 'within' : 'OVER';
    return [
        'Bridge bundle size (gzip -9; 1 KB = 1024 bytes)',
        ...lines,
        `  bridge: ${kb(result.bridgeGzipBytes)} gzip, ${verdict} the target of ${kb(TARGET_GZIP_BYTES)}`
    ].join('\n');
}

if (require.main === module) {
    benchBridgeSize().then(
        (result) => {
            console.log(formatBridgeSize(result));
            if (!result.withinTarget) process.exitCode = 1;
        },
        (error: unknown) => {
            console.error(error instanceof Error ? error.message : error);
            process.exitCode = 1;
        }
    );
}
