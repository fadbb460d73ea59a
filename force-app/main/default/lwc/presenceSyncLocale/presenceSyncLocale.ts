/*
 * Times as the running user reads them: in the user's Salesforce locale and time zone
 * (`@salesforce/i18n/locale`, `@salesforce/i18n/timeZone`: "Internationalize Your Components", LWC
 * Developer Guide), not the browser's. A German user sees 17:08:20, an American one 5:08:20 PM.
 */
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';

let timeFormat: Intl.DateTimeFormat | null = null;
let dateTimeFormat: Intl.DateTimeFormat | null = null;

function make(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    try {
        return new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: TIME_ZONE });
    } catch {
        // a locale or time zone this browser does not know: its own, rather than no time at all
        return new Intl.DateTimeFormat(undefined, options);
    }
}

/** One formatter for the module: building one per call is slow (the dashboard formats thousands). */
function formatter(): Intl.DateTimeFormat {
    if (timeFormat === null) {
        const options: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', second: '2-digit' };
        try {
            timeFormat = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: TIME_ZONE });
        } catch {
            // a locale or time zone this browser does not know: its own, rather than no time at all
            timeFormat = new Intl.DateTimeFormat(undefined, options);
        }
    }
    return timeFormat;
}

/** The time of day of an instant (epoch ms), with seconds, in the user's locale and time zone. */
export function timeText(epochMs: number): string {
    return formatter().format(epochMs);
}

/** Date and time of an instant (epoch ms), short date, time with seconds, in the user's locale and time zone. */
export function dateTimeText(epochMs: number): string {
    dateTimeFormat ??= make({ dateStyle: 'short', timeStyle: 'medium' });
    return dateTimeFormat.format(epochMs);
}
