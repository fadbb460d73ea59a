/*
 * Every user-facing string of the Live Agent Dashboard: Custom Labels LiveAgentDashboard_* (English in
 * CustomLabels.labels-meta.xml, German in force-app-de/main/default/translations/de.translation-meta.xml). A test checks that each
 * one is imported here and translated.
 */
import L_Title from '@salesforce/label/c.LiveAgentDashboard_Title';
import L_AgentsCaption from '@salesforce/label/c.LiveAgentDashboard_AgentsCaption';
import L_ColAgent from '@salesforce/label/c.LiveAgentDashboard_ColAgent';
import L_ColOmni from '@salesforce/label/c.LiveAgentDashboard_ColOmni';
import L_ColSince from '@salesforce/label/c.LiveAgentDashboard_ColSince';
import L_ColTeams from '@salesforce/label/c.LiveAgentDashboard_ColTeams';
import L_ColAgreement from '@salesforce/label/c.LiveAgentDashboard_ColAgreement';
import L_ColLastRead from '@salesforce/label/c.LiveAgentDashboard_ColLastRead';
import L_ColHealth from '@salesforce/label/c.LiveAgentDashboard_ColHealth';
import L_ColLastSync from '@salesforce/label/c.LiveAgentDashboard_ColLastSync';
import L_Health_syncing from '@salesforce/label/c.LiveAgentDashboard_Health_syncing';
import L_Health_paused from '@salesforce/label/c.LiveAgentDashboard_Health_paused';
import L_Health_signInRequired from '@salesforce/label/c.LiveAgentDashboard_Health_signInRequired';
import L_Health_throttled from '@salesforce/label/c.LiveAgentDashboard_Health_throttled';
import L_Health_configurationBroken from '@salesforce/label/c.LiveAgentDashboard_Health_configurationBroken';
import L_Health_stale from '@salesforce/label/c.LiveAgentDashboard_Health_stale';
import L_Health_neverConnected from '@salesforce/label/c.LiveAgentDashboard_Health_neverConnected';
import L_StaleHelp from '@salesforce/label/c.LiveAgentDashboard_StaleHelp';
import L_Summary from '@salesforce/label/c.LiveAgentDashboard_Summary';
import L_Mismatches from '@salesforce/label/c.LiveAgentDashboard_Mismatches';
import L_SetupFilter from '@salesforce/label/c.LiveAgentDashboard_SetupFilter';
import L_AllSetups from '@salesforce/label/c.LiveAgentDashboard_AllSetups';
import L_ClearFilters from '@salesforce/label/c.LiveAgentDashboard_ClearFilters';
import L_SortBy from '@salesforce/label/c.LiveAgentDashboard_SortBy';
import L_Filters from '@salesforce/label/c.LiveAgentDashboard_Filters';
import L_StatusFilter from '@salesforce/label/c.LiveAgentDashboard_StatusFilter';
import L_AllStatuses from '@salesforce/label/c.LiveAgentDashboard_AllStatuses';
import L_MismatchOnly from '@salesforce/label/c.LiveAgentDashboard_MismatchOnly';
import L_Search from '@salesforce/label/c.LiveAgentDashboard_Search';
import L_Refresh from '@salesforce/label/c.LiveAgentDashboard_Refresh';
import L_Refreshing from '@salesforce/label/c.LiveAgentDashboard_Refreshing';
import L_LastRefresh from '@salesforce/label/c.LiveAgentDashboard_LastRefresh';
import L_NextRefresh from '@salesforce/label/c.LiveAgentDashboard_NextRefresh';
import L_NotRefreshed from '@salesforce/label/c.LiveAgentDashboard_NotRefreshed';
import L_Throttled from '@salesforce/label/c.LiveAgentDashboard_Throttled';
import L_ReadFailed from '@salesforce/label/c.LiveAgentDashboard_ReadFailed';
import L_SignInRequired from '@salesforce/label/c.LiveAgentDashboard_SignInRequired';
import L_Connect from '@salesforce/label/c.LiveAgentDashboard_Connect';
import L_LoadFailed from '@salesforce/label/c.LiveAgentDashboard_LoadFailed';
import L_ConfigurationsFailed from '@salesforce/label/c.LiveAgentDashboard_ConfigurationsFailed';
import L_NoAzureApp from '@salesforce/label/c.LiveAgentDashboard_NoAzureApp';
import L_Loading from '@salesforce/label/c.LiveAgentDashboard_Loading';
import L_NoAgents from '@salesforce/label/c.LiveAgentDashboard_NoAgents';
import L_Showing from '@salesforce/label/c.LiveAgentDashboard_Showing';
import L_Pages from '@salesforce/label/c.LiveAgentDashboard_Pages';
import L_PrevPage from '@salesforce/label/c.LiveAgentDashboard_PrevPage';
import L_NextPage from '@salesforce/label/c.LiveAgentDashboard_NextPage';
import L_PageOf from '@salesforce/label/c.LiveAgentDashboard_PageOf';
import L_FirstPage from '@salesforce/label/c.LiveAgentDashboard_FirstPage';
import L_LastPage from '@salesforce/label/c.LiveAgentDashboard_LastPage';
import L_GoToPage from '@salesforce/label/c.LiveAgentDashboard_GoToPage';
import L_NoneShown from '@salesforce/label/c.LiveAgentDashboard_NoneShown';
import L_NotConnectedHelp from '@salesforce/label/c.LiveAgentDashboard_NotConnectedHelp';
import L_ReadFailedForbidden from '@salesforce/label/c.LiveAgentDashboard_ReadFailedForbidden';
import L_ReadFailedNetwork from '@salesforce/label/c.LiveAgentDashboard_ReadFailedNetwork';
import L_ReadFailedServer from '@salesforce/label/c.LiveAgentDashboard_ReadFailedServer';
import L_Match from '@salesforce/label/c.LiveAgentDashboard_Match';
import L_Mismatch from '@salesforce/label/c.LiveAgentDashboard_Mismatch';
import L_MismatchExpected from '@salesforce/label/c.LiveAgentDashboard_MismatchExpected';
import L_NotCompared from '@salesforce/label/c.LiveAgentDashboard_NotCompared';
import L_NotConnected from '@salesforce/label/c.LiveAgentDashboard_NotConnected';
import L_NotRead from '@salesforce/label/c.LiveAgentDashboard_NotRead';
import L_LoggedOut from '@salesforce/label/c.LiveAgentDashboard_LoggedOut';
import L_Never from '@salesforce/label/c.LiveAgentDashboard_Never';
import L_Seconds from '@salesforce/label/c.LiveAgentDashboard_Seconds';
import L_Minutes from '@salesforce/label/c.LiveAgentDashboard_Minutes';
import L_Hours from '@salesforce/label/c.LiveAgentDashboard_Hours';
import L_Av_Available from '@salesforce/label/c.LiveAgentDashboard_Av_Available';
import L_Av_AvailableIdle from '@salesforce/label/c.LiveAgentDashboard_Av_AvailableIdle';
import L_Av_Away from '@salesforce/label/c.LiveAgentDashboard_Av_Away';
import L_Av_BeRightBack from '@salesforce/label/c.LiveAgentDashboard_Av_BeRightBack';
import L_Av_Busy from '@salesforce/label/c.LiveAgentDashboard_Av_Busy';
import L_Av_BusyIdle from '@salesforce/label/c.LiveAgentDashboard_Av_BusyIdle';
import L_Av_DoNotDisturb from '@salesforce/label/c.LiveAgentDashboard_Av_DoNotDisturb';
import L_Av_Offline from '@salesforce/label/c.LiveAgentDashboard_Av_Offline';
import L_Av_PresenceUnknown from '@salesforce/label/c.LiveAgentDashboard_Av_PresenceUnknown';
import L_Ac_InACall from '@salesforce/label/c.LiveAgentDashboard_Ac_InACall';
import L_Ac_InAConferenceCall from '@salesforce/label/c.LiveAgentDashboard_Ac_InAConferenceCall';
import L_Ac_InAMeeting from '@salesforce/label/c.LiveAgentDashboard_Ac_InAMeeting';
import L_Ac_Presenting from '@salesforce/label/c.LiveAgentDashboard_Ac_Presenting';
import L_Ac_OffWork from '@salesforce/label/c.LiveAgentDashboard_Ac_OffWork';
import L_Ac_OutOfOffice from '@salesforce/label/c.LiveAgentDashboard_Ac_OutOfOffice';
import L_Ac_Inactive from '@salesforce/label/c.LiveAgentDashboard_Ac_Inactive';
import L_Ac_Focusing from '@salesforce/label/c.LiveAgentDashboard_Ac_Focusing';
import L_Ac_UrgentInterruptionsOnly from '@salesforce/label/c.LiveAgentDashboard_Ac_UrgentInterruptionsOnly';
import L_Ac_AvailableInactive from '@salesforce/label/c.LiveAgentDashboard_Ac_AvailableInactive';

export const UI = {
    Title: L_Title,
    AgentsCaption: L_AgentsCaption,
    ColAgent: L_ColAgent,
    ColOmni: L_ColOmni,
    ColSince: L_ColSince,
    ColTeams: L_ColTeams,
    ColAgreement: L_ColAgreement,
    ColLastRead: L_ColLastRead,
    ColHealth: L_ColHealth,
    ColLastSync: L_ColLastSync,
    StaleHelp: L_StaleHelp,
    Summary: L_Summary,
    Mismatches: L_Mismatches,
    SetupFilter: L_SetupFilter,
    AllSetups: L_AllSetups,
    ClearFilters: L_ClearFilters,
    SortBy: L_SortBy,
    Filters: L_Filters,
    StatusFilter: L_StatusFilter,
    AllStatuses: L_AllStatuses,
    MismatchOnly: L_MismatchOnly,
    Search: L_Search,
    Refresh: L_Refresh,
    Refreshing: L_Refreshing,
    LastRefresh: L_LastRefresh,
    NextRefresh: L_NextRefresh,
    NotRefreshed: L_NotRefreshed,
    Throttled: L_Throttled,
    ReadFailed: L_ReadFailed,
    SignInRequired: L_SignInRequired,
    Connect: L_Connect,
    LoadFailed: L_LoadFailed,
    ConfigurationsFailed: L_ConfigurationsFailed,
    NoAzureApp: L_NoAzureApp,
    Loading: L_Loading,
    NoAgents: L_NoAgents,
    Showing: L_Showing,
    Pages: L_Pages,
    PrevPage: L_PrevPage,
    NextPage: L_NextPage,
    PageOf: L_PageOf,
    FirstPage: L_FirstPage,
    LastPage: L_LastPage,
    GoToPage: L_GoToPage,
    NoneShown: L_NoneShown,
    NotConnectedHelp: L_NotConnectedHelp,
    ReadFailedForbidden: L_ReadFailedForbidden,
    ReadFailedNetwork: L_ReadFailedNetwork,
    ReadFailedServer: L_ReadFailedServer,
    Match: L_Match,
    Mismatch: L_Mismatch,
    MismatchExpected: L_MismatchExpected,
    NotCompared: L_NotCompared,
    NotConnected: L_NotConnected,
    NotRead: L_NotRead,
    LoggedOut: L_LoggedOut,
    Never: L_Never,
    Seconds: L_Seconds,
    Minutes: L_Minutes,
    Hours: L_Hours
};

/** Teams availability names (the Graph value -> the words). */
export const AVAILABILITY: Readonly<Record<string, string>> = {
    Available: L_Av_Available,
    AvailableIdle: L_Av_AvailableIdle,
    Away: L_Av_Away,
    BeRightBack: L_Av_BeRightBack,
    Busy: L_Av_Busy,
    BusyIdle: L_Av_BusyIdle,
    DoNotDisturb: L_Av_DoNotDisturb,
    Offline: L_Av_Offline,
    PresenceUnknown: L_Av_PresenceUnknown
};

/** Teams activity names that differ from an availability name. */
export const ACTIVITY: Readonly<Record<string, string>> = {
    InACall: L_Ac_InACall,
    InAConferenceCall: L_Ac_InAConferenceCall,
    InAMeeting: L_Ac_InAMeeting,
    Presenting: L_Ac_Presenting,
    OffWork: L_Ac_OffWork,
    OutOfOffice: L_Ac_OutOfOffice,
    Inactive: L_Ac_Inactive,
    Focusing: L_Ac_Focusing,
    UrgentInterruptionsOnly: L_Ac_UrgentInterruptionsOnly,
    AvailableInactive: L_Ac_AvailableInactive
};

/** The label names, for the test that checks they exist and are translated. */
export const LABEL_NAMES: readonly string[] = [
    'LiveAgentDashboard_Title',
    'LiveAgentDashboard_AgentsCaption',
    'LiveAgentDashboard_ColAgent',
    'LiveAgentDashboard_ColOmni',
    'LiveAgentDashboard_ColSince',
    'LiveAgentDashboard_ColTeams',
    'LiveAgentDashboard_ColAgreement',
    'LiveAgentDashboard_ColLastRead',
    'LiveAgentDashboard_ColHealth',
    'LiveAgentDashboard_ColLastSync',
    'LiveAgentDashboard_Health_syncing',
    'LiveAgentDashboard_Health_paused',
    'LiveAgentDashboard_Health_signInRequired',
    'LiveAgentDashboard_Health_throttled',
    'LiveAgentDashboard_Health_configurationBroken',
    'LiveAgentDashboard_Health_stale',
    'LiveAgentDashboard_Health_neverConnected',
    'LiveAgentDashboard_StaleHelp',
    'LiveAgentDashboard_Summary',
    'LiveAgentDashboard_Mismatches',
    'LiveAgentDashboard_SetupFilter',
    'LiveAgentDashboard_AllSetups',
    'LiveAgentDashboard_ClearFilters',
    'LiveAgentDashboard_SortBy',
    'LiveAgentDashboard_Filters',
    'LiveAgentDashboard_StatusFilter',
    'LiveAgentDashboard_AllStatuses',
    'LiveAgentDashboard_MismatchOnly',
    'LiveAgentDashboard_Search',
    'LiveAgentDashboard_Refresh',
    'LiveAgentDashboard_Refreshing',
    'LiveAgentDashboard_LastRefresh',
    'LiveAgentDashboard_NextRefresh',
    'LiveAgentDashboard_NotRefreshed',
    'LiveAgentDashboard_Throttled',
    'LiveAgentDashboard_ReadFailed',
    'LiveAgentDashboard_SignInRequired',
    'LiveAgentDashboard_Connect',
    'LiveAgentDashboard_LoadFailed',
    'LiveAgentDashboard_ConfigurationsFailed',
    'LiveAgentDashboard_NoAzureApp',
    'LiveAgentDashboard_Loading',
    'LiveAgentDashboard_NoAgents',
    'LiveAgentDashboard_Showing',
    'LiveAgentDashboard_Pages',
    'LiveAgentDashboard_PrevPage',
    'LiveAgentDashboard_NextPage',
    'LiveAgentDashboard_PageOf',
    'LiveAgentDashboard_FirstPage',
    'LiveAgentDashboard_LastPage',
    'LiveAgentDashboard_GoToPage',
    'LiveAgentDashboard_NoneShown',
    'LiveAgentDashboard_NotConnectedHelp',
    'LiveAgentDashboard_ReadFailedForbidden',
    'LiveAgentDashboard_ReadFailedNetwork',
    'LiveAgentDashboard_ReadFailedServer',
    'LiveAgentDashboard_Match',
    'LiveAgentDashboard_Mismatch',
    'LiveAgentDashboard_MismatchExpected',
    'LiveAgentDashboard_NotCompared',
    'LiveAgentDashboard_NotConnected',
    'LiveAgentDashboard_NotRead',
    'LiveAgentDashboard_LoggedOut',
    'LiveAgentDashboard_Never',
    'LiveAgentDashboard_Seconds',
    'LiveAgentDashboard_Minutes',
    'LiveAgentDashboard_Hours',
    'LiveAgentDashboard_Av_Available',
    'LiveAgentDashboard_Av_AvailableIdle',
    'LiveAgentDashboard_Av_Away',
    'LiveAgentDashboard_Av_BeRightBack',
    'LiveAgentDashboard_Av_Busy',
    'LiveAgentDashboard_Av_BusyIdle',
    'LiveAgentDashboard_Av_DoNotDisturb',
    'LiveAgentDashboard_Av_Offline',
    'LiveAgentDashboard_Av_PresenceUnknown',
    'LiveAgentDashboard_Ac_InACall',
    'LiveAgentDashboard_Ac_InAConferenceCall',
    'LiveAgentDashboard_Ac_InAMeeting',
    'LiveAgentDashboard_Ac_Presenting',
    'LiveAgentDashboard_Ac_OffWork',
    'LiveAgentDashboard_Ac_OutOfOffice',
    'LiveAgentDashboard_Ac_Inactive',
    'LiveAgentDashboard_Ac_Focusing',
    'LiveAgentDashboard_Ac_UrgentInterruptionsOnly',
    'LiveAgentDashboard_Ac_AvailableInactive'
];

/** The sync health states in words (model.ts SyncHealthState). */
export const HEALTH: Record<string, string> = {
    syncing: L_Health_syncing,
    paused: L_Health_paused,
    signInRequired: L_Health_signInRequired,
    throttled: L_Health_throttled,
    configurationBroken: L_Health_configurationBroken,
    stale: L_Health_stale,
    neverConnected: L_Health_neverConnected
};
