/*
 * The agent's Office 365 sign-in address: checked and normalized before it is saved. Codes only; the UI
 * maps them to Custom Labels.
 */

/** Office365Email__c is an Email field: at most 80 characters. */
export const EMAIL_MAX_LENGTH = 80;

export type EmailCheck =
    { ok: true; value: string } | { ok: false; code: 'emailRequired' | 'emailTooLong' | 'emailInvalid' };

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL = /^([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/**
 * Trims, lower-cases the domain (the local part is left as typed), and checks the address: one `@`, a
 * dot-atom local part of at most 64 characters, a domain of at least two labels (letters, digits, inner
 * hyphens, each at most 63) with an alphabetic or punycode top-level label, at most 80 characters.
 */
export function checkEmail(input: unknown): EmailCheck {
    const trimmed = typeof input === 'string' ? input.trim() : '';
    if (trimmed === '') return { ok: false, code: 'emailRequired' };
    const at = trimmed.lastIndexOf('@');
    if (at <= 0 || at === trimmed.length - 1 || trimmed.indexOf('@') !== at) {
        return { ok: false, code: 'emailInvalid' };
    }
    const local = trimmed.slice(0, at);
    const domain = trimmed.slice(at + 1).toLowerCase();
    const labels = domain.split('.');
    const valid =
        local.length <= 64 &&
        LOCAL_PART.test(local) &&
        domain.length <= 253 &&
        labels.length >= 2 &&
        labels.every((label) => DOMAIN_LABEL.test(label)) &&
        TOP_LEVEL.test(labels[labels.length - 1]);
    if (!valid) return { ok: false, code: 'emailInvalid' };
    const value = `${local}@${domain}`;
    if (value.length > EMAIL_MAX_LENGTH) return { ok: false, code: 'emailTooLong' };
    return { ok: true, value };
}
