/*
 * Fake ports for the runner's tests (not a suite: jest runs only *.test.ts). Every port call is recorded
 * with a pending promise the test settles by hand, so ordering and exactly-once replies are observable.
 */
import { DELIVERED_CONFIGURATIONS } from 'c/presenceSyncDefaults';
import { parseConfiguration } from 'c/presenceSyncCore';
import type { Configuration } from 'c/presenceSyncCore';
import { browserClock } from 'c/presenceSyncRunner';
import type { RunnerPorts } from 'c/presenceSyncRunner';

export const T0 = 1_700_000_000_000;

export interface PortCall {
    method: string;
    args: unknown[];
    settled: boolean;
    resolve(value?: unknown): void;
    reject(reason: unknown): void;
}

export interface Grant {
    lockName: string;
    onLeader: () => void;
    onFollower?: () => void;
    released: boolean;
}

export interface Fakes {
    ports: RunnerPorts;
    calls: PortCall[];
    grants: Grant[];
    reasonCodes: string[];
    reasonStatuses: (string | null | undefined)[];
    /** the unsettled calls of a method, oldest first */
    open(method: string): PortCall[];
    /** the oldest unsettled call of a method; fails when there is none */
    next(method: string): PortCall;
    methods(): string[];
}

export function deliveredConfig(index = 0, overrides: Partial<Configuration> = {}): Configuration {
    const parsed = parseConfiguration(DELIVERED_CONFIGURATIONS[index]);
    if (!parsed.ok) throw new Error(`delivered configuration ${index} does not parse`);
    return { ...parsed.configuration, ...overrides };
}

/** Lets every settled promise run its handlers (fake timers do not touch promises). */
export function flush(): Promise<void> {
    let chain = Promise.resolve();
    for (let i = 0; i < 20; i++) chain = chain.then(() => undefined);
    return chain;
}

export function fakePorts(options: { grantAtOnce?: boolean } = {}): Fakes {
    const calls: PortCall[] = [];
    const grants: Grant[] = [];
    const reasonCodes: string[] = [];
    const reasonStatuses: (string | null | undefined)[] = [];
    const pending =
        (method: string) =>
        (...args: unknown[]): Promise<never> =>
            new Promise((resolve, reject) => {
                const call: PortCall = {
                    method,
                    args,
                    settled: false,
                    resolve: (value?: unknown) => {
                        call.settled = true;
                        resolve(value as never);
                    },
                    reject: (reason: unknown) => {
                        call.settled = true;
                        reject(reason);
                    }
                };
                calls.push(call);
            });
    const ports: RunnerPorts = {
        teams: {
            getPresence: pending('getPresence'),
            setPresence: pending('setPresence'),
            clearPresence: pending('clearPresence'),
            setPreferredPresence: pending('setPreferredPresence'),
            clearPreferredPresence: pending('clearPreferredPresence'),
            setStatusMessage: pending('setStatusMessage'),
            connect: pending('connect'),
            disconnect: pending('disconnect')
        },
        omni: { setStatus: pending('omni.setStatus'), logout: pending('omni.logout') },
        phone: {
            setReasonCode: (code, statusApiName) => {
                reasonCodes.push(code);
                reasonStatuses.push(statusApiName);
            }
        },
        clock: browserClock(),
        random: () => 0.5,
        tenant: { agentsSharingApp: pending('tenant.agentsSharingApp') },
        leadership: {
            acquire: (lockName, onLeader, onFollower) => {
                const grant: Grant = { lockName, onLeader, onFollower, released: false };
                grants.push(grant);
                if (options.grantAtOnce !== false) onLeader();
                return {
                    release: () => {
                        grant.released = true;
                    }
                };
            }
        }
    };
    const open = (method: string): PortCall[] => calls.filter((c) => c.method === method && !c.settled);
    return {
        ports,
        calls,
        grants,
        reasonCodes,
        reasonStatuses,
        open,
        next(method) {
            const call = open(method)[0];
            if (call === undefined) {
                throw new Error(`no open ${method} call; calls: ${calls.map((c) => c.method).join(', ')}`);
            }
            return call;
        },
        methods: () => calls.map((c) => c.method)
    };
}
