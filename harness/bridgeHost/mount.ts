/**
 * Serves prebuilt pages and scripts on the two Salesforce origins of a running harness: the bridge
 * page (`/apex/TeamsBridge`) and its static resource on the Visualforce origin, host pages on the
 * Lightning origin. The harness builds nothing and reads nothing of the project: callers pass the
 * page HTML and the bundles they built (e2e/pages.ts does, from the real Visualforce page).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Harness } from '../server';

export type SalesforceOrigin = 'lightning' | 'visualforce';

export interface StaticAsset {
    origin: SalesforceOrigin;
    /** exact path (a path ending in '/' is a prefix, as for Harness.mount) */
    path: string;
    contentType: string;
    /** a function renders per request, as Visualforce renders a page for the session's user */
    body: string | Buffer | ((req: IncomingMessage) => string);
    /**
     * Origins allowed to frame a page (`Content-Security-Policy: frame-ancestors`), like a
     * Visualforce page whose clickjack protection admits the org's own Lightning origin. Absent: no header.
     */
    frameAncestors?: readonly string[];
}

function send(req: IncomingMessage, res: ServerResponse, asset: StaticAsset): void {
    const raw = typeof asset.body === 'function' ? asset.body(req) : asset.body;
    const body = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    const headers: Record<string, string | number> = {
        'Content-Type': asset.contentType,
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff'
    };
    if (asset.frameAncestors !== undefined) {
        headers['Content-Security-Policy'] = `frame-ancestors ${asset.frameAncestors.join(' ')}`;
    }
    res.writeHead(200, headers);
    res.end(body);
}

/** Mounts every asset (GET and HEAD); returns a function that unmounts them all. */
export function mountAssets(harness: Pick<Harness, 'mount'>, assets: readonly StaticAsset[]): () => void {
    const unmounts = assets.map((asset) =>
        harness.mount(asset.origin, asset.path, (req, res) => {
            if (req.method !== 'GET' && req.method !== 'HEAD') {
                res.writeHead(405, { Allow: 'GET, HEAD' });
                res.end();
                return;
            }
            send(req, res, asset);
        })
    );
    return () => {
        for (const unmount of unmounts) unmount();
    };
}
