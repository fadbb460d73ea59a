/**
 * The tenant budget: Graph presence requests per 30 s of each app registration, for 1 to 100,000 agents
 * on one app registration and split over several (Graph's limit is per app per tenant: 1,500 presence
 * requests per 30 s, "Microsoft Graph service-specific throttling limits"; the project allows itself
 * 80 % = 1,200).
 *
 * Driven through the real pure core, with the events the runner sends: Omni login, becameLeader,
 * signedIn, then `tenantSizeKnown` with the number of agents on the agent's app registration (what
 * PresenceSyncTenantController.countAgentsSharingApp answers; per client id). Every Graph request the core
 * asks for is counted (reads, session writes and keep-alives, preferred-presence writes and renewals);
 * every request succeeds at once and Teams shows what the app wrote. The agent is Busy (the app holds its
 * session and a preferred presence, so each keep-alive is two requests: the most a keep-alive costs) and
 * the console is visible (the fastest polling). All agents of a registration behave alike, so one agent
 * is simulated per registration size and its steady-state rate (after the first keep-alive period) is
 * multiplied by the agents on that registration; the agents' phases are assumed spread over the window.
 * The column "alone" is what the registration would send if every agent polled as if alone (no
 * `tenantSizeKnown`, the state before this was wired).
 *
 * Run: `node --import tsx scripts/bench/tenant.bench.ts` (what `npm run bench` does). Exits 1 if any
 * registration would exceed 1,200 requests per 30 s.
 */
import {
    BUDGET_REQUESTS_PER_WINDOW,
    GRAPH_PRESENCE_WINDOW_SECONDS,
    initialState,
    parseConfiguration,
    pollBudget,
    transition
} from '../../force-app/main/default/lwc/presenceSyncCore/presenceSyncCore';
import type {
    Configuration,
    SyncCommand,
    SyncEvent,
    SyncState,
    TimerName
} from '../../force-app/main/default/lwc/presenceSyncCore/presenceSyncCore';
import { DELIVERED_CONFIGURATIONS } from '../../force-app/main/default/lwc/presenceSyncDefaults/presenceSyncDefaults';

export const AGENT_COUNTS = [1, 10, 100, 400, 1_000, 5_000, 20_000, 100_000];
export const REGISTRATION_SPLITS = [1, 2, 5];
const WINDOW_MS = GRAPH_PRESENCE_WINDOW_SECONDS * 1000;

function config(): Configuration {
    const parsed = parseConfiguration(DELIVERED_CONFIGURATIONS[0]);
    if (!parsed.ok) throw new Error('delivered configuration does not parse');
    return parsed.configuration;
}

export interface AgentRate {
    /** Graph requests of one agent per 30 s in the steady state, by kind */
    reads: number;
    sessionWrites: number;
    preferredWrites: number;
    total: number;
    /** the mean time between two readings of the agent, as played (ms) */
    readEveryMs: number;
}

const round = (n: number, digits = 4): number => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * One agent of a registration with `agentsOnRegistration` agents (null: the tenant size never arrives),
 * played through the core until `keepAlives` keep-alive periods of steady state have passed.
 */
export function simulateAgent(agentsOnRegistration: number | null, keepAlives = 6): AgentRate {
    const start = 1_700_000_000_000;
    let state: SyncState = initialState(config());
    const timers = new Map<TimerName, number>();
    let session = { availability: 'Available', activity: 'Available' };
    let preferred: { availability: string; activity: string } | null = null;
    const requests: { at: number; kind: 'read' | 'session' | 'preferred' }[] = [];
    const queue: SyncEvent[] = [];
    const perform = (c: SyncCommand, at: number): void => {
        switch (c.type) {
            case 'readTeams':
                requests.push({ at, kind: 'read' });
                queue.push({
                    type: 'teamsPresenceRead',
                    at,
                    presence: preferred ?? session,
                    generation: c.generation
                });
                break;
            case 'writeTeamsSession':
                requests.push({ at, kind: 'session' });
                session = { availability: c.availability, activity: c.activity };
                queue.push({ type: 'teamsWriteAcknowledged', at, writeId: c.writeId });
                break;
            case 'clearTeamsSession':
                requests.push({ at, kind: 'session' });
                queue.push({ type: 'teamsWriteAcknowledged', at, writeId: c.writeId });
                break;
            case 'writeTeamsPreferred':
                requests.push({ at, kind: 'preferred' });
                preferred = { availability: c.availability, activity: c.activity };
                queue.push({ type: 'teamsWriteAcknowledged', at, writeId: c.writeId });
                break;
            case 'clearTeamsPreferred':
                requests.push({ at, kind: 'preferred' });
                preferred = null;
                queue.push({ type: 'teamsWriteAcknowledged', at, writeId: c.writeId });
                break;
            case 'startTimer':
                timers.set(c.timer, at + c.delayMs);
                break;
            case 'cancelTimer':
                timers.delete(c.timer);
                break;
            default:
                break;
        }
    };
    const feed = (event: SyncEvent): void => {
        queue.push(event);
        while (queue.length > 0) {
            const e = queue.shift() as SyncEvent;
            const [next, commands] = transition(state, e);
            state = next;
            for (const c of commands) perform(c, e.at);
        }
    };
    // what the runner sends: Omni's status, leadership, sign-in, and the Apex answer (the tenant size)
    feed({ type: 'omniStatusChanged', at: start, status: 'Busy', reason: 'OmniLoginStatusChange' });
    feed({ type: 'becameLeader', at: start });
    feed({ type: 'signedIn', at: start });
    if (agentsOnRegistration !== null) {
        feed({ type: 'tenantSizeKnown', at: start, agentCount: agentsOnRegistration });
    }
    // run until the keep-alive has fired 1 + keepAlives times: the first period is the warm-up
    const keepAliveAt: number[] = [];
    while (keepAliveAt.length <= keepAlives) {
        let timer: TimerName | null = null;
        let due = Infinity;
        for (const [name, at] of timers) {
            if (at < due) [timer, due] = [name, at];
        }
        if (timer === null) throw new Error('the core stopped asking for timers');
        timers.delete(timer);
        if (timer === 'keepAlive') keepAliveAt.push(due);
        feed({ type: 'timerFired', at: due, timer, random: 0.5 });
    }
    const from = keepAliveAt[0];
    const to = keepAliveAt[keepAliveAt.length - 1];
    // requests in [from, to): whole keep-alive periods, each keep-alive counted once
    const steady = requests.filter((r) => r.at >= from && r.at < to);
    const windows = (to - from) / WINDOW_MS;
    const count = (kind: string) => steady.filter((r) => r.kind === kind).length / windows;
    // reads as a rate (their mean spacing), not a count: a count of whole reads in a window that is not
    // a multiple of their interval is off by up to one read, which is not the core's doing
    const readTimes = steady.filter((r) => r.kind === 'read').map((r) => r.at);
    const readEveryMs =
        readTimes.length > 1
            ? ((readTimes[readTimes.length - 1] as number) - (readTimes[0] as number)) /
              (readTimes.length - 1)
            : to - from;
    const reads = WINDOW_MS / readEveryMs;
    const sessionWrites = count('session');
    const preferredWrites = count('preferred');
    return {
        reads,
        sessionWrites,
        preferredWrites,
        total: reads + sessionWrites + preferredWrites,
        readEveryMs
    };
}

export interface TenantRow {
    agents: number;
    registrations: number;
    /** agents on the largest registration (an even split) */
    perRegistration: number;
    /** what the budget gives one agent on that registration (pollBudget, as the core asks for it) */
    pollSeconds: number;
    keepAliveSeconds: number;
    /** the mean time between two readings, as played through the core */
    readEverySeconds: number;
    /** requests per 30 s of the largest registration: reads, session writes, preferred writes, total */
    reads: number;
    sessionWrites: number;
    preferredWrites: number;
    requestsPer30s: number;
    /** the same registration if every agent polled as if alone */
    alonePer30s: number;
}

/** The core's budget for one agent of `agents` on a registration (the delivered configuration, visible). */
export function budgetOf(agents: number): ReturnType<typeof pollBudget> {
    const c = config();
    return pollBudget(agents, {
        floorSeconds: c.pollIntervalSeconds,
        ceilingSeconds: c.maxPollIntervalSeconds,
        keepAliveRequests: 2
    });
}

/** The smallest agent count for which `test` holds (it holds for all larger counts). */
function threshold(test: (agents: number) => boolean): number {
    let low = 1;
    let high = 1_000_000;
    while (low < high) {
        const mid = Math.floor((low + high) / 2);
        if (test(mid)) high = mid;
        else low = mid + 1;
    }
    return low;
}

/** From how many agents on one registration the poll leaves the floor, and keep-alives are stretched. */
export function thresholds(): { budgetLimitedFrom: number; keepAliveStretchedFrom: number } {
    return {
        budgetLimitedFrom: threshold((n) => budgetOf(n).budgetLimited),
        keepAliveStretchedFrom: threshold((n) => budgetOf(n).keepAliveStretched)
    };
}

export function tenantTable(): TenantRow[] {
    const cache = new Map<number | null, AgentRate>();
    const rate = (n: number | null): AgentRate => {
        let r = cache.get(n);
        if (r === undefined) {
            r = simulateAgent(n);
            cache.set(n, r);
        }
        return r;
    };
    const rows: TenantRow[] = [];
    for (const agents of AGENT_COUNTS) {
        for (const registrations of REGISTRATION_SPLITS) {
            if (registrations > agents) continue;
            const perRegistration = Math.ceil(agents / registrations);
            const r = rate(perRegistration);
            const budget = budgetOf(perRegistration);
            rows.push({
                agents,
                registrations,
                perRegistration,
                pollSeconds: budget.pollMs / 1000,
                keepAliveSeconds: budget.keepAliveMs / 1000,
                readEverySeconds: r.readEveryMs / 1000,
                reads: perRegistration * r.reads,
                sessionWrites: perRegistration * r.sessionWrites,
                preferredWrites: perRegistration * r.preferredWrites,
                requestsPer30s: perRegistration * r.total,
                alonePer30s: perRegistration * rate(null).total
            });
        }
    }
    return rows;
}

function main(): void {
    const rows = tenantTable();
    console.log(
        `Graph presence requests per 30 s of each app registration (budget ${BUDGET_REQUESTS_PER_WINDOW} = 80 % of 1,500), agents Busy, console visible, delivered configuration (floor ${config().pollIntervalSeconds} s, ceiling ${config().maxPollIntervalSeconds} s, keep-alive 240 s):`
    );
    console.table(
        rows.map((r) => ({
            agents: r.agents,
            'app registrations': r.registrations,
            'agents per registration': r.perRegistration,
            'poll s (budget)': round(r.pollSeconds, 1),
            'keep-alive s (budget)': round(r.keepAliveSeconds, 1),
            'read every s (played)': round(r.readEverySeconds, 1),
            reads: round(r.reads, 1),
            'session writes': round(r.sessionWrites, 1),
            'preferred renewals': round(r.preferredWrites, 1),
            'requests / 30 s': round(r.requestsPer30s, 1),
            'alone (unwired)': round(r.alonePer30s, 1)
        }))
    );
    const max = rows.reduce((m, r) => (r.requestsPer30s > m.requestsPer30s ? r : m));
    console.log(
        `max over the table: ${round(max.requestsPer30s, 1)} requests / 30 s on one registration (${max.agents} agents over ${max.registrations}); budget ${BUDGET_REQUESTS_PER_WINDOW}`
    );
    const t = thresholds();
    console.log(
        `one registration: from ${t.budgetLimitedFrom} agents the poll interval grows past the ${config().pollIntervalSeconds} s floor; from ${t.keepAliveStretchedFrom} agents keep-alives are stretched past 240 s (sessions may fade between them)`
    );
    if (max.requestsPer30s > BUDGET_REQUESTS_PER_WINDOW) {
        console.error(`✗ a registration exceeds the budget of ${BUDGET_REQUESTS_PER_WINDOW} requests / 30 s`);
        process.exit(1);
    }
}

if (require.main === module) main();
