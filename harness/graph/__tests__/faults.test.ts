/**
 * The emulator's fault modes for what real Teams and Graph do: 429 whose Retry-After a browser cannot
 * read, sequenceNumber going down, Busy/InACall read back as Busy/Busy, a Teams client going Away when
 * idle and Offline when closed, the tenant-wide limit per app, and a propagation delay on writes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { createClock } from '../../clock';
import { Directory } from '../../directory';
import type { Caller } from '../auth';
import { GraphEmulator } from '../emulator';
import { createGraphHandler } from '../http';

// token validation (jose, ESM) is not under test here: the handler gets a fixed caller
jest.mock('../auth', () => ({ TokenError: class TokenError extends Error {} }));

const APP = '11111111-2222-4333-8444-555555555555';
const OTHER_APP = '99999999-2222-4333-8444-555555555555';
const ORIGIN = 'https://acme--c.vf.force.localhost';

function setup() {
    let real = 1_800_000_000_000;
    const clock = createClock(() => real);
    const directory = new Directory();
    const emulator = new GraphEmulator(directory, clock, () => real);
    const user = directory.get('ada.agent@acme.example');
    const handler = createGraphHandler({
        emulator,
        verify: (token: string): Promise<Caller> =>
            Promise.resolve({
                oid: user.id,
                tid: 'tenant',
                appId: token === 'other' ? OTHER_APP : APP,
                scopes: new Set(['Presence.Read', 'Presence.ReadWrite'])
            }),
        allowedOrigins: () => [ORIGIN],
        realNow: () => real
    });
    async function request(
        method: string,
        path: string,
        body?: unknown,
        token = 'app'
    ): Promise<{ status: number; headers: Record<string, string>; body: Record<string, unknown> }> {
        const text = body === undefined ? '' : JSON.stringify(body);
        const req = Object.assign(Readable.from(text === '' ? [] : [Buffer.from(text)]), {
            method,
            headers: { authorization: `Bearer ${token}`, origin: ORIGIN, 'content-type': 'application/json' },
            socket: { destroy: () => undefined }
        }) as unknown as IncomingMessage;
        let status = 0;
        let headers: Record<string, string> = {};
        let out = '';
        const res = {
            writeHead: (s: number, h: Record<string, string>) => {
                status = s;
                headers = h;
            },
            end: (t?: string) => {
                out = t ?? '';
            }
        } as unknown as ServerResponse;
        await handler(req, res, new URL(`https://graph.microsoft.localhost${path}`));
        return { status, headers, body: out === '' ? {} : (JSON.parse(out) as Record<string, unknown>) };
    }
    const advance = (ms: number) => {
        real += ms;
    };
    return { emulator, clock, user, request, advance };
}

describe('Graph emulator fault modes', () => {
    it('429 with a Retry-After the browser cannot read (left out of Access-Control-Expose-Headers)', async () => {
        const { emulator, request } = setup();
        emulator.throttle({ count: 1, retryAfterSeconds: 7, hideRetryAfter: true });
        const hidden = await request('GET', '/v1.0/me/presence');
        expect(hidden.status).toBe(429);
        expect(hidden.headers['Retry-After']).toBe('7');
        expect(hidden.headers['Access-Control-Expose-Headers']).not.toMatch(/retry-after/i);
        emulator.throttle({ count: 1, retryAfterSeconds: 7 });
        const exposed = await request('GET', '/v1.0/me/presence');
        expect(exposed.headers['Access-Control-Expose-Headers']).toMatch(/Retry-After/);
    });

    it('sequenceNumber goes down after a restart of the counter', async () => {
        const { emulator, user, request } = setup();
        emulator.setTeamsClient(user.id, 'Available', 'Available');
        emulator.setManualStatus(user.id, 'Busy');
        emulator.setManualStatus(user.id, 'DoNotDisturb');
        const before = String((await request('GET', '/v1.0/me/presence')).body.sequenceNumber);
        emulator.restartSequence(user.id);
        emulator.setManualStatus(user.id, 'Away');
        const after = String((await request('GET', '/v1.0/me/presence')).body.sequenceNumber);
        expect(after < before).toBe(true);
    });

    it("reads the app's Busy/InACall session back as Busy/Busy when asked to", async () => {
        const { emulator, request } = setup();
        emulator.setAppInACallReadsBusy(true);
        const write = await request('POST', '/v1.0/me/presence/setPresence', {
            sessionId: APP,
            availability: 'Busy',
            activity: 'InACall',
            expirationDuration: 'PT10M'
        });
        expect(write.status).toBe(200);
        const read = await request('GET', '/v1.0/me/presence');
        expect([read.body.availability, read.body.activity]).toEqual(['Busy', 'Busy']);
        // a Teams call of the person's own client still reads Busy/InACall
        emulator.setAppInACallReadsBusy(false);
        expect((await request('GET', '/v1.0/me/presence')).body.activity).toBe('InACall');
    });

    it('a Teams client goes Away when the user is idle and Offline when it is closed', () => {
        const { emulator, clock, user } = setup();
        emulator.setTeamsClient(user.id, 'Available', 'Available', 'desktop', 5 * 60_000);
        expect(emulator.presence(user.id).availability).toBe('Available');
        clock.advance(5 * 60_000);
        expect([emulator.presence(user.id).availability, emulator.presence(user.id).activity]).toEqual([
            'Away',
            'Away'
        ]);
        emulator.setTeamsClientIdle(user.id, false);
        expect(emulator.presence(user.id).availability).toBe('Available');
        emulator.setTeamsClientIdle(user.id, true);
        expect(emulator.presence(user.id).availability).toBe('Away');
        emulator.signOutTeamsClient(user.id);
        expect([emulator.presence(user.id).availability, emulator.presence(user.id).activity]).toEqual([
            'Offline',
            'Offline'
        ]);
    });

    it('limits each app (client id) to 1,500 requests per 30 s across the tenant, throttled requests counted', async () => {
        const { emulator, request, advance } = setup();
        emulator.setTenantLimit({});
        for (let i = 0; i < 1500; i += 1) {
            expect((await request('GET', '/v1.0/me/presence')).status).toBe(200);
        }
        advance(10_000);
        const over = await request('GET', '/v1.0/me/presence');
        expect(over.status).toBe(429);
        // the oldest request leaves the window 20 s from now
        expect(over.headers['Retry-After']).toBe('20');
        // another app registration has its own limit
        expect((await request('GET', '/v1.0/me/presence', undefined, 'other')).status).toBe(200);
        advance(20_000);
        // the 429 itself counted: 1 request in the window, well under the limit
        expect((await request('GET', '/v1.0/me/presence')).status).toBe(200);
        expect(emulator.log().filter((e) => e.status === 429)).toHaveLength(1);
    });

    it('acknowledges a write at once and shows it only after the propagation delay', async () => {
        const { emulator, clock, user, request } = setup();
        emulator.setTeamsClient(user.id, 'Available', 'Available');
        emulator.setPropagationDelay(3000);
        const write = await request('POST', '/v1.0/me/presence/setUserPreferredPresence', {
            availability: 'DoNotDisturb',
            activity: 'DoNotDisturb',
            expirationDuration: 'PT10M'
        });
        expect(write.status).toBe(200);
        expect((await request('GET', '/v1.0/me/presence')).body.availability).toBe('Available');
        clock.advance(3000);
        expect((await request('GET', '/v1.0/me/presence')).body.availability).toBe('DoNotDisturb');
        // clearing a session that does not exist is still 404 at once
        const clear = await request('POST', '/v1.0/me/presence/clearPresence', { sessionId: APP });
        expect(clear.status).toBe(404);
    });
});
