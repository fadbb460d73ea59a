/*
 * The one place that binds the connector to its concrete adapters: configuration (presenceSyncConfig),
 * Omni-Channel over the Aura host seam (presenceSyncOmni) and phone calls (presenceSyncPhone). The shapes
 * below follow those modules' APIs; tests pass doubles.
 *
 * NOT WIRED YET: when this was written those three modules were not committed, so UNWIRED_ADAPTERS keeps
 * the sync paused with "configuration could not be loaded" instead of guessing. Bind them in ADAPTERS.
 */
import type { OmniPort, PhonePort, ClockPort } from 'c/presenceSyncRunner';
import type { ConfigIssue, Configuration, SyncEvent } from 'c/presenceSyncCore';

/** Events the Aura host passes to `omniEvent` (contracts section 1). */
export interface OmniHostEvent {
    type: string;
    [field: string]: unknown;
}

/** The `detail` of an `omnicommand` event. */
export type OmniCommand =
    | { id: string; type: 'setStatus'; statusId: string }
    | { id: string; type: 'logout' }
    | { id: string; type: 'getCurrentStatus' };

/** The host's answer to one command, exactly once per id. */
export interface OmniCommandResult {
    id: string;
    ok: boolean;
    error?: string;
}

/** DeveloperName <-> ServicePresenceStatus Id. */
export interface StatusDirectory {
    idOf(statusApiName: string): string | null;
    apiNameOf(statusId: string): string | null;
}

/** Why the sync cannot run with the agent's configuration. */
export type ConfigProblem =
    | { kind: 'missing' }
    | { kind: 'invalid'; configName: string; issues: ConfigIssue[] }
    | { kind: 'notAuthorized'; configName: string }
    | { kind: 'loadFailed'; detail: string };

export interface LoadedConfiguration {
    /** null: `configuration` is valid and may run */
    problem: ConfigProblem | null;
    configuration: Configuration | null;
    /** the org's labels of the Salesforce statuses (DeveloperName -> MasterLabel) */
    statusLabels: Readonly<Record<string, string>>;
    statuses: StatusDirectory | null;
    /** the agent's saved Office 365 email, or null */
    email: string | null;
}

export interface SaveResult {
    ok: boolean;
    /** the server's message (the field error first) when not ok */
    message: string;
}

export interface OmniAdapter extends OmniPort {
    omniEvent(e: unknown): void;
    omniCommandResult(r: unknown): void;
    /** the host answers with a currentStatus event */
    requestCurrentStatus(): Promise<void>;
    dispose(): void;
}

export interface OmniOptions {
    send(detail: OmniCommand): void;
    onEvent(syncEvent: SyncEvent): void;
    timers: ClockPort;
    statuses(): StatusDirectory | null;
}

export interface PhoneAdapter {
    port: PhonePort;
    dispose(): void;
}

export interface PhoneOptions {
    onEvent(syncEvent: SyncEvent): void;
    now(): number;
}

export interface Adapters {
    loadConfiguration(): Promise<LoadedConfiguration>;
    saveEmail(email: string): Promise<SaveResult>;
    createOmni(options: OmniOptions): OmniAdapter;
    createPhone(options: PhoneOptions): PhoneAdapter;
}

const NOT_WIRED = 'presenceSyncConfig is not wired into the CTI Data Connector yet';

export const UNWIRED_ADAPTERS: Adapters = {
    loadConfiguration: () =>
        Promise.resolve({
            problem: { kind: 'loadFailed', detail: NOT_WIRED },
            configuration: null,
            statusLabels: {},
            statuses: null,
            email: null
        }),
    saveEmail: () => Promise.resolve({ ok: false, message: NOT_WIRED }),
    createOmni: () => ({
        setStatus: () => Promise.reject(new Error(NOT_WIRED)),
        logout: () => Promise.reject(new Error(NOT_WIRED)),
        omniEvent: () => undefined,
        omniCommandResult: () => undefined,
        requestCurrentStatus: () => Promise.resolve(),
        dispose: () => undefined
    }),
    createPhone: () => ({ port: { setReasonCode: () => undefined }, dispose: () => undefined })
};

export const ADAPTERS: Adapters = UNWIRED_ADAPTERS;
