import { DashboardRefresher } from '../refresh';
import type { ReadResult, RefreshPorts, RefreshState } from '../refresh';
import type { AgentRecord } from '../model';

function guid(i: number): string {
    return `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

function agents(n: number): AgentRecord[] {
    return Array.from({ length: n }, (_, i) => ({
        userId: `005${i}`,
        name: `Agent ${i}`,
        callCenterSetupId: 'a01',
        callCenterSetupName: 'Berlin',
        configurationId: 'cfg',
        entraObjectId: guid(i),
        statusApiName: 'Available',
        statusLabel: 'Available',
        statusSince: 0,
        syncHealth: null,
        heartbeatAt: null,
        lastSyncAt: null
    }));
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(n: number, answer?: (ids: string[], call: number) => ReadResult) {
    let now = 1_000_000;
    const timers: { fn: () => void; at: number }[] = [];
    const calls: string[][] = [];
    const states: RefreshState[] = [];
    const ports: RefreshPorts = {
        loadAgents: jest.fn(() => Promise.resolve(agents(n))),
        readPresences: jest.fn((ids: string[]) => {
            calls.push(ids);
            const result: ReadResult = answer
                ? answer(ids, calls.length)
                : {
                      ok: true,
                      value: {
                          presences: ids.map((id) => ({ id, availability: 'Busy', activity: 'InACall' }))
                      }
                  };
            return Promise.resolve(result);
        }),
        now: () => now,
        setTimeout: (fn, ms) => {
            const t = { fn, at: now + ms };
            timers.push(t);
            return t;
        },
        clearTimeout: (t) => {
            const i = timers.indexOf(t as (typeof timers)[number]);
            if (i >= 0) timers.splice(i, 1);
        },
        random: () => 0.5,
        hidden: () => false
    };
    const refresher = new DashboardRefresher(ports, { floorSeconds: 10, ceilingSeconds: 60 }, (s) =>
        states.push(s)
    );
    return {
        refresher,
        calls,
        states,
        timers,
        ports,
        advance: (ms: number) => {
            now += ms;
        },
        get now() {
            return now;
        }
    };
}

describe('DashboardRefresher', () => {
    it('reads 5,000 agents in 8 requests of at most 650 ids, one refresh', async () => {
        const t = setup(5000);
        t.refresher.setTeams('ready');
        await flush();
        expect(t.calls).toHaveLength(8);
        expect(t.calls.every((ids) => ids.length <= 650)).toBe(true);
        expect(new Set(t.calls.flat()).size).toBe(5000);
        const state = t.refresher.current;
        expect(state.requestsLastRefresh).toBe(8);
        expect(state.readings.size).toBe(5000);
        expect(state.refreshing).toBe(false);
        expect(state.lastRefresh).toBe(t.now);
        // within the budget: the floor of 10 s decides for 8 requests per refresh
        expect(state.nextRefresh).toBe(t.now + 10_000);
    });

    it('publishes the readings once per refresh (the table is rebuilt once, not once per chunk)', async () => {
        const t = setup(5000);
        t.refresher.setTeams('ready');
        await flush();
        expect(t.calls).toHaveLength(8);
        const published = new Set(t.states.map((s) => s.readings));
        // the empty Map before the refresh, and the one with all 5,000 readings
        expect(published.size).toBe(2);
        expect(t.refresher.current.readings.size).toBe(5000);
        // the next refresh starts from the previous readings and replaces them in one step again
        t.timers.shift()?.fn();
        await flush();
        expect(t.calls).toHaveLength(16);
        expect(new Set(t.states.map((s) => s.readings)).size).toBe(3);
    });

    it("reads each agent's object id once per refresh (chunks and the next interval from one pass)", async () => {
        const t = setup(0);
        let reads = 0;
        const counted = agents(1300).map((a) => {
            const id = a.entraObjectId;
            return Object.defineProperty({ ...a }, 'entraObjectId', {
                get: () => {
                    reads += 1;
                    return id;
                }
            });
        });
        (t.ports.loadAgents as jest.Mock).mockImplementation(() => Promise.resolve(counted));
        t.refresher.setTeams('ready');
        await flush();
        expect(t.calls).toHaveLength(2);
        expect(reads).toBe(1300);
        expect(t.refresher.current.nextRefresh).toBe(t.now + 10_000);
    });

    it('500 agents: one request', async () => {
        const t = setup(500);
        t.refresher.setTeams('ready');
        await flush();
        expect(t.calls).toHaveLength(1);
        expect(t.calls[0]).toHaveLength(500);
    });

    it('shows refreshing while a refresh runs; reads Omni only while Teams is signed out', async () => {
        const t = setup(10);
        t.refresher.refresh();
        expect(t.refresher.current.refreshing).toBe(true);
        await flush();
        expect(t.calls).toHaveLength(0);
        expect(t.refresher.current).toMatchObject({
            refreshing: false,
            loaded: true,
            requestsLastRefresh: 0
        });
        expect(t.refresher.current.agents).toHaveLength(10);
    });

    it('the budget stretches the interval for huge request counts, and uses the ceiling when hidden', () => {
        const t = setup(1);
        expect(t.refresher.intervalMs(8)).toBe(10_000);
        // 1,000 requests per refresh: 1,000 / (1,200 per 30 s) = 25 s
        expect(t.refresher.intervalMs(1000)).toBeGreaterThanOrEqual(25_000);
        expect(t.refresher.intervalMs(1000)).toBeLessThan(25_010);
        t.ports.hidden = () => true;
        expect(t.refresher.intervalMs(8)).toBe(60_000);
    });

    it('429: stops at once, sends nothing before Retry-After, then resumes', async () => {
        const t = setup(2000, (ids, call): ReadResult => {
            if (call === 2) return { ok: false, error: { kind: 'throttled', status: 429, retryAfter: '30' } };
            return {
                ok: true,
                value: { presences: ids.map((id) => ({ id, availability: 'Away', activity: 'Away' })) }
            };
        });
        t.refresher.setTeams('ready');
        await flush();
        expect(t.calls).toHaveLength(2);
        const state = t.refresher.current;
        expect(state.retry).toMatchObject({ reason: 'throttled', waitUntil: t.now + 30_000 });
        expect(state.skippedChunks).toBe(2);
        expect(state.nextRefresh).toBe(t.now + 30_000);
        expect(state.readings.size).toBe(650);
        // the refresh was cut short: "Last refresh" does not claim it (none before it here)
        expect(state.lastRefresh).toBeNull();
        // a manual refresh during the wait reloads Omni but sends no Graph request, and moves nothing
        t.advance(5_000);
        t.refresher.refresh();
        await flush();
        expect(t.calls).toHaveLength(2);
        expect(t.refresher.current.skippedChunks).toBe(4);
        expect(t.refresher.current.lastRefresh).toBeNull();
        // after the wait
        t.advance(25_000);
        const timer = t.timers.shift();
        timer?.fn();
        await flush();
        expect(t.calls).toHaveLength(6);
        expect(t.refresher.current.lastRefresh).toBe(t.now);
        expect(t.refresher.current.retry.reason).toBeNull();
        expect(t.refresher.current.teamsError).toBeNull();
    });

    it('other failures back off; sign-in errors switch Teams off', async () => {
        const t = setup(10, () => ({ ok: false, error: { kind: 'server', status: 503 } }));
        t.refresher.setTeams('ready');
        await flush();
        expect(t.refresher.current.retry.reason).toBe('backoff');
        expect(t.refresher.current.teamsError?.kind).toBe('server');

        const s = setup(10, () => ({ ok: false, error: { kind: 'signInRequired' } }));
        s.refresher.setTeams('ready');
        await flush();
        expect(s.refresher.current.teams).toBe('signedOut');
    });

    it('503 with Retry-After: the next refresh waits for it', async () => {
        const t = setup(10, () => ({ ok: false, error: { kind: 'server', status: 503, retryAfter: '120' } }));
        t.refresher.setTeams('ready');
        await flush();
        expect(t.refresher.current.retry).toMatchObject({ reason: 'backoff', waitUntil: t.now + 120_000 });
        expect(t.refresher.current.nextRefresh).toBe(t.now + 120_000);
    });

    it('429s without a readable Retry-After wait longer each time', async () => {
        const t = setup(10, () => ({ ok: false, error: { kind: 'throttled', status: 429 } }));
        t.refresher.setTeams('ready');
        await flush();
        const waits: number[] = [];
        for (let i = 0; i < 7; i++) {
            const next = Number(t.refresher.current.nextRefresh);
            waits.push(next - t.now);
            t.advance(next - t.now);
            t.timers.shift()?.fn();
            // eslint-disable-next-line no-await-in-loop
            await flush();
        }
        // never shorter than the one before, and beyond the poll interval after a few
        expect(waits.every((w, i) => i === 0 || w >= waits[i - 1])).toBe(true);
        expect(waits[6]).toBeGreaterThanOrEqual(3000 * 2 ** 6 * 0.5);
    });

    it('an Apex failure is shown, not thrown', async () => {
        const t = setup(1);
        (t.ports.loadAgents as jest.Mock).mockReturnValueOnce(
            Promise.reject({ body: { message: 'Insufficient privileges' } })
        );
        t.refresher.refresh();
        await flush();
        expect(t.refresher.current.loadError).toBe('Insufficient privileges');
    });

    it('a refresh asked for while one runs follows it; dispose stops everything', async () => {
        const t = setup(1);
        t.refresher.refresh();
        t.refresher.refresh();
        await flush();
        await flush();
        expect(t.ports.loadAgents).toHaveBeenCalledTimes(2);
        t.refresher.dispose();
        expect(t.timers).toHaveLength(0);
        t.refresher.refresh();
        expect(t.ports.loadAgents).toHaveBeenCalledTimes(2);
    });
});
