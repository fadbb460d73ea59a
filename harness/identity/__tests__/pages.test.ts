/**
 * The stand-in's pages offer what Entra's offer: the sign-in page has no Cancel (closing the window is
 * the only way out, and it answers nothing to the app); the consent page has one (AADSTS65004).
 */
import { consentPage, loginPage } from '../pages';

describe('identity pages', () => {
    it('offers no Cancel on the sign-in page, as Entra does not', () => {
        const html = loginPage({ action: '/t/interaction/x/login', tenantName: 'Acme', accounts: [] });
        expect(html).toContain('id="login-form"');
        expect(html).not.toContain('name="cancel"');
    });

    it('offers Cancel on the consent page', () => {
        const html = consentPage({
            action: '/t/interaction/x/consent',
            appName: 'Presence Sync',
            user: {
                id: 'oid',
                userPrincipalName: 'ada@acme.example',
                mail: 'ada@acme.example',
                displayName: 'Ada',
                password: 'x',
                consentGranted: false,
                teamsEnabled: true
            },
            scopes: ['Presence.Read']
        });
        expect(html).toContain('name="cancel"');
    });
});
