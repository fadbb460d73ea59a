/*
 * A driver for property tests: interprets the core's commands against the Teams reference model, a fake
 * Omni-Channel and a fake phone, with a virtual clock, random latencies, late and out-of-order replies,
 * 429s with Retry-After, 5xx and network errors. It records what the properties check.
 */
/* eslint-disable consistent-return, default-case, no-useless-return -- exhaustive switches that return early read best here */
import { initialState, toSalesforce, toTeams, transition } from 'c/presenceSyncCore';
import type { BridgeError, Configuration, SyncCommand, SyncEvent, TimerName } from 'c/presenceSyncCore';
import type { SyncState } from '../state';
import { aggregate, durationMs, newTeams, observe, preferredDefaultMs, sequenceNumber } from './teamsModel';
import type { Pair, Source, TeamsModel } from './teamsModel';

export const T_START = 1_700_000_000_000;
/** the runner's request timeout: a reply later than this is reported as a timeout (and may still come) */
const TIMEOUT_MS = 10_000;

export type Action =
    | {
          kind: 'sf';
          status: string;
          reason: 'OmniManualStatusChange' | 'OmniSupervisorStatusChange' | 'OmniPushTimeout';
      }
    | { kind: 'logout' }
    | { kind: 'login'; status: string }
    | { kind: 'teamsPreferred'; pair: Pair }
    | { kind: 'teamsReset' }
    | { kind: 'meeting'; on: boolean }
    | { kind: 'teamsCall'; on: boolean }
    /** the agent's Teams desktop client signs in or out (agents may run no Teams client at all) */
    | { kind: 'teamsClient'; on: boolean }
    /** the Teams desktop client goes Away when the agent is idle, and Available again */
    | { kind: 'clientIdle'; on: boolean }
    /** Graph's presence version counter starts lower again (a restart) */
    | { kind: 'graphRestart' }
    /** the agent signs in with another Microsoft account, whose presence has a lower version counter */
    | { kind: 'otherAccount' }
    | { kind: 'call'; durationMs: number }
    | { kind: 'hidden'; on: boolean }
    | { kind: 'pause'; on: boolean }
    | { kind: 'signOut' }
    | { kind: 'reconnect' }
    | { kind: 'follower' }
    | { kind: 'leader' };

export interface Scenario {
    config: Configuration;
    steps: { dt: number; action: Action }[];
    /** probability that a Graph request fails while faults are on */
    faultRate: number;
    seed: number;
    /** Teams reads the app's Busy/InACall back as Busy/Busy */
    busyEcho?: boolean;
}

interface Item {
    time: number;
    seq: number;
    run: () => void;
}

export interface Violation {
    at: number;
    what: string;
}

function mulberry32(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const GRAPH_REQUESTS = new Set([
    'readTeams',
    'writeTeamsSession',
    'clearTeamsSession',
    'writeTeamsPreferred',
    'clearTeamsPreferred'
]);

const STARTS = new Set([
    'omniLoggedOut',
    'callStarted',
    'callEnded',
    'signedIn',
    'becameLeader',
    'userResumed'
]);

function isSalesforceSide(e: SyncEvent): boolean {
    if (e.type === 'omniStatusChanged') return e.reason !== 'OmniToolkitStatusChange';
    if (e.type === 'timerFired') return e.timer === 'wrapUp';
    return STARTS.has(e.type);
}

export class Simulation {
    now = T_START;
    core: SyncState;
    teams: TeamsModel;
    omni = { loggedIn: true, status: 'Available' };
    phoneCalls = new Set<string>();
    wrapUpEnd = 0;
    /** when the last scheduled phone call and its wrap-up end */
    lastCallEnd = 0;
    violations: Violation[] = [];
    /** Teams changes made by the user (not the app; visible, or hidden under a preferred presence) and Omni writes made by the core */
    teamsExternalChanges = 0;
    omniWrites = 0;
    /** events that ask for a Teams write: Omni changes not made by the core, calls, wrap-up end, (re)starts */
    salesforceSideEvents = 0;
    /** time of the last fault delivered to the core */
    lastFaultAt = 0;
    faultsOn = true;
    /** the instant before which no Graph request may be sent (Retry-After), as delivered */
    retryAfterInstant = 0;
    /** last Omni status change made outside the core (a call is not one: it does not change Omni) */
    lastSalesforceChangeAt = 0;
    lastTeamsChangeAt = 0;
    /** the last Teams reading the tab had when Salesforce last changed */
    teamsAtSalesforceChange: Pair | null = null;
    /** the last Teams reading the tab had at the last Salesforce-side event (a change, a call, a start) */
    teamsAtSalesforceSide: Pair | null = null;
    /**
     * the user's own preferred presence (its setAt) that the tab had already accepted as its Teams reading
     * when Salesforce last changed: under LatestIntentWins that later Salesforce change must replace it
     */
    userPreferredKnownAtSalesforceChange: number | null = null;
    /** the last reading delivered to the tab, and the last one that differed from the reading before it */
    private lastDelivered: { servedAt: number; pair: Pair } | null = null;
    private lastChangeDelivered: { servedAt: number; pair: Pair } | null = null;
    /** who put the served state into Teams, per reading event (the model knows, the core cannot) */
    private servedSource = new Map<SyncEvent, { source: Source; pair: Pair }>();
    /** commands emitted, with their time, for later checks */
    emitted: { at: number; command: SyncCommand; cause: SyncEvent['type'] }[] = [];
    private queue: Item[] = [];
    private seq = 0;
    private timers = new Map<TimerName, number>();
    private timerToken = 0;
    private rng: () => number;
    private callCounter = 0;
    private lastWriteServe = 0;
    private servedAt = new Map<SyncEvent, number>();
    /** when the app's last write reached Teams */
    lastAppWriteServedAt = 0;
    /** when a write of the app last removed a preferred presence that was set (what was under it shows) */
    preferredRemovedAt = 0;

    constructor(
        readonly config: Configuration,
        readonly faultRate: number,
        seed: number,
        busyEcho = false
    ) {
        this.rng = mulberry32(seed);
        this.core = initialState(config);
        this.teams = newTeams(this.now, busyEcho);
    }

    schedule(delay: number, run: () => void): void {
        const item = { time: this.now + Math.max(0, delay), seq: this.seq++, run };
        let i = this.queue.length;
        while (
            i > 0 &&
            (this.queue[i - 1].time > item.time ||
                (this.queue[i - 1].time === item.time && this.queue[i - 1].seq > item.seq))
        )
            i--;
        this.queue.splice(i, 0, item);
    }

    runUntil(time: number): void {
        while (this.queue.length > 0 && this.queue[0].time <= time) {
            const item = this.queue.shift() as Item;
            this.now = item.time;
            item.run();
        }
        this.now = Math.max(this.now, time);
    }

    private latency(): number {
        return 20 + Math.floor(this.rng() * 1500);
    }

    private fault(): BridgeError | null {
        if (!this.faultsOn || this.rng() >= this.faultRate) return null;
        const r = this.rng();
        if (r < 0.4) {
            const seconds = 1 + Math.floor(this.rng() * 30);
            const asDate = this.rng() < 0.3;
            const retryAfter = asDate
                ? new Date(Math.ceil((this.now + 2000) / 1000) * 1000 + seconds * 1000).toUTCString()
                : String(seconds);
            return { kind: 'throttled', status: 429, retryAfter };
        }
        if (r < 0.7) return { kind: 'server', status: 503 };
        return { kind: 'network' };
    }

    deliver(event: SyncEvent): void {
        if (isSalesforceSide(event)) {
            this.salesforceSideEvents++;
            this.teamsAtSalesforceSide = this.core.teams;
        }
        if (event.type === 'teamsReadFailed' || event.type === 'teamsWriteFailed') {
            this.lastFaultAt = this.now;
            if (event.error.kind === 'throttled' && event.error.retryAfter) {
                const ra = event.error.retryAfter;
                const instant = /^\d+$/.test(ra)
                    ? this.now + Number(ra) * 1000
                    : Math.max(this.now, Date.parse(ra));
                this.retryAfterInstant = Math.max(this.retryAfterInstant, instant);
            }
        }
        const [next, commands] = transition(this.core, event);
        this.core = next;
        for (const command of commands) {
            this.emitted.push({ at: this.now, command, cause: event.type });
            this.check(command, event);
            this.execute(command);
        }
    }

    private check(command: SyncCommand, event: SyncEvent): void {
        if (command.type === 'requestInteractiveSignIn' && event.type !== 'userRequestedConnect') {
            this.violations.push({ at: this.now, what: `interactive sign-in requested by ${event.type}` });
        }
        if (GRAPH_REQUESTS.has(command.type) && this.now < this.retryAfterInstant) {
            this.violations.push({
                at: this.now,
                what: `${command.type} before Retry-After (${this.retryAfterInstant - this.now} ms early)`
            });
        }
        if (command.type === 'writeTeamsPreferred' && command.expirationDuration === undefined) {
            // without an expiry a crashed browser leaves it for a day or a week, over the agent's own client
            this.violations.push({ at: this.now, what: 'preferred presence written without an expiry' });
        }
        if (command.type === 'setOmniStatus') {
            this.omniWrites++;
            if (!this.omni.loggedIn)
                this.violations.push({ at: this.now, what: 'setOmniStatus while logged out of Omni' });
            const served = this.servedAt.get(event);
            if (event.type !== 'teamsPresenceRead' || served === undefined) {
                this.violations.push({ at: this.now, what: `setOmniStatus caused by ${event.type}` });
            } else {
                if (served <= this.lastSalesforceChangeAt) {
                    this.violations.push({
                        at: this.now,
                        what: 'a stale reading reverted a newer Salesforce change'
                    });
                }
                if (served <= this.lastAppWriteServedAt) {
                    this.violations.push({
                        at: this.now,
                        what: 'a reading older than our last write changed Salesforce'
                    });
                }
                const by = this.servedSource.get(event);
                const baseSession = by?.pair.availability === 'Available' && by.pair.activity === 'Available';
                if (by && ((by.source === 'app' && !baseSession) || by.source === 'appPreferred')) {
                    // only the app's own holding shows: nobody changed Teams, Salesforce must not follow it
                    this.violations.push({
                        at: this.now,
                        what: `Omni set to ${command.status} from the app's own ${by.source === 'app' ? 'session' : 'preferred presence'} ${by.pair.availability}/${by.pair.activity}`
                    });
                }
                const mapped = toSalesforce(this.config, event.presence);
                if (!mapped.change || mapped.status !== command.status) {
                    this.violations.push({
                        at: this.now,
                        what: 'setOmniStatus not what the reading maps to'
                    });
                }
            }
        }
    }

    private random(): number {
        return this.rng();
    }

    private execute(c: SyncCommand): void {
        switch (c.type) {
            case 'readTeams': {
                const lat =
                    this.latency() * (this.faultsOn && this.faultRate > 0 && this.rng() < 0.1 ? 15 : 1);
                const error = this.fault();
                if (error) {
                    this.schedule(lat, () =>
                        this.deliver({
                            type: 'teamsReadFailed',
                            at: this.now,
                            generation: c.generation,
                            error,
                            random: this.random()
                        })
                    );
                    return;
                }
                let presence: Pair = { availability: '', activity: '' };
                let served = 0;
                let source: Source = 'none';
                let stamp = '';
                this.schedule(lat / 2, () => {
                    ({ pair: presence, source } = observe(this.teams, this.now));
                    stamp = sequenceNumber(this.teams);
                    served = this.now;
                });
                const reply = (): void => {
                    const event: SyncEvent = {
                        type: 'teamsPresenceRead',
                        at: this.now,
                        presence,
                        generation: c.generation,
                        sequenceNumber: stamp
                    };
                    this.servedAt.set(event, served);
                    this.servedSource.set(event, { source, pair: presence });
                    if (!samePair(this.lastDelivered?.pair, presence)) {
                        this.lastChangeDelivered = { servedAt: served, pair: presence };
                    }
                    this.lastDelivered = { servedAt: served, pair: presence };
                    this.deliver(event);
                };
                if (lat > TIMEOUT_MS) {
                    this.schedule(TIMEOUT_MS, () =>
                        this.deliver({
                            type: 'teamsReadFailed',
                            at: this.now,
                            generation: c.generation,
                            error: { kind: 'timeout' },
                            random: this.random()
                        })
                    );
                }
                this.schedule(lat, reply);
                return;
            }
            case 'writeTeamsSession':
            case 'writeTeamsPreferred':
            case 'clearTeamsSession':
            case 'clearTeamsPreferred': {
                const lat = this.latency();
                const serve = Math.max(this.now + lat / 2, this.lastWriteServe + 1);
                this.lastWriteServe = serve;
                const error = this.fault();
                const applies = !error || (error.kind === 'network' && this.rng() < 0.5);
                const notFound = c.type === 'clearTeamsSession' && !error && this.teams.app === null;
                if (applies) {
                    this.schedule(serve - this.now, () => {
                        this.lastAppWriteServedAt = this.now;
                        this.apply(c);
                    });
                }
                this.schedule(serve - this.now + lat / 2, () => {
                    if (error || notFound) {
                        const e = error ?? { kind: 'notFound' as const, status: 404 };
                        this.deliver({
                            type: 'teamsWriteFailed',
                            at: this.now,
                            writeId: c.writeId,
                            error: e,
                            random: this.random()
                        });
                    } else {
                        this.deliver({ type: 'teamsWriteAcknowledged', at: this.now, writeId: c.writeId });
                    }
                });
                return;
            }
            case 'setOmniStatus':
                this.schedule(200, () => {
                    if (!this.omni.loggedIn) {
                        this.deliver({ type: 'omniCommandFailed', at: this.now, status: c.status });
                        return;
                    }
                    this.omni.status = c.status;
                    this.deliver({
                        type: 'omniStatusChanged',
                        at: this.now,
                        status: c.status,
                        reason: 'OmniToolkitStatusChange'
                    });
                });
                return;
            case 'logoutOmni':
                this.schedule(200, () => {
                    this.omni.loggedIn = false;
                    this.deliver({ type: 'omniLoggedOut', at: this.now });
                });
                return;
            case 'startTimer': {
                const token = ++this.timerToken;
                this.timers.set(c.timer, token);
                this.schedule(c.delayMs, () => {
                    if (this.timers.get(c.timer) !== token) return;
                    this.timers.delete(c.timer);
                    this.deliver({ type: 'timerFired', at: this.now, timer: c.timer, random: this.random() });
                });
                return;
            }
            case 'cancelTimer':
                this.timers.delete(c.timer);
                return;
            case 'requestInteractiveSignIn':
                this.schedule(2000, () => this.deliver({ type: 'signedIn', at: this.now }));
                return;
            default:
                return;
        }
    }

    private apply(c: SyncCommand): void {
        if (c.type === 'writeTeamsSession') {
            const pair = { availability: c.availability, activity: c.activity };
            this.teams.app = {
                pair,
                setAt: this.now,
                expiresAt: this.now + durationMs(c.expirationDuration)
            };
        } else if (c.type === 'writeTeamsPreferred') {
            const pair = { availability: c.availability, activity: c.activity };
            const ms =
                c.expirationDuration === undefined
                    ? preferredDefaultMs(pair)
                    : durationMs(c.expirationDuration);
            this.teams.preferred = { pair, byApp: true, setAt: this.now, expiresAt: this.now + ms };
        } else if (c.type === 'clearTeamsSession') {
            this.teams.app = null;
        } else if (c.type === 'clearTeamsPreferred') {
            if (this.teams.preferred && this.now < this.teams.preferred.expiresAt)
                this.preferredRemovedAt = this.now;
            this.teams.preferred = null;
        }
        this.teams.version++;
    }

    /** Performs one scenario action now. */
    act(a: Action): void {
        const before = aggregate(this.teams, this.now);
        const agentBefore = this.agentsOwn();
        this.teams.version++;
        this.perform(a);
        if (!samePair(before, aggregate(this.teams, this.now))) {
            this.teamsExternalChanges++;
            this.lastTeamsChangeAt = this.now;
        } else if (agentBefore !== this.agentsOwn()) {
            // a change of the agent's own Teams state hidden under a preferred presence (a meeting under
            // Busy): it shows when the app removes that preferred presence, and Salesforce may follow it then
            this.teamsExternalChanges++;
        }
    }

    /** The agent's own Teams state (clients, meetings, calls, their preferred presence), as text. */
    private agentsOwn(): string {
        const preferred = this.teams.preferred?.byApp === false ? this.teams.preferred : null;
        return JSON.stringify([[...this.teams.clients.entries()], preferred]);
    }

    private perform(a: Action): void {
        const at = this.now;
        switch (a.kind) {
            case 'sf':
                if (!this.omni.loggedIn || this.omni.status === a.status) return;
                // a Teams flicker between two polls is invisible: compare with the last reading the tab had
                this.teamsAtSalesforceChange = this.core.teams;
                this.noteUserPreferred();
                this.omni.status = a.status;
                this.lastSalesforceChangeAt = at;
                return this.deliver({ type: 'omniStatusChanged', at, status: a.status, reason: a.reason });
            case 'logout':
                if (!this.omni.loggedIn) return;
                this.teamsAtSalesforceChange = this.core.teams;
                this.omni.loggedIn = false;
                this.lastSalesforceChangeAt = at;
                return this.deliver({ type: 'omniLoggedOut', at });
            case 'login':
                if (this.omni.loggedIn) return;
                this.teamsAtSalesforceChange = this.core.teams;
                this.noteUserPreferred();
                this.omni = { loggedIn: true, status: a.status };
                this.lastSalesforceChangeAt = at;
                return this.deliver({
                    type: 'omniStatusChanged',
                    at,
                    status: a.status,
                    reason: 'OmniLoginStatusChange'
                });
            case 'teamsPreferred': {
                this.teams.preferred = {
                    pair: a.pair,
                    byApp: false,
                    setAt: at,
                    expiresAt: at + preferredDefaultMs(a.pair)
                };
                return;
            }
            case 'clientIdle': {
                const desktop = this.teams.clients.get('desktop');
                if (!desktop) return;
                const pair = a.on
                    ? { availability: 'Away', activity: 'Away' }
                    : { availability: 'Available', activity: 'Available' };
                if (!samePair(desktop.pair, pair)) this.teams.clients.set('desktop', { pair, at });
                return;
            }
            case 'graphRestart':
                this.teams.version = 1 + (this.teams.version % 97);
                return;
            case 'otherAccount':
                this.deliver({ type: 'signedOut', at, reason: 'signInRequired' });
                this.teams.version = 1 + (this.teams.version % 89);
                return this.deliver({ type: 'userRequestedConnect', at });
            case 'teamsReset':
                this.teams.preferred = null;
                return;
            case 'teamsClient':
                if (a.on === this.teams.clients.has('desktop')) return;
                if (a.on)
                    this.teams.clients.set('desktop', {
                        pair: { availability: 'Available', activity: 'Available' },
                        at
                    });
                else this.teams.clients.delete('desktop');
                return;
            case 'meeting':
            case 'teamsCall': {
                const id = a.kind;
                const pair =
                    a.kind === 'meeting'
                        ? { availability: 'Busy', activity: 'InAMeeting' }
                        : { availability: 'Busy', activity: 'InACall' };
                if (a.on === this.teams.clients.has(id)) return;
                if (a.on) this.teams.clients.set(id, { pair, at });
                else this.teams.clients.delete(id);
                return;
            }
            case 'call': {
                const callId = `call-${++this.callCounter}`;
                this.lastCallEnd = Math.max(
                    this.lastCallEnd,
                    at + a.durationMs + this.config.wrapUpSeconds * 1000
                );
                this.phoneCalls.add(callId);
                this.deliver({ type: 'callStarted', at, callId, source: 'softphone' });
                this.schedule(a.durationMs, () => {
                    this.phoneCalls.delete(callId);
                    if (this.phoneCalls.size === 0)
                        this.wrapUpEnd = this.now + this.config.wrapUpSeconds * 1000;
                    this.deliver({ type: 'callEnded', at: this.now, callId });
                });
                return;
            }
            case 'hidden':
                return this.deliver({ type: a.on ? 'pageHidden' : 'pageVisible', at });
            case 'pause':
                return this.deliver({ type: a.on ? 'userPaused' : 'userResumed', at });
            case 'signOut':
                return this.deliver({ type: 'signedOut', at, reason: 'signInRequired' });
            case 'reconnect':
                return this.deliver({ type: 'userRequestedConnect', at });
            case 'follower':
                return this.deliver({ type: 'becameFollower', at });
            case 'leader':
                return this.deliver({ type: 'becameLeader', at });
        }
    }

    /** Remembers whether the tab had accepted the user's current preferred presence before a Salesforce change. */
    private noteUserPreferred(): void {
        const p = this.teams.preferred;
        // Busy/Busy over the app's Busy/InACall session is indistinguishable from Teams' echo of it
        const ambiguous =
            samePair(p?.pair, { availability: 'Busy', activity: 'Busy' }) &&
            samePair(this.teams.app?.pair, { availability: 'Busy', activity: 'InACall' });
        // the tab got a reading served after the user set it that showed it as a change from the reading
        // before, and took it as its reading
        const seen =
            p !== null &&
            this.lastChangeDelivered !== null &&
            this.lastChangeDelivered.servedAt >= p.setAt &&
            samePair(this.lastChangeDelivered.pair, p.pair);
        const known = p !== null && !p.byApp && !ambiguous && seen && samePair(this.core.teams, p.pair);
        this.userPreferredKnownAtSalesforceChange = known && p ? p.setAt : null;
    }

    /** Brings the tab back to syncing (leader, signed in, resumed), as the end of every scenario does. */
    restore(): void {
        if (this.core.paused) this.perform({ kind: 'pause', on: false });
        if (this.core.leader !== true) this.perform({ kind: 'leader' });
        if (!this.core.signedIn) this.perform({ kind: 'reconnect' });
    }

    /** The Teams write the Salesforce side asks for now, from the mapping (independently of the core). */
    expectedApp(): { session: Pair | null; preferred: Pair | null } | null {
        if (this.config.direction === 'MeetingAppToSalesforce') return null;
        if (!this.omni.loggedIn) return { session: null, preferred: null };
        const onCall = this.phoneCalls.size > 0 || this.now < this.wrapUpEnd;
        if (onCall) {
            const pair =
                this.config.callPresence === 'DoNotDisturbPresenting'
                    ? { availability: 'DoNotDisturb', activity: 'Presenting' }
                    : { availability: 'Busy', activity: 'InACall' };
            return { session: pair, preferred: null };
        }
        const write = toTeams(this.config, this.omni.status).teams;
        if (write.kind === 'session')
            return {
                session: { availability: write.availability, activity: write.activity },
                preferred: null
            };
        if (write.kind === 'preferred')
            return {
                // a preferred presence shows only over a session: the app keeps its Available one under it
                session: { availability: 'Available', activity: 'Available' },
                preferred: { availability: write.availability, activity: write.activity }
            };
        return write.kind === 'clear' ? { session: null, preferred: null } : null;
    }

    onCall(): boolean {
        return this.phoneCalls.size > 0 || this.now < this.wrapUpEnd;
    }
}

/** Plays a scenario: actions with faults on, then the tab restored and faults off. */
export function play(scenario: Scenario): Simulation {
    const sim = new Simulation(
        scenario.config,
        scenario.faultRate,
        scenario.seed,
        scenario.busyEcho ?? false
    );
    sim.deliver({
        type: 'omniStatusChanged',
        at: sim.now,
        status: 'Available',
        reason: 'OmniLoginStatusChange'
    });
    sim.deliver({ type: 'becameLeader', at: sim.now });
    sim.deliver({ type: 'signedIn', at: sim.now });
    // the first reading is the baseline (Salesforce wins at start): changes begin after it
    while (sim.core.teams === null) sim.runUntil(sim.now + 500);
    for (const { dt, action } of scenario.steps) {
        sim.runUntil(sim.now + dt);
        sim.act(action);
    }
    sim.faultsOn = false;
    sim.restore();
    return sim;
}

export function samePair(a: Pair | null | undefined, b: Pair | null | undefined): boolean {
    if (!a || !b) return !a && !b;
    return (
        a.availability.toLowerCase() === b.availability.toLowerCase() &&
        a.activity.toLowerCase() === b.activity.toLowerCase()
    );
}
