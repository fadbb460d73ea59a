/*
 * Every user-facing text of the bundle, as Custom Labels (PresenceAuthorization_*; German in
 * force-app-de/main/default/translations). Texts with {0} are filled in by format().
 */
import title from '@salesforce/label/c.PresenceAuthorization_Title';
import intro from '@salesforce/label/c.PresenceAuthorization_Intro';
import noRecord from '@salesforce/label/c.PresenceAuthorization_NoRecord';
import clientIdLabel from '@salesforce/label/c.PresenceAuthorization_ClientIdLabel';
import tenantIdLabel from '@salesforce/label/c.PresenceAuthorization_TenantIdLabel';
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

export const LABELS = {
    title,
    intro,
    noRecord,
    clientIdLabel,
    tenantIdLabel,
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

/** Replaces {0}, {1}, ... in a label. */
export function format(label: string, ...values: (string | number)[]): string {
    return label.replace(/\{(\d+)\}/g, (match, index: string) => {
        const value = values[Number(index)];
        return value === undefined ? match : String(value);
    });
}
