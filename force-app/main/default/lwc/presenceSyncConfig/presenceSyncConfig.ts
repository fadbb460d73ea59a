/*
 * The agent's configuration (docs/connector-contracts.md, presenceSyncConfig): the queries and variables
 * for the composition root's `@wire(graphql, ...)` (lightning/graphql) and the evaluation of what they
 * deliver, the org's presence statuses through Apex, and saving the agent's settings through
 * lightning/uiRecordApi. The composition root imports the platform-bound functions below; the plain
 * functions they wrap take the platform functions as parameters (tests pass doubles).
 */
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import getStatuses from '@salesforce/apex/PresenceStatusController.getStatuses';
import USER_ID from '@salesforce/user/Id';
import { loadStatuses } from './loader';
import type { StatusesResult, UserSettings } from './loader';
import { saveEmail, saveSignInIdentity } from './save';
import type { RecordApi, SaveResult, SignInIdentity } from './save';

export { checkEmail, EMAIL_MAX_LENGTH } from './email';
export type { EmailCheck } from './email';
export { id15, statusDirectory } from './statuses';
export type { StatusDirectory } from './statuses';
export {
    CONFIGURATION_QUERY,
    CONFIGURATIONS_LIMIT,
    CONFIGURATIONS_QUERY,
    LABEL_LIMIT,
    SETTINGS_QUERY
} from './queries';
export {
    configurationIdOf,
    configurationVariables,
    configurationsVariables,
    evaluateConfiguration,
    graphqlError,
    hasAnswered,
    loadStatuses,
    readConfiguration,
    readConfigurations,
    readSettings,
    readUserName,
    settingsVariables,
    unknownStatuses
} from './loader';
export type {
    ConfigProblem,
    ConfigurationInputs,
    GraphqlResult,
    LoadedConfiguration,
    StatusesResult,
    UserSettings
} from './loader';
export {
    EMAIL_FIELD,
    RECORD_NAME_MAX_LENGTH,
    recordErrors,
    saveEmail,
    saveSignInIdentity,
    SETTINGS_OBJECT
} from './save';
export type { RecordApi, SaveEmailInput, SaveResult, SignInIdentity } from './save';
const recordApi: RecordApi = { createRecord, updateRecord };

/** The org's presence statuses the agent can see (Apex PresenceStatusController.getStatuses). */
export function loadAgentStatuses(): Promise<StatusesResult> {
    return loadStatuses(() => getStatuses());
}

/**
 * Saves the current user's Office 365 email (creating the settings record when missing, named after the
 * user: `userName` is their User.Name from the settings query).
 */
export function saveAgentEmail(
    email: string,
    settings: UserSettings | null,
    userName?: string | null
): Promise<SaveResult> {
    const recordName = userName ?? undefined;
    return saveEmail(recordApi, {
        email,
        settingsId: settings?.id ?? null,
        userId: USER_ID,
        recordName,
        currentEmail: settings?.email ?? null
    });
}

/** Stores the Entra identity learned at sign-in on the current user's settings record. */
export function saveAgentSignIn(
    settings: UserSettings | null,
    identity: SignInIdentity
): ReturnType<typeof saveSignInIdentity> {
    return saveSignInIdentity(recordApi, settings, identity);
}
