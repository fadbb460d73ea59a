/**
 * readBody settles in every case. A request whose connection closes before its body is read (a browser
 * context closed while the harness was checking the request's token) used to leave its handler waiting
 * for an 'end' that a destroyed request never emits: the harness stayed busy until the hang guard.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { readBody } from '../http/util';

let server: Server;
let port: number;
let arrived: (req: IncomingMessage) => void;

beforeAll(async () => {
    server = createServer((req) => arrived(req));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Sends a whole POST with a body on a raw connection; resolves with the request as the server sees it. */
async function postWhole(body: string): Promise<{ req: IncomingMessage; client: Socket }> {
    const request = new Promise<IncomingMessage>((resolve) => {
        arrived = resolve;
    });
    const client = connect({ host: '127.0.0.1', port });
    client.write(
        `POST /v1.0/me/presence/clearPresence HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
            `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
    );
    return { req: await request, client };
}

async function closed(req: IncomingMessage, client: Socket): Promise<void> {
    const gone = new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
    client.destroy();
    await gone;
}

describe('readBody', () => {
    it('rejects, naming the cause, when the connection closed before the body was read', async () => {
        const { req, client } = await postWhole('{"sessionId":"a"}');
        await closed(req, client);
        await expect(readBody(req)).rejects.toThrow('the connection closed before the request body was read');
    });

    it('returns the body of a request whose reading started before its client went away', async () => {
        const { req, client } = await postWhole('{"sessionId":"b"}');
        const early = readBody(req);
        await early;
        await closed(req, client);
        await expect(readBody(req)).resolves.toBe('{"sessionId":"b"}');
        expect(readBody(req)).toBe(early);
    });

    it('still reads an ordinary body', async () => {
        const { req, client } = await postWhole('{"sessionId":"c"}');
        await expect(readBody(req)).resolves.toBe('{"sessionId":"c"}');
        client.destroy();
    });
});
