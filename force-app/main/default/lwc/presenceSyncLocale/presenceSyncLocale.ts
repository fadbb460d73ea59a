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

/**
 * One formatter for the module: building one per call is slow (the dashboard formats thousands). The
 * locale's own medium time style, not single fields: `hour: 'numeric'` gives a German user 0:01:02 and
 * 9:05:20 after midnight, where German writes 00:01:02 and 09:05:20 (the CLDR time pattern HH:mm:ss).
 */
function formatter(): Intl.DateTimeFormat {
    timeFormat ??= make({ timeStyle: 'medium' });
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
