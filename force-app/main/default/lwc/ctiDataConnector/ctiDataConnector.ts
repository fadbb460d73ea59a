/*
 * CTI Data Connector: the agent's utility item and the composition root of the sync (docs/architecture.md).
 * It loads the configuration, creates the Teams bridge client, the Omni and phone adapters and the runner,
 * and shows what the core's view model says in words. The Aura host ctiDataConnectorUtility relays
 * Omni-Channel events in (omniEvent) and runs the commands this component dispatches (omnicommand);
 * docs/connector-contracts.md section 1.
 */
import { LightningElement, api, wire } from 'lwc';
import { timeText } from 'c/presenceSyncLocale';
import { graphql } from 'lightning/graphql';
import { EnclosingUtilityId, updateUtility } from 'lightning/platformUtilityBarApi';
import { MessageContext } from 'lightning/messageService';
import USER_ID from '@salesforce/user/Id';
import {
    CONFIGURATION_QUERY,
    SETTINGS_QUERY,
    configurationIdOf,
    configurationVariables,
    settingsVariables
} from 'c/presenceSyncConfig';
import type { GraphqlResult } from 'c/presenceSyncConfig';
import type { ConfigIssue, SyncEvent, ViewModel } from 'c/presenceSyncCore';
import type { BridgeEvent } from 'c/presenceSyncBridgeProtocol';
import { UI } from './labels';
import {
    configIssueText,
    emailError,
    format,
    healthDisplay,
    historyRows,
    maskedText,
    salesforceText,
    salesforceTone,
    signInFailureText,
    teamsColumnText,
    teamsTone,
    toneClass,
    utilityDisplay,
    waitText,
    STARTING_VIEW
} from './present';
import type { AgentSetup, HealthDisplay, HistoryRow, UtilityDisplay } from './present';
import { createSession } from './session';
import type { ConfigProblem, OmniCommandDetail, SaveResult, Session } from './session';

/** Healths in which the agent can (re)connect Microsoft Teams. */
const CONNECTABLE = ['signInRequired', 'consentRequired', 'accountMismatch', 'stopped'];
/** Healths in which the sync runs, so pausing it means something. */
const PAUSABLE = ['syncing', 'follower', 'throttled', 'retrying', 'circuitOpen'];
/** Healths in which the sync is signed in (Disconnect makes sense). */
const DISCONNECTABLE = [
    'syncing',
    'paused',
    'follower',
    'throttled',
    'retrying',
    'circuitOpen',
    'accountMismatch'
];

/** The words for a failed email save: the check's own message, else the server's. */
function saveFailedText(result: SaveResult & { ok: false }): string {
    if (result.code === 'emailRequired') return UI.EmailRequired;
    if (result.code === 'emailInvalid' || result.code === 'emailTooLong') return UI.EmailInvalid;
    return format(UI.EmailSaveFailed, result.message);
}

export default class CtiDataConnector extends LightningElement {
    labels = UI;

    view: ViewModel | null = null;
    configLoading = true;
    configProblem: ConfigProblem | null = null;
    statusLabels: Readonly<Record<string, string>> = {};
    settingsOpen = false;
    emailDraft = '';
    savedEmail = '';
    emailMessage: string | null = null;
    emailSavedMessage: string | null = null;
    saving = false;
    connecting = false;
    pausedByUser = false;
    /** Teams was connected before (the settings name an account, or this page saw a sign-in) */
    connectedBefore = false;
    signInFailedMessage: string | null = null;
    signInSaveMessage: string | null = null;

    private session: Session | null = null;
    /** the configuration the agent's settings name: the configuration wire runs once it is known */
    configurationId: string | null = null;
    private settingsResult: GraphqlResult | undefined;
    private configurationResult: GraphqlResult | undefined;
    private messageContext: unknown = null;
    private utilityId: string | null = null;
    private utilityAvailable = true;
    private lastUtility = '';
    private focusAfterRender: 'email' | 'gear' | null = null;
    private readonly visibilityListener = (): void => {
        this.session?.dispatch({ type: document.hidden ? 'pageHidden' : 'pageVisible', at: Date.now() });
    };
    private readonly pagehideListener = (): void => {
        this.session?.dispatch({ type: 'pageClosing', at: Date.now() });
    };

    // The agent's settings, then the configuration they name: lightning/graphql's documented wire pattern
    // (reactive variables; a query given as '$property' runs once the property has a value: "GraphQL
    // Wire Adapter Best Practices"). Both emit again when a record in their result changes; `refresh`
    // re-runs a query after a mutation ("Update Cached Query Results").
    get settingsVariables(): Record<string, unknown> {
        return settingsVariables(USER_ID);
    }

    get configurationQuery(): unknown {
        return this.configurationId === null ? undefined : CONFIGURATION_QUERY;
    }

    get configurationVariables(): Record<string, unknown> | undefined {
        return this.configurationId === null ? undefined : configurationVariables(this.configurationId);
    }

    @wire(graphql, { query: SETTINGS_QUERY, variables: '$settingsVariables' })
    wiredSettings(result: GraphqlResult): void {
        this.settingsResult = result;
        const configurationId = configurationIdOf(result, USER_ID);
        if (configurationId !== this.configurationId) {
            // the configuration wire's value belongs to the previous id until it answers for this one
            this.configurationResult = undefined;
            this.configurationId = configurationId;
        }
        this.forwardGraphqlResults();
    }

    @wire(graphql, { query: '$configurationQuery', variables: '$configurationVariables' })
    wiredConfiguration(result: GraphqlResult): void {
        this.configurationResult = result;
        this.forwardGraphqlResults();
    }

    private forwardGraphqlResults(): void {
        this.session?.graphqlResults({
            userId: USER_ID,
            settings: this.settingsResult,
            configuration: this.configurationId === null ? undefined : this.configurationResult
        });
    }

    @wire(EnclosingUtilityId)
    wiredUtilityId(value: unknown): void {
        this.utilityId = typeof value === 'string' && value !== '' ? value : null;
        this.refreshUtility();
    }

    /** The phone adapter publishes and subscribes on PresenceSync__c with this component's context. */
    @wire(MessageContext)
    wiredMessageContext(value: unknown): void {
        this.messageContext = value ?? null;
        this.session?.setMessageContext(this.messageContext);
    }

    /** The Aura host relays one Omni-Channel event (contracts section 1). */
    @api
    omniEvent(event: unknown): void {
        this.session?.omniEvent(event);
    }

    /** The Aura host answers one omnicommand, exactly once per id. */
    @api
    omniCommandResult(result: unknown): void {
        this.session?.omniCommandResult(result);
    }

    override connectedCallback(): void {
        this.session = createSession({
            sendOmniCommand: (command: OmniCommandDetail) =>
                this.dispatchEvent(new CustomEvent('omnicommand', { detail: command })),
            bridgeContainer: () => this.template?.querySelector<HTMLElement>('.bridge') ?? null,
            lightningOrigin: window.location.origin,
            onConfiguration: (result) => {
                this.configLoading = false;
                this.configProblem = result.problem;
                this.statusLabels = result.statusLabels;
                this.savedEmail = result.email ?? '';
                this.connectedBefore = this.connectedBefore || result.connectedBefore;
                if (!this.settingsOpen) this.emailDraft = this.savedEmail;
                this.refreshUtility();
            },
            onView: (view) => {
                this.view = view;
                if (view.health === 'paused') this.pausedByUser = true;
                // a session that reached Teams once is no first run, whatever the settings say yet
                if (view.teams !== null || DISCONNECTABLE.includes(view.health)) this.connectedBefore = true;
                if (!CONNECTABLE.includes(view.health)) this.connecting = false;
                this.refreshUtility();
            },
            onBridgeEvent: (event: BridgeEvent) => this.handleBridgeEvent(event),
            onSignInSaveFailed: (message) => {
                this.signInSaveMessage = format(UI.SignInSaveFailed, message);
            }
        });
        this.session.setMessageContext(this.messageContext);
        document.addEventListener('visibilitychange', this.visibilityListener);
        window.addEventListener('pagehide', this.pagehideListener);
        this.session.start();
        if (this.settingsResult !== undefined) this.forwardGraphqlResults();
    }

    override disconnectedCallback(): void {
        document.removeEventListener('visibilitychange', this.visibilityListener);
        window.removeEventListener('pagehide', this.pagehideListener);
        this.session?.dispose();
        this.session = null;
    }

    override renderedCallback(): void {
        this.session?.rendered();
        const focus = this.focusAfterRender;
        this.focusAfterRender = null;
        if (focus === 'email') this.template?.querySelector<HTMLElement>('lightning-input.email')?.focus();
        if (focus === 'gear')
            this.template?.querySelector<HTMLElement>('lightning-button-icon.gear')?.focus();
    }

    // ---------------------------------------------------------------- view

    get health(): HealthDisplay {
        if (this.configProblem !== null) {
            return { label: UI.ConfigPausedShort, help: '', icon: 'utility:warning', variant: 'error' };
        }
        if (this.view === null) return healthDisplay(STARTING_VIEW, this.setup);
        return healthDisplay(this.view, this.setup);
    }

    private get setup(): AgentSetup {
        return { emailSaved: this.savedEmail !== '', connectedBefore: this.connectedBefore };
    }

    /** A new agent who never connected: the two first steps instead of "sign in again". */
    get firstRun(): boolean {
        if (this.configLoading || this.configProblem !== null || this.connectedBefore) return false;
        return this.savedEmail === '' || this.view?.health === 'signInRequired';
    }

    get emailStepDone(): boolean {
        return this.savedEmail !== '';
    }

    get emailStepClass(): string {
        return this.emailStepDone ? 'first-run-step first-run-step_done' : 'first-run-step';
    }

    get salesforceStatusText(): string {
        return salesforceText(this.view?.salesforceStatus ?? null, this.statusLabels);
    }

    get salesforceDotClass(): string {
        return toneClass(salesforceTone(this.view?.salesforceStatus ?? null));
    }

    get teamsStatusText(): string {
        return teamsColumnText(this.view);
    }

    get teamsDotClass(): string {
        return toneClass(teamsTone(this.view?.teams ?? null));
    }

    get onCall(): boolean {
        return this.view?.onCall ?? false;
    }

    get maskedMessage(): string | null {
        return this.view === null ? null : maskedText(this.view);
    }

    get waitMessage(): string | null {
        return this.view === null ? null : waitText(this.view, timeText);
    }

    get history(): HistoryRow[] {
        return historyRows(this.view?.recent ?? [], this.statusLabels);
    }

    get hasHistory(): boolean {
        return this.history.length > 0;
    }

    get configMessage(): string | null {
        const problem = this.configProblem;
        if (problem === null) return null;
        if (problem.kind === 'missing') return UI.ConfigMissing;
        if (problem.kind === 'notAuthorized') return format(UI.ConfigNotAuthorized, problem.configName);
        if (problem.kind === 'invalid') return format(UI.ConfigBroken, problem.configName);
        return format(UI.ConfigLoadFailed, problem.detail);
    }

    get configIssues(): { key: string; text: string }[] {
        const issues: ConfigIssue[] = this.configProblem?.kind === 'invalid' ? this.configProblem.issues : [];
        return issues.map((issue, index) => ({
            key: `${index}`,
            text: configIssueText(issue, this.statusLabels)
        }));
    }

    get hasConfigIssues(): boolean {
        return this.configIssues.length > 0;
    }

    get syncUnavailable(): boolean {
        return this.configProblem !== null || this.configLoading;
    }

    get emailMissing(): boolean {
        return !this.configLoading && this.configProblem === null && this.savedEmail === '' && !this.firstRun;
    }

    /** The bridge needs the agent's email as its login hint: without one it cannot sign in (EmailMissing says so). */
    get connectDisabled(): boolean {
        return this.syncUnavailable || this.savedEmail === '';
    }

    get showConnect(): boolean {
        // a new agent saves the email first (the first step says so), then Connect appears
        if (this.firstRun && this.savedEmail === '') return false;
        return this.view !== null && CONNECTABLE.includes(this.view.health) && !this.connecting;
    }

    get showDisconnect(): boolean {
        return this.view !== null && DISCONNECTABLE.includes(this.view.health);
    }

    get showPause(): boolean {
        return !this.pausedByUser && this.view !== null && PAUSABLE.includes(this.view.health);
    }

    get showResume(): boolean {
        return this.pausedByUser;
    }

    get settingsExpanded(): string {
        return this.settingsOpen ? 'true' : 'false';
    }

    get saveLabel(): string {
        return this.saving ? UI.Saving : UI.Save;
    }

    // ---------------------------------------------------------------- actions

    handleConnect(): void {
        this.signInFailedMessage = null;
        this.connecting = true;
        this.session?.dispatch({ type: 'userRequestedConnect', at: Date.now() });
    }

    handleCancelConnect(): void {
        this.connecting = false;
        this.session?.hideBridge();
    }

    handleDisconnect(): void {
        this.connecting = false;
        this.session?.dispatch({ type: 'userRequestedDisconnect', at: Date.now() });
    }

    handlePause(): void {
        this.pausedByUser = true;
        this.session?.dispatch({ type: 'userPaused', at: Date.now() });
    }

    handleResume(): void {
        this.pausedByUser = false;
        this.session?.dispatch({ type: 'userResumed', at: Date.now() });
    }

    handleToggleSettings(): void {
        if (this.settingsOpen) {
            this.handleCloseSettings();
            return;
        }
        this.settingsOpen = true;
        this.emailDraft = this.emailDraft || this.savedEmail;
        this.focusAfterRender = 'email';
    }

    /** The first step's button: opens the settings on the email field. */
    handleOpenEmail(): void {
        if (!this.settingsOpen) this.handleToggleSettings();
        else this.focusAfterRender = 'email';
    }

    handleCloseSettings(): void {
        this.settingsOpen = false;
        this.emailSavedMessage = null;
        this.focusAfterRender = 'gear';
    }

    handleSettingsKeydown(event: KeyboardEvent): void {
        if (event.key === 'Escape') {
            event.stopPropagation();
            this.handleCloseSettings();
        }
    }

    handleEmailChange(event: CustomEvent<{ value?: string }>): void {
        this.emailDraft = event.detail?.value ?? '';
        this.emailSavedMessage = null;
        if (this.emailMessage !== null) this.emailMessage = emailError(this.emailDraft);
    }

    async handleSaveEmail(): Promise<void> {
        const email = this.emailDraft.trim();
        this.emailSavedMessage = null;
        this.emailMessage = emailError(email);
        if (this.emailMessage !== null || this.session === null || this.saving) return;
        this.saving = true;
        try {
            const result = await this.session.saveEmail(email);
            if (result.ok) {
                // a record created for the agent is not in the settings query's cached result: run it
                // again, as documented after a mutation
                this.settingsResult?.refresh?.().catch(() => undefined);
                this.savedEmail = result.value;
                this.emailDraft = result.value;
                this.emailSavedMessage = UI.EmailSaved;
            } else {
                this.emailMessage = saveFailedText(result);
            }
        } finally {
            this.saving = false;
        }
    }

    /** An event of lightning-service-cloud-voice-toolkit-api (a Salesforce Voice call). */
    handleVoiceToolkit(event: Event): void {
        this.session?.voiceToolkitEvent(event);
    }

    // ---------------------------------------------------------------- helpers

    private handleBridgeEvent(event: BridgeEvent): void {
        if (event.type === 'signInFailed') {
            this.signInFailedMessage = signInFailureText(event.data.error);
        } else if (event.type === 'signedIn') {
            this.connectedBefore = true;
            this.connecting = false;
            this.signInFailedMessage = null;
            this.signInSaveMessage = null;
        }
    }

    private refreshUtility(): void {
        if (this.utilityId === null || !this.utilityAvailable) return;
        const display: UtilityDisplay = utilityDisplay(
            this.configLoading ? null : this.view,
            this.configProblem !== null,
            this.setup
        );
        const key = JSON.stringify(display);
        if (key === this.lastUtility) return;
        this.lastUtility = key;
        updateUtility(this.utilityId, display).catch(() => {
            // without Lightning Web Security the utility bar API rejects: keep the panel, drop the bar updates
            this.utilityAvailable = false;
        });
    }
}
