/**
 * `npm start`: the local harness, the embedded default (docs/harness.md). One command:
 * 1. builds the browser bundle of the components (harness/lwc/build.ts; skipped when up to date) and
 *    the Teams bridge bundle (scripts/build-bridge.ts, as `npm run build` does);
 * 2. starts the harness (Entra stand-in, Graph presence emulator, the two Salesforce origins) on
 *    port 8443 or $HARNESS_PORT (`--port N`; 0 picks a free one);
 * 3. serves the console shell on the Lightning origin and the bridge page `/apex/TeamsBridge` (rendered
 *    from the real Visualforce page) with `/resource/teamsBridge` on the Visualforce origin;
 * 4. prints the URLs, the test user, how to trust the certificate, and runs until Ctrl+C.
 * `--screenshots [dir]` (npm run screenshots) instead drives each page in headless Chromium
 * (harness/console/screenshot.ts), writes the README's pictures into dir (docs/screenshots) and stops.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mountAssets } from '../harness/bridgeHost/mount';
import { userCommandLine } from '../harness/browser/chromium';
import { CONSOLE_PATHS, mountConsole, sldsVersion } from '../harness/console/mount';
import { capturePages, SCREENSHOTS } from '../harness/console/screenshot';
import { buildHarnessBundle } from '../harness/lwc/build';
import { start, type Harness } from '../harness/server';
import { BRIDGE_PATHS, bridgePageBody } from '../harness/bridgeHost/bridgePage';
import { GERMAN_DEFAULT_DIR, readLabels } from '../harness/lwc/orgMetadata';
import { buildBridge } from './build-bridge';

const root = path.resolve(__dirname, '..');

export interface Started {
    harness: Harness;
    consoleUrl: string;
    adminUrl: string;
    dashboardUrl: string;
    stop(): Promise<void>;
}

export async function startLocal(port?: number): Promise<Started> {
    const lwc = await buildHarnessBundle();
    for (const s of lwc.skipped) console.warn(`! c/${s.component} left out of the build: ${s.error}`);
    const bridgeFile = path.join(root, 'dist/harness/teamsBridge.js');
    buildBridge(bridgeFile, root);
    console.log(
        `Built: components ${lwc.built ? `in ${(lwc.ms / 1000).toFixed(1)} s` : '(up to date)'} ` +
            `[${lwc.components.join(', ') || 'none yet'}], Teams bridge bundle`
    );
    const harness = await start(port === undefined ? {} : { port });
    mountAssets(harness, [
        {
            origin: 'visualforce',
            path: BRIDGE_PATHS.bridgePage,
            contentType: 'text/html; charset=utf-8',
            body: bridgePageBody(
                readFileSync(path.join(root, 'force-app/main/default/pages/TeamsBridge.page'), 'utf8'),
                harness.urls,
                readLabels(path.join(root, 'force-app/main/default'), path.join(root, GERMAN_DEFAULT_DIR))
            ),
            // Visualforce clickjack protection that admits the org's own Lightning origin
            frameAncestors: ["'self'", harness.urls.lightning]
        },
        {
            origin: 'visualforce',
            path: BRIDGE_PATHS.bridgeResource,
            contentType: 'text/javascript; charset=utf-8',
            body: readFileSync(bridgeFile)
        }
    ]);
    mountConsole(harness, { bundleFile: lwc.file, root });
    return {
        harness,
        consoleUrl: `${harness.urls.lightning}${CONSOLE_PATHS.console}`,
        adminUrl: `${harness.urls.lightning}${CONSOLE_PATHS.admin}`,
        dashboardUrl: `${harness.urls.lightning}${CONSOLE_PATHS.dashboard}`,
        stop: () => harness.stop()
    };
}

function banner(s: Started): string {
    const h = s.harness;
    const user = h.directory.all()[0];
    return [
        '',
        'Teams presence sync: local harness (everything Salesforce and Microsoft is emulated, see README "Run it locally")',
        '',
        `  Console (agent)        ${s.consoleUrl}`,
        `  German                 ${s.consoleUrl}?lang=de`,
        `  Authorize (admin)      ${s.adminUrl}`,
        `  Live Agent Dashboard   ${s.dashboardUrl}?agents=500  (1..5000 agents; Connect as sue.supervisor@acme.example)`,
        `  Teams bridge page      ${h.urls.visualforce}${BRIDGE_PATHS.bridgePage}  (needs the session of a page above)`,
        `  Microsoft sign-in      ${h.urls.authority}`,
        `  Graph / control API    ${h.urls.graphApi}  /  ${h.urls.control}`,
        '',
        `Sign in to Microsoft as ${user?.userPrincipalName ?? 'ada.agent@acme.example'} / password ${user?.password ?? 'Passw0rd!'}`,
        '  (enter that address in the connector: gear > Email; then Connect Microsoft Teams)',
        `Other test users: ${h.directory
            .all()
            .slice(1)
            .map((u) => u.userPrincipalName)
            .join(', ')}`,
        '',
        'Trust the local certificate (a new CA is generated at every start):',
        `  CA certificate: ${h.caPath}`,
        '  Chromium/Chrome, quick try with a throw-away profile (nothing turned off, as in the browser tests):',
        `    ${userCommandLine(h.chromiumArgs, s.consoleUrl)}`,
        '  or import the CA file into the browser (Settings > Privacy and security > Security > Manage certificates > Authorities).',
        '  *.localhost resolves to 127.0.0.1 in Chromium and Firefox; for curl: ' +
            `curl --cacert ${h.caPath} --resolve acme.lightning.force.localhost:${h.port}:127.0.0.1 ${s.consoleUrl}`,
        '',
        `SLDS ${sldsVersion()}. Ctrl+C stops the harness.`,
        ''
    ].join('\n');
}

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const portArg = args.indexOf('--port');
    const shotArg = args.indexOf('--screenshots');
    const next = args[shotArg + 1];
    const screenshot =
        shotArg >= 0 ? path.resolve(next && !next.startsWith('--') ? next : 'docs/screenshots') : undefined;
    const port = portArg >= 0 ? Number(args[portArg + 1]) : screenshot ? 0 : undefined;
    let started: Started;
    try {
        started = await startLocal(port);
    } catch (error) {
        const e = error as NodeJS.ErrnoException;
        if (e.code === 'EADDRINUSE') {
            console.error(
                `Port ${port ?? process.env.HARNESS_PORT ?? 8443} is in use: HARNESS_PORT=8444 npm start (or --port 0).`
            );
        } else {
            console.error(e.stack ?? String(e));
        }
        process.exit(1);
    }
    if (screenshot) {
        mkdirSync(screenshot, { recursive: true });
        const missed = await capturePages({
            consoleUrl: started.consoleUrl,
            adminUrl: started.adminUrl,
            dashboardUrl: `${started.dashboardUrl}?agents=40`,
            chromiumArgs: started.harness.chromiumArgs,
            dir: screenshot
        }).finally(() => started.stop());
        for (const name of Object.values(SCREENSHOTS)) {
            console.log(`wrote ${path.relative(process.cwd(), path.join(screenshot, name))}`);
        }
        for (const m of missed) console.log(`  not done: ${m}`);
        process.exit(missed.length === 0 ? 0 : 1);
    }
    console.log(banner(started));
    let stopping = false;
    const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`\n${signal}: stopping the harness…`);
        started.stop().then(
            () => process.exit(0),
            () => process.exit(1)
        );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) void main();
