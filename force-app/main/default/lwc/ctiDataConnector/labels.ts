/*
 * Every user-facing string of the CTI Data Connector: Custom Labels (CustomLabels.labels-meta.xml, German in
 * force-app-de/main/default/translations/de.translation-meta.xml), grouped by what they name. The core returns codes; these maps turn
 * them into words. A test checks that every CtiDataConnector_ label is imported here and translated.
 */
import L_Title from '@salesforce/label/c.CtiDataConnector_Title';
import L_CallStatusMessage from '@salesforce/label/c.CtiDataConnector_CallStatusMessage';
import L_SalesforceHeading from '@salesforce/label/c.CtiDataConnector_SalesforceHeading';
import L_TeamsHeading from '@salesforce/label/c.CtiDataConnector_TeamsHeading';
import L_HealthHeading from '@salesforce/label/c.CtiDataConnector_HealthHeading';
import L_HistoryHeading from '@salesforce/label/c.CtiDataConnector_HistoryHeading';
import L_HistoryEmpty from '@salesforce/label/c.CtiDataConnector_HistoryEmpty';
import L_HistoryChange from '@salesforce/label/c.CtiDataConnector_HistoryChange';
import L_NotKnown from '@salesforce/label/c.CtiDataConnector_NotKnown';
import L_OnCall from '@salesforce/label/c.CtiDataConnector_OnCall';
import L_Masked from '@salesforce/label/c.CtiDataConnector_Masked';
import L_MaskedHelp from '@salesforce/label/c.CtiDataConnector_MaskedHelp';
import L_WaitUntil from '@salesforce/label/c.CtiDataConnector_WaitUntil';
import L_Settings from '@salesforce/label/c.CtiDataConnector_Settings';
import L_CloseSettings from '@salesforce/label/c.CtiDataConnector_CloseSettings';
import L_Connect from '@salesforce/label/c.CtiDataConnector_Connect';
import L_Disconnect from '@salesforce/label/c.CtiDataConnector_Disconnect';
import L_CancelConnect from '@salesforce/label/c.CtiDataConnector_CancelConnect';
import L_Pause from '@salesforce/label/c.CtiDataConnector_Pause';
import L_Resume from '@salesforce/label/c.CtiDataConnector_Resume';
import L_ConnectHint from '@salesforce/label/c.CtiDataConnector_ConnectHint';
import L_SignInFailed from '@salesforce/label/c.CtiDataConnector_SignInFailed';
import L_SignInSaveFailed from '@salesforce/label/c.CtiDataConnector_SignInSaveFailed';
import L_EmailTab from '@salesforce/label/c.CtiDataConnector_EmailTab';
import L_EmailLabel from '@salesforce/label/c.CtiDataConnector_EmailLabel';
import L_EmailHelp from '@salesforce/label/c.CtiDataConnector_EmailHelp';
import L_EmailRequired from '@salesforce/label/c.CtiDataConnector_EmailRequired';
import L_EmailInvalid from '@salesforce/label/c.CtiDataConnector_EmailInvalid';
import L_Save from '@salesforce/label/c.CtiDataConnector_Save';
import L_Saving from '@salesforce/label/c.CtiDataConnector_Saving';
import L_EmailSaved from '@salesforce/label/c.CtiDataConnector_EmailSaved';
import L_EmailSaveFailed from '@salesforce/label/c.CtiDataConnector_EmailSaveFailed';
import L_EmailMissing from '@salesforce/label/c.CtiDataConnector_EmailMissing';
import L_ConfigLoading from '@salesforce/label/c.CtiDataConnector_ConfigLoading';
import L_ConfigBroken from '@salesforce/label/c.CtiDataConnector_ConfigBroken';
import L_ConfigMissing from '@salesforce/label/c.CtiDataConnector_ConfigMissing';
import L_ConfigLoadFailed from '@salesforce/label/c.CtiDataConnector_ConfigLoadFailed';
import L_ConfigNotAuthorized from '@salesforce/label/c.CtiDataConnector_ConfigNotAuthorized';
import L_ConfigPausedShort from '@salesforce/label/c.CtiDataConnector_ConfigPausedShort';
import L_IssueRow from '@salesforce/label/c.CtiDataConnector_IssueRow';
import L_IssueRecord from '@salesforce/label/c.CtiDataConnector_IssueRecord';
import L_UtilityLabel from '@salesforce/label/c.CtiDataConnector_UtilityLabel';
import L_ReasonOther from '@salesforce/label/c.CtiDataConnector_ReasonOther';
import L_Unknown from '@salesforce/label/c.CtiDataConnector_Unknown';
import L_Health_starting from '@salesforce/label/c.CtiDataConnector_Health_starting';
import L_HealthHelp_starting from '@salesforce/label/c.CtiDataConnector_HealthHelp_starting';
import L_Health_syncing from '@salesforce/label/c.CtiDataConnector_Health_syncing';
import L_HealthHelp_syncing from '@salesforce/label/c.CtiDataConnector_HealthHelp_syncing';
import L_Health_paused from '@salesforce/label/c.CtiDataConnector_Health_paused';
import L_HealthHelp_paused from '@salesforce/label/c.CtiDataConnector_HealthHelp_paused';
import L_Health_follower from '@salesforce/label/c.CtiDataConnector_Health_follower';
import L_HealthHelp_follower from '@salesforce/label/c.CtiDataConnector_HealthHelp_follower';
import L_Health_signInRequired from '@salesforce/label/c.CtiDataConnector_Health_signInRequired';
import L_HealthHelp_signInRequired from '@salesforce/label/c.CtiDataConnector_HealthHelp_signInRequired';
import L_Health_consentRequired from '@salesforce/label/c.CtiDataConnector_Health_consentRequired';
import L_HealthHelp_consentRequired from '@salesforce/label/c.CtiDataConnector_HealthHelp_consentRequired';
import L_Health_accountMismatch from '@salesforce/label/c.CtiDataConnector_Health_accountMismatch';
import L_HealthHelp_accountMismatch from '@salesforce/label/c.CtiDataConnector_HealthHelp_accountMismatch';
import L_Health_throttled from '@salesforce/label/c.CtiDataConnector_Health_throttled';
import L_HealthHelp_throttled from '@salesforce/label/c.CtiDataConnector_HealthHelp_throttled';
import L_Health_retrying from '@salesforce/label/c.CtiDataConnector_Health_retrying';
import L_HealthHelp_retrying from '@salesforce/label/c.CtiDataConnector_HealthHelp_retrying';
import L_Health_circuitOpen from '@salesforce/label/c.CtiDataConnector_Health_circuitOpen';
import L_HealthHelp_circuitOpen from '@salesforce/label/c.CtiDataConnector_HealthHelp_circuitOpen';
import L_Health_stopped from '@salesforce/label/c.CtiDataConnector_Health_stopped';
import L_HealthHelp_stopped from '@salesforce/label/c.CtiDataConnector_HealthHelp_stopped';
import L_Health_onCall from '@salesforce/label/c.CtiDataConnector_Health_onCall';
import L_HealthHelp_onCall from '@salesforce/label/c.CtiDataConnector_HealthHelp_onCall';
import L_Health_teamsOffline from '@salesforce/label/c.CtiDataConnector_Health_teamsOffline';
import L_HealthHelp_teamsOffline from '@salesforce/label/c.CtiDataConnector_HealthHelp_teamsOffline';
import L_Health_teamsNotWritten from '@salesforce/label/c.CtiDataConnector_Health_teamsNotWritten';
import L_HealthHelp_teamsNotWritten from '@salesforce/label/c.CtiDataConnector_HealthHelp_teamsNotWritten';
import L_Health_differs from '@salesforce/label/c.CtiDataConnector_Health_differs';
import L_HealthHelp_differs from '@salesforce/label/c.CtiDataConnector_HealthHelp_differs';
import L_Health_notConnected from '@salesforce/label/c.CtiDataConnector_Health_notConnected';
import L_HealthHelp_notConnected from '@salesforce/label/c.CtiDataConnector_HealthHelp_notConnected';
import L_HealthHelp_firstRunEmail from '@salesforce/label/c.CtiDataConnector_HealthHelp_firstRunEmail';
import L_FirstRunHeading from '@salesforce/label/c.CtiDataConnector_FirstRunHeading';
import L_FirstRunStepEmail from '@salesforce/label/c.CtiDataConnector_FirstRunStepEmail';
import L_FirstRunStepConnect from '@salesforce/label/c.CtiDataConnector_FirstRunStepConnect';
import L_FirstRunEnterEmail from '@salesforce/label/c.CtiDataConnector_FirstRunEnterEmail';
import L_StepDone from '@salesforce/label/c.CtiDataConnector_StepDone';
import L_TeamsNotConnected from '@salesforce/label/c.CtiDataConnector_TeamsNotConnected';
import L_Reason_mapped from '@salesforce/label/c.CtiDataConnector_Reason_mapped';
import L_Reason_echo from '@salesforce/label/c.CtiDataConnector_Reason_echo';
import L_Reason_stale from '@salesforce/label/c.CtiDataConnector_Reason_stale';
import L_Reason_masked from '@salesforce/label/c.CtiDataConnector_Reason_masked';
import L_Reason_faded from '@salesforce/label/c.CtiDataConnector_Reason_faded';
import L_Reason_initial from '@salesforce/label/c.CtiDataConnector_Reason_initial';
import L_Reason_noChange from '@salesforce/label/c.CtiDataConnector_Reason_noChange';
import L_Reason_inSync from '@salesforce/label/c.CtiDataConnector_Reason_inSync';
import L_Reason_omniOffline from '@salesforce/label/c.CtiDataConnector_Reason_omniOffline';
import L_Reason_manualWins from '@salesforce/label/c.CtiDataConnector_Reason_manualWins';
import L_Reason_write from '@salesforce/label/c.CtiDataConnector_Reason_write';
import L_Reason_writeClearUser from '@salesforce/label/c.CtiDataConnector_Reason_writeClearUser';
import L_Reason_toolkit from '@salesforce/label/c.CtiDataConnector_Reason_toolkit';
import L_Reason_pushTimeout from '@salesforce/label/c.CtiDataConnector_Reason_pushTimeout';
import L_Reason_declineWork from '@salesforce/label/c.CtiDataConnector_Reason_declineWork';
import L_Reason_manual from '@salesforce/label/c.CtiDataConnector_Reason_manual';
import L_Reason_supervisor from '@salesforce/label/c.CtiDataConnector_Reason_supervisor';
import L_Reason_login from '@salesforce/label/c.CtiDataConnector_Reason_login';
import L_Reason_logout from '@salesforce/label/c.CtiDataConnector_Reason_logout';
import L_Reason_omniFailed from '@salesforce/label/c.CtiDataConnector_Reason_omniFailed';
import L_Reason_callStarted from '@salesforce/label/c.CtiDataConnector_Reason_callStarted';
import L_Reason_callEnded from '@salesforce/label/c.CtiDataConnector_Reason_callEnded';
import L_Reason_wrapUp from '@salesforce/label/c.CtiDataConnector_Reason_wrapUp';
import L_Reason_wrapUpEnded from '@salesforce/label/c.CtiDataConnector_Reason_wrapUpEnded';
import L_Reason_signedIn from '@salesforce/label/c.CtiDataConnector_Reason_signedIn';
import L_Reason_connectRequested from '@salesforce/label/c.CtiDataConnector_Reason_connectRequested';
import L_Reason_leader from '@salesforce/label/c.CtiDataConnector_Reason_leader';
import L_Reason_follower from '@salesforce/label/c.CtiDataConnector_Reason_follower';
import L_Reason_paused from '@salesforce/label/c.CtiDataConnector_Reason_paused';
import L_Reason_resumed from '@salesforce/label/c.CtiDataConnector_Reason_resumed';
import L_Reason_clearOnClose from '@salesforce/label/c.CtiDataConnector_Reason_clearOnClose';
import L_Reason_clearOnDisconnect from '@salesforce/label/c.CtiDataConnector_Reason_clearOnDisconnect';
import L_Reason_signInRequired from '@salesforce/label/c.CtiDataConnector_Reason_signInRequired';
import L_Reason_consentRequired from '@salesforce/label/c.CtiDataConnector_Reason_consentRequired';
import L_Reason_accountMismatch from '@salesforce/label/c.CtiDataConnector_Reason_accountMismatch';
import L_Reason_userDisconnected from '@salesforce/label/c.CtiDataConnector_Reason_userDisconnected';
import L_Reason_throttled from '@salesforce/label/c.CtiDataConnector_Reason_throttled';
import L_Reason_backoff from '@salesforce/label/c.CtiDataConnector_Reason_backoff';
import L_Reason_circuit from '@salesforce/label/c.CtiDataConnector_Reason_circuit';
import L_Reason_tenantSize from '@salesforce/label/c.CtiDataConnector_Reason_tenantSize';
import L_Reason_tenantSizeFailed from '@salesforce/label/c.CtiDataConnector_Reason_tenantSizeFailed';
import L_Source_salesforce from '@salesforce/label/c.CtiDataConnector_Source_salesforce';
import L_Source_teams from '@salesforce/label/c.CtiDataConnector_Source_teams';
import L_Source_phone from '@salesforce/label/c.CtiDataConnector_Source_phone';
import L_Source_call from '@salesforce/label/c.CtiDataConnector_Source_call';
import L_Source_user from '@salesforce/label/c.CtiDataConnector_Source_user';
import L_Source_sync from '@salesforce/label/c.CtiDataConnector_Source_sync';
import L_EntraCause_consentMissing from '@salesforce/label/c.CtiDataConnector_EntraCause_consentMissing';
import L_EntraCause_consentDeclined from '@salesforce/label/c.CtiDataConnector_EntraCause_consentDeclined';
import L_EntraCause_conditionalAccess from '@salesforce/label/c.CtiDataConnector_EntraCause_conditionalAccess';
import L_EntraCause_userNotAssigned from '@salesforce/label/c.CtiDataConnector_EntraCause_userNotAssigned';
import L_EntraCause_redirectUriNotSpa from '@salesforce/label/c.CtiDataConnector_EntraCause_redirectUriNotSpa';
import L_EntraCause_redirectUriMismatch from '@salesforce/label/c.CtiDataConnector_EntraCause_redirectUriMismatch';
import L_EntraCause_wrongTenant from '@salesforce/label/c.CtiDataConnector_EntraCause_wrongTenant';
import L_EntraCause_appNotInTenant from '@salesforce/label/c.CtiDataConnector_EntraCause_appNotInTenant';
import L_Error_signInRequired from '@salesforce/label/c.CtiDataConnector_Error_signInRequired';
import L_Error_consentRequired from '@salesforce/label/c.CtiDataConnector_Error_consentRequired';
import L_Error_accountMismatch from '@salesforce/label/c.CtiDataConnector_Error_accountMismatch';
import L_Error_throttled from '@salesforce/label/c.CtiDataConnector_Error_throttled';
import L_Error_forbidden from '@salesforce/label/c.CtiDataConnector_Error_forbidden';
import L_Error_notFound from '@salesforce/label/c.CtiDataConnector_Error_notFound';
import L_Error_network from '@salesforce/label/c.CtiDataConnector_Error_network';
import L_Error_server from '@salesforce/label/c.CtiDataConnector_Error_server';
import L_Error_timeout from '@salesforce/label/c.CtiDataConnector_Error_timeout';
import L_Error_invalidRequest from '@salesforce/label/c.CtiDataConnector_Error_invalidRequest';
import L_Call_softphone from '@salesforce/label/c.CtiDataConnector_Call_softphone';
import L_Call_voiceToolkit from '@salesforce/label/c.CtiDataConnector_Call_voiceToolkit';
import L_Call_omniWork from '@salesforce/label/c.CtiDataConnector_Call_omniWork';
import L_Teams_Available from '@salesforce/label/c.CtiDataConnector_Teams_Available';
import L_Teams_AvailableIdle from '@salesforce/label/c.CtiDataConnector_Teams_AvailableIdle';
import L_Teams_Away from '@salesforce/label/c.CtiDataConnector_Teams_Away';
import L_Teams_BeRightBack from '@salesforce/label/c.CtiDataConnector_Teams_BeRightBack';
import L_Teams_Busy from '@salesforce/label/c.CtiDataConnector_Teams_Busy';
import L_Teams_BusyIdle from '@salesforce/label/c.CtiDataConnector_Teams_BusyIdle';
import L_Teams_DoNotDisturb from '@salesforce/label/c.CtiDataConnector_Teams_DoNotDisturb';
import L_Teams_Offline from '@salesforce/label/c.CtiDataConnector_Teams_Offline';
import L_Teams_PresenceUnknown from '@salesforce/label/c.CtiDataConnector_Teams_PresenceUnknown';
import L_Teams_InACall from '@salesforce/label/c.CtiDataConnector_Teams_InACall';
import L_Teams_InAConferenceCall from '@salesforce/label/c.CtiDataConnector_Teams_InAConferenceCall';
import L_Teams_Inactive from '@salesforce/label/c.CtiDataConnector_Teams_Inactive';
import L_Teams_InAMeeting from '@salesforce/label/c.CtiDataConnector_Teams_InAMeeting';
import L_Teams_OffWork from '@salesforce/label/c.CtiDataConnector_Teams_OffWork';
import L_Teams_OutOfOffice from '@salesforce/label/c.CtiDataConnector_Teams_OutOfOffice';
import L_Teams_Presenting from '@salesforce/label/c.CtiDataConnector_Teams_Presenting';
import L_Teams_UrgentInterruptionsOnly from '@salesforce/label/c.CtiDataConnector_Teams_UrgentInterruptionsOnly';
import L_Teams_AvailableInactive from '@salesforce/label/c.CtiDataConnector_Teams_AvailableInactive';
import L_Teams_Focusing from '@salesforce/label/c.CtiDataConnector_Teams_Focusing';
import L_Status_Available from '@salesforce/label/c.CtiDataConnector_Status_Available';
import L_Status_On_a_Call from '@salesforce/label/c.CtiDataConnector_Status_On_a_Call';
import L_Status_Busy from '@salesforce/label/c.CtiDataConnector_Status_Busy';
import L_Status_Away from '@salesforce/label/c.CtiDataConnector_Status_Away';
import L_Status_Be_Right_Back from '@salesforce/label/c.CtiDataConnector_Status_Be_Right_Back';
import L_Status_Do_Not_Disturb from '@salesforce/label/c.CtiDataConnector_Status_Do_Not_Disturb';
import L_Status_Offline from '@salesforce/label/c.CtiDataConnector_Status_Offline';
import L_Config_invalidType from '@salesforce/label/c.CtiDataConnector_Config_invalidType';
import L_Config_invalidPicklistValue from '@salesforce/label/c.CtiDataConnector_Config_invalidPicklistValue';
import L_Config_outOfRange from '@salesforce/label/c.CtiDataConnector_Config_outOfRange';
import L_Config_textTooLong from '@salesforce/label/c.CtiDataConnector_Config_textTooLong';
import L_Config_invalidGuid from '@salesforce/label/c.CtiDataConnector_Config_invalidGuid';
import L_Config_requiredField from '@salesforce/label/c.CtiDataConnector_Config_requiredField';
import L_Config_invalidRecord from '@salesforce/label/c.CtiDataConnector_Config_invalidRecord';
import L_Config_duplicateSalesforceRow from '@salesforce/label/c.CtiDataConnector_Config_duplicateSalesforceRow';
import L_Config_duplicateTeamsRow from '@salesforce/label/c.CtiDataConnector_Config_duplicateTeamsRow';
import L_Config_missingStatusRow from '@salesforce/label/c.CtiDataConnector_Config_missingStatusRow';
import L_Config_missingTeamsPair from '@salesforce/label/c.CtiDataConnector_Config_missingTeamsPair';
import L_Config_anyOnWritingRow from '@salesforce/label/c.CtiDataConnector_Config_anyOnWritingRow';
import L_Config_invalidSessionPair from '@salesforce/label/c.CtiDataConnector_Config_invalidSessionPair';
import L_Config_invalidPreferredPair from '@salesforce/label/c.CtiDataConnector_Config_invalidPreferredPair';
import L_Config_rowWithoutDirection from '@salesforce/label/c.CtiDataConnector_Config_rowWithoutDirection';
import L_Config_directionMismatch from '@salesforce/label/c.CtiDataConnector_Config_directionMismatch';
import L_Config_roundTripUnstable from '@salesforce/label/c.CtiDataConnector_Config_roundTripUnstable';
import type {
    Activity,
    Agreement,
    Availability,
    BridgeErrorKind,
    CallSource,
    Health,
    LogSource
} from 'c/presenceSyncCore';
import type { EntraCause } from 'c/presenceSyncBridgeProtocol';

/**
 * The Teams status message during a phone call, in the agent's language. Plain configuration text:
 * never customer data (docs/sync-policy.md, "The Teams status message during a call").
 */
export const CALL_STATUS_MESSAGE: string = L_CallStatusMessage;

export const UI = {
    Title: L_Title,
    SalesforceHeading: L_SalesforceHeading,
    TeamsHeading: L_TeamsHeading,
    HealthHeading: L_HealthHeading,
    HistoryHeading: L_HistoryHeading,
    HistoryEmpty: L_HistoryEmpty,
    HistoryChange: L_HistoryChange,
    NotKnown: L_NotKnown,
    OnCall: L_OnCall,
    Masked: L_Masked,
    MaskedHelp: L_MaskedHelp,
    WaitUntil: L_WaitUntil,
    Settings: L_Settings,
    CloseSettings: L_CloseSettings,
    Connect: L_Connect,
    Disconnect: L_Disconnect,
    CancelConnect: L_CancelConnect,
    Pause: L_Pause,
    Resume: L_Resume,
    ConnectHint: L_ConnectHint,
    SignInFailed: L_SignInFailed,
    SignInSaveFailed: L_SignInSaveFailed,
    EmailTab: L_EmailTab,
    EmailLabel: L_EmailLabel,
    EmailHelp: L_EmailHelp,
    EmailRequired: L_EmailRequired,
    EmailInvalid: L_EmailInvalid,
    Save: L_Save,
    Saving: L_Saving,
    EmailSaved: L_EmailSaved,
    EmailSaveFailed: L_EmailSaveFailed,
    EmailMissing: L_EmailMissing,
    ConfigLoading: L_ConfigLoading,
    ConfigBroken: L_ConfigBroken,
    ConfigMissing: L_ConfigMissing,
    ConfigLoadFailed: L_ConfigLoadFailed,
    ConfigNotAuthorized: L_ConfigNotAuthorized,
    ConfigPausedShort: L_ConfigPausedShort,
    IssueRow: L_IssueRow,
    IssueRecord: L_IssueRecord,
    UtilityLabel: L_UtilityLabel,
    ReasonOther: L_ReasonOther,
    HealthNotConnected: L_Health_notConnected,
    HealthHelpNotConnected: L_HealthHelp_notConnected,
    HealthHelpFirstRunEmail: L_HealthHelp_firstRunEmail,
    FirstRunHeading: L_FirstRunHeading,
    FirstRunStepEmail: L_FirstRunStepEmail,
    FirstRunStepConnect: L_FirstRunStepConnect,
    FirstRunEnterEmail: L_FirstRunEnterEmail,
    StepDone: L_StepDone,
    TeamsNotConnected: L_TeamsNotConnected,
    Unknown: L_Unknown
};

export const HEALTH_LABELS: Readonly<Record<Health, string>> = {
    starting: L_Health_starting,
    syncing: L_Health_syncing,
    paused: L_Health_paused,
    follower: L_Health_follower,
    signInRequired: L_Health_signInRequired,
    consentRequired: L_Health_consentRequired,
    accountMismatch: L_Health_accountMismatch,
    throttled: L_Health_throttled,
    retrying: L_Health_retrying,
    circuitOpen: L_Health_circuitOpen,
    stopped: L_Health_stopped
};

export const HEALTH_HELP: Readonly<Record<Health, string>> = {
    starting: L_HealthHelp_starting,
    syncing: L_HealthHelp_syncing,
    paused: L_HealthHelp_paused,
    follower: L_HealthHelp_follower,
    signInRequired: L_HealthHelp_signInRequired,
    consentRequired: L_HealthHelp_consentRequired,
    accountMismatch: L_HealthHelp_accountMismatch,
    throttled: L_HealthHelp_throttled,
    retrying: L_HealthHelp_retrying,
    circuitOpen: L_HealthHelp_circuitOpen,
    stopped: L_HealthHelp_stopped
};

/** The health "syncing" in words by how the two sides compare ('same' keeps the syncing labels). */
export const AGREEMENT_LABELS: Readonly<Record<Exclude<Agreement, 'same'>, string>> = {
    onCall: L_Health_onCall,
    teamsOffline: L_Health_teamsOffline,
    teamsNotWritten: L_Health_teamsNotWritten,
    differs: L_Health_differs
};

export const AGREEMENT_HELP: Readonly<Record<Exclude<Agreement, 'same'>, string>> = {
    onCall: L_HealthHelp_onCall,
    teamsOffline: L_HealthHelp_teamsOffline,
    teamsNotWritten: L_HealthHelp_teamsNotWritten,
    differs: L_HealthHelp_differs
};

export const REASON_LABELS: Readonly<Record<string, string>> = {
    mapped: L_Reason_mapped,
    echo: L_Reason_echo,
    stale: L_Reason_stale,
    masked: L_Reason_masked,
    faded: L_Reason_faded,
    initial: L_Reason_initial,
    noChange: L_Reason_noChange,
    inSync: L_Reason_inSync,
    omniOffline: L_Reason_omniOffline,
    manualWins: L_Reason_manualWins,
    write: L_Reason_write,
    writeClearUser: L_Reason_writeClearUser,
    toolkit: L_Reason_toolkit,
    pushTimeout: L_Reason_pushTimeout,
    declineWork: L_Reason_declineWork,
    manual: L_Reason_manual,
    supervisor: L_Reason_supervisor,
    login: L_Reason_login,
    logout: L_Reason_logout,
    omniFailed: L_Reason_omniFailed,
    callStarted: L_Reason_callStarted,
    callEnded: L_Reason_callEnded,
    wrapUp: L_Reason_wrapUp,
    wrapUpEnded: L_Reason_wrapUpEnded,
    signedIn: L_Reason_signedIn,
    connectRequested: L_Reason_connectRequested,
    leader: L_Reason_leader,
    follower: L_Reason_follower,
    paused: L_Reason_paused,
    resumed: L_Reason_resumed,
    clearOnClose: L_Reason_clearOnClose,
    clearOnDisconnect: L_Reason_clearOnDisconnect,
    signInRequired: L_Reason_signInRequired,
    consentRequired: L_Reason_consentRequired,
    accountMismatch: L_Reason_accountMismatch,
    userDisconnected: L_Reason_userDisconnected,
    throttled: L_Reason_throttled,
    backoff: L_Reason_backoff,
    circuit: L_Reason_circuit,
    tenantSize: L_Reason_tenantSize,
    tenantSizeFailed: L_Reason_tenantSizeFailed
};

export const SOURCE_LABELS: Readonly<Record<LogSource, string>> = {
    salesforce: L_Source_salesforce,
    teams: L_Source_teams,
    phone: L_Source_phone,
    call: L_Source_call,
    user: L_Source_user,
    sync: L_Source_sync
};

/** A sign-in failure whose Entra error number names its cause and fix; `{0}` is the number. */
export const ENTRA_CAUSE_LABELS: Readonly<Record<EntraCause, string>> = {
    consentMissing: L_EntraCause_consentMissing,
    consentDeclined: L_EntraCause_consentDeclined,
    conditionalAccess: L_EntraCause_conditionalAccess,
    userNotAssigned: L_EntraCause_userNotAssigned,
    redirectUriNotSpa: L_EntraCause_redirectUriNotSpa,
    redirectUriMismatch: L_EntraCause_redirectUriMismatch,
    wrongTenant: L_EntraCause_wrongTenant,
    appNotInTenant: L_EntraCause_appNotInTenant
};

export const ERROR_LABELS: Readonly<Record<BridgeErrorKind, string>> = {
    signInRequired: L_Error_signInRequired,
    consentRequired: L_Error_consentRequired,
    accountMismatch: L_Error_accountMismatch,
    throttled: L_Error_throttled,
    forbidden: L_Error_forbidden,
    notFound: L_Error_notFound,
    network: L_Error_network,
    server: L_Error_server,
    timeout: L_Error_timeout,
    invalidRequest: L_Error_invalidRequest
};

export const CALL_LABELS: Readonly<Record<CallSource, string>> = {
    softphone: L_Call_softphone,
    voiceToolkit: L_Call_voiceToolkit,
    omniWork: L_Call_omniWork
};

export const TEAMS_LABELS: Readonly<Record<Availability | Activity, string>> = {
    Available: L_Teams_Available,
    AvailableIdle: L_Teams_AvailableIdle,
    Away: L_Teams_Away,
    BeRightBack: L_Teams_BeRightBack,
    Busy: L_Teams_Busy,
    BusyIdle: L_Teams_BusyIdle,
    DoNotDisturb: L_Teams_DoNotDisturb,
    Offline: L_Teams_Offline,
    PresenceUnknown: L_Teams_PresenceUnknown,
    InACall: L_Teams_InACall,
    InAConferenceCall: L_Teams_InAConferenceCall,
    Inactive: L_Teams_Inactive,
    InAMeeting: L_Teams_InAMeeting,
    OffWork: L_Teams_OffWork,
    OutOfOffice: L_Teams_OutOfOffice,
    Presenting: L_Teams_Presenting,
    UrgentInterruptionsOnly: L_Teams_UrgentInterruptionsOnly,
    AvailableInactive: L_Teams_AvailableInactive,
    Focusing: L_Teams_Focusing
};

export const STATUS_LABELS: Readonly<Record<string, string>> = {
    Available: L_Status_Available,
    On_a_Call: L_Status_On_a_Call,
    Busy: L_Status_Busy,
    Away: L_Status_Away,
    Be_Right_Back: L_Status_Be_Right_Back,
    Do_Not_Disturb: L_Status_Do_Not_Disturb,
    Offline: L_Status_Offline
};

export const CONFIG_ISSUE_LABELS: Readonly<Record<string, string>> = {
    invalidType: L_Config_invalidType,
    invalidPicklistValue: L_Config_invalidPicklistValue,
    outOfRange: L_Config_outOfRange,
    textTooLong: L_Config_textTooLong,
    invalidGuid: L_Config_invalidGuid,
    requiredField: L_Config_requiredField,
    invalidRecord: L_Config_invalidRecord,
    duplicateSalesforceRow: L_Config_duplicateSalesforceRow,
    duplicateTeamsRow: L_Config_duplicateTeamsRow,
    missingStatusRow: L_Config_missingStatusRow,
    missingTeamsPair: L_Config_missingTeamsPair,
    anyOnWritingRow: L_Config_anyOnWritingRow,
    invalidSessionPair: L_Config_invalidSessionPair,
    invalidPreferredPair: L_Config_invalidPreferredPair,
    rowWithoutDirection: L_Config_rowWithoutDirection,
    directionMismatch: L_Config_directionMismatch,
    roundTripUnstable: L_Config_roundTripUnstable
};
