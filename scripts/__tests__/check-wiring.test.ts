import { checkProject } from '../metadata/check';
import { formatIssue } from '../metadata/issues';
import { FixtureProject, LWC, OBJECTS } from './helpers/fixture';

const DEFAULT = 'force-app/main/default';
const UTILITY_BAR = `${DEFAULT}/flexipages/Widgets_UtilityBar.flexipage-meta.xml`;
const RECORD_PAGE = `${DEFAULT}/flexipages/Widget_Record_Page.flexipage-meta.xml`;
const SITE = `${DEFAULT}/cspTrustedSites/Example.cspTrustedSite-meta.xml`;
let project: FixtureProject;

beforeEach(() => {
    project = new FixtureProject();
});

afterEach(() => {
    project.dispose();
});

async function messages(): Promise<string[]> {
    const result = await checkProject({ projectRoot: project.root, mdapiDir: project.path('dist/mdapi') });
    return result.issues.map(formatIssue);
}

const xml = (root: string, body: string) =>
    `<?xml version="1.0" encoding="UTF-8" ?>\n<${root} xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}\n</${root}>\n`;

function item(componentName: string): string {
    return (
        '<itemInstances><componentInstance>' +
        `<componentName>${componentName}</componentName><identifier>${componentName.replace(':', '_')}</identifier>` +
        '</componentInstance></itemInstances>'
    );
}

function utilityBar(...components: string[]): void {
    project.write(
        UTILITY_BAR,
        xml(
            'FlexiPage',
            `<flexiPageRegions>${components.map(item).join('')}<name>utilityItems</name><type>Region</type></flexiPageRegions>` +
                '<masterLabel>Widgets UtilityBar</masterLabel><template><name>one:utilityBarTemplateDesktop</name></template>' +
                '<type>UtilityBar</type>'
        )
    );
}

/** helloHost becomes an Omni-Channel toolkit host (like ctiDataConnectorUtility). */
function omniHost(): void {
    project.edit(`${DEFAULT}/aura/helloHost/helloHost.cmp`, (t) =>
        t.replace('<c:hello', '<lightning:omniToolkitAPI aura:id="omniToolkit" />\n    <c:hello')
    );
}

function cspSite(context: string): void {
    project.write(
        SITE,
        xml(
            'CspTrustedSite',
            `<context>${context}</context><description>Example API</description>` +
                '<endpointUrl>https://api.example.com</endpointUrl><isActive>true</isActive>' +
                '<isApplicableToConnectSrc>true</isApplicableToConnectSrc>'
        )
    );
}

function visualforcePage(attributes: string): void {
    project.write(
        `${DEFAULT}/pages/Bridge.page`,
        `<apex:page ${attributes}>\n    <p>bridge</p>\n</apex:page>\n`
    );
    project.write(
        `${DEFAULT}/pages/Bridge.page-meta.xml`,
        xml('ApexPage', '<apiVersion>62.0</apiVersion><label>Bridge</label>')
    );
}

describe('wiring: Omni-Channel utility', () => {
    it('fails a utility bar whose item uses the Omni toolkit without the Omni-Channel utility', async () => {
        omniHost();
        utilityBar('c:helloHost');
        expect(await messages()).toEqual([
            `${UTILITY_BAR}: utility bar Widgets_UtilityBar has c:helloHost, which uses the Omni-Channel toolkit, ` +
                'but no Omni-Channel utility (runtime_service_omnichannel:omniWidget): agents cannot log in to ' +
                'Omni-Channel in this app and no Omni event arrives [Omni-Channel Developer Guide, Omni-Channel ' +
                'Components for the Lightning Console JavaScript API (the toolkit controls the Omni-Channel utility ' +
                'of the console app), https://developer.salesforce.com/docs/service/service-presence-developer-guide/guide/service-presence-console-api-lightning.html]'
        ]);
    });

    it('passes with the Omni-Channel utility beside it, and an item without the toolkit needs none', async () => {
        omniHost();
        utilityBar('runtime_service_omnichannel:omniWidget', 'c:helloHost');
        expect(await messages()).toEqual([]);
        project.edit(`${DEFAULT}/aura/helloHost/helloHost.cmp`, (t) =>
            t.replace(/<lightning:omniToolkitAPI[^>]*>/, '')
        );
        utilityBar('c:helloHost');
        expect(await messages()).toEqual([]);
    });
});

describe('wiring: record page activation', () => {
    const recordPage = () =>
        project.write(
            RECORD_PAGE,
            xml(
                'FlexiPage',
                `<flexiPageRegions>${item('force:detailPanel')}<name>main</name><type>Region</type></flexiPageRegions>` +
                    '<masterLabel>Widget Record Page</masterLabel><sobjectType>Widget__c</sobjectType>' +
                    '<template><name>flexipage:recordHomeTemplateDesktop</name></template><type>RecordPage</type>'
            )
        );

    it('fails a record page that no ActionOverride activates', async () => {
        recordPage();
        const found = await messages();
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(
            new RegExp(
                `^${RECORD_PAGE}: record page Widget_Record_Page is never activated: no ActionOverride \\(View, type ` +
                    'Flexipage\\) in objects/Widget__c or in an app names it.*actionoverride\\.htm\\]$'
            )
        );
    });

    it('passes when the object overrides View with the page', async () => {
        recordPage();
        project.edit(`${OBJECTS}/Widget__c/Widget__c.object-meta.xml`, (t) =>
            t.replace(
                '<deploymentStatus>',
                '<actionOverrides><actionName>View</actionName><content>Widget_Record_Page</content>' +
                    '<formFactor>Large</formFactor><skipRecordTypeSelect>false</skipRecordTypeSelect>' +
                    '<type>Flexipage</type></actionOverrides>\n    <deploymentStatus>'
            )
        );
        expect(await messages()).toEqual([]);
    });
});

describe('wiring: app page reachable', () => {
    const APP_PAGE = `${DEFAULT}/flexipages/Widgets_Home.flexipage-meta.xml`;
    const appPage = () =>
        project.write(
            APP_PAGE,
            xml(
                'FlexiPage',
                `<flexiPageRegions>${item('hello')}<name>main</name><type>Region</type></flexiPageRegions>` +
                    '<masterLabel>Widgets Home</masterLabel>' +
                    '<template><name>flexipage:defaultAppHomeTemplate</name></template><type>AppPage</type>'
            )
        );

    it('fails an app page without a tab, passes once a tab shows it', async () => {
        appPage();
        const found = await messages();
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(
            new RegExp(
                `^${APP_PAGE}: app page Widgets_Home has no tab \\(CustomTab with flexiPage Widgets_Home\\) and no ` +
                    'app names it, so no user can open it \\[Metadata API Developer Guide, CustomTab'
            )
        );
        project.write(
            `${DEFAULT}/tabs/Widgets_Home.tab-meta.xml`,
            xml(
                'CustomTab',
                '<flexiPage>Widgets_Home</flexiPage><label>Widgets Home</label><motif>Custom71: Headset</motif>'
            )
        );
        expect(await messages()).toEqual([]);
    });
});

describe('wiring: an LWC that needs its Aura utility host', () => {
    it('fails an LWC exposed for the utility bar that an Aura utility item hosts', async () => {
        omniHost();
        utilityBar('runtime_service_omnichannel:omniWidget', 'c:helloHost');
        project.edit(`${LWC}/hello/hello.js-meta.xml`, (t) =>
            t.replace('<target>lightning__AppPage</target>', '<target>lightning__UtilityBar</target>')
        );
        const found = await messages();
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(
            new RegExp(
                `^${LWC}/hello/hello.js-meta.xml: hello is exposed for lightning__UtilityBar, but it runs inside its ` +
                    'Aura utility item helloHost: added to a utility bar on its own it would lack what the host ' +
                    'gives it \\(the Omni-Channel events\\); remove the target'
            )
        );
    });

    it('passes when the LWC is not a utility bar target', async () => {
        omniHost();
        utilityBar('runtime_service_omnichannel:omniWidget', 'c:helloHost');
        expect(await messages()).toEqual([]);
    });
});

describe('wiring: CSP Trusted Site context', () => {
    it('fails context All when no Lightning component calls the site', async () => {
        cspSite('All');
        const found = await messages();
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(
            new RegExp(
                `^${SITE}: CSP Trusted Site Example has context All, wider than needed: no Lightning component ` +
                    'calls https://api.example.com\\. Trust it only where it is used'
            )
        );
    });

    it('passes context LEX when an LWC calls the site', async () => {
        cspSite('LEX');
        project.edit(
            `${LWC}/hello/hello.ts`,
            (t) => `${t}\nexport const API = 'https://api.example.com/v1';\n`
        );
        expect(await messages()).toEqual([]);
    });

    it('fails context VisualForce when no page sets cspHeader="true", passes when one does', async () => {
        cspSite('VisualForce');
        visualforcePage('showHeader="false"');
        expect(await messages()).toEqual([
            `${SITE}: CSP Trusted Site Example has context VisualForce, but no Visualforce page sets ` +
                'cspHeader="true", so it has no effect [Metadata API Developer Guide, CspTrustedSite (context; ' +
                '"For custom Visualforce pages, content is restricted to CSP Trusted Sites only if the page\'s ' +
                'cspHeader attribute is set to true"), https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_csptrustedsite.htm]'
        ]);
        visualforcePage('showHeader="false" cspHeader="true"');
        expect(await messages()).toEqual([]);
    });
});

describe('wiring: scratch org definition', () => {
    it('fails the Lightning Web Security switch outside securitySettings.sessionSettings', async () => {
        project.write(
            'config/project-scratch-def.json',
            JSON.stringify({
                edition: 'Developer',
                settings: { securitySettings: { lockerServiceNext: true } }
            })
        );
        expect(await messages()).toEqual([
            'config/project-scratch-def.json: settings.securitySettings.lockerServiceNext: the Lightning Web ' +
                'Security switch belongs in settings.securitySettings.sessionSettings.lockerServiceNext ' +
                '[Lightning Web Security guide, Enable and Disable Lightning Web Security in Scratch Orgs, ' +
                'https://developer.salesforce.com/docs/platform/lightning-components-security/guide/lws-enable-scratch-orgs.html]'
        ]);
        project.write(
            'config/project-scratch-def.json',
            JSON.stringify({
                edition: 'Developer',
                settings: { securitySettings: { sessionSettings: { lockerServiceNext: true } } }
            })
        );
        expect(await messages()).toEqual([]);
    });
});
