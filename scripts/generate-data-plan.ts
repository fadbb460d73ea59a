/**
 * `npm run generate:data`: writes the `sf data import tree` plan of the delivered Presence State
 * Configurations from DELIVERED_CONFIGURATIONS (the one definition), Prettier-formatted:
 * data/presence-configurations-plan.json, data/PresenceStateConfiguration__c.json, data/PresenceStateLabel__c.json.
 * A test fails when the committed files differ from what this produces.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DELIVERED_CONFIGURATIONS } from '../force-app/main/default/lwc/presenceSyncDefaults/presenceSyncDefaults';

const ROOT = path.resolve(__dirname, '..');
export const DATA_DIR = path.join(ROOT, 'data');
export const PLAN_FILE = 'presence-configurations-plan.json';
export const PARENT_FILE = 'PresenceStateConfiguration__c.json';
export const CHILD_FILE = 'PresenceStateLabel__c.json';

type Fields = Record<string, unknown>;
interface TreeRecord extends Fields {
    attributes: { type: string; referenceId: string };
}

/** Fields with a value (null and undefined are omitted, as `sf data import tree` expects). */
function present(record: Fields, skip: string[]): Fields {
    return Object.fromEntries(
        Object.entries(record).filter(
            ([key, value]) => !skip.includes(key) && value !== null && value !== undefined
        )
    );
}

function rowsOf(config: Fields): Fields[] {
    const rel = config.PresenceStateLabels__r;
    const records = typeof rel === 'object' && rel !== null ? (rel as Fields).records : undefined;
    return Array.isArray(records) ? (records as Fields[]) : [];
}

/** The plan and the two record files as data. */
export function buildDataPlan(configs: Fields[]): Record<string, unknown> {
    const parents: TreeRecord[] = [];
    const children: TreeRecord[] = [];
    configs.forEach((config, i) => {
        const parentRef = `PresenceStateConfiguration${i + 1}`;
        parents.push({
            attributes: { type: 'PresenceStateConfiguration__c', referenceId: parentRef },
            ...present(config, ['PresenceStateLabels__r'])
        });
        rowsOf(config).forEach((row, j) => {
            children.push({
                attributes: {
                    type: 'PresenceStateLabel__c',
                    referenceId: `PresenceStateLabel${i + 1}_${j + 1}`
                },
                PresenceStateConfiguration__c: `@${parentRef}`,
                ...present(row, ['PresenceStateConfiguration__c'])
            });
        });
    });
    return {
        [PLAN_FILE]: [
            {
                sobject: 'PresenceStateConfiguration__c',
                saveRefs: true,
                resolveRefs: false,
                files: [PARENT_FILE]
            },
            { sobject: 'PresenceStateLabel__c', saveRefs: false, resolveRefs: true, files: [CHILD_FILE] }
        ],
        [PARENT_FILE]: { records: parents },
        [CHILD_FILE]: { records: children }
    };
}

/**
 * Formats with the project's Prettier (its CLI: Prettier 3's API loads ES modules, which Jest's CommonJS
 * runtime cannot), so the files are exactly what `prettier --check` accepts.
 */
function format(filepath: string, text: string): string {
    const prettier = path.join(ROOT, 'node_modules', '.bin', 'prettier');
    const result = spawnSync(prettier, ['--stdin-filepath', filepath], {
        cwd: ROOT,
        input: text,
        encoding: 'utf8'
    });
    if (result.status !== 0) throw new Error(`prettier failed on ${filepath}: ${result.stderr}`);
    return result.stdout;
}

/** File name -> content, formatted with the project's Prettier configuration. */
export function renderDataFiles(configs: Fields[]): Record<string, string> {
    const files: Record<string, string> = {};
    for (const [name, data] of Object.entries(buildDataPlan(configs))) {
        files[name] = format(path.join(DATA_DIR, name), JSON.stringify(data));
    }
    return files;
}

function main(): void {
    const files = renderDataFiles(DELIVERED_CONFIGURATIONS);
    for (const [name, content] of Object.entries(files)) {
        writeFileSync(path.join(DATA_DIR, name), content);
        console.log(`data/${name} written`);
    }
}

if (require.main === module) {
    main();
}
