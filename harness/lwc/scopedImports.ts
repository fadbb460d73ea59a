/**
 * Rollup plugin: the `@salesforce/*` scoped modules of the project's components, resolved against the
 * harness org as the platform resolves them at compile time. A reference the org cannot satisfy (a
 * label, field, message channel or Apex method that does not exist) fails the build, as it fails a
 * deploy. Only the `c` namespace's labels are handled here; lightning-base-components brings its own.
 */
import path from 'node:path';
import type { Plugin } from 'rollup';
import { AGENT } from '../platform/constants';
import type { LabelValue, ObjectDescribe } from '../platform/types';
import { I18N_SETTINGS } from '../platform/i18n';

const PREFIX = '\0salesforce-scoped:';
const I18N = '@salesforce/i18n/';
const SCOPED = /^@salesforce\/(label\/c\.|apex\/|user\/Id$|messageChannel\/|schema\/|resourceUrl\/|i18n\/)/;

export interface ScopedImportsOptions {
    labels: Record<string, LabelValue>;
    objects: Record<string, ObjectDescribe>;
    messageChannels: string[];
    apexMethods: string[];
    /** absolute path of harness/platform/scoped.ts */
    runtimeModule: string;
}

function fieldPathExists(
    objects: Record<string, ObjectDescribe>,
    objectName: string,
    fieldPath: string
): boolean {
    const object = objects[objectName];
    if (!object) return false;
    const [head, ...rest] = fieldPath.split('.');
    if (rest.length === 0) return head === 'Id' || head in object.fields;
    const lookup = Object.values(object.fields).find((f) => f.relationshipName === head);
    return lookup?.referenceTo ? fieldPathExists(objects, lookup.referenceTo, rest.join('.')) : false;
}

export function salesforceScopedImports(options: ScopedImportsOptions): Plugin {
    const runtime = JSON.stringify(options.runtimeModule.split(path.sep).join('/'));
    return {
        name: 'harness-salesforce-scoped-imports',
        resolveId(source) {
            // the user's own settings; the rest of @salesforce/i18n (date and number patterns) comes from
            // lightning-base-components' stubs
            if (source.startsWith(I18N) && !I18N_SETTINGS.includes(source.slice(I18N.length))) return null;
            return SCOPED.test(source) ? PREFIX + source : null;
        },
        load(id) {
            if (!id.startsWith(PREFIX)) return null;
            const source = id.slice(PREFIX.length);
            const rest = source.slice('@salesforce/'.length);
            const [kind, ...parts] = rest.split('/');
            const name = parts.join('/');
            switch (kind) {
                case 'label': {
                    const labelName = name.slice('c.'.length);
                    const value = options.labels[labelName];
                    if (!value)
                        this.error(`${source}: no custom label ${labelName} in CustomLabels.labels-meta.xml`);
                    return `import { label } from ${runtime};\nexport default label(${JSON.stringify(value)});\n`;
                }
                case 'apex':
                    if (!options.apexMethods.includes(name)) {
                        this.error(
                            `${source}: the harness org has no Apex method ${name} (harness/platform/scoped.ts)`
                        );
                    }
                    return `import { apexMethod } from ${runtime};\nexport default apexMethod(${JSON.stringify(name)});\n`;
                case 'user':
                    return `export default ${JSON.stringify(AGENT.Id)};\n`;
                case 'messageChannel':
                    if (!options.messageChannels.includes(name)) {
                        this.error(
                            `${source}: no message channel ${name} under force-app/main/default/messageChannels`
                        );
                    }
                    return `export default Object.freeze({ messageChannel: ${JSON.stringify(name)} });\n`;
                case 'schema': {
                    const [objectName, ...fieldParts] = name.split('.');
                    if (!options.objects[objectName]) this.error(`${source}: no object ${objectName}`);
                    if (fieldParts.length === 0) {
                        return `export default Object.freeze({ objectApiName: ${JSON.stringify(objectName)} });\n`;
                    }
                    const fieldPath = fieldParts.join('.');
                    if (!fieldPathExists(options.objects, objectName, fieldPath)) {
                        this.error(`${source}: no field ${fieldPath} on ${objectName}`);
                    }
                    return `export default Object.freeze({ objectApiName: ${JSON.stringify(objectName)}, fieldApiName: ${JSON.stringify(fieldPath)} });\n`;
                }
                case 'resourceUrl':
                    return `export default ${JSON.stringify(`/resource/${name}`)};\n`;
                case 'i18n': {
                    const i18nModule = JSON.stringify(
                        path.join(path.dirname(options.runtimeModule), 'i18n.ts').split(path.sep).join('/')
                    );
                    return `import { userSetting } from ${i18nModule};\nexport default userSetting(${JSON.stringify(name)});\n`;
                }
                default:
                    return null;
            }
        }
    };
}
