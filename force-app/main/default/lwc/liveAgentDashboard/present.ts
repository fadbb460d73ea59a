/*
 * Words and classes for the dashboard's cells (labels in, strings out). Pure.
 */
import { ACTIVITY, AVAILABILITY, UI } from './labels';
import type { Agreement, AgentRow } from './model';
import type { BridgeErrorKind } from 'c/presenceSyncBridgeProtocol';

/** Fills {0}, {1}, ... */
export function format(template: string, ...values: (string | number)[]): string {
    return template.replace(/\{(\d+)\}/g, (all, i: string) => {
        const value = values[Number(i)];
        return value === undefined ? all : String(value);
    });
}

/** A duration in words: 45 s, 12 min, 2 h 5 min. */
export function durationText(ms: number): string {
    const seconds = Math.max(0, Math.floor(ms / 1000));
    if (seconds < 60) return format(UI.Seconds, seconds);
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return format(UI.Minutes, minutes);
    return format(UI.Hours, Math.floor(minutes / 60), minutes % 60);
}

/** The SLDS-coloured presence dot's tone (the text beside it says the same in words). */
export function presenceTone(availability: string | null): string {
    switch (availability) {
        case 'Available':
        case 'AvailableIdle':
            return 'available';
        case 'Busy':
        case 'BusyIdle':
        case 'DoNotDisturb':
            return 'busy';
        case 'Away':
        case 'BeRightBack':
            return 'away';
        default:
            return 'offline';
    }
}

/** "Busy · In a call": the availability, and the activity when it says more. */
export function teamsText(row: AgentRow): string {
    if (row.objectId === null) return UI.NotConnected;
    if (row.reading === null) return UI.NotRead;
    const availability = row.teams?.availability ?? row.reading.availability;
    const activity = row.teams?.activity ?? row.reading.activity;
    const words = AVAILABILITY[availability] ?? availability;
    const extra = ACTIVITY[activity];
    return extra === undefined || extra === words ? words : `${words} · ${extra}`;
}

/** Why Teams could not be read, in words (never the error kind's code). */
export function readFailureReason(kind: BridgeErrorKind): string {
    switch (kind) {
        case 'forbidden':
        case 'consentRequired':
            return UI.ReadFailedForbidden;
        case 'network':
            return UI.ReadFailedNetwork;
        default:
            return UI.ReadFailedServer;
    }
}

/** `expected` is the label of the Omni status Teams means (never its API name). */
export function agreementText(agreement: Agreement, expected: string | null): string {
    switch (agreement) {
        case 'match':
            return UI.Match;
        case 'mismatch':
            return expected === null ? UI.Mismatch : format(UI.MismatchExpected, expected);
        case 'notConnected':
            return UI.NotConnected;
        case 'notRead':
            return UI.NotRead;
        default:
            return UI.NotCompared;
    }
}

import { dateTimeText, timeText } from 'c/presenceSyncLocale';

export { timeText };

/** When the sync last worked: the time of day within the last 12 hours, else date and time. */
export function lastSyncText(at: number, now: number): string {
    return now - at < 12 * 3600 * 1000 ? timeText(at) : dateTimeText(at);
}
