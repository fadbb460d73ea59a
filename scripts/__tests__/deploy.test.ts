import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
    deploy,
    deployArgs,
    EXIT_GERMAN_FAILED,
    EXIT_SF_MISSING,
    findOnPath,
    nextSteps,
    runCommand,
    targetOrg,
    type DeployDeps
} from '../deploy';
import { FixtureProject } from './helpers/fixture';

interface Recorder {
    deps: DeployDeps;
    out: string[];
    err: string[];
    runs: { command: string; args: string[]; cwd: string }[];
    builds: string[];
}

function recorder(
    root: string,
    options: { sf?: boolean; status?: number; buildError?: Error } = {}
): Recorder {
    const r: Recorder = { out: [], err: [], runs: [], builds: [], deps: undefined as unknown as DeployDeps };
    r.deps = {
        root,
        findOnPath: (command) => (options.sf === false ? undefined : `/usr/local/bin/${command}`),
        run: (command, args, { cwd }) => {
            r.runs.push({ command, args, cwd });
            return options.status ?? 0;
        },
        build: (buildRoot) => {
            if (options.buildError) throw options.buildError;
            r.builds.push(buildRoot);
            return { outDir: path.join(buildRoot, 'dist', 'deploy') };
        },
        log: (line) => r.out.push(line),
        error: (line) => r.err.push(line)
    };
    return r;
}

describe('npm run deploy', () => {
    let project: FixtureProject;

    beforeEach(() => {
        project = new FixtureProject();
    });

    afterEach(() => {
        project.dispose();
    });

    it('explains how to install the Salesforce CLI and exits 2 when sf is missing, without building', () => {
        const r = recorder(project.root, { sf: false });
        expect(deploy(['--target-org', 'dev'], r.deps)).toBe(EXIT_SF_MISSING);
        expect(EXIT_SF_MISSING).toBe(2);
        expect(r.err[0]).toBe('deploy: the Salesforce CLI (sf) is not on PATH.');
        expect(r.err.join('\n')).toContain('npm install --global @salesforce/cli');
        expect(r.builds).toEqual([]);
        expect(r.runs).toEqual([]);
    });

    it('builds, then runs sf project deploy start inside dist/deploy with the extra flags passed through', () => {
        const r = recorder(project.root);
        expect(deploy(['--target-org', 'dev', '--wait', '30'], r.deps)).toBe(0);
        expect(r.builds).toEqual([project.root]);
        expect(r.runs).toEqual([
            {
                command: 'sf',
                args: [
                    'project',
                    'deploy',
                    'start',
                    '--source-dir',
                    'force-app',
                    '--target-org',
                    'dev',
                    '--wait',
                    '30'
                ],
                cwd: path.join(project.root, 'dist', 'deploy')
            }
        ]);
        const printed = r.out.join('\n');
        expect(printed).toContain('sf org assign permset --name PresenceSyncAdmin --target-org dev');
        expect(printed).toContain('sf org assign permset --name PresenceSyncAgent --target-org dev');
        expect(printed).toContain('sf org assign permset --name PresenceSyncSupervisor --target-org dev');
        expect(printed).toContain('sf data import tree --plan data/widgets-plan.json --target-org dev');
    });

    it('deploys German only on request, as a second deploy after English succeeded', () => {
        const plain = recorder(project.root);
        expect(deploy(['-o', 'dev'], plain.deps)).toBe(0);
        expect(plain.runs.map((run) => run.args[4])).toEqual(['force-app']);
        expect(plain.out).toContain('  npm run deploy -- --german --target-org dev');

        const withGerman = recorder(project.root);
        expect(deploy(['--german', '-o', 'dev'], withGerman.deps)).toBe(0);
        expect(withGerman.runs.map((run) => run.args)).toEqual([
            ['project', 'deploy', 'start', '--source-dir', 'force-app', '-o', 'dev'],
            ['project', 'deploy', 'start', '--source-dir', 'force-app-de', '-o', 'dev']
        ]);
        expect(withGerman.out.join('\n')).not.toContain('--german');
    });

    it('reports a failed German deploy as exit 3 and says that English is deployed', () => {
        const r = recorder(project.root);
        r.deps.run = (command, args) => (args.includes('force-app-de') ? 1 : 0);
        expect(deploy(['--german'], r.deps)).toBe(EXIT_GERMAN_FAILED);
        expect(EXIT_GERMAN_FAILED).toBe(3);
        expect(r.err[0]).toMatch(
            /^deploy: the English app is deployed; the German translations failed \(exit 1\)/
        );
        expect(r.err[0]).toContain('Translation Workbench');
    });

    it('passes sf failures on as exit 1 and prints no next steps', () => {
        const r = recorder(project.root, { status: 3 });
        expect(deploy([], r.deps)).toBe(1);
        expect(r.err).toEqual(['deploy: sf project deploy start failed (exit 3)']);
        expect(r.out.join('\n')).not.toContain('Next steps');
    });

    it('stops with exit 1 when the build fails', () => {
        const r = recorder(project.root, { buildError: new Error('tsconfig.build.json: broken') });
        expect(deploy([], r.deps)).toBe(1);
        expect(r.err).toEqual(['deploy: build failed: tsconfig.build.json: broken']);
        expect(r.runs).toEqual([]);
    });
});

describe('deploy helpers', () => {
    it('builds the sf arguments', () => {
        expect(deployArgs([])).toEqual(['project', 'deploy', 'start', '--source-dir', 'force-app']);
        expect(deployArgs(['-o', 'x', '--dry-run'])).toEqual([
            'project',
            'deploy',
            'start',
            '--source-dir',
            'force-app',
            '-o',
            'x',
            '--dry-run'
        ]);
    });

    it('finds the target org in every flag spelling', () => {
        expect(targetOrg(['--target-org', 'a'])).toBe('a');
        expect(targetOrg(['--wait', '5', '--target-org=b'])).toBe('b');
        expect(targetOrg(['-o', 'c'])).toBe('c');
        expect(targetOrg(['-o=d'])).toBe('d');
        expect(targetOrg(['--wait', '5'])).toBeUndefined();
    });

    it('names the delivered plan when no plan exists yet, and omits --target-org when none was given', () => {
        const lines = nextSteps(undefined, []);
        expect(lines).toContain('  sf data import tree --plan data/presence-configurations-plan.json');
        expect(lines).toContain(
            '  sf org assign permset --name PresenceSyncAgent [--on-behalf-of <username>]'
        );
    });

    it('finds an executable on PATH and nothing else', () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'path-'));
        try {
            writeFileSync(path.join(dir, 'fake-sf'), '#!/bin/sh\nexit 7\n');
            writeFileSync(path.join(dir, 'not-executable'), '');
            chmodSync(path.join(dir, 'fake-sf'), 0o755);
            const env = { PATH: ['/no/such/dir', dir].join(path.delimiter) };
            expect(findOnPath('fake-sf', env)).toBe(path.join(dir, 'fake-sf'));
            expect(findOnPath('not-executable', env)).toBeUndefined();
            expect(findOnPath('fake-sf', {})).toBeUndefined();
            expect(runCommand(path.join(dir, 'fake-sf'), [], { cwd: dir })).toBe(7);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
