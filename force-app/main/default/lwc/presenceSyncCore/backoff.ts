/*
 * Waiting after failures: Retry-After honoured exactly (delta-seconds or HTTP-date, read without a clock:
 * `now` comes from the event), exponential backoff with jitter from an injected random number in [0, 1),
 * and a circuit breaker that opens after repeated failures.
 */

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 5 * 60 * 1000;
/**
 * First wait after a 429 without a readable Retry-After (a browser reads the header only when Graph
 * exposes it over CORS): the Microsoft Graph SDK's RetryHandler default delay, doubled with every further
 * 429 up to BACKOFF_MAX_MS ("use exponential backoff if the header is missing", Microsoft Graph
 * throttling guidance, https://learn.microsoft.com/graph/throttling).
 */
export const THROTTLE_BASE_MS = 3000;
/** consecutive failures (not counting 429s, which carry their own wait) that open the circuit */
export const CIRCUIT_THRESHOLD = 5;
/** how long an open circuit waits before one probe */
export const CIRCUIT_OPEN_MS = 5 * 60 * 1000;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// RFC 9110 section 5.6.7: IMF-fixdate, obsolete RFC 850 and asctime formats.
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ([a-z]{3}) (\\d{4}) ${TIME} gmt$`);
const RFC_850 = new RegExp(`^${DAY}, (\\d{2})-([a-z]{3})-(\\d{2}) ${TIME} gmt$`);
const ASCTIME = new RegExp(`^${DAY} ([a-z]{3}) +(\\d{1,2}) ${TIME} (\\d{4})$`);

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const mp = (month + 9) % 12;
    const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}

function epochMs(
    year: number,
    monthName: string,
    day: number,
    h: number,
    m: number,
    s: number
): number | null {
    const month = MONTHS.indexOf(monthName) + 1;
    const monthDays = [
        31,
        year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
        31,
        30,
        31,
        30
    ];
    const lastDay = [...monthDays, 31, 31, 30, 31, 30, 31][month - 1];
    if (month === 0 || lastDay === undefined || day < 1 || day > lastDay || h > 23 || m > 59 || s > 60) {
        return null;
    }
    return ((daysFromCivil(year, month, day) * 24 + h) * 60 + m) * 60000 + s * 1000;
}

/** An HTTP-date as epoch ms, or null when it is not one of the three formats HTTP allows. */
export function parseHttpDate(value: string): number | null {
    const text = value.trim().replace(/\s+/g, ' ').toLowerCase();
    let match = IMF_FIXDATE.exec(text);
    if (match) return epochMs(+match[3], match[2], +match[1], +match[4], +match[5], +match[6]);
    match = RFC_850.exec(text);
    if (match) {
        // two-digit years: the century that puts the date nearest (RFC 9110 says at most 50 years ahead)
        const yy = +match[3];
        return epochMs(yy < 70 ? 2000 + yy : 1900 + yy, match[2], +match[1], +match[4], +match[5], +match[6]);
    }
    match = ASCTIME.exec(text.replace(/ +/g, ' '));
    if (match) return epochMs(+match[6], match[1], +match[2], +match[3], +match[4], +match[5]);
    return null;
}

/**
 * The instant (epoch ms) before which no request may be sent, from a Retry-After header received at `now`:
 * delta-seconds or an HTTP-date. A date in the past means "now". Garbage, negative or missing: null.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | null {
    if (typeof header !== 'string') return null;
    const text = header.trim();
    if (/^\d+$/.test(text)) return now + Number(text) * 1000;
    const date = parseHttpDate(text);
    return date === null ? null : Math.max(now, date);
}

/**
 * Exponential backoff with "equal jitter": after the n-th consecutive failure (n >= 1) wait between half
 * and all of min(max, base * 2^(n-1)). `random` is in [0, 1) and comes from the event.
 */
export function backoffDelay(
    failures: number,
    random: number,
    baseMs = BACKOFF_BASE_MS,
    maxMs = BACKOFF_MAX_MS
): number {
    const exponent = Math.min(Math.max(failures, 1) - 1, 30);
    const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
    const jitter = Math.min(Math.max(random, 0), 1);
    return Math.round(ceiling / 2 + (ceiling / 2) * jitter);
}

export interface RetryState {
    /** consecutive failures other than 429 */
    failures: number;
    /** consecutive 429s (their backoff grows when Retry-After is missing; they never open the circuit) */
    throttles: number;
    /** epoch ms before which no Graph request is sent, or null */
    waitUntil: number | null;
    circuitOpen: boolean;
    /** why we wait: 'throttled' (429), 'backoff' or 'circuit' */
    reason: 'throttled' | 'backoff' | 'circuit' | null;
}

export const NO_RETRY: RetryState = {
    failures: 0,
    throttles: 0,
    waitUntil: null,
    circuitOpen: false,
    reason: null
};

/**
 * The wait after a 429: Retry-After exactly; without a readable one, exponential backoff from
 * THROTTLE_BASE_MS that doubles with each consecutive 429 (capped at BACKOFF_MAX_MS). 429s do not count
 * as failures (no circuit), but they count among themselves until a request succeeds.
 */
export function afterThrottle(
    retry: RetryState,
    retryAfter: string | undefined,
    now: number,
    random: number
): RetryState {
    const throttles = retry.throttles + 1;
    const backoff = backoffDelay(throttles, random, THROTTLE_BASE_MS);
    const instant = parseRetryAfter(retryAfter, now) ?? now + backoff;
    const waitUntil = Math.max(instant, retry.waitUntil ?? instant);
    return { ...retry, throttles, waitUntil, reason: retry.circuitOpen ? 'circuit' : 'throttled' };
}

/**
 * The wait after any other failure: backoff, or the circuit opens after CIRCUIT_THRESHOLD in a row. A
 * Retry-After on it (503 Service Unavailable, 504) is honoured as well: never a request before it.
 */
export function afterFailure(
    retry: RetryState,
    now: number,
    random: number,
    retryAfter?: string
): RetryState {
    const failures = retry.failures + 1;
    const circuitOpen = failures >= CIRCUIT_THRESHOLD;
    const delay = circuitOpen ? CIRCUIT_OPEN_MS : backoffDelay(failures, random);
    const asked = parseRetryAfter(retryAfter, now) ?? now;
    const waitUntil = Math.max(now + delay, asked, retry.waitUntil ?? now);
    const { throttles } = retry;
    return { failures, throttles, waitUntil, circuitOpen, reason: circuitOpen ? 'circuit' : 'backoff' };
}

/** Whether a request may be sent at `now`. */
export function mayRequest(retry: RetryState, now: number): boolean {
    return retry.waitUntil === null || now >= retry.waitUntil;
}
