/*
 * Pure presentation of the core's view model: codes in, words (Custom Labels) and SLDS classes out. No DOM,
 * no platform modules besides the labels (and presenceSyncConfig's email check, the one saving applies), so
 * every mapping has a plain test.
 */
import type {
    BridgeError,
    ConfigIssue,
    Health,
    SyncLogEntry,
    TeamsPresence,
    ViewModel
} from 'c/presenceSyncCore';
import { entraCauseOf } from 'c/presenceSyncBridgeProtocol';
import { checkEmail } from 'c/presenceSyncConfig';
import {
    AGREEMENT_HELP,
    AGREEMENT_LABELS,
    CALL_LABELS,
    CONFIG_ISSUE_LABELS,
    ENTRA_CAUSE_LABELS,
    ERROR_LABELS,
    HEALTH_HELP,
    HEALTH_LABELS,
    REASON_LABELS,
    SOURCE_LABELS,
    STATUS_LABELS,
    TEAMS_LABELS,
    UI
} from './labels';

/** SLDS presence colour family of a status (the text always says it too; colour is never the only cue). */
export type Tone = 'available' | 'busy' | 'away' | 'offline' | 'unknown';

/** `{0}`, `{1}`, ... replaced by the arguments, as Custom Labels with parameters are used in LWC. */
export function format(template: string, ...args: (string | number)[]): string {
    return template.replace(/\{(\d+)\}/g, (match, index: string) => {
        const value = args[Number(index)];
        return value === undefined ? match : String(value);
    });
}

function lookup(map: Readonly<Record<string, string>>, key: string): string | undefined {
    if (Object.prototype.hasOwnProperty.call(map, key)) return map[key];
    const lower = key.toLowerCase();
    const found = Object.keys(map).find((k) => k.toLowerCase() === lower);
    return found === undefined ? undefined : map[found];
}

/** A Teams availability or activity in words; an undocumented value is shown as Graph spelled it. */
export function teamsValueText(value: string): string {
    return lookup(TEAMS_LABELS, value) ?? value;
}

/** "Busy · In a call"; one word when availability and activity say the same ("Away"). */
export function teamsText(presence: TeamsPresence | null): string {
    if (presence === null) return UI.NotKnown;
    const availability = teamsValueText(presence.availability);
    const activity = teamsValueText(presence.activity);
    return availability === activity ? availability : `${availability} · ${activity}`;
}

const TEAMS_TONES: Readonly<Record<string, Tone>> = {
    available: 'available',
    availableidle: 'available',
    busy: 'busy',
    busyidle: 'busy',
    donotdisturb: 'busy',
    away: 'away',
    berightback: 'away',
    offline: 'offline'
};

export function teamsTone(presence: TeamsPresence | null): Tone {
    return (presence && TEAMS_TONES[presence.availability.toLowerCase()]) || 'unknown';
}

/** Whether an org's label only spells the API name ("Do Not Disturb" for Do_Not_Disturb). */
function spellsApiName(label: string, status: string): boolean {
    return label.trim().toLowerCase() === status.replace(/_/g, ' ').trim().toLowerCase();
}

/**
 * A Salesforce status (ServicePresenceStatus DeveloperName, or Offline) in words: the org's own label
 * when the admin named the status (MasterLabel, which Translation Workbench translates), the delivered
 * status's label in the user's language when the org's label only spells the API name (an untranslated
 * "Available" next to German Teams words), else the org's label or the name.
 */
export function salesforceText(
    status: string | null,
    orgLabels: Readonly<Record<string, string>> = {}
): string {
    if (status === null) return UI.NotKnown;
    const org = lookup(orgLabels, status);
    const delivered = lookup(STATUS_LABELS, status);
    if (org !== undefined && (delivered === undefined || !spellsApiName(org, status))) return org;
    return delivered ?? status;
}

const SALESFORCE_TONES: Readonly<Record<string, Tone>> = {
    available: 'available',
    on_a_call: 'busy',
    busy: 'busy',
    do_not_disturb: 'busy',
    away: 'away',
    be_right_back: 'away',
    offline: 'offline'
};

export function salesforceTone(status: string | null): Tone {
    return (status && SALESFORCE_TONES[status.toLowerCase()]) || 'unknown';
}

/** CSS classes of the presence dot. */
export function toneClass(tone: Tone): string {
    return `presence-dot presence-dot_${tone}`;
}

export interface HealthDisplay {
    label: string;
    help: string;
    /** lightning-icon name */
    icon: string;
    /** lightning-icon variant ('' = default colour) */
    variant: '' | 'success' | 'warning' | 'error';
}

const HEALTH_ICONS: Readonly<Record<Health, string>> = {
    starting: 'utility:sync',
    syncing: 'utility:success',
    paused: 'utility:pause',
    follower: 'utility:sync',
    signInRequired: 'utility:offline',
    consentRequired: 'utility:lock',
    accountMismatch: 'utility:user',
    throttled: 'utility:clock',
    retrying: 'utility:clock',
    circuitOpen: 'utility:error',
    stopped: 'utility:offline'
};

/** What the connector knows besides the view: whether the agent saved an email and ever connected Teams. */
export interface AgentSetup {
    emailSaved: boolean;
    /** the agent's settings name a Microsoft account, or this page saw a sign-in */
    connectedBefore: boolean;
}

const SET_UP: AgentSetup = { emailSaved: true, connectedBefore: true };

/** A new agent who has not connected yet: a neutral first step, not "sign in again". */
function firstRun(view: ViewModel, setup: AgentSetup): boolean {
    return !setup.connectedBefore && (view.health === 'signInRequired' || !setup.emailSaved);
}

const AGREEMENT_ICONS: Readonly<Record<string, string>> = {
    onCall: 'utility:call',
    teamsOffline: 'utility:warning',
    teamsNotWritten: 'utility:forward',
    differs: 'utility:sync'
};

/**
 * The health in words. While the sync runs, the words say how the two sides compare (see the core's
 * Agreement): "In sync" only when they agree, never during a call, an "Appear offline" in Teams or on a
 * configuration that does not write to Teams.
 */
export function healthDisplay(view: ViewModel, setup: AgentSetup = SET_UP): HealthDisplay {
    if (firstRun(view, setup)) {
        return {
            label: UI.HealthNotConnected,
            help: setup.emailSaved ? UI.HealthHelpNotConnected : UI.HealthHelpFirstRunEmail,
            icon: 'utility:info',
            variant: ''
        };
    }
    const agreement = view.health === 'syncing' && view.agreement !== 'same' ? view.agreement : null;
    // "both show the same presence" is not true while Teams masks the write (the masked text says what shows)
    const masked = view.health === 'syncing' && view.masked !== null;
    let help = masked ? '' : HEALTH_HELP[view.health];
    let label = HEALTH_LABELS[view.health];
    let icon = HEALTH_ICONS[view.health];
    if (agreement) {
        label = AGREEMENT_LABELS[agreement];
        help = masked ? '' : AGREEMENT_HELP[agreement];
        icon = AGREEMENT_ICONS[agreement];
    }
    if (masked) icon = 'utility:warning';
    return { label, help, icon, variant: view.iconVariant ?? '' };
}

const SIGNED_OUT: readonly Health[] = ['signInRequired', 'consentRequired', 'accountMismatch', 'stopped'];

/** The Teams column: what Teams shows, or that Teams is not connected (nothing is read then). */
export function teamsColumnText(view: ViewModel | null): string {
    if (view !== null && view.teams === null && SIGNED_OUT.includes(view.health)) return UI.TeamsNotConnected;
    return teamsText(view?.teams ?? null);
}

/** When the next request may go out (Retry-After, backoff or an open circuit), or null. */
export function waitText(view: ViewModel, formatTime: (epochMs: number) => string): string | null {
    if (view.waitUntil === null) return null;
    if (view.health !== 'throttled' && view.health !== 'retrying' && view.health !== 'circuitOpen')
        return null;
    return format(UI.WaitUntil, formatTime(view.waitUntil));
}

/** "Teams shows In a meeting instead of Available.", or null when nothing masks the sync. */
export function maskedText(view: ViewModel): string | null {
    if (view.masked === null) return null;
    return format(UI.Masked, teamsText(view.masked.shows), teamsText(view.masked.wrote));
}

export interface HistoryRow {
    key: string;
    at: number;
    source: string;
    change: string;
    reason: string;
}

/**
 * Where a decision shows, by what it changed: a Teams change that set the Salesforce status is a
 * Salesforce row (its values are Salesforce statuses); what the app wrote to or cleared in Teams is a
 * Teams row (its values are Teams statuses).
 */
const SHOWN_SOURCE: Readonly<Record<string, SyncLogEntry['source']>> = {
    mapped: 'salesforce',
    omniOffline: 'salesforce',
    write: 'teams',
    writeClearUser: 'teams',
    clearOnClose: 'teams',
    clearOnDisconnect: 'teams'
};

/** A value in a log entry: Salesforce status, Teams "availability/activity", error kind or call source. */
function logValueText(
    entry: SyncLogEntry,
    value: string | null,
    orgLabels: Readonly<Record<string, string>>
) {
    if (value === null) return '';
    if (entry.source === 'sync' && lookup(ERROR_LABELS, value) !== undefined)
        return lookup(ERROR_LABELS, value);
    if (entry.source === 'call' && entry.reason === 'callStarted') return lookup(CALL_LABELS, value) ?? value;
    const slash = value.indexOf('/');
    if (slash > 0) {
        return teamsText({ availability: value.slice(0, slash), activity: value.slice(slash + 1) });
    }
    return salesforceText(value, orgLabels);
}

/** The reason code of a decision in words; a code without a label is shown, not hidden. */
export function reasonText(code: string): string {
    return lookup(REASON_LABELS, code) ?? format(UI.ReasonOther, code);
}

/** The recent decisions (most recent first), each as time, source, from → to and the reason in words. */
export function historyRows(
    entries: readonly SyncLogEntry[],
    orgLabels: Readonly<Record<string, string>> = {}
): HistoryRow[] {
    return entries.map((entry, index) => {
        const from = logValueText(entry, entry.from, orgLabels) ?? '';
        const to = logValueText(entry, entry.to, orgLabels) ?? '';
        let change = '';
        if (from && to) change = format(UI.HistoryChange, from, to);
        else change = from || to;
        return {
            key: `${entry.at}-${index}`,
            at: entry.at,
            source: SOURCE_LABELS[SHOWN_SOURCE[entry.reason] ?? entry.source] ?? entry.source,
            change,
            reason: reasonText(entry.reason)
        };
    });
}

/** The value an issue is about, as the agent sees it: a Teams status or a Salesforce status label. */
function issueValueText(value: string | undefined, orgLabels: Readonly<Record<string, string>>): string {
    if (value === undefined) return '';
    const slash = value.indexOf('/');
    if (slash > 0)
        return teamsText({ availability: value.slice(0, slash), activity: value.slice(slash + 1) });
    return salesforceText(value, orgLabels);
}

/**
 * One configuration problem in words: where (row or record) and what, with the field's API name (the
 * admin's fix) and the status it is about in the labels the agent sees.
 */
export function configIssueText(
    issue: ConfigIssue,
    orgLabels: Readonly<Record<string, string>> = {}
): string {
    const template = lookup(CONFIG_ISSUE_LABELS, issue.code);
    const what =
        template === undefined
            ? issue.message
            : format(
                  template,
                  issue.field,
                  issue.relatedRow === undefined ? '' : issue.relatedRow,
                  issueValueText(issue.value, orgLabels)
              );
    return issue.row === null ? format(UI.IssueRecord, what) : format(UI.IssueRow, issue.row, what);
}

/** What the utility bar shows: label, SLDS utility icon, colour and highlight. */
export interface UtilityDisplay {
    label: string;
    icon: string;
    iconVariant: '' | 'success' | 'warning' | 'error';
    highlighted: boolean;
}

/** The utility item for a view; `configProblem` when the configuration keeps the sync from running. */
export function utilityDisplay(
    view: ViewModel | null,
    configProblem: boolean,
    setup: AgentSetup = SET_UP
): UtilityDisplay {
    if (configProblem) {
        return {
            label: format(UI.UtilityLabel, UI.ConfigPausedShort),
            icon: 'warning',
            iconVariant: 'error',
            highlighted: true
        };
    }
    if (view === null) {
        return {
            label: format(UI.UtilityLabel, HEALTH_LABELS.starting),
            icon: 'sync',
            iconVariant: '',
            highlighted: false
        };
    }
    const health = healthDisplay(view, setup);
    return {
        label: format(UI.UtilityLabel, health.label),
        icon: health.icon.replace('utility:', ''),
        iconVariant: health.variant,
        highlighted: view.highlighted && !firstRun(view, setup)
    };
}

/** The validation message for an Office 365 email (presenceSyncConfig's check, as saving applies it), or null. */
export function emailError(value: string): string | null {
    const checked = checkEmail(value);
    if (checked.ok) return null;
    return checked.code === 'emailRequired' ? UI.EmailRequired : UI.EmailInvalid;
}

/**
 * Why an interactive sign-in failed, in words: the cause and its fix when Entra named it with an AADSTS
 * number (entraCauseOf), otherwise the error kind.
 */
export function signInFailureText(error: BridgeError): string {
    const cause = entraCauseOf(error);
    if (cause !== null && error.entraCode !== undefined) {
        return format(ENTRA_CAUSE_LABELS[cause], error.entraCode);
    }
    return format(UI.SignInFailed, errorText(error.kind));
}

/** A Microsoft request error kind in words. */
export function errorText(kind: string): string {
    return lookup(ERROR_LABELS, kind) ?? format(UI.Unknown, kind);
}

/** The view before the runner's first one: starting, nothing known. */
export const STARTING_VIEW: ViewModel = {
    health: 'starting',
    agreement: null,
    iconVariant: null,
    highlighted: false,
    salesforceStatus: null,
    teams: null,
    onCall: false,
    masked: null,
    waitUntil: null,
    recent: []
};
