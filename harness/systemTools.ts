/**
 * Programs of the machine (not npm packages) that some steps need: Chromium for the browser tests,
 * the benchmarks and `npm run screenshots`, and a Java runtime for the Apex checks. Each is looked
 * up where a user would have it; when it is missing, the error says exactly how to get one. Where the
 * process runs as root on Debian (as CI does), the Debian package is installed instead, and the user is
 * told so.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

export interface SystemTool {
    /** what the tool is, for messages ("Chromium") */
    name: string;
    /** environment variable naming the executable, checked first */
    variable: string;
    /** how the variable's value becomes the executable (JAVA_HOME names a folder) */
    executableFrom(value: string): string;
    /** executable names looked up on PATH */
    commands: string[];
    /** Debian / Ubuntu package that provides it */
    debianPackage: string;
    /** extra advice for systems other than Debian */
    otherSystems: string;
}

export const CHROMIUM: SystemTool = {
    name: 'Chromium',
    variable: 'CHROMIUM_PATH',
    executableFrom: (value) => value,
    commands: ['chromium', 'chromium-browser'],
    debianPackage: 'chromium',
    otherSystems:
        'On Ubuntu the package is chromium-browser (a snap); elsewhere install Chromium or Google Chrome and set ' +
        'CHROMIUM_PATH to its executable.'
};

export const JAVA: SystemTool = {
    name: 'a Java runtime (17 or newer)',
    variable: 'JAVA_HOME',
    executableFrom: (value) => path.join(value, 'bin', 'java'),
    commands: ['java'],
    debianPackage: 'openjdk-17-jre-headless',
    otherSystems: 'Elsewhere install any Java 17+ runtime and put java on PATH or set JAVA_HOME.'
};

function isExecutable(file: string): boolean {
    try {
        accessSync(file, constants.X_OK);
        return true;
    } catch {
        return false;
    }
}

function onPath(command: string, searchPath = process.env.PATH ?? ''): string | undefined {
    for (const dir of searchPath.split(path.delimiter)) {
        if (!dir) continue;
        const candidate = path.join(dir, command);
        if (isExecutable(candidate)) return candidate;
    }
    return undefined;
}

/** The tool's executable, or undefined. A variable that names a missing file is an error, not a miss. */
export function findTool(tool: SystemTool, env: NodeJS.ProcessEnv = process.env): string | undefined {
    const value = env[tool.variable];
    if (value) {
        const executable = tool.executableFrom(value);
        if (!isExecutable(executable)) {
            throw new Error(`${tool.variable}=${value}, but ${executable} is not an executable file.`);
        }
        return executable;
    }
    for (const command of tool.commands) {
        const found = onPath(command, env.PATH);
        if (found) return found;
    }
    return undefined;
}

/** Root on a Debian-based system with apt-get: the situation in which installing is ours to do. */
export function mayInstallDebianPackages(): boolean {
    return (
        typeof process.getuid === 'function' &&
        process.getuid() === 0 &&
        existsSync('/etc/debian_version') &&
        onPath('apt-get') !== undefined
    );
}

export function howToGet(tool: SystemTool, purpose: string): string {
    return (
        `${purpose} needs ${tool.name}, and none was found (${tool.variable} is not set; ` +
        `${tool.commands.join(', ')} is not on PATH). On Debian or Ubuntu: ` +
        `sudo apt-get install ${tool.debianPackage}. ${tool.otherSystems}`
    );
}

/**
 * The tool's executable. When it is missing: installs the Debian package if `mayInstallDebianPackages()`
 * (saying so), else throws an error that says how to get it.
 */
export function requireTool(
    tool: SystemTool,
    purpose: string,
    {
        env = process.env,
        mayInstall = mayInstallDebianPackages(),
        say = console.log
    }: { env?: NodeJS.ProcessEnv; mayInstall?: boolean; say?: (line: string) => void } = {}
): string {
    const found = findTool(tool, env);
    if (found) return found;
    if (!mayInstall) throw new Error(howToGet(tool, purpose));
    say(
        `${purpose} needs ${tool.name}; none was found, and this runs as root on Debian, so installing ` +
            `the Debian package ${tool.debianPackage} (apt-get install ${tool.debianPackage})...`
    );
    const started = Date.now();
    const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
        ['update', '-qq'],
        ['install', '-y', '-qq', tool.debianPackage]
    ]) {
        const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: aptEnv });
        if (result.status !== 0) {
            throw new Error(
                `apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal}). ${howToGet(tool, purpose)}`
            );
        }
    }
    const installed = findTool(tool, env);
    if (!installed)
        throw new Error(
            `${tool.debianPackage} was installed but no executable was found. ${howToGet(tool, purpose)}`
        );
    say(`Installed ${tool.debianPackage} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${installed}`);
    return installed;
}
