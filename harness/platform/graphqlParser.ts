/**
 * A small GraphQL parser (executable documents only: operations, fields with aliases and arguments,
 * variables, fragments, inline fragments, directives) for the lightning/graphql fake. Syntax errors
 * are reported as graphql-java reports them (`Invalid Syntax : offending token '…' at line L column C`).
 */

export type ValueNode =
    | { kind: 'Variable'; name: string }
    | { kind: 'Int' | 'Float'; value: number }
    | { kind: 'String'; value: string }
    | { kind: 'Boolean'; value: boolean }
    | { kind: 'Null' }
    | { kind: 'Enum'; value: string }
    | { kind: 'List'; values: ValueNode[] }
    | { kind: 'Object'; fields: { name: string; value: ValueNode }[] };

export interface Location {
    line: number;
    column: number;
}

export interface DirectiveNode {
    name: string;
    arguments: Record<string, ValueNode>;
}

export interface FieldNode {
    kind: 'Field';
    alias?: string;
    name: string;
    arguments: Record<string, ValueNode>;
    directives: DirectiveNode[];
    selectionSet?: SelectionNode[];
    loc: Location;
}

export interface FragmentSpreadNode {
    kind: 'FragmentSpread';
    name: string;
    directives: DirectiveNode[];
    loc: Location;
}

export interface InlineFragmentNode {
    kind: 'InlineFragment';
    typeCondition?: string;
    directives: DirectiveNode[];
    selectionSet: SelectionNode[];
    loc: Location;
}

export type SelectionNode = FieldNode | FragmentSpreadNode | InlineFragmentNode;

export interface VariableDefinition {
    name: string;
    type: string;
    defaultValue?: ValueNode;
}

export interface OperationNode {
    kind: 'Operation';
    operation: 'query' | 'mutation' | 'subscription';
    name?: string;
    variables: VariableDefinition[];
    selectionSet: SelectionNode[];
    loc: Location;
}

export interface FragmentNode {
    kind: 'Fragment';
    name: string;
    typeCondition: string;
    selectionSet: SelectionNode[];
}

export interface DocumentNode {
    kind: 'Document';
    operations: OperationNode[];
    fragments: Record<string, FragmentNode>;
    source: string;
}

export class GraphQLSyntaxError extends Error {
    constructor(
        message: string,
        readonly loc: Location
    ) {
        super(message);
        this.name = 'GraphQLSyntaxError';
    }
}

interface Token {
    kind: 'Name' | 'Int' | 'Float' | 'String' | 'Punct' | 'EOF';
    value: string;
    loc: Location;
}

function tokenize(source: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    let line = 1;
    let lineStart = 0;
    const loc = (at: number): Location => ({ line, column: at - lineStart + 1 });
    while (i < source.length) {
        const c = source.charAt(i);
        if (c === '\n') {
            i += 1;
            line += 1;
            lineStart = i;
        } else if (c === ' ' || c === '\t' || c === '\r' || c === ',' || c === '\ufeff') {
            i += 1;
        } else if (c === '#') {
            while (i < source.length && source.charAt(i) !== '\n') i += 1;
        } else if (c === '.' && source.startsWith('...', i)) {
            tokens.push({ kind: 'Punct', value: '...', loc: loc(i) });
            i += 3;
        } else if ('!$():=@[]{}|&'.includes(c)) {
            tokens.push({ kind: 'Punct', value: c, loc: loc(i) });
            i += 1;
        } else if (/[_A-Za-z]/.test(c)) {
            const start = i;
            while (i < source.length && /[_0-9A-Za-z]/.test(source.charAt(i))) i += 1;
            tokens.push({ kind: 'Name', value: source.slice(start, i), loc: loc(start) });
        } else if (/[-0-9]/.test(c)) {
            const start = i;
            const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(source.slice(i));
            if (!m) throw new GraphQLSyntaxError(`Invalid Syntax : offending token '${c}'`, loc(i));
            i += m[0].length;
            tokens.push({
                kind: m[2] || m[3] ? 'Float' : 'Int',
                value: source.slice(start, i),
                loc: loc(start)
            });
        } else if (c === '"') {
            const start = i;
            if (source.startsWith('"""', i)) {
                const end = source.indexOf('"""', i + 3);
                if (end < 0) throw new GraphQLSyntaxError('Invalid Syntax : unterminated string', loc(i));
                const raw = source.slice(i + 3, end);
                for (const ch of raw) if (ch === '\n') line += 1;
                tokens.push({ kind: 'String', value: raw, loc: loc(start) });
                i = end + 3;
                continue;
            }
            i += 1;
            let value = '';
            for (;;) {
                if (i >= source.length || source.charAt(i) === '\n') {
                    throw new GraphQLSyntaxError('Invalid Syntax : unterminated string', loc(start));
                }
                const ch = source.charAt(i);
                if (ch === '"') break;
                if (ch === '\\') {
                    const next = source.charAt(i + 1);
                    const escapes: Record<string, string> = {
                        '"': '"',
                        '\\': '\\',
                        '/': '/',
                        b: '\b',
                        f: '\f',
                        n: '\n',
                        r: '\r',
                        t: '\t'
                    };
                    if (next === 'u') {
                        value += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
                        i += 6;
                    } else {
                        value += escapes[next] ?? next;
                        i += 2;
                    }
                } else {
                    value += ch;
                    i += 1;
                }
            }
            i += 1;
            tokens.push({ kind: 'String', value, loc: loc(start) });
        } else {
            throw new GraphQLSyntaxError(
                `Invalid Syntax : offending token '${c}' at line ${line} column ${i - lineStart + 1}`,
                loc(i)
            );
        }
    }
    tokens.push({ kind: 'EOF', value: '<EOF>', loc: loc(i) });
    return tokens;
}

class Parser {
    private pos = 0;
    constructor(private readonly tokens: Token[]) {}

    private peek(): Token {
        return this.tokens[this.pos];
    }

    private next(): Token {
        const t = this.tokens[this.pos];
        if (t.kind !== 'EOF') this.pos += 1;
        return t;
    }

    private fail(t: Token): never {
        throw new GraphQLSyntaxError(
            `Invalid Syntax : offending token '${t.value}' at line ${t.loc.line} column ${t.loc.column}`,
            t.loc
        );
    }

    private isPunct(value: string): boolean {
        const t = this.peek();
        return t.kind === 'Punct' && t.value === value;
    }

    private expectPunct(value: string): Token {
        const t = this.next();
        if (t.kind !== 'Punct' || t.value !== value) this.fail(t);
        return t;
    }

    private name(): string {
        const t = this.next();
        if (t.kind !== 'Name') this.fail(t);
        return t.value;
    }

    document(source: string): DocumentNode {
        const doc: DocumentNode = { kind: 'Document', operations: [], fragments: {}, source };
        while (this.peek().kind !== 'EOF') {
            const t = this.peek();
            if (t.kind === 'Punct' && t.value === '{') {
                doc.operations.push({
                    kind: 'Operation',
                    operation: 'query',
                    variables: [],
                    selectionSet: this.selectionSet(),
                    loc: t.loc
                });
            } else if (t.kind === 'Name' && ['query', 'mutation', 'subscription'].includes(t.value)) {
                this.next();
                const op: OperationNode = {
                    kind: 'Operation',
                    operation: t.value as OperationNode['operation'],
                    variables: [],
                    selectionSet: [],
                    loc: t.loc
                };
                if (this.peek().kind === 'Name') op.name = this.name();
                if (this.isPunct('(')) op.variables = this.variableDefinitions();
                this.directives();
                op.selectionSet = this.selectionSet();
                doc.operations.push(op);
            } else if (t.kind === 'Name' && t.value === 'fragment') {
                this.next();
                const name = this.name();
                const on = this.next();
                if (on.kind !== 'Name' || on.value !== 'on') this.fail(on);
                const typeCondition = this.name();
                this.directives();
                doc.fragments[name] = {
                    kind: 'Fragment',
                    name,
                    typeCondition,
                    selectionSet: this.selectionSet()
                };
            } else {
                this.fail(t);
            }
        }
        if (doc.operations.length === 0) this.fail(this.peek());
        return doc;
    }

    private variableDefinitions(): VariableDefinition[] {
        this.expectPunct('(');
        const defs: VariableDefinition[] = [];
        while (!this.isPunct(')')) {
            this.expectPunct('$');
            const name = this.name();
            this.expectPunct(':');
            const type = this.type();
            const def: VariableDefinition = { name, type };
            if (this.isPunct('=')) {
                this.next();
                def.defaultValue = this.value(true);
            }
            this.directives();
            defs.push(def);
        }
        this.expectPunct(')');
        return defs;
    }

    private type(): string {
        let type: string;
        if (this.isPunct('[')) {
            this.next();
            type = `[${this.type()}]`;
            this.expectPunct(']');
        } else {
            type = this.name();
        }
        if (this.isPunct('!')) {
            this.next();
            type += '!';
        }
        return type;
    }

    private directives(): DirectiveNode[] {
        const list: DirectiveNode[] = [];
        while (this.isPunct('@')) {
            this.next();
            const name = this.name();
            list.push({ name, arguments: this.isPunct('(') ? this.arguments() : {} });
        }
        return list;
    }

    private selectionSet(): SelectionNode[] {
        this.expectPunct('{');
        const selections: SelectionNode[] = [];
        while (!this.isPunct('}')) {
            const t = this.peek();
            if (t.kind === 'Punct' && t.value === '...') {
                this.next();
                const after = this.peek();
                if (after.kind === 'Name' && after.value !== 'on') {
                    selections.push({
                        kind: 'FragmentSpread',
                        name: this.name(),
                        directives: this.directives(),
                        loc: t.loc
                    });
                } else {
                    let typeCondition: string | undefined;
                    if (after.kind === 'Name' && after.value === 'on') {
                        this.next();
                        typeCondition = this.name();
                    }
                    const directives = this.directives();
                    selections.push({
                        kind: 'InlineFragment',
                        ...(typeCondition ? { typeCondition } : {}),
                        directives,
                        selectionSet: this.selectionSet(),
                        loc: t.loc
                    });
                }
            } else {
                selections.push(this.field());
            }
        }
        this.expectPunct('}');
        if (selections.length === 0) this.fail(this.tokens[this.pos - 1]);
        return selections;
    }

    private field(): FieldNode {
        const loc = this.peek().loc;
        let name = this.name();
        let alias: string | undefined;
        if (this.isPunct(':')) {
            this.next();
            alias = name;
            name = this.name();
        }
        const field: FieldNode = {
            kind: 'Field',
            name,
            arguments: this.isPunct('(') ? this.arguments() : {},
            directives: [],
            loc
        };
        if (alias) field.alias = alias;
        field.directives = this.directives();
        if (this.isPunct('{')) field.selectionSet = this.selectionSet();
        return field;
    }

    private arguments(): Record<string, ValueNode> {
        this.expectPunct('(');
        const args: Record<string, ValueNode> = {};
        while (!this.isPunct(')')) {
            const name = this.name();
            this.expectPunct(':');
            args[name] = this.value(false);
        }
        this.expectPunct(')');
        return args;
    }

    private value(constant: boolean): ValueNode {
        const t = this.next();
        switch (t.kind) {
            case 'Int':
                return { kind: 'Int', value: Number(t.value) };
            case 'Float':
                return { kind: 'Float', value: Number(t.value) };
            case 'String':
                return { kind: 'String', value: t.value };
            case 'Name':
                if (t.value === 'true' || t.value === 'false')
                    return { kind: 'Boolean', value: t.value === 'true' };
                if (t.value === 'null') return { kind: 'Null' };
                return { kind: 'Enum', value: t.value };
            case 'Punct':
                if (t.value === '$' && !constant) return { kind: 'Variable', name: this.name() };
                if (t.value === '[') {
                    const values: ValueNode[] = [];
                    while (!this.isPunct(']')) values.push(this.value(constant));
                    this.next();
                    return { kind: 'List', values };
                }
                if (t.value === '{') {
                    const fields: { name: string; value: ValueNode }[] = [];
                    while (!this.isPunct('}')) {
                        const name = this.name();
                        this.expectPunct(':');
                        fields.push({ name, value: this.value(constant) });
                    }
                    this.next();
                    return { kind: 'Object', fields };
                }
                return this.fail(t);
            default:
                return this.fail(t);
        }
    }
}

export function parse(source: string): DocumentNode {
    return new Parser(tokenize(source)).document(source);
}

/** Renders a value node back to GraphQL text (used in error messages). */
export function printValue(node: ValueNode): string {
    switch (node.kind) {
        case 'Variable':
            return `$${node.name}`;
        case 'String':
            return JSON.stringify(node.value);
        case 'Null':
            return 'null';
        case 'List':
            return `[${node.values.map(printValue).join(', ')}]`;
        case 'Object':
            return `{${node.fields.map((f) => `${f.name}: ${printValue(f.value)}`).join(', ')}}`;
        default:
            return String(node.value);
    }
}
