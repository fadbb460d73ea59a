/*
 * The error shapes lightning/uiRecordApi rejects with (UI API: body.output.errors / fieldErrors, a list of
 * { message }, a plain body.message) and plain JavaScript errors, reduced to what the form shows.
 */

export interface ReducedError {
    /** messages about the record as a whole (validation rules without a field, permissions, network) */
    messages: string[];
    /** messages per field API name (validation rules with an error field, FLS, bad values) */
    fieldErrors: Record<string, string[]>;
}

type Rec = Record<string, unknown>;

function isRecord(value: unknown): value is Rec {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(value: unknown): string | null {
    return isRecord(value) && typeof value.message === 'string' && value.message !== ''
        ? value.message
        : null;
}

function collectOutput(output: Rec, into: ReducedError): void {
    if (Array.isArray(output.errors)) {
        for (const e of output.errors) {
            const m = messageOf(e);
            if (m !== null) into.messages.push(m);
        }
    }
    if (isRecord(output.fieldErrors)) {
        for (const [field, list] of Object.entries(output.fieldErrors)) {
            const messages = (Array.isArray(list) ? list : [list])
                .map(messageOf)
                .filter((m): m is string => m !== null);
            if (messages.length > 0) into.fieldErrors[field] = messages;
        }
    }
}

/** Never throws; an unrecognised error still yields one message (`fallback`). */
export function reduceRecordError(error: unknown, fallback: string): ReducedError {
    const reduced: ReducedError = { messages: [], fieldErrors: {} };
    const body = isRecord(error) ? error.body : undefined;
    if (Array.isArray(body)) {
        for (const item of body) {
            const m = messageOf(item);
            if (m !== null) reduced.messages.push(m);
        }
    } else if (isRecord(body)) {
        if (isRecord(body.output)) collectOutput(body.output, reduced);
        const m = messageOf(body);
        if (m !== null && reduced.messages.length === 0 && Object.keys(reduced.fieldErrors).length === 0) {
            reduced.messages.push(m);
        }
    } else {
        const m = messageOf(error);
        if (m !== null) reduced.messages.push(m);
    }
    if (reduced.messages.length === 0 && Object.keys(reduced.fieldErrors).length === 0) {
        reduced.messages.push(fallback);
    }
    return reduced;
}

/** Every message, field messages prefixed with their field (for places without a field to attach to). */
export function allMessages(reduced: ReducedError): string[] {
    return [
        ...reduced.messages,
        ...Object.entries(reduced.fieldErrors).flatMap(([field, list]) => list.map((m) => `${field}: ${m}`))
    ];
}
