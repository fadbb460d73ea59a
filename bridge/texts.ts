/*
 * The bridge frame's words, in the user's language: the TeamsBridge Visualforce page renders them from
 * Custom Labels (Visualforce resolves $Label merge fields in the session user's language) into the data
 * attributes of one <template id="teams-bridge-texts"> element. A text the page does not carry falls back
 * to English, so the bridge never shows an empty button.
 */

export const TEXTS_ELEMENT_ID = 'teams-bridge-texts';

export const ENGLISH = {
    button: 'Connect Microsoft Teams',
    outsideSalesforce: 'This page connects Salesforce to Microsoft Teams and works only inside Salesforce.',
    connectAgent: 'Connect Microsoft Teams to keep your Teams presence in step with Salesforce.',
    connectSupervisor: "Connect Microsoft Teams to see your agents' Teams presence on this dashboard.",
    waiting: 'Waiting for the Microsoft sign-in window…',
    connected: 'Connected to Microsoft Teams.',
    mismatch:
        'You signed in with a different Microsoft account than your settings name (the email there, or the account of your first Connect). Connect again with that account.',
    consent:
        'Your organization has not granted this app access to Teams presence yet. Ask your administrator.',
    closed: 'The sign-in window was closed or did not finish. Connect again to retry.',
    windowGone:
        'If you closed the Microsoft sign-in window, click Connect to start again; if it is still open, finish signing in there.',
    blocked: 'The sign-in window could not open. Allow pop-ups for Salesforce and connect again.',
    refused: 'Microsoft refused the sign-in. Connect again once the cause shown above is fixed.',
    failed: 'Could not connect to Microsoft Teams. Connect again to retry.',
    disconnected: 'Disconnected from Microsoft Teams.'
};

export type BridgeTexts = typeof ENGLISH;

/** The page's texts (`data-connect-agent` is `connectAgent`), each non-empty one replacing the English. */
export function readTexts(doc: Pick<Document, 'getElementById'>): BridgeTexts {
    const element = doc.getElementById(TEXTS_ELEMENT_ID);
    const texts: BridgeTexts = { ...ENGLISH };
    if (element === null) return texts;
    for (const key of Object.keys(ENGLISH) as (keyof BridgeTexts)[]) {
        const value = element.dataset[key]?.trim();
        if (value) texts[key] = value;
    }
    return texts;
}
