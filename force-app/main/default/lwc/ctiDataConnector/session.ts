/*
 * The composition of one connector session: configuration, Teams bridge client, Omni and phone adapters,
 * runner. The component owns the DOM; this module owns the wiring and its order:
 *
 *   configuration (the component's GraphQL wires + the statuses) -> (valid) wait for the bridge container
 *   -> bridge, runner -> bridge init -> signedIn / signedOut into the runner; a sign-in stores the Entra
 *   identity on the agent's settings.
 *
 * The wires emit again when a record in their result changes (Lightning Data Service) or on refresh: the
 * agent's settings (email, Entra identity, name) follow every emission. The first valid configuration
 * starts the sync; a configuration that changes while it runs takes effect at the next page load (the
 * runner is not rebuilt under the agent), and the panel keeps showing the running one.
 *
 * The runner asks for the tenant size (agents sharing the configuration's app registration) through the
 * Apex adapter at start and periodically; a change of the running configuration's record asks again at
 * once (an admin editing it is when assignments change too).
 *
 * The Omni adapter exists from the start (the host relays events at once); the phone adapter as soon as the
 * component's MessageContext is wired. A saved email becomes the bridge's login hint at once (init again).
 *
 * Events that arrive before the runner exists (Omni's current status, the agent's clicks) are queued and
 * fed to it once it runs. A broken or missing configuration never starts a runner: the sync stays paused
 * and the component shows why.
 */
import PresenceSyncBridge from 'c/presenceSyncBridge';
import { bridgeUrlFor } from 'c/presenceSyncBridgeProtocol';
import type { AccountSummary, BridgeEvent } from 'c/presenceSyncBridgeProtocol';
import {
    PresenceSyncRunner,
    browserClock,
    bridgeTeamsPort,
    wakeClock,
    webLocksLeadership
} from 'c/presenceSyncRunner';
import { callStatusMessageText } from 'c/presenceSyncCore';
import type { Configuration, SyncEvent, ViewModel } from 'c/presenceSyncCore';
import type {
    ConfigProblem,
    ConfigurationInputs,
    LoadedConfiguration,
    SaveResult,
    StatusDirectory,
    StatusesResult,
    UserSettings
} from 'c/presenceSyncConfig';
import type { OmniCommandDetail } from 'c/presenceSyncOmni';
import { ADAPTERS } from './adapters';
import { HealthReporter, reportedHealth } from './healthReport';
import { CALL_STATUS_MESSAGE } from './labels';
import type { Adapters, OmniAdapter, PhoneAdapter } from './adapters';

export type { ConfigProblem, SaveResult } from 'c/presenceSyncConfig';
export type { OmniCommandDetail } from 'c/presenceSyncOmni';

export interface ConfigurationView {
    problem: ConfigProblem | null;
    /** the org's labels of the Salesforce statuses (DeveloperName -> MasterLabel) */
    statusLabels: Readonly<Record<string, string>>;
    email: string | null;
    /** the agent's settings name a Microsoft account: Teams was connected before (not a first run) */
    connectedBefore: boolean;
}

export interface SessionHooks {
    sendOmniCommand(command: OmniCommandDetail): void;
    /** the element the bridge iframe goes into (null until rendered) */
    bridgeContainer(): HTMLElement | null;
    lightningOrigin: string;
    onConfiguration(result: ConfigurationView): void;
    onView(view: ViewModel): void;
    onBridgeEvent(bridgeEvent: BridgeEvent): void;
    /** the signed-in account could not be stored on the agent's settings (the server's message) */
    onSignInSaveFailed(message: string): void;
}

/** The events of `lightning-service-cloud-voice-toolkit-api` the phone adapter handles. */
export const VOICE_TOOLKIT_EVENTS = ['callstarted', 'callconnected', 'callended', 'wrapupended'] as const;
type VoiceToolkitEvent = (typeof VOICE_TOOLKIT_EVENTS)[number];

export interface Session {
    /** reads the statuses; the configuration follows the wires (`graphqlResults`) */
    start(): void;
    /** the latest values of the component's two GraphQL wires (settings, configuration) */
    graphqlResults(results: Omit<ConfigurationInputs, 'statuses'>): void;
    /** the component rendered: the bridge container may exist now */
    rendered(): void;
    /** the component's `@wire(MessageContext)` value: the phone adapter subscribes with it */
    setMessageContext(messageContext: unknown): void;
    dispatch(syncEvent: SyncEvent): void;
    omniEvent(hostEvent: unknown): void;
    omniCommandResult(result: unknown): void;
    /** one event of `lightning-service-cloud-voice-toolkit-api` */
    voiceToolkitEvent(toolkitEvent: Event): void;
    /** saves the email; on success it is the bridge's login hint from now on */
    saveEmail(email: string): Promise<SaveResult>;
    hideBridge(): void;
    dispose(): void;
}

/** one frame at 60 Hz: a person does not see a render this much later; bursts of views render once */
export const VIEW_FRAME_MS = 16;

/** At most this many early events are kept for the runner (Omni status, clicks); older ones are dropped. */
const EARLY_EVENT_LIMIT = 50;

function isVoiceToolkitEvent(type: string): type is VoiceToolkitEvent {
    return (VOICE_TOOLKIT_EVENTS as readonly string[]).includes(type);
}

export function createSession(hooks: SessionHooks, adapters: Adapters = ADAPTERS): Session {
    const clock = browserClock();
    const early: SyncEvent[] = [];
    let configuration: Configuration | null = null;
    let email: string | null = null;
    let settings: UserSettings | null = null;
    let userName: string | null = null;
    let statusLabelsShown: Readonly<Record<string, string>> = {};
    let statuses: StatusDirectory | null = null;
    let runner: PresenceSyncRunner | null = null;
    let bridge: PresenceSyncBridge | null = null;
    let phone: PhoneAdapter | null = null;
    let voiceHandlers: ReturnType<PhoneAdapter['voiceToolkitHandlers']> | null = null;
    let messageContext: unknown = null;
    let disposed = false;
    let statusesResult: StatusesResult | undefined;
    let wireResults: Omit<ConfigurationInputs, 'statuses'> | null = null;
    /** the running configuration as last evaluated: a different evaluation asks for the tenant size again */
    let configurationSeen = '';

    const connectedBefore = (): boolean => Boolean(settings?.entraObjectId);

    const dispatch = (event: SyncEvent): void => {
        if (disposed) return;
        if (runner !== null) {
            runner.dispatch(event);
            return;
        }
        early.push(event);
        if (early.length > EARLY_EVENT_LIMIT) early.shift();
    };

    // the sync health for the supervisor's dashboard, on the agent's own settings record (healthReport.ts)
    const health = new HealthReporter({
        now: () => clock.now(),
        setTimeout: (fn, ms) => clock.setTimeout(fn, ms),
        clearTimeout: (handle) => clock.clearTimeout(handle),
        // no settings record yet: the agent is not on any dashboard, there is nothing to report on
        write: (record) => {
            const id = settings?.id;
            // a throwing adapter counts as a failed write (the reporter ignores it until the next report)
            return id === undefined
                ? Promise.resolve()
                : Promise.resolve().then(() => adapters.saveHealth(id, record));
        }
    });

    /**
     * The latest view not shown yet. The connector renders at most once per VIEW_FRAME_MS, with the
     * latest view, and never inside the event that produced it: a Teams write the same event asked for
     * is already posted to the bridge frame, and rendering first delays the write. When both frames run
     * on one main thread (Chromium puts the frames of one site in one process, as the harness's
     * Lightning and Visualforce hosts are) the bridge's message and the start of its fetch each wait for
     * a task; rendering at once, or on the next task, put 7 to 15 ms before every Salesforce -> Teams
     * write (npm run bench, sync.bench.ts salesforce-to-teams). The sync health goes with the view.
     */
    let viewDue: ViewModel | null = null;
    /** Renders the view that is due now (a person's own action or a sign-in wants its answer at once). */
    const renderDueView = (): void => {
        const due = viewDue;
        viewDue = null;
        if (disposed || due === null) return;
        try {
            health.update(reportedHealth(due.health));
            hooks.onView(due);
        } catch {
            // a failing view must not stop the sync: the next view brings the UI up to date
        }
    };
    const showView = (view: ViewModel): void => {
        if (disposed) return;
        const scheduled = viewDue !== null;
        viewDue = view;
        if (!scheduled) clock.setTimeout(renderDueView, VIEW_FRAME_MS);
    };
    /** Events from the agent (clicks, page visibility) and sign-ins: their view renders with them. */
    const dispatchNow = (event: SyncEvent): void => {
        dispatch(event);
        renderDueView();
    };

    // the runner's timers: from the bridge's worker while the page is hidden (wakeClock)
    const runnerClock = wakeClock({
        base: clock,
        useWake: () =>
            bridge !== null &&
            bridge.isReady &&
            typeof document !== 'undefined' &&
            document.visibilityState === 'hidden',
        wake: (delayMs, timeoutMs) => {
            // a disposed runner has cancelled its timers first; a bridge that is gone cannot wake anyone
            if (bridge === null) return Promise.resolve(false);
            return bridge.request('wake', { delayMs }, timeoutMs).then((result) => result.ok);
        }
    });

    const omni: OmniAdapter = adapters.createOmni({
        send: (command) => hooks.sendOmniCommand(command),
        onEvent: dispatch,
        timers: clock,
        statuses: () => statuses
    });

    /** Stores the account's object id and UPN for the supervisor dashboard (skipped when unchanged). */
    const rememberAccount = (account: AccountSummary): void => {
        const current = settings;
        if (current === null) return;
        if (current.entraObjectId === account.objectId && current.entraUserPrincipalName === account.upn)
            return;
        adapters
            .saveSignIn(current, { objectId: account.objectId, userPrincipalName: account.upn })
            .then((result) => {
                if (disposed) return;
                if (!result.ok) {
                    hooks.onSignInSaveFailed(result.message);
                } else if (settings !== null && settings.id === current.id) {
                    settings = {
                        ...settings,
                        entraObjectId: account.objectId,
                        entraUserPrincipalName: account.upn
                    };
                }
            })
            .catch((error: unknown) => {
                if (!disposed)
                    hooks.onSignInSaveFailed(error instanceof Error ? error.message : String(error));
            });
    };

    const initBridge = (b: PresenceSyncBridge, config: Configuration): void => {
        // the account of the first Connect under this email is pinned by its object id: later sign-ins
        // are compared with it, and its sign-in name (UPN) is the better hint for a silent sign-in
        const pinned =
            settings !== null && settings.entraObjectId !== null && settings.email === email
                ? settings
                : null;
        b.request('init', {
            clientId: config.azureClientId ?? '',
            tenantId: config.azureTenantId ?? '',
            loginHint: pinned?.entraUserPrincipalName ?? email ?? '',
            role: 'agent',
            ...(pinned?.entraObjectId ? { accountId: pinned.entraObjectId } : {})
        }).then((result) => {
            if (disposed || b !== bridge) return;
            if (result.ok && result.value.account !== null) {
                dispatch({ type: 'signedIn', at: clock.now() });
                rememberAccount(result.value.account);
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
                email,
                connectedBefore: connectedBefore()
            });
            return;
        }
        const b = new PresenceSyncBridge({
            bridgeUrl,
            container,
            onEvent: (event) => {
                // the component changes its own state with the event: the view goes with it, no frame later
                if (event.type === 'signedIn') {
                    dispatchNow({ type: 'signedIn', at: clock.now() });
                    rememberAccount(event.data);
                }
                if (event.type === 'signedOut') {
                    dispatchNow({ type: 'signedOut', at: clock.now(), reason: event.data.reason });
                }
                hooks.onBridgeEvent(event);
            }
        });
        bridge = b;
        runner = new PresenceSyncRunner(
            configuration,
            {
                teams: bridgeTeamsPort(b),
                omni,
                // the phone adapter comes with the MessageContext, which may be wired after the runner starts
                phone: { setReasonCode: (code, statusApiName) => phone?.setReasonCode(code, statusApiName) },
                clock: runnerClock,
                random: () => Math.random(),
                leadership: webLocksLeadership(
                    typeof navigator === 'undefined' ? undefined : navigator.locks
                ),
                tenant: { agentsSharingApp: (clientId) => adapters.countAgentsSharingApp(clientId) }
            },
            showView,
            // the configuration's text; blank: the label in the agent's language; none when it is off or the
            // configuration never writes to Teams (the 3CX one)
            { callStatusMessage: callStatusMessageText(configuration, CALL_STATUS_MESSAGE) }
        );
        b.start();
        runner.start();
        for (const event of early.splice(0)) runner.dispatch(event);
        initBridge(b, configuration);
    };

    /** Applies one evaluation of the configuration (see the module comment for what a running sync takes). */
    const apply = (loaded: LoadedConfiguration): void => {
        const previousEmail = email;
        email = loaded.email;
        settings = loaded.settings ?? null;
        userName = loaded.userName ?? null;
        if (configuration !== null) {
            const seen = JSON.stringify(loaded.configuration);
            if (loaded.configuration !== null && seen !== configurationSeen) {
                configurationSeen = seen;
                runner?.refreshTenantSize();
            }
            if (email === previousEmail) return;
            hooks.onConfiguration({
                problem: null,
                statusLabels: statusLabelsShown,
                email,
                connectedBefore: connectedBefore()
            });
            // the new address is the login hint from now on: the bridge starts over with it
            if (bridge !== null) initBridge(bridge, configuration);
            return;
        }
        statuses = loaded.statuses;
        statusLabelsShown = loaded.statusLabels;
        hooks.onConfiguration({
            problem: loaded.problem,
            statusLabels: loaded.statusLabels,
            email,
            connectedBefore: connectedBefore()
        });
        if (loaded.problem !== null || loaded.configuration === null) {
            // the agent's own record is missing: nowhere to report (and no dashboard row to report to)
            if (loaded.problem !== null && settings !== null) health.update('configurationBroken');
            return;
        }
        configuration = loaded.configuration;
        configurationSeen = JSON.stringify(loaded.configuration);
        // the status the agent already has: Salesforce wins at start-up (sync-policy.md)
        omni.requestCurrentStatus().catch(() => undefined);
        startSync();
    };

    const evaluate = (): void => {
        if (disposed || wireResults === null || statusesResult === undefined) return;
        let loaded: LoadedConfiguration | null;
        try {
            loaded = adapters.evaluateConfiguration({ ...wireResults, statuses: statusesResult });
        } catch (error) {
            const detail = error instanceof Error ? error.message : String(error);
            loaded = {
                problem: { kind: 'loadFailed', detail },
                configuration: null,
                statusLabels: {},
                statuses: null,
                email,
                settings,
                userName
            };
        }
        if (loaded !== null) apply(loaded);
    };

    return {
        start() {
            adapters.loadStatuses().then(
                (result) => {
                    statusesResult = result;
                    evaluate();
                },
                (error: unknown) => {
                    statusesResult = {
                        ok: false,
                        detail: error instanceof Error ? error.message : String(error)
                    };
                    evaluate();
                }
            );
        },
        graphqlResults(results) {
            wireResults = results;
            evaluate();
        },
        rendered() {
            startSync();
        },
        setMessageContext(context) {
            if (disposed || context === null || context === undefined || context === messageContext) return;
            messageContext = context;
            phone?.dispose();
            phone = adapters.createPhone({
                messageContext: context,
                onEvent: dispatch,
                now: () => clock.now()
            });
            voiceHandlers = phone.voiceToolkitHandlers();
            phone.start();
        },
        dispatch: dispatchNow,
        omniEvent(event) {
            omni.omniEvent(event);
        },
        omniCommandResult(result) {
            omni.omniCommandResult(result);
        },
        voiceToolkitEvent(toolkitEvent) {
            const type = toolkitEvent.type;
            if (disposed || voiceHandlers === null || !isVoiceToolkitEvent(type)) return;
            voiceHandlers[type](toolkitEvent);
        },
        async saveEmail(value) {
            const result = await adapters.saveEmail(value, settings, userName);
            if (!result.ok || disposed) return result;
            const changed = result.value !== email;
            email = result.value;
            settings =
                settings === null
                    ? {
                          id: result.settingsId,
                          email: result.value,
                          callCenterSetupId: null,
                          callCenterSetupName: null,
                          configurationId: null,
                          entraObjectId: null,
                          entraUserPrincipalName: null
                      }
                    : changed
                      ? // another email: the pinned account belongs to the old one (saveEmail cleared it)
                        {
                            ...settings,
                            id: result.settingsId,
                            email: result.value,
                            entraObjectId: null,
                            entraUserPrincipalName: null
                        }
                      : { ...settings, id: result.settingsId, email: result.value };
            // the new address is the login hint from now on: the bridge starts over with it
            if (changed && bridge !== null && configuration !== null) initBridge(bridge, configuration);
            return result;
        },
        hideBridge() {
            bridge?.setVisible(false);
        },
        dispose() {
            if (disposed) return;
            disposed = true;
            health.dispose();
            runner?.dispose();
            phone?.dispose();
            omni.dispose();
            bridge?.dispose();
            runner = null;
            bridge = null;
            phone = null;
            voiceHandlers = null;
        }
    };
}
