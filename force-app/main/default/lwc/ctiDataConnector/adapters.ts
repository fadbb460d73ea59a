/*
 * The one place that binds the connector to its concrete adapters (docs/connector-contracts.md section 5):
 * configuration and the agent's settings (presenceSyncConfig), Omni-Channel over the Aura host seam
 * (presenceSyncOmni), phone calls (presenceSyncPhone) and the tenant size for the poll budget (Apex
 * PresenceSyncTenantController: how many agents share the configuration's app registration). The types are those modules' own; `Adapters` is
 * only the seam the session is created with, so that tests can pass doubles.
 */
import {
    evaluateConfiguration,
    loadAgentStatuses,
    saveAgentEmail,
    saveAgentSignIn
} from 'c/presenceSyncConfig';
import type {
    ConfigurationInputs,
    LoadedConfiguration,
    SaveResult,
    SignInIdentity,
    StatusesResult,
    UserSettings
} from 'c/presenceSyncConfig';
import countAgentsSharingApp from '@salesforce/apex/PresenceSyncTenantController.countAgentsSharingApp';
import { updateRecord } from 'lightning/uiRecordApi';
import { PresenceSyncOmni } from 'c/presenceSyncOmni';
import type { PresenceSyncOmniOptions } from 'c/presenceSyncOmni';
import { PresenceSyncPhone } from 'c/presenceSyncPhone';
import type { PresenceSyncPhoneOptions } from 'c/presenceSyncPhone';
import type { HealthRecord } from './healthReport';

/** What the session uses of PresenceSyncOmni (it is the runner's Omni port too). */
export type OmniAdapter = Pick<
    PresenceSyncOmni,
    'setStatus' | 'logout' | 'omniEvent' | 'omniCommandResult' | 'requestCurrentStatus' | 'dispose'
>;

/** What the session uses of PresenceSyncPhone (it is the runner's phone port too). */
export type PhoneAdapter = Pick<
    PresenceSyncPhone,
    'start' | 'setReasonCode' | 'voiceToolkitHandlers' | 'dispose'
>;

export type SignInSaveResult = Awaited<ReturnType<typeof saveAgentSignIn>>;

export interface Adapters {
    loadStatuses(): Promise<StatusesResult>;
    /** the configuration from the wires' results and the statuses; null while loading */
    evaluateConfiguration(inputs: ConfigurationInputs): LoadedConfiguration | null;
    saveEmail(email: string, settings: UserSettings | null, userName: string | null): Promise<SaveResult>;
    saveSignIn(settings: UserSettings | null, identity: SignInIdentity): Promise<SignInSaveResult>;
    /** the sync health on the agent's own settings record (healthReport.ts) */
    saveHealth(settingsId: string, record: HealthRecord): Promise<void>;
    createOmni(options: PresenceSyncOmniOptions): OmniAdapter;
    createPhone(options: PresenceSyncPhoneOptions): PhoneAdapter;
    /** how many agents share the app registration with this client id (rejects with the Apex error) */
    countAgentsSharingApp(clientId: string): Promise<number>;
}

export const ADAPTERS: Adapters = {
    loadStatuses: () => loadAgentStatuses(),
    evaluateConfiguration: (inputs) => evaluateConfiguration(inputs),
    saveEmail: (email, settings, userName) => saveAgentEmail(email, settings, userName),
    saveSignIn: (settings, identity) => saveAgentSignIn(settings, identity),
    saveHealth: (settingsId, record) =>
        updateRecord({
            fields: {
                Id: settingsId,
                SyncHealth__c: record.health,
                SyncHeartbeatAt__c: new Date(record.heartbeatAt).toISOString(),
                LastSuccessfulSyncAt__c:
                    record.lastSyncAt === null ? null : new Date(record.lastSyncAt).toISOString()
            }
        }).then(() => undefined),
    createOmni: (options) => new PresenceSyncOmni(options),
    createPhone: (options) => new PresenceSyncPhone(options),
    countAgentsSharingApp: (clientId) =>
        (countAgentsSharingApp({ azureClientId: clientId }) as Promise<unknown>).then(
            (count) => count as number
        )
};
