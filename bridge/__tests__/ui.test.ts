/**
 * @jest-environment jsdom
 */
import { createConnectUi } from '../ui';
import { ENGLISH, readTexts } from '../texts';

function page(html: string): Document {
    const doc = document.implementation.createHTMLDocument('bridge');
    doc.body.innerHTML = html;
    return doc;
}

describe('bridge texts', () => {
    it("reads the page's labels from the template's data attributes", () => {
        const doc = page(
            '<template id="teams-bridge-texts" data-button="Microsoft Teams verbinden" ' +
                'data-connect-supervisor="Verbinden Sie Microsoft Teams, um den Teams-Status zu sehen." ' +
                'data-window-gone="Fenster geschlossen?"></template>'
        );

        const texts = readTexts(doc);

        expect(texts.button).toBe('Microsoft Teams verbinden');
        expect(texts.connectSupervisor).toBe('Verbinden Sie Microsoft Teams, um den Teams-Status zu sehen.');
        expect(texts.windowGone).toBe('Fenster geschlossen?');
        expect(texts.connected).toBe(ENGLISH.connected);
    });

    it('keeps the English text where the page has none or an empty one', () => {
        expect(readTexts(page('<p>no texts</p>'))).toEqual(ENGLISH);
        expect(readTexts(page('<template id="teams-bridge-texts" data-button=" "></template>')).button).toBe(
            ENGLISH.button
        );
    });
});

describe('bridge Connect button', () => {
    it("shows the page's label and takes the frame's focus when it appears", () => {
        document.body.innerHTML = '';
        const ui = createConnectUi(document, 'Microsoft Teams verbinden');
        const button = document.getElementById('teams-connect') as HTMLButtonElement;
        const focusBefore = document.activeElement;

        ui.showButton(true);

        expect(button.textContent).toBe('Microsoft Teams verbinden');
        expect(focusBefore).not.toBe(button);
        expect(document.activeElement).toBe(button);
    });

    it('is styled as the SLDS brand button, not in Teams purple', () => {
        document.head.innerHTML = '';
        document.body.innerHTML = '';
        createConnectUi(document, ENGLISH.button);
        const css = document.head.querySelector('style')?.textContent ?? '';

        expect(css).toMatch(/\.tb-button \{[^}]*background: #0176d3/);
        expect(css).not.toMatch(/#5b5fc7|#4f52b2/i);
    });
});

describe('bridge Connect button and the frame focus', () => {
    it('takes focus when the connector focuses the frame after the button appeared', () => {
        document.body.innerHTML = '';
        const ui = createConnectUi(document, ENGLISH.button);
        ui.showButton(true);
        (document.activeElement as HTMLElement | null)?.blur();

        window.dispatchEvent(new FocusEvent('focus'));

        expect(document.activeElement?.id).toBe('teams-connect');
    });
});
