import type { IncomingMessage, ServerResponse } from 'node:http';

const BODY_LIMIT = 2 * 1024 * 1024;
const bodies = new WeakMap<IncomingMessage, Promise<string>>();

/**
 * Reads a request body (at most `limit` bytes). The first call starts reading; later calls get the same
 * promise. It settles in every case: a connection that closes before the body has been read rejects it
 * (a destroyed request emits no 'end', and a handler waiting for one would be in hand for ever).
 */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<string> {
    const started = bodies.get(req);
    if (started) return started;
    const body = new Promise<string>((resolve, reject) => {
        if (req.readableEnded) {
            reject(new Error('the request body was already read'));
            return;
        }
        if (req.destroyed) {
            reject(new Error('the connection closed before the request body was read'));
            return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        req.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) {
                reject(new Error('request body too large'));
                req.destroy();
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
        // after 'end' this changes nothing (a promise settles once)
        req.on('close', () => reject(new Error('the connection closed before the request body was read')));
    });
    // a rejection nobody awaits yet (the body was started early) is not an unhandled one
    body.catch(() => undefined);
    bodies.set(req, body);
    return body;
}

export function sendJson(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
        ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
        'Content-Length': Buffer.byteLength(text),
        'Cache-Control': 'no-store',
        ...headers
    });
    res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
    res.writeHead(status, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(html),
        'Cache-Control': 'no-store'
    });
    res.end(html);
}

export function escapeHtml(value: unknown): string {
    return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The host name of a request without the port, lower-cased. */
export function hostOf(req: IncomingMessage): string {
    const host = (req.headers.host ?? '').toLowerCase();
    return host.replace(/:\d+$/, '');
}
