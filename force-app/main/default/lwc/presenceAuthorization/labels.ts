/*
 * Every user-facing text of the bundle, as Custom Labels (PresenceAuthorization_*; German in
 * force-app-de/main/default/translations). Texts with {0} are filled in by format().
 */
import title from '@salesforce/label/c.PresenceAuthorization_Title';
import intro from '@salesforce/label/c.PresenceAuthorization_Intro';
import noRecord from '@salesforce/label/c.PresenceAuthorization_NoRecord';
import clientIdLabel from '@salesforce/label/c.PresenceAuthorization_ClientIdLabel';
import tenantIdLabel from '@salesforce/label/c.PresenceAuthorization_TenantIdLabel';
import supervisorClientIdLabel from '@salesforce/label/c.PresenceAuthorization_SupervisorClientIdLabel';
import supervisorClientIdHelp from '@salesforce/label/c.PresenceAuthorization_SupervisorClientIdHelp';
import errorSupervisorSameAsTenant from '@salesforce/label/c.PresenceAuthorization_ErrorSupervisorSameAsTenant';
import errorSupervisorSameAsAgents from '@salesforce/label/c.PresenceAuthorization_ErrorSupervisorSameAsAgents';
import guidHelp from '@salesforce/label/c.PresenceAuthorization_GuidHelp';
import errorClientIdRequired from '@salesforce/label/c.PresenceAuthorization_ErrorClientIdRequired';
import errorTenantIdRequired from '@salesforce/label/c.PresenceAuthorization_ErrorTenantIdRequired';
import errorGuidCharacter from '@salesforce/label/c.PresenceAuthorization_ErrorGuidCharacter';
import errorGuidLength from '@salesforce/label/c.PresenceAuthorization_ErrorGuidLength';
import errorGuidGrouping from '@salesforce/label/c.PresenceAuthorization_ErrorGuidGrouping';
import errorSameIds from '@salesforce/label/c.PresenceAuthorization_ErrorSameIds';
import save from '@salesforce/label/c.PresenceAuthorization_Save';
import saving from '@salesforce/label/c.PresenceAuthorization_Saving';
import saved from '@salesforce/label/c.PresenceAuthorization_Saved';
import saveFailed from '@salesforce/label/c.PresenceAuthorization_SaveFailed';
import unsaved from '@salesforce/label/c.PresenceAuthorization_Unsaved';
import unknownError from '@salesforce/label/c.PresenceAuthorization_UnknownError';
import redirectUriHeading from '@salesforce/label/c.PresenceAuthorization_RedirectUriHeading';
import redirectUriHelp from '@salesforce/label/c.PresenceAuthorization_RedirectUriHelp';
import entraGuideHeading from '@salesforce/label/c.PresenceAuthorization_EntraGuideHeading';
import entraStep1 from '@salesforce/label/c.PresenceAuthorization_EntraStep1';
import entraStep2 from '@salesforce/label/c.PresenceAuthorization_EntraStep2';
import entraStep3 from '@salesforce/label/c.PresenceAuthorization_EntraStep3';
import entraStep4 from '@salesforce/label/c.PresenceAuthorization_EntraStep4';
import entraStep5 from '@salesforce/label/c.PresenceAuthorization_EntraStep5';
import entraStep6 from '@salesforce/label/c.PresenceAuthorization_EntraStep6';
import redirectUriUnavailable from '@salesforce/label/c.PresenceAuthorization_RedirectUriUnavailable';
import copy from '@salesforce/label/c.PresenceAuthorization_Copy';
import copyRedirectUri from '@salesforce/label/c.PresenceAuthorization_CopyRedirectUri';
import copied from '@salesforce/label/c.PresenceAuthorization_Copied';
import copyFailed from '@salesforce/label/c.PresenceAuthorization_CopyFailed';
import testHeading from '@salesforce/label/c.PresenceAuthorization_TestHeading';
import testHelp from '@salesforce/label/c.PresenceAuthorization_TestHelp';
import loginHintLabel from '@salesforce/label/c.PresenceAuthorization_LoginHintLabel';
import errorLoginHint from '@salesforce/label/c.PresenceAuthorization_ErrorLoginHint';
import testButton from '@salesforce/label/c.PresenceAuthorization_TestButton';
import cancel from '@salesforce/label/c.PresenceAuthorization_Cancel';
import stageSilent from '@salesforce/label/c.PresenceAuthorization_StageSilent';
import stageClick from '@salesforce/label/c.PresenceAuthorization_StageClick';
import agentsPart from '@salesforce/label/c.PresenceAuthorization_AgentsPart';
import supervisorsPartOwnApp from '@salesforce/label/c.PresenceAuthorization_SupervisorsPartOwnApp';
import supervisorsPartSharedApp from '@salesforce/label/c.PresenceAuthorization_SupervisorsPartSharedApp';
import supervisorOk from '@salesforce/label/c.PresenceAuthorization_SupervisorOk';
import supervisorReadFailed from '@salesforce/label/c.PresenceAuthorization_SupervisorReadFailed';
import supervisorFailed from '@salesforce/label/c.PresenceAuthorization_SupervisorFailed';
import consentMissingForTenant from '@salesforce/label/c.PresenceAuthorization_ConsentMissingForTenant';
import consentInPlace from '@salesforce/label/c.PresenceAuthorization_ConsentInPlace';
import stageSupervisorSilent from '@salesforce/label/c.PresenceAuthorization_StageSupervisorSilent';
import stageSupervisorClick from '@salesforce/label/c.PresenceAuthorization_StageSupervisorClick';
import bridgePanel from '@salesforce/label/c.PresenceAuthorization_BridgePanel';
import success from '@salesforce/label/c.PresenceAuthorization_Success';
import presenceRead from '@salesforce/label/c.PresenceAuthorization_PresenceRead';
import presenceReadFailed from '@salesforce/label/c.PresenceAuthorization_PresenceReadFailed';
import failRedirectUri from '@salesforce/label/c.PresenceAuthorization_FailRedirectUri';
import failConsent from '@salesforce/label/c.PresenceAuthorization_FailConsent';
import failConsentDeclined from '@salesforce/label/c.PresenceAuthorization_FailConsentDeclined';
import failConditionalAccess from '@salesforce/label/c.PresenceAuthorization_FailConditionalAccess';
import failUserNotAssigned from '@salesforce/label/c.PresenceAuthorization_FailUserNotAssigned';
import failRedirectUriNotSpa from '@salesforce/label/c.PresenceAuthorization_FailRedirectUriNotSpa';
import failRedirectUriMismatch from '@salesforce/label/c.PresenceAuthorization_FailRedirectUriMismatch';
import failWrongTenant from '@salesforce/label/c.PresenceAuthorization_FailWrongTenant';
import failAppNotInTenant from '@salesforce/label/c.PresenceAuthorization_FailAppNotInTenant';
import failAccountMismatch from '@salesforce/label/c.PresenceAuthorization_FailAccountMismatch';
import failPopupBlocked from '@salesforce/label/c.PresenceAuthorization_FailPopupBlocked';
import failCancelled from '@salesforce/label/c.PresenceAuthorization_FailCancelled';
import failNetwork from '@salesforce/label/c.PresenceAuthorization_FailNetwork';
import failTimeout from '@salesforce/label/c.PresenceAuthorization_FailTimeout';
import failOther from '@salesforce/label/c.PresenceAuthorization_FailOther';
import callPresenceHeading from '@salesforce/label/c.PresenceAuthorization_CallPresenceHeading';
import callPresenceCurrent from '@salesforce/label/c.PresenceAuthorization_CallPresenceCurrent';
import callPresenceBusyName from '@salesforce/label/c.PresenceAuthorization_CallPresenceBusyName';
import callPresenceDndName from '@salesforce/label/c.PresenceAuthorization_CallPresenceDndName';
import callPresenceBusyPromise from '@salesforce/label/c.PresenceAuthorization_CallPresenceBusyPromise';
import callPresenceDndPromise from '@salesforce/label/c.PresenceAuthorization_CallPresenceDndPromise';
import technicalDetail from '@salesforce/label/c.PresenceAuthorization_TechnicalDetail';
import validatorHeading from '@salesforce/label/c.PresenceAuthorization_ValidatorHeading';
import validatorOk from '@salesforce/label/c.PresenceAuthorization_ValidatorOk';
import validatorIssues from '@salesforce/label/c.PresenceAuthorization_ValidatorIssues';
import validatorLoadFailed from '@salesforce/label/c.PresenceAuthorization_ValidatorLoadFailed';
import columnRow from '@salesforce/label/c.PresenceAuthorization_ColumnRow';
import columnField from '@salesforce/label/c.PresenceAuthorization_ColumnField';
import columnProblem from '@salesforce/label/c.PresenceAuthorization_ColumnProblem';
import loading from '@salesforce/label/c.PresenceAuthorization_Loading';
import restoreHeading from '@salesforce/label/c.PresenceAuthorization_RestoreHeading';
import restoreHelp from '@salesforce/label/c.PresenceAuthorization_RestoreHelp';
import restoreAllPresent from '@salesforce/label/c.PresenceAuthorization_RestoreAllPresent';
import restoreMissing from '@salesforce/label/c.PresenceAuthorization_RestoreMissing';
import restoreButton from '@salesforce/label/c.PresenceAuthorization_RestoreButton';
import restoreRetry from '@salesforce/label/c.PresenceAuthorization_RestoreRetry';
import restoreProgress from '@salesforce/label/c.PresenceAuthorization_RestoreProgress';
import restoreCreated from '@salesforce/label/c.PresenceAuthorization_RestoreCreated';
import restoreFailed from '@salesforce/label/c.PresenceAuthorization_RestoreFailed';
import restoreLeftover from '@salesforce/label/c.PresenceAuthorization_RestoreLeftover';
import restoreLoadFailed from '@salesforce/label/c.PresenceAuthorization_RestoreLoadFailed';

import fieldTeamsActivity from '@salesforce/label/c.PresenceAuthorization_Field_TeamsActivity';
import fieldFromSalesforce from '@salesforce/label/c.PresenceAuthorization_Field_FromSalesforce';
import fieldPhoneReasonCode from '@salesforce/label/c.PresenceAuthorization_Field_PhoneReasonCode';
import fieldFromTeams from '@salesforce/label/c.PresenceAuthorization_Field_FromTeams';
import fieldSalesforceStatus from '@salesforce/label/c.PresenceAuthorization_Field_SalesforceStatus';
import fieldTeamsAvailability from '@salesforce/label/c.PresenceAuthorization_Field_TeamsAvailability';
import fieldTeamsWriteKind from '@salesforce/label/c.PresenceAuthorization_Field_TeamsWriteKind';
import fieldAzureTenantId from '@salesforce/label/c.PresenceAuthorization_Field_AzureTenantId';
import fieldPollIntervalSeconds from '@salesforce/label/c.PresenceAuthorization_Field_PollIntervalSeconds';
import fieldWrapUpSeconds from '@salesforce/label/c.PresenceAuthorization_Field_WrapUpSeconds';
import fieldManualStatusPolicy from '@salesforce/label/c.PresenceAuthorization_Field_ManualStatusPolicy';
import fieldCallPresence from '@salesforce/label/c.PresenceAuthorization_Field_CallPresence';
import fieldSetCallStatusMessage from '@salesforce/label/c.PresenceAuthorization_Field_SetCallStatusMessage';
import fieldCallStatusMessage from '@salesforce/label/c.PresenceAuthorization_Field_CallStatusMessage';
import fieldAzureClientId from '@salesforce/label/c.PresenceAuthorization_Field_AzureClientId';
import fieldMeetingApplication from '@salesforce/label/c.PresenceAuthorization_Field_MeetingApplication';
import fieldSessionExpiryMinutes from '@salesforce/label/c.PresenceAuthorization_Field_SessionExpiryMinutes';
import fieldSyncDirection from '@salesforce/label/c.PresenceAuthorization_Field_SyncDirection';
import fieldMaxPollIntervalSeconds from '@salesforce/label/c.PresenceAuthorization_Field_MaxPollIntervalSeconds';
import issue_invalidType from '@salesforce/label/c.CtiDataConnector_Config_invalidType';
import issue_invalidPicklistValue from '@salesforce/label/c.CtiDataConnector_Config_invalidPicklistValue';
import issue_outOfRange from '@salesforce/label/c.CtiDataConnector_Config_outOfRange';
import issue_textTooLong from '@salesforce/label/c.CtiDataConnector_Config_textTooLong';
import issue_invalidGuid from '@salesforce/label/c.CtiDataConnector_Config_invalidGuid';
import issue_requiredField from '@salesforce/label/c.CtiDataConnector_Config_requiredField';
import issue_invalidRecord from '@salesforce/label/c.CtiDataConnector_Config_invalidRecord';
import issue_duplicateSalesforceRow from '@salesforce/label/c.CtiDataConnector_Config_duplicateSalesforceRow';
import issue_duplicateTeamsRow from '@salesforce/label/c.CtiDataConnector_Config_duplicateTeamsRow';
import issue_missingStatusRow from '@salesforce/label/c.CtiDataConnector_Config_missingStatusRow';
import issue_missingTeamsPair from '@salesforce/label/c.CtiDataConnector_Config_missingTeamsPair';
import issue_anyOnWritingRow from '@salesforce/label/c.CtiDataConnector_Config_anyOnWritingRow';
import issue_invalidSessionPair from '@salesforce/label/c.CtiDataConnector_Config_invalidSessionPair';
import issue_invalidPreferredPair from '@salesforce/label/c.CtiDataConnector_Config_invalidPreferredPair';
import issue_rowWithoutDirection from '@salesforce/label/c.CtiDataConnector_Config_rowWithoutDirection';
import issue_directionMismatch from '@salesforce/label/c.CtiDataConnector_Config_directionMismatch';
import issue_roundTripUnstable from '@salesforce/label/c.CtiDataConnector_Config_roundTripUnstable';
export const LABELS = {
    title,
    intro,
    noRecord,
    clientIdLabel,
    tenantIdLabel,
    supervisorClientIdLabel,
    supervisorClientIdHelp,
    errorSupervisorSameAsTenant,
    errorSupervisorSameAsAgents,
    guidHelp,
    errorClientIdRequired,
    errorTenantIdRequired,
    errorGuidCharacter,
    errorGuidLength,
    errorGuidGrouping,
    errorSameIds,
    save,
    saving,
    saved,
    saveFailed,
    unsaved,
    unknownError,
    redirectUriHeading,
    redirectUriHelp,
    entraGuideHeading,
    entraStep1,
    entraStep2,
    entraStep3,
    entraStep4,
    entraStep5,
    entraStep6,
    redirectUriUnavailable,
    copy,
    copyRedirectUri,
    copied,
    copyFailed,
    testHeading,
    testHelp,
    loginHintLabel,
    errorLoginHint,
    testButton,
    cancel,
    stageSilent,
    stageClick,
    agentsPart,
    supervisorsPartOwnApp,
    supervisorsPartSharedApp,
    supervisorOk,
    supervisorReadFailed,
    supervisorFailed,
    consentMissingForTenant,
    consentInPlace,
    stageSupervisorSilent,
    stageSupervisorClick,
    bridgePanel,
    success,
    presenceRead,
    presenceReadFailed,
    failRedirectUri,
    failConsent,
    failWrongTenant,
    failAppNotInTenant,
    failAccountMismatch,
    failPopupBlocked,
    failCancelled,
    failNetwork,
    failTimeout,
    failConsentDeclined,
    failConditionalAccess,
    failUserNotAssigned,
    failRedirectUriNotSpa,
    failRedirectUriMismatch,
    failOther,
    callPresenceHeading,
    callPresenceCurrent,
    callPresenceBusyName,
    callPresenceDndName,
    callPresenceBusyPromise,
    callPresenceDndPromise,
    technicalDetail,
    validatorHeading,
    validatorOk,
    validatorIssues,
    validatorLoadFailed,
    columnRow,
    columnField,
    columnProblem,
    loading,
    restoreHeading,
    restoreHelp,
    restoreAllPresent,
    restoreMissing,
    restoreButton,
    restoreRetry,
    restoreProgress,
    restoreCreated,
    restoreFailed,
    restoreLeftover,
    restoreLoadFailed
} as const;

/** The configuration fields the check names, in the admin's words (the field labels, translated). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
    TeamsActivity__c: fieldTeamsActivity,
    FromSalesforce__c: fieldFromSalesforce,
    PhoneReasonCode__c: fieldPhoneReasonCode,
    FromTeams__c: fieldFromTeams,
    SalesforceStatus__c: fieldSalesforceStatus,
    TeamsAvailability__c: fieldTeamsAvailability,
    TeamsWriteKind__c: fieldTeamsWriteKind,
    AzureTenantId__c: fieldAzureTenantId,
    PollIntervalSeconds__c: fieldPollIntervalSeconds,
    WrapUpSeconds__c: fieldWrapUpSeconds,
    ManualStatusPolicy__c: fieldManualStatusPolicy,
    CallPresence__c: fieldCallPresence,
    SetCallStatusMessage__c: fieldSetCallStatusMessage,
    CallStatusMessage__c: fieldCallStatusMessage,
    AzureClientId__c: fieldAzureClientId,
    MeetingApplication__c: fieldMeetingApplication,
    SessionExpiryMinutes__c: fieldSessionExpiryMinutes,
    SyncDirection__c: fieldSyncDirection,
    MaxPollIntervalSeconds__c: fieldMaxPollIntervalSeconds
};

/**
 * The configuration check's problems in words, by the core's issue code: the same labels the agent's
 * connector shows ({0} field, {1} the other row, {2} the value).
 */
export const ISSUE_LABELS: Readonly<Record<string, string>> = {
    invalidType: issue_invalidType,
    invalidPicklistValue: issue_invalidPicklistValue,
    outOfRange: issue_outOfRange,
    textTooLong: issue_textTooLong,
    invalidGuid: issue_invalidGuid,
    requiredField: issue_requiredField,
    invalidRecord: issue_invalidRecord,
    duplicateSalesforceRow: issue_duplicateSalesforceRow,
    duplicateTeamsRow: issue_duplicateTeamsRow,
    missingStatusRow: issue_missingStatusRow,
    missingTeamsPair: issue_missingTeamsPair,
    anyOnWritingRow: issue_anyOnWritingRow,
    invalidSessionPair: issue_invalidSessionPair,
    invalidPreferredPair: issue_invalidPreferredPair,
    rowWithoutDirection: issue_rowWithoutDirection,
    directionMismatch: issue_directionMismatch,
    roundTripUnstable: issue_roundTripUnstable
};

/** Replaces {0}, {1}, ... in a label. */
export function format(label: string, ...values: (string | number)[]): string {
    return label.replace(/\{(\d+)\}/g, (match, index: string) => {
        const value = values[Number(index)];
        return value === undefined ? match : String(value);
    });
}
