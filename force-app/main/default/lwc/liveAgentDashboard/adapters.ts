/*
 * The platform the dashboard is bound to: the Apex controller (agents and their Omni status) and the
 * Teams bridge client. (The configurations come through the component's own GraphQL wire.) Tests
 * replace this module.
 */
import getAgents from '@salesforce/apex/LiveAgentDashboardController.getAgents';
import getStatuses from '@salesforce/apex/PresenceStatusController.getStatuses';
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
