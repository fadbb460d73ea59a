/**
 * The Graph presence emulator's state and its control API: the presence model, Teams client
 * sessions (what a person does in Teams), injected faults and the request log.
 */
import type { Clock } from '../clock';
import { Directory, generatePopulation, seededRandom, type DirectoryUser } from '../directory';
import {
    matchKnownPair,
    matchPair,
    parseIsoDuration,
    PREFERRED_PAIRS,
    PresenceModel,
    type PresenceDetail
} from './model';

export type TeamsClientKind = 'desktop' | 'web' | 'mobile';

/** What a person can pick in Teams as their status: the preferred presence. */
export const MANUAL_STATUSES = {
    Available: ['Available', 'Available'],
    Busy: ['Busy', 'Busy'],
    DoNotDisturb: ['DoNotDisturb', 'DoNotDisturb'],
    BeRightBack: ['BeRightBack', 'BeRightBack'],
    Away: ['Away', 'Away'],
    AppearOffline: ['Offline', 'OffWork']
} as const;
export type ManualStatus = keyof typeof MANUAL_STATUSES;

export interface FaultScope {
    /** Only requests made with this user's token (object id, UPN or mail); all users when absent. */
    userId?: string;
    /** The next N matching requests (default 1 unless `durationMs` is given). */
    count?: number;
    /** Every matching request for this long (real time, milliseconds). */
    durationMs?: number;
}

export interface ThrottleOptions extends FaultScope {
    /** Seconds in Retry-After. Default: 2, or the rest of `durationMs` rounded up. */
    retryAfterSeconds?: number;
    /**
     * Leave Retry-After out of Access-Control-Expose-Headers: a browser then cannot read it (Graph
     * does not promise to expose it over CORS).
     */
    hideRetryAfter?: boolean;
}

/** Graph's limit per application (client id) per tenant: 1,500 presence requests per 30 s. */
export interface TenantLimitOptions {
    limit?: number;
    windowMs?: number;
    hideRetryAfter?: boolean;
}

export interface ErrorOptions extends FaultScope {
    /** 500, 502, 503 or 504 (default 503). */
    status?: number;
}

type FaultKind = 'throttle' | 'error' | 'drop';

interface FaultRule {
    kind: FaultKind;
    userId?: string;
    remaining?: number;
    until?: number;
    retryAfterSeconds?: number;
    hideRetryAfter?: boolean;
    status?: number;
}

export interface FaultDecision {
    kind: FaultKind;
    retryAfterSeconds?: number;
    /** Retry-After is sent but not exposed over CORS */
    hideRetryAfter?: boolean;
    status?: number;
    /** the tenant-wide per-app limit answered, not an injected rule */
    tenantLimit?: boolean;
}

export interface RequestLogEntry {
    /** Real time (epoch ms) when the request arrived. */
    at: number;
    /** Virtual (harness clock) time when the request arrived. */
    virtualAt: number;
    method: string;
    path: string;
    /** Caller's object id when the token was valid. */
    userId?: string;
    appId?: string;
    status: number;
    /** Set when the response was injected: throttle (429), error (5xx) or drop (socket destroyed). */
    fault?: FaultKind;
    /** CORS preflight. */
    preflight?: boolean;
    durationMs: number;
    /**
     * Wall-clock time (epoch ms, sub-millisecond: harness/clock.ts preciseWallClock) when the request
     * had been applied and its answer was sent. `at` and `durationMs` are whole milliseconds; the benches
     * compare this with a page's clock anchored the same way, which whole milliseconds would swamp for a
     * loopback write of 2-3 ms.
     */
    answeredAt: number;
}

export class GraphEmulator {
    readonly model: PresenceModel;
    private rules: FaultRule[] = [];
    private latency = new Map<string, number>();
    private entries: RequestLogEntry[] = [];
    private tenantLimit: Required<TenantLimitOptions> | null = null;
    /** real arrival times of the requests per app id within the tenant limit's window */
    private appRequests = new Map<string, number[]>();
    private propagationMs = 0;
    /** writes Graph has acknowledged but not yet shows (virtual time when they become visible) */
    private pending: Array<{ at: number; apply: () => void }> = [];

    constructor(
        readonly directory: Directory,
        readonly clock: Clock,
        private readonly realNow: () => number = Date.now
    ) {
        this.model = new PresenceModel(() => clock.now());
    }

    private user(idOrName: string): DirectoryUser {
        return this.directory.get(idOrName);
    }

    // --- what a person does in Teams ---------------------------------------------------------

    /**
     * A Teams client session (signed-in client) for the user, e.g. Busy/InACall while in a Teams call.
     * With `idleAfterMs` the client shows Away/Away once the user has been idle that long (virtual
     * time since this call), as the Teams client does; any later call marks the user active again.
     */
    setTeamsClient(
        userId: string,
        availability: string,
        activity: string,
        client: TeamsClientKind = 'desktop',
        idleAfterMs?: number
    ): void {
        const pair = matchKnownPair(availability, activity);
        if (!pair) {
            throw new Error(`unknown availability/activity ${availability}/${activity}`);
        }
        this.model.setSession(this.user(userId).id, {
            sessionId: `teams-${client}`,
            kind: 'teamsClient',
            availability: pair[0],
            activity: pair[1],
            ...(idleAfterMs === undefined ? {} : { idleAfterMs })
        });
    }

    /** The user goes idle at the Teams client (it shows Away/Away) or comes back (Available). */
    setTeamsClientIdle(userId: string, idle: boolean, client: TeamsClientKind = 'desktop'): void {
        this.setTeamsClient(userId, idle ? 'Away' : 'Available', idle ? 'Away' : 'Available', client);
    }

    /** Graph's presence version counter restarts (or another account): sequenceNumber goes down. */
    restartSequence(userId?: string): void {
        this.model.restartSequence(userId === undefined ? undefined : this.user(userId).id);
    }

    /** Teams reads the app's Busy/InACall session back as Busy/Busy. */
    setAppInACallReadsBusy(on: boolean): void {
        this.model.appInACallReadsBusy = on;
    }

    /** The person signs out of (or closes) a Teams client. */
    signOutTeamsClient(userId: string, client: TeamsClientKind = 'desktop'): void {
        this.model.clearSession(this.user(userId).id, `teams-${client}`);
    }

    /** Starts or ends a Teams call on the desktop client (Busy/InACall, then Available/Available). */
    setInTeamsCall(userId: string, inCall: boolean): void {
        this.setTeamsClient(userId, inCall ? 'Busy' : 'Available', inCall ? 'InACall' : 'Available');
    }

    /** The status the person picks in Teams (preferred presence); 'Reset' clears it. */
    setManualStatus(userId: string, status: ManualStatus | 'Reset', expirationDuration?: string): void {
        const id = this.user(userId).id;
        if (status === 'Reset') {
            this.model.clearPreferred(id);
            return;
        }
        const pair = MANUAL_STATUSES[status];
        if (!pair || !matchPair(PREFERRED_PAIRS, pair[0], pair[1])) {
            throw new Error(`unknown manual status ${String(status)}`);
        }
        const ms = expirationDuration === undefined ? undefined : parseIsoDuration(expirationDuration);
        if (expirationDuration !== undefined && ms === undefined) {
            throw new Error(`bad expirationDuration ${expirationDuration}`);
        }
        this.model.setPreferred(id, pair[0], pair[1], ms);
    }

    /**
     * The person types a status message in Teams (empty text clears it); `expiresInMs` counts on the
     * virtual clock, absent: no expiry.
     */
    setOwnStatusMessage(userId: string, message: string, expiresInMs?: number): void {
        this.model.setStatusMessage(
            this.user(userId).id,
            message,
            expiresInMs === undefined ? undefined : this.clock.now() + expiresInMs
        );
    }

    presence(userId: string): PresenceDetail {
        this.flushPending();
        const user = this.user(userId);
        this.model.setPresenceUnknown(user.id, !user.teamsEnabled);
        return this.model.detail(user.id);
    }

    /** Forgets all presence, faults, latency and the log (not the directory, not the clock). */
    reset(): void {
        this.model.reset();
        this.clearFaults();
        this.resetLog();
    }

    // --- population -----------------------------------------------------------------------------

    /**
     * Adds N generated agents (1..5,000) to the directory and gives them plausible Teams states
     * (a desktop client Available, Busy/InACall, Away, or a preferred DND / Be right back, or
     * signed out). Deterministic for a seed.
     */
    generatePopulation(count: number, seed = 1): DirectoryUser[] {
        const users = generatePopulation(count, seed).map((u) => this.directory.add(u));
        const random = seededRandom(seed ^ 0x5eed);
        for (const u of users) {
            const r = random();
            if (r < 0.1) {
                continue; // not signed in to Teams: Offline
            }
            const call = r < 0.35;
            this.setTeamsClient(
                u.id,
                call ? 'Busy' : r < 0.45 ? 'Away' : 'Available',
                call ? 'InACall' : r < 0.45 ? 'Away' : 'Available'
            );
            if (r > 0.85) {
                this.setManualStatus(u.id, r > 0.93 ? 'DoNotDisturb' : 'BeRightBack');
            }
        }
        return users;
    }

    // --- faults ------------------------------------------------------------------------------------

    /** Answers matching requests with 429 TooManyRequests and Retry-After. */
    throttle(options: ThrottleOptions = {}): void {
        this.addRule('throttle', options, {
            retryAfterSeconds: options.retryAfterSeconds,
            hideRetryAfter: options.hideRetryAfter
        });
    }

    /** Answers matching requests with a 5xx Graph error. */
    failWith(options: ErrorOptions = {}): void {
        const status = options.status ?? 503;
        if (![401, 500, 502, 503, 504].includes(status)) {
            throw new Error(`status must be 401, 500, 502, 503 or 504, got ${status}`);
        }
        this.addRule('error', options, { status });
    }

    /** Destroys the socket of matching requests without an answer. */
    dropConnections(options: FaultScope = {}): void {
        this.addRule('drop', options, {});
    }

    /** Delays every answer (for one user, or all when userId is absent) by `ms`; 0 removes it. */
    setLatency(ms: number, userId?: string): void {
        const k = userId ? this.user(userId).id : '*';
        if (ms > 0) {
            this.latency.set(k, ms);
        } else {
            this.latency.delete(k);
        }
    }

    clearFaults(): void {
        this.rules = [];
        this.latency.clear();
        this.tenantLimit = null;
        this.appRequests.clear();
        this.flushPending(Number.POSITIVE_INFINITY);
        this.propagationMs = 0;
    }

    /**
     * Turns on Graph's tenant-wide limit per application: at most `limit` (1,500) requests within
     * `windowMs` (30 s, real time) per client id, counted over all users; beyond it 429 with the
     * Retry-After until the oldest request leaves the window. Throttled requests count too (Microsoft
     * Graph throttling guidance). null turns it off.
     */
    setTenantLimit(options: TenantLimitOptions | null): void {
        this.tenantLimit =
            options === null
                ? null
                : {
                      limit: options.limit ?? 1500,
                      windowMs: options.windowMs ?? 30_000,
                      hideRetryAfter: options.hideRetryAfter ?? false
                  };
        this.appRequests.clear();
    }

    /** Counts one request of `appId` against the tenant limit; a 429 decision when it is over. */
    countTenantRequest(appId: string): FaultDecision | undefined {
        const limit = this.tenantLimit;
        if (limit === null) {
            return undefined;
        }
        const now = this.realNow();
        const key = appId.toLowerCase();
        const times = (this.appRequests.get(key) ?? []).filter((t) => t > now - limit.windowMs);
        times.push(now);
        this.appRequests.set(key, times);
        if (times.length <= limit.limit) {
            return undefined;
        }
        const oldest = times[times.length - 1 - limit.limit] as number;
        return {
            kind: 'throttle',
            tenantLimit: true,
            retryAfterSeconds: Math.max(1, Math.ceil((oldest + limit.windowMs - now) / 1000)),
            hideRetryAfter: limit.hideRetryAfter
        };
    }

    /**
     * Writes are acknowledged at once but become visible only `ms` later (virtual time), as presence
     * changes propagate in Teams. 0 applies writes immediately.
     */
    setPropagationDelay(ms: number): void {
        this.flushPending(Number.POSITIVE_INFINITY);
        this.propagationMs = Math.max(0, ms);
    }

    /** Applies a write now or after the propagation delay. */
    propagate(apply: () => void): void {
        if (this.propagationMs <= 0) {
            apply();
            return;
        }
        this.pending.push({ at: this.clock.now() + this.propagationMs, apply });
    }

    private flushPending(until = this.clock.now()): void {
        while (this.pending.length > 0 && (this.pending[0] as { at: number }).at <= until) {
            (this.pending.shift() as { apply: () => void }).apply();
        }
    }

    private addRule(kind: FaultKind, scope: FaultScope, extra: Partial<FaultRule>): void {
        const rule: FaultRule = { kind };
        if (scope.userId) {
            rule.userId = this.user(scope.userId).id;
        }
        if (scope.durationMs !== undefined) {
            rule.until = this.realNow() + scope.durationMs;
        }
        if (scope.count !== undefined || scope.durationMs === undefined) {
            rule.remaining = scope.count ?? 1;
        }
        if (extra.retryAfterSeconds !== undefined) {
            rule.retryAfterSeconds = extra.retryAfterSeconds;
        }
        if (extra.hideRetryAfter) {
            rule.hideRetryAfter = true;
        }
        if (extra.status !== undefined) {
            rule.status = extra.status;
        }
        this.rules.push(rule);
    }

    latencyFor(userId?: string): number {
        return (userId && this.latency.get(userId)) || this.latency.get('*') || 0;
    }

    /** The fault (if any) for one request by `userId`; consumes a count. */
    decideFault(userId?: string): FaultDecision | undefined {
        const now = this.realNow();
        this.rules = this.rules.filter(
            (r) => (r.until === undefined || r.until > now) && (r.remaining === undefined || r.remaining > 0)
        );
        const rule = this.rules.find((r) => r.userId === undefined || r.userId === userId);
        if (!rule) {
            return undefined;
        }
        if (rule.remaining !== undefined) {
            rule.remaining -= 1;
        }
        const decision: FaultDecision = { kind: rule.kind };
        if (rule.kind === 'throttle') {
            decision.retryAfterSeconds =
                rule.retryAfterSeconds ??
                (rule.until !== undefined ? Math.max(1, Math.ceil((rule.until - now) / 1000)) : 2);
        }
        if (rule.hideRetryAfter) {
            decision.hideRetryAfter = true;
        }
        if (rule.status !== undefined) {
            decision.status = rule.status;
        }
        return decision;
    }

    // --- request log -------------------------------------------------------------------------------

    record(entry: RequestLogEntry): void {
        this.entries.push(entry);
        if (this.entries.length > 50_000) {
            this.entries.splice(0, this.entries.length - 50_000);
        }
    }

    log(): RequestLogEntry[] {
        return this.entries.map((e) => ({ ...e }));
    }

    resetLog(): void {
        this.entries = [];
    }
}
