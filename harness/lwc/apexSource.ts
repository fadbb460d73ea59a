/**
 * Reads the project's Apex classes (force-app/main/default/classes/*.cls) for the harness's access checks:
 * each class's sharing keyword and every inline SOQL query (`[SELECT ... FROM ...]`) with its object, the
 * field paths it names (select list, WHERE, ORDER BY), its access mode (`WITH USER_MODE`,
 * `WITH SYSTEM_MODE`, `WITH SECURITY_ENFORCED` or none) and the (inner) class whose code holds it. The fake
 * Apex checks the running user's permissions against these queries before it answers, so the harness
 * follows whatever the .cls says. A small reader for the constructs the project uses, not an Apex parser:
 * child subqueries, TYPEOF and dynamic SOQL (Database.query) are not read (a query it cannot read is an
 * error, so nothing is silently skipped).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApexClassModel, ApexQuery } from '../platform/types';

type Sharing = ApexQuery['sharing'];

/** The source with comments and string literals blanked (same length and line breaks: offsets stay valid). */
function blank(source: string): { code: string; withStrings: string } {
    let code = '';
    let withStrings = '';
    let i = 0;
    while (i < source.length) {
        const two = source.slice(i, i + 2);
        if (two === '//' || two === '/*') {
            const end = two === '//' ? source.indexOf('\n', i) : source.indexOf('*/', i + 2) + 2;
            const stop = end <= 1 || end === -1 ? source.length : end;
            const gap = source.slice(i, stop).replace(/[^\n]/g, ' ');
            code += gap;
            withStrings += gap;
            i = stop;
        } else if (source[i] === "'") {
            let j = i + 1;
            while (j < source.length && source[j] !== "'") j += source[j] === '\\' ? 2 : 1;
            const literal = source.slice(i, j + 1);
            code += `'${literal.slice(1, -1).replace(/[^\n]/g, ' ')}'`;
            withStrings += literal;
            i = j + 1;
        } else {
            code += source[i];
            withStrings += source[i];
            i += 1;
        }
    }
    return { code, withStrings };
}

interface ClassRange {
    name: string;
    sharing: Sharing;
    start: number;
    end: number;
}

function classRanges(code: string): ClassRange[] {
    const ranges: ClassRange[] = [];
    const declaration =
        /\b(?:(with|without|inherited)\s+sharing\s+)?(?:(?:virtual|abstract)\s+)?class\s+([A-Za-z_]\w*)/g;
    for (let m = declaration.exec(code); m; m = declaration.exec(code)) {
        const open = code.indexOf('{', m.index);
        if (open < 0) continue;
        let depth = 0;
        let end = code.length;
        for (let i = open; i < code.length; i += 1) {
            if (code[i] === '{') depth += 1;
            else if (code[i] === '}') {
                depth -= 1;
                if (depth === 0) {
                    end = i;
                    break;
                }
            }
        }
        ranges.push({
            name: m[2],
            sharing: (m[1] as Sharing | undefined) ?? 'none',
            start: m.index,
            end
        });
    }
    return ranges;
}

const KEYWORDS = new Set([
    'AND',
    'OR',
    'NOT',
    'IN',
    'LIKE',
    'INCLUDES',
    'EXCLUDES',
    'TRUE',
    'FALSE',
    'NULL',
    'ASC',
    'DESC',
    'NULLS',
    'FIRST',
    'LAST'
]);

/** Field paths in a clause: identifiers that are not keywords, bind variables, literals or date literals. */
function fieldsIn(clause: string): string[] {
    const out: string[] = [];
    const token = /(:\s*)?([A-Za-z_][\w.]*)|'[^']*'/g;
    for (let m = token.exec(clause); m; m = token.exec(clause)) {
        if (m[1] !== undefined || m[2] === undefined) continue; // bind variable or string literal
        const name = m[2];
        if (KEYWORDS.has(name.toUpperCase()) || /^[A-Z_]+(:\d+)?$/.test(name)) continue; // date literals
        out.push(name);
    }
    return out;
}

function splitTopLevel(list: string): string[] {
    const parts: string[] = [];
    let depth = 0;
    let current = '';
    for (const c of list) {
        if (c === '(') depth += 1;
        if (c === ')') depth -= 1;
        if (c === ',' && depth === 0) {
            parts.push(current.trim());
            current = '';
        } else current += c;
    }
    if (current.trim()) parts.push(current.trim());
    return parts;
}

/** Reads one SOQL statement (the text between the brackets). Throws on what it cannot read. */
export function parseSoql(text: string): Pick<ApexQuery, 'object' | 'fields' | 'mode'> {
    const soql = text.replace(/\s+/g, ' ').trim();
    const head = /^SELECT (.+?) FROM ([A-Za-z_]\w*)(.*)$/i.exec(soql);
    if (!head) throw new Error(`cannot read the SOQL query: ${soql}`);
    const [, selectList, object, rest] = head;
    const fields: string[] = [];
    for (const item of splitTopLevel(selectList)) {
        if (item.startsWith('(') || /^TYPEOF\b/i.test(item)) {
            throw new Error(`subqueries and TYPEOF are not read: ${soql}`);
        }
        if (/^COUNT\(\s*\)$/i.test(item)) continue; // SELECT COUNT(): a number, no field
        const fn = /^\w+\(([\w.]+)\)/.exec(item);
        fields.push(fn ? fn[1] : item.split(' ')[0]);
    }
    const mode = /\bWITH (USER_MODE|SYSTEM_MODE|SECURITY_ENFORCED)\b/i.exec(rest)?.[1].toUpperCase();
    const clause = (name: string): string => {
        const m = new RegExp(
            `\\b${name} (.+?)(?= WITH | GROUP BY | ORDER BY | LIMIT | OFFSET | FOR |$)`,
            'i'
        ).exec(rest);
        return m ? m[1] : '';
    };
    fields.push(...fieldsIn(clause('WHERE')), ...fieldsIn(clause('ORDER BY')));
    return {
        object,
        fields: [...new Set(fields)],
        mode:
            mode === 'USER_MODE'
                ? 'user'
                : mode === 'SYSTEM_MODE'
                  ? 'system'
                  : mode === 'SECURITY_ENFORCED'
                    ? 'securityEnforced'
                    : 'none'
    };
}

/** The sharing keyword and the inline SOQL queries of one class file. */
export function parseApexClass(name: string, source: string): ApexClassModel {
    const { code, withStrings } = blank(source);
    const ranges = classRanges(code);
    const top = ranges.find((r) => r.name === name) ?? ranges[0];
    const queries: ApexQuery[] = [];
    const open = /\[\s*SELECT\b/gi;
    for (let m = open.exec(code); m; m = open.exec(code)) {
        const close = code.indexOf(']', m.index);
        if (close < 0) throw new Error(`${name}.cls: unterminated SOQL query`);
        const enclosing = ranges
            .filter((r) => r.start <= m!.index && m!.index <= r.end)
            .sort((a, b) => b.start - a.start)[0];
        queries.push({
            ...parseSoql(withStrings.slice(m.index + 1, close)),
            className: enclosing?.name ?? name,
            sharing: enclosing?.sharing ?? 'none',
            line: code.slice(0, m.index).split('\n').length
        });
    }
    return { name, sharing: top?.sharing ?? 'none', queries, references: [] };
}

/**
 * Every class of force-app/main/default/classes except test classes (@IsTest), by name. Each also lists
 * the other project classes its code names: their queries run on its behalf.
 */
export function readApexClasses(defaultDir: string): Record<string, ApexClassModel> {
    const dir = path.join(defaultDir, 'classes');
    const out: Record<string, ApexClassModel> = {};
    if (!existsSync(dir)) return out;
    const codes: Record<string, string> = {};
    for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.cls'))
        .sort()) {
        const source = readFileSync(path.join(dir, file), 'utf8');
        const code = blank(source).code;
        if (/@IsTest\b/i.test(code.slice(0, 2000))) continue;
        const name = file.replace(/\.cls$/, '');
        out[name] = parseApexClass(name, source);
        codes[name] = code;
    }
    for (const [name, code] of Object.entries(codes)) {
        out[name].references = Object.keys(codes).filter(
            (other) => other !== name && new RegExp(`\\b${other}\\b`).test(code)
        );
    }
    return out;
}
