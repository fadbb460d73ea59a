/**
 * The pages the browser tests load, built once per run:
 * - Visualforce origin: `/apex/TeamsBridge`, rendered from the real TeamsBridge.page as Visualforce would
 *   serve it (applyHtmlTag="false": the page's own <html>, docType html-5.0), with `{!$Resource.teamsBridge}`
 *   resolved to `/resource/teamsBridge` and the harness's `teams-bridge-config` meta element added;
 *   `/resource/teamsBridge`, the bridge bundle from scripts/build-bridge.ts; `/apex/E2eForger`, an empty
 *   page in the bridge's origin (another window than the bridge).
 * - Lightning origin: `/e2e/host`, a minimal host page with the real presenceSyncBridge client
 *   (e2e/host/hostPage.ts bundled by esbuild); `/e2e/forger`, an empty page in the host's origin.
 */
import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildBridge } from '../scripts/build-bridge';
import type { StaticAsset } from '../harness/bridgeHost/mount';
import type { HarnessUrls } from '../harness/server';
import { BRIDGE_PATHS, bridgePageBody } from '../harness/bridgeHost/bridgePage';
import { GERMAN_DEFAULT_DIR, readLabels } from '../harness/lwc/orgMetadata';

export const ROOT = path.resolve(__dirname, '..');
const BRIDGE_PAGE = path.join(ROOT, 'force-app/main/default/pages/TeamsBridge.page');
const OUT_DIR = path.join(ROOT, 'dist/e2e');

export const PATHS = {
    ...BRIDGE_PATHS,
    bridgeForger: '/apex/E2eForger',
    hostPage: '/e2e/host',
    hostScript: '/e2e/host.js',
    hostForger: '/e2e/forger'
} as const;

export interface Bundles {
    bridge: string;
    host: string;
    buildMs: number;
}

/** Builds the bridge bundle (as `npm run build` does) and the host page bundle. */
export function buildBundles(): Bundles {
    const t0 = Date.now();
    const bridgeFile = path.join(OUT_DIR, 'teamsBridge.js');
    buildBridge(bridgeFile, ROOT);
    const hostFile = path.join(OUT_DIR, 'host.js');
    const result = buildSync({
        entryPoints: [path.join(ROOT, 'e2e/host/hostPage.ts')],
        outfile: hostFile,
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: ['es2020'],
        tsconfig: path.join(ROOT, 'tsconfig.e2e.json'),
        sourcemap: 'inline',
        logLevel: 'warning'
    });
    if (result.errors.length > 0) throw new Error('e2e: esbuild reported errors for the host page');
    return {
        bridge: readFileSync(bridgeFile, 'utf8'),
        host: readFileSync(hostFile, 'utf8'),
        buildMs: Date.now() - t0
    };
}

const HOST_PAGE = `<!DOCTYPE html>
<html lang="en">
    <head>
        <meta charset="utf-8" />
        <title>E2E host (Lightning origin)</title>
        <link rel="icon" href="data:," />
    </head>
    <body>
        <h1>E2E host</h1>
        <div id="bridge-container"></div>
        <script src="${PATHS.hostScript}"></script>
    </body>
</html>
`;

/** A page with no script of its own: a test evaluates in it what a hostile page would run. */
export const FORGER_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8" /><title>forger</title><link rel="icon" href="data:," /></head>
<body><p>another window</p></body></html>
`;

export function pageAssets(bundles: Bundles, urls: HarnessUrls): StaticAsset[] {
    const html = 'text/html; charset=utf-8';
    const js = 'text/javascript; charset=utf-8';
    return [
        {
            origin: 'visualforce',
            path: PATHS.bridgePage,
            contentType: html,
            body: bridgePageBody(
                readFileSync(BRIDGE_PAGE, 'utf8'),
                urls,
                readLabels(path.join(ROOT, 'force-app/main/default'), path.join(ROOT, GERMAN_DEFAULT_DIR))
            ),
            // clickjack protection that admits the org's Lightning origin (and the bridge's own frames)
            frameAncestors: ["'self'", urls.lightning]
        },
        { origin: 'visualforce', path: PATHS.bridgeResource, contentType: js, body: bundles.bridge },
        { origin: 'visualforce', path: PATHS.bridgeForger, contentType: html, body: FORGER_PAGE },
        { origin: 'lightning', path: PATHS.hostPage, contentType: html, body: HOST_PAGE },
        { origin: 'lightning', path: PATHS.hostScript, contentType: js, body: bundles.host },
        { origin: 'lightning', path: PATHS.hostForger, contentType: html, body: FORGER_PAGE }
    ];
}
