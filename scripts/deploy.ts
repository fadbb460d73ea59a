/**
 * `npm run deploy [-- [--german] <sf flags>]`: builds dist/deploy, then deploys it with the Salesforce CLI
 * the user has installed (`sf project deploy start --source-dir force-app`, run inside dist/deploy, extra
 * flags such as `--target-org` passed through), then prints the steps that follow a first deploy.
 * German lives in its own package directory (force-app-de): an org without Translation Workbench rejects
 * translations, and with them the whole deploy (Metadata API Developer Guide, "Translations" and
 * "CustomObjectTranslation"), so the English app is deployed on its own and German only on request
 * (`--german`), as a second deploy that cannot undo the first.
 * Exit codes: 0 deployed, 1 build or deploy failed, 2 `sf` is not installed, 3 English deployed but German
 * failed.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { build } from './build';
import { findDataPlans } from './metadata/data-plan';

export const PERMISSION_SETS = ['PresenceSyncAdmin', 'PresenceSyncAgent', 'PresenceSyncSupervisor'];
export const DEFAULT_PLAN = 'data/presence-configurations-plan.json';
export const EXIT_SF_MISSING = 2;
export const EXIT_GERMAN_FAILED = 3;
export const GERMAN_PACKAGE_DIR = 'force-app-de';
export const GERMAN_FLAG = '--german';

export type CommandRunner = (command: string, args: string[], options: { cwd: string }) => number;

export interface DeployDeps {
    root: string;
    /** Full path of an executable on PATH, or undefined. */
    findOnPath(command: string): string | undefined;
    run: CommandRunner;
    build(root: string): { outDir: string };
    log(line: string): void;
    error(line: string): void;
}

export function deployArgs(extra: string[], sourceDir = 'force-app'): string[] {
    return ['project', 'deploy', 'start', '--source-dir', sourceDir, ...extra];
}

/** The org named by `--target-org X`, `--target-org=X`, `-o X` or `-o=X`, if any. */
export function targetOrg(extra: string[]): string | undefined {
    for (let i = 0; i < extra.length; i++) {
        const m = /^(?:--target-org|-o)(?:=(.+))?$/.exec(extra[i]);
        if (m) return m[1] ?? extra[i + 1];
    }
    return undefined;
}

export function sfMissingMessage(): string[] {
    return [
        'deploy: the Salesforce CLI (sf) is not on PATH.',
        'Install it with:  npm install --global @salesforce/cli',
        '(current @salesforce/cli releases need Node.js 22 or later), check it with `sf --version`,',
        'log in to your org with `sf org login web --alias <alias>`, then run `npm run deploy -- --target-org <alias>`.'
    ];
}

export function nextSteps(org: string | undefined, plans: string[], germanDeployed = false): string[] {
    const target = org ? ` --target-org ${org}` : '';
    const planLines = (plans.length > 0 ? plans : [DEFAULT_PLAN]).map(
        (plan) => `  sf data import tree --plan ${plan}${target}`
    );
    return [
        'Next steps:',
        '1. Assign the permission sets (admins, agents, supervisors; each user needs only their own):',
        ...PERMISSION_SETS.map(
            (name) => `  sf org assign permset --name ${name}${target} [--on-behalf-of <username>]`
        ),
        '2. Load the delivered presence configurations (once per org):',
        ...planLines,
        ...(germanDeployed
            ? []
            : [
                  '3. German (optional; needs Translation Workbench: Setup > Translation Language Settings > Enable):',
                  `  npm run deploy -- ${GERMAN_FLAG}${target}`
              ])
    ];
}

export function deploy(args: string[], deps: DeployDeps): number {
    const german = args.includes(GERMAN_FLAG);
    const extra = args.filter((a) => a !== GERMAN_FLAG);
    if (!deps.findOnPath('sf')) {
        sfMissingMessage().forEach((line) => deps.error(line));
        return EXIT_SF_MISSING;
    }
    let outDir: string;
    try {
        outDir = deps.build(deps.root).outDir;
    } catch (error) {
        deps.error(`deploy: build failed: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
    }
    const english = deployArgs(extra);
    deps.log(`deploy: sf ${english.join(' ')}  (in ${path.relative(deps.root, outDir)})`);
    const status = deps.run('sf', english, { cwd: outDir });
    if (status !== 0) {
        deps.error(`deploy: sf project deploy start failed (exit ${status})`);
        return 1;
    }
    let code = 0;
    if (german) {
        const de = deployArgs(extra, GERMAN_PACKAGE_DIR);
        deps.log(`deploy: sf ${de.join(' ')}  (in ${path.relative(deps.root, outDir)})`);
        const deStatus = deps.run('sf', de, { cwd: outDir });
        if (deStatus !== 0) {
            deps.error(
                `deploy: the English app is deployed; the German translations failed (exit ${deStatus}). ` +
                    'Is Translation Workbench on in this org (Setup > Translation Language Settings)?'
            );
            code = EXIT_GERMAN_FAILED;
        }
    }
    const plans = findDataPlans(deps.root).map((p) => path.relative(deps.root, p).split(path.sep).join('/'));
    nextSteps(targetOrg(extra), plans, german && code === 0).forEach((line) => deps.log(line));
    return code;
}

export function findOnPath(command: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
    const extensions = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
    for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
        for (const ext of extensions) {
            const candidate = path.join(dir, `${command}${ext}`);
            try {
                accessSync(candidate, constants.X_OK);
                return candidate;
            } catch {
                // not here; keep looking
            }
        }
    }
    return undefined;
}

export const runCommand: CommandRunner = (command, args, options) => {
    const result = spawnSync(command, args, {
        cwd: options.cwd,
        stdio: 'inherit',
        shell: process.platform === 'win32'
    });
    return result.status ?? 1;
};

if (require.main === module) {
    const root = path.resolve(__dirname, '..');
    const code = deploy(process.argv.slice(2), {
        root,
        findOnPath,
        run: runCommand,
        build: (r) => {
            const result = build(r, undefined, (line) => console.log(line));
            console.log(`build: ${result.lwcBundles} LWC bundles in ${result.seconds.toFixed(1)} s`);
            return result;
        },
        log: (line) => console.log(line),
        error: (line) => console.error(line)
    });
    process.exit(code);
}
