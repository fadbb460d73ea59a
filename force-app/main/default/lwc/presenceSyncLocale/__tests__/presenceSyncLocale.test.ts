/**
 * Times in the user's Salesforce locale and time zone, not the browser's: the module reads
 * @salesforce/i18n once, so each locale is a fresh module.
 */
const INSTANT = Date.parse('2026-12-04T16:08:20.000Z');

function timeTextFor(locale: string, timeZone: string): (epochMs: number) => string {
    let timeText!: (epochMs: number) => string;
    jest.isolateModules(() => {
        jest.doMock('@salesforce/i18n/locale', () => ({ default: locale }), { virtual: true });
        jest.doMock('@salesforce/i18n/timeZone', () => ({ default: timeZone }), { virtual: true });
        timeText = require('c/presenceSyncLocale').timeText;
    });
    return timeText;
}

function dateTimeTextFor(locale: string, timeZone: string): (epochMs: number) => string {
    let dateTimeText!: (epochMs: number) => string;
    jest.isolateModules(() => {
        jest.doMock('@salesforce/i18n/locale', () => ({ default: locale }), { virtual: true });
        jest.doMock('@salesforce/i18n/timeZone', () => ({ default: timeZone }), { virtual: true });
        dateTimeText = require('c/presenceSyncLocale').dateTimeText;
    });
    return dateTimeText;
}

describe('dateTimeText', () => {
    it('shows a German user the date and 24-hour time in their time zone', () => {
        expect(dateTimeTextFor('de-DE', 'Europe/Berlin')(INSTANT)).toBe('04.12.26, 17:08:20');
    });

    it('shows an American user the date and 12-hour time in their time zone', () => {
        expect(dateTimeTextFor('en-US', 'America/Los_Angeles')(INSTANT)).toBe('12/4/26, 8:08:20 AM');
    });
});

describe('timeText', () => {
    it('shows a German user 24-hour time in their time zone', () => {
        expect(timeTextFor('de-DE', 'Europe/Berlin')(INSTANT)).toBe('17:08:20');
    });

    it('shows an American user 12-hour time in their time zone', () => {
        expect(timeTextFor('en-US', 'America/Los_Angeles')(INSTANT)).toBe('8:08:20 AM');
    });

    it('writes the hour with two digits where the locale does: German just after midnight and in the morning', () => {
        const german = timeTextFor('de-DE', 'Europe/Berlin');
        expect(german(Date.parse('2026-12-04T23:01:02.000Z'))).toBe('00:01:02');
        expect(german(Date.parse('2026-12-04T08:05:20.000Z'))).toBe('09:05:20');
        expect(timeTextFor('en-US', 'America/New_York')(Date.parse('2026-12-04T05:01:02.000Z'))).toBe(
            '12:01:02 AM'
        );
    });

    it('falls back to the browser locale when the user locale is not one it knows', () => {
        const text = timeTextFor('xx-invalid-locale-@@', 'Nowhere/Nothing')(INSTANT);
        expect(text).toMatch(/\d{1,2}:08:20/);
    });
});
