/**
 * Serves the console shell on a running harness's Lightning origin:
 *   /console                         the service console (utility bar with the CTI Data Connector, panels)
 *   /setup/authorization             a Presence State Configuration record page with c-presence-authorization
 *   /dashboard?agents=N              the Live Agent Dashboard over N generated agents (dashboardMount.ts)
 *   /harness/console.js(.map)        the browser bundle (harness/lwc/build.ts)
 *   /harness/c.js.map                the source map of the `c` namespace, which the bundle evaluates in
 *                                    the Lightning Web Security sandbox
 *   /slds/…                          the Salesforce Lightning Design System assets (styles, icons, fonts)
 *   /                                redirects to /console
 * The org the pages run against (OrgSnapshot) is built here and inlined into each page: the console runs as
 * the agent, the setup page as the admin, the dashboard as the supervisor, each with only their permission
 * set; loading a page makes that user the session's (session.ts), which the Visualforce origin checks for
 * page access. The bridge page
 * on the Visualforce origin is not served here: callers mount it (scripts/start.ts and the browser
 * tests render it from the real Visualforce page, see e2e/pages.ts and harness/bridgeHost/mount.ts).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Harness } from '../server';
import { escapeHtml, sendHtml } from '../http/util';
import { NAMESPACE_MAP_FILE } from '../lwc/build';
import { buildOrgSnapshot } from '../lwc/orgMetadata';
import { DASHBOARD_PATH, mountDashboard } from './dashboardMount';
import { HARNESS_POLL_INTERVAL_SECONDS } from '../platform/constants';
import { installSession } from './session';
import type { HarnessUserKey } from '../platform/constants';
import type { PageConfig } from './pageConfig';
import { CONSOLE_CSS } from './styles';

export const CONSOLE_PATHS = {
    console: '/console',
    admin: '/setup/authorization',
    dashboard: DASHBOARD_PATH,
    script: '/harness/console.js',
    namespaceMap: `/harness/${NAMESPACE_MAP_FILE}`,
    slds: '/slds/'
} as const;

const SLDS_ASSETS = path.dirname(require.resolve('@salesforce-ux/design-system/package.json'));

const TYPES: Record<string, string> = {
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.png': 'image/png',
    '.js': 'text/javascript; charset=utf-8',
    '.map': 'application/json; charset=utf-8'
};

function sendFile(res: ServerResponse, file: string): void {
    if (!existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
        return;
    }
    res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': statSync(file).size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff'
    });
    createReadStream(file).pipe(res);
}

export function pageHtml(title: string, config: PageConfig): string {
    // </script> can't appear in the JSON: < is escaped
    const json = JSON.stringify(config).replace(/</g, '\\u003c');
    return `<!DOCTYPE html>
<html lang="en">
    <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${escapeHtml(title)}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="${CONSOLE_PATHS.slds}styles/salesforce-lightning-design-system.min.css" />
        <style>${CONSOLE_CSS}</style>
    </head>
    <body class="slds-scope">
        <script type="application/json" id="harness-config">${json}</script>
        <script src="${CONSOLE_PATHS.script}"></script>
    </body>
</html>
`;
}

export interface ConsoleMountOptions {
    /** the bundle from buildHarnessBundle() */
    bundleFile: string;
    /** project root (metadata and data of the org); default: this repository */
    root?: string;
    /**
     * Other Lightning pages (exact paths) that start a session as a user, e.g. the browser tests' bridge
     * host page, which stands in for the agent's console.
     */
    sessionPages?: Record<string, HarnessUserKey>;
}

/** Mounts the console pages; returns a function that unmounts them. */
export function mountConsole(
    harness: Pick<
        Harness,
        'mount' | 'intercept' | 'urls' | 'directory' | 'clientId' | 'supervisorClientId' | 'tenantId'
    >,
    options: ConsoleMountOptions
): () => void {
    const orgAs = (user: HarnessUserKey) =>
        buildOrgSnapshot({
            ...(options.root ? { root: options.root } : {}),
            clientId: harness.clientId,
            tenantId: harness.tenantId,
            pollIntervalSeconds: HARNESS_POLL_INTERVAL_SECONDS,
            user
        });
    const snapshot = orgAs('agent');
    const adminSnapshot = orgAs('admin');
    const teamsUsers = harness.directory
        .all()
        .map((u) => ({ upn: u.userPrincipalName, name: u.displayName }));
    const config = (page: PageConfig['page']): PageConfig => ({
        page,
        snapshot: page === 'admin' ? adminSnapshot : snapshot,
        urls: {
            lightning: harness.urls.lightning,
            visualforce: harness.urls.visualforce,
            control: harness.urls.control,
            graphApi: harness.urls.graphApi
        },
        teamsUser: teamsUsers[0]?.upn ?? '',
        teamsUsers
    });
    const consoleHtml = pageHtml('Service Console | Salesforce (harness)', config('console'));
    const adminHtml = pageHtml('Presence State Configuration | Salesforce (harness)', config('admin'));
    const unmounts = [
        installSession(harness, {
            pages: {
                ...options.sessionPages,
                [CONSOLE_PATHS.console]: 'agent',
                [CONSOLE_PATHS.admin]: 'admin',
                [CONSOLE_PATHS.dashboard]: 'supervisor'
            },
            snapshots: { agent: snapshot, admin: adminSnapshot, supervisor: orgAs('supervisor') }
        }),
        harness.mount('lightning', CONSOLE_PATHS.console, (_req, res) => sendHtml(res, 200, consoleHtml)),
        harness.mount('lightning', CONSOLE_PATHS.admin, (_req, res) => sendHtml(res, 200, adminHtml)),
        mountDashboard(harness, options, pageHtml),
        harness.mount('lightning', CONSOLE_PATHS.script, (_req, res) => sendFile(res, options.bundleFile)),
        harness.mount('lightning', `${CONSOLE_PATHS.script}.map`, (_req, res) =>
            sendFile(res, `${options.bundleFile}.map`)
        ),
        harness.mount('lightning', CONSOLE_PATHS.namespaceMap, (_req, res) =>
            sendFile(res, path.join(path.dirname(options.bundleFile), NAMESPACE_MAP_FILE))
        ),
        harness.mount('lightning', CONSOLE_PATHS.slds, (_req, res, url) => {
            const rel = path.normalize(decodeURIComponent(url.pathname.slice(CONSOLE_PATHS.slds.length)));
            if (rel.startsWith('..') || path.isAbsolute(rel)) {
                res.writeHead(400);
                res.end();
                return;
            }
            sendFile(res, path.join(SLDS_ASSETS, 'assets', rel));
        }),
        harness.mount('lightning', '/', (_req, res, url) => {
            if (url.pathname === '/') {
                res.writeHead(302, { Location: CONSOLE_PATHS.console });
                res.end();
            } else {
                sendHtml(
                    res,
                    404,
                    `<!DOCTYPE html><title>Not found</title><p>No route for ${escapeHtml(url.pathname)}</p>`
                );
            }
        })
    ];
    return () => {
        for (const u of unmounts) u();
    };
}

/** The SLDS package version served (for the README and the start banner). */
export function sldsVersion(): string {
    return (JSON.parse(readFileSync(path.join(SLDS_ASSETS, 'package.json'), 'utf8')) as { version: string })
        .version;
}
