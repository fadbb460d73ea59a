/*
 * The platform the dashboard is bound to: the Apex controller (agents and their Omni status) and the
 * Teams bridge client. (The configurations come through the component's own GraphQL wire.) Tests
 * replace this module.
 */
import getAgents from '@salesforce/apex/LiveAgentDashboardController.getAgents';
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
