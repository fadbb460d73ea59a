/*
 * The runner: holds the core's state, feeds it events and performs the commands it returns
 * (docs/connector-contracts.md section 2). It is the only module with timers. Guarantees:
 *
 * - Events are handled one at a time: an event raised while a command runs is queued until every
 *   command of the current event has been performed (the core sees events in the order they happened).
 * - Teams writes are performed in command order: each one starts when the one before has settled. A
 *   `keepalive` write (page closing) is sent at once instead of waiting, since the page may be gone by then.
 * - The phone system's reason code, which nothing waits for, is published in a task after the event's
 *   (a 0 ms timer set once the event's commands ran), in the order the codes came, unless the runner
 *   was disposed meanwhile. The bridge frame shares the console's thread (docs/architecture.md, "How a
 *   change travels"): it can send a Teams request only once the current task is over, so whatever else
 *   runs in that task delays the write.
 * - Every request gets exactly one reply or failure event (a port that throws synchronously or rejects
 *   with something that is not a BridgeError counts as a failure). After dispose nothing is dispatched.
 * - `startTimer` on a running timer restarts it; a cancelled or restarted timer never fires.
 * - The tenant size (how many agents share the configuration's app registration, per client id) is
 *   asked for at start and every TENANT_REFRESH_MS after the last answer, one request at a time, and fed
 *   to the core as `tenantSizeKnown` (the poll budget's divisor); a failure or a nonsense answer is fed
 *   as `tenantSizeFailed` (the core keeps the last known size and logs it). The sync never waits for it.
 */
import {
    BRIDGE_ERROR_KINDS,
    initialState,
    isActive,
    isOnCall,
    statusMessageDecision,
    transition
} from 'c/presenceSyncCore';
import type {
    BridgeError,
    Configuration,
    SyncCommand,
    SyncEvent,
    SyncState,
    TimerName,
    ViewModel
} from 'c/presenceSyncCore';
import type { RunnerPorts } from './ports';

/** The Web Locks name: one syncing tab per user (the lock is per origin and browser profile). */
export const LEADER_LOCK_NAME = 'presenceSync.leader';

/**
 * How often the tenant size is asked again: agents are assigned by an admin, not by the minute, and
 * every agent's browser asks (20 minutes: 3 Apex calls per agent per hour).
 */
export const TENANT_REFRESH_MS = 20 * 60_000;

/** A BridgeError as received, or a `network` error standing for anything else a port threw. */
export function toBridgeError(reason: unknown): BridgeError {
    if (typeof reason === 'object' && reason !== null) {
        const r = reason as Partial<BridgeError>;
        if (typeof r.kind === 'string' && (BRIDGE_ERROR_KINDS as readonly string[]).includes(r.kind)) {
            const error: BridgeError = { kind: r.kind };
            if (typeof r.status === 'number') error.status = r.status;
            if (typeof r.retryAfter === 'string') error.retryAfter = r.retryAfter;
            if (typeof r.detail === 'string') error.detail = r.detail;
            return error;
        }
    }
    return { kind: 'network', detail: reason instanceof Error ? reason.name : 'unexpectedFailure' };
}

/** Detail for the log: a short technical code, never personal data. */
function detailOf(reason: unknown): string {
    if (typeof reason === 'object' && reason !== null) {
        const r = reason as { kind?: unknown; detail?: unknown };
        if (typeof r.detail === 'string') return r.detail;
        if (typeof r.kind === 'string') return r.kind;
        if (reason instanceof Error) return reason.name;
    }
    return typeof reason === 'string' ? reason : 'unexpectedFailure';
}

/** Runs `action`, turning a synchronous throw into a rejection. */
function attempt<T>(action: () => Promise<T>): Promise<T> {
    try {
        return Promise.resolve(action());
    } catch (error) {
        return Promise.reject(error);
    }
}

export interface RunnerOptions {
    /**
     * The Teams status message shown during a call and its wrap-up, in the agent's language; null or
     * absent: none. The core's statusMessageDecision decides each write (docs/sync-policy.md).
     */
    callStatusMessage?: string | null;
}

type WriteCommand = Extract<
    SyncCommand,
    { type: 'writeTeamsSession' | 'clearTeamsSession' | 'writeTeamsPreferred' | 'clearTeamsPreferred' }
>;

export class PresenceSyncRunner {
    private state: SyncState;
    private readonly ports: RunnerPorts;
    private readonly onView: (view: ViewModel) => void;
    private readonly timers = new Map<TimerName, { handle: unknown }>();
    private readonly queue: SyncEvent[] = [];
    private dispatching = false;
    private started = false;
    private disposed = false;
    private lock: { release(): void } | null = null;
    /** reason codes to publish after the current event's task, with the status each one is for */
    private readonly reasonCodes: Array<{ code: string; status: string | null }> = [];
    /** settles when the last Teams write queued so far has settled */
    private writes: Promise<void> = Promise.resolve();
    /** Teams writes (and a disconnect) queued or running */
    private writesOpen = 0;
    /** the tenant size request in flight, and the timer of the next one */
    private tenantAsking = false;
    private tenantTimer: { handle: unknown } | null = null;
    /** the call status message: its text, whether it should show, and what this runner wrote */
    private readonly statusText: string | null;
    private statusWanted = false;
    private statusOurs: string | null = null;

    constructor(
        configuration: Configuration,
        ports: RunnerPorts,
        onView: (view: ViewModel) => void,
        options: RunnerOptions = {}
    ) {
        this.state = initialState(configuration);
        this.ports = ports;
        this.onView = onView;
        this.statusText = options.callStatusMessage ?? null;
    }

    /** Requests leadership; becameLeader (and becameFollower, when the port tells) events follow. */
    start(): void {
        if (this.started || this.disposed) return;
        this.started = true;
        let leader = false;
        let follower = false;
        const lock = this.ports.leadership.acquire(
            LEADER_LOCK_NAME,
            () => {
                if (leader) return;
                leader = true;
                this.dispatch({ type: 'becameLeader', at: this.ports.clock.now() });
            },
            () => {
                if (leader || follower) return;
                follower = true;
                this.dispatch({ type: 'becameFollower', at: this.ports.clock.now() });
            }
        );
        if (this.disposed) lock.release();
        else this.lock = lock;
        this.refreshTenantSize();
    }

    /**
     * Asks for the tenant size now (at start, on its timer, or when the configuration record changed);
     * ignored while an answer is awaited, before start, after dispose and without a client id or port.
     */
    refreshTenantSize(): void {
        const port = this.ports.tenant;
        const clientId = this.state.config.azureClientId?.trim() ?? '';
        if (!this.started || this.disposed || port === undefined || clientId === '' || this.tenantAsking)
            return;
        this.tenantAsking = true;
        if (this.tenantTimer !== null) this.ports.clock.clearTimeout(this.tenantTimer.handle);
        this.tenantTimer = null;
        const settle = (event: SyncEvent): void => {
            this.tenantAsking = false;
            if (this.disposed) return;
            this.dispatch(event);
            const entry: { handle: unknown } = { handle: null };
            entry.handle = this.ports.clock.setTimeout(() => {
                if (this.tenantTimer !== entry) return;
                this.tenantTimer = null;
                this.refreshTenantSize();
            }, TENANT_REFRESH_MS);
            this.tenantTimer = entry;
        };
        attempt(() => port.agentsSharingApp(clientId)).then(
            (count: unknown) =>
                settle(
                    typeof count === 'number' && Number.isFinite(count) && count >= 1
                        ? { type: 'tenantSizeKnown', at: this.now(), agentCount: count }
                        : { type: 'tenantSizeFailed', at: this.now(), detail: 'invalidCount' }
                ),
            (reason: unknown) =>
                settle({ type: 'tenantSizeFailed', at: this.now(), detail: detailOf(reason) })
        );
    }

    /** Feeds one fact to the core and performs what it asks for. Ignored after dispose. */
    dispatch(event: SyncEvent): void {
        if (this.disposed) return;
        this.queue.push(event);
        if (this.dispatching) return;
        this.dispatching = true;
        try {
            for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
                const [state, commands] = transition(this.state, next);
                this.state = state;
                for (const command of commands) {
                    if (this.disposed) break;
                    this.perform(command);
                }
                const renew = next.type === 'timerFired' && next.timer === 'keepAlive';
                if (!this.disposed) this.followStatusMessage(renew);
            }
        } finally {
            this.dispatching = false;
        }
        if (this.reasonCodes.length > 0) this.publishReasonCodesLater();
    }

    /** Cancels every timer, releases leadership; later results and events are dropped. */
    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        this.queue.length = 0;
        for (const timer of this.timers.values()) this.ports.clock.clearTimeout(timer.handle);
        this.timers.clear();
        if (this.tenantTimer !== null) this.ports.clock.clearTimeout(this.tenantTimer.handle);
        this.tenantTimer = null;
        const lock = this.lock;
        this.lock = null;
        lock?.release();
    }

    private now(): number {
        return this.ports.clock.now();
    }

    private perform(command: SyncCommand): void {
        switch (command.type) {
            case 'readTeams':
                this.readTeams(command.generation);
                break;
            case 'writeTeamsSession':
            case 'clearTeamsSession':
            case 'writeTeamsPreferred':
            case 'clearTeamsPreferred':
                this.enqueueWrite(command);
                break;
            case 'setOmniStatus':
                this.omni(command.status, () => this.ports.omni.setStatus(command.status));
                break;
            case 'logoutOmni':
                this.omni('Offline', () => this.ports.omni.logout());
                break;
            case 'setPhoneReasonCode':
                // the status that just became current: the core updated it before asking for the code
                this.reasonCodes.push({ code: command.code, status: this.state.salesforce });
                break;
            case 'startTimer':
                this.startTimer(command.timer, command.delayMs);
                break;
            case 'cancelTimer':
                this.cancelTimer(command.timer);
                break;
            case 'requestInteractiveSignIn':
                this.connect();
                break;
            case 'signOut':
                this.signOut();
                break;
            case 'showState':
                this.showState(command.view);
                break;
            default:
                // appendLog: the core keeps the log in its state; the view carries the recent entries
                break;
        }
    }

    /**
     * Sets the call status message when a call starts (while syncing), renews it with the keep-alive,
     * and clears this runner's own message when the call and wrap-up are over. Each write reads the
     * current message first: the agent's own is left alone. Best effort, after the Teams writes before
     * it; a failure is not retried (the message's expiry ends one that could not be cleared).
     */
    private followStatusMessage(renew: boolean): void {
        const setStatusMessage = this.ports.teams.setStatusMessage?.bind(this.ports.teams);
        if (this.statusText === null || setStatusMessage === undefined) return;
        const wanted = isActive(this.state) && isOnCall(this.state);
        if (wanted === this.statusWanted && !(renew && wanted)) return;
        this.statusWanted = wanted;
        if (!wanted && this.statusOurs === null) return;
        this.serialize(() =>
            attempt(() => this.ports.teams.getPresence())
                .then((reading) => {
                    const decision = statusMessageDecision({
                        wanted: this.statusWanted,
                        text: this.statusText,
                        direction: this.state.config.direction,
                        current: reading.statusMessage ?? null,
                        ours: this.statusOurs,
                        at: this.now(),
                        expiryMinutes: this.state.config.sessionExpiryMinutes
                    });
                    if (decision.action === 'set') {
                        return setStatusMessage(decision.content, decision.expiresAt).then(() => {
                            this.statusOurs = decision.content;
                        });
                    }
                    if (decision.action === 'clear') {
                        return setStatusMessage('').then(() => {
                            this.statusOurs = null;
                        });
                    }
                    // the agent's own message replaced ours: it is no longer ours to clear
                    if (decision.reason === 'agentMessage') this.statusOurs = null;
                    return undefined;
                })
                .catch(() => undefined)
        );
    }

    private readTeams(generation: number): void {
        attempt(() => this.ports.teams.getPresence()).then(
            (reading) => {
                const event: SyncEvent = {
                    type: 'teamsPresenceRead',
                    at: this.now(),
                    presence: { availability: reading.availability, activity: reading.activity },
                    generation
                };
                if (typeof reading.sequenceNumber === 'string') event.sequenceNumber = reading.sequenceNumber;
                this.dispatch(event);
            },
            (reason: unknown) =>
                this.dispatch({
                    type: 'teamsReadFailed',
                    at: this.now(),
                    generation,
                    error: toBridgeError(reason),
                    random: this.ports.random()
                })
        );
    }

    private enqueueWrite(command: WriteCommand): void {
        const run = (): Promise<void> => {
            if (this.disposed) return Promise.resolve();
            return attempt(() => this.write(command)).then(
                () =>
                    this.dispatch({
                        type: 'teamsWriteAcknowledged',
                        at: this.now(),
                        writeId: command.writeId
                    }),
                (reason: unknown) =>
                    this.dispatch({
                        type: 'teamsWriteFailed',
                        at: this.now(),
                        writeId: command.writeId,
                        error: toBridgeError(reason),
                        random: this.ports.random()
                    })
            );
        };
        const keepalive = 'keepalive' in command && command.keepalive;
        // the page is closing: a keepalive write is sent now, behind nothing (the request outlives the page)
        this.serialize(run, keepalive);
    }

    /** Runs `task` after the Teams writes before it (at once when none is open, or when `now`). */
    private serialize(task: () => Promise<void>, now = false): void {
        const settle = (): void => {
            this.writesOpen -= 1;
        };
        const start = now || this.writesOpen === 0;
        this.writesOpen += 1;
        if (start) {
            const running = task().then(settle, settle);
            this.writes = Promise.all([this.writes, running]).then(() => undefined);
        } else {
            this.writes = this.writes.then(task).then(settle, settle);
        }
    }

    private write(command: WriteCommand): Promise<void> {
        const teams = this.ports.teams;
        switch (command.type) {
            case 'writeTeamsSession':
                return teams.setPresence({
                    availability: command.availability,
                    activity: command.activity,
                    expirationDuration: command.expirationDuration
                });
            case 'writeTeamsPreferred': {
                const presence: Parameters<typeof teams.setPreferredPresence>[0] = {
                    availability: command.availability,
                    activity: command.activity
                };
                if (command.expirationDuration !== undefined) {
                    presence.expirationDuration = command.expirationDuration;
                }
                return teams.setPreferredPresence(presence);
            }
            case 'clearTeamsSession':
                return teams.clearPresence(command.keepalive);
            case 'clearTeamsPreferred':
            default:
                return teams.clearPreferredPresence(command.keepalive);
        }
    }

    private omni(status: string, action: () => Promise<void>): void {
        attempt(action).catch((reason: unknown) =>
            this.dispatch({ type: 'omniCommandFailed', at: this.now(), status, detail: detailOf(reason) })
        );
    }

    /**
     * Publishes the reason codes of the events just handled, in a later task: set after this event's
     * Teams requests were posted, the timer runs after the bridge's message (Chromium runs tasks of the
     * same priority in the order they were queued), so the publish no longer holds the write back. Not after
     * dispose (nothing is performed then; the component's message context is released with it).
     */
    private publishReasonCodesLater(): void {
        const codes = this.reasonCodes.splice(0);
        this.ports.clock.setTimeout(() => {
            if (this.disposed) return;
            for (const { code, status } of codes) {
                try {
                    this.ports.phone.setReasonCode(code, status);
                } catch {
                    // publishing on the message channel is fire and forget; nothing in the core depends on it
                }
            }
        }, 0);
    }

    /** After the writes before it (the clears of a disconnect must still be signed in). */
    private signOut(): void {
        // the core has already stopped syncing; a failed disconnect changes nothing
        this.serialize(() => attempt(() => this.ports.teams.disconnect()).catch(() => undefined));
    }

    private showState(view: ViewModel): void {
        try {
            this.onView(view);
        } catch {
            // a failing view must not stop the sync: the next showState brings the UI up to date
        }
    }

    private connect(): void {
        attempt(() => this.ports.teams.connect()).catch((reason: unknown) =>
            // the Connect button could not be shown: the agent stays (or is again) asked to reconnect
            this.dispatch({ type: 'signedOut', at: this.now(), reason: toBridgeError(reason).kind })
        );
    }

    private startTimer(timer: TimerName, delayMs: number): void {
        this.cancelTimer(timer);
        const entry: { handle: unknown } = { handle: null };
        entry.handle = this.ports.clock.setTimeout(() => {
            if (this.timers.get(timer) !== entry) return;
            this.timers.delete(timer);
            this.dispatch({ type: 'timerFired', at: this.now(), timer, random: this.ports.random() });
        }, delayMs);
        this.timers.set(timer, entry);
    }

    private cancelTimer(timer: TimerName): void {
        const entry = this.timers.get(timer);
        if (entry === undefined) return;
        this.timers.delete(timer);
        this.ports.clock.clearTimeout(entry.handle);
    }
}
