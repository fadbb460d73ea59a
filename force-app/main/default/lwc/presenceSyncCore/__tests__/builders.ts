/*
 * Test builders for the core (not a suite: jest runs only *.test.ts).
 */
import { DELIVERED_CONFIGURATIONS } from 'c/presenceSyncDefaults';
import { initialState, parseConfiguration, transition } from 'c/presenceSyncCore';
import type { Configuration, SyncCommand, SyncEvent } from 'c/presenceSyncCore';
import type { SyncState } from '../state';

export const T0 = 1_700_000_000_000;

/** A delivered configuration, parsed, with overrides. */
export function deliveredConfig(index = 0, overrides: Partial<Configuration> = {}): Configuration {
    const parsed = parseConfiguration(DELIVERED_CONFIGURATIONS[index]);
    if (!parsed.ok) throw new Error(`delivered configuration ${index} does not parse`);
    // the timer expectations of these tests are written for a 10 s floor (the delivered floor is 2 s,
    // checked where the delivered configurations are); the logic does not depend on the value
    return { ...parsed.configuration, pollIntervalSeconds: 10, ...overrides };
}

/** Commands without showState and appendLog: the sync decisions only. */
export function effects(commands: SyncCommand[]): SyncCommand[] {
    return commands.filter((c) => c.type !== 'showState' && c.type !== 'appendLog');
}

/** Reasons of the log entries among the commands. */
export function logged(commands: SyncCommand[]): string[] {
    return commands.flatMap((c) => (c.type === 'appendLog' ? [c.entry.reason] : []));
}

/** Runs events through transition; returns the last state and every command. */
export function run(state: SyncState, events: SyncEvent[]): [SyncState, SyncCommand[]] {
    let s = state;
    const all: SyncCommand[] = [];
    for (const e of events) {
        const [next, cmds] = transition(s, e);
        s = next;
        all.push(...cmds);
    }
    return [s, all];
}

/**
 * A state that syncs: signed in, leader, Omni `status`, every write acknowledged and read back (Teams
 * shows what the app wrote). Returns the state at T0 + 1000.
 */
export function syncing(config: Configuration = deliveredConfig(), status = 'Available'): SyncState {
    let [s, cmds] = run(initialState(config), [
        { type: 'omniStatusChanged', at: T0, status, reason: 'OmniLoginStatusChange' },
        { type: 'becameLeader', at: T0 },
        { type: 'signedIn', at: T0 }
    ]);
    [s, cmds] = settle(s, cmds, T0 + 1000);
    return s;
}

/**
 * Acknowledges every write among `commands` and answers the read that follows with what the writes
 * show (or `teams` when given), at `at`.
 */
export function settle(
    state: SyncState,
    commands: SyncCommand[],
    at: number,
    teams?: { availability: string; activity: string }
): [SyncState, SyncCommand[]] {
    let s = state;
    const all: SyncCommand[] = [];
    let pending = commands;
    let shown = teams;
    for (let guard = 0; guard < 10 && pending.length > 0; guard++) {
        const next: SyncCommand[] = [];
        for (const c of pending) {
            let e: SyncEvent | null = null;
            if (c.type === 'writeTeamsSession' || c.type === 'writeTeamsPreferred') {
                if (!teams && (c.type === 'writeTeamsPreferred' || !shown)) {
                    shown = { availability: c.availability, activity: c.activity };
                }
                e = { type: 'teamsWriteAcknowledged', at, writeId: c.writeId };
            } else if (c.type === 'clearTeamsSession' || c.type === 'clearTeamsPreferred') {
                e = { type: 'teamsWriteAcknowledged', at, writeId: c.writeId };
            } else if (c.type === 'readTeams') {
                const presence = shown ?? { availability: 'Available', activity: 'Available' };
                e = { type: 'teamsPresenceRead', at, presence, generation: c.generation };
            }
            if (e) {
                const [n, cmds] = transition(s, e);
                s = n;
                all.push(...cmds);
                next.push(...cmds);
            }
        }
        pending = next;
    }
    return [s, all];
}
