/**
 * How the pieces fit together, where a deploy succeeds but the app misbehaves in the org. General rules,
 * each with the reference it rests on:
 * - a utility bar with an Aura item that uses the Omni-Channel toolkit also has the Omni-Channel utility
 *   (without it agents cannot log in to Omni-Channel in that app, and no Omni event reaches the item);
 * - every record page is activated: an ActionOverride (View, type Flexipage) of its object or of an app
 *   names it (a record page nobody assigns is never shown); every app page has a tab (or is an app's
 *   override), else no user can open it;
 * - an LWC embedded by an Aura utility item is not itself exposed for the utility bar (placed alone it
 *   would lack what its host gives it, e.g. the Omni events);
 * - a CSP Trusted Site is as narrow as its use: context VisualForce needs a page with cspHeader="true",
 *   and context All or LEX needs a Lightning component that calls the site;
 * - the scratch org definition sets Lightning Web Security where the LWS guide puts it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { issue, type Issue } from './issues';
import { valuesAt, type Reference } from './limits';
import type { MetadataTree } from './tree';

export const WIRING_REFERENCES = {
    omniUtility: {
        title:
            'Omni-Channel Developer Guide, Omni-Channel Components for the Lightning Console JavaScript API ' +
            '(the toolkit controls the Omni-Channel utility of the console app)',
        url: 'https://developer.salesforce.com/docs/service/service-presence-developer-guide/guide/service-presence-console-api-lightning.html'
    },
    actionOverride: {
        title:
            'Metadata API Developer Guide, ActionOverride (type Flexipage for View: the Lightning page that ' +
            'overrides the record view) and FlexiPage',
        url: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/actionoverride.htm'
    },
    customTab: {
        title: 'Metadata API Developer Guide, CustomTab (flexiPage: "The name of the Lightning page to display in this tab")',
        url: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_tab.htm'
    },
    lwcTargets: {
        title: 'Lightning Web Components Developer Guide, XML Configuration File Elements (isExposed, targets)',
        url: 'https://developer.salesforce.com/docs/platform/lwc/guide/reference-configuration-tags.html'
    },
    cspContext: {
        title:
            'Metadata API Developer Guide, CspTrustedSite (context; "For custom Visualforce pages, content is ' +
            'restricted to CSP Trusted Sites only if the page\'s cspHeader attribute is set to true")',
        url: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_csptrustedsite.htm'
    },
    lwsScratch: {
        title: 'Lightning Web Security guide, Enable and Disable Lightning Web Security in Scratch Orgs',
        url: 'https://developer.salesforce.com/docs/platform/lightning-components-security/guide/lws-enable-scratch-orgs.html'
    }
} satisfies Record<string, Reference>;

/** The component name of the Omni-Channel utility in a utility bar FlexiPage. */
export const OMNI_UTILITY = 'runtime_service_omnichannel:omniWidget';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

function parse(file: string, root: string): Record<string, unknown> {
    try {
        return ((parser.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[root] ?? {}) as Record<
            string,
            unknown
        >;
    } catch {
        return {}; // malformed XML is reported by the XML check
    }
}

const refText = (ref: Reference) => `[${ref.title}, ${ref.url}]`;

interface FlexiPageInfo {
    name: string;
    file: string;
    type: string;
    sobjectType?: string;
    components: string[];
}

interface Project {
    flexiPages: FlexiPageInfo[];
    /** Aura bundle name -> its markup. */
    aura: Map<string, { file: string; markup: string }>;
    /** LWC bundle name -> its js-meta.xml and targets. */
    lwc: Map<string, { file: string; exposed: boolean; targets: string[]; dir: string }>;
    /** Flexipage names that an ActionOverride names. */
    overrides: Set<string>;
    /** Flexipage names that a CustomTab shows. */
    tabPages: Set<string>;
    csp: { name: string; file: string; context: string; endpoint: string }[];
    pagesWithCspHeader: string[];
}

function asList(value: unknown): unknown[] {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? value : [value];
}

function files(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) return e.name === '__tests__' ? [] : files(full);
        return [full];
    });
}

function readProject(tree: MetadataTree): Project {
    const project: Project = {
        flexiPages: [],
        aura: new Map(),
        lwc: new Map(),
        overrides: new Set(),
        tabPages: new Set(),
        csp: [],
        pagesWithCspHeader: []
    };
    for (const c of tree.components) {
        const type = c.type.name;
        if (type === 'FlexiPage' && c.xml) {
            const page = parse(c.xml, 'FlexiPage');
            project.flexiPages.push({
                name: c.fullName,
                file: c.xml,
                type: String(page.type ?? ''),
                sobjectType: typeof page.sobjectType === 'string' ? page.sobjectType : undefined,
                components: valuesAt(
                    page,
                    'flexiPageRegions[].itemInstances[].componentInstance.componentName'
                ).map((v) => v.value)
            });
        } else if (type === 'AuraDefinitionBundle' && c.content) {
            const cmp = path.join(c.content, `${c.fullName}.cmp`);
            if (existsSync(cmp))
                project.aura.set(c.fullName, { file: cmp, markup: readFileSync(cmp, 'utf8') });
        } else if (type === 'LightningComponentBundle' && c.xml) {
            const meta = parse(c.xml, 'LightningComponentBundle');
            project.lwc.set(c.fullName, {
                file: c.xml,
                dir: path.dirname(c.xml),
                exposed: String(meta.isExposed) === 'true',
                targets: valuesAt(meta, 'targets.target').map((v) => v.value)
            });
        } else if ((type === 'CustomObject' || type === 'CustomApplication') && c.xml) {
            const root = parse(c.xml, type);
            for (const key of ['actionOverrides', 'profileActionOverrides']) {
                for (const o of asList(root[key])) {
                    const override = o as { content?: unknown; type?: unknown };
                    if (override.type === 'Flexipage' && typeof override.content === 'string') {
                        project.overrides.add(override.content);
                    }
                }
            }
        } else if (type === 'CustomTab' && c.xml) {
            const page = parse(c.xml, 'CustomTab').flexiPage;
            if (typeof page === 'string') project.tabPages.add(page);
        } else if (type === 'CspTrustedSite' && c.xml) {
            const site = parse(c.xml, 'CspTrustedSite');
            project.csp.push({
                name: c.fullName,
                file: c.xml,
                // LEX is the documented default when context is absent
                context: typeof site.context === 'string' ? site.context : 'LEX',
                endpoint: String(site.endpointUrl ?? '')
            });
        } else if (type === 'ApexPage' && c.content) {
            if (/<apex:page\b[^>]*\bcspHeader\s*=\s*"true"/i.test(readFileSync(c.content, 'utf8'))) {
                project.pagesWithCspHeader.push(c.fullName);
            }
        }
    }
    return project;
}

/** `c:name` or a bare LWC/Aura name in a FlexiPage -> the bundle name in this project's namespace. */
function localName(component: string): string | undefined {
    if (!component.includes(':')) return component;
    return component.startsWith('c:') ? component.slice(2) : undefined;
}

function usesOmniToolkit(markup: string): boolean {
    return /<lightning:omniToolkitAPI\b|event="lightning:omniChannel/.test(markup);
}

function checkOmniUtility(tree: MetadataTree, project: Project): Issue[] {
    const issues: Issue[] = [];
    for (const page of project.flexiPages.filter((p) => p.type === 'UtilityBar')) {
        if (page.components.includes(OMNI_UTILITY)) continue;
        for (const component of page.components) {
            const aura = project.aura.get(localName(component) ?? '');
            if (!aura || !usesOmniToolkit(aura.markup)) continue;
            issues.push(
                issue(
                    tree.displayRoot,
                    page.file,
                    `utility bar ${page.name} has ${component}, which uses the Omni-Channel toolkit, but no ` +
                        `Omni-Channel utility (${OMNI_UTILITY}): agents cannot log in to Omni-Channel in this app ` +
                        `and no Omni event arrives ${refText(WIRING_REFERENCES.omniUtility)}`
                )
            );
        }
    }
    return issues;
}

function checkRecordPagesActivated(tree: MetadataTree, project: Project): Issue[] {
    return project.flexiPages
        .filter((p) => p.type === 'RecordPage' && !project.overrides.has(p.name))
        .map((p) =>
            issue(
                tree.displayRoot,
                p.file,
                `record page ${p.name} is never activated: no ActionOverride (View, type Flexipage) in ` +
                    `${p.sobjectType ? `objects/${p.sobjectType}` : 'its object'} or in an app names it, so the ` +
                    `org keeps showing the default record page ${refText(WIRING_REFERENCES.actionOverride)}`
            )
        );
}

function checkAppPagesReachable(tree: MetadataTree, project: Project): Issue[] {
    return project.flexiPages
        .filter(
            (p) => p.type === 'AppPage' && !project.tabPages.has(p.name) && !project.overrides.has(p.name)
        )
        .map((p) =>
            issue(
                tree.displayRoot,
                p.file,
                `app page ${p.name} has no tab (CustomTab with flexiPage ${p.name}) and no app names it, so no ` +
                    `user can open it ${refText(WIRING_REFERENCES.customTab)}`
            )
        );
}

function checkHostedLwcNotInUtilityBar(tree: MetadataTree, project: Project): Issue[] {
    const utilityItems = new Set(
        project.flexiPages
            .filter((p) => p.type === 'UtilityBar')
            .flatMap((p) => p.components.map(localName))
            .filter((n): n is string => n !== undefined)
    );
    const issues: Issue[] = [];
    for (const [host, { markup }] of project.aura) {
        if (!utilityItems.has(host)) continue;
        for (const match of markup.matchAll(/<c:([A-Za-z][\w]*)\b/g)) {
            const lwc = project.lwc.get(match[1]);
            if (!lwc || !lwc.exposed || !lwc.targets.includes('lightning__UtilityBar')) continue;
            issues.push(
                issue(
                    tree.displayRoot,
                    lwc.file,
                    `${match[1]} is exposed for lightning__UtilityBar, but it runs inside its Aura utility item ` +
                        `${host}: added to a utility bar on its own it would lack what the host gives it` +
                        `${usesOmniToolkit(markup) ? ' (the Omni-Channel events)' : ''}; remove the target ` +
                        `${refText(WIRING_REFERENCES.lwcTargets)}`
                )
            );
        }
    }
    return issues;
}

/** Does any Lightning component source (LWC or Aura) name this origin in a string literal? */
function lightningCodeCalls(project: Project, origin: string): boolean {
    const literal = new RegExp(`['"\`]${origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`);
    const sources = [
        ...[...project.lwc.values()].flatMap((l) => files(l.dir)),
        ...[...project.aura.values()].flatMap((a) => files(path.dirname(a.file)))
    ].filter((f) => /\.(ts|js|html|cmp)$/.test(f));
    return sources.some((f) => literal.test(readFileSync(f, 'utf8')));
}

function checkCspContext(tree: MetadataTree, project: Project): Issue[] {
    const issues: Issue[] = [];
    for (const site of project.csp) {
        const origin = site.endpoint.replace(/\/+$/, '');
        if (site.context === 'VisualForce' && project.pagesWithCspHeader.length === 0) {
            issues.push(
                issue(
                    tree.displayRoot,
                    site.file,
                    `CSP Trusted Site ${site.name} has context VisualForce, but no Visualforce page sets ` +
                        `cspHeader="true", so it has no effect ${refText(WIRING_REFERENCES.cspContext)}`
                )
            );
        }
        if ((site.context === 'All' || site.context === 'LEX') && !lightningCodeCalls(project, origin)) {
            issues.push(
                issue(
                    tree.displayRoot,
                    site.file,
                    `CSP Trusted Site ${site.name} has context ${site.context}, wider than needed: no Lightning ` +
                        `component calls ${origin}. Trust it only where it is used (context VisualForce for a ` +
                        `Visualforce page with cspHeader="true") ${refText(WIRING_REFERENCES.cspContext)}`
                )
            );
        }
    }
    return issues;
}

/** Scratch org definitions under config/: lockerServiceNext belongs in securitySettings.sessionSettings. */
export function checkScratchDefinitions(projectRoot: string, displayRoot: string): Issue[] {
    const issues: Issue[] = [];
    for (const file of files(path.join(projectRoot, 'config')).filter((f) => f.endsWith('.json'))) {
        let definition: { settings?: Record<string, unknown> };
        try {
            definition = JSON.parse(readFileSync(file, 'utf8'));
        } catch {
            continue;
        }
        const settings = definition.settings ?? {};
        const misplaced = Object.entries(settings)
            .filter(([, value]) => value && typeof value === 'object' && 'lockerServiceNext' in value)
            .map(([key]) => `settings.${key}.lockerServiceNext`);
        for (const where of misplaced) {
            issues.push(
                issue(
                    displayRoot,
                    file,
                    `${where}: the Lightning Web Security switch belongs in ` +
                        `settings.securitySettings.sessionSettings.lockerServiceNext ${refText(WIRING_REFERENCES.lwsScratch)}`
                )
            );
        }
    }
    return issues;
}

export function checkWiring(tree: MetadataTree): Issue[] {
    const project = readProject(tree);
    return [
        ...checkOmniUtility(tree, project),
        ...checkRecordPagesActivated(tree, project),
        ...checkAppPagesReachable(tree, project),
        ...checkHostedLwcNotInUtilityBar(tree, project),
        ...checkCspContext(tree, project)
    ];
}
