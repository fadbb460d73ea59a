/*
 * The ports the runner performs its commands with (docs/connector-contracts.md section 2). The runner
 * sees only these interfaces; the composition root passes the concrete adapters.
 */
import type { Activity, Availability, TeamsPresence } from 'c/presenceSyncCore';

export interface TeamsPort {
    /** `statusMessage`: the status message Teams shows, absent when none */
    getPresence(): Promise<TeamsPresence & { sequenceNumber?: string; statusMessage?: string }>;
    setPresence(p: {
        availability: Availability;
        activity: Activity;
        expirationDuration: string;
    }): Promise<void>;
    clearPresence(keepalive: boolean): Promise<void>;
    setPreferredPresence(p: {
        availability: Availability;
        activity: Activity;
        expirationDuration?: string;
    }): Promise<void>;
    clearPreferredPresence(keepalive: boolean): Promise<void>;
    /** the signed-in user's status message; '' clears; `expiresAt` in epoch ms */
    setStatusMessage?(content: string, expiresAt?: number): Promise<void>;
    /** shows the in-frame Connect button (interactive sign-in) */
    connect(): Promise<void>;
    disconnect(): Promise<void>;
}

export interface OmniPort {
    setStatus(statusApiName: string): Promise<void>;
    logout(): Promise<void>;
}

export interface PhonePort {
    /** `statusApiName`: the Salesforce status the code belongs to (the one that just became current) */
    setReasonCode(code: string, statusApiName?: string | null): void;
}

export interface ClockPort {
    now(): number;
    // eslint-disable-next-line @locker/locker/distorted-window-set-timeout -- a port method named like the global, not a call of it (callers pass a function)
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}

export interface LeadershipPort {
    /**
     * Asks for the named lock. `onLeader` runs once this tab holds it (at once or after the holder went);
     * `onFollower` (optional) runs when the lock is known to be held elsewhere. `release` gives the lock
     * up or stops waiting for it.
     */
    acquire(lockName: string, onLeader: () => void, onFollower?: () => void): { release(): void };
}

export interface TenantPort {
    /**
     * How many agents share the app registration with this Azure client id (an upper bound, at least 1);
     * rejects when the count cannot be had. One number, never anyone's data.
     */
    agentsSharingApp(clientId: string): Promise<number>;
}

export interface RunnerPorts {
    /** all reject with a BridgeError (presenceSyncCore types.ts) */
    teams: TeamsPort;
    omni: OmniPort;
    phone: PhonePort;
    clock: ClockPort;
    random(): number;
    leadership: LeadershipPort;
    /** the tenant size for the poll budget; without it every agent polls as if alone */
    tenant?: TenantPort;
}
