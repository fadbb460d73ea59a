/*
 * The Azure ids as admins paste them: trimmed, braces and upper case accepted, 32 bare hex digits
 * accepted; stored as the canonical lower-case 8-4-4-4-12 form (what Entra shows and MSAL sends).
 */

export type GuidProblem = 'empty' | 'invalidCharacter' | 'wrongLength' | 'wrongGrouping';

export type GuidCheck = { ok: true; value: string } | { ok: false; problem: GuidProblem; detail: string };

const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BARE = /^[0-9a-f]{32}$/;

/** Normalizes a pasted GUID or names what is wrong with it (`detail`: the bad character or the digit count). */
export function normalizeGuid(input: string | null | undefined): GuidCheck {
    let text = (input ?? '').trim();
    if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1).trim();
    if (text === '') return { ok: false, problem: 'empty', detail: '' };
    text = text.toLowerCase();
    const bad = /[^0-9a-f-]/.exec(text);
    if (bad) return { ok: false, problem: 'invalidCharacter', detail: bad[0] };
    const digits = text.replace(/-/g, '');
    if (digits.length !== 32) return { ok: false, problem: 'wrongLength', detail: String(digits.length) };
    if (CANONICAL.test(text)) return { ok: true, value: text };
    if (BARE.test(text)) {
        const d = digits;
        const value = `${d.slice(0, 8)}-${d.slice(8, 12)}-${d.slice(12, 16)}-${d.slice(16, 20)}-${d.slice(20)}`;
        return { ok: true, value };
    }
    return { ok: false, problem: 'wrongGrouping', detail: '' };
}
