import { transition } from 'c/presenceSyncCore';
import type { SyncCommand, SyncEvent, ViewModel } from 'c/presenceSyncCore';
import { LEADER_LOCK_NAME, PresenceSyncRunner, TENANT_REFRESH_MS, toBridgeError } from 'c/presenceSyncRunner';
import { deliveredConfig, fakePorts, flush, T0 } from './fakes';
import type { Fakes } from './fakes';

jest.mock('c/presenceSyncCore', () => {
    const actual = jest.requireActual('c/presenceSyncCore');
    return { ...actual, transition: jest.fn(actual.transition) };
});

const mockedTransition = transition as jest.MockedFunction<typeof transition>;

interface Setup {
    runner: PresenceSyncRunner;
    fakes: Fakes;
    views: ViewModel[];
    events: SyncEvent[];
}

/** the events of the current test's runner */
let recorded: SyncEvent[] = [];

/** A runner with fake ports; `events` records every event the runner dispatched to the core. */
function setUp(
    options: {
        grantAtOnce?: boolean;
        config?: ReturnType<typeof deliveredConfig>;
        callStatusMessage?: string;
    } = {}
): Setup {
    const fakes = fakePorts({ grantAtOnce: options.grantAtOnce });
    const views: ViewModel[] = [];
    const runner = new PresenceSyncRunner(
        options.config ?? deliveredConfig(),
        fakes.ports,
        (v) => views.push(v),
        options.callStatusMessage === undefined ? {} : { callStatusMessage: options.callStatusMessage }
    );
    const events: SyncEvent[] = [];
    recorded = events;
    mockedTransition.mockImplementation((state, event) => {
        events.push(event);
        return jest.requireActual('c/presenceSyncCore').transition(state, event);
    });
    return { runner, fakes, views, events };
}

/** Scripts the core's answer to the next event: exactly these commands. */
function nextCommands(commands: SyncCommand[]): void {
    mockedTransition.mockImplementationOnce((state, event) => {
        recorded.push(event);
        return [state, commands];
    });
}

/** Started, Omni Available, signed in, the first write acknowledged and read back: polling. */
async function syncing(
    options: { config?: ReturnType<typeof deliveredConfig>; callStatusMessage?: string } = {}
): Promise<Setup> {
    const setup = setUp(options);
    const { runner, fakes } = setup;
    runner.start();
    runner.dispatch({
        type: 'omniStatusChanged',
        at: T0,
        status: 'Available',
        reason: 'OmniLoginStatusChange'
    });
    runner.dispatch({ type: 'signedIn', at: T0 });
    fakes.next('setPresence').resolve();
    await flush();
    fakes.next('getPresence').resolve({ availability: 'Available', activity: 'Available' });
    await flush();
    // the reason code of the first status, published in a task after its event
    jest.advanceTimersByTime(0);
    return setup;
}

function ofType<T extends SyncEvent['type']>(
    events: SyncEvent[],
    type: T
): Extract<SyncEvent, { type: T }>[] {
    return events.filter((e): e is Extract<SyncEvent, { type: T }> => e.type === type);
}

beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
});

afterEach(() => {
    jest.clearAllTimers();
    jest.useRealTimers();
    mockedTransition.mockReset();
});

describe('c-presence-sync-runner', () => {
    describe('leadership', () => {
        it('asks for the leader lock on start, once, and feeds becameLeader when it is granted', () => {
            const { runner, fakes, events, views } = setUp({ grantAtOnce: false });

            runner.start();
            runner.start();

            expect(fakes.grants).toHaveLength(1);
            expect(fakes.grants[0].lockName).toBe(LEADER_LOCK_NAME);
            expect(events).toEqual([]);
            fakes.grants[0].onLeader();
            expect(events).toEqual([{ type: 'becameLeader', at: T0 }]);
            expect(views[views.length - 1].health).not.toBe('follower');
        });

        it('is a follower while another tab holds the lock and takes over when it is handed over', async () => {
            const { runner, fakes, events, views } = setUp({ grantAtOnce: false });
            runner.start();
            runner.dispatch({
                type: 'omniStatusChanged',
                at: T0,
                status: 'Available',
                reason: 'OmniLoginStatusChange'
            });
            runner.dispatch({ type: 'signedIn', at: T0 });

            fakes.grants[0].onFollower?.();
            await flush();

            expect(views[views.length - 1].health).toBe('follower');
            expect(fakes.calls).toEqual([]);

            jest.setSystemTime(T0 + 5000);
            fakes.grants[0].onLeader();
            fakes.grants[0].onFollower?.();
            fakes.grants[0].onLeader();

            expect(ofType(events, 'becameLeader')).toEqual([{ type: 'becameLeader', at: T0 + 5000 }]);
            expect(ofType(events, 'becameFollower')).toHaveLength(1);
            expect(fakes.methods()).toEqual(['setPresence']);
        });

        it('does not ask for the lock after dispose', () => {
            const { runner, fakes } = setUp();
            runner.dispose();
            runner.start();
            expect(fakes.grants).toEqual([]);
        });
    });

    describe('commands', () => {
        it('readTeams: reads Teams and echoes the generation and sequence number in teamsPresenceRead', async () => {
            const { runner, fakes, events } = setUp();
            nextCommands([{ type: 'readTeams', generation: 7 }]);
            runner.dispatch({ type: 'pageVisible', at: T0 });

            jest.setSystemTime(T0 + 250);
            fakes
                .next('getPresence')
                .resolve({ availability: 'Busy', activity: 'InACall', sequenceNumber: 'C9' });
            await flush();

            expect(ofType(events, 'teamsPresenceRead')).toEqual([
                {
                    type: 'teamsPresenceRead',
                    at: T0 + 250,
                    presence: { availability: 'Busy', activity: 'InACall' },
                    generation: 7,
                    sequenceNumber: 'C9'
                }
            ]);
        });

        it('readTeams: a failure becomes teamsReadFailed with the generation, the BridgeError and a random', async () => {
            const { runner, fakes, events } = setUp();
            nextCommands([{ type: 'readTeams', generation: 3 }]);
            runner.dispatch({ type: 'pageVisible', at: T0 });

            fakes.next('getPresence').reject({ kind: 'throttled', status: 429, retryAfter: '30' });
            await flush();

            expect(ofType(events, 'teamsReadFailed')).toEqual([
                {
                    type: 'teamsReadFailed',
                    at: T0,
                    generation: 3,
                    error: { kind: 'throttled', status: 429, retryAfter: '30' },
                    random: 0.5
                }
            ]);
        });

        it('performs each kind of Teams write with its parameters and acknowledges it by writeId', async () => {
            const { runner, fakes, events } = setUp();
            nextCommands([
                {
                    type: 'writeTeamsSession',
                    writeId: 1,
                    availability: 'Busy',
                    activity: 'InACall',
                    expirationDuration: 'PT10M'
                },
                { type: 'writeTeamsPreferred', writeId: 2, availability: 'Away', activity: 'Away' },
                {
                    type: 'writeTeamsPreferred',
                    writeId: 3,
                    availability: 'Busy',
                    activity: 'Busy',
                    expirationDuration: 'PT1H'
                },
                { type: 'clearTeamsSession', writeId: 4, keepalive: false },
                { type: 'clearTeamsPreferred', writeId: 5, keepalive: false }
            ]);
            runner.dispatch({ type: 'pageVisible', at: T0 });

            const settleOldest = async (): Promise<void> => {
                fakes.calls.filter((c) => !c.settled)[0].resolve();
                await flush();
            };
            await settleOldest();
            await settleOldest();
            await settleOldest();
            await settleOldest();
            await settleOldest();

            expect(fakes.calls.map((c) => [c.method, ...c.args])).toEqual([
                ['setPresence', { availability: 'Busy', activity: 'InACall', expirationDuration: 'PT10M' }],
                ['setPreferredPresence', { availability: 'Away', activity: 'Away' }],
                [
                    'setPreferredPresence',
                    { availability: 'Busy', activity: 'Busy', expirationDuration: 'PT1H' }
                ],
                ['clearPresence', false],
                ['clearPreferredPresence', false]
            ]);
            expect(ofType(events, 'teamsWriteAcknowledged').map((e) => e.writeId)).toEqual([1, 2, 3, 4, 5]);
        });

        it('performs Teams writes in command order: each starts only after the one before settled', async () => {
            const { runner, fakes, events } = setUp();
            nextCommands([
                { type: 'writeTeamsPreferred', writeId: 11, availability: 'Busy', activity: 'Busy' },
                { type: 'clearTeamsSession', writeId: 12, keepalive: false },
                { type: 'signOut' }
            ]);
            runner.dispatch({ type: 'pageVisible', at: T0 });
            await flush();

            expect(fakes.methods()).toEqual(['setPreferredPresence']);
            fakes.next('setPreferredPresence').reject({ kind: 'server', status: 503 });
            await flush();
            expect(fakes.methods()).toEqual(['setPreferredPresence', 'clearPresence']);
            fakes.next('clearPresence').resolve();
            await flush();
            // the disconnect waits for the clears: they still need the signed-in bridge
            expect(fakes.methods()).toEqual(['setPreferredPresence', 'clearPresence', 'disconnect']);
            expect(
                events.filter((e) => e.type === 'teamsWriteFailed' || e.type === 'teamsWriteAcknowledged')
            ).toEqual([
                {
                    type: 'teamsWriteFailed',
                    at: T0,
                    writeId: 11,
                    error: { kind: 'server', status: 503 },
                    random: 0.5
                },
                { type: 'teamsWriteAcknowledged', at: T0, writeId: 12 }
            ]);
        });

        it('sends a keepalive write at once, without waiting for the writes before it', async () => {
            const { runner, fakes } = setUp();
            nextCommands([
                {
                    type: 'writeTeamsSession',
                    writeId: 1,
                    availability: 'Available',
                    activity: 'Available',
                    expirationDuration: 'PT10M'
                }
            ]);
            runner.dispatch({ type: 'pageVisible', at: T0 });
            nextCommands([
                { type: 'clearTeamsSession', writeId: 2, keepalive: true },
                { type: 'clearTeamsPreferred', writeId: 3, keepalive: true }
            ]);
            runner.dispatch({ type: 'pageClosing', at: T0 });
            await flush();

            expect(fakes.calls.map((c) => [c.method, ...c.args])).toEqual([
                [
                    'setPresence',
                    { availability: 'Available', activity: 'Available', expirationDuration: 'PT10M' }
                ],
                ['clearPresence', true],
                ['clearPreferredPresence', true]
            ]);
        });

        it('answers every request exactly once, also when a port throws or rejects with a non-BridgeError', async () => {
            const { runner, fakes, events } = setUp();
            fakes.ports.teams.setPresence = () => {
                throw new TypeError('boom');
            };
            fakes.ports.teams.getPresence = () => Promise.reject(new Error('no'));
            nextCommands([
                {
                    type: 'writeTeamsSession',
                    writeId: 4,
                    availability: 'Available',
                    activity: 'Available',
                    expirationDuration: 'PT10M'
                },
                { type: 'readTeams', generation: 5 }
            ]);
            runner.dispatch({ type: 'pageVisible', at: T0 });
            await flush();
            await flush();

            expect(ofType(events, 'teamsWriteFailed')).toEqual([
                {
                    type: 'teamsWriteFailed',
                    at: T0,
                    writeId: 4,
                    error: { kind: 'network', detail: 'TypeError' },
                    random: 0.5
                }
            ]);
            expect(ofType(events, 'teamsReadFailed')).toEqual([
                {
                    type: 'teamsReadFailed',
                    at: T0,
                    generation: 5,
                    error: { kind: 'network', detail: 'Error' },
                    random: 0.5
                }
            ]);
        });

        it('setOmniStatus and logoutOmni go to the Omni port; a failure becomes omniCommandFailed', async () => {
            const { runner, fakes, events } = setUp();
            nextCommands([{ type: 'setOmniStatus', status: 'Busy' }, { type: 'logoutOmni' }]);
            runner.dispatch({ type: 'pageVisible', at: T0 });

            expect(fakes.calls.map((c) => [c.method, ...c.args])).toEqual([
                ['omni.setStatus', 'Busy'],
                ['omni.logout']
            ]);
            fakes.next('omni.setStatus').reject({ kind: 'timeout', detail: 'omniTimeout' });
            fakes.next('omni.logout').reject('refused');
            await flush();

            expect(ofType(events, 'omniCommandFailed')).toEqual([
                { type: 'omniCommandFailed', at: T0, status: 'Busy', detail: 'omniTimeout' },
                { type: 'omniCommandFailed', at: T0, status: 'Offline', detail: 'refused' }
            ]);
        });

        it('a successful Omni command feeds nothing back (Omni reports the status change itself)', async () => {
            const { runner, fakes, events } = setUp();
            nextCommands([{ type: 'setOmniStatus', status: 'Busy' }]);
            runner.dispatch({ type: 'pageVisible', at: T0 });
            fakes.next('omni.setStatus').resolve();
            await flush();
            expect(events.map((e) => e.type)).toEqual(['pageVisible']);
        });

        it('setPhoneReasonCode publishes the code in a task after the event; a throwing phone port stops nothing', () => {
            const { runner, fakes, views } = setUp();
            nextCommands([{ type: 'setPhoneReasonCode', code: 'DND' }]);
            runner.dispatch({ type: 'pageVisible', at: T0 });
            expect(fakes.reasonCodes).toEqual([]);
            jest.advanceTimersByTime(0);
            expect(fakes.reasonCodes).toEqual(['DND']);

            let thrown = 0;
            fakes.ports.phone.setReasonCode = (code) => {
                thrown += 1;
                throw new Error(`channel gone (${code})`);
            };
            const view = { health: 'syncing' } as ViewModel;
            nextCommands([
                { type: 'setPhoneReasonCode', code: 'AWAY' },
                { type: 'setPhoneReasonCode', code: 'BRB' },
                { type: 'showState', view }
            ]);
            runner.dispatch({ type: 'pageVisible', at: T0 });
            expect(views).toEqual([view]);
            jest.advanceTimersByTime(0);
            // the first throw does not stop the second code
            expect(thrown).toBe(2);
        });

        it("an Omni change's Teams write is posted before its reason code is published, and the codes keep their order", async () => {
            const { runner, fakes } = await syncing();
            const codesWhenWritten: string[][] = [];
            const setPresence = fakes.ports.teams.setPresence;
            fakes.ports.teams.setPresence = (presence) => {
                codesWhenWritten.push([...fakes.reasonCodes]);
                return setPresence(presence);
            };
            const before = fakes.reasonCodes.length;
            nextCommands([
                { type: 'setPhoneReasonCode', code: 'ON_CALL' },
                {
                    type: 'writeTeamsSession',
                    writeId: 7,
                    availability: 'Busy',
                    activity: 'InACall',
                    expirationDuration: 'PT5M'
                },
                { type: 'setPhoneReasonCode', code: 'AFTER' }
            ]);
            runner.dispatch({ type: 'pageVisible', at: T0 });

            expect(codesWhenWritten).toEqual([fakes.reasonCodes.slice(0, before)]);
            expect(fakes.reasonCodes.slice(before)).toEqual([]);
            jest.advanceTimersByTime(0);
            expect(fakes.reasonCodes.slice(before)).toEqual(['ON_CALL', 'AFTER']);
        });

        it('publishes nothing after dispose, not even the codes of an event just before it', () => {
            const { runner, fakes } = setUp();
            nextCommands([{ type: 'setPhoneReasonCode', code: 'OFFLINE' }]);
            runner.dispatch({ type: 'pageVisible', at: T0 });
            runner.dispose();
            jest.advanceTimersByTime(0);
            expect(fakes.reasonCodes).toEqual([]);
        });

        it('showState goes to onView; appendLog is kept by the core and not forwarded', () => {
            const { runner, fakes, views } = setUp();
            const view = { health: 'paused' } as ViewModel;
            nextCommands([
                { type: 'appendLog', entry: { at: T0, source: 'sync', from: null, to: null, reason: 'x' } },
                { type: 'showState', view }
            ]);
            runner.dispatch({ type: 'pageVisible', at: T0 });
            expect(views).toEqual([view]);
            expect(fakes.calls).toEqual([]);
        });

        it('a throwing onView does not stop the commands after it', () => {
            const fakes = fakePorts();
            const runner = new PresenceSyncRunner(deliveredConfig(), fakes.ports, () => {
                throw new Error('render failed');
            });
            nextCommands([
                { type: 'showState', view: { health: 'paused' } as ViewModel },
                { type: 'setPhoneReasonCode', code: 'BRB' }
            ]);
            runner.dispatch({ type: 'pageVisible', at: T0 });
            jest.advanceTimersByTime(0);
            expect(fakes.reasonCodes).toEqual(['BRB']);
        });

        it('requestInteractiveSignIn shows the Connect button; when that fails the agent is asked to reconnect', async () => {
            const { runner, fakes, events } = setUp();
            nextCommands([{ type: 'requestInteractiveSignIn' }]);
            runner.dispatch({ type: 'userRequestedConnect', at: T0 });
            fakes.next('connect').resolve();
            await flush();
            expect(ofType(events, 'signedOut')).toEqual([]);

            nextCommands([{ type: 'requestInteractiveSignIn' }]);
            runner.dispatch({ type: 'userRequestedConnect', at: T0 });
            fakes.next('connect').reject({ kind: 'timeout' });
            await flush();
            expect(ofType(events, 'signedOut')).toEqual([{ type: 'signedOut', at: T0, reason: 'timeout' }]);
        });

        it('signOut disconnects the bridge; a failed disconnect feeds nothing back', async () => {
            const { runner, fakes, events } = setUp();
            nextCommands([{ type: 'signOut' }]);
            runner.dispatch({ type: 'userRequestedDisconnect', at: T0 });
            await flush();
            fakes.next('disconnect').reject({ kind: 'network' });
            await flush();
            expect(events.map((e) => e.type)).toEqual(['userRequestedDisconnect']);
        });

        it('handles an event raised while commands run after all commands of the current event', () => {
            const fakes = fakePorts();
            const order: string[] = [];
            let runner: PresenceSyncRunner | null = null;
            runner = new PresenceSyncRunner(deliveredConfig(), fakes.ports, () => {
                order.push('view');
                runner?.dispatch({ type: 'pageHidden', at: T0 });
            });
            fakes.ports.omni.setStatus = (status) => {
                order.push(status);
                return Promise.resolve();
            };
            const seen: string[] = [];
            mockedTransition.mockImplementation((state, event) => {
                seen.push(event.type);
                return event.type === 'pageVisible'
                    ? [
                          state,
                          [
                              { type: 'showState', view: { health: 'syncing' } as ViewModel },
                              { type: 'setOmniStatus', status: 'AFTER_VIEW' }
                          ]
                      ]
                    : [state, []];
            });

            runner.dispatch({ type: 'pageVisible', at: T0 });

            expect(order).toEqual(['view', 'AFTER_VIEW']);
            expect(seen).toEqual(['pageVisible', 'pageHidden']);
        });
    });

    describe('timers', () => {
        it('fires a started timer after its delay with the time and a random', () => {
            const { runner, events } = setUp();
            nextCommands([{ type: 'startTimer', timer: 'wrapUp', delayMs: 1000 }]);
            runner.dispatch({ type: 'pageVisible', at: T0 });

            jest.advanceTimersByTime(999);
            expect(ofType(events, 'timerFired')).toEqual([]);
            jest.advanceTimersByTime(1);
            expect(ofType(events, 'timerFired')).toEqual([
                { type: 'timerFired', at: T0 + 1000, timer: 'wrapUp', random: 0.5 }
            ]);
            jest.advanceTimersByTime(10000);
            expect(ofType(events, 'timerFired')).toHaveLength(1);
        });

        it('startTimer on a running timer restarts it (the first delay never fires)', () => {
            const { runner, events } = setUp();
            nextCommands([{ type: 'startTimer', timer: 'poll', delayMs: 1000 }]);
            runner.dispatch({ type: 'pageVisible', at: T0 });
            jest.advanceTimersByTime(500);
            nextCommands([{ type: 'startTimer', timer: 'poll', delayMs: 1000 }]);
            runner.dispatch({ type: 'pageVisible', at: T0 + 500 });

            jest.advanceTimersByTime(999);
            expect(ofType(events, 'timerFired')).toEqual([]);
            jest.advanceTimersByTime(1);
            expect(ofType(events, 'timerFired')).toEqual([
                { type: 'timerFired', at: T0 + 1500, timer: 'poll', random: 0.5 }
            ]);
        });

        it('keeps timers of different names apart; cancelTimer stops only the named one', () => {
            const { runner, events } = setUp();
            nextCommands([
                { type: 'startTimer', timer: 'poll', delayMs: 1000 },
                { type: 'startTimer', timer: 'keepAlive', delayMs: 1000 },
                { type: 'cancelTimer', timer: 'poll' },
                { type: 'cancelTimer', timer: 'retry' }
            ]);
            runner.dispatch({ type: 'pageVisible', at: T0 });
            jest.advanceTimersByTime(5000);
            expect(ofType(events, 'timerFired').map((e) => e.timer)).toEqual(['keepAlive']);
        });

        it('a hidden page keeps polling at the configured interval', async () => {
            const { runner, fakes } = await syncing();
            jest.setSystemTime(T0 + 1000);
            runner.dispatch({ type: 'pageHidden', at: T0 + 1000 });

            jest.advanceTimersByTime(10000);
            expect(fakes.open('getPresence')).toHaveLength(1);
        });
    });

    describe('tenant size (the poll budget per app registration)', () => {
        const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
        const onApp = (): ReturnType<typeof deliveredConfig> =>
            deliveredConfig(0, { azureClientId: CLIENT_ID });
        /** pollBudget for 2,000 agents at 2 requests per 240 s keep-alive: 1 / (1200/30/2000 - 2/240) s */
        const POLL_2000_MS = 85_715;

        /** The poll after the first reading: how long until the next getPresence goes out (whole seconds). */
        async function nextPollAfterSeconds(fakes: Fakes, second = 1): Promise<number> {
            if (second > 600) return Infinity;
            jest.advanceTimersByTime(1000);
            await flush();
            return fakes.open('getPresence').length > 0 ? second : nextPollAfterSeconds(fakes, second + 1);
        }

        it("asks at start for the agents sharing the configuration's client id; the polls follow the budget", async () => {
            const { runner, fakes, events } = setUp({ config: onApp() });
            runner.start();
            expect(fakes.next('tenant.agentsSharingApp').args).toEqual([CLIENT_ID]);
            fakes.next('tenant.agentsSharingApp').resolve(2000);
            await flush();
            expect(ofType(events, 'tenantSizeKnown')).toEqual([
                { type: 'tenantSizeKnown', at: T0, agentCount: 2000 }
            ]);

            runner.dispatch({
                type: 'omniStatusChanged',
                at: T0,
                status: 'Available',
                reason: 'OmniLoginStatusChange'
            });
            runner.dispatch({ type: 'signedIn', at: T0 });
            fakes.next('setPresence').resolve();
            await flush();
            fakes.next('getPresence').resolve({ availability: 'Available', activity: 'Available' });
            await flush();

            // one agent would poll again after the configured 10 s; one of 2,000 waits for its share
            expect(await nextPollAfterSeconds(fakes)).toBe(Math.ceil(POLL_2000_MS / 1000));
        });

        it('an agent alone on the app registration keeps the configured floor', async () => {
            const { runner, fakes } = setUp({ config: onApp() });
            runner.start();
            fakes.next('tenant.agentsSharingApp').resolve(1);
            await flush();
            runner.dispatch({
                type: 'omniStatusChanged',
                at: T0,
                status: 'Available',
                reason: 'OmniLoginStatusChange'
            });
            runner.dispatch({ type: 'signedIn', at: T0 });
            fakes.next('setPresence').resolve();
            await flush();
            fakes.next('getPresence').resolve({ availability: 'Available', activity: 'Available' });
            await flush();
            expect(await nextPollAfterSeconds(fakes)).toBe(2);
        });

        it('asks again every TENANT_REFRESH_MS after the last answer, one request at a time', async () => {
            const { runner, fakes, events } = setUp({ config: onApp() });
            runner.start();
            runner.refreshTenantSize();
            expect(fakes.open('tenant.agentsSharingApp')).toHaveLength(1);
            jest.advanceTimersByTime(2 * TENANT_REFRESH_MS);
            expect(fakes.open('tenant.agentsSharingApp')).toHaveLength(1);

            fakes.next('tenant.agentsSharingApp').resolve(300);
            await flush();
            jest.advanceTimersByTime(TENANT_REFRESH_MS - 1);
            expect(fakes.open('tenant.agentsSharingApp')).toHaveLength(0);
            jest.advanceTimersByTime(1);
            fakes.next('tenant.agentsSharingApp').resolve(450);
            await flush();
            expect(ofType(events, 'tenantSizeKnown').map((e) => e.agentCount)).toEqual([300, 450]);
        });

        it('a refresh on demand (configuration changed) asks at once and restarts the period', async () => {
            const { runner, fakes } = setUp({ config: onApp() });
            runner.start();
            fakes.next('tenant.agentsSharingApp').resolve(300);
            await flush();
            jest.advanceTimersByTime(TENANT_REFRESH_MS / 2);
            runner.refreshTenantSize();
            fakes.next('tenant.agentsSharingApp').resolve(310);
            await flush();
            jest.advanceTimersByTime(TENANT_REFRESH_MS - 1);
            expect(fakes.open('tenant.agentsSharingApp')).toHaveLength(0);
            jest.advanceTimersByTime(1);
            expect(fakes.open('tenant.agentsSharingApp')).toHaveLength(1);
        });

        it('a failed or nonsense count keeps the last known size, says so in the history, and the sync goes on', async () => {
            const { runner, fakes, events, views } = setUp({ config: onApp() });
            runner.start();
            fakes.next('tenant.agentsSharingApp').resolve(2000);
            await flush();
            jest.advanceTimersByTime(TENANT_REFRESH_MS);
            fakes.next('tenant.agentsSharingApp').reject({ body: { message: 'unknownClientId' } });
            await flush();
            jest.advanceTimersByTime(TENANT_REFRESH_MS);
            fakes.next('tenant.agentsSharingApp').resolve(0);
            await flush();
            jest.advanceTimersByTime(TENANT_REFRESH_MS);
            fakes.next('tenant.agentsSharingApp').resolve('many');
            await flush();
            expect(ofType(events, 'tenantSizeFailed').map((e) => e.detail)).toEqual([
                'unexpectedFailure',
                'invalidCount',
                'invalidCount'
            ]);
            // the history the agent sees says it once (a repeated row is dropped), after the count
            expect(views[views.length - 1].recent.map((e) => e.reason).slice(0, 2)).toEqual([
                'tenantSizeFailed',
                'tenantSize'
            ]);

            // still budgeted for 2,000 agents, and still syncing
            runner.dispatch({
                type: 'omniStatusChanged',
                at: T0,
                status: 'Available',
                reason: 'OmniLoginStatusChange'
            });
            runner.dispatch({ type: 'signedIn', at: T0 });
            fakes.next('setPresence').resolve();
            await flush();
            fakes.next('getPresence').resolve({ availability: 'Available', activity: 'Available' });
            await flush();
            expect(await nextPollAfterSeconds(fakes)).toBe(Math.ceil(POLL_2000_MS / 1000));
            // and it keeps asking
            expect(fakes.open('tenant.agentsSharingApp')).toHaveLength(0);
            jest.advanceTimersByTime(TENANT_REFRESH_MS);
            expect(fakes.open('tenant.agentsSharingApp')).toHaveLength(1);
        });

        it('a port that throws at once is a failure too', async () => {
            const { runner, fakes, events } = setUp({ config: onApp() });
            fakes.ports.tenant = {
                agentsSharingApp: () => {
                    throw new Error('boom');
                }
            };
            runner.start();
            await flush();
            expect(ofType(events, 'tenantSizeFailed')).toEqual([
                { type: 'tenantSizeFailed', at: T0, detail: 'Error' }
            ]);
        });

        it('asks nothing without a client id, without the port, before start, and nothing after dispose', async () => {
            const none = setUp();
            none.runner.start();
            none.runner.refreshTenantSize();
            expect(none.fakes.open('tenant.agentsSharingApp')).toEqual([]);

            const portless = setUp({ config: onApp() });
            delete portless.fakes.ports.tenant;
            portless.runner.start();
            expect(portless.fakes.methods()).not.toContain('tenant.agentsSharingApp');

            const { runner, fakes, events } = setUp({ config: onApp() });
            runner.refreshTenantSize();
            expect(fakes.open('tenant.agentsSharingApp')).toEqual([]);
            runner.start();
            runner.dispose();
            fakes.next('tenant.agentsSharingApp').resolve(500);
            await flush();
            expect(ofType(events, 'tenantSizeKnown')).toEqual([]);
            expect(jest.getTimerCount()).toBe(0);

            const answered = setUp({ config: onApp() });
            answered.runner.start();
            answered.fakes.next('tenant.agentsSharingApp').resolve(500);
            await flush();
            answered.runner.dispose();
            expect(jest.getTimerCount()).toBe(0);
        });
    });

    describe('dispose', () => {
        it('cancels every timer, releases the lock, and drops results that arrive later', async () => {
            const { runner, fakes, events } = await syncing();
            runner.dispatch({
                type: 'omniStatusChanged',
                at: T0,
                status: 'Busy',
                reason: 'OmniManualStatusChange'
            });
            const count = events.length;
            expect(fakes.open('setPreferredPresence')).toHaveLength(1);

            runner.dispose();
            runner.dispose();
            fakes.next('setPreferredPresence').resolve();
            await flush();
            jest.advanceTimersByTime(10 * 60 * 1000);
            await flush();
            runner.dispatch({ type: 'pageVisible', at: T0 });

            expect(fakes.grants[0].released).toBe(true);
            expect(events).toHaveLength(count);
            expect(jest.getTimerCount()).toBe(0);
            // the clear queued behind the Busy write is never sent
            expect(fakes.methods().filter((m) => m === 'clearPresence')).toEqual([]);
        });
    });

    describe('a full scenario with the delivered configuration', () => {
        it('an Omni manual change is written to Teams as the session, and a Teams change sets Omni', async () => {
            const { runner, fakes, views } = await syncing();
            expect(fakes.reasonCodes).toEqual(['AVAILABLE']);

            jest.setSystemTime(T0 + 2000);
            runner.dispatch({
                type: 'omniStatusChanged',
                at: T0 + 2000,
                status: 'On_a_Call',
                reason: 'OmniManualStatusChange'
            });
            expect(fakes.next('setPresence').args).toEqual([
                { availability: 'Busy', activity: 'InACall', expirationDuration: 'PT10M' }
            ]);
            jest.advanceTimersByTime(0);
            expect(fakes.reasonCodes).toEqual(['AVAILABLE', 'ON_CALL']);
            expect(fakes.reasonStatuses).toEqual(['Available', 'On_a_Call']);
            fakes.next('setPresence').resolve();
            await flush();
            fakes.next('getPresence').resolve({ availability: 'Busy', activity: 'InACall' });
            await flush();
            expect(views[views.length - 1].teams).toEqual({ availability: 'Busy', activity: 'InACall' });

            // the agent picks Do not disturb in Teams; the next poll sees it and Omni follows
            jest.advanceTimersByTime(10000);
            fakes.next('getPresence').resolve({ availability: 'DoNotDisturb', activity: 'DoNotDisturb' });
            await flush();
            expect(fakes.next('omni.setStatus').args).toEqual(['Do_Not_Disturb']);
        });

        it('after a 429 no Graph request is made before Retry-After, not even for a new Omni status', async () => {
            const { runner, fakes } = await syncing();
            const sent = (): number => fakes.calls.filter((c) => !c.method.startsWith('omni.')).length;

            jest.advanceTimersByTime(10000);
            fakes.next('getPresence').reject({ kind: 'throttled', status: 429, retryAfter: '30' });
            await flush();
            const before = sent();
            runner.dispatch({
                type: 'omniStatusChanged',
                at: Date.now(),
                status: 'Busy',
                reason: 'OmniManualStatusChange'
            });
            jest.advanceTimersByTime(29999);
            await flush();
            expect(sent()).toBe(before);

            jest.advanceTimersByTime(1);
            await flush();
            expect(fakes.open('setPreferredPresence')).toHaveLength(1);
            // with an expiry: a crashed browser does not leave it for a day
            expect(fakes.next('setPreferredPresence').args).toEqual([
                { availability: 'Busy', activity: 'Busy', expirationDuration: 'PT10M' }
            ]);
        });
    });

    describe('toBridgeError', () => {
        it('keeps a BridgeError and its known fields only; anything else is a network error', () => {
            expect(toBridgeError({ kind: 'forbidden', status: 403, detail: 'x', token: 'secret' })).toEqual({
                kind: 'forbidden',
                status: 403,
                detail: 'x'
            });
            expect(toBridgeError({ kind: 'nonsense' })).toEqual({
                kind: 'network',
                detail: 'unexpectedFailure'
            });
            expect(toBridgeError(null)).toEqual({ kind: 'network', detail: 'unexpectedFailure' });
            expect(toBridgeError(new RangeError('r'))).toEqual({ kind: 'network', detail: 'RangeError' });
        });
    });
});

describe('the Teams status message during a call', () => {
    const TEXT = 'On a customer call';

    /** Settles the open Teams calls until `method` is asked for (at most `rounds` times); reads show `current`. */
    async function until(fakes: Fakes, method: string, current?: string, rounds = 20): Promise<void> {
        if (rounds === 0 || fakes.open(method).length > 0) return;
        for (const call of fakes.open('setPresence')) call.resolve();
        for (const call of fakes.open('getPresence')) {
            call.resolve({
                availability: 'Busy',
                activity: 'InACall',
                ...(current === undefined ? {} : { statusMessage: current })
            });
        }
        await flush();
        await until(fakes, method, current, rounds - 1);
    }

    it('sets the message with the session expiry when a call starts and clears it after the call and wrap-up', async () => {
        const { runner, fakes } = await syncing({ callStatusMessage: TEXT });
        runner.dispatch({ type: 'callStarted', at: T0 + 1000, callId: 'c1', source: 'softphone' });
        await until(fakes, 'setStatusMessage');
        const set = fakes.next('setStatusMessage');
        const minutes = deliveredConfig().sessionExpiryMinutes;
        // the same expiry as the presence session: a connector that stops cannot leave it behind
        expect(set.args).toEqual([TEXT, T0 + minutes * 60_000]);
        set.resolve();
        await flush();

        runner.dispatch({ type: 'callEnded', at: T0 + 60_000, callId: 'c1' });
        jest.advanceTimersByTime(deliveredConfig().wrapUpSeconds * 1000 + 1);
        await until(fakes, 'setStatusMessage', TEXT);
        expect(fakes.next('setStatusMessage').args).toEqual(['']);
    });

    it("leaves the agent's own message: neither overwritten at the start nor cleared at the end", async () => {
        const { runner, fakes } = await syncing({ callStatusMessage: TEXT });
        runner.dispatch({ type: 'callStarted', at: T0 + 1000, callId: 'c1', source: 'softphone' });
        await until(fakes, 'setStatusMessage', 'Back at 2');
        runner.dispatch({ type: 'callEnded', at: T0 + 60_000, callId: 'c1' });
        jest.advanceTimersByTime(deliveredConfig().wrapUpSeconds * 1000 + 1);
        await until(fakes, 'setStatusMessage', 'Back at 2');
        expect(fakes.methods()).not.toContain('setStatusMessage');

        // the agent removed it in Teams: the next call shows ours
        runner.dispatch({ type: 'callStarted', at: T0 + 600_000, callId: 'c2', source: 'softphone' });
        await until(fakes, 'setStatusMessage');
        expect(fakes.next('setStatusMessage').args[0]).toBe(TEXT);
    });
});
