/*
 * The composition of one connector session: configuration, Teams bridge client, Omni and phone adapters,
 * runner. The component owns the DOM; this module owns the wiring and its order:
 *
 *   load configuration -> (valid) wait for the bridge container -> bridge, adapters, runner -> bridge init
 *   -> signedIn / signedOut into the runner.
 *
 * Events that arrive before the runner exists (Omni's current status, the agent's clicks) are queued and
 * fed to it once it runs. A broken or missing configuration never starts a runner: the sync stays paused
 * and the component shows why.
 */
import PresenceSyncBridge from 'c/presenceSyncBridge';
import { bridgeUrlFor } from 'c/presenceSyncBridgeProtocol';
import type { BridgeEvent } from 'c/presenceSyncBridgeProtocol';
import { PresenceSyncRunner, browserClock, bridgeTeamsPort, webLocksLeadership } from 'c/presenceSyncRunner';
import type { Configuration, SyncEvent, ViewModel } from 'c/presenceSyncCore';
import { ADAPTERS } from './adapters';
import type {
    Adapters,
    ConfigProblem,
    OmniAdapter,
    OmniCommand,
    OmniCommandResult,
    OmniHostEvent,
    PhoneAdapter,
    SaveResult,
    StatusDirectory
} from './adapters';

export type { ConfigProblem, OmniCommand, OmniCommandResult, OmniHostEvent, SaveResult } from './adapters';

export interface ConfigurationView {
    problem: ConfigProblem | null;
    /** the org's labels of the Salesforce statuses (DeveloperName -> MasterLabel) */
    statusLabels: Readonly<Record<string, string>>;
    email: string | null;
}

export interface SessionHooks {
    sendOmniCommand(command: OmniCommand): void;
    /** the element the bridge iframe goes into (null until rendered) */
    bridgeContainer(): HTMLElement | null;
    lightningOrigin: string;
    onConfiguration(result: ConfigurationView): void;
    onView(view: ViewModel): void;
    onBridgeEvent(bridgeEvent: BridgeEvent): void;
}

export interface Session {
    start(): void;
    /** the component rendered: the bridge container may exist now */
    rendered(): void;
    dispatch(syncEvent: SyncEvent): void;
    omniEvent(hostEvent: OmniHostEvent): void;
    omniCommandResult(result: OmniCommandResult): void;
    saveEmail(email: string): Promise<SaveResult>;
    hideBridge(): void;
    dispose(): void;
}

/** At most this many early events are kept for the runner (Omni status, clicks); older ones are dropped. */
const EARLY_EVENT_LIMIT = 50;

export function createSession(hooks: SessionHooks, adapters: Adapters = ADAPTERS): Session {
    const clock = browserClock();
    const early: SyncEvent[] = [];
    let configuration: Configuration | null = null;
    let email: string | null = null;
    let runner: PresenceSyncRunner | null = null;
    let bridge: PresenceSyncBridge | null = null;
    let disposed = false;

    const dispatch = (event: SyncEvent): void => {
        if (disposed) return;
        if (runner !== null) {
            runner.dispatch(event);
            return;
        }
        early.push(event);
        if (early.length > EARLY_EVENT_LIMIT) early.shift();
    };

    let statuses: StatusDirectory | null = null;
    const omni: OmniAdapter = adapters.createOmni({
        send: (command) => hooks.sendOmniCommand(command),
        onEvent: dispatch,
        timers: clock,
        statuses: () => statuses
    });
    let phone: PhoneAdapter | null = null;

    const initBridge = (b: PresenceSyncBridge, config: Configuration): void => {
        b.request('init', {
            clientId: config.azureClientId ?? '',
            tenantId: config.azureTenantId ?? '',
            loginHint: email ?? '',
            role: 'agent'
        }).then((result) => {
            if (disposed) return;
            if (result.ok && result.value.account !== null) {
                dispatch({ type: 'signedIn', at: clock.now() });
            } else {
                const reason = result.ok ? 'signInRequired' : result.error.kind;
                dispatch({ type: 'signedOut', at: clock.now(), reason });
            }
        });
    };

    const startSync = (): void => {
        const container = hooks.bridgeContainer();
        if (disposed || configuration === null || runner !== null || container === null) return;
        const bridgeUrl = bridgeUrlFor(hooks.lightningOrigin);
        if (bridgeUrl === null) {
            hooks.onConfiguration({
                problem: { kind: 'loadFailed', detail: hooks.lightningOrigin },
                statusLabels: {},
                email
            });
            return;
        }
        const b = new PresenceSyncBridge({
            bridgeUrl,
            container,
            onEvent: (event) => {
                if (event.type === 'signedIn') dispatch({ type: 'signedIn', at: clock.now() });
                if (event.type === 'signedOut') {
                    dispatch({ type: 'signedOut', at: clock.now(), reason: event.data.reason });
                }
                hooks.onBridgeEvent(event);
            }
        });
        bridge = b;
        phone = adapters.createPhone({ onEvent: dispatch, now: () => clock.now() });
        runner = new PresenceSyncRunner(
            configuration,
            {
                teams: bridgeTeamsPort(b),
                omni,
                phone: phone.port,
                clock,
                random: () => Math.random(),
                leadership: webLocksLeadership(typeof navigator === 'undefined' ? undefined : navigator.locks)
            },
            (view) => {
                if (!disposed) hooks.onView(view);
            }
        );
        b.start();
        runner.start();
        for (const event of early.splice(0)) runner.dispatch(event);
        initBridge(b, configuration);
    };

    return {
        start() {
            adapters.loadConfiguration().then(
                (loaded) => {
                    if (disposed) return;
                    email = loaded.email;
                    statuses = loaded.statuses;
                    configuration = loaded.problem === null ? loaded.configuration : null;
                    hooks.onConfiguration({
                        problem: loaded.problem,
                        statusLabels: loaded.statusLabels,
                        email
                    });
                    if (configuration === null) return;
                    // the status the agent already has: Salesforce wins at start-up (sync-policy.md)
                    omni.requestCurrentStatus().catch(() => undefined);
                    startSync();
                },
                (error: unknown) => {
                    if (disposed) return;
                    const detail = error instanceof Error ? error.message : String(error);
                    hooks.onConfiguration({
                        problem: { kind: 'loadFailed', detail },
                        statusLabels: {},
                        email
                    });
                }
            );
        },
        rendered() {
            startSync();
        },
        dispatch,
        omniEvent(event) {
            omni.omniEvent(event);
        },
        omniCommandResult(result) {
            omni.omniCommandResult(result);
        },
        async saveEmail(value) {
            const result = await adapters.saveEmail(value);
            // the new login hint applies from the next page load; Connect works without one (account picker)
            if (result.ok) email = value;
            return result;
        },
        hideBridge() {
            bridge?.setVisible(false);
        },
        dispose() {
            if (disposed) return;
            disposed = true;
            runner?.dispose();
            phone?.dispose();
            omni.dispose();
            bridge?.dispose();
            runner = null;
            bridge = null;
        }
    };
}
