/**
 * A small HTTPS client for Node-side tests and scripts that talk to the harness: it trusts the
 * harness CA and sends every `*.localhost` host to the loopback address (as Chromium does), so no
 * /etc/hosts entry is needed.
 */
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

export interface HarnessResponse {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    text: string;
    json<T = unknown>(): T;
}

export interface HarnessRequestOptions {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Record<string, unknown> | URLSearchParams;
}

const loopback: LookupFunction = (hostname, options, callback) => {
    if (options.all) {
        callback(null, [{ address: '127.0.0.1', family: 4 }]);
    } else {
        callback(null, '127.0.0.1', 4);
    }
};

export function createHarnessClient(caPem: string) {
    return function harnessRequest(
        url: string,
        options: HarnessRequestOptions = {}
    ): Promise<HarnessResponse> {
        const target = new URL(url);
        const headers: Record<string, string> = { ...(options.headers ?? {}) };
        let payload: string | undefined;
        if (options.body instanceof URLSearchParams) {
            payload = options.body.toString();
            headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
        } else if (typeof options.body === 'object' && options.body !== null) {
            payload = JSON.stringify(options.body);
            headers['Content-Type'] ??= 'application/json';
        } else if (typeof options.body === 'string') {
            payload = options.body;
        }
        if (payload !== undefined) {
            headers['Content-Length'] = String(Buffer.byteLength(payload));
        }
        return new Promise((resolve, reject) => {
            const req = httpsRequest(
                target,
                {
                    method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
                    headers,
                    ca: caPem,
                    lookup: target.hostname.endsWith('localhost') ? loopback : undefined,
                    agent: false
                },
                (res) => {
                    const chunks: Buffer[] = [];
                    res.on('data', (c: Buffer) => chunks.push(c));
                    res.on('end', () => {
                        const text = Buffer.concat(chunks).toString('utf8');
                        resolve({
                            status: res.statusCode ?? 0,
                            headers: res.headers,
                            text,
                            json: <T>() => JSON.parse(text) as T
                        });
                    });
                    res.on('error', reject);
                }
            );
            req.on('error', reject);
            req.end(payload);
        });
    };
}

export type HarnessRequest = ReturnType<typeof createHarnessClient>;
