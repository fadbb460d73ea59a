/**
 * Names shared by the Node side (org snapshot, page builder) and the browser side (fakes, shell).
 */

/**
 * The harness's users. Each has the "minimum access" profile (no permission on the project's objects) and
 * exactly one of the project's permission sets, as the README tells admins to assign them; the fakes read
 * the permission sets from force-app/main/default/permissionsets.
 */
/** The running user of the console shell: the agent (its Id is what `@salesforce/user/Id` gives). */
export const AGENT = {
    Id: '005Hn0000000001IAA',
    Name: 'Ada Agent',
    Username: 'ada.agent@acme.example.sf',
    email: 'ada.agent@acme.example',
    permissionSets: ['PresenceSyncAgent']
} as const;

/** The supervisor the dashboard page runs as (a harness directory user with Presence.Read.All consent). */
export const SUPERVISOR = {
    Id: '005Hn0000000002IAA',
    Name: 'Sue Supervisor',
    Username: 'sue.supervisor@acme.example.sf',
    email: 'sue.supervisor@acme.example',
    permissionSets: ['PresenceSyncSupervisor']
} as const;

/** The admin the setup page (Authorize Meeting Application) runs as. */
export const ADMIN = {
    Id: '005Hn0000000003IAA',
    Name: 'Alex Admin',
    Username: 'alex.admin@acme.example.sf',
    email: 'alex.admin@acme.example',
    permissionSets: ['PresenceSyncAdmin']
} as const;

export type HarnessUserKey = 'agent' | 'supervisor' | 'admin';

export const HARNESS_USERS: Record<
    HarnessUserKey,
    { Id: string; Name: string; Username: string; email: string; permissionSets: readonly string[] }
> = { agent: AGENT, supervisor: SUPERVISOR, admin: ADMIN };

/**
 * The session cookie of the harness's Salesforce site (both origins), naming the user a page runs as, as
 * the platform's session does: the Visualforce origin checks page access for that user.
 */
export const SESSION_COOKIE = 'harness_sid';

/**
 * The session user's language on both origins (`de` when the Lightning page was opened with `?lang=de`):
 * Visualforce renders Custom Labels and `$User.LanguageLocaleKey` in the session user's language.
 */
export const LANGUAGE_COOKIE = 'harness_lang';

/** The utility bar item that hosts the connector (what EnclosingUtilityId gives inside it). */
export const CONNECTOR_UTILITY_ID = 'utility-cti-data-connector';

/** localStorage key of the harness org (shared by the tabs of one browser profile, like a server). */
export const ORG_STORE_KEY = 'presenceSyncHarness.org.v1';

/** Call Center Setup choices of the configuration picker; the key is what `?setup=` takes. */
export const SETUPS = [
    { key: 'phone', name: 'Phone System floor', phoneSystem: 'TAPI', configuration: 1 },
    { key: 'swyx', name: 'Swyx floor', phoneSystem: 'Swyx', configuration: 2 },
    { key: '3cx', name: '3CX floor', phoneSystem: '3CX', configuration: 3 },
    { key: 'broken', name: 'Broken setup (harness)', phoneSystem: 'TAPI', configuration: 'broken' },
    { key: 'none', name: 'No Call Center Setup', phoneSystem: '', configuration: null }
] as const;

export type SetupKey = (typeof SETUPS)[number]['key'];

/** Name of the deliberately broken configuration the harness adds (not part of the data plan). */
export const BROKEN_CONFIGURATION_NAME = 'Broken - Presence State (harness)';

/**
 * PollIntervalSeconds__c of every configuration in the console shell's org (the data plan says 10 s, the
 * delivered default): a short floor so that a Teams change reaches Salesforce within seconds in
 * `npm start` and the browser tests. One agent stays far inside the tenant budget at this rate.
 */
export const HARNESS_POLL_INTERVAL_SECONDS = 2;

/**
 * The presence statuses a customer org already has before the app arrives (Omni-Channel setup creates
 * them; most orgs name them like this). The project does not ship them, so that a deploy or package
 * install never overwrites the org's own statuses and their service channels (docs/data-model.md,
 * "Omni-Channel presence statuses"). The org's own Omni-Channel set-up gives its agents these statuses
 * (through their profile), so the harness agent may use them without the app's permission set.
 */
export const ORG_OWN_STATUSES: readonly { developerName: string; label: string }[] = [
    { developerName: 'Available', label: 'Available' },
    { developerName: 'Busy', label: 'Busy' },
    { developerName: 'Away', label: 'Away' }
];
