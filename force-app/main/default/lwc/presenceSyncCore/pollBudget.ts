/*
 * The Graph presence budget of one app registration: Graph's limit is per application per tenant, so all
 * agents on one client id together must stay under 80 % of 1,500 presence requests per 30 s, keep-alive
 * writes included. `agentCount` is how many share the client id (the runner learns it from the org).
 * Inputs are seconds (as configured), outputs are milliseconds (as timers take them).
 */

/** Graph presence limit per application per tenant (Microsoft Graph, "Get presence": https://learn.microsoft.com/graph/api/presence-get). */
export const GRAPH_PRESENCE_LIMIT = 1500;
/** The window of that limit, in seconds. */
export const GRAPH_PRESENCE_WINDOW_SECONDS = 30;
/** The share of the limit the project allows itself; the rest is headroom for other apps and retries. */
export const BUDGET_SHARE = 0.8;
/** Requests all agents together may send per window: 1,200 per 30 s. */
export const BUDGET_REQUESTS_PER_WINDOW = GRAPH_PRESENCE_LIMIT * BUDGET_SHARE;
/** Keep-alive of the app's session: before the 5-minute fade of an Available session and the PT5M minimum expiry. */
export const DEFAULT_KEEP_ALIVE_SECONDS = 240;
/**
 * The delivered floor: a Teams change reaches Omni-Channel in about a second on average (half the
 * interval plus the read), and up to about 78 agents on one app registration can all poll this fast;
 * beyond that the budget sets the interval (100 agents: 2.6 s).
 */
export const DEFAULT_FLOOR_SECONDS = 2;
export const DEFAULT_CEILING_SECONDS = 60;

export interface PollBudgetOptions {
    /** fastest poll interval wanted (PollIntervalSeconds__c) */
    floorSeconds?: number;
    /** slowest poll interval wanted, also the hidden-page interval (MaxPollIntervalSeconds__c) */
    ceilingSeconds?: number;
    /** the page is hidden: poll at the ceiling (or slower when the budget says so) */
    hidden?: boolean;
    /** how often each agent refreshes the app's session (counted against the budget) */
    keepAliveSeconds?: number;
    /**
     * Graph requests one keep-alive costs (default 1, the session write). The sync counts 2: the session
     * write and the renewal of the app's preferred presence (which rides on the next poll's reading).
     */
    keepAliveRequests?: number;
}

export interface PollBudget {
    /** poll interval for one agent, in ms */
    pollMs: number;
    /** keep-alive interval for one agent, in ms (longer than asked only for very large tenants) */
    keepAliveMs: number;
    /** what all agents together send per 30 s at these intervals (polls plus keep-alives) */
    tenantRequestsPerWindow: number;
    /** the budget, not the wanted floor or ceiling, decided the poll interval */
    budgetLimited: boolean;
    /** the tenant is so large that keep-alives had to be spread out too (sessions may fade in between) */
    keepAliveStretched: boolean;
}

function positive(value: number | undefined, fallback: number): number {
    return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * The poll interval for one agent so that `agentCount` agents stay within the budget, keep-alives included.
 * Pure. The floor is never undercut; the ceiling (or the hidden interval) is exceeded only when the budget
 * requires it (`budgetLimited`). Keep-alives keep their interval while they use at most half of an
 * agent's share; beyond that (about 4,800 agents at one request per 240 s, 2,400 at the sync's two) both are spread out evenly (`keepAliveStretched`).
 */
export function pollBudget(agentCount: number, options: PollBudgetOptions = {}): PollBudget {
    const agents = Math.max(1, Math.ceil(positive(agentCount, 1)));
    const floor = positive(options.floorSeconds, DEFAULT_FLOOR_SECONDS);
    const ceiling = Math.max(floor, positive(options.ceilingSeconds, DEFAULT_CEILING_SECONDS));
    const keepAliveWanted = positive(options.keepAliveSeconds, DEFAULT_KEEP_ALIVE_SECONDS);
    const perKeepAlive = positive(options.keepAliveRequests, 1);
    // requests per second one agent may send
    const share = BUDGET_REQUESTS_PER_WINDOW / GRAPH_PRESENCE_WINDOW_SECONDS / agents;
    const keepAliveStretched = perKeepAlive / keepAliveWanted > share / 2;
    const keepAliveSeconds = keepAliveStretched ? (2 * perKeepAlive) / share : keepAliveWanted;
    const budgetSeconds = 1 / (share - perKeepAlive / keepAliveSeconds);
    const wanted = options.hidden ? ceiling : floor;
    const pollSeconds = Math.max(wanted, budgetSeconds);
    const pollMs = Math.ceil(pollSeconds * 1000);
    const keepAliveMs = Math.ceil(keepAliveSeconds * 1000);
    const perAgent = GRAPH_PRESENCE_WINDOW_SECONDS * 1000 * (1 / pollMs + perKeepAlive / keepAliveMs);
    return {
        pollMs,
        keepAliveMs,
        tenantRequestsPerWindow: agents * perAgent,
        budgetLimited: budgetSeconds > wanted,
        keepAliveStretched
    };
}
