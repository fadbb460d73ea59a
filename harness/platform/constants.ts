/**
 * Names shared by the Node side (org snapshot, page builder) and the browser side (fakes, shell).
 */

/** The running user of the console shell: the agent (its Id is what `@salesforce/user/Id` gives). */
export const AGENT = {
    Id: '005Hn0000000001IAA',
    Name: 'Ada Agent',
    Username: 'ada.agent@acme.example.sf'
} as const;

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
