/*
 * The Teams port over the bridge client (c/presenceSyncBridge): the bridge answers every request with a
 * result or a typed error and never rejects; the port resolves with the result or rejects with that
 * BridgeError, as RunnerPorts.teams promises.
 */
import type { BridgeResult } from 'c/presenceSyncBridge';
import type { RequestParams, RequestType, ResultMap } from 'c/presenceSyncBridgeProtocol';
import type { TeamsPort } from './ports';

/** The two methods of PresenceSyncBridge the port uses. */
export interface BridgeClient {
    request<T extends RequestType>(type: T, params: RequestParams[T]): Promise<BridgeResult<ResultMap[T]>>;
    connect(): Promise<BridgeResult<ResultMap['connect']>>;
}

function unwrap<T>(result: BridgeResult<T>): T {
    if (result.ok) return result.value;
    throw result.error;
}

function done(): void {
    // the bridge's empty result means success
}

export function bridgeTeamsPort(bridge: BridgeClient): TeamsPort {
    return {
        getPresence: () =>
            bridge.request('getPresence', {}).then((result) => {
                const reading = unwrap(result);
                const presence: {
                    availability: string;
                    activity: string;
                    sequenceNumber?: string;
                    statusMessage?: string;
                } = {
                    availability: reading.availability,
                    activity: reading.activity
                };
                if (reading.sequenceNumber !== undefined) presence.sequenceNumber = reading.sequenceNumber;
                if (reading.statusMessage !== undefined) presence.statusMessage = reading.statusMessage;
                return presence;
            }),
        setPresence: (p) =>
            bridge
                .request('setPresence', {
                    availability: p.availability,
                    activity: p.activity,
                    expirationDuration: p.expirationDuration
                })
                .then(unwrap)
                .then(done),
        clearPresence: (keepalive) => bridge.request('clearPresence', { keepalive }).then(unwrap).then(done),
        setPreferredPresence: (p) => {
            const params: RequestParams['setPreferredPresence'] = {
                availability: p.availability,
                activity: p.activity
            };
            if (p.expirationDuration !== undefined) params.expirationDuration = p.expirationDuration;
            return bridge.request('setPreferredPresence', params).then(unwrap).then(done);
        },
        clearPreferredPresence: (keepalive) =>
            bridge.request('clearPreferredPresence', { keepalive }).then(unwrap).then(done),
        setStatusMessage: (content, expiresAt) => {
            const params: RequestParams['setStatusMessage'] = { content };
            if (expiresAt !== undefined) params.expiresAt = expiresAt;
            return bridge.request('setStatusMessage', params).then(unwrap).then(done);
        },
        connect: () => bridge.connect().then(unwrap).then(done),
        disconnect: () => bridge.request('disconnect', {}).then(unwrap).then(done)
    };
}
