/*
 * The platform the dashboard is bound to: the Apex controller (agents and their Omni status), the
 * configurations through lightning/graphql (the same query the agent's connector uses), and the Teams
 * bridge client. Tests replace this module.
 */
import getAgents from '@salesforce/apex/LiveAgentDashboardController.getAgents';
import getStatuses from '@salesforce/apex/PresenceStatusController.getStatuses';
import { graphql } from 'lightning/graphql';
import { CONFIGURATION_QUERY, graphqlError, readConfiguration, wireQuery } from 'c/presenceSyncConfig';
import type { WireAdapterClass } from 'c/presenceSyncConfig';
import { parseConfiguration } from 'c/presenceSyncCore';
import type { Configuration } from 'c/presenceSyncCore';
import PresenceSyncBridge from 'c/presenceSyncBridge';
import { bridgeUrlFor } from 'c/presenceSyncBridgeProtocol';
import type { BridgeEvent } from 'c/presenceSyncBridgeProtocol';
import { parseAgents, parseSignInHint } from './model';
import type { AgentRecord } from './model';

/**
 * The agents of the supervisor's Call Center Setups with their current Omni status, and the supervisor's
 * Microsoft sign-in hint for the bridge (Apex).
 */
export async function loadAgents(): Promise<{ agents: AgentRecord[]; signInHint: string | null }> {
    const raw: unknown = await getAgents();
    return { agents: parseAgents(raw), signInHint: parseSignInHint(raw) };
}

/**
 * The labels of the org's Omni-Channel statuses by DeveloperName, as agents and supervisors see them
 * (PresenceStatusController, the same read the agent's connector makes).
 */
export async function loadStatusLabels(): Promise<Map<string, string>> {
    const raw: unknown = await getStatuses();
    const labels = new Map<string, string>();
    if (!Array.isArray(raw)) return labels;
    for (const item of raw as { developerName?: unknown; masterLabel?: unknown }[]) {
        if (typeof item?.developerName === 'string' && typeof item.masterLabel === 'string') {
            labels.set(item.developerName, item.masterLabel);
        }
    }
    return labels;
}

/** The configurations by Id; one that is missing or invalid is left out (its agents are not compared). */
export async function loadConfigurations(ids: readonly string[]): Promise<Map<string, Configuration>> {
    const query = wireQuery(graphql as unknown as WireAdapterClass);
    const entries = await Promise.all(
        ids.map(async (configurationId): Promise<[string, Configuration] | null> => {
            try {
                const result = await query(CONFIGURATION_QUERY, { configurationId });
                const found = graphqlError(result) === null ? readConfiguration(result.data) : null;
                const parsed = found === null ? null : parseConfiguration(found.record);
                return parsed !== null && parsed.ok ? [configurationId, parsed.configuration] : null;
            } catch {
                return null;
            }
        })
    );
    return new Map(entries.filter((e): e is [string, Configuration] => e !== null));
}

/** The Teams bridge page of this org (null: the page is not on a Lightning origin). */
export function bridgeUrl(): string | null {
    return bridgeUrlFor(window.location.origin);
}

export function createBridge(
    url: string,
    container: HTMLElement,
    onEvent: (event: BridgeEvent) => void
): PresenceSyncBridge {
    return new PresenceSyncBridge({ bridgeUrl: url, container, onEvent });
}
