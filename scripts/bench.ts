/**
 * `npm run bench`: runs every `scripts/bench/*.bench.ts` in its own Node process (with `--expose-gc`, so a
 * bench can measure retained heap) and prints what each prints. Not part of `npm test`: figures only,
 * no timing thresholds. Exit code 1 when a bench fails to run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const benchDir = path.join(__dirname, 'bench');

/** The bench files, in name order. */
export function benchFiles(dir = benchDir): string[] {
    return readdirSync(dir)
        .filter((name) => name.endsWith('.bench.ts'))
        .sort()
        .map((name) => path.join(dir, name));
}

function main(): void {
    let failed = 0;
    for (const file of benchFiles()) {
        console.log(`\n=== ${path.relative(path.join(__dirname, '..'), file)} ===`);
        const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file], {
            cwd: path.join(__dirname, '..'),
            stdio: 'inherit',
            env: process.env
        });
        if (result.status !== 0) {
            console.error(`✗ ${path.basename(file)} failed (exit ${result.status ?? result.signal})`);
            failed++;
        }
    }
    process.exit(failed ? 1 : 0);
}

if (require.main === module) main();
