import { createClock } from '../../clock';
import { Directory } from '../../directory';
import { GraphEmulator } from '../../graph/emulator';
import { dashboardAnswer, dashboardParams, dashboardPopulation, populationTeams } from '../dashboardAgents';

const ORG = {
    setup: { Id: 'a01Hn0000000001AAA', Name: 'Phone System floor', configurationId: 'a00Hn0000000001AAA' },
    statusLabels: new Map([
        ['Available', 'Available'],
        ['On_a_Call', 'On a Call']
    ])
};

describe('the dashboard population (Apex fake) is the Graph emulator population', () => {
    it.each([
        [500, 1],
        [5000, 1],
        [300, 42]
    ])('%i agents, seed %i: same object ids and the Teams state the emulator shows', (count, seed) => {
        const graph = new GraphEmulator(new Directory([]), createClock());
        const people = graph.generatePopulation(count, seed);
        const plan = dashboardPopulation(count, seed);
        const teams = populationTeams(count, seed);
        expect(plan).toHaveLength(count);
        plan.forEach((agent, i) => {
            const person = people[i]!;
            expect(agent.name).toBe(person.displayName);
            expect([null, person.id]).toContain(agent.objectId);
            const shown = graph.presence(person.id);
            expect(`${shown.availability}/${shown.activity}`).toBe(
                `${teams[i]!.availability}/${teams[i]!.activity}`
            );
        });
    });

    it('the first agents of a larger population are the smaller one (same seed)', () => {
        const small = dashboardPopulation(500, 7);
        expect(dashboardPopulation(5000, 7).slice(0, 500)).toEqual(small);
    });

    it('has deliberate mismatches, agents without object id and logged-out agents', () => {
        const plan = dashboardPopulation(500, 1);
        const mismatches = plan.filter((a) => a.mismatch);
        expect(mismatches.length).toBeGreaterThan(20);
        expect(mismatches.every((a) => a.index % 10 === 3 && a.objectId !== null)).toBe(true);
        // a mismatched agent's Omni status is not the one that agrees with Teams
        for (const a of mismatches) {
            const agreeing = { Available: 'Available', Busy: 'On_a_Call', Away: 'Away' }[
                a.teams.availability
            ];
            expect(agreeing).toBeDefined();
            expect(a.statusApiName).not.toBe(agreeing);
        }
        expect(plan.filter((a) => a.objectId === null).map((a) => a.index % 20)).toEqual(
            Array.from({ length: 25 }, () => 7)
        );
        expect(plan.some((a) => a.statusApiName === null && a.secondsInStatus === null)).toBe(true);
    });

    it('answers as LiveAgentDashboardController.getAgents: ordered by name, time in status, sign-in hint', () => {
        const since = Date.UTC(2026, 0, 1, 12);
        const answer = dashboardAnswer('?agents=50&seed=3', ORG, since) as {
            agents: { name: string; statusStartDate: string | null; statusApiName: string | null }[];
            truncated: boolean;
            signInHint: string;
        };
        expect(answer.agents).toHaveLength(50);
        expect(answer.truncated).toBe(false);
        expect(answer.signInHint).toBe('sue.supervisor@acme.example');
        const names = answer.agents.map((a) => a.name);
        expect(names).toEqual([...names].sort());
        const badTimes = answer.agents.filter((a) =>
            a.statusApiName === null
                ? a.statusStartDate !== null
                : !(Date.parse(a.statusStartDate ?? '') < since)
        );
        expect(badTimes).toEqual([]);
        expect(answer.agents.some((a) => a.statusApiName === null)).toBe(true);
    });

    it('reads ?agents and ?seed: 1..5,000, default 500 and 1', () => {
        expect(dashboardParams('')).toEqual({ count: 500, seed: 1 });
        expect(dashboardParams('?agents=5000&seed=9')).toEqual({ count: 5000, seed: 9 });
        expect(dashboardParams('?agents=99999')).toEqual({ count: 5000, seed: 1 });
        expect(dashboardParams('?agents=0')).toEqual({ count: 1, seed: 1 });
        expect(dashboardParams('?agents=abc')).toEqual({ count: 500, seed: 1 });
    });
});
