/**
 * The Live Agent Dashboard's Apex in the harness org: `LiveAgentDashboardController.getAgents` over a
 * generated population of 1 to 5,000 agents, the same people the Graph emulator gets from
 * `POST /_control/population {count, seed}` (harness/directory.ts generatePopulation: same seed, same
 * names and Entra object ids). The dashboard page (`/dashboard?agents=N&seed=S`) seeds the emulator and
 * this fake answers with:
 * - an Omni-Channel status that agrees with the agent's Teams state under the delivered "Phone System
 *   with MS-Teams" configuration, with a time in status;
 * - a deliberate mismatch for every 10th agent (index 3, 13, 23, ...) whose Teams state is a session
 *   state (Available, in a call, Away): Omni says something Teams does not mean;
 * - no object id for every 20th agent (index 7, 27, ...): "not connected" (never signed in to Teams);
 * - logged out of Omni (no current UserServicePresence) where Teams is offline;
 * - a sync health as the agents' connectors report it (SyncHealth__c, SyncHeartbeatAt__c,
 *   LastSuccessfulSyncAt__c): most syncing with a heartbeat of the last 5 minutes, and by index a few
 *   of every other state (planHealth below); the not connected agents never reported. The heartbeats
 *   are relative to the time of each answer: those connectors keep running while the page is open.
 * Besides the population, the answer lists the org's own agents (the PresenceSyncUserSetting__c records
 * of the harness org, e.g. Ada Agent's, whose console connector writes its health there), as the Apex
 * reads them: with the fields the record holds.
 * The Teams state of each agent mirrors GraphEmulator.generatePopulation (its seeded random draw); a
 * Node test checks the mirror against the emulator itself.
 */
/// <reference lib="dom" />
import { generatePopulation, MAX_POPULATION, seededRandom } from '../directory';
import { HARNESS_USERS, SETUPS, SUPERVISOR } from './constants';
import { makeId } from './ids';
import { runtime } from './runtime';

export const DASHBOARD_DEFAULT_AGENTS = 500;
export const DASHBOARD_DEFAULT_SEED = 1;

export { SUPERVISOR };

/** `?agents=N&seed=S` of the dashboard page: N clamped to 1..5,000 (default 500), S default 1. */
export function dashboardParams(search: string): { count: number; seed: number } {
    const params = new URLSearchParams(search);
    const count = Math.floor(Number(params.get('agents') ?? DASHBOARD_DEFAULT_AGENTS));
    const seed = Math.floor(Number(params.get('seed') ?? DASHBOARD_DEFAULT_SEED));
    return {
        count: Number.isFinite(count)
            ? Math.min(MAX_POPULATION, Math.max(1, count))
            : DASHBOARD_DEFAULT_AGENTS,
        seed: Number.isFinite(seed) ? seed : DASHBOARD_DEFAULT_SEED
    };
}

export interface TeamsState {
    availability: string;
    activity: string;
}

/** The aggregate Teams presence GraphEmulator.generatePopulation gives each agent (same draw, same order). */
export function populationTeams(count: number, seed: number): TeamsState[] {
    const random = seededRandom(seed ^ 0x5eed);
    return Array.from({ length: count }, () => {
        const r = random();
        if (r < 0.1) return { availability: 'Offline', activity: 'Offline' };
        if (r > 0.93) return { availability: 'DoNotDisturb', activity: 'DoNotDisturb' };
        if (r > 0.85) return { availability: 'BeRightBack', activity: 'BeRightBack' };
        if (r < 0.35) return { availability: 'Busy', activity: 'InACall' };
        if (r < 0.45) return { availability: 'Away', activity: 'Away' };
        return { availability: 'Available', activity: 'Available' };
    });
}

/** The Omni status that agrees with a Teams state (DeveloperName; null: logged out of Omni). */
const AGREEING: Record<string, string | null> = {
    Offline: null,
    Available: 'Available',
    Busy: 'On_a_Call',
    Away: 'Away',
    DoNotDisturb: 'Do_Not_Disturb',
    BeRightBack: 'Be_Right_Back'
};

/** A status Teams does not mean, for the deliberate mismatches. */
const DISAGREEING: Record<string, string> = {
    Available: 'Away',
    Busy: 'Available',
    Away: 'Available'
};

export interface PlannedAgent {
    index: number;
    userId: string;
    name: string;
    /** null: not connected */
    objectId: string | null;
    statusApiName: string | null;
    /** seconds in the current status (null: logged out) */
    secondsInStatus: number | null;
    teams: TeamsState;
    mismatch: boolean;
    health: PlannedHealth;
}

/** The sync health a generated agent's connector reported, relative to the answer's time. */
export interface PlannedHealth {
    /** SyncHealth__c (null: never reported) */
    reported: string | null;
    /** seconds before the answer (null: never reported) */
    heartbeatAgo: number | null;
    lastSyncAgo: number | null;
}

/**
 * By index: not connected agents never reported; of every 40 agents, one each stale (a heartbeat of
 * 40 minutes ago), sign-in required, paused, throttled and configuration broken; the rest syncing.
 */
export function planHealth(index: number, connected: boolean): PlannedHealth {
    if (!connected) return { reported: null, heartbeatAgo: null, lastSyncAgo: null };
    const fresh = 10 + ((index * 37) % 280);
    switch (index % 40) {
        case 11:
            return { reported: 'syncing', heartbeatAgo: 40 * 60, lastSyncAgo: 40 * 60 };
        case 13:
            return { reported: 'signInRequired', heartbeatAgo: fresh, lastSyncAgo: 3 * 3600 };
        case 17:
            return { reported: 'paused', heartbeatAgo: fresh, lastSyncAgo: 20 * 60 };
        case 19:
            return { reported: 'throttled', heartbeatAgo: fresh, lastSyncAgo: 90 };
        case 29:
            return { reported: 'configurationBroken', heartbeatAgo: fresh, lastSyncAgo: null };
        default:
            return { reported: 'syncing', heartbeatAgo: fresh, lastSyncAgo: fresh };
    }
}

const plans = new Map<string, PlannedAgent[]>();

/** The agents of a population, as the dashboard's Apex sees them (cached per count and seed). */
export function dashboardPopulation(count: number, seed: number): PlannedAgent[] {
    const key = `${count}:${seed}`;
    const cached = plans.get(key);
    if (cached) return cached;
    const people = generatePopulation(count, seed);
    const teams = populationTeams(count, seed);
    const plan = people.map((person, index): PlannedAgent => {
        const state = teams[index] as TeamsState;
        const connected = index % 20 !== 7;
        const disagreeing = DISAGREEING[state.availability];
        const mismatch = connected && index % 10 === 3 && disagreeing !== undefined;
        const statusApiName = mismatch ? (disagreeing as string) : (AGREEING[state.availability] ?? null);
        return {
            index,
            userId: makeId('005', 100_000 + index),
            name: person.displayName,
            objectId: connected ? person.id.toLowerCase() : null,
            statusApiName,
            secondsInStatus: statusApiName === null ? null : 30 + ((index * 97) % 7200),
            teams: state,
            mismatch,
            health: planHealth(index, connected)
        };
    });
    plans.set(key, plan);
    return plan;
}

export interface DashboardOrg {
    /** the Call Center Setup the agents belong to, and its Presence State Configuration */
    setup: { Id: string; Name: string; configurationId: string | null } | null;
    /** ServicePresenceStatus DeveloperName -> MasterLabel */
    statusLabels: ReadonlyMap<string, string>;
}

/**
 * The answer of LiveAgentDashboardController.getAgents (`Dashboard`: agents ordered by name as its
 * SOQL orders them, truncated, signInHint), each status started `time in status` before `since`.
 */
export function dashboardAnswer(
    search: string,
    org: DashboardOrg,
    since: number,
    now: number = since,
    orgAgents: unknown[] = []
): unknown {
    const ago = (seconds: number | null) =>
        seconds === null ? null : new Date(now - seconds * 1000).toISOString();
    const { count, seed } = dashboardParams(search);
    const agents = dashboardPopulation(count, seed).map((a) => ({
        userId: a.userId,
        name: a.name,
        callCenterSetupId: org.setup?.Id ?? null,
        callCenterSetupName: org.setup?.Name ?? null,
        configurationId: org.setup?.configurationId ?? null,
        entraObjectId: a.objectId,
        statusApiName: a.statusApiName,
        statusLabel:
            a.statusApiName === null ? null : (org.statusLabels.get(a.statusApiName) ?? a.statusApiName),
        statusStartDate:
            a.secondsInStatus === null ? null : new Date(since - a.secondsInStatus * 1000).toISOString(),
        syncHealth: a.health.reported,
        syncHeartbeatAt: ago(a.health.heartbeatAgo),
        lastSuccessfulSyncAt: ago(a.health.lastSyncAgo)
    }));
    agents.push(...(orgAgents as typeof agents));
    agents.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.userId < y.userId ? -1 : 1));
    return { agents, truncated: false, signInHint: SUPERVISOR.email };
}

/**
 * The org's own agents in the getAgents answer, as the Apex reads them: the harness org's settings
 * records of a Call Center Setup, owned by a user, with the health their connector wrote.
 */
export function orgAgentAnswers(): Record<string, unknown>[] {
    const org = runtime().org;
    const setups = new Map(org.records('CallCenterSetup__c').map((s) => [s.Id, s]));
    // the org's own agents, as the Apex reads them: settings records of a setup, owned by a user
    return org
        .records('PresenceSyncUserSetting__c')
        .filter((r) => typeof r.CallCenterSetup__c === 'string' && setups.has(r.CallCenterSetup__c))
        .map((r) => {
            const own = setups.get(r.CallCenterSetup__c as string);
            const user = Object.values(HARNESS_USERS).find((u) => u.Id === r.OwnerId);
            return {
                userId: r.OwnerId,
                name: user?.Name ?? r.OwnerId,
                callCenterSetupId: own?.Id ?? null,
                callCenterSetupName: own?.Name ?? null,
                configurationId: own?.PresenceStateConfiguration__c ?? null,
                entraObjectId: r.EntraObjectId__c ?? null,
                // the harness has no UserServicePresence for the org's users: logged out of Omni
                statusApiName: null,
                statusLabel: null,
                statusStartDate: null,
                syncHealth: r.SyncHealth__c ?? null,
                syncHeartbeatAt: r.SyncHeartbeatAt__c ?? null,
                lastSuccessfulSyncAt: r.LastSuccessfulSyncAt__c ?? null
            };
        });
}

let firstCall: number | null = null;

/** `LiveAgentDashboardController.getAgents` of the harness org (harness/platform/scoped.ts). */
export function getAgentsApex(): unknown {
    const org = runtime().org;
    const setupName = SETUPS[0].name;
    const setup = org.records('CallCenterSetup__c').find((s) => s.Name === setupName);
    const configurationId = setup?.PresenceStateConfiguration__c;
    firstCall ??= Date.now();
    const orgAgents = orgAgentAnswers();
    return dashboardAnswer(
        location.search,
        {
            setup: setup
                ? {
                      Id: setup.Id,
                      Name: setupName,
                      configurationId: typeof configurationId === 'string' ? configurationId : null
                  }
                : null,
            statusLabels: new Map(
                org.snapshot.servicePresenceStatuses.map((s) => [s.DeveloperName, s.MasterLabel])
            )
        },
        firstCall,
        Date.now(),
        orgAgents
    );
}
