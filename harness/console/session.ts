/**
 * The Salesforce session of the harness's site: each Lightning page runs as one user (the console as the
 * agent, setup as the admin, the dashboard as the supervisor), and loading it sets the session cookie
 * (SESSION_COOKIE, on the registrable domain `force.localhost`, so that the Visualforce origin of the same
 * site receives it, as a Salesforce session reaches the org's Visualforce domain). The Visualforce origin
 * then serves a project page only to a user whose permission sets give access to it (`pageAccesses`);
 * anyone else gets the platform's "Insufficient Privileges" page, and a request without a session gets a
 * "login required" page (a real org redirects it to the login page). Pages that are not the project's
 * (the browser tests' helper pages) are served as they are.
 */
import type { IncomingMessage } from 'node:http';
import type { Harness } from '../server';
import { escapeHtml, sendHtml } from '../http/util';
import { Access } from '../platform/access';
import { LANGUAGE_COOKIE, SESSION_COOKIE, type HarnessUserKey } from '../platform/constants';
import type { OrgSnapshot } from '../platform/types';

/** The text of the platform's page for a user without access (Visualforce, Lightning record pages). */
export const INSUFFICIENT_PRIVILEGES = {
    title: 'Insufficient Privileges',
    message:
        'You do not have the level of access necessary to perform the operation you requested. Please contact the owner of the record or your administrator if access is necessary.'
} as const;

export const LOGIN_REQUIRED_TITLE = 'Login required';

/** `Set-Cookie` value that makes the browser's session on the site the given user's. */
export function sessionCookie(user: HarnessUserKey, lightningUrl: string): string {
    const host = new URL(lightningUrl).hostname;
    const site = host.split('.').slice(-2).join('.');
    return `${SESSION_COOKIE}=${user}; Domain=${site}; Path=/; Secure; HttpOnly; SameSite=None`;
}

/** `Set-Cookie` value that gives the session the user's language, as the Lightning page's `?lang=` names it. */
export function languageCookie(search: string, lightningUrl: string): string {
    const host = new URL(lightningUrl).hostname;
    const site = host.split('.').slice(-2).join('.');
    const language = new URLSearchParams(search).get('lang') === 'de' ? 'de' : 'en';
    return `${LANGUAGE_COOKIE}=${language}; Domain=${site}; Path=/; Secure; HttpOnly; SameSite=None`;
}

/** The user of the request's session cookie, if any. */
export function sessionUser(req: IncomingMessage): string | undefined {
    const header = req.headers.cookie ?? '';
    for (const part of header.split(';')) {
        const [name, ...value] = part.trim().split('=');
        if (name === SESSION_COOKIE) return value.join('=');
    }
    return undefined;
}

function page(title: string, message: string): string {
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8" /><title>${escapeHtml(title)}</title><link rel="icon" href="data:," /></head>
<body><h1 id="harness-access-title">${escapeHtml(title)}</h1><p id="harness-access-message">${escapeHtml(message)}</p></body></html>
`;
}

export interface SessionOptions {
    /** Lightning paths (exact) and the user each page runs as */
    pages: Record<string, HarnessUserKey>;
    /** the org as each user sees it (their permission sets; the project's Visualforce pages) */
    snapshots: Partial<Record<HarnessUserKey, OrgSnapshot>>;
}

/** Installs the session cookie on the Lightning pages and page access on the Visualforce origin. */
export function installSession(
    harness: Pick<Harness, 'intercept' | 'urls'>,
    options: SessionOptions
): () => void {
    const access = new Map<string, Access>();
    const pages = new Set<string>();
    for (const [user, snapshot] of Object.entries(options.snapshots)) {
        if (!snapshot) continue;
        access.set(user, new Access(snapshot));
        for (const p of snapshot.pages) pages.add(p);
    }
    const offLightning = harness.intercept('lightning', (_req, res, url) => {
        const user = options.pages[url.pathname];
        if (user)
            res.setHeader('Set-Cookie', [
                sessionCookie(user, harness.urls.lightning),
                languageCookie(url.search, harness.urls.lightning)
            ]);
        return false;
    });
    const offVisualforce = harness.intercept('visualforce', (req, res, url) => {
        const name = /^\/apex\/([A-Za-z]\w*)$/.exec(url.pathname)?.[1];
        if (name === undefined || !pages.has(name)) return false;
        const user = sessionUser(req);
        const userAccess = user === undefined ? undefined : access.get(user);
        if (!userAccess) {
            sendHtml(
                res,
                401,
                page(
                    LOGIN_REQUIRED_TITLE,
                    `/apex/${name} needs a Salesforce session: open a harness page first.`
                )
            );
            return true;
        }
        if (!userAccess.pageAccess(name)) {
            sendHtml(res, 200, page(INSUFFICIENT_PRIVILEGES.title, INSUFFICIENT_PRIVILEGES.message));
            return true;
        }
        return false;
    });
    return () => {
        offLightning();
        offVisualforce();
    };
}
