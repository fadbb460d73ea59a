import type { IncomingMessage, ServerResponse } from 'node:http';

/** Reads a request body (at most `limit` bytes). */
export function readBody(req: IncomingMessage, limit = 2 * 1024 * 1024): Promise<string> {
    return new Promise((resolve, reject) => {
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
    });
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
