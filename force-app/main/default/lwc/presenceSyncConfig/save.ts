/*
 * Writing the agent's settings record with lightning/uiRecordApi: the Office 365 email (creating the record
 * when the agent has none) and the Entra identity learned at sign-in. Failures come back as data with the
 * UI API's field-level and page-level errors, and the value the agent typed, so nothing is lost.
 */
import { checkEmail } from './email';

export const SETTINGS_OBJECT = 'PresenceSyncUserSetting__c';
export const EMAIL_FIELD = 'Office365Email__c';
/** Length of a custom object's Name field (Text, 80: Metadata API CustomObject nameField). */
export const RECORD_NAME_MAX_LENGTH = 80;

export interface RecordApi {
    createRecord(recordInput: { apiName: string; fields: Record<string, unknown> }): Promise<unknown>;
    updateRecord(recordInput: { fields: Record<string, unknown> }): Promise<unknown>;
}

export type SaveResult =
    | { ok: true; settingsId: string; value: string }
    | {
          ok: false;
          /** 'emailRequired' | 'emailTooLong' | 'emailInvalid' (checked here) or 'saveFailed' (the server) */
          code: string;
          /** what the agent typed, unchanged */
          value: string;
          /** the server's message: the field's own error first, else the first page error, else the body's */
          message: string;
          fieldErrors: Record<string, string[]>;
          errors: string[];
      };

export interface SaveEmailInput {
    email: string;
    /** the settings record, or null when the agent has none yet */
    settingsId: string | null;
    /** `@salesforce/user/Id`: UserKey__c of a new record (its owner is the creating user) */
    userId: string;
    /**
     * Name of a new record: the user's name (User.Name), so that admins find the record by the agent;
     * cut to the Name field's 80 characters. Only when the name could not be read, the user id.
     */
    recordName?: string;
    /** the email saved so far: saving another one clears the pinned Entra account */
    currentEmail?: string | null;
}

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messages(list: unknown): string[] {
    return Array.isArray(list)
        ? list.flatMap((e: unknown) => (isRecord(e) && typeof e.message === 'string' ? [e.message] : []))
        : [];
}

/**
 * The errors of a failed uiRecordApi call: `body.output.fieldErrors` ({ field: [{ message }] }),
 * `body.output.errors` ([{ message }]), or a body that is a list of errors, or just `body.message`.
 */
export function recordErrors(error: unknown): {
    fieldErrors: Record<string, string[]>;
    errors: string[];
    message: string;
} {
    const body = isRecord(error) ? error.body : undefined;
    const fieldErrors: Record<string, string[]> = {};
    const errors: string[] = [];
    let bodyMessage: string | null = null;
    if (Array.isArray(body)) {
        errors.push(...messages(body));
    } else if (isRecord(body)) {
        const output = isRecord(body.output) ? body.output : null;
        if (output !== null && isRecord(output.fieldErrors)) {
            for (const [field, list] of Object.entries(output.fieldErrors)) {
                const texts = messages(list);
                if (texts.length > 0) fieldErrors[field] = texts;
            }
        }
        if (output !== null) errors.push(...messages(output.errors));
        if (typeof body.message === 'string') bodyMessage = body.message;
    }
    const fallback =
        isRecord(error) && typeof error.message === 'string' ? error.message : 'unexpectedFailure';
    const message =
        fieldErrors[EMAIL_FIELD]?.[0] ??
        Object.values(fieldErrors)[0]?.[0] ??
        errors[0] ??
        bodyMessage ??
        fallback;
    return { fieldErrors, errors, message };
}

function recordId(result: unknown): string | null {
    return isRecord(result) && typeof result.id === 'string' ? result.id : null;
}

function recordName(input: SaveEmailInput): string {
    const name = input.recordName?.trim() ?? '';
    return name === '' ? input.userId : Array.from(name).slice(0, RECORD_NAME_MAX_LENGTH).join('');
}

/** Checks, then saves the email on the settings record (created when missing). Never rejects. */
export async function saveEmail(api: RecordApi, input: SaveEmailInput): Promise<SaveResult> {
    const typed = typeof input.email === 'string' ? input.email : '';
    const checked = checkEmail(typed);
    if (!checked.ok) {
        return {
            ok: false,
            code: checked.code,
            value: typed,
            message: checked.code,
            fieldErrors: {},
            errors: []
        };
    }
    try {
        if (input.settingsId !== null) {
            // a different email is a different person's account: the object id pinned at the first
            // Connect under the old one is cleared, and the next Connect pins again
            const before = input.currentEmail?.trim().toLowerCase() ?? '';
            const unpin =
                before !== '' && before !== checked.value.toLowerCase()
                    ? { EntraObjectId__c: null, EntraUserPrincipalName__c: null }
                    : {};
            await api.updateRecord({
                fields: { Id: input.settingsId, [EMAIL_FIELD]: checked.value, ...unpin }
            });
            return { ok: true, settingsId: input.settingsId, value: checked.value };
        }
        const created = await api.createRecord({
            apiName: SETTINGS_OBJECT,
            fields: {
                Name: recordName(input),
                UserKey__c: input.userId,
                [EMAIL_FIELD]: checked.value
            }
        });
        const id = recordId(created);
        if (id === null) throw new Error('createRecord returned no id');
        return { ok: true, settingsId: id, value: checked.value };
    } catch (error) {
        return { ok: false, code: 'saveFailed', value: typed, ...recordErrors(error) };
    }
}

export interface SignInIdentity {
    /** Entra object id (oid) of the signed-in account */
    objectId: string | null;
    userPrincipalName: string | null;
}

/**
 * Stores the Entra identity learned at sign-in on the settings record (the supervisor dashboard batch-reads
 * Teams presence by object id). Skipped when nothing changed or there is no record yet.
 */
export async function saveSignInIdentity(
    api: RecordApi,
    settings: { id: string; entraObjectId: string | null; entraUserPrincipalName: string | null } | null,
    identity: SignInIdentity
): Promise<{ ok: true; saved: boolean } | { ok: false; message: string }> {
    if (settings === null) return { ok: true, saved: false };
    const objectId = identity.objectId?.trim() || null;
    const upn = identity.userPrincipalName?.trim() || null;
    if (objectId === settings.entraObjectId && upn === settings.entraUserPrincipalName) {
        return { ok: true, saved: false };
    }
    try {
        await api.updateRecord({
            fields: { Id: settings.id, EntraObjectId__c: objectId, EntraUserPrincipalName__c: upn }
        });
        return { ok: true, saved: true };
    } catch (error) {
        return { ok: false, message: recordErrors(error).message };
    }
}
