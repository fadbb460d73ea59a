/**
 * `harness.idle()` is what the browser tests wait on between scenarios. A socket that a browser opened
 * and never uses again (a preconnect, a kept-alive connection) must not keep it waiting; a request still
 * being handled and a connection still in its TLS handshake must.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

jest.setTimeout(60_000);

const root = join(__dirname, '..', '..');

function runProbe(): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
        execFile(
            process.execPath,
            [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(__dirname, 'probes', 'idle.ts')],
            { cwd: root },
            (error, stdout, stderr) => {
                if (error) {
                    reject(new Error(`idle probe failed: ${stderr || error.message}`));
                    return;
                }
                resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>);
            }
        );
    });
}

describe('harness.idle()', () => {
    let observed: Record<string, unknown>;
    beforeAll(async () => {
        observed = await runProbe();
    });

    it('closes a connection that finished its TLS handshake but never sent a request, then resolves', () => {
        expect(observed.preconnectBusy).toBe(
            '1 connection(s) open (0 in the TLS handshake, 1 between requests), 0 request(s) being handled'
        );
        expect(observed.preconnectIdle).toBe(true);
    });

    it('waits while a connection is still in its TLS handshake, and resolves when it closes', () => {
        expect(observed.handshakeBusy).toBe(
            '1 connection(s) open (1 in the TLS handshake, 0 between requests), 0 request(s) being handled'
        );
        expect(observed.handshakeResolvedEarly).toBe(false);
        expect(observed.handshakeIdle).toBe(true);
    });

    it('waits for a request being handled, names it while busy, and resolves after its response', () => {
        expect(observed.requestBusy).toBe(
            '1 connection(s) open (0 in the TLS handshake, 0 between requests), 1 request(s) being handled: ' +
                'GET acme.lightning.force.localhost/slow'
        );
        expect(observed.requestResolvedEarly).toBe(false);
        expect(observed.response).toBe('done');
        expect(observed.requestIdle).toBe(true);
        expect(observed.finalBusy).toBe(
            '0 connection(s) open (0 in the TLS handshake, 0 between requests), 0 request(s) being handled'
        );
    });
});
