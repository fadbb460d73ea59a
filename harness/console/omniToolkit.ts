/// <reference lib="dom" />
/**
 * A fake Omni-Channel toolkit (`lightning:omniToolkitAPI`) and the Omni events it raises, as the console
 * shell's Aura host stand-in sees them. Documented behaviour modelled:
 * - `setServicePresenceStatus({ statusId })` logs the agent in if needed and resolves to
 *   `{ statusName, statusApiName, statusId, channels }`; an unknown status id rejects; the agent has only
 *   the statuses their permission sets give access to (`servicePresenceStatusAccesses`): the widget
 *   offers no other and setting another rejects;
 * - `logout()` resolves true; `getServicePresenceStatusId()` resolves `{ statusId, statusName, statusApiName }`
 *   and rejects while logged out;
 * - `lightning:omniChannelStatusChanged` carries `reason`: OmniManualStatusChange (the agent's picker),
 *   OmniToolkitStatusChange (a toolkit call), OmniSupervisorStatusChange, OmniLoginStatusChange (the
 *   status the agent logs in with); `lightning:omniChannelLogout` carries a reason (OmniSupervisorLogout,
 *   or empty); events arrive asynchronously, after the call that caused them resolved.
 * Status ids in events and toolkit answers are 15 characters, while Apex returns 18: consumers must
 * compare on the first 15 (docs/connector-contracts.md section 1).
 */
import type { ServicePresenceStatusRecord } from '../platform/types';

export type OmniReason =
    | 'OmniManualStatusChange'
    | 'OmniToolkitStatusChange'
    | 'OmniSupervisorStatusChange'
    | 'OmniLoginStatusChange'
    | 'OmniPushTimeout'
    | 'OmniDeclineWork';

export type OmniEvent =
    | {
          type: 'statusChanged';
          statusId: string;
          statusApiName: string;
          statusName: string;
          reason: OmniReason;
      }
    | { type: 'loginSuccess'; statusId: string }
    | { type: 'logout'; reason: string }
    | { type: 'workAccepted'; workItemId: string; workId: string }
    | { type: 'workClosed'; workItemId: string; workId: string };

export interface OmniStatus {
    statusId: string;
    statusApiName: string;
    statusName: string;
}

export class FakeOmniToolkit {
    private current: OmniStatus | undefined;
    private readonly listeners = new Set<(event: OmniEvent) => void>();
    private works = 0;
    private openWork: { workItemId: string; workId: string } | undefined;
    readonly statuses: OmniStatus[];

    constructor(
        statuses: ServicePresenceStatusRecord[],
        granted: (developerName: string) => boolean = () => true
    ) {
        this.statuses = statuses
            .filter((s) => granted(s.DeveloperName))
            .map((s) => ({
                statusId: s.Id.slice(0, 15),
                statusApiName: s.DeveloperName,
                statusName: s.MasterLabel
            }));
    }

    get status(): OmniStatus | undefined {
        return this.current;
    }

    get work(): { workItemId: string; workId: string } | undefined {
        return this.openWork;
    }

    /**
     * Listens to the toolkit's events. `first`: this listener hears each event before the ones added
     * earlier (the Aura host's relay to the connector among them); the benches stamp an event there, so
     * that the connector's own handling counts in what they measure.
     */
    onEvent(listener: (event: OmniEvent) => void, options: { first?: boolean } = {}): () => void {
        if (options.first) {
            const rest = [...this.listeners];
            this.listeners.clear();
            this.listeners.add(listener);
            for (const l of rest) this.listeners.add(l);
        } else {
            this.listeners.add(listener);
        }
        return () => this.listeners.delete(listener);
    }

    private emit(event: OmniEvent): void {
        setTimeout(() => {
            for (const l of this.listeners) l(event);
        }, 0);
    }

    private byId(statusId: unknown): OmniStatus | undefined {
        return typeof statusId === 'string' && statusId.length >= 15
            ? this.statuses.find((s) => s.statusId === statusId.slice(0, 15))
            : undefined;
    }

    private become(status: OmniStatus, reason: OmniReason): void {
        const wasLoggedOut = this.current === undefined;
        this.current = status;
        if (wasLoggedOut) this.emit({ type: 'loginSuccess', statusId: status.statusId });
        this.emit({
            type: 'statusChanged',
            ...status,
            reason: wasLoggedOut ? 'OmniLoginStatusChange' : reason
        });
    }

    // --- toolkit API (what the Aura host calls) ----------------------------------------------------

    async setServicePresenceStatus(args: { statusId?: string }): Promise<OmniStatus & { channels: string }> {
        const status = this.byId(args?.statusId);
        if (!status) throw new Error(`Invalid status id: ${String(args?.statusId)}`);
        const wasLoggedOut = this.current === undefined;
        this.current = status;
        if (wasLoggedOut) this.emit({ type: 'loginSuccess', statusId: status.statusId });
        this.emit({ type: 'statusChanged', ...status, reason: 'OmniToolkitStatusChange' });
        return { ...status, channels: '[]' };
    }

    async logout(): Promise<boolean> {
        if (this.current !== undefined) {
            this.current = undefined;
            this.emit({ type: 'logout', reason: '' });
        }
        return true;
    }

    async getServicePresenceStatusId(): Promise<OmniStatus> {
        if (!this.current) throw new Error('The agent is not logged in to Omni-Channel');
        return { ...this.current };
    }

    // --- what people do in the console ---------------------------------------------------------

    /** The agent picks a status in the Omni-Channel widget (Offline: logs out). */
    pick(statusApiName: string): void {
        if (statusApiName === 'Offline') {
            if (this.current !== undefined) {
                this.current = undefined;
                this.emit({ type: 'logout', reason: '' });
            }
            return;
        }
        const status = this.statuses.find((s) => s.statusApiName === statusApiName);
        if (status) this.become(status, 'OmniManualStatusChange');
    }

    /** A supervisor changes the agent's status (Offline: logs the agent out) from Omni Supervisor. */
    supervisorChange(statusApiName: string): void {
        if (statusApiName === 'Offline') {
            if (this.current !== undefined) {
                this.current = undefined;
                this.emit({ type: 'logout', reason: 'OmniSupervisorLogout' });
            }
            return;
        }
        const status = this.statuses.find((s) => s.statusApiName === statusApiName);
        if (status) this.become(status, 'OmniSupervisorStatusChange');
    }

    acceptWork(): void {
        this.works += 1;
        const n = String(this.works).padStart(4, '0');
        this.openWork = { workItemId: `0LQHn0000000${n}`, workId: `0BzHn0000000${n}` };
        this.emit({ type: 'workAccepted', ...this.openWork });
    }

    closeWork(): void {
        if (!this.openWork) return;
        this.emit({ type: 'workClosed', ...this.openWork });
        this.openWork = undefined;
    }
}

export interface OmniCommand {
    type: 'setStatus' | 'logout' | 'getCurrentStatus';
    id: string;
    statusId?: string;
}

export interface ConnectorElement extends HTMLElement {
    omniEvent?: (event: unknown) => void;
    omniCommandResult?: (result: { id: string; ok: boolean; error?: string }) => void;
}

/**
 * The JS stand-in of the Aura utility `ctiDataConnectorUtility` (docs/connector-contracts.md section 1):
 * relays the toolkit's events into `connector.omniEvent(e)`, runs the connector's `omnicommand` events
 * with the toolkit and answers each with `connector.omniCommandResult({ id, ok, error? })` exactly once.
 */
export class AuraHostStandIn {
    readonly log: string[] = [];

    constructor(
        private readonly connector: ConnectorElement,
        private readonly toolkit: FakeOmniToolkit,
        private readonly onLog: (line: string) => void = () => undefined
    ) {
        toolkit.onEvent((event) => this.relay(event));
        connector.addEventListener('omnicommand', (event) => {
            void this.run((event as CustomEvent<OmniCommand>).detail);
        });
    }

    /** The Aura init handler: the current status (all null while logged out). */
    async init(): Promise<void> {
        await this.relayCurrentStatus();
    }

    private record(line: string): void {
        this.log.push(line);
        this.onLog(line);
    }

    private relay(event: unknown): void {
        this.record(`event → connector: ${JSON.stringify(event)}`);
        this.connector.omniEvent?.(event);
    }

    private async relayCurrentStatus(): Promise<void> {
        try {
            const s = await this.toolkit.getServicePresenceStatusId();
            this.relay({ type: 'currentStatus', ...s });
        } catch {
            this.relay({ type: 'currentStatus', statusId: null, statusApiName: null, statusName: null });
        }
    }

    private answer(result: { id: string; ok: boolean; error?: string }): void {
        this.record(`result → connector: ${JSON.stringify(result)}`);
        this.connector.omniCommandResult?.(result);
    }

    private async run(command: OmniCommand | undefined): Promise<void> {
        if (!command || typeof command.id !== 'string') return;
        this.record(`command ← connector: ${JSON.stringify(command)}`);
        try {
            switch (command.type) {
                case 'setStatus':
                    await this.toolkit.setServicePresenceStatus({ statusId: command.statusId });
                    break;
                case 'logout':
                    await this.toolkit.logout();
                    break;
                case 'getCurrentStatus':
                    await this.relayCurrentStatus();
                    break;
                default:
                    throw new Error(`unknown command ${String((command as { type?: unknown }).type)}`);
            }
            this.answer({ id: command.id, ok: true });
        } catch (e) {
            this.answer({ id: command.id, ok: false, error: e instanceof Error ? e.message : String(e) });
        }
    }
}
