/*
 * The GraphQL (lightning/graphql v2, UI API) queries of the agent's configuration. Results arrive under
 * `uiapi.query.<Object>.edges[].node` with `{ value }` wrappers; `first` is given everywhere (the default is
 * 10 records).
 */
import { gql } from 'lightning/graphql';

/**
 * Rows of one configuration read at most; more is reported, not silently cut. Rows come ordered by Name,
 * as on the Authorize Meeting Application page, so "row 17" means the same row to the agent and the admin.
 */
export const LABEL_LIMIT = 200;

/**
 * The agent's settings record: by UserKey__c (the user's Id) or, failing that, owned by the agent; and the
 * agent's own User name, which names a settings record created for them (every user can read their own
 * User record through the UI API: "Get Information About the Current User", LWC Developer Guide).
 */
export const SETTINGS_QUERY = gql`
    query presenceSyncSettings($userKey: String, $ownerId: ID) {
        uiapi {
            query {
                PresenceSyncUserSetting__c(
                    where: { or: [{ UserKey__c: { eq: $userKey } }, { OwnerId: { eq: $ownerId } }] }
                    first: 2
                ) {
                    edges {
                        node {
                            Id
                            UserKey__c {
                                value
                            }
                            Office365Email__c {
                                value
                            }
                            EntraObjectId__c {
                                value
                            }
                            EntraUserPrincipalName__c {
                                value
                            }
                            CallCenterSetup__c {
                                value
                            }
                            CallCenterSetup__r {
                                Name {
                                    value
                                }
                                PresenceStateConfiguration__c {
                                    value
                                }
                            }
                        }
                    }
                }
                User(where: { Id: { eq: $ownerId } }, first: 1) {
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

/** One Presence State Configuration with its rows. */
export const CONFIGURATION_QUERY = gql`
    query presenceSyncConfiguration($configurationId: ID) {
        uiapi {
            query {
                PresenceStateConfiguration__c(where: { Id: { eq: $configurationId } }, first: 1) {
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
                                        Id
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
                                pageInfo {
                                    hasNextPage
                                }
                            }
                        }
                    }
                }
            }
        }
    }
`;

/** The most configurations one CONFIGURATIONS_QUERY reads (a supervisor's agents use a few). */
export const CONFIGURATIONS_LIMIT = 50;

/**
 * Several Presence State Configurations with their rows, the fields of CONFIGURATION_QUERY but the call
 * status message (only the agent's connector writes it, and the supervisor's permission set does not
 * grant those fields), and the supervisors' own app registration (the supervisor dashboard: the
 * configurations of its agents; agents have no access to SupervisorAzureClientId__c and never query it).
 */
export const CONFIGURATIONS_QUERY = gql`
    query presenceSyncConfigurations($ids: [ID]) {
        uiapi {
            query {
                PresenceStateConfiguration__c(where: { Id: { in: $ids } }, first: 50) {
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
                            SupervisorAzureClientId__c {
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
                            ManualStatusPolicy__c {
                                value
                            }
                            PresenceStateLabels__r(first: 200, orderBy: { Name: { order: ASC } }) {
                                edges {
                                    node {
                                        Id
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
                                pageInfo {
                                    hasNextPage
                                }
                            }
                        }
                    }
                }
            }
        }
    }
`;
