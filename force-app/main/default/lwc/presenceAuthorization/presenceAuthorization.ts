/*
 * "Authorize Meeting Application" on a Presence State Configuration (record page and screen quick
 * action): the Azure client and tenant ids, the exact redirect URI of this org's Teams bridge page, a
 * test sign-in through that bridge, the validator's findings for the record, and "Restore delivered
 * configurations". No secret is ever asked for: the Azure app is a public client.
 */
import { LightningElement, api, wire } from 'lwc';
import { getRecord, updateRecord, createRecord, deleteRecord } from 'lightning/uiRecordApi';
import type { GetRecordResult } from 'lightning/uiRecordApi';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLResult } from 'lightning/graphql';
import USER_ID from '@salesforce/user/Id';
import USER_EMAIL from '@salesforce/schema/User.Email';
import CLIENT_ID_FIELD from '@salesforce/schema/PresenceStateConfiguration__c.AzureClientId__c';
import TENANT_ID_FIELD from '@salesforce/schema/PresenceStateConfiguration__c.AzureTenantId__c';
import SUPERVISOR_CLIENT_ID_FIELD from '@salesforce/schema/PresenceStateConfiguration__c.SupervisorAzureClientId__c';
import PresenceSyncBridge from 'c/presenceSyncBridge';
import type { RawConfigurationRecord } from 'c/presenceSyncCore';
import { LABELS, format } from './labels';
import { normalizeGuid } from './guid';
import type { GuidCheck } from './guid';
import { bridgeFrameUrlFor, lightningOrigin, redirectUriFor } from './origin';
import { SignInTest } from './signInTest';
import type { SignInFailure, SignInOutcome, SignInStage, SupervisorOutcome } from './signInTest';
import type { BridgeError } from 'c/presenceSyncBridgeProtocol';
import { reduceRecordError } from './recordErrors';
import { configurationIssues, configurationNames, firstNode } from './configurationIssues';
import type { IssueRow } from './configurationIssues';
import { deliveredNames, missingConfigurations, restoreConfigurations } from './restore';
import type { RestoreProgress, RestoreResult } from './restore';

const CONFIGURATION_QUERY = gql`
    query presenceAuthorizationConfiguration($recordId: ID) {
        uiapi {
            query {
                PresenceStateConfiguration__c(where: { Id: { eq: $recordId } }) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                            MeetingApplication__c {
                                value
                            }
                            SyncDirection__c {
                                value
                            }
                            AzureClientId__c {
                                value
                            }
                            AzureTenantId__c {
                                value
                            }
                            PollIntervalSeconds__c {
                                value
                            }
                            MaxPollIntervalSeconds__c {
                                value
                            }
                            SessionExpiryMinutes__c {
                                value
                            }
                            WrapUpSeconds__c {
                                value
                            }
                            CallPresence__c {
                                value
                            }
                            SetCallStatusMessage__c {
                                value
                            }
                            CallStatusMessage__c {
                                value
                            }
                            ManualStatusPolicy__c {
                                value
                            }
                            PresenceStateLabels__r(first: 200, orderBy: { Name: { order: ASC } }) {
                                edges {
                                    node {
                                        Name {
                                            value
                                        }
                                        SalesforceStatus__c {
                                            value
                                        }
                                        FromSalesforce__c {
                                            value
                                        }
                                        FromTeams__c {
                                            value
                                        }
                                        TeamsAvailability__c {
                                            value
                                        }
                                        TeamsActivity__c {
                                            value
                                        }
                                        TeamsWriteKind__c {
                                            value
                                        }
                                        PhoneReasonCode__c {
                                            value
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
`;

const DELIVERED_QUERY = gql`
    query presenceAuthorizationDelivered($names: [String]) {
        uiapi {
            query {
                PresenceStateConfiguration__c(where: { Name: { in: $names } }, first: 200) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;

const CLIENT_FIELD = CLIENT_ID_FIELD.fieldApiName;
const TENANT_FIELD = TENANT_ID_FIELD.fieldApiName;
const SUPERVISOR_FIELD = SUPERVISOR_CLIENT_ID_FIELD.fieldApiName;
const EMAIL_PATTERN = /^[^\s@]{1,200}@[^\s@]{1,200}$/;
const COPIED_VISIBLE_MS = 4000;

type CopyState = 'idle' | 'copied' | 'failed';

const FAILURE_TEXT: Record<SignInFailure, string> = {
    redirectUriNotRegistered: LABELS.failRedirectUri,
    consentMissing: LABELS.failConsent,
    consentDeclined: LABELS.failConsentDeclined,
    conditionalAccess: LABELS.failConditionalAccess,
    userNotAssigned: LABELS.failUserNotAssigned,
    redirectUriNotSpa: LABELS.failRedirectUriNotSpa,
    redirectUriMismatch: LABELS.failRedirectUriMismatch,
    wrongTenant: LABELS.failWrongTenant,
    appNotInTenant: LABELS.failAppNotInTenant,
    accountMismatch: LABELS.failAccountMismatch,
    popupBlocked: LABELS.failPopupBlocked,
    cancelled: LABELS.failCancelled,
    network: LABELS.failNetwork,
    timeout: LABELS.failTimeout,
    failed: LABELS.failOther
};

function fieldString(result: GetRecordResult, field: string): string {
    const value = result.data?.fields[field]?.value;
    return typeof value === 'string' ? value : '';
}

/** The technical detail of a bridge error (kind, MSAL code, Entra number), or ''. */
function errorDetail(error: BridgeError | null): string {
    if (error === null) return '';
    const base = error.detail ? `${error.kind}: ${error.detail}` : error.kind;
    return error.entraCode === undefined ? base : `${base} (AADSTS${error.entraCode})`;
}

function consentText(finding: string): string {
    if (finding === 'missingForTenant') return LABELS.consentMissingForTenant;
    return finding === 'inPlace' ? LABELS.consentInPlace : '';
}

function guidMessage(check: GuidCheck, requiredMessage: string): string {
    if (check.ok) return '';
    switch (check.problem) {
        case 'empty':
            return requiredMessage;
        case 'invalidCharacter':
            return format(LABELS.errorGuidCharacter, check.detail);
        case 'wrongLength':
            return format(LABELS.errorGuidLength, check.detail);
        default:
            return LABELS.errorGuidGrouping;
    }
}

export default class PresenceAuthorization extends LightningElement {
    @api recordId?: string;

    /** on a Presence State Configuration record page or action; false on the setup tab */
    get hasRecord(): boolean {
        return Boolean(this.recordId);
    }
    @api objectApiName?: string;

    labels = LABELS;

    clientId = '';
    tenantId = '';
    clientIdError = '';
    tenantIdError = '';
    /** the supervisors' own app registration (optional: blank means the agents' app for both) */
    supervisorClientId = '';
    supervisorClientIdError = '';
    /** values last loaded from or saved to the record */
    savedClientId = '';
    savedTenantId = '';
    savedSupervisorClientId = '';
    /** the inputs were edited since the record was loaded or saved: the wire must not overwrite them */
    edited = false;
    saving = false;
    saveMessage = '';
    saveErrors: string[] = [];

    origin = lightningOrigin();
    copyState: CopyState = 'idle';
    private copyTimer: ReturnType<typeof setTimeout> | null = null;

    loginHint = '';
    loginHintError = '';
    private loginHintEdited = false;
    testStage: SignInStage | null = null;
    testOutcome: SignInOutcome | null = null;
    private signInTest: SignInTest | null = null;

    issues: IssueRow[] = [];
    issuesLoaded = false;
    /** the configuration's CallPresence__c (empty means the default, BusyInACall) */
    callPresence = '';
    issuesError = '';
    private configurationResult: GraphQLResult | null = null;

    existingNames: string[] | null = null;
    deliveredError = '';
    restoring = false;
    restoreProgress: RestoreProgress | null = null;
    restoreResults: RestoreResult[] | null = null;
    private deliveredResult: GraphQLResult | null = null;

    // ------------------------------------------------------------------------------------------
    // Data
    // ------------------------------------------------------------------------------------------

    @wire(getRecord, {
        recordId: '$recordId',
        fields: [CLIENT_ID_FIELD, TENANT_ID_FIELD, SUPERVISOR_CLIENT_ID_FIELD]
    })
    wiredRecord(result: GetRecordResult): void {
        if (!result.data) return;
        this.savedClientId = fieldString(result, CLIENT_FIELD);
        this.savedTenantId = fieldString(result, TENANT_FIELD);
        this.savedSupervisorClientId = fieldString(result, SUPERVISOR_FIELD);
        if (!this.edited) {
            this.clientId = this.savedClientId;
            this.tenantId = this.savedTenantId;
            this.supervisorClientId = this.savedSupervisorClientId;
        }
    }

    @wire(getRecord, { recordId: USER_ID, fields: [USER_EMAIL] })
    wiredUser(result: GetRecordResult): void {
        const email = fieldString(result, USER_EMAIL.fieldApiName);
        if (email !== '' && !this.loginHintEdited) this.loginHint = email;
    }

    @wire(graphql, { query: CONFIGURATION_QUERY, variables: '$configurationVariables' })
    wiredConfiguration(result: GraphQLResult): void {
        this.configurationResult = result;
        if (result.errors && result.errors.length > 0) {
            this.issuesError = LABELS.validatorLoadFailed;
            this.issuesLoaded = false;
            return;
        }
        if (result.data === undefined) return;
        const node = firstNode(result.data);
        this.issuesError = node === null ? LABELS.validatorLoadFailed : '';
        this.issues = node === null ? [] : configurationIssues(node);
        const callPresence = node === null ? null : node.CallPresence__c;
        const picked: unknown =
            typeof callPresence === 'object' && callPresence !== null
                ? (callPresence as Record<string, unknown>).value
                : callPresence;
        this.callPresence = typeof picked === 'string' ? picked : '';
        this.issuesLoaded = node !== null;
    }

    @wire(graphql, { query: DELIVERED_QUERY, variables: '$deliveredVariables' })
    wiredDelivered(result: GraphQLResult): void {
        this.deliveredResult = result;
        if (result.errors && result.errors.length > 0) {
            this.deliveredError = LABELS.restoreLoadFailed;
            return;
        }
        if (result.data === undefined) return;
        this.deliveredError = '';
        this.existingNames = configurationNames(result.data);
    }

    get configurationVariables(): Record<string, unknown> | undefined {
        return this.recordId ? { recordId: this.recordId } : undefined;
    }

    get deliveredVariables(): Record<string, unknown> {
        return { names: deliveredNames() };
    }

    override disconnectedCallback(): void {
        this.signInTest?.dispose();
        this.signInTest = null;
        if (this.copyTimer !== null) clearTimeout(this.copyTimer);
    }

    // ------------------------------------------------------------------------------------------
    // Client id and tenant id
    // ------------------------------------------------------------------------------------------

    handleClientIdInput(event: Event): void {
        this.clientId = (event.target as HTMLInputElement).value;
        this.edited = true;
        this.saveMessage = '';
        if (this.clientIdError !== '') this.validateIds();
    }

    handleTenantIdInput(event: Event): void {
        this.tenantId = (event.target as HTMLInputElement).value;
        this.edited = true;
        this.saveMessage = '';
        if (this.tenantIdError !== '') this.validateIds();
    }

    handleSupervisorClientIdInput(event: Event): void {
        this.supervisorClientId = (event.target as HTMLInputElement).value;
        this.edited = true;
        this.saveMessage = '';
        if (this.supervisorClientIdError !== '') this.validateIds();
    }

    handleIdBlur(): void {
        if (
            this.clientId.trim() !== '' ||
            this.tenantId.trim() !== '' ||
            this.supervisorClientId.trim() !== ''
        ) {
            this.validateIds();
        }
    }

    /**
     * Sets the inline messages; returns the normalized ids when all are valid (`supervisorClientId`:
     * null when blank, the dashboard then uses the agents' app).
     */
    private validateIds(): { clientId: string; tenantId: string; supervisorClientId: string | null } | null {
        const client = normalizeGuid(this.clientId);
        const tenant = normalizeGuid(this.tenantId);
        const supervisor =
            this.supervisorClientId.trim() === '' ? null : normalizeGuid(this.supervisorClientId);
        this.clientIdError = guidMessage(client, LABELS.errorClientIdRequired);
        this.tenantIdError = guidMessage(tenant, LABELS.errorTenantIdRequired);
        this.supervisorClientIdError = supervisor === null ? '' : guidMessage(supervisor, '');
        if (!client.ok || !tenant.ok || (supervisor !== null && !supervisor.ok)) return null;
        if (client.value === tenant.value) {
            this.tenantIdError = LABELS.errorSameIds;
            return null;
        }
        const supervisorClientId = supervisor === null ? null : (supervisor as { value: string }).value;
        if (supervisorClientId === tenant.value) {
            this.supervisorClientIdError = LABELS.errorSupervisorSameAsTenant;
            return null;
        }
        if (supervisorClientId === client.value) {
            this.supervisorClientIdError = LABELS.errorSupervisorSameAsAgents;
            return null;
        }
        return { clientId: client.value, tenantId: tenant.value, supervisorClientId };
    }

    async handleSave(): Promise<void> {
        const ids = this.validateIds();
        if (ids === null || !this.recordId || this.saving) return;
        this.saving = true;
        this.saveMessage = LABELS.saving;
        this.saveErrors = [];
        try {
            await updateRecord({
                fields: {
                    Id: this.recordId,
                    [CLIENT_FIELD]: ids.clientId,
                    [TENANT_FIELD]: ids.tenantId,
                    [SUPERVISOR_FIELD]: ids.supervisorClientId
                }
            });
            this.clientId = ids.clientId;
            this.tenantId = ids.tenantId;
            this.supervisorClientId = ids.supervisorClientId ?? '';
            this.savedClientId = ids.clientId;
            this.savedTenantId = ids.tenantId;
            this.savedSupervisorClientId = this.supervisorClientId;
            this.edited = false;
            this.saveMessage = LABELS.saved;
            this.configurationResult?.refresh?.().catch(() => undefined);
        } catch (error) {
            const reduced = reduceRecordError(error, LABELS.unknownError);
            const fieldErrors = reduced.fieldErrors;
            this.clientIdError = (fieldErrors[CLIENT_FIELD] ?? []).join(' ');
            this.tenantIdError = (fieldErrors[TENANT_FIELD] ?? []).join(' ');
            this.supervisorClientIdError = (fieldErrors[SUPERVISOR_FIELD] ?? []).join(' ');
            const own = [CLIENT_FIELD, TENANT_FIELD, SUPERVISOR_FIELD];
            const others = Object.entries(fieldErrors)
                .filter(([field]) => !own.includes(field))
                .flatMap(([field, list]) => list.map((m) => `${field}: ${m}`));
            this.saveErrors = [...reduced.messages, ...others];
            this.saveMessage = LABELS.saveFailed;
        } finally {
            this.saving = false;
        }
    }

    get clientIdInvalid(): string {
        return this.clientIdError === '' ? 'false' : 'true';
    }

    get tenantIdInvalid(): string {
        return this.tenantIdError === '' ? 'false' : 'true';
    }

    get supervisorClientIdInvalid(): string {
        return this.supervisorClientIdError === '' ? 'false' : 'true';
    }

    get supervisorClientIdClass(): string {
        return this.supervisorClientIdError === ''
            ? 'slds-form-element slds-m-top_x-small'
            : 'slds-form-element slds-m-top_x-small slds-has-error';
    }

    get supervisorClientIdDescribedBy(): string {
        return this.supervisorClientIdError === ''
            ? 'supervisor-client-id-help'
            : 'supervisor-client-id-error supervisor-client-id-help';
    }

    get clientIdClass(): string {
        return this.clientIdError === '' ? 'slds-form-element' : 'slds-form-element slds-has-error';
    }

    get tenantIdClass(): string {
        return this.tenantIdError === '' ? 'slds-form-element' : 'slds-form-element slds-has-error';
    }

    get clientIdDescribedBy(): string {
        return this.clientIdError === '' ? 'guid-help' : 'client-id-error guid-help';
    }

    get tenantIdDescribedBy(): string {
        return this.tenantIdError === '' ? 'guid-help' : 'tenant-id-error guid-help';
    }

    get unsaved(): boolean {
        return (
            this.edited &&
            (this.clientId.trim() !== this.savedClientId ||
                this.tenantId.trim() !== this.savedTenantId ||
                this.supervisorClientId.trim() !== this.savedSupervisorClientId)
        );
    }

    get saveDisabled(): boolean {
        return this.saving || !this.recordId;
    }

    get hasSaveErrors(): boolean {
        return this.saveErrors.length > 0;
    }

    // ------------------------------------------------------------------------------------------
    // Redirect URI
    // ------------------------------------------------------------------------------------------

    get redirectUri(): string | null {
        return redirectUriFor(this.origin);
    }

    get copied(): boolean {
        return this.copyState === 'copied';
    }

    get copyFailed(): boolean {
        return this.copyState === 'failed';
    }

    async handleCopy(): Promise<void> {
        const uri = this.redirectUri;
        if (uri === null) return;
        const ok = (await this.writeClipboard(uri)) || this.copyBySelection();
        this.copyState = ok ? 'copied' : 'failed';
        if (!ok) this.selectUri();
        if (this.copyTimer !== null) clearTimeout(this.copyTimer);
        if (ok) {
            // eslint-disable-next-line @lwc/lwc/no-async-operation, @locker/locker/distorted-window-set-timeout -- LWS distorts only the string form of setTimeout (evaluated in the sandbox); this passes a function
            this.copyTimer = setTimeout(() => {
                this.copyState = 'idle';
                this.copyTimer = null;
            }, COPIED_VISIBLE_MS);
        }
    }

    private async writeClipboard(text: string): Promise<boolean> {
        try {
            if (typeof navigator === 'undefined' || !navigator.clipboard?.writeText) return false;
            await navigator.clipboard.writeText(text);
            return true;
        } catch {
            return false;
        }
    }

    /** Fallback where the Clipboard API is missing or refused: copy the selected read-only field. */
    private copyBySelection(): boolean {
        try {
            this.selectUri();
            // LWS distorts execCommand only for 'selectAll' on the document (blocked) and 'insertHTML'
            // (sanitized); 'copy' of the selected read-only field runs natively
            // eslint-disable-next-line @locker/locker/distorted-document-exec-command -- see above
            return typeof document.execCommand === 'function' && document.execCommand('copy');
        } catch {
            return false;
        }
    }

    private selectUri(): void {
        const input = this.template?.querySelector<HTMLInputElement>('input[name="redirectUri"]');
        input?.focus();
        input?.select();
    }

    // ------------------------------------------------------------------------------------------
    // Test sign-in
    // ------------------------------------------------------------------------------------------

    handleLoginHintInput(event: Event): void {
        this.loginHint = (event.target as HTMLInputElement).value;
        this.loginHintEdited = true;
        this.loginHintError = '';
    }

    async handleTest(): Promise<void> {
        if (this.testing) return;
        const ids = this.validateIds();
        const hint = this.loginHint.trim();
        this.loginHintError = EMAIL_PATTERN.test(hint) ? '' : LABELS.errorLoginHint;
        const bridgeUrl = bridgeFrameUrlFor(this.origin);
        if (ids === null || this.loginHintError !== '' || bridgeUrl === null) return;
        this.signInTest?.dispose();
        this.testOutcome = null;
        const container = this.template?.querySelector<HTMLElement>('.bridge-frame');
        if (!container) return;
        const test = new SignInTest(
            (onEvent) => new PresenceSyncBridge({ bridgeUrl, container, onEvent }),
            (stage) => {
                if (this.signInTest === test) this.testStage = stage;
            }
        );
        this.signInTest = test;
        const outcome = await test.run({ ...ids, loginHint: hint });
        if (this.signInTest !== test) return;
        test.dispose();
        this.signInTest = null;
        this.testStage = null;
        this.testOutcome = outcome;
    }

    handleCancelTest(): void {
        this.signInTest?.cancel();
    }

    get testing(): boolean {
        return this.testStage !== null;
    }

    get testDisabled(): boolean {
        return this.testing || this.redirectUri === null;
    }

    get testStageText(): string {
        switch (this.testStage) {
            case 'waitingForClick':
                return LABELS.stageClick;
            case 'supervisorSilent':
                return LABELS.stageSupervisorSilent;
            case 'supervisorWaitingForClick':
                return LABELS.stageSupervisorClick;
            default:
                return LABELS.stageSilent;
        }
    }

    get bridgePanelClass(): string {
        const waiting =
            this.testStage === 'waitingForClick' || this.testStage === 'supervisorWaitingForClick';
        return waiting ? 'bridge-panel' : 'bridge-panel slds-hide';
    }

    /** Which consent the agents' part found (key for data-consent, and its words). */
    get agentConsent(): string {
        return this.testOutcome?.ok ? this.testOutcome.consent : '';
    }

    get agentConsentText(): string {
        return consentText(this.agentConsent);
    }

    private get supervisorOutcome(): SupervisorOutcome | null {
        return this.testOutcome?.ok ? this.testOutcome.supervisor : null;
    }

    get hasSupervisorResult(): boolean {
        return this.supervisorOutcome !== null;
    }

    get supervisorHeading(): string {
        const outcome = this.supervisorOutcome;
        if (outcome === null) return '';
        return outcome.ownApp
            ? format(LABELS.supervisorsPartOwnApp, outcome.clientId)
            : LABELS.supervisorsPartSharedApp;
    }

    /** ok, readFailed, or the failure code of the supervisors' sign-in */
    get supervisorResult(): string {
        const outcome = this.supervisorOutcome;
        if (outcome === null) return '';
        if (!outcome.ok) return outcome.failure;
        return outcome.readError === null ? 'ok' : 'readFailed';
    }

    get supervisorResultText(): string {
        const outcome = this.supervisorOutcome;
        if (outcome === null) return '';
        if (!outcome.ok) return `${LABELS.supervisorFailed} ${FAILURE_TEXT[outcome.failure]}`;
        return outcome.readError === null ? LABELS.supervisorOk : LABELS.supervisorReadFailed;
    }

    get supervisorResultClass(): string {
        return this.supervisorResult === 'ok' ? 'slds-text-color_success' : 'slds-text-color_error';
    }

    get supervisorConsent(): string {
        const outcome = this.supervisorOutcome;
        return outcome?.ok ? outcome.consent : '';
    }

    get supervisorConsentText(): string {
        return consentText(this.supervisorConsent);
    }

    get supervisorDetail(): string {
        const outcome = this.supervisorOutcome;
        if (outcome === null) return '';
        return errorDetail(outcome.ok ? outcome.readError : outcome.error);
    }

    get testSucceeded(): boolean {
        return this.testOutcome?.ok === true;
    }

    get testFailed(): boolean {
        return this.testOutcome !== null && !this.testOutcome.ok;
    }

    get signedInUpn(): string {
        return this.testOutcome?.ok ? this.testOutcome.upn : '';
    }

    get presenceText(): string {
        const p = this.testOutcome?.ok ? this.testOutcome.presence : null;
        return p ? `${p.availability} / ${p.activity}` : '';
    }

    get presenceFailed(): boolean {
        return this.testOutcome?.ok === true && this.testOutcome.presenceError !== null;
    }

    get failureCode(): SignInFailure | '' {
        return this.testOutcome && !this.testOutcome.ok ? this.testOutcome.failure : '';
    }

    get failureText(): string {
        const code = this.failureCode;
        return code === '' ? '' : FAILURE_TEXT[code];
    }

    get showFailureUri(): boolean {
        const code = this.failureCode;
        return (
            code === 'redirectUriNotRegistered' ||
            code === 'redirectUriNotSpa' ||
            code === 'redirectUriMismatch'
        );
    }

    get showFailureAccount(): boolean {
        return this.failureCode === 'accountMismatch';
    }

    get failureDetail(): string {
        const outcome = this.testOutcome;
        return errorDetail(outcome === null ? null : outcome.ok ? outcome.presenceError : outcome.error);
    }

    // ------------------------------------------------------------------------------------------
    // Validator
    // ------------------------------------------------------------------------------------------

    get hasIssues(): boolean {
        return this.issues.length > 0;
    }

    /** Do not disturb / Presenting; anything else is the default Busy / In a call */
    get callPresenceIsDnd(): boolean {
        return this.callPresence === 'DoNotDisturbPresenting';
    }

    /** data-selected of each option's paragraph: which one this configuration uses */
    get callPresenceBusySelected(): string {
        return String(!this.callPresenceIsDnd);
    }

    get callPresenceIsDndText(): string {
        return String(this.callPresenceIsDnd);
    }

    get callPresenceCurrent(): string {
        return format(
            LABELS.callPresenceCurrent,
            this.callPresenceIsDnd ? LABELS.callPresenceDndName : LABELS.callPresenceBusyName
        );
    }

    get callPresenceBusyClass(): string {
        return this.callPresenceIsDnd ? 'slds-m-top_x-small' : 'slds-m-top_x-small slds-text-title_bold';
    }

    get callPresenceDndClass(): string {
        return this.callPresenceIsDnd ? 'slds-m-top_x-small slds-text-title_bold' : 'slds-m-top_x-small';
    }

    get issuesOk(): boolean {
        return this.issuesLoaded && this.issues.length === 0;
    }

    get issuesLoading(): boolean {
        return !this.issuesLoaded && this.issuesError === '';
    }

    // ------------------------------------------------------------------------------------------
    // Restore delivered configurations
    // ------------------------------------------------------------------------------------------

    get missing(): RawConfigurationRecord[] {
        return this.existingNames === null ? [] : missingConfigurations(this.existingNames);
    }

    get missingNames(): string[] {
        return this.missing.map((c) => String(c.Name));
    }

    get hasMissing(): boolean {
        return this.missing.length > 0;
    }

    get allPresent(): boolean {
        return this.existingNames !== null && this.missing.length === 0 && !this.restoring;
    }

    get deliveredLoading(): boolean {
        return this.existingNames === null && this.deliveredError === '';
    }

    get restoreButtonLabel(): string {
        return this.restoreFailures.length > 0 ? LABELS.restoreRetry : LABELS.restoreButton;
    }

    get restoreDisabled(): boolean {
        return this.restoring || !this.hasMissing;
    }

    get progressValue(): number {
        const p = this.restoreProgress;
        return p === null || p.total === 0 ? 0 : Math.round((p.done / p.total) * 100);
    }

    get progressStyle(): string {
        return `width: ${this.progressValue}%`;
    }

    get progressText(): string {
        const p = this.restoreProgress;
        return p === null ? '' : `${p.current}: ${p.done} / ${p.total}`;
    }

    get restoreCreated(): string[] {
        return (this.restoreResults ?? []).filter((r) => r.created).map((r) => r.configurationName);
    }

    get hasRestoreCreated(): boolean {
        return this.restoreCreated.length > 0;
    }

    get restoreFailures(): {
        name: string;
        message: string | null;
        leftoverId: string | null;
        rows: { key: string; row: string; message: string }[];
    }[] {
        return (this.restoreResults ?? [])
            .filter((r) => !r.created)
            .map((r) => ({
                name: r.configurationName,
                message: r.message,
                leftoverId: r.leftoverId,
                rows: r.rowFailures.map((f) => ({
                    key: `${r.configurationName}-${f.row}`,
                    row: f.rowName === '' ? String(f.row) : `${f.row} · ${f.rowName}`,
                    message: f.message
                }))
            }));
    }

    get hasRestoreFailures(): boolean {
        return this.restoreFailures.length > 0;
    }

    async handleRestore(): Promise<void> {
        const missing = this.missing;
        if (this.restoring || missing.length === 0) return;
        this.restoring = true;
        this.restoreResults = null;
        this.restoreProgress = null;
        try {
            const results = await restoreConfigurations(
                missing,
                { createRecord, deleteRecord },
                (progress) => {
                    this.restoreProgress = progress;
                },
                LABELS.unknownError
            );
            this.restoreResults = results;
            const created = results.filter((r) => r.created).map((r) => r.configurationName);
            if (this.existingNames !== null) this.existingNames = [...this.existingNames, ...created];
            await this.deliveredResult?.refresh?.();
        } finally {
            this.restoring = false;
            this.restoreProgress = null;
        }
    }
}
