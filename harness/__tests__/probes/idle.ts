/**
 * Run by idle.test.ts in a child process (the harness loads ES-module-only packages that Jest's
 * CommonJS runtime cannot): drives `harness.idle()` with the connections a browser leaves behind and
 * prints one JSON line of what it observed.
 */
import { connect as tlsConnect } from 'node:tls';
import { connect as tcpConnect, type Socket } from 'node:net';
import { createHarnessClient } from '../../http/client';
import { HOSTS, start } from '../../server';

/** Resolves once `predicate` holds, checking after each turn of the event loop (a state, not a time). */
async function until(predicate: () => boolean): Promise<void> {
    while (!predicate()) await new Promise((resolve) => setImmediate(resolve));
}

/** A few turns of the event loop, so that everything the harness already has queued has run. */
async function settle(): Promise<void> {
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

function tracked(promise: Promise<void>): { done: () => boolean } {
    let done = false;
    void promise.then(() => {
        done = true;
    });
    return { done: () => done };
}

async function main(): Promise<void> {
    const harness = await start({ port: 0 });
    const observed: Record<string, unknown> = {};
    let release: () => void = () => undefined;
    harness.mount('lightning', '/slow', async (_req, res) => {
        await new Promise<void>((resolve) => {
            release = resolve;
        });
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('done');
    });

    // 1. a connection past its TLS handshake that never sends a request (a browser's preconnect, or a
    // kept-alive socket of a context that is gone): idle() closes it and resolves
    const preconnect = tlsConnect({
        host: '127.0.0.1',
        port: harness.port,
        servername: HOSTS.lightning,
        ca: harness.caPem
    });
    await new Promise<void>((resolve) => preconnect.once('secureConnect', () => resolve()));
    await until(() => harness.busy().includes('1 between requests'));
    observed.preconnectBusy = harness.busy();
    const closedByServer = new Promise<void>((resolve) => preconnect.once('close', () => resolve()));
    await harness.idle();
    await closedByServer;
    observed.preconnectIdle = true;

    // 2. a TCP connection still in its TLS handshake: idle() waits; when the client goes, it resolves
    const handshaking: Socket = tcpConnect({ host: '127.0.0.1', port: harness.port });
    await until(() => harness.busy().startsWith('1 connection'));
    const waitHandshake = tracked(harness.idle());
    await settle();
    observed.handshakeBusy = harness.busy();
    observed.handshakeResolvedEarly = waitHandshake.done();
    handshaking.destroy();
    await until(waitHandshake.done);
    observed.handshakeIdle = true;

    // 3. a request being handled: idle() waits for its response, then closes its connection
    const request = createHarnessClient(harness.caPem);
    const response = request(`${harness.urls.lightning}/slow`);
    await until(() => harness.busy().includes(`GET ${HOSTS.lightning}/slow`));
    const waitRequest = tracked(harness.idle());
    await settle();
    observed.requestBusy = harness.busy();
    observed.requestResolvedEarly = waitRequest.done();
    release();
    observed.response = (await response).text;
    await until(waitRequest.done);
    observed.requestIdle = true;
    observed.finalBusy = harness.busy();

    await harness.stop();
    process.stdout.write(`${JSON.stringify(observed)}\n`);
}

main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
});
