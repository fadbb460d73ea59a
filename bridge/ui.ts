/*
 * The bridge frame's only UI: a real "Connect Microsoft Teams" button (the user gesture an interactive
 * sign-in popup needs must happen in this document) and a polite live status line. It looks like the
 * Salesforce page around it: the SLDS brand button (Lightning Design System, Buttons, "Brand" variant:
 * brand background #0176d3, 0.25rem radius, 2rem line height) on the SLDS body text. The frame cannot
 * load SLDS itself (its CSP admits Salesforce and the trusted Microsoft hosts only, and the SLDS static
 * resource would be a second copy to keep in step), so the few values are written out here.
 */

export interface ConnectUi {
    showButton(visible: boolean): void;
    setBusy(busy: boolean): void;
    setStatus(text: string): void;
    onConnect(handler: () => void): void;
}

// no page margin, and just enough padding for the focus outline (2px + 2px offset): the button and the
// status line start where the connector's own content does, as if the frame were not there
const STYLES = `
body { margin: 0; }
.tb-root { font-family: "Salesforce Sans", -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  font-size: 0.8125rem; line-height: 1.5; color: #181818; padding: 0.25rem; }
.tb-button { font: inherit; font-weight: 400; line-height: 1.875rem; color: #fff; background: #0176d3;
  border: 1px solid #0176d3; border-radius: 0.25rem; padding: 0 1rem; cursor: pointer; }
.tb-button:hover { background: #014486; border-color: #014486; }
.tb-button:focus { outline: 0; box-shadow: 0 0 3px #0176d3; }
.tb-button:focus-visible { outline: 2px solid #014486; outline-offset: 2px; }
.tb-button[disabled] { background: #c9c9c9; border-color: #c9c9c9; color: #3e3e3c; cursor: default; }
.tb-status { margin: 0.5rem 0 0; min-height: 1.5em; }
`;

/** Builds the UI into `doc.body` and returns its controls; `label` is the button's text. */
export function createConnectUi(doc: Document, label: string): ConnectUi {
    const style = doc.createElement('style');
    style.textContent = STYLES;
    doc.head.appendChild(style);

    const root = doc.createElement('main');
    root.className = 'tb-root';
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'tb-button';
    button.id = 'teams-connect';
    button.textContent = label;
    button.hidden = true;
    const status = doc.createElement('p');
    status.className = 'tb-status';
    status.id = 'teams-status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    button.setAttribute('aria-describedby', status.id);
    root.append(button, status);
    doc.body.appendChild(root);

    // the frame can be shown and focused by the connector before its layout lets the button take focus:
    // when the frame receives focus with nothing focused in it, the visible button takes it
    doc.defaultView?.addEventListener('focus', () => {
        if (!button.hidden && (doc.activeElement === null || doc.activeElement === doc.body)) button.focus();
    });

    return {
        showButton(visible) {
            const appearing = visible && button.hidden;
            button.hidden = !visible;
            // the button takes the frame's focus when it appears: the connector focuses the frame after
            // the agent's Connect click, and keyboard focus lands here instead of on <body>
            if (appearing) button.focus();
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
