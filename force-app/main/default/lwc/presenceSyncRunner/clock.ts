/*
 * The clock port of the browser: wall time for the events' time stamps, and window timers.
 */
import type { ClockPort } from './ports';

export function browserClock(): ClockPort {
    return {
        now: () => Date.now(),
        setTimeout: (fn, ms) => {
            // eslint-disable-next-line @lwc/lwc/no-async-operation, @locker/locker/distorted-window-set-timeout -- LWS distorts only the string form of setTimeout (evaluated in the sandbox); this passes a function
            return window.setTimeout(fn, ms);
        },
        clearTimeout: (handle) => {
            if (typeof handle === 'number') window.clearTimeout(handle);
        }
    };
}
