/**
 * The translations (the optional German package, force-app-de) against what they translate:
 * - a translation must name a custom label, object or field the project defines: the platform rejects
 *   a translation of a component that does not exist, and with it the German deploy or package version
 *   (Metadata API Developer Guide, Translations: customLabels `name` is the label's name;
 *   CustomObjectTranslation: the file is `<object>-<language>`, fields by `name`);
 * - every custom label and every custom field of a translated object has its translation, because this
 *   project shows everything in English and German (a missing one silently falls back to English);
 * - no translation lives in the default package directory: an org without Translation Workbench rejects
 *   translations and with them the whole deploy, so they go into their own package directory (force-app-de)
 *   that is deployed and installed separately.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { issue, type Issue } from './issues';
import { valuesAt, type Reference } from './limits';
import { childrenOf, type MetadataTree } from './tree';

export const TRANSLATION_REFERENCES = {
    translations: {
        title: 'Metadata API Developer Guide, Translations (customLabels: label, name)',
        url: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_translations.htm'
    },
    objectTranslation: {
        title: 'Metadata API Developer Guide, CustomObjectTranslation (fields: name, label, help)',
        url: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_customobjecttranslation.htm'
    }
} satisfies Record<string, Reference>;

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

function root(file: string, type: string): unknown {
    try {
        return (parser.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[type] ?? {};
    } catch {
        return {}; // malformed XML is reported by the XML check
    }
}

const refText = (ref: Reference) => `[${ref.title}, ${ref.url}]`;

const TRANSLATION_TYPES = new Set(['Translations', 'CustomObjectTranslation']);

/** The package directory marked `"default": true` in sfdx-project.json (the first one if none is). */
export function defaultPackageDir(projectRoot: string): string | undefined {
    const file = path.join(projectRoot, 'sfdx-project.json');
    if (!existsSync(file)) return undefined;
    try {
        const dirs = (
            JSON.parse(readFileSync(file, 'utf8')) as {
                packageDirectories?: { path?: string; default?: boolean }[];
            }
        ).packageDirectories;
        const chosen = dirs?.find((d) => d.default === true) ?? dirs?.[0];
        return chosen?.path ? path.join(projectRoot, chosen.path) : undefined;
    } catch {
        return undefined; // an unreadable sfdx-project.json is reported when the tree is loaded
    }
}

function translationsInDefaultDir(tree: MetadataTree): Issue[] {
    const dir = defaultPackageDir(tree.projectRoot);
    if (!dir) return [];
    return tree.components
        .filter((c) => TRANSLATION_TYPES.has(c.type.name) && c.xml && c.xml.startsWith(`${dir}${path.sep}`))
        .map((c) =>
            issue(
                tree.displayRoot,
                c.xml as string,
                `${c.type.name} ${c.fullName} is in the default package directory ` +
                    `${path.relative(tree.projectRoot, dir)}: an org without Translation Workbench rejects it and ` +
                    'with it the whole deploy; keep translations in their own package directory (force-app-de) ' +
                    refText(TRANSLATION_REFERENCES.translations)
            )
        );
}

export function checkTranslations(tree: MetadataTree): Issue[] {
    const labels = new Set<string>();
    const fields = new Map<string, Set<string>>(); // object -> custom fields
    const translations: { language: string; file: string; names: string[] }[] = [];
    const objectTranslations: {
        object: string;
        language: string;
        file: string;
        fields: Map<string, string>;
    }[] = [];
    for (const c of tree.components) {
        const type = c.type.name;
        if (type === 'CustomLabels') {
            for (const child of childrenOf(c)) labels.add(child.fullName);
        } else if (type === 'CustomObject') {
            const set = fields.get(c.fullName) ?? new Set<string>();
            for (const child of childrenOf(c)) {
                if (child.type.name === 'CustomField') set.add(child.fullName.slice(c.fullName.length + 1));
            }
            fields.set(c.fullName, set);
        } else if (type === 'Translations' && c.xml) {
            translations.push({
                language: c.fullName,
                file: c.xml,
                names: valuesAt(root(c.xml, 'Translations'), 'customLabels[].name').map((v) => v.value)
            });
        } else if (type === 'CustomObjectTranslation' && c.xml) {
            const dash = c.fullName.lastIndexOf('-');
            const translated = new Map<string, string>();
            for (const child of childrenOf(c)) {
                if (child.type.name === 'CustomFieldTranslation' && child.xml) {
                    translated.set(child.fullName.slice(c.fullName.length + 1), child.xml);
                }
            }
            objectTranslations.push({
                object: c.fullName.slice(0, dash),
                language: c.fullName.slice(dash + 1),
                file: c.xml,
                fields: translated
            });
        }
    }
    const issues: Issue[] = translationsInDefaultDir(tree);
    const ref = refText(TRANSLATION_REFERENCES.translations);
    for (const t of translations) {
        const translated = new Set(t.names);
        for (const name of t.names.filter((n) => !labels.has(n))) {
            issues.push(
                issue(
                    tree.displayRoot,
                    t.file,
                    `translation (${t.language}) of custom label ${name}, which the project does not define: ` +
                        `the ${t.language} deploy would be rejected ${ref}`
                )
            );
        }
        for (const name of [...labels].filter((n) => !translated.has(n)).sort()) {
            issues.push(
                issue(
                    tree.displayRoot,
                    t.file,
                    `custom label ${name} has no ${t.language} translation here (users of that language would ` +
                        `see English) ${ref}`
                )
            );
        }
    }
    const objRef = refText(TRANSLATION_REFERENCES.objectTranslation);
    for (const o of objectTranslations) {
        const defined = fields.get(o.object);
        if (!defined) {
            issues.push(
                issue(
                    tree.displayRoot,
                    o.file,
                    `translation (${o.language}) of object ${o.object}, which the project does not define ${objRef}`
                )
            );
            continue;
        }
        for (const [field, file] of o.fields) {
            if (!defined.has(field)) {
                issues.push(
                    issue(
                        tree.displayRoot,
                        file,
                        `translation (${o.language}) of field ${o.object}.${field}, which the object does not ` +
                            `define: the ${o.language} deploy would be rejected ${objRef}`
                    )
                );
            }
        }
        for (const field of [...defined].filter((f) => !o.fields.has(f)).sort()) {
            issues.push(
                issue(
                    tree.displayRoot,
                    path.join(path.dirname(o.file), 'fields'),
                    `field ${o.object}.${field} has no ${o.language} translation (users of that language would ` +
                        `see the English label) ${objRef}`
                )
            );
        }
    }
    return issues;
}
