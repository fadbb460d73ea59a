/**
 * XML checks SDR does not make: every XML file is well-formed, and every metadata file's root element is
 * the metadata type SDR resolved it to (SDR converts both faults without a word: tried with @salesforce/source-deploy-retrieve, see
 * scripts/__tests__).
 */
import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { issue, type Issue } from './issues';
import { childrenOf, type MetadataTree } from './tree';

export interface Position {
    line: number;
    column: number;
}

export interface RootElement extends Position {
    name: string;
}

function positionAt(text: string, index: number): Position {
    const before = text.slice(0, index).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The first element of an XML document, skipping the prolog, comments and a doctype. */
export function rootElement(text: string): RootElement | undefined {
    const skip = /^(\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)/;
    let index = 0;
    for (let m = skip.exec(text); m; m = skip.exec(text.slice(index))) index += m[0].length;
    const tag = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(index));
    return tag ? { name: tag[1], ...positionAt(text, index) } : undefined;
}

/** `undefined` when well-formed, otherwise the parser's reason and position. */
export function xmlError(text: string): { reason: string; line: number; column: number } | undefined {
    const result = XMLValidator.validate(text);
    if (result === true) return undefined;
    return { reason: result.err.msg, line: result.err.line, column: result.err.col };
}

/**
 * The root element each metadata file must have: its component's type, except that a child which
 * shares its parent's file (a CustomLabel inside CustomLabels) takes the parent's type.
 */
export function expectedRoots(tree: MetadataTree): Map<string, string> {
    const expected = new Map<string, string>();
    for (const c of tree.components) {
        if (c.xml) expected.set(c.xml, c.type.name);
        for (const child of childrenOf(c)) {
            if (child.xml && !expected.has(child.xml)) expected.set(child.xml, child.type.name);
        }
    }
    return expected;
}

export function checkXml(tree: MetadataTree): Issue[] {
    const issues: Issue[] = [];
    const expected = expectedRoots(tree);
    for (const file of tree.files) {
        if (!file.endsWith('.xml') || tree.forceIgnore.denies(file)) continue;
        const text = readFileSync(file, 'utf8');
        const error = xmlError(text);
        if (error) {
            issues.push(issue(tree.displayRoot, file, `XML is not well-formed: ${error.reason}`, error));
            continue;
        }
        const type = expected.get(file);
        const root = rootElement(text);
        if (type && root && root.name !== type) {
            issues.push(
                issue(tree.displayRoot, file, `root element <${root.name}>, expected <${type}>`, root)
            );
        }
    }
    return issues;
}
