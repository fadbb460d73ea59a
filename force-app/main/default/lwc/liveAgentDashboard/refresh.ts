/*
 * The dashboard's refresh loop: Omni statuses from Apex, Teams presence through the bridge with
 * getPresencesByUserId in chunks of 650, one chunk after the other, at an interval from the core's
 * tenant budget. The only place with timers; time, timers and randomness are injected.
 *
 * Budget math: one refresh sends ceil(n / 650) Graph requests (n = agents with an object id), no
 * session keep-alives (the dashboard writes nothing). pollBudget(agentCount) spaces `agentCount`
 * pollers that each send one request per interval so that together they stay within 80 % of 1,500
 * requests per 30 s; with the chunk count as that count, all chunk requests of one refresh together stay
 * within it. The keep-alive term is switched off (a keep-alive interval of a year counts ~0 requests).
 * For 5,000 agents: 8 chunks -> budget interval 8 / (1,200 / 30 s) = 0.2 s, so the configured floor
 * (PollIntervalSeconds__c, 10 s by default) decides: 8 requests per 10 s = 24 per 30 s, 1.6 % of the
 * tenant's limit, beside the agents' own syncs, which pollBudget keeps within the same 80 %.
 * A 429 stops the refresh at once; no Graph request is sent before its Retry-After (a manual refresh in
 * between reloads the Omni side only) and the UI shows a notice instead of failing.
 */
import { NO_RETRY, afterFailure, afterThrottle, mayRequest, pollBudget } from 'c/presenceSyncCore';
import type { BridgeError, RetryState } from 'c/presenceSyncCore';
import type { UserPresence } from 'c/presenceSyncBridgeProtocol';
import { chunk, objectIds } from './model';
import type { AgentRecord, TeamsReading } from './model';

/** A keep-alive interval so long that pollBudget counts no keep-alive requests. */
const NO_KEEP_ALIVE_SECONDS = 365 * 24 * 3600;

export type ReadResult =
    { ok: true; value: { presences: UserPresence[] } } | { ok: false; error: BridgeError };

export interface RefreshPorts {
    loadAgents(): Promise<AgentRecord[]>;
    readPresences(ids: string[]): Promise<ReadResult>;
    now(): number;
    // eslint-disable-next-line @locker/locker/distorted-window-set-timeout -- a port method named like the global, not a call of it (callers pass a function)
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
    random(): number;
    /** the page is hidden (poll at the ceiling) */
    hidden(): boolean;
}

export interface RefreshOptions {
    floorSeconds: number;
    ceilingSeconds: number;
}

export type TeamsSide = 'signedOut' | 'ready';

export interface RefreshState {
    agents: AgentRecord[];
    readings: ReadonlyMap<string, TeamsReading>;
    refreshing: boolean;
    /** epoch ms of the last completed refresh */
    lastRefresh: number | null;
    /** epoch ms of the next scheduled refresh */
    nextRefresh: number | null;
    retry: RetryState;
    /** the last failure of the Teams read (null after a good one) */
    teamsError: BridgeError | null;
    /** the Apex load failed (message), null when fine */
    loadError: string | null;
    teams: TeamsSide;
    /** Graph requests sent by the last refresh */
    requestsLastRefresh: number;
    /** chunks the last refresh did not read (throttled or failed) */
    skippedChunks: number;
    loaded: boolean;
}

function errorMessage(error: unknown): string {
    if (error instanceof Error) return error.message;
    if (typeof error === 'object' && error !== null) {
        const body = Reflect.get(error, 'body');
        const message = typeof body === 'object' && body !== null ? Reflect.get(body, 'message') : undefined;
        if (typeof message === 'string') return message;
    }
    return String(error);
}

const SIGNED_OUT_KINDS = ['signInRequired', 'consentRequired', 'accountMismatch', 'forbidden'];

export class DashboardRefresher {
    private state: RefreshState = {
        agents: [],
        readings: new Map(),
        refreshing: false,
        lastRefresh: null,
        nextRefresh: null,
        retry: NO_RETRY,
        teamsError: null,
        loadError: null,
        teams: 'signedOut',
        requestsLastRefresh: 0,
        skippedChunks: 0,
        loaded: false
    };
    private timer: unknown = null;
    private disposed = false;
    private again = false;
    private chunkCount: number | null = null;
    /** whether the running refresh read everything it had to (Omni and every Teams chunk) */
    private upToDate = false;

    constructor(
        private readonly ports: RefreshPorts,
        private options: RefreshOptions,
        private readonly onState: (state: RefreshState) => void
    ) {}

    get current(): RefreshState {
        return this.state;
    }

    setOptions(options: RefreshOptions): void {
        this.options = options;
    }

    /** Teams can be read now (the bridge is signed in) or not. */
    setTeams(side: TeamsSide): void {
        if (this.state.teams === side) return;
        this.update({ teams: side });
        if (side === 'ready') this.refresh();
    }

    /** The poll interval for `chunks` requests per refresh (see the math above). */
    intervalMs(chunks: number): number {
        return pollBudget(Math.max(1, chunks), {
            floorSeconds: this.options.floorSeconds,
            ceilingSeconds: this.options.ceilingSeconds,
            hidden: this.ports.hidden(),
            keepAliveSeconds: NO_KEEP_ALIVE_SECONDS
        }).pollMs;
    }

    /** Starts a refresh now (a running one is followed by one more). */
    refresh(): void {
        if (this.disposed) return;
        if (this.state.refreshing) {
            this.again = true;
            return;
        }
        this.cancelTimer();
        this.update({ refreshing: true, nextRefresh: null });
        this.run().then(
            () => this.finish(),
            /* istanbul ignore next -- run() catches its own failures */ () => this.finish()
        );
    }

    dispose(): void {
        this.disposed = true;
        this.cancelTimer();
    }

    private async run(): Promise<void> {
        this.chunkCount = null;
        this.upToDate = false;
        try {
            const agents = await this.ports.loadAgents();
            if (this.disposed) return;
            this.update({ agents, loadError: null, loaded: true });
        } catch (error) {
            if (this.disposed) return;
            this.update({ loadError: errorMessage(error), loaded: true });
        }
        if (this.state.teams !== 'ready') {
            // signed out: the Omni side is fresh and there is no Teams side to read
            this.upToDate = true;
            this.update({ requestsLastRefresh: 0, skippedChunks: 0 });
            return;
        }
        const chunks = chunk(objectIds(this.state.agents));
        this.chunkCount = chunks.length;
        // one copy of the readings per refresh, published once when the refresh ends (also when a 429
        // stops it): a copy and a published Map per chunk made a 5,000-agent refresh copy 23,000
        // entries and rebuild the table 8 times instead of once
        const readings = new Map(this.state.readings);
        let read = false;
        const publish = (patch: Partial<RefreshState>): void =>
            this.update(read ? { ...patch, readings } : patch);
        let sent = 0;
        for (let i = 0; i < chunks.length; i += 1) {
            if (!mayRequest(this.state.retry, this.ports.now())) {
                publish({ requestsLastRefresh: sent, skippedChunks: chunks.length - i });
                return;
            }
            sent += 1;
            // one chunk after the other: a 429 stops the refresh before the next request
            // eslint-disable-next-line no-await-in-loop
            const result = await this.ports.readPresences(chunks[i]);
            if (this.disposed) return;
            const now = this.ports.now();
            if (result.ok) {
                for (const p of result.value.presences) {
                    readings.set(p.id.toLowerCase(), {
                        availability: p.availability,
                        activity: p.activity,
                        readAt: now
                    });
                }
                read = true;
                if (this.state.retry !== NO_RETRY || this.state.teamsError !== null) {
                    this.update({ retry: NO_RETRY, teamsError: null });
                }
                continue;
            }
            const error = result.error;
            if (error.kind === 'throttled') {
                this.update({
                    retry: afterThrottle(this.state.retry, error.retryAfter, now, this.ports.random()),
                    teamsError: error
                });
            } else if (SIGNED_OUT_KINDS.includes(error.kind)) {
                this.update({ teams: 'signedOut', teamsError: error });
            } else {
                this.update({
                    // a 503 may carry Retry-After too: nothing is sent before it
                    retry: afterFailure(this.state.retry, now, this.ports.random(), error.retryAfter),
                    teamsError: error
                });
            }
            publish({ requestsLastRefresh: sent, skippedChunks: chunks.length - i - 1 });
            return;
        }
        this.upToDate = true;
        publish({ requestsLastRefresh: sent, skippedChunks: 0 });
    }

    private finish(): void {
        if (this.disposed) return;
        const now = this.ports.now();
        // "Last refresh" says when the table was last brought up to date: a refresh that read nothing
        // (throttled, failed, signed out) leaves it where it was
        this.update(this.upToDate ? { refreshing: false, lastRefresh: now } : { refreshing: false });
        if (this.again) {
            this.again = false;
            this.refresh();
            return;
        }
        // the chunk count of this refresh's agents (counted in run(), not again here)
        const chunks = Math.max(1, this.chunkCount ?? chunk(objectIds(this.state.agents)).length);
        const wait = this.state.retry.waitUntil === null ? 0 : this.state.retry.waitUntil - now;
        const delay = Math.max(this.intervalMs(chunks), wait);
        this.update({ nextRefresh: now + delay });
        this.timer = this.ports.setTimeout(() => {
            this.timer = null;
            this.refresh();
        }, delay);
    }

    private cancelTimer(): void {
        if (this.timer !== null) this.ports.clearTimeout(this.timer);
        this.timer = null;
    }

    private update(patch: Partial<RefreshState>): void {
        this.state = { ...this.state, ...patch };
        if (!this.disposed) this.onState(this.state);
    }
}
