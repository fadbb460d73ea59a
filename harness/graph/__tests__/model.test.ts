import {
    aggregateSessions,
    defaultPreferredExpiryMs,
    FADE_STEP_MS,
    matchPair,
    MAX_BATCH_IDS,
    MINUTE_MS,
    parseIsoDuration,
    PREFERRED_PAIRS,
    PresenceModel,
    SESSION_PAIRS,
    type PresenceSession
} from '../model';

const USER = '8f2c4e1a-6b3d-4c5e-9a7f-1d2e3f4a5b6c';
const APP = 'app-1';

function setup() {
    let now = 1_000_000;
    const model = new PresenceModel(() => now);
    return {
        model,
        advance: (ms: number) => {
            now += ms;
        },
        read: () => {
            const r = model.get(USER);
            return `${r.availability}/${r.activity}`;
        }
    };
}

function session(
    availability: string,
    activity: string,
    setAt = 0,
    kind: PresenceSession['kind'] = 'teamsClient'
): PresenceSession {
    return { sessionId: `${availability}-${activity}-${setAt}`, kind, availability, activity, setAt };
}

describe('session precedence: DoNotDisturb > Busy > Available > Away', () => {
    it.each([
        [['Available/Available', 'Away/Away'], 'Available/Available'],
        [['Away/Away', 'Busy/InACall'], 'Busy/InACall'],
        [['Busy/InACall', 'DoNotDisturb/Presenting'], 'DoNotDisturb/Presenting'],
        [['Available/Available', 'Busy/InAConferenceCall', 'Away/Away'], 'Busy/InAConferenceCall'],
        [['DoNotDisturb/DoNotDisturb', 'Available/Available'], 'DoNotDisturb/DoNotDisturb'],
        [['Away/Away'], 'Away/Away']
    ])('%j aggregates to %s', (pairs, expected) => {
        const sessions = pairs.map((p, i) => {
            const [a, b] = p.split('/') as [string, string];
            return session(a, b, i);
        });
        expect(aggregateSessions(sessions, 0)?.join('/')).toBe(expected);
    });

    it('on a tie the most recently set session wins', () => {
        expect(
            aggregateSessions([session('Busy', 'InAMeeting', 5), session('Busy', 'InACall', 9)], 10)?.join(
                '/'
            )
        ).toBe('Busy/InACall');
    });

    it('setPresence Away does not show while a Teams client is Available (documented)', () => {
        const t = setup();
        t.model.setSession(USER, {
            sessionId: 'teams-desktop',
            kind: 'teamsClient',
            availability: 'Available',
            activity: 'Available'
        });
        t.model.setSession(USER, {
            sessionId: APP,
            kind: 'application',
            availability: 'Away',
            activity: 'Away',
            expiresInMs: 3_600_000
        });
        expect(t.read()).toBe('Available/Available');
    });
});

describe('preferred presence', () => {
    it('overrides every session', () => {
        const t = setup();
        t.model.setSession(USER, {
            sessionId: APP,
            kind: 'application',
            availability: 'Busy',
            activity: 'InACall',
            expiresInMs: 3_600_000
        });
        t.model.setPreferred(USER, 'Away', 'Away');
        expect(t.read()).toBe('Away/Away');
        t.model.clearPreferred(USER);
        expect(t.read()).toBe('Busy/InACall');
    });

    it('needs at least one session, else the user is Offline', () => {
        const t = setup();
        t.model.setPreferred(USER, 'DoNotDisturb', 'DoNotDisturb');
        expect(t.read()).toBe('Offline/Offline');
        t.model.setSession(USER, {
            sessionId: 'teams-web',
            kind: 'teamsClient',
            availability: 'Available',
            activity: 'Available'
        });
        expect(t.read()).toBe('DoNotDisturb/DoNotDisturb');
        t.model.clearSession(USER, 'teams-web');
        expect(t.read()).toBe('Offline/Offline');
    });

    it.each([
        ['DoNotDisturb', 24 * 60],
        ['Busy', 24 * 60],
        ['Available', 7 * 24 * 60],
        ['Away', 7 * 24 * 60],
        ['BeRightBack', 7 * 24 * 60],
        ['Offline', 7 * 24 * 60]
    ])('default expiry of %s is %i minutes', (availability, minutes) => {
        expect(defaultPreferredExpiryMs(availability)).toBe(minutes * MINUTE_MS);
    });

    it('expires, after which the sessions show again', () => {
        const t = setup();
        t.model.setSession(USER, {
            sessionId: 'teams-desktop',
            kind: 'teamsClient',
            availability: 'Available',
            activity: 'Available'
        });
        t.model.setPreferred(USER, 'Busy', 'Busy', 60 * MINUTE_MS);
        t.advance(60 * MINUTE_MS - 1);
        expect(t.read()).toBe('Busy/Busy');
        t.advance(1);
        expect(t.read()).toBe('Available/Available');
    });
});

describe('application session timeout (fade) and expiry', () => {
    it.each([
        [0, 'Available/Available'],
        [FADE_STEP_MS - 1, 'Available/Available'],
        [FADE_STEP_MS, 'Available/AvailableInactive'],
        [2 * FADE_STEP_MS - 1, 'Available/AvailableInactive'],
        [2 * FADE_STEP_MS, 'Away/Away'],
        [60 * MINUTE_MS, 'Away/Away']
    ])('an Available session %i ms after it was set shows %s', (age, expected) => {
        const t = setup();
        t.model.setSession(USER, {
            sessionId: APP,
            kind: 'application',
            availability: 'Available',
            activity: 'Available',
            expiresInMs: 240 * MINUTE_MS
        });
        t.advance(age);
        expect(t.read()).toBe(expected);
    });

    it('a Busy session does not fade; it becomes Offline when it expires', () => {
        const t = setup();
        t.model.setSession(USER, {
            sessionId: APP,
            kind: 'application',
            availability: 'Busy',
            activity: 'InACall',
            expiresInMs: 30 * MINUTE_MS
        });
        t.advance(30 * MINUTE_MS - 1);
        expect(t.read()).toBe('Busy/InACall');
        t.advance(1);
        expect(t.read()).toBe('Offline/Offline');
    });

    it('setting the session again restarts the fade', () => {
        const t = setup();
        const set = () =>
            t.model.setSession(USER, {
                sessionId: APP,
                kind: 'application',
                availability: 'Available',
                activity: 'Available',
                expiresInMs: 60 * MINUTE_MS
            });
        set();
        t.advance(4 * MINUTE_MS);
        set();
        t.advance(4 * MINUTE_MS);
        expect(t.read()).toBe('Available/Available');
    });

    it('a Teams client session does not fade (the client keeps itself alive)', () => {
        const t = setup();
        t.model.setSession(USER, {
            sessionId: 'teams-desktop',
            kind: 'teamsClient',
            availability: 'Available',
            activity: 'Available'
        });
        t.advance(3 * 60 * MINUTE_MS);
        expect(t.read()).toBe('Available/Available');
    });

    it('a faded application session loses to an Available Teams client', () => {
        const t = setup();
        t.model.setSession(USER, {
            sessionId: 'teams-desktop',
            kind: 'teamsClient',
            availability: 'Away',
            activity: 'Away'
        });
        t.model.setSession(USER, {
            sessionId: APP,
            kind: 'application',
            availability: 'Available',
            activity: 'Available',
            expiresInMs: 60 * MINUTE_MS
        });
        expect(t.read()).toBe('Available/Available');
        t.advance(2 * FADE_STEP_MS);
        expect(t.read()).toBe('Away/Away');
    });

    it('clearing the only session makes the user Offline; clearing a missing session reports false', () => {
        const t = setup();
        t.model.setSession(USER, {
            sessionId: APP,
            kind: 'application',
            availability: 'Busy',
            activity: 'InACall',
            expiresInMs: 5 * MINUTE_MS
        });
        expect(t.model.clearSession(USER, APP)).toBe(true);
        expect(t.read()).toBe('Offline/Offline');
        expect(t.model.clearSession(USER, APP)).toBe(false);
    });

    it('an expired session counts as missing for clearPresence', () => {
        const t = setup();
        t.model.setSession(USER, {
            sessionId: APP,
            kind: 'application',
            availability: 'Busy',
            activity: 'InACall',
            expiresInMs: 5 * MINUTE_MS
        });
        t.advance(5 * MINUTE_MS);
        expect(t.model.clearSession(USER, APP)).toBe(false);
    });
});

describe('sequenceNumber', () => {
    it('increases when the presence changes and only then', () => {
        const t = setup();
        const seq = () => t.model.get(USER).sequenceNumber;
        const first = seq();
        expect(seq()).toBe(first);
        t.model.setSession(USER, {
            sessionId: APP,
            kind: 'application',
            availability: 'Busy',
            activity: 'InACall',
            expiresInMs: 5 * MINUTE_MS
        });
        const second = seq();
        expect(second > first).toBe(true);
        t.model.setSession(USER, {
            sessionId: APP,
            kind: 'application',
            availability: 'Busy',
            activity: 'InACall',
            expiresInMs: 5 * MINUTE_MS
        });
        expect(seq()).toBe(second);
        t.advance(5 * MINUTE_MS);
        expect(seq() > second).toBe(true);
    });
});

describe('batch reads', () => {
    it(`accept up to ${MAX_BATCH_IDS} ids and refuse more`, () => {
        const t = setup();
        const ids = Array.from({ length: MAX_BATCH_IDS + 1 }, (_, i) => `id-${i}`);
        expect(t.model.getMany(ids.slice(0, MAX_BATCH_IDS))).toHaveLength(MAX_BATCH_IDS);
        expect(() => t.model.getMany(ids)).toThrow(RangeError);
    });

    it('report PresenceUnknown for users without Teams', () => {
        const t = setup();
        t.model.setPresenceUnknown(USER, true);
        expect(t.read()).toBe('PresenceUnknown/PresenceUnknown');
    });
});

describe('validation helpers', () => {
    it.each([
        ['Available', 'Available', true],
        ['busy', 'inacall', true],
        ['Busy', 'InAConferenceCall', true],
        ['Away', 'Away', true],
        ['DoNotDisturb', 'Presenting', true],
        ['Busy', 'Busy', false],
        ['DoNotDisturb', 'DoNotDisturb', false],
        ['BeRightBack', 'BeRightBack', false],
        ['Busy', 'InAMeeting', false],
        ['Offline', 'OffWork', false]
    ])('setPresence pair %s/%s supported: %s', (a, b, ok) => {
        expect(matchPair(SESSION_PAIRS, a, b) !== undefined).toBe(ok);
    });

    it.each([
        ['Available', 'Available', true],
        ['Busy', 'Busy', true],
        ['DoNotDisturb', 'DoNotDisturb', true],
        ['BeRightBack', 'BeRightBack', true],
        ['Away', 'Away', true],
        ['Offline', 'OffWork', true],
        ['Busy', 'InACall', false],
        ['DoNotDisturb', 'Presenting', false]
    ])('preferred pair %s/%s supported: %s', (a, b, ok) => {
        expect(matchPair(PREFERRED_PAIRS, a, b) !== undefined).toBe(ok);
    });

    it('returns the canonical spelling', () => {
        expect(matchPair(SESSION_PAIRS, 'BUSY', 'inacall')).toEqual(['Busy', 'InACall']);
    });

    it.each([
        ['PT5M', 5 * MINUTE_MS],
        ['PT4H', 240 * MINUTE_MS],
        ['PT1H30M', 90 * MINUTE_MS],
        ['P1D', 24 * 60 * MINUTE_MS],
        ['PT0.5S', 500],
        ['pt8h', 8 * 60 * MINUTE_MS],
        ['P', undefined],
        ['PT', undefined],
        ['5 minutes', undefined],
        ['P1M', undefined],
        [300, undefined]
    ])('parses ISO-8601 duration %p', (text, ms) => {
        expect(parseIsoDuration(text)).toBe(ms);
    });
});
