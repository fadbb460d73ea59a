import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { bridgePageBody, renderBridgePage } from '../bridgePage';
import { GERMAN_DEFAULT_DIR, readLabels } from '../../lwc/orgMetadata';
import { LANGUAGE_COOKIE } from '../../platform/constants';
import type { HarnessUrls } from '../../server';

const ROOT = path.resolve(__dirname, '../../..');
const PAGE = readFileSync(path.join(ROOT, 'force-app/main/default/pages/TeamsBridge.page'), 'utf8');
const LABELS = readLabels(path.join(ROOT, 'force-app/main/default'), path.join(ROOT, GERMAN_DEFAULT_DIR));
const URLS = {
    login: 'https://login.localhost:1',
    graphApi: 'https://graph.localhost:1/v1.0'
} as unknown as HarnessUrls;

const request = (url: string, cookie?: string) =>
    ({ url, headers: cookie === undefined ? {} : { cookie } }) as unknown as IncomingMessage;

describe('TeamsBridge.page as Visualforce renders it', () => {
    it("renders the Custom Labels and the language tag in the session user's language", () => {
        const body = bridgePageBody(PAGE, URLS, LABELS);
        const german = body(request('/apex/TeamsBridge?parentOrigin=x', `${LANGUAGE_COOKIE}=de`));
        const english = body(request('/apex/TeamsBridge?parentOrigin=x'));

        expect(german).toContain('<html lang="de">');
        expect(german).toContain('data-button="Microsoft Teams verbinden"');
        expect(english).toContain('<html lang="en-US">');
        expect(english).toContain('data-button="Connect Microsoft Teams"');
        expect(`${german}${english}`).not.toContain('{!');
    });

    it('HTML-encodes label values, as Visualforce does outside script and style', () => {
        const html = renderBridgePage(PAGE, URLS, {
            ...LABELS,
            TeamsBridge_ConnectSupervisor: { en: `Your agents' "Teams" <presence>` }
        });
        expect(html).toContain(
            'data-connect-supervisor="Your agents&#39; &#34;Teams&#34; &#60;presence&#62;"'
        );
    });

    it('refuses a label the org does not have', () => {
        expect(() =>
            renderBridgePage('<apex:page>{!$Resource.teamsBridge}{!$Label.Nope}</apex:page>', URLS, LABELS)
        ).toThrow('no custom label Nope');
    });
});
