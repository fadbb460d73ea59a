/**
 * Platform limits SDR does not check: the documented maximum length and the name format of every value
 * the project's metadata has (descriptions, labels, short descriptions, help text, picklist values, error
 * messages, API names). An org rejects such a value, and a Metadata API deploy rolls back as a whole.
 * Every rule names the page it comes from; a value whose limit no reference documents is not checked
 * (listed at the end of this file, so nobody invents one).
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { issue, type Issue } from './issues';
import { childrenOf, type MetadataTree } from './tree';

export interface Reference {
    title: string;
    url: string;
}

const META = 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta';

/** The pages the limits come from. */
export const REFERENCES = {
    permissionSet: {
        title: 'Metadata API Developer Guide, PermissionSet; Object Reference, PermissionSet (Label 80, Description 255)',
        url: `${META}/meta_permissionset.htm`
    },
    lwcBundle: {
        title: 'Tooling API, LightningComponentBundle (Description: "Maximum size of 255 characters")',
        url: 'https://developer.salesforce.com/docs/platform/api-tooling/references/tooling-objects/tooling-lightningcomponentbundle.html'
    },
    lwcFolder: {
        title: 'Lightning Web Components Developer Guide, Component Folder (naming rules)',
        url: 'https://developer.salesforce.com/docs/platform/lwc/guide/create-components-folder.html'
    },
    auraBundle: {
        title: 'Object Reference, AuraDefinitionBundle (Description: "Maximum size of 255 characters")',
        url: 'https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects/object-auradefinitionbundle.html'
    },
    customLabel: {
        title:
            'Metadata API Developer Guide, CustomLabels (shortDescription is the label MasterLabel, 80; value 1,000); ' +
            'Tooling API, ExternalString (Category "limited to 255 characters")',
        url: `${META}/meta_customlabels.htm`
    },
    customField: {
        title: 'Metadata API Developer Guide, CustomField (label 40, inlineHelpText 510, description 1,000)',
        url: `${META}/customfield.htm`
    },
    picklistValue: {
        title: 'Salesforce Help, Custom Field Attributes (picklist: "Each value can be up to 255 characters")',
        url: 'https://help.salesforce.com/s/articleView?id=sf.custom_field_attributes.htm&type=5'
    },
    customObject: {
        title: 'Metadata API Developer Guide, CustomObject (label and pluralLabel 40)',
        url: `${META}/customobject.htm`
    },
    apiName40: {
        title:
            'Salesforce Help, knowledge article 000381913 ("The current character limit for creating field ' +
            'names and labels is 40 characters", object names the same, before __c)',
        url: 'https://help.salesforce.com/s/articleView?id=000381913&type=1'
    },
    validationRule: {
        title: 'Metadata API Developer Guide, ValidationRule (errorMessage 255)',
        url: `${META}/meta_validationrules.htm`
    },
    cspTrustedSite: {
        title: 'Field Reference, CspTrustedSite (Description 255, Label/MasterLabel 80)',
        url: 'https://developer.salesforce.com/docs/atlas.en-us.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_CspTrustedSite.htm'
    },
    developerName: {
        title:
            'Tooling API, LightningComponentBundle and Object Reference, AuraDefinitionBundle, DeveloperName ' +
            '("only underscores and alphanumeric characters ... begin with a letter, not include spaces, not end ' +
            'with an underscore, and not contain two consecutive underscores")',
        url: 'https://developer.salesforce.com/docs/platform/api-tooling/references/tooling-objects/tooling-lightningcomponentbundle.html'
    },
    visualforcePage: {
        title: 'Salesforce Help, Visualforce Component Limits ("Page names can\'t be longer than 40 characters")',
        url: 'https://help.salesforce.com/apex/HTViewHelpDoc?id=platform.pages_limits.htm'
    },
    translation: {
        title:
            'Metadata API Developer Guide, Translations and CustomObjectTranslation (a translation replaces the ' +
            "value in the same field, so the field's own limit applies)",
        url: `${META}/meta_translations.htm`
    }
} satisfies Record<string, Reference>;

type NameFormat = 'developerName' | 'lwcName';

interface ValueRule {
    /** Dotted path from the root element; `x[]` walks every item of list `x` (named by its fullName/name). */
    path: string;
    max?: number;
    format?: NameFormat;
    /** Strip `__c` (and namespace-free custom suffixes) before checking a name. */
    customSuffix?: boolean;
    ref: Reference;
}

interface NameRule {
    format: NameFormat;
    /** The component name is `Parent.Child`: check the last segment only. */
    lastSegment?: boolean;
    customSuffix?: boolean;
    max?: number;
    ref: Reference;
}

interface TypeRules {
    values?: ValueRule[];
    name?: NameRule;
}

const dev = (ref: Reference = REFERENCES.developerName): NameRule => ({ format: 'developerName', ref });
const devLast = (): NameRule => ({
    format: 'developerName',
    lastSegment: true,
    ref: REFERENCES.developerName
});

/** By SDR metadata type name. */
export const RULES: Record<string, TypeRules> = {
    PermissionSet: {
        values: [
            { path: 'label', max: 80, ref: REFERENCES.permissionSet },
            { path: 'description', max: 255, ref: REFERENCES.permissionSet }
        ],
        name: { format: 'developerName', max: 80, ref: REFERENCES.permissionSet }
    },
    LightningComponentBundle: {
        values: [{ path: 'description', max: 255, ref: REFERENCES.lwcBundle }],
        name: { format: 'lwcName', ref: REFERENCES.lwcFolder }
    },
    AuraDefinitionBundle: {
        values: [{ path: 'description', max: 255, ref: REFERENCES.auraBundle }],
        name: dev()
    },
    CustomLabels: {
        values: [
            { path: 'labels[].fullName', format: 'developerName', ref: REFERENCES.developerName },
            { path: 'labels[].shortDescription', max: 80, ref: REFERENCES.customLabel },
            { path: 'labels[].value', max: 1000, ref: REFERENCES.customLabel },
            { path: 'labels[].categories', max: 255, ref: REFERENCES.customLabel }
        ]
    },
    CustomObject: {
        values: [
            { path: 'label', max: 40, ref: REFERENCES.customObject },
            { path: 'pluralLabel', max: 40, ref: REFERENCES.customObject }
        ],
        name: { format: 'developerName', customSuffix: true, max: 40, ref: REFERENCES.apiName40 }
    },
    CustomField: {
        values: [
            { path: 'label', max: 40, ref: REFERENCES.customField },
            { path: 'inlineHelpText', max: 510, ref: REFERENCES.customField },
            { path: 'description', max: 1000, ref: REFERENCES.customField },
            { path: 'valueSet.valueSetDefinition.value[].fullName', max: 255, ref: REFERENCES.picklistValue },
            { path: 'valueSet.valueSetDefinition.value[].label', max: 255, ref: REFERENCES.picklistValue }
        ],
        name: {
            format: 'developerName',
            lastSegment: true,
            customSuffix: true,
            max: 40,
            ref: REFERENCES.apiName40
        }
    },
    ValidationRule: {
        values: [{ path: 'errorMessage', max: 255, ref: REFERENCES.validationRule }],
        name: devLast()
    },
    CspTrustedSite: {
        values: [
            { path: 'description', max: 255, ref: REFERENCES.cspTrustedSite },
            { path: 'masterLabel', max: 80, ref: REFERENCES.cspTrustedSite }
        ],
        name: dev()
    },
    Translations: {
        values: [
            { path: 'customLabels[].label', max: 1000, ref: REFERENCES.translation },
            { path: 'customLabels[].name', format: 'developerName', ref: REFERENCES.developerName }
        ]
    },
    CustomFieldTranslation: {
        values: [
            { path: 'label', max: 40, ref: REFERENCES.translation },
            { path: 'help', max: 510, ref: REFERENCES.translation },
            { path: 'picklistValues[].translation', max: 255, ref: REFERENCES.translation }
        ]
    },
    CustomObjectTranslation: {
        values: [{ path: 'caseValues[].value', max: 40, ref: REFERENCES.translation }]
    },
    // API names of the other types: the DeveloperName rules.
    ApexClass: { name: dev() },
    ApexPage: { name: { format: 'developerName', max: 40, ref: REFERENCES.visualforcePage } },
    CompactLayout: { name: devLast() },
    CustomApplication: { name: dev() },
    CustomTab: { name: { format: 'developerName', customSuffix: true, ref: REFERENCES.developerName } },
    FlexiPage: { name: dev() },
    LightningMessageChannel: { name: dev() },
    ListView: { name: devLast() },
    QuickAction: { name: devLast() },
    ServicePresenceStatus: { name: dev() },
    StaticResource: { name: dev() }
};

/** Why a name breaks the format, or undefined when it is fine. */
export function nameProblem(name: string, format: NameFormat): string | undefined {
    if (name.length === 0) return 'is empty';
    if (format === 'lwcName' && !/^[a-z]/.test(name)) return 'must begin with a lowercase letter';
    if (!/^[A-Za-z]/.test(name)) return 'must begin with a letter';
    if (/[^A-Za-z0-9_]/.test(name)) return 'may contain only letters, digits and underscores';
    if (name.includes('__')) return 'must not contain two consecutive underscores';
    if (name.endsWith('_')) return 'must not end with an underscore';
    return undefined;
}

/** `Widget__c` -> `Widget`; other names unchanged. */
function withoutCustomSuffix(name: string): string {
    return name.replace(/__c$/, '');
}

/** A value for a message: one line, at most `max` characters. */
export function shorten(value: string, max = 60): string {
    const line = value.replace(/\s+/g, ' ');
    return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

interface Found {
    /** `labels[CtiDataConnector_SignInSaveFailed].shortDescription` */
    where: string;
    value: string;
}

function asList(value: unknown): unknown[] {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? value : [value];
}

function itemName(item: unknown, index: number): string {
    if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        for (const key of ['fullName', 'name', 'masterLabel']) {
            if (typeof o[key] === 'string') return o[key] as string;
        }
    }
    return String(index);
}

/** Every string at `path` (see ValueRule.path) under `root`. */
export function valuesAt(root: unknown, path: string): Found[] {
    let current: { node: unknown; where: string }[] = [{ node: root, where: '' }];
    for (const segment of path.split('.')) {
        const list = segment.endsWith('[]');
        const key = list ? segment.slice(0, -2) : segment;
        const next: typeof current = [];
        for (const { node, where } of current) {
            if (!node || typeof node !== 'object') continue;
            const child = (node as Record<string, unknown>)[key];
            const prefix = where ? `${where}.${key}` : key;
            if (list) {
                asList(child).forEach((item, i) =>
                    next.push({ node: item, where: `${prefix}[${itemName(item, i)}]` })
                );
            } else {
                for (const item of asList(child)) next.push({ node: item, where: prefix });
            }
        }
        current = next;
    }
    return current
        .filter((c) => typeof c.node === 'string' || typeof c.node === 'number')
        .map((c) => ({ where: c.where, value: String(c.node) }));
}

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

/** The 1-based line where `value` first appears in the raw XML (escaped as XML writes it), if found. */
function lineOf(text: string, value: string): number | undefined {
    const escaped = value.slice(0, 40).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const probe of [escaped, escaped.replace(/'/g, '&apos;').replace(/"/g, '&quot;')]) {
        const at = text.indexOf(probe);
        if (at >= 0) return text.slice(0, at).split('\n').length;
    }
    return undefined;
}

function ruleText(max: number | undefined, ref: Reference): string {
    return `${max === undefined ? '' : `limit ${max}; `}${ref.title}, ${ref.url}`;
}

function checkFile(tree: MetadataTree, type: string, fullName: string, file: string): Issue[] {
    const rules = RULES[type];
    if (!rules) return [];
    const text = readFileSync(file, 'utf8');
    let root: unknown;
    try {
        root = (parser.parse(text) as Record<string, unknown>)[type];
    } catch {
        return []; // malformed XML is reported by the XML check
    }
    const issues: Issue[] = [];
    const report = (message: string, value: string) =>
        issues.push(issue(tree.displayRoot, file, message, { line: lineOf(text, value) }));
    for (const rule of rules.values ?? []) {
        for (const { where, value } of valuesAt(root ?? {}, rule.path)) {
            if (rule.max !== undefined && value.length > rule.max) {
                report(
                    `${type} ${where} is ${value.length} characters, over the platform limit of ${rule.max} ` +
                        `("${shorten(value)}") [${ruleText(rule.max, rule.ref)}]`,
                    value
                );
            }
            const name = rule.customSuffix ? withoutCustomSuffix(value) : value;
            const problem = rule.format ? nameProblem(name, rule.format) : undefined;
            if (problem) {
                report(
                    `${type} ${where} "${shorten(value)}" ${problem} [${ruleText(undefined, rule.ref)}]`,
                    value
                );
            }
        }
    }
    if (rules.name) {
        const segment = rules.name.lastSegment ? fullName.slice(fullName.lastIndexOf('.') + 1) : fullName;
        const name = rules.name.customSuffix ? withoutCustomSuffix(segment) : segment;
        const problem = nameProblem(name, rules.name.format);
        if (problem) {
            issues.push(
                issue(
                    tree.displayRoot,
                    file,
                    `${type} API name "${shorten(segment)}" ${problem} [${ruleText(undefined, rules.name.ref)}]`
                )
            );
        }
        if (rules.name.max !== undefined && name.length > rules.name.max) {
            issues.push(
                issue(
                    tree.displayRoot,
                    file,
                    `${type} API name "${shorten(segment)}" is ${name.length} characters` +
                        `${rules.name.customSuffix ? ' without __c' : ''}, over the platform limit of ` +
                        `${rules.name.max} [${ruleText(rules.name.max, rules.name.ref)}]`
                )
            );
        }
    }
    return issues;
}

/** Every component and child of the tree against RULES. */
export function checkLimits(tree: MetadataTree): Issue[] {
    const issues: Issue[] = [];
    const seen = new Set<string>();
    const visit = (type: string, fullName: string, file: string | undefined) => {
        if (!file || seen.has(`${type}:${fullName}`)) return;
        seen.add(`${type}:${fullName}`);
        issues.push(...checkFile(tree, type, fullName, file));
    };
    for (const c of tree.components) {
        visit(c.type.name, c.fullName, c.xml);
        for (const child of childrenOf(c)) visit(child.type.name, child.fullName, child.xml);
    }
    return issues;
}

/*
 * Values seen in this project for which no reference documents a length, so they are not length-checked:
 * FlexiPage masterLabel, QuickAction label and description, CustomTab label and description, CustomApplication
 * label and description, ApexPage label and description, LightningComponentBundle masterLabel, ListView label,
 * CompactLayout label, LightningMessageChannel masterLabel and description, ServicePresenceStatus label,
 * ValidationRule description. Their API names are format-checked above.
 */
