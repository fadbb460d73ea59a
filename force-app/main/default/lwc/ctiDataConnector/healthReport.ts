/*
 * The connector's sync health report to Salesforce (for the supervisor's Live Agent Dashboard), written
 * rarely onto the agent's own PresenceSyncUserSetting__c record (docs/architecture.md, "Sync health"):
 *
 * - every write spends a token of a bucket of WRITE_BURST tokens that refills by one every
 *   WRITE_REFILL_MS (a token bucket);
 * - a change of reported health is written at once when a token is left, else as soon as one is (the
 *   changes in between are coalesced into that one write of the newest health);
 * - with no change, a heartbeat is written HEARTBEAT_MS after the last write;
 * - nothing else is written.
 *
 * The bound: in any hour at most WRITE_BURST + 3,600 s / WRITE_REFILL_MS = 3 + 30 = 33 writes per
 * agent, whatever happens (MAX_WRITES_PER_HOUR); 12 in an hour in which nothing changes (heartbeats);
 * `npm run bench` counts a typical hour. The burst lets start-up (sign-in required, then syncing a few
 * seconds later) reach the dashboard at once.
 * Only the leading tab reports ('follower' and 'starting' report nothing; the leader does).
 *
 * The dashboard derives "no connector running" from a heartbeat older than STALE_AFTER_MS (two missed
 * heartbeats and two minutes of slack for clocks and a write that is in flight), and "never connected"
 * from a record that has no heartbeat at all.
 *
 * Time, timers and the write are injected; nothing here reads the clock.
 */
import type { Health } from 'c/presenceSyncCore';

/** What the dashboard shows; stored in SyncHealth__c. */
export type ReportedHealth = 'syncing' | 'paused' | 'signInRequired' | 'throttled' | 'configurationBroken';

export const HEARTBEAT_MS = 5 * 60 * 1000;
export const WRITE_BURST = 3;
export const WRITE_REFILL_MS = 2 * 60 * 1000;
export const MAX_WRITES_PER_HOUR = WRITE_BURST + (3600 * 1000) / WRITE_REFILL_MS;
/** the dashboard's threshold (liveAgentDashboard model.ts keeps the same number) */
export const STALE_AFTER_MS = 12 * 60 * 1000;

/** The health the supervisor sees for a connector health (null: nothing to report). */
export function reportedHealth(health: Health): ReportedHealth | null {
    switch (health) {
        case 'syncing':
            return 'syncing';
        case 'paused':
            return 'paused';
        case 'signInRequired':
        case 'consentRequired':
        case 'accountMismatch':
        case 'stopped':
            return 'signInRequired';
        case 'throttled':
        case 'retrying':
        case 'circuitOpen':
            return 'throttled';
        default:
            // 'starting' (not known yet) and 'follower' (another tab of the agent reports)
            return null;
    }
}

export interface HealthRecord {
    health: ReportedHealth;
    /** epoch ms of this report (SyncHeartbeatAt__c) */
    heartbeatAt: number;
    /** epoch ms the sync was last seen working (LastSuccessfulSyncAt__c), null: not yet */
    lastSyncAt: number | null;
}

export interface HealthReportPorts {
    now(): number;
    // eslint-disable-next-line @locker/locker/distorted-window-set-timeout -- a port method named like the global, not a call of it (callers pass a function)
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
    /** writes the report (the settings record id is the caller's); a failure is retried at the heartbeat */
    write(record: HealthRecord): Promise<void>;
}

export class HealthReporter {
    private current: ReportedHealth | null = null;
    private written: ReportedHealth | null = null;
    private lastWriteAt: number | null = null;
    private lastSyncAt: number | null = null;
    private tokens = WRITE_BURST;
    /** when the bucket last gained a token (or was last seen full) */
    private refilledAt = 0;
    private timer: unknown = null;
    private disposed = false;

    constructor(private readonly ports: HealthReportPorts) {}

    /** The connector's health now (from each view of the sync, or a broken configuration). */
    update(health: ReportedHealth | null): void {
        if (this.disposed || health === null) return;
        if (health === 'syncing') this.lastSyncAt = this.ports.now();
        if (health === this.current) return;
        this.current = health;
        // a change (or a change back to what was written: then only the heartbeat is due)
        this.schedule();
    }

    /** Stops reporting (the page goes): the heartbeat ages and the dashboard shows the connector stale. */
    dispose(): void {
        this.disposed = true;
        this.cancel();
    }

    /** Brings the bucket up to `now`; returns when the next token is there (`now` when one is). */
    private tokenAt(now: number): number {
        if (this.tokens >= WRITE_BURST) {
            this.refilledAt = now;
        } else {
            const gained = Math.floor((now - this.refilledAt) / WRITE_REFILL_MS);
            if (gained > 0) {
                this.tokens = Math.min(WRITE_BURST, this.tokens + gained);
                this.refilledAt =
                    this.tokens >= WRITE_BURST ? now : this.refilledAt + gained * WRITE_REFILL_MS;
            }
        }
        return this.tokens >= 1 ? now : this.refilledAt + WRITE_REFILL_MS;
    }

    private schedule(): void {
        const now = this.ports.now();
        const changed = this.current !== this.written;
        const token = this.tokenAt(now);
        const due =
            changed || this.lastWriteAt === null ? token : Math.max(token, this.lastWriteAt + HEARTBEAT_MS);
        this.cancel();
        if (due <= now) {
            this.writeNow();
            return;
        }
        this.timer = this.ports.setTimeout(() => {
            this.timer = null;
            this.writeNow();
        }, due - now);
    }

    private writeNow(): void {
        if (this.disposed || this.current === null) return;
        const now = this.ports.now();
        if (this.tokenAt(now) > now) {
            this.schedule();
            return;
        }
        this.tokens -= 1;
        const record: HealthRecord = { health: this.current, heartbeatAt: now, lastSyncAt: this.lastSyncAt };
        this.lastWriteAt = now;
        this.written = this.current;
        // a failed write is not retried at once: the next heartbeat (or change) writes again
        this.ports.write(record).catch(() => undefined);
        this.schedule();
    }

    private cancel(): void {
        if (this.timer !== null) this.ports.clearTimeout(this.timer);
        this.timer = null;
    }
}
