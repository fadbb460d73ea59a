/** HTML of the identity provider's own pages: sign-in, consent, errors (Entra-like wording). */
import { escapeHtml } from '../http/util';
import type { DirectoryUser } from '../directory';

const STYLE = `body{font-family:"Segoe UI",sans-serif;background:#f2f2f2;margin:0}
main{max-width:440px;margin:48px auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:24px;font-weight:600;margin:0 0 16px}label{display:block;margin:12px 0 4px}
input{width:100%;box-sizing:border-box;padding:6px;font-size:15px}
button{margin-top:16px;padding:6px 18px;font-size:15px}.error{color:#e81123}
.accounts button{display:block;width:100%;text-align:left;margin-top:8px;background:#fff;border:1px solid #ccc}
small{color:#666}`;

function page(title: string, body: string): string {
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export interface LoginPageOptions {
    action: string;
    tenantName: string;
    loginHint?: string;
    error?: string;
    /** Accounts offered in the picker (signed in without a password, a test convenience). */
    accounts: readonly DirectoryUser[];
}

export function loginPage(o: LoginPageOptions): string {
    const picker = o.accounts.length
        ? `<form method="post" action="${escapeHtml(o.action)}" class="accounts" id="account-picker">
<p>Pick an account</p>${o.accounts
              .map(
                  (u) =>
                      `<button type="submit" name="pick" value="${escapeHtml(u.id)}" data-upn="${escapeHtml(u.userPrincipalName)}">${escapeHtml(u.displayName)}<br><small>${escapeHtml(u.userPrincipalName)}</small></button>`
              )
              .join('')}</form>`
        : '';
    return page(
        'Sign in to your account',
        `<h1>Sign in</h1><p><small>${escapeHtml(o.tenantName)} (local Entra stand-in)</small></p>
${o.error ? `<p class="error" id="error" role="alert">${escapeHtml(o.error)}</p>` : ''}
<form method="post" action="${escapeHtml(o.action)}" id="login-form">
<label for="login">Email, phone, or Skype</label>
<input id="login" name="login" type="email" autocomplete="username" value="${escapeHtml(o.loginHint ?? '')}" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit" id="submit">Sign in</button>
</form>${picker}`
    );
}

export function consentPage(o: {
    action: string;
    appName: string;
    user: DirectoryUser;
    scopes: readonly string[];
}): string {
    return page(
        'Permissions requested',
        `<h1>Permissions requested</h1><p>${escapeHtml(o.appName)} wants to:</p>
<ul id="scopes">${o.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>
<p><small>Signed in as ${escapeHtml(o.user.userPrincipalName)}</small></p>
<form method="post" action="${escapeHtml(o.action)}" id="consent-form">
<button type="submit" id="accept" name="accept" value="1">Accept</button>
<button type="submit" id="cancel" name="cancel" value="1">Cancel</button>
</form>`
    );
}

/** The page Entra shows when it cannot redirect back (bad redirect URI, unknown app or tenant). */
export function errorPage(code: string, message: string, requestId: string): string {
    return page(
        'Sign in to your account',
        `<h1>Sign in</h1><p class="error">Sorry, but we’re having trouble signing you in.</p>
<p id="error-message"><span id="error-code">${escapeHtml(code)}</span>: ${escapeHtml(message)}</p>
<p><small>Request Id: ${escapeHtml(requestId)}<br>Timestamp: ${new Date().toISOString()}</small></p>`
    );
}

export function signOutPage(form: string): string {
    return page(
        'Sign out',
        `<h1>Signing you out…</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes" id="signout">Sign out</button>
<script>document.getElementById('signout').click();</script>`
    );
}
