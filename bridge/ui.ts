/*
 * The bridge frame's only UI: a real "Connect Microsoft Teams" button (the user gesture an interactive
 * sign-in popup needs must happen in this document) and a polite live status line.
 */

export interface ConnectUi {
    showButton(visible: boolean): void;
    setBusy(busy: boolean): void;
    setStatus(text: string): void;
    onConnect(handler: () => void): void;
}

const STYLES = `
.tb-root { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-size: 14px;
  color: #181818; padding: 12px; }
.tb-button { font: inherit; font-weight: 600; color: #fff; background: #5b5fc7; border: 1px solid #4f52b2;
  border-radius: 4px; padding: 8px 16px; cursor: pointer; min-height: 32px; }
.tb-button:hover { background: #4f52b2; }
.tb-button:focus-visible { outline: 3px solid #0b5cab; outline-offset: 2px; }
.tb-button[disabled] { background: #c9c9c9; border-color: #c9c9c9; color: #3e3e3c; cursor: default; }
.tb-status { margin: 8px 0 0; min-height: 1.4em; }
`;

/** Builds the UI into `doc.body` and returns its controls. */
export function createConnectUi(doc: Document): ConnectUi {
    const style = doc.createElement('style');
    style.textContent = STYLES;
    doc.head.appendChild(style);

    const root = doc.createElement('main');
    root.className = 'tb-root';
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'tb-button';
    button.id = 'teams-connect';
    button.textContent = 'Connect Microsoft Teams';
    button.hidden = true;
    const status = doc.createElement('p');
    status.className = 'tb-status';
    status.id = 'teams-status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    button.setAttribute('aria-describedby', status.id);
    root.append(button, status);
    doc.body.appendChild(root);

    return {
        showButton(visible) {
            button.hidden = !visible;
        },
        setBusy(busy) {
            button.disabled = busy;
            button.setAttribute('aria-busy', busy ? 'true' : 'false');
        },
        setStatus(text) {
            status.textContent = text;
        },
        onConnect(handler) {
            button.addEventListener('click', handler);
        }
    };
}
