import { isAuthResponse, readSettings } from '../settings';
import type { PageLocation } from '../settings';

const VF = 'https://acme--c.vf.force.com';
const LIGHTNING = 'https://acme.lightning.force.com';
const HARNESS_VF = 'https://acme--c.vf.force.localhost:8443';
const HARNESS_LIGHTNING = 'https://acme.lightning.force.localhost:8443';

function page(origin: string, search = ''): PageLocation {
    return { origin, pathname: '/apex/TeamsBridge', search, hash: '' };
}

const HARNESS_META = JSON.stringify({
    authorityHost: 'https://login.microsoftonline.localhost:8444',
    graphBaseUrl: 'https://graph.microsoft.localhost:8445/v1.0'
});

describe('bridge settings', () => {
    it('answers the Lightning origin of its own org and uses the Microsoft hosts', () => {
        expect(readSettings(page(VF, `?parentOrigin=${encodeURIComponent(LIGHTNING)}`), null)).toEqual({
            ok: true,
            settings: {
                parentOrigin: LIGHTNING,
                redirectUri: `${VF}/apex/TeamsBridge`,
                authorityHost: 'https://login.microsoftonline.com',
                graphBaseUrl: 'https://graph.microsoft.com/v1.0',
                harness: false
            }
        });
    });

    it('derives the parent origin when the parameter is missing', () => {
        expect(readSettings(page('https://acme--uat--c.sandbox.vf.force.com'), null)).toMatchObject({
            ok: true,
            settings: { parentOrigin: 'https://acme--uat.sandbox.lightning.force.com' }
        });
    });

    it.each([
        'https://evil.example',
        'https://other.lightning.force.com',
        'https://acme.lightning.force.com.evil.example'
    ])('refuses the parent origin %s', (origin) => {
        expect(readSettings(page(VF, `?parentOrigin=${encodeURIComponent(origin)}`), null)).toEqual({
            ok: false,
            reason: 'parentOriginNotAllowed'
        });
    });

    it('refuses to run outside a Visualforce origin', () => {
        expect(readSettings(page('https://evil.example'), null)).toMatchObject({ ok: false });
    });

    it('ignores the config element on a real org, so tokens only go to Microsoft', () => {
        expect(readSettings(page(VF), HARNESS_META)).toMatchObject({
            ok: true,
            settings: {
                authorityHost: 'https://login.microsoftonline.com',
                graphBaseUrl: 'https://graph.microsoft.com/v1.0'
            }
        });
    });

    it('takes the stand-in hosts from the page in harness mode', () => {
        expect(readSettings(page(HARNESS_VF), HARNESS_META)).toEqual({
            ok: true,
            settings: {
                parentOrigin: HARNESS_LIGHTNING,
                redirectUri: `${HARNESS_VF}/apex/TeamsBridge`,
                authorityHost: 'https://login.microsoftonline.localhost:8444',
                graphBaseUrl: 'https://graph.microsoft.localhost:8445/v1.0',
                harness: true
            }
        });
    });

    it('accepts extra harness parents from the page', () => {
        const meta = JSON.stringify({ parentOrigins: ['https://host.localhost:9000'] });
        const search = `?parentOrigin=${encodeURIComponent('https://host.localhost:9000')}`;

        expect(readSettings(page(HARNESS_VF, search), meta)).toMatchObject({
            ok: true,
            settings: { parentOrigin: 'https://host.localhost:9000' }
        });
    });

    it.each([
        ['a non-localhost Graph host', { graphBaseUrl: 'https://graph.evil.example/v1.0' }],
        ['http', { authorityHost: 'http://login.microsoftonline.localhost:8444' }],
        ['a path on the authority host', { authorityHost: 'https://login.microsoftonline.localhost:8444/x' }],
        ['a non-localhost parent', { parentOrigins: ['https://evil.example'] }],
        ['not an object', ['x']]
    ])('refuses a harness config with %s', (_label, config) => {
        expect(readSettings(page(HARNESS_VF), JSON.stringify(config))).toEqual({
            ok: false,
            reason: 'invalidHarnessConfig'
        });
    });

    it('refuses a harness config that is not JSON', () => {
        expect(readSettings(page(HARNESS_VF), '{')).toMatchObject({ ok: false });
    });

    it.each([
        ['#code=abc&state=xyz', '', true],
        ['#error=access_denied&state=xyz', '', true],
        ['', '?code=abc&state=xyz', true],
        ['', `?parentOrigin=${encodeURIComponent(LIGHTNING)}`, false],
        ['#state=xyz', '', false],
        ['', '', false]
    ])('knows whether hash %j / query %j is an authorization response', (hash, search, expected) => {
        expect(isAuthResponse({ hash, search })).toBe(expected);
    });
});
