/*
 * Property-based tests of transition() against the reference model of Teams aggregation (teamsModel.ts),
 * a fake Omni-Channel and a fake phone (simulator.ts), with random interleavings and faults.
 */
import fc from 'fast-check';
import { PREFERRED_PAIRS, pollBudget, toSalesforce } from 'c/presenceSyncCore';
import type { Configuration } from 'c/presenceSyncCore';
import { deliveredConfig } from './builders';
import { play, samePair } from './simulator';
import type { Action, Scenario, Simulation } from './simulator';
import { aggregate, observe, rankOf } from './teamsModel';

const RUNS = 1000;
/**
 * The seed comes from PROPERTY_SEED (a number, or `random` for a new one per run), else 42. fast-check prints it with
 * the shrunk counterexample on failure (`{ seed: ..., path: ... }`); PROPERTY_SEED=<seed> replays it.
 */
// `npm test` replays one known seed, so that a submission never fails on a scenario nobody has seen;
// `npm run test:properties` (PROPERTY_SEED=random) draws new ones each run to hunt for defects.
const SEED =
    process.env.PROPERTY_SEED === 'random'
        ? (Math.random() * 2 ** 31) | 0
        : process.env.PROPERTY_SEED
          ? Number(process.env.PROPERTY_SEED)
          : 42;
const PARAMS = { numRuns: RUNS, seed: SEED };
/** pairs only a preferred presence shows (no Teams client, meeting or call session shows them) */
const PREFERRED_ONLY = [
    { availability: 'Busy', activity: 'Busy' },
    { availability: 'DoNotDisturb', activity: 'DoNotDisturb' },
    { availability: 'BeRightBack', activity: 'BeRightBack' },
    { availability: 'Offline', activity: 'OffWork' }
];
const STATUSES = ['Available', 'On_a_Call', 'Busy', 'Away', 'Be_Right_Back', 'Do_Not_Disturb'];

const configArb: fc.Arbitrary<Configuration> = fc
    .record({
        index: fc.integer({ min: 0, max: 2 }),
        manualStatusPolicy: fc.constantFrom('LatestIntentWins' as const, 'TeamsManualWins' as const),
        callPresence: fc.constantFrom('BusyInACall' as const, 'DoNotDisturbPresenting' as const),
        wrapUpSeconds: fc.constantFrom(0, 20)
    })
    .map(({ index, ...overrides }) =>
        // printed short in counterexamples: which delivered configuration, with which overrides
        Object.assign(deliveredConfig(index, overrides), {
            [fc.toStringMethod]: () => `deliveredConfig(${index}, ${JSON.stringify(overrides)})`
        })
    );

const actionArb: fc.Arbitrary<Action> = fc.oneof(
    {
        weight: 5,
        arbitrary: fc.record({
            kind: fc.constant('sf' as const),
            status: fc.constantFrom(...STATUSES),
            reason: fc.constantFrom(
                'OmniManualStatusChange' as const,
                'OmniSupervisorStatusChange' as const,
                'OmniPushTimeout' as const
            )
        })
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'logout' as const }) },
    {
        weight: 1,
        arbitrary: fc.record({ kind: fc.constant('login' as const), status: fc.constantFrom(...STATUSES) })
    },
    {
        weight: 4,
        arbitrary: fc.record({
            kind: fc.constant('teamsPreferred' as const),
            pair: fc.constantFrom(...PREFERRED_PAIRS).map((p) => ({ ...p }))
        })
    },
    { weight: 2, arbitrary: fc.constant({ kind: 'teamsReset' as const }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('meeting' as const), on: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('teamsCall' as const), on: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('teamsClient' as const), on: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('clientIdle' as const), on: fc.boolean() }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'graphRestart' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'otherAccount' as const }) },
    {
        weight: 2,
        arbitrary: fc.record({
            kind: fc.constant('call' as const),
            durationMs: fc.integer({ min: 1000, max: 120_000 })
        })
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('hidden' as const), on: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), on: fc.boolean() }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'signOut' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'reconnect' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'follower' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'leader' as const }) }
);

function scenarioArb(faults: boolean): fc.Arbitrary<Scenario> {
    return fc.record({
        config: configArb,
        steps: fc.array(fc.record({ dt: fc.integer({ min: 0, max: 90_000 }), action: actionArb }), {
            maxLength: 20
        }),
        faultRate: faults ? fc.double({ min: 0, max: 0.6, noNaN: true }) : fc.constant(0),
        seed: fc.integer(),
        busyEcho: fc.boolean()
    });
}

/**
 * The agent working both sides by hand over what the app holds: Omni changes, manual Teams statuses and
 * resets, meetings and Teams calls, the client going idle, a phone call; a poll or so apart, no faults.
 */
const manualActionArb: fc.Arbitrary<Action> = fc.oneof(
    {
        weight: 4,
        arbitrary: fc.record({
            kind: fc.constant('sf' as const),
            status: fc.constantFrom(...STATUSES),
            reason: fc.constant('OmniManualStatusChange' as const)
        })
    },
    {
        weight: 4,
        arbitrary: fc.record({
            kind: fc.constant('teamsPreferred' as const),
            pair: fc.constantFrom(...PREFERRED_PAIRS).map((p) => ({ ...p }))
        })
    },
    { weight: 3, arbitrary: fc.constant({ kind: 'teamsReset' as const }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('meeting' as const), on: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('teamsCall' as const), on: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('clientIdle' as const), on: fc.boolean() }) },
    {
        weight: 1,
        arbitrary: fc.record({
            kind: fc.constant('call' as const),
            durationMs: fc.integer({ min: 1000, max: 60_000 })
        })
    }
);

const manualScenarioArb: fc.Arbitrary<Scenario> = fc.record({
    config: configArb,
    steps: fc.array(fc.record({ dt: fc.integer({ min: 0, max: 25_000 }), action: manualActionArb }), {
        minLength: 2,
        maxLength: 12
    }),
    faultRate: fc.constant(0),
    seed: fc.integer(),
    busyEcho: fc.boolean()
});

/** Runs past the last fault and any wait, then two poll intervals (plus round-trip slack). */
function converge(sim: Simulation): number {
    for (let i = 0; i < 20; i++) {
        sim.runUntil(sim.now + 35_000);
        const waitUntil = sim.core.retry.waitUntil ?? 0;
        if (waitUntil > sim.now) sim.runUntil(waitUntil);
        if (sim.now - sim.lastFaultAt > 35_000 && !sim.core.retry.waitUntil) break;
    }
    const quietFrom = Math.max(sim.now, sim.lastCallEnd);
    // a hidden page polls at the same interval as a visible one
    const { pollMs } = pollBudget(1, {
        floorSeconds: sim.config.pollIntervalSeconds,
        ceilingSeconds: sim.config.maxPollIntervalSeconds
    });
    sim.runUntil(quietFrom);
    const deadline = quietFrom + 2 * pollMs + 5000;
    sim.runUntil(deadline);
    return pollMs;
}

/** Why the two sides are not mapped-consistent now (empty when they are). */
function inconsistency(sim: Simulation): string[] {
    const agg = aggregate(sim.teams, sim.now);
    const masked = sim.core.masked !== null && samePair(sim.core.masked.shows, agg);
    const expected = sim.expectedApp();
    const visible = expected ? (expected.preferred ?? expected.session) : null;
    // Teams may echo Busy/InACall as Busy/Busy (docs/sync-policy.md; a tenant check in docs/org-verification.md): the core accepts both
    const busyEcho =
        samePair(visible, { availability: 'Busy', activity: 'InACall' }) &&
        samePair(agg, { availability: 'Busy', activity: 'Busy' });
    const showsExpected = visible !== null && (samePair(visible, agg) || busyEcho);
    const mapped = toSalesforce(sim.config, agg);
    const teamsAgrees = mapped.change && mapped.status === sim.omni.status;
    const problems: string[] = [];
    const where = `Omni ${sim.omni.loggedIn ? sim.omni.status : 'logged out'}, Teams ${agg.availability}/${agg.activity}`;
    if (sim.omni.loggedIn && !sim.onCall() && sim.config.direction === 'Bidirectional' && masked) {
        // a Teams change made after the app's writes reached Teams is the agent's latest intent: taking it
        // for something that masks those writes leaves Salesforce behind (Omni Available in a Teams call).
        // Exempt what the tab cannot tell from a state that was there before: the very reading it had
        // (or a write that has not shown yet), a session no higher than that reading, or any session once
        // the app's writes removed a preferred presence (what was under it was never visible)
        const top = observe(sim.teams, sim.now);
        const before = sim.teamsAtSalesforceChange;
        const sessionLike = !PREFERRED_ONLY.some((p) => samePair(p, top.pair));
        const couldBeHidden =
            samePair(top.pair, before) ||
            samePair(top.pair, sim.teamsAtSalesforceSide) ||
            (sessionLike &&
                (sim.preferredRemovedAt >= sim.lastSalesforceChangeAt ||
                    (before !== null && rankOf(top.pair) <= rankOf(before))));
        if (
            (top.source === 'client' || top.source === 'userPreferred') &&
            top.since > sim.lastAppWriteServedAt &&
            top.since > sim.lastSalesforceChangeAt &&
            mapped.change &&
            !teamsAgrees &&
            !couldBeHidden
        ) {
            problems.push(`a Teams change after the app's write is taken for masking it: ${where}`);
        }
    }
    // Offline/Offline means no presence session at all: the app was to hold one (a preferred presence shows
    // only over a session), so this is never a masking, whatever the core reports
    if (
        sim.omni.loggedIn &&
        visible !== null &&
        agg.availability === 'Offline' &&
        agg.activity === 'Offline'
    ) {
        problems.push(
            `Teams shows Offline although the app should show ${visible.availability}/${visible.activity}: ${where}`
        );
    }
    if (!sim.omni.loggedIn) {
        if (expected && ((sim.teams.app && sim.now < sim.teams.app.expiresAt) || sim.teams.preferred?.byApp))
            problems.push(`app still holds Teams: ${where}`);
    } else if (sim.onCall() && expected) {
        if (!showsExpected && !masked) problems.push(`call state not shown: ${where}`);
    } else if (sim.config.direction === 'MeetingAppToSalesforce') {
        // Salesforce changes are not written to Teams: only a Teams change after them must be followed
        const teamsChangedSince =
            sim.lastTeamsChangeAt >= sim.lastSalesforceChangeAt &&
            !samePair(agg, sim.teamsAtSalesforceChange);
        if (mapped.change && !teamsAgrees && teamsChangedSince) {
            problems.push(`Salesforce does not follow Teams: ${where}`);
        }
    } else if (sim.config.direction === 'SalesforceToMeetingApp') {
        if (!showsExpected && !masked && sim.lastSalesforceChangeAt >= sim.lastTeamsChangeAt) {
            problems.push(`Teams does not follow Salesforce: ${where}`);
        }
    } else if (
        !teamsAgrees &&
        sim.config.manualStatusPolicy === 'LatestIntentWins' &&
        sim.userPreferredKnownAtSalesforceChange !== null &&
        sim.teams.preferred?.setAt === sim.userPreferredKnownAtSalesforceChange &&
        sim.lastSalesforceChangeAt > sim.teams.preferred.setAt &&
        expected !== null
    ) {
        // latest intent wins: the agent changed Salesforce after the tab had seen their manual Teams status
        problems.push(`an earlier manual Teams status masks the later Salesforce status: ${where}`);
    } else if (!teamsAgrees && !showsExpected && !masked) {
        // a Teams state the mapping leaves alone ("no change"), set after the last Salesforce change
        if (mapped.change || sim.lastSalesforceChangeAt > sim.lastTeamsChangeAt) {
            problems.push(`sides disagree: ${where}`);
        }
    }
    return problems;
}

function describeRun(sim: Simulation): string {
    return sim.violations.map((v) => `${v.at - 1_700_000_000_000}: ${v.what}`).join('\n');
}

describe('c-presence-sync-core', () => {
    describe('transition against the Teams reference model', () => {
        it('converges to a mapped-consistent state within two poll intervals after the last fault', () => {
            fc.assert(
                fc.property(scenarioArb(true), (scenario) => {
                    const sim = play(scenario);
                    converge(sim);
                    expect(inconsistency(sim)).toEqual([]);
                }),
                PARAMS
            );
        });

        it('makes at most one write to the other side per external change, and none once settled', () => {
            fc.assert(
                fc.property(scenarioArb(true), (scenario) => {
                    const sim = play(scenario);
                    const pollMs = converge(sim);
                    expect(sim.omniWrites).toBeLessThanOrEqual(sim.teamsExternalChanges);
                    const settledAt = sim.now;
                    const sessionBefore = sim.teams.app?.pair ?? null;
                    // (a renewal may take over a preferred presence the user set to the very same value:
                    // Graph does not say who set it, and the agent sees no change)
                    const preferredBefore = sim.teams.preferred?.pair ?? null;
                    sim.runUntil(sim.now + 5 * pollMs);
                    const later = sim.emitted.filter((e) => e.at > settledAt).map((e) => e.command);
                    const writes = later.filter(
                        (c) =>
                            c.type === 'setOmniStatus' ||
                            c.type === 'logoutOmni' ||
                            // keep-alives renew the same session and preferred presence
                            (c.type === 'writeTeamsPreferred' && !samePair(c, preferredBefore)) ||
                            c.type === 'clearTeamsPreferred' ||
                            c.type === 'clearTeamsSession' ||
                            (c.type === 'writeTeamsSession' && !samePair(c, sessionBefore))
                    );
                    expect(writes).toEqual([]);
                }),
                PARAMS
            );
        });

        it('once settled reads Teams at the poll interval, hidden or not, never in a loop (also after the sequence number went down)', () => {
            fc.assert(
                fc.property(scenarioArb(true), (scenario) => {
                    const sim = play(scenario);
                    const pollMs = converge(sim);
                    const settledAt = sim.now;
                    sim.runUntil(sim.now + 5 * pollMs);
                    const reads = sim.emitted.filter(
                        (e) => e.at > settledAt && e.command.type === 'readTeams'
                    );
                    // five poll intervals: five polls, plus the reads of keep-alives that fall in between;
                    // and at least four, hidden page or not (a Teams call must reach Omni within the interval)
                    expect(reads.length).toBeLessThanOrEqual(8);
                    expect(reads.length).toBeGreaterThanOrEqual(4);
                }),
                PARAMS
            );
        });

        it('without faults writes Teams at most once per Salesforce-side change (no retry, no ping-pong)', () => {
            fc.assert(
                fc.property(scenarioArb(false), (scenario) => {
                    const sim = play(scenario);
                    converge(sim);
                    const writeBatches = sim.emitted.filter(
                        (e) => e.command.type === 'appendLog' && e.command.entry.reason.startsWith('write')
                    ).length;
                    expect(writeBatches).toBeLessThanOrEqual(sim.salesforceSideEvents);
                }),
                PARAMS
            );
        });

        it('follows only what someone did in Teams, and the latest intent wins, however the agent mixes both sides', () => {
            fc.assert(
                fc.property(manualScenarioArb, (scenario) => {
                    const sim = play(scenario);
                    converge(sim);
                    expect([describeRun(sim), ...inconsistency(sim)].filter(Boolean)).toEqual([]);
                }),
                PARAMS
            );
        });

        it('never lets a stale reading revert a newer change, never calls Graph before Retry-After, never signs in from a timer', () => {
            fc.assert(
                fc.property(scenarioArb(true), (scenario) => {
                    const sim = play(scenario);
                    converge(sim);
                    expect(describeRun(sim)).toBe('');
                }),
                PARAMS
            );
        });
    });

    describe('pollBudget', () => {
        it('keeps every agent count from 1 to 100,000 within 80 % of 1,500 requests per 30 s, keep-alives included', () => {
            fc.assert(
                fc.property(
                    fc.integer({ min: 1, max: 100_000 }),
                    fc.record({
                        floorSeconds: fc.integer({ min: 1, max: 120 }),
                        ceilingSeconds: fc.integer({ min: 1, max: 600 }),
                        hidden: fc.boolean(),
                        keepAliveSeconds: fc.integer({ min: 30, max: 290 }),
                        keepAliveRequests: fc.integer({ min: 1, max: 3 })
                    }),
                    (agents, options) => {
                        const b = pollBudget(agents, options);
                        const perWindow =
                            agents * 30_000 * (1 / b.pollMs + options.keepAliveRequests / b.keepAliveMs);
                        expect(perWindow).toBeLessThanOrEqual(1200 + 1e-6);
                        expect(b.tenantRequestsPerWindow).toBeCloseTo(perWindow, 6);
                        expect(b.pollMs).toBeGreaterThanOrEqual(options.floorSeconds * 1000);
                    }
                ),
                PARAMS
            );
        });
    });
});
