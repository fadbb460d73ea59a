/**
 * The custom objects, fields and picklist values a source tree defines (read from the decomposed
 * `objects/<Object>/` folders), for checking data plans against them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { findFolders } from './tree';

export interface FieldDefinition {
    name: string;
    type: string;
    /** Picklist values (API names); undefined when the field is not a picklist or they are not known. */
    values?: string[];
    referenceTo?: string;
    relationshipName?: string;
}

export interface ObjectDefinition {
    name: string;
    fields: Map<string, FieldDefinition>;
}

export type ObjectDefinitions = Map<string, ObjectDefinition>;

const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => name === 'value' || name === 'customValue'
});

interface FieldXml {
    CustomField?: {
        fullName?: string;
        type?: string;
        referenceTo?: string;
        relationshipName?: string;
        valueSet?: { valueSetName?: string; valueSetDefinition?: { value?: { fullName?: string }[] } };
    };
}

function readXml(file: string): unknown {
    return parser.parse(readFileSync(file, 'utf8'));
}

function globalValueSet(packageDirs: string[], name: string): string[] | undefined {
    for (const dir of packageDirs.flatMap((d) => findFolders(d, 'globalValueSets'))) {
        const file = path.join(dir, `${name}.globalValueSet-meta.xml`);
        if (!existsSync(file)) continue;
        const xml = readXml(file) as { GlobalValueSet?: { customValue?: { fullName?: string }[] } };
        return (xml.GlobalValueSet?.customValue ?? []).map((v) => String(v.fullName));
    }
    return undefined;
}

function readField(file: string, packageDirs: string[]): FieldDefinition | undefined {
    const field = (readXml(file) as FieldXml).CustomField;
    if (!field) return undefined;
    const name = field.fullName ?? path.basename(file).replace(/\.field-meta\.xml$/, '');
    const valueSet = field.valueSet;
    let values: string[] | undefined;
    if (valueSet?.valueSetName) values = globalValueSet(packageDirs, valueSet.valueSetName);
    else if (valueSet) values = (valueSet.valueSetDefinition?.value ?? []).map((v) => String(v.fullName));
    return {
        name,
        type: field.type ?? '',
        values,
        referenceTo: field.referenceTo,
        relationshipName: field.relationshipName
    };
}

function readObject(dir: string, packageDirs: string[]): ObjectDefinition {
    const name = path.basename(dir);
    const fields = new Map<string, FieldDefinition>();
    const fieldsDir = path.join(dir, 'fields');
    if (existsSync(fieldsDir)) {
        for (const file of readdirSync(fieldsDir)
            .filter((f) => f.endsWith('.field-meta.xml'))
            .sort()) {
            const field = readField(path.join(fieldsDir, file), packageDirs);
            if (field) fields.set(field.name, field);
        }
    }
    return { name, fields };
}

/** Objects by API name. A folder counts as an object when it holds `<name>.object-meta.xml`. */
export function readObjectDefinitions(packageDirs: string[]): ObjectDefinitions {
    const objects: ObjectDefinitions = new Map();
    for (const objectsDir of packageDirs.flatMap((d) => findFolders(d, 'objects'))) {
        for (const name of readdirSync(objectsDir).sort()) {
            const dir = path.join(objectsDir, name);
            if (existsSync(path.join(dir, `${name}.object-meta.xml`)))
                objects.set(name, readObject(dir, packageDirs));
        }
    }
    return objects;
}

/** The child object and field behind a child relationship name (`PresenceStateLabels__r`). */
export function findChildRelationship(
    objects: ObjectDefinitions,
    parent: string,
    relationship: string
): { object: ObjectDefinition; field: FieldDefinition } | undefined {
    const name = relationship.replace(/__r$/, '');
    for (const object of objects.values()) {
        for (const field of object.fields.values()) {
            if (field.referenceTo === parent && field.relationshipName === name) return { object, field };
        }
    }
    return undefined;
}
