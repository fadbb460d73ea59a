/**
 * Benchmark of the pure sync core: `transition` throughput in events per second, and the heap retained
 * after a simulated 8-hour shift (poll every 5 s, 200 status changes, 40 calls) against the heap after
 * 10 minutes of the same. The sync log is bounded, so the shift should not grow the heap by 1 MB.
 *
 * Run: `node --expose-gc --import tsx scripts/bench/core.bench.ts` (what `npm run bench` does).
 * The core is imported by relative path; the runner is simulated here: every Graph call succeeds at
 * once and Teams shows what the app wrote.
 */
import { performance } from 'node:perf_hooks';
import {
    initialState,
    parseConfiguration,
    transition
} from '../../force-app/main/default/lwc/presenceSyncCore/presenceSyncCore';
import type {
    Configuration,
    SyncCommand,
    SyncEvent,
    SyncState,
    TimerName
} from '../../force-app/main/default/lwc/presenceSyncCore/presenceSyncCore';
import { DELIVERED_CONFIGURATIONS } from '../../force-app/main/default/lwc/presenceSyncDefaults/presenceSyncDefaults';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const STATUSES = ['Available', 'Busy', 'Away', 'Be_Right_Back', 'Do_Not_Disturb', 'Available'];
export const HEAP_GROWTH_LIMIT_BYTES = 1024 * 1024;

function config(): Configuration {
    const parsed = parseConfiguration(DELIVERED_CONFIGURATIONS[0]);
    if (!parsed.ok) throw new Error('delivered configuration does not parse');
    return { ...parsed.configuration, pollIntervalSeconds: 5 };
}

interface ShiftResult {
    state: SyncState;
    events: number;
}

/**
 * Plays `durationMs` of a shift: 200 status changes and 40 calls per 8 hours (scaled down for shorter
 * runs, at least one of each), polls every 5 s, keep-alives, write acknowledgements and read-backs.
 */
export function playShift(durationMs: number): ShiftResult {
    const start = 1_700_000_000_000;
    const end = start + durationMs;
    const statusChanges = Math.max(1, Math.round((200 * durationMs) / (8 * HOUR)));
    const calls = Math.max(1, Math.round((40 * durationMs) / (8 * HOUR)));
    const external: SyncEvent[] = [];
    for (let i = 0; i < statusChanges; i++) {
        const at = start + Math.floor(((i + 0.5) * durationMs) / statusChanges);
        external.push({
            type: 'omniStatusChanged',
            at,
            status: STATUSES[i % STATUSES.length],
            reason: 'OmniManualStatusChange'
        });
    }
    for (let i = 0; i < calls; i++) {
        const at = start + Math.floor(((i + 0.25) * durationMs) / calls);
        external.push({ type: 'callStarted', at, callId: `call-${i}`, source: 'softphone' });
        external.push({ type: 'callEnded', at: Math.min(end - 1, at + 3 * MINUTE), callId: `call-${i}` });
    }
    external.sort((a, b) => a.at - b.at);

    let state = initialState(config());
    let events = 0;
    const timers = new Map<TimerName, number>();
    let teams = { availability: 'Available', activity: 'Available' };
    const queue: SyncEvent[] = [];
    const feed = (event: SyncEvent): void => {
        queue.push(event);
        while (queue.length > 0) {
            const e = queue.shift() as SyncEvent;
            const [next, commands] = transition(state, e);
            state = next;
            events++;
            for (const c of commands) perform(c, e.at);
        }
    };
    const perform = (c: SyncCommand, at: number): void => {
        switch (c.type) {
            case 'writeTeamsSession':
            case 'writeTeamsPreferred':
                if (c.type === 'writeTeamsPreferred' || !state.held.preferred) {
                    teams = { availability: c.availability, activity: c.activity };
                }
                queue.push({ type: 'teamsWriteAcknowledged', at, writeId: c.writeId });
                break;
            case 'clearTeamsSession':
            case 'clearTeamsPreferred':
                queue.push({ type: 'teamsWriteAcknowledged', at, writeId: c.writeId });
                break;
            case 'readTeams':
                queue.push({ type: 'teamsPresenceRead', at, presence: teams, generation: c.generation });
                break;
            case 'setOmniStatus':
                queue.push({
                    type: 'omniStatusChanged',
                    at,
                    status: c.status,
                    reason: 'OmniToolkitStatusChange'
                });
                break;
            case 'startTimer':
                timers.set(c.timer, at + c.delayMs);
                break;
            case 'cancelTimer':
                timers.delete(c.timer);
                break;
            default:
                break;
        }
    };
    feed({ type: 'omniStatusChanged', at: start, status: 'Available', reason: 'OmniLoginStatusChange' });
    feed({ type: 'becameLeader', at: start });
    feed({ type: 'signedIn', at: start });
    let next = 0;
    for (;;) {
        let timer: TimerName | null = null;
        let due = Infinity;
        for (const [name, at] of timers) {
            if (at < due) [timer, due] = [name, at];
        }
        const ext = external[next];
        if (ext && ext.at <= due) {
            next++;
            feed(ext);
        } else if (timer && due <= end) {
            timers.delete(timer);
            feed({ type: 'timerFired', at: due, timer, random: 0.5 });
        } else {
            break;
        }
    }
    return { state, events };
}

function gc(): void {
    const collect = (globalThis as { gc?: () => void }).gc;
    if (!collect) throw new Error('run with node --expose-gc (npm run bench does)');
    collect();
    collect();
}

/**
 * Heap retained per final state: `copies` runs are played and their final states kept, the heap in use
 * after a full collection is compared with the heap before, and divided by `copies` (less noise).
 */
function retainedPerState(run: () => ShiftResult, copies: number): { bytes: number; state: SyncState } {
    const kept: SyncState[] = [];
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < copies; i++) kept.push(run().state);
    gc();
    const bytes = (process.memoryUsage().heapUsed - before) / copies;
    return { bytes, state: kept[0] };
}

export interface CoreBenchResult {
    eventsPerSecond: number;
    shiftEvents: number;
    /** size of the final state as JSON, a second, noise-free view of the same question */
    stateJsonAfter10Min: number;
    stateJsonAfterShift: number;
    heapAfter10MinBytes: number;
    heapAfterShiftBytes: number;
    differenceBytes: number;
    ratio: number;
    withinLimit: boolean;
}

export function benchCore(): CoreBenchResult {
    // warm-up, then throughput over whole shifts
    playShift(HOUR);
    let events = 0;
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) events += playShift(8 * HOUR).events;
    const seconds = (performance.now() - t0) / 1000;

    // both paths warmed up first; the median of five measurements of 30 kept states each
    const copies = 30;
    const median = (run: () => ShiftResult): { bytes: number; state: SyncState } => {
        const samples = [0, 1, 2, 3, 4].map(() => retainedPerState(run, copies));
        samples.sort((a, b) => a.bytes - b.bytes);
        return samples[2];
    };
    playShift(10 * MINUTE);
    const short = median(() => playShift(10 * MINUTE));
    const long = median(() => playShift(8 * HOUR));
    const difference = long.bytes - short.bytes;
    return {
        eventsPerSecond: Math.round(events / seconds),
        shiftEvents: playShift(8 * HOUR).events,
        stateJsonAfter10Min: JSON.stringify(short.state).length,
        stateJsonAfterShift: JSON.stringify(long.state).length,
        heapAfter10MinBytes: short.bytes,
        heapAfterShiftBytes: long.bytes,
        differenceBytes: difference,
        ratio: long.bytes / Math.max(1, short.bytes),
        withinLimit: difference < HEAP_GROWTH_LIMIT_BYTES
    };
}

export function formatCoreBench(r: CoreBenchResult): string {
    const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
    return [
        `transition throughput:          ${r.eventsPerSecond.toLocaleString('en-US')} events/s`,
        `events in one 8-hour shift:     ${r.shiftEvents.toLocaleString('en-US')}`,
        `state as JSON after 10 min/8 h: ${kb(r.stateJsonAfter10Min)} / ${kb(r.stateJsonAfterShift)}`,
        `retained heap after 10 minutes: ${kb(r.heapAfter10MinBytes)}`,
        `retained heap after 8 hours:    ${kb(r.heapAfterShiftBytes)}`,
        `difference:                     ${kb(r.differenceBytes)}`,
        `ratio (8 h / 10 min):           ${r.ratio.toFixed(2)}`,
        `shift grew the heap by < 1 MB:  ${r.withinLimit ? 'yes' : 'NO'}`
    ].join('\n');
}

if (require.main === module) {
    console.log(formatCoreBench(benchCore()));
}
