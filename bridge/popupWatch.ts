/*
 * Noticing that the person closed the Microsoft sign-in window. MSAL v5 does not: its popup flow waits
 * for the redirect bridge's BroadcastChannel message until popupBridgeTimeout, and never reads the
 * popup's `closed` (issue "acquireTokenPopup does not detect a closed popup",
 * https://github.com/AzureAD/microsoft-authentication-library-for-js/issues/8521). Without this the
 * Connect button would stay locked for the whole timeout.
 *
 * The popup's handle is taken from the one window.open call MSAL makes synchronously inside
 * acquireTokenPopup (the default navigatePopups opens about:blank inside the click). A handle that
 * reports `closed` alone is not enough: when the popup loads Microsoft's sign-in page, which is served
 * with a Cross-Origin-Opener-Policy, the browser separates the two windows and the opener's handle
 * reports `closed` although the window is still open (MSAL's redirect bridge documentation). So the
 * window counts as gone only when its handle reports `closed` AND this frame has the focus again, which
 * is what closing a popup gives back. A person who switches back to Salesforce while the window is still
 * open is read as "gone" too; the caller only unlocks Connect then and keeps the sign-in running.
 */

/** The part of the bridge frame's window the watch uses. */
export interface WatchedWindow {
    open(url?: string | URL, target?: string, features?: string): Window | null;
    document: { hasFocus(): boolean };
    addEventListener(type: 'focus', listener: () => void): void;
    removeEventListener(type: 'focus', listener: () => void): void;
    setInterval(handler: () => void, ms: number): number;
    clearInterval(id: number): void;
}

/**
 * Runs `open` (which opens the sign-in popup synchronously) and calls `onGone` once when the popup is
 * seen closed; returns a function that stops watching.
 */
export type PopupWatch = (open: () => void, onGone: () => void) => () => void;

/** How often the popup's handle is looked at while this frame has the focus. */
export const POPUP_CHECK_MS = 500;

export function createPopupWatch(win: WatchedWindow): PopupWatch {
    return (open, onGone) => {
        const original = win.open;
        let popup: Window | null = null;
        win.open = (...args: Parameters<WatchedWindow['open']>) => {
            popup = original.apply(win, args);
            return popup;
        };
        try {
            open();
        } finally {
            win.open = original;
        }
        const handle = popup as Window | null;
        if (handle === null) return () => undefined;
        let watching = true;
        const check = (): void => {
            if (watching && handle.closed && win.document.hasFocus()) {
                stop();
                onGone();
            }
        };
        const timer = win.setInterval(check, POPUP_CHECK_MS);
        win.addEventListener('focus', check);
        function stop(): void {
            watching = false;
            win.clearInterval(timer);
            win.removeEventListener('focus', check);
        }
        return stop;
    };
}
