/**
 * Salesforce record Ids: a 3-character key prefix, 12 characters, and for the 18-character form a
 * 3-character case-safe suffix (one character per 5-character chunk, encoding which characters are
 * upper-case letters).
 */
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export function caseSafeSuffix(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk += 1) {
        let bits = 0;
        for (let i = 0; i < 5; i += 1) {
            const c = id15.charAt(chunk * 5 + i);
            if (c >= 'A' && c <= 'Z') bits |= 1 << i;
        }
        suffix += SUFFIX_ALPHABET.charAt(bits);
    }
    return suffix;
}

/** The 18-character Id for a 15-character one (an 18-character Id is returned unchanged). */
export function to18(id: string): string {
    if (id.length === 18) return id;
    if (id.length !== 15) throw new Error(`not a Salesforce Id: ${id}`);
    return id + caseSafeSuffix(id);
}

/** `prefix` (3 characters) + a base-62 serial number: a deterministic 18-character Id. */
export function makeId(prefix: string, serial: number, pod = 'Hn'): string {
    const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    let n = serial;
    let body = '';
    while (n > 0) {
        body = digits.charAt(n % 62) + body;
        n = Math.floor(n / 62);
    }
    const id15 = `${prefix}${pod}${body.padStart(10, '0')}`;
    return to18(id15);
}

/** Same record: Ids compared on their first 15 characters. */
export function sameId(a: string | null | undefined, b: string | null | undefined): boolean {
    if (!a || !b) return false;
    return a.slice(0, 15) === b.slice(0, 15);
}

/** Id syntax: 15 or 18 alphanumerics, and an 18-character Id's suffix must match. */
export function isSalesforceId(value: unknown): value is string {
    if (typeof value !== 'string' || !/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value)) return false;
    return value.length === 15 || to18(value.slice(0, 15)) === value;
}
