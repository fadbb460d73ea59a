import PresenceSyncBridge from 'c/presenceSyncBridge';
import { makeErrorReply, makeEvent, makeResultReply } from 'c/presenceSyncBridgeProtocol';
import type { BridgeEvent, BridgeRequest } from 'c/presenceSyncBridgeProtocol';

const LIGHTNING = 'https://acme.lightning.force.com';
const VF = 'https://acme--c.vf.force.com';
const BRIDGE_URL = `${VF}/apex/TeamsBridge?parentOrigin=${encodeURIComponent(LIGHTNING)}`;
const STATUS = { initialized: true, role: 'agent', account: null, interaction: 'idle' } as const;

interface Harness {
    bridge: PresenceSyncBridge;
    container: HTMLElement;
    frameWindow: Window;
    posted: BridgeRequest[];
    events: BridgeEvent[];
    deliver: (data: unknown, origin?: string, source?: unknown) => void;
}

function setUp(options: { ready?: boolean } = {}): Harness {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const events: BridgeEvent[] = [];
    const bridge = new PresenceSyncBridge({
        bridgeUrl: BRIDGE_URL,
        container,
        onEvent: (event) => events.push(event)
    });
    bridge.start();
    const frame = container.querySelector('iframe');
    if (frame === null || frame.contentWindow === null) throw new Error('no iframe');
    const frameWindow = frame.contentWindow;
    const posted: BridgeRequest[] = [];
    jest.spyOn(frameWindow, 'postMessage').mockImplementation((message: unknown) => {
        posted.push(message as BridgeRequest);
    });
    const deliver = (data: unknown, origin = VF, source: unknown = frameWindow): void => {
        const event = new MessageEvent('message', { data, origin });
        Object.defineProperty(event, 'source', { value: source });
        window.dispatchEvent(event);
    };
    if (options.ready !== false) deliver(makeEvent('ready', {}));
    return { bridge, container, frameWindow, posted, events, deliver };
}

afterEach(() => {
    jest.useRealTimers();
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-presence-sync-bridge', () => {
    it('creates a hidden, titled iframe on the bridge URL', () => {
        const { bridge, container } = setUp();

        const frame = container.querySelector('iframe');

        expect(frame?.src).toBe(BRIDGE_URL);
        expect(frame?.title).toBe('Microsoft Teams connection');
        expect(frame?.style.display).toBe('none');
        expect(bridge.isVisible).toBe(false);
    });

    it('sends a versioned request and resolves with the matching reply', async () => {
        const { bridge, posted, deliver, frameWindow } = setUp();

        const pending = bridge.request('getPresence', {});
        const [request] = posted;
        deliver(makeResultReply(request.id, 'getPresence', { availability: 'Busy', activity: 'InACall' }));

        await expect(pending).resolves.toEqual({
            ok: true,
            value: { availability: 'Busy', activity: 'InACall' }
        });
        expect(request).toMatchObject({ channel: 'presenceSync.teamsBridge', v: 1, kind: 'request' });
        expect(frameWindow.postMessage).toHaveBeenCalledWith(request, VF);
        expect(bridge.getCounters().accepted).toBe(2);
    });

    it('queues requests until the bridge is ready', async () => {
        const { bridge, posted, deliver } = setUp({ ready: false });

        const pending = bridge.request('status', {});
        expect(posted).toHaveLength(0);
        deliver(makeEvent('ready', {}));
        deliver(makeResultReply(posted[0].id, 'status', STATUS));

        await expect(pending).resolves.toEqual({ ok: true, value: STATUS });
        expect(bridge.isReady).toBe(true);
    });

    it('answers with a timeout error when no reply comes, and ignores the late reply', async () => {
        jest.useFakeTimers();
        const { bridge, posted, deliver } = setUp();

        const pending = bridge.request('setPresence', {
            availability: 'Busy',
            activity: 'InACall',
            expirationDuration: 'PT10M'
        });
        jest.advanceTimersByTime(15000);
        const result = await pending;
        deliver(makeResultReply(posted[0].id, 'setPresence', {}));

        expect(result).toEqual({ ok: false, error: { kind: 'timeout', detail: 'setPresence unanswered' } });
        expect(bridge.getCounters().droppedUnmatched).toBe(1);
    });

    it('ignores a reply from another origin', async () => {
        jest.useFakeTimers();
        const { bridge, posted, deliver } = setUp();

        const pending = bridge.request('getPresence', {}, 1000);
        deliver(
            makeResultReply(posted[0].id, 'getPresence', { availability: 'Away', activity: 'Away' }),
            LIGHTNING
        );
        jest.advanceTimersByTime(1000);

        await expect(pending).resolves.toMatchObject({ ok: false, error: { kind: 'timeout' } });
        expect(bridge.getCounters().droppedOrigin).toBe(1);
    });

    it('ignores a reply from the right origin but another window', async () => {
        jest.useFakeTimers();
        const { bridge, posted, deliver } = setUp();

        const pending = bridge.request('getPresence', {}, 1000);
        deliver(
            makeResultReply(posted[0].id, 'getPresence', { availability: 'Away', activity: 'Away' }),
            VF,
            window
        );
        jest.advanceTimersByTime(1000);

        await expect(pending).resolves.toMatchObject({ ok: false, error: { kind: 'timeout' } });
        expect(bridge.getCounters().droppedSource).toBe(1);
    });

    it.each([
        ['a string', 'hello'],
        ['null', null],
        ['another channel', { channel: 'other', v: 1, kind: 'event', type: 'ready', data: {} }],
        [
            'another version',
            { channel: 'presenceSync.teamsBridge', v: 2, kind: 'event', type: 'ready', data: {} }
        ],
        [
            'an unknown event',
            { channel: 'presenceSync.teamsBridge', v: 1, kind: 'event', type: 'boom', data: {} }
        ],
        [
            'a request',
            {
                channel: 'presenceSync.teamsBridge',
                v: 1,
                kind: 'request',
                id: 'x1',
                type: 'status',
                params: {}
            }
        ]
    ])('drops and counts %s', (_label, data) => {
        const { bridge, deliver, events } = setUp();

        expect(() => deliver(data)).not.toThrow();

        expect(bridge.getCounters().droppedMalformed).toBe(1);
        expect(events.map((e) => e.type)).toEqual(['ready']);
    });

    it('drops a reply whose type differs from the request', async () => {
        jest.useFakeTimers();
        const { bridge, posted, deliver } = setUp();

        const pending = bridge.request('getPresence', {}, 500);
        deliver(makeResultReply(posted[0].id, 'clearPresence', {}));
        jest.advanceTimersByTime(500);

        await expect(pending).resolves.toMatchObject({ ok: false, error: { kind: 'timeout' } });
        expect(bridge.getCounters().droppedMalformed).toBe(1);
    });

    it('drops a reply whose result fails the schema (and never passes extra fields on)', async () => {
        jest.useFakeTimers();
        const { bridge, posted, deliver } = setUp();

        const pending = bridge.request('getPresence', {}, 500);
        const reply = {
            ...makeResultReply(posted[0].id, 'getPresence', { availability: 'Busy', activity: 'x' })
        };
        deliver({ ...reply, result: { availability: 42 } });
        jest.advanceTimersByTime(500);

        await expect(pending).resolves.toMatchObject({ ok: false, error: { kind: 'timeout' } });
        expect(bridge.getCounters().droppedMalformed).toBe(1);
    });

    it('strips unknown fields such as a token from an accepted reply', async () => {
        const { bridge, posted, deliver } = setUp();

        const pending = bridge.request('getPresence', {});
        const reply = makeResultReply(posted[0].id, 'getPresence', {
            availability: 'Busy',
            activity: 'Busy'
        });
        deliver({
            ...reply,
            accessToken: 'eyJ...',
            result: { availability: 'Busy', activity: 'Busy', token: 't' }
        });

        expect(JSON.stringify(await pending)).not.toMatch(/eyJ|token/);
    });

    it.each([
        [{ kind: 'throttled', status: 429, retryAfter: '7' }],
        [{ kind: 'signInRequired', detail: 'interaction_required' }],
        [{ kind: 'consentRequired' }],
        [{ kind: 'accountMismatch' }],
        [{ kind: 'forbidden', status: 403 }],
        [{ kind: 'notFound', status: 404 }],
        [{ kind: 'network' }],
        [{ kind: 'server', status: 503 }],
        [{ kind: 'invalidRequest', status: 400 }]
    ] as const)('passes the typed error %j through as a BridgeError', async (error) => {
        const { bridge, posted, deliver } = setUp();

        const pending = bridge.request('clearPresence', { keepalive: true });
        deliver(makeErrorReply(posted[0].id, 'clearPresence', error));

        await expect(pending).resolves.toEqual({ ok: false, error });
    });

    it('drops an error reply with an unknown kind', () => {
        const { bridge, posted, deliver } = setUp();

        const pending = bridge.request('disconnect', {});
        deliver({
            ...makeErrorReply(posted[0].id, 'disconnect', { kind: 'network' }),
            error: { kind: 'boom' }
        });

        expect(bridge.getCounters().droppedMalformed).toBe(1);
        bridge.dispose();
        return expect(pending).resolves.toMatchObject({ ok: false });
    });

    it('refuses invalid parameters without posting', async () => {
        const { bridge, posted } = setUp();

        const result = await bridge.request('getPresencesByUserId', { ids: [] });

        expect(result).toMatchObject({ ok: false, error: { kind: 'invalidRequest' } });
        expect(posted).toHaveLength(0);
    });

    it('shows the iframe for connect and hides it when the bridge reports signedIn', () => {
        const { bridge, deliver, events } = setUp();

        const pending = bridge.connect();
        const shown = bridge.isVisible;
        deliver(makeEvent('signedIn', { objectId: 'oid-1', upn: 'agent@contoso.com' }));

        expect(shown).toBe(true);
        expect(bridge.isVisible).toBe(false);
        expect(events.map((e) => e.type)).toEqual(['ready', 'signedIn']);
        bridge.dispose();
        return expect(pending).resolves.toMatchObject({ ok: false });
    });

    it('dispose answers pending requests, removes the iframe and stops listening', async () => {
        const { bridge, container, posted, deliver } = setUp();

        const pending = bridge.request('getPresence', {});
        bridge.dispose();
        deliver(makeResultReply(posted[0].id, 'getPresence', { availability: 'Busy', activity: 'Busy' }));

        await expect(pending).resolves.toEqual({
            ok: false,
            error: { kind: 'network', detail: 'bridgeDisposed' }
        });
        expect(container.querySelector('iframe')).toBeNull();
        expect(bridge.getCounters().droppedUnmatched).toBe(0);
        await expect(bridge.request('status', {})).resolves.toMatchObject({ ok: false });
    });

    it('refuses a bridge URL that is not https', () => {
        expect(
            () => new PresenceSyncBridge({ bridgeUrl: 'http://x.test/', container: document.body })
        ).toThrow();
    });
});
