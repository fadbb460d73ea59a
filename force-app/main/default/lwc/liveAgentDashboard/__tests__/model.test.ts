import { DELIVERED_CONFIGURATIONS } from 'c/presenceSyncDefaults';
import { normalizeTeamsPresence, parseConfiguration } from 'c/presenceSyncCore';
import type { Configuration } from 'c/presenceSyncCore';
import {
    NO_FILTER,
    NO_TEAMS,
    STALE_AFTER_MS,
    TEAMS_NOT_CONNECTED,
    agreementOf,
    buildRows,
    chunk,
    filterRows,
    objectIds,
    pageOf,
    parseAgents,
    parseSignInHint,
    setupOptions,
    sortRows,
    statusOptions,
    summarize,
    syncHealthOf
} from '../model';
import { STALE_AFTER_MS as CONNECTOR_STALE_AFTER_MS } from '../../ctiDataConnector/healthReport';
import type { AgentRecord, TeamsReading } from '../model';

function config(index = 0): Configuration {
    const parsed = parseConfiguration(DELIVERED_CONFIGURATIONS[index]);
    if (!parsed.ok) throw new Error('delivered configuration invalid');
    return parsed.configuration;
}

const NOW = 2_000_000_000_000;
const ID_A = '8f2c4e1a-6b3d-4c5e-9a7f-1d2e3f4a5b6c';
const ID_B = '3b9d7c2e-1f4a-4e6b-8c5d-2a3b4c5d6e7f';
const ID_C = '9c4b2a1d-3e5f-4b7a-a9c8-4e5f6a7b8c9d';

function agent(userId: string, patch: Partial<AgentRecord> = {}): AgentRecord {
    return {
        userId,
        name: userId,
        callCenterSetupId: 'a01',
        callCenterSetupName: 'Berlin',
        configurationId: 'cfg',
        entraObjectId: null,
        statusApiName: 'Available',
        statusSince: 1000,
        syncHealth: null,
        heartbeatAt: null,
        lastSyncAt: null,
        ...patch,
        statusLabel:
            patch.statusLabel === undefined ? (patch.statusApiName ?? 'Available') : patch.statusLabel
    };
}

const read = (availability: string, activity: string, readAt = 5000): TeamsReading => ({
    availability,
    activity,
    readAt
});

describe('parseAgents', () => {
    it('reads the Apex answer and skips malformed entries', () => {
        const agents = parseAgents({
            agents: [
                {
                    userId: '005A',
                    name: 'Ada',
                    entraObjectId: ID_A,
                    statusApiName: 'On_a_Call',
                    statusLabel: 'On a Call',
                    statusStartDate: '2026-11-25T08:00:00.000Z',
                    configurationId: 'cfg'
                },
                { name: 'no id' },
                'junk',
                { userId: '005B' }
            ]
        });
        expect(agents).toHaveLength(2);
        expect(agents[0]).toMatchObject({
            userId: '005A',
            name: 'Ada',
            statusSince: Date.parse('2026-11-25T08:00:00.000Z')
        });
        expect(agents[1]).toMatchObject({ name: '005B', statusApiName: null, statusSince: null });
        expect(parseAgents(null)).toEqual([]);
        expect(parseAgents({ agents: 'x' })).toEqual([]);
    });
});

describe('chunks of ids', () => {
    it('sends at most 650 ids per request: 500 -> 1, 5,000 -> 8', () => {
        const ids = (n: number) => Array.from({ length: n }, (_, i) => i);
        expect(chunk(ids(500)).map((c) => c.length)).toEqual([500]);
        const big = chunk(ids(5000));
        expect(big).toHaveLength(8);
        expect(big.every((c) => c.length <= 650)).toBe(true);
        expect(big.flat()).toEqual(ids(5000));
        expect(chunk(ids(650))).toHaveLength(1);
        expect(chunk(ids(651))).toHaveLength(2);
        expect(chunk([])).toEqual([]);
    });

    it('uses only valid, distinct object ids', () => {
        const agents = [
            agent('1', { entraObjectId: ID_A }),
            agent('2', { entraObjectId: ID_A.toUpperCase() }),
            agent('3', { entraObjectId: 'not-a-guid' }),
            agent('4', { entraObjectId: null }),
            agent('5', { entraObjectId: ID_B })
        ];
        expect(objectIds(agents)).toEqual([ID_A, ID_B]);
    });
});

describe('agreement under the configuration mapping', () => {
    const cfg = config();

    it('Teams Busy/InACall means On a Call: agrees with On_a_Call, mismatches Available', () => {
        expect(agreementOf(cfg, 'On_a_Call', ID_A, read('Busy', 'InACall')).agreement).toBe('match');
        expect(agreementOf(cfg, 'Available', ID_A, read('Busy', 'InACall'))).toEqual({
            agreement: 'mismatch',
            expectedStatus: 'On_a_Call'
        });
    });

    it('values are compared case-insensitively', () => {
        expect(agreementOf(cfg, 'on_a_call', ID_A, read('busy', 'inACall')).agreement).toBe('match');
    });

    it('a Teams state that means "no change" is matched by the write of the status, else not compared', () => {
        // Available/Available is the Session write of Available
        expect(agreementOf(cfg, 'Available', ID_A, read('Available', 'Available')).agreement).toBe('match');
        expect(agreementOf(cfg, 'Busy', ID_A, read('AvailableIdle', 'Available')).agreement).toBe(
            'notCompared'
        );
    });

    it('the direction does not matter for the comparison (Salesforce to Teams only)', () => {
        const oneWay: Configuration = { ...cfg, direction: 'SalesforceToMeetingApp' };
        expect(agreementOf(oneWay, 'Available', ID_A, read('Busy', 'InACall')).agreement).toBe('mismatch');
    });

    it('not connected, not read, no configuration', () => {
        expect(agreementOf(cfg, 'Available', null, null).agreement).toBe('notConnected');
        expect(agreementOf(cfg, 'Available', ID_A, null).agreement).toBe('notRead');
        expect(agreementOf(null, 'Available', ID_A, read('Busy', 'InACall')).agreement).toBe('notCompared');
    });

    it('logged out of Omni counts as Offline', () => {
        const r = agreementOf(cfg, null, ID_A, read('Busy', 'InACall'));
        expect(r).toEqual({ agreement: 'mismatch', expectedStatus: 'On_a_Call' });
    });
});

describe('rows, sort, filter, paging', () => {
    const configurations = new Map([['cfg', config()]]);
    const agents = [
        agent('1', { name: 'Zoë', entraObjectId: ID_A, statusApiName: 'On_a_Call', statusSince: 3000 }),
        agent('2', { name: 'ada', entraObjectId: ID_B, statusApiName: 'Available', statusSince: 1000 }),
        agent('3', { name: 'Ben', entraObjectId: null, statusApiName: 'Away', statusSince: null }),
        agent('4', { name: 'Émile', entraObjectId: ID_C, statusApiName: null, statusLabel: null })
    ];
    const readings = new Map([
        [ID_A, read('Busy', 'InACall', 10)],
        [ID_B, read('Busy', 'InACall', 20)]
    ]);
    const rows = buildRows(agents, configurations, readings, NOW);

    it('keeps every agent; without object id: not connected', () => {
        expect(rows.map((r) => r.agreement)).toEqual(['match', 'mismatch', 'notConnected', 'notRead']);
        expect(rows[3].statusApiName).toBe('Offline');
        expect(rows[3].statusLabel).toBeNull();
    });

    it('an agent whose configuration is unknown is not compared', () => {
        const other = buildRows(
            [agent('9', { entraObjectId: ID_A, configurationId: null })],
            configurations,
            readings,
            NOW
        );
        expect(other[0].agreement).toBe('notCompared');
    });

    it('sorts by name (accents and case folded), both ways', () => {
        const names = (order: 'ascending' | 'descending') =>
            sortRows(rows, { field: 'name', direction: order }).map((r) => r.name);
        expect(names('ascending')).toEqual(['ada', 'Ben', 'Émile', 'Zoë']);
        expect(names('descending')).toEqual(['Zoë', 'Émile', 'Ben', 'ada']);
    });

    it('sorts 5,000 names as localeCompare does, with one cached collator (no localeCompare per comparison)', () => {
        const names = ['Zoë', 'ada', 'Ben', 'Émile', 'émile', 'Ærø', 'Öz', 'oz', 'Łukasz', 'lena'];
        const many = buildRows(
            Array.from({ length: 5000 }, (_, i) =>
                agent(`005${String(i).padStart(5, '0')}`, {
                    name: `${names[(i * 7) % names.length]} ${(i * 31) % 97}`
                })
            ),
            configurations,
            new Map(),
            NOW
        );
        const reference = [...many]
            .sort(
                (a, b) =>
                    a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) ||
                    (a.userId < b.userId ? -1 : 1)
            )
            .map((r) => r.userId);
        const localeCompare = jest.spyOn(String.prototype, 'localeCompare');
        const collator = jest.spyOn(Intl, 'Collator');
        try {
            const sorted = sortRows(many, { field: 'name', direction: 'ascending' }).map((r) => r.userId);
            expect(sorted).toEqual(reference);
            expect(localeCompare).not.toHaveBeenCalled();
            // the collator is created once per module, not per comparison (0: created by an earlier test)
            expect(collator.mock.calls.length).toBeLessThanOrEqual(1);
        } finally {
            localeCompare.mockRestore();
            collator.mockRestore();
        }
    });

    it('sorts by time in status, agreement, Teams, last read and status', () => {
        const ids = (
            field: Parameters<typeof sortRows>[1]['field'],
            direction: 'ascending' | 'descending' = 'ascending'
        ) => sortRows(rows, { field, direction }).map((r) => r.userId);
        // time in status: ascending is the shortest time first (the latest start); logged out last
        expect(ids('since')).toEqual(['1', '2', '4', '3']);
        expect(ids('since', 'descending')).toEqual(['2', '4', '1', '3']);
        expect(ids('agreement')).toEqual(['2', '1', '4', '3']);
        expect(ids('teams')).toEqual(['2', '1', '4', '3']);
        expect(ids('readAt', 'descending')).toEqual(['2', '1', '3', '4']);
        expect(ids('status')).toEqual(['2', '3', '4', '1']);
    });

    it('filters by status, mismatch and name', () => {
        const f = (filter: Partial<Parameters<typeof filterRows>[1]>) =>
            filterRows(rows, { ...NO_FILTER, ...filter }).map((r) => r.userId);
        expect(f({})).toEqual(['1', '2', '3', '4']);
        expect(f({ status: 'On_a_Call' })).toEqual(['1']);
        expect(f({ status: 'Offline' })).toEqual(['4']);
        expect(f({ mismatchOnly: true })).toEqual(['2']);
        expect(f({ search: 'emi' })).toEqual(['4']);
        expect(f({ search: '  ZO ' })).toEqual(['1']);
        expect(f({ search: 'x', mismatchOnly: true })).toEqual([]);
    });

    it('pages 100 rows at a time', () => {
        const many = Array.from({ length: 5000 }, (_, i) => i);
        const first = pageOf(many, 1);
        expect(first).toMatchObject({ page: 1, pageCount: 50, first: 1, last: 100, total: 5000 });
        expect(first.rows).toHaveLength(100);
        expect(pageOf(many, 50)).toMatchObject({ first: 4901, last: 5000 });
        expect(pageOf(many, 99).page).toBe(50);
        expect(pageOf([], 1)).toMatchObject({ page: 1, pageCount: 1, first: 0, last: 0, total: 0 });
    });

    it('offers the statuses present', () => {
        expect(statusOptions(rows).map((o) => o.value)).toEqual([
            'Available',
            'Away',
            'Offline',
            'On_a_Call'
        ]);
    });
});

describe('parseSignInHint', () => {
    it("reads the supervisor's sign-in hint of the Apex answer", () => {
        expect(parseSignInHint({ agents: [], signInHint: ' sue@acme.example ' })).toBe('sue@acme.example');
        expect(parseSignInHint({ agents: [] })).toBeNull();
        expect(parseSignInHint(null)).toBeNull();
    });
});

describe('buildRows evaluates the mapping once per combination', () => {
    it('gives every row the agreement agreementOf gives it (2,000 agents, 3 configurations, unknown values)', () => {
        const configurations = new Map([
            ['cfg', config(0)],
            ['swyx', config(1)],
            ['3cx', config(2)]
        ]);
        const statuses = ['Available', 'On_a_Call', 'Busy', 'Away', null, 'Be_Right_Back', 'Unknown_Status'];
        const pairs: [string, string][] = [
            ['Available', 'Available'],
            ['Busy', 'InACall'],
            ['Busy', 'InAMeeting'],
            ['away', 'away'],
            ['Offline', 'OffWork'],
            ['Mystery', 'Thing'],
            ['DoNotDisturb', 'Presenting']
        ];
        const configIds = ['cfg', 'swyx', '3cx', 'missing', null];
        const guid = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
        const agents = Array.from({ length: 2000 }, (_, i) =>
            agent(`005${i}`, {
                entraObjectId: i % 11 === 0 ? null : guid(i),
                statusApiName: statuses[i % statuses.length],
                configurationId: configIds[i % configIds.length]
            })
        );
        const readings = new Map(
            agents
                .filter((_, i) => i % 13 !== 0 && i % 11 !== 0)
                .map((a, k) => {
                    const [availability, activity] = pairs[k % pairs.length];
                    return [a.entraObjectId!, read(availability, activity, k)] as const;
                })
        );
        const rows = buildRows(agents, configurations, readings, NOW);
        const expected = agents.map((a) => {
            const reading = a.entraObjectId === null ? null : (readings.get(a.entraObjectId) ?? null);
            const cfg = a.configurationId === null ? null : (configurations.get(a.configurationId) ?? null);
            return agreementOf(cfg, a.statusApiName, a.entraObjectId, reading);
        });
        expect(rows.map((r) => ({ agreement: r.agreement, expectedStatus: r.expectedStatus }))).toEqual(
            expected
        );
        expect(new Set(rows.map((r) => r.agreement))).toEqual(
            new Set(['match', 'mismatch', 'notCompared', 'notConnected', 'notRead'])
        );
        expect(rows.map((r) => r.teams)).toEqual(
            rows.map((r) => (r.reading === null ? null : normalizeTeamsPresence(r.reading)))
        );
        expect(rows[1].teams).toEqual({ availability: 'Available', activity: 'Available' });
    });
});

describe('sync health', () => {
    const configurations = new Map([['cfg', config(0)]]);
    const minute = 60_000;

    it('shows what the connector reported while its heartbeat is fresh', () => {
        expect(syncHealthOf({ syncHealth: 'throttled', heartbeatAt: NOW - 3 * minute }, NOW)).toBe(
            'throttled'
        );
        expect(syncHealthOf({ syncHealth: 'syncing', heartbeatAt: NOW - STALE_AFTER_MS }, NOW)).toBe(
            'syncing'
        );
    });

    it('a heartbeat older than the stale threshold is "no connector running", whatever was reported', () => {
        expect(syncHealthOf({ syncHealth: 'syncing', heartbeatAt: NOW - STALE_AFTER_MS - 1 }, NOW)).toBe(
            'stale'
        );
        expect(STALE_AFTER_MS).toBe(12 * minute);
        // the connector's documented threshold is the dashboard's
        expect(CONNECTOR_STALE_AFTER_MS).toBe(STALE_AFTER_MS);
    });

    it('no heartbeat at all is "never connected"; an unknown reported value counts as not running', () => {
        expect(syncHealthOf({ syncHealth: null, heartbeatAt: null }, NOW)).toBe('neverConnected');
        expect(syncHealthOf({ syncHealth: 'exploded', heartbeatAt: NOW }, NOW)).toBe('stale');
    });

    it('parses the health fields of the Apex answer', () => {
        const [a] = parseAgents({
            agents: [
                {
                    userId: '005A',
                    syncHealth: 'paused',
                    syncHeartbeatAt: '2026-12-04T10:00:00.000Z',
                    lastSuccessfulSyncAt: '2026-12-04T09:55:00.000Z'
                }
            ]
        });
        expect(a).toEqual(
            expect.objectContaining({
                syncHealth: 'paused',
                heartbeatAt: Date.parse('2026-12-04T10:00:00.000Z'),
                lastSyncAt: Date.parse('2026-12-04T09:55:00.000Z')
            })
        );
    });

    const agents = [
        agent('1', { name: 'A', syncHealth: 'syncing', heartbeatAt: NOW - minute, entraObjectId: ID_A }),
        agent('2', { name: 'B', syncHealth: 'syncing', heartbeatAt: NOW - 20 * minute, entraObjectId: ID_B }),
        agent('3', { name: 'C', syncHealth: 'paused', heartbeatAt: NOW - minute, statusApiName: 'Away' }),
        agent('4', {
            name: 'D',
            callCenterSetupId: 'a02',
            callCenterSetupName: 'Amsterdam',
            statusApiName: 'Away'
        })
    ];
    const readings = new Map([
        [ID_A, { availability: 'Available', activity: 'Available', readAt: NOW }],
        [ID_B, { availability: 'Busy', activity: 'InACall', readAt: NOW }]
    ]);
    const rows = buildRows(agents, configurations, readings, NOW);

    it('the summary counts agents per Omni status, Teams availability, mismatch and health', () => {
        const summary = summarize(rows, '');
        expect(summary.total).toBe(4);
        expect([...summary.omni]).toEqual([
            ['Available', 2],
            ['Away', 2]
        ]);
        expect(Object.fromEntries(summary.teams)).toEqual({
            Available: 1,
            Busy: 1,
            [TEAMS_NOT_CONNECTED]: 2
        });
        expect(summary.mismatches).toBe(1);
        expect(Object.fromEntries(summary.health)).toEqual({
            syncing: 1,
            paused: 1,
            signInRequired: 0,
            throttled: 0,
            configurationBroken: 0,
            stale: 1,
            neverConnected: 1
        });
    });

    it('the summary counts only the chosen Call Center Setup', () => {
        const summary = summarize(rows, 'a02');
        expect(summary.total).toBe(1);
        expect(summary.health.get('neverConnected')).toBe(1);
        expect(summary.health.get('syncing')).toBe(0);
    });

    it('filters by health, Teams availability and Call Center Setup', () => {
        const f = (filter: Partial<typeof NO_FILTER>) =>
            filterRows(rows, { ...NO_FILTER, ...filter }).map((r) => r.userId);
        expect(f({ health: 'stale' })).toEqual(['2']);
        expect(f({ health: 'neverConnected' })).toEqual(['4']);
        expect(f({ teams: 'Busy' })).toEqual(['2']);
        expect(f({ teams: TEAMS_NOT_CONNECTED })).toEqual(['3', '4']);
        expect(f({ teams: NO_TEAMS })).toEqual([]);
        expect(f({ setup: 'a02' })).toEqual(['4']);
        expect(f({ setup: 'a01', status: 'Away' })).toEqual(['3']);
    });

    it('sorts by health and last sync; lists the setups by name', () => {
        expect(sortRows(rows, { field: 'health', direction: 'ascending' }).map((r) => r.userId)).toEqual([
            '1',
            '3',
            '2',
            '4'
        ]);
        expect(setupOptions(agents)).toEqual([
            { value: 'a02', label: 'Amsterdam' },
            { value: 'a01', label: 'Berlin' }
        ]);
    });
});
