/*
 * The Omni-Channel port and event translation over the Aura host seam (docs/connector-contracts.md
 * section 1). Only the Aura host `ctiDataConnectorUtility` and this module know Omni lives in Aura.
 *
 * - Events in: `omniEvent(e)` turns the host's plain objects into SyncEvents (status changes with their
 *   DeveloperName and Omni reason, logout, voice work accepted/closed as calls, the current status).
 * - Commands out: `setStatus`/`logout`/`requestCurrentStatus` send an `omnicommand` detail with a fresh
 *   id and resolve or reject exactly once: with the host's `omniCommandResult` of that id, or a timeout.
 *
 * The module has no timers of its own: the composition root passes the runner's clock.
 */
import type { OmniReason, SyncEvent } from 'c/presenceSyncCore';

/** Events the host passes to `connector.omniEvent(e)`. */
export type OmniHostEvent =
    | {
          type: 'statusChanged';
          statusId?: string | null;
          statusApiName?: string | null;
          statusName?: string | null;
          reason?: string | null;
      }
    | { type: 'loginSuccess'; statusId?: string | null }
    | { type: 'logout'; reason?: string | null }
    | { type: 'workAccepted'; workItemId?: string | null; workId?: string | null }
    | { type: 'workClosed'; workItemId?: string | null; workId?: string | null }
    | {
          type: 'currentStatus';
          statusId?: string | null;
          statusApiName?: string | null;
          statusName?: string | null;
      };

/** The `detail` of an `omnicommand` CustomEvent. */
export type OmniCommandDetail =
    | { id: string; type: 'setStatus'; statusId: string }
    | { id: string; type: 'logout' }
    | { id: string; type: 'getCurrentStatus' };

/** What the host answers with `connector.omniCommandResult(r)`, exactly once per id. */
export interface OmniCommandResult {
    id: string;
    ok: boolean;
    error?: string;
}

/** Why a command failed; `detail` is a code for the sync log (never a message with personal data). */
export interface OmniCommandError {
    detail: 'omniUnknownStatus' | 'omniRejected' | 'omniTimeout' | 'omniDisposed';
    /** the host's error text, for diagnostics only */
    hostError?: string;
}

/** DeveloperName <-> ServicePresenceStatus Id (presenceSyncConfig builds one; Ids compared on 15 chars). */
export interface StatusDirectory {
    idOf(statusApiName: string): string | null;
    apiNameOf(statusId: string): string | null;
}

export interface OmniTimers {
    now(): number;
    // eslint-disable-next-line @locker/locker/distorted-window-set-timeout -- a port method named like the global, not a call of it (callers pass a function)
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}

/**
 * Key prefix of VoiceCall record Ids: no Salesforce page lists it, so it is unverified here; a work item
 * accepted through Omni-Channel with this prefix counts as a call. docs/org-verification.md checks it.
 */
export const VOICE_CALL_KEY_PREFIX = '0LQ';
export const DEFAULT_COMMAND_TIMEOUT_MS = 10000;

export const OMNI_REASONS: readonly OmniReason[] = [
    'OmniToolkitStatusChange',
    'OmniPushTimeout',
    'OmniDeclineWork',
    'OmniManualStatusChange',
    'OmniSupervisorStatusChange',
    'OmniLoginStatusChange'
];

/** Whether a routed work item is a voice call: its Id starts with one of the key prefixes. */
export function voiceWorkPredicate(
    prefixes: readonly string[] = [VOICE_CALL_KEY_PREFIX]
): (id: string) => boolean {
    return (workItemId) => prefixes.some((prefix) => workItemId.startsWith(prefix));
}

/**
 * The Omni reason as the core knows it. A reason the contract does not list (a newer release, an empty
 * one) was not our toolkit call, so it counts as the agent's own change: written to Teams, never an echo.
 */
export function omniReason(reason: unknown): OmniReason {
    return typeof reason === 'string' && (OMNI_REASONS as readonly string[]).includes(reason)
        ? (reason as OmniReason)
        : 'OmniManualStatusChange';
}

function text(value: unknown): string | null {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export interface TranslateOptions {
    at: number;
    statuses: StatusDirectory | null;
    isVoiceWork: (workItemId: string) => boolean;
}

function statusOf(
    e: { statusApiName?: unknown; statusId?: unknown },
    statuses: StatusDirectory | null
): string | null {
    const apiName = text(e.statusApiName);
    if (apiName !== null) return apiName;
    const id = text(e.statusId);
    return id !== null && statuses !== null ? statuses.apiNameOf(id) : null;
}

/**
 * The SyncEvents one host event stands for (none for what the sync does not care about: a malformed
 * event, non-voice work, a status whose DeveloperName cannot be told). Pure.
 */
export function translateOmniEvent(e: unknown, options: TranslateOptions): SyncEvent[] {
    if (typeof e !== 'object' || e === null) return [];
    const host = e as Record<string, unknown>;
    const { at } = options;
    switch (host.type) {
        case 'statusChanged': {
            const status = statusOf(host, options.statuses);
            return status === null
                ? []
                : [{ type: 'omniStatusChanged', at, status, reason: omniReason(host.reason) }];
        }
        case 'loginSuccess': {
            const status = statusOf({ statusId: host.statusId }, options.statuses);
            return status === null
                ? []
                : [{ type: 'omniStatusChanged', at, status, reason: 'OmniLoginStatusChange' }];
        }
        case 'currentStatus': {
            if (text(host.statusId) === null && text(host.statusApiName) === null) {
                return [{ type: 'omniLoggedOut', at }];
            }
            const status = statusOf(host, options.statuses);
            // the status the agent already had: a Salesforce-side fact, as at login
            return status === null
                ? []
                : [{ type: 'omniStatusChanged', at, status, reason: 'OmniLoginStatusChange' }];
        }
        case 'logout':
            return [{ type: 'omniLoggedOut', at }];
        case 'workAccepted':
        case 'workClosed': {
            const callId = text(host.workItemId);
            if (callId === null || !options.isVoiceWork(callId)) return [];
            return host.type === 'workAccepted'
                ? [{ type: 'callStarted', at, callId, source: 'omniWork' }]
                : [{ type: 'callEnded', at, callId }];
        }
        default:
            return [];
    }
}

/** The CustomEvent the connector dispatches on itself; the Aura host handles it with `onomnicommand`. */
export function omniCommandEvent(detail: OmniCommandDetail): CustomEvent<OmniCommandDetail> {
    return new CustomEvent('omnicommand', { detail });
}

export interface PresenceSyncOmniOptions {
    /** sends one command to the host, e.g. `(d) => this.dispatchEvent(omniCommandEvent(d))` */
    send: (detail: OmniCommandDetail) => void;
    /** receives the translated events, e.g. `(e) => runner.dispatch(e)` */
    onEvent: (syncEvent: SyncEvent) => void;
    /** the runner's clock (browserClock()) */
    timers: OmniTimers;
    /** DeveloperName <-> Id; a getter, since the directory loads after the adapter is created */
    statuses: () => StatusDirectory | null;
    /** which work items are phone calls (default: VoiceCall key prefix 0LQ) */
    isVoiceWork?: (workItemId: string) => boolean;
    commandTimeoutMs?: number;
}

interface Pending {
    resolve: () => void;
    reject: (error: OmniCommandError) => void;
    timer: unknown;
}

/** The Omni port of the runner (`setStatus`, `logout`) plus the host event entry point. */
export class PresenceSyncOmni {
    private readonly options: PresenceSyncOmniOptions;
    private readonly pending = new Map<string, Pending>();
    private readonly idPrefix: string;
    private sequence = 0;
    private disposed = false;
    /** results for no pending command (late after a timeout, duplicates, unknown ids) */
    unmatchedResults = 0;

    constructor(options: PresenceSyncOmniOptions) {
        this.options = options;
        this.idPrefix = `omni-${options.timers.now().toString(36)}-`;
    }

    /** The host's event (contracts section 1); translated and passed on. */
    omniEvent(e: unknown): void {
        if (this.disposed) return;
        const events = translateOmniEvent(e, {
            at: this.options.timers.now(),
            statuses: this.options.statuses(),
            isVoiceWork: this.options.isVoiceWork ?? voiceWorkPredicate()
        });
        for (const syncEvent of events) this.options.onEvent(syncEvent);
    }

    /** The host's answer to one command. */
    omniCommandResult(r: unknown): void {
        const result = (typeof r === 'object' && r !== null ? r : {}) as Partial<OmniCommandResult>;
        const pending = typeof result.id === 'string' ? this.pending.get(result.id) : undefined;
        if (pending === undefined || typeof result.id !== 'string') {
            this.unmatchedResults += 1;
            return;
        }
        this.settle(result.id);
        if (result.ok === true) {
            pending.resolve();
        } else {
            const error: OmniCommandError = { detail: 'omniRejected' };
            if (typeof result.error === 'string') error.hostError = result.error;
            pending.reject(error);
        }
    }

    /** Sets the Omni status by DeveloperName (the host needs its ServicePresenceStatus Id). */
    setStatus(statusApiName: string): Promise<void> {
        const statusId = this.options.statuses()?.idOf(statusApiName) ?? null;
        if (statusId === null) return Promise.reject<void>({ detail: 'omniUnknownStatus' });
        return this.command((id) => ({ id, type: 'setStatus', statusId }));
    }

    logout(): Promise<void> {
        return this.command((id) => ({ id, type: 'logout' }));
    }

    /** Asks the host for the current status; it arrives as a `currentStatus` event before the result. */
    requestCurrentStatus(): Promise<void> {
        return this.command((id) => ({ id, type: 'getCurrentStatus' }));
    }

    /** Answers every pending command with `omniDisposed`; later events and results are ignored. */
    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        for (const [id, pending] of [...this.pending]) {
            this.settle(id);
            pending.reject({ detail: 'omniDisposed' });
        }
    }

    private command(build: (id: string) => OmniCommandDetail): Promise<void> {
        if (this.disposed) return Promise.reject<void>({ detail: 'omniDisposed' });
        this.sequence += 1;
        const id = `${this.idPrefix}${this.sequence}`;
        return new Promise<void>((resolve, reject) => {
            const timer = this.options.timers.setTimeout(() => {
                if (!this.pending.has(id)) return;
                this.settle(id);
                reject({ detail: 'omniTimeout' });
            }, this.options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS);
            this.pending.set(id, { resolve, reject, timer });
            try {
                this.options.send(build(id));
            } catch {
                this.settle(id);
                reject({ detail: 'omniRejected' });
            }
        });
    }

    private settle(id: string): void {
        const pending = this.pending.get(id);
        if (pending === undefined) return;
        this.pending.delete(id);
        this.options.timers.clearTimeout(pending.timer);
    }
}
