import {
    documentedTeamsPairs,
    isTransientPresence,
    normalizeActivity,
    normalizeAvailability,
    normalizeRowActivity,
    normalizeTeamsPresence,
    pairLabel,
    samePresence
} from 'c/presenceSyncCore';
import { isPreferredOnly, sessionRank } from '../teamsValues';

describe('c-presence-sync-core', () => {
    describe('Teams values', () => {
        it.each([
            ['available', 'Available'],
            ['  DONOTDISTURB ', 'DoNotDisturb'],
            ['presenceunknown', 'PresenceUnknown'],
            ['InACall', null],
            ['', null],
            [42, null],
            [null, null]
        ])('normalizes availability %p to %p', (value, expected) => {
            expect(normalizeAvailability(value)).toBe(expected);
        });

        it.each([
            ['inacall', 'InACall'],
            ['INACONFERENCECALL', 'InAConferenceCall'],
            ['availableinactive', 'AvailableInactive'],
            ['Any', null],
            ['Lunch', null],
            [undefined, null]
        ])('normalizes activity %p to %p', (value, expected) => {
            expect(normalizeActivity(value)).toBe(expected);
        });

        it('accepts Any only as a row activity', () => {
            expect(normalizeRowActivity('any')).toBe('Any');
            expect(normalizeRowActivity('focusing')).toBe('Focusing');
            expect(normalizeRowActivity('nope')).toBeNull();
        });

        it('normalizes a Graph reading to the documented spelling', () => {
            expect(normalizeTeamsPresence({ availability: 'busy', activity: 'inacall', extra: 1 })).toEqual({
                availability: 'Busy',
                activity: 'InACall'
            });
        });

        it.each([
            null,
            undefined,
            'Busy/InACall',
            42,
            {},
            { availability: 'Busy' },
            { availability: 'Busy', activity: 'Juggling' },
            { availability: 'Busyish', activity: 'Busy' },
            { availability: 1, activity: 2 }
        ])('returns null for %p', (value) => {
            expect(normalizeTeamsPresence(value)).toBeNull();
        });

        it('compares readings case-insensitively, undocumented values included', () => {
            expect(
                samePresence(
                    { availability: 'Busy', activity: 'InACall' },
                    { availability: 'BUSY', activity: ' inacall' }
                )
            ).toBe(true);
            expect(
                samePresence(
                    { availability: 'x', activity: 'NewThing' },
                    { availability: 'X', activity: 'newthing' }
                )
            ).toBe(true);
            expect(
                samePresence(
                    { availability: 'Busy', activity: 'InACall' },
                    { availability: 'Busy', activity: 'Busy' }
                )
            ).toBe(false);
            expect(
                samePresence(
                    { availability: 'Away', activity: 'Busy' },
                    { availability: 'Busy', activity: 'Busy' }
                )
            ).toBe(false);
        });

        it('treats a missing reading as equal only to another missing reading', () => {
            const busy = { availability: 'Busy', activity: 'Busy' };
            expect(samePresence(null, null)).toBe(true);
            expect(samePresence(undefined, null)).toBe(true);
            expect(samePresence(busy, null)).toBe(false);
            expect(samePresence(null, busy)).toBe(false);
        });

        it('lists the documented pairs: Teams states, setPresence, setUserPreferredPresence, fade and transient values', () => {
            const labels = documentedTeamsPairs().map(pairLabel);
            expect(labels).toEqual(
                expect.arrayContaining([
                    'Available/Available',
                    'Available/AvailableInactive',
                    'Available/OutOfOffice',
                    'Busy/Busy',
                    'Busy/InACall',
                    'Busy/InAConferenceCall',
                    'Busy/InAMeeting',
                    'DoNotDisturb/DoNotDisturb',
                    'DoNotDisturb/Presenting',
                    'Away/Away',
                    'BeRightBack/BeRightBack',
                    'Offline/OffWork',
                    'Offline/Offline',
                    'AvailableIdle/Available',
                    'BusyIdle/Busy',
                    'PresenceUnknown/PresenceUnknown'
                ])
            );
            expect(new Set(labels).size).toBe(labels.length);
        });

        it('returns a copy of the documented pairs', () => {
            const pairs = documentedTeamsPairs();
            pairs[0].availability = 'Offline';
            pairs.pop();
            expect(documentedTeamsPairs()[0].availability).toBe('Available');
            expect(documentedTeamsPairs()).toHaveLength(pairs.length + 1);
        });

        it.each([
            ['AvailableIdle', 'Available', true],
            ['BusyIdle', 'Busy', true],
            ['PresenceUnknown', 'PresenceUnknown', true],
            ['Available', 'AvailableInactive', true],
            ['Away', 'Inactive', true],
            ['Available', 'Available', false],
            ['Offline', 'OffWork', false]
        ] as const)('says whether %s/%s is transient (%p)', (availability, activity, expected) => {
            expect(isTransientPresence({ availability, activity })).toBe(expected);
        });
    });

    describe('precedence of what Teams shows', () => {
        it.each([
            ['DoNotDisturb', 4],
            ['busy', 3],
            ['Available', 2],
            ['Away', 1],
            ['BeRightBack', 0],
            ['Offline', 0]
        ] as const)('ranks %s as a session at %p', (availability, rank) => {
            expect(sessionRank({ availability })).toBe(rank);
        });

        it('knows the pairs only a preferred presence shows', () => {
            expect(isPreferredOnly({ availability: 'busy', activity: 'busy' })).toBe(true);
            expect(isPreferredOnly({ availability: 'BeRightBack', activity: 'BeRightBack' })).toBe(true);
            expect(isPreferredOnly({ availability: 'Busy', activity: 'InACall' })).toBe(false);
            expect(isPreferredOnly({ availability: 'Available', activity: 'Available' })).toBe(false);
        });
    });
});
