/**
 * Evaluates UI API GraphQL queries (`uiapi { query { <Object>(where, first, orderBy, after, scope) {
 * edges { node { … } } pageInfo totalCount } } }`) against the in-memory org, with the schema the
 * platform derives from the objects: every field is a value object (`Name { value displayValue }`),
 * `Id` a plain ID, lookups have a parent relationship (`CallCenterSetup__r { … }`), parents have child
 * relationships (`PresenceStateLabels__r(first: …) { edges { node { … } } }`). The query is validated
 * against that schema first and rejected as a whole with graphql-java's validation messages
 * (`Validation error (FieldUndefined@[uiapi/query/X__c/edges/node/Foo__c]) : Field 'Foo__c' in type
 * 'X__c' is undefined`), as the GraphQL API answers. Mutations are not modelled.
 *
 * The schema is the running user's: "A schema that reflects the user's Field Level Security, so they only
 * see the types and fields permitted at their level" (GraphQL API overview,
 * https://developer.salesforce.com/docs/platform/graphql/overview). An object the user cannot read is not a
 * field of RecordQuery, a field without read access is not a field of its record type, a relationship to
 * either is absent too, and a `where` on such a field is not in the filter type: the query fails validation
 * as a whole (FieldUndefined), as a real org answers for an object missing from the user's schema
 * (github.com/salesforce/lwc issue 5541 shows that answer). Records follow the user's sharing: a Private
 * object shows the user's own records unless a permission set gives View All (or Modify All).
 */
import { Access } from './access';
import { sameId } from './ids';
import type { Org } from './org';
import {
    parse,
    printValue,
    GraphQLSyntaxError,
    type DocumentNode,
    type FieldNode,
    type Location,
    type OperationNode,
    type SelectionNode,
    type ValueNode
} from './graphqlParser';
import type { FieldDescribe, ObjectDescribe, SObjectRecord } from './types';

export interface GraphQLError {
    message: string;
    locations: Location[];
    path?: (string | number)[];
    extensions: { classification: string };
}

export interface GraphQLResult {
    data?: Record<string, unknown>;
    errors?: GraphQLError[];
}

type TypeRef =
    | { kind: 'Query' }
    | { kind: 'UIAPI' }
    | { kind: 'RecordQuery' }
    | { kind: 'Connection'; object: string }
    | { kind: 'Edge'; object: string }
    | { kind: 'Record'; object: string }
    | { kind: 'Value'; name: string; field: FieldDescribe }
    | { kind: 'PageInfo' }
    | { kind: 'Scalar'; name: string };

const VALUE_TYPE: Record<FieldDescribe['dataType'], string> = {
    Id: 'IDValue',
    String: 'StringValue',
    TextArea: 'TextAreaValue',
    LongTextArea: 'LongTextAreaValue',
    Email: 'EmailValue',
    Picklist: 'PicklistValue',
    Boolean: 'BooleanValue',
    Double: 'DoubleValue',
    Reference: 'IDValue',
    DateTime: 'DateTimeValue'
};

const CONNECTION_ARGS = ['first', 'after', 'where', 'orderBy', 'scope', 'upperBound'];
const CHILD_CONNECTION_ARGS = ['first', 'after', 'where', 'orderBy', 'upperBound'];
const FILTER_OPERATORS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'like'];

function typeName(t: TypeRef): string {
    switch (t.kind) {
        case 'Query':
            return 'Query';
        case 'UIAPI':
            return 'UIAPI';
        case 'RecordQuery':
            return 'RecordQuery';
        case 'Connection':
            return `${t.object}Connection`;
        case 'Edge':
            return `${t.object}Edge`;
        case 'Record':
            return t.object;
        case 'Value':
            return t.name;
        case 'PageInfo':
            return 'PageInfo';
        case 'Scalar':
            return t.name;
    }
}

interface FieldInfo {
    type: TypeRef;
    args: string[];
}

class Schema {
    constructor(
        private readonly org: Org,
        readonly access: Access
    ) {}

    /** The object, if it is in the user's schema (the user can read it). */
    object(name: string): ObjectDescribe | undefined {
        const object = this.org.describe(name);
        return object && this.access.canRead(name) ? object : undefined;
    }

    /** The field, if it is in the user's schema (readable). */
    scalar(object: ObjectDescribe, name: string): FieldDescribe | undefined {
        const field = object.fields[name];
        return field && this.access.fieldReadable(object.apiName, name) ? field : undefined;
    }

    parentRelationship(object: ObjectDescribe, name: string): FieldDescribe | undefined {
        return Object.values(object.fields).find(
            (f) =>
                f.dataType === 'Reference' &&
                f.relationshipName === name &&
                this.access.fieldReadable(object.apiName, f.apiName) &&
                f.referenceTo !== undefined &&
                this.object(f.referenceTo) !== undefined
        );
    }

    childRelationship(object: ObjectDescribe, name: string) {
        return object.childRelationships.find(
            (c) =>
                c.relationshipName === name &&
                this.object(c.childObject) !== undefined &&
                this.access.fieldReadable(c.childObject, c.field)
        );
    }

    field(parent: TypeRef, name: string): FieldInfo | undefined {
        if (name === '__typename') return { type: { kind: 'Scalar', name: 'String' }, args: [] };
        switch (parent.kind) {
            case 'Query':
                return name === 'uiapi' ? { type: { kind: 'UIAPI' }, args: [] } : undefined;
            case 'UIAPI':
                return name === 'query' ? { type: { kind: 'RecordQuery' }, args: [] } : undefined;
            case 'RecordQuery':
                return this.object(name)
                    ? { type: { kind: 'Connection', object: name }, args: CONNECTION_ARGS }
                    : undefined;
            case 'Connection':
                if (name === 'edges') return { type: { kind: 'Edge', object: parent.object }, args: [] };
                if (name === 'pageInfo') return { type: { kind: 'PageInfo' }, args: [] };
                if (name === 'totalCount' || name === 'pageResultCount') {
                    return { type: { kind: 'Scalar', name: 'Int' }, args: [] };
                }
                return undefined;
            case 'Edge':
                if (name === 'node') return { type: { kind: 'Record', object: parent.object }, args: [] };
                if (name === 'cursor') return { type: { kind: 'Scalar', name: 'String' }, args: [] };
                return undefined;
            case 'PageInfo':
                if (name === 'hasNextPage' || name === 'hasPreviousPage') {
                    return { type: { kind: 'Scalar', name: 'Boolean' }, args: [] };
                }
                if (name === 'startCursor' || name === 'endCursor') {
                    return { type: { kind: 'Scalar', name: 'String' }, args: [] };
                }
                return undefined;
            case 'Value':
                if (name === 'value' || name === 'displayValue') {
                    return { type: { kind: 'Scalar', name: 'String' }, args: [] };
                }
                if (name === 'label' && parent.name === 'PicklistValue') {
                    return { type: { kind: 'Scalar', name: 'String' }, args: [] };
                }
                return undefined;
            case 'Scalar':
                return undefined;
            case 'Record': {
                const object = this.object(parent.object);
                if (!object) return undefined;
                if (name === 'Id') return { type: { kind: 'Scalar', name: 'ID' }, args: [] };
                if (name === 'ApiName' || name === 'DisplayValue') {
                    return { type: { kind: 'Scalar', name: 'String' }, args: [] };
                }
                if (name === 'WeakEtag') return { type: { kind: 'Scalar', name: 'Long' }, args: [] };
                const field = this.scalar(object, name);
                if (field)
                    return { type: { kind: 'Value', name: VALUE_TYPE[field.dataType], field }, args: [] };
                const parentField = this.parentRelationship(object, name);
                if (parentField?.referenceTo && this.object(parentField.referenceTo)) {
                    return { type: { kind: 'Record', object: parentField.referenceTo }, args: [] };
                }
                const child = this.childRelationship(object, name);
                if (child) {
                    return {
                        type: { kind: 'Connection', object: child.childObject },
                        args: CHILD_CONNECTION_ARGS
                    };
                }
                return undefined;
            }
        }
    }
}

function validationError(kind: string, path: string[], message: string, loc: Location): GraphQLError {
    return {
        message: `Validation error (${kind}@[${path.join('/')}]) : ${message}`,
        locations: [loc],
        extensions: { classification: 'ValidationError' }
    };
}

interface Context {
    doc: DocumentNode;
    variables: Record<string, unknown>;
    declared: Set<string>;
    schema: Schema;
    org: Org;
    errors: GraphQLError[];
}

/** Fields of a selection set, with fragments spread in and @skip/@include applied. */
function collectFields(ctx: Context, selections: SelectionNode[], errorsAt?: string[]): FieldNode[] {
    const out: FieldNode[] = [];
    for (const s of selections) {
        const skip = s.directives.find((d) => d.name === 'skip');
        const include = s.directives.find((d) => d.name === 'include');
        if (skip && evalValue(ctx, skip.arguments.if) === true) continue;
        if (include && evalValue(ctx, include.arguments.if) !== true) continue;
        if (s.kind === 'Field') out.push(s);
        else if (s.kind === 'InlineFragment') out.push(...collectFields(ctx, s.selectionSet, errorsAt));
        else {
            const fragment = ctx.doc.fragments[s.name];
            if (fragment) out.push(...collectFields(ctx, fragment.selectionSet, errorsAt));
            else if (errorsAt) {
                ctx.errors.push(
                    validationError('UndefinedFragment', errorsAt, `Undefined fragment ${s.name}`, s.loc)
                );
            }
        }
    }
    return out;
}

function evalValue(ctx: Context, node: ValueNode | undefined): unknown {
    if (!node) return undefined;
    switch (node.kind) {
        case 'Variable':
            return ctx.variables[node.name] ?? null;
        case 'Null':
            return null;
        case 'List':
            return node.values.map((v) => evalValue(ctx, v));
        case 'Object':
            return Object.fromEntries(node.fields.map((f) => [f.name, evalValue(ctx, f.value)]));
        default:
            return node.value;
    }
}

function variablesIn(node: ValueNode, into: { name: string }[]): void {
    if (node.kind === 'Variable') into.push({ name: node.name });
    else if (node.kind === 'List') node.values.forEach((v) => variablesIn(v, into));
    else if (node.kind === 'Object') node.fields.forEach((f) => variablesIn(f.value, into));
}

/** Checks a `where` value against the object's filter input type; returns an error message or undefined. */
function checkFilter(
    ctx: Context,
    object: ObjectDescribe,
    value: unknown,
    printed: string
): string | undefined {
    if (value === null || value === undefined) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
        return `argument 'where' with value '${printed}' is not a valid '${object.apiName}_Filter'`;
    }
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
        if (key === 'and' || key === 'or') {
            for (const part of Array.isArray(inner) ? inner : [inner]) {
                const e = checkFilter(ctx, object, part, printed);
                if (e) return e;
            }
            continue;
        }
        if (key === 'not') {
            const e = checkFilter(ctx, object, inner, printed);
            if (e) return e;
            continue;
        }
        if (key === 'Id' || ctx.schema.scalar(object, key)) {
            if (inner && typeof inner === 'object') {
                const bad = Object.keys(inner).find((op) => !FILTER_OPERATORS.includes(op));
                if (bad) {
                    return `argument 'where' with value '${printed}' contains a field not in '${key}_Operators': '${bad}'`;
                }
            }
            continue;
        }
        const parentField = ctx.schema.parentRelationship(object, key);
        const parent = parentField?.referenceTo ? ctx.schema.object(parentField.referenceTo) : undefined;
        if (parent) {
            const e = checkFilter(ctx, parent, inner, printed);
            if (e) return e;
            continue;
        }
        return `argument 'where' with value '${printed}' contains a field not in '${object.apiName}_Filter': '${key}'`;
    }
    return undefined;
}

function validate(ctx: Context, parent: TypeRef, selections: SelectionNode[], path: string[]): void {
    for (const field of collectFields(ctx, selections, path)) {
        const info = ctx.schema.field(parent, field.name);
        const here = [...path, field.alias ?? field.name];
        if (!info) {
            ctx.errors.push(
                validationError(
                    'FieldUndefined',
                    here,
                    `Field '${field.name}' in type '${typeName(parent)}' is undefined`,
                    field.loc
                )
            );
            continue;
        }
        for (const [arg, node] of Object.entries(field.arguments)) {
            if (!info.args.includes(arg)) {
                ctx.errors.push(
                    validationError('UnknownArgument', here, `Unknown field argument '${arg}'`, field.loc)
                );
                continue;
            }
            const used: { name: string }[] = [];
            variablesIn(node, used);
            for (const v of used) {
                if (!ctx.declared.has(v.name)) {
                    ctx.errors.push(
                        validationError(
                            'UndefinedVariable',
                            here,
                            `Undefined variable '${v.name}'`,
                            field.loc
                        )
                    );
                }
            }
            if (arg === 'where' && info.type.kind === 'Connection') {
                const object = ctx.schema.object(info.type.object);
                const message = object && checkFilter(ctx, object, evalValue(ctx, node), printValue(node));
                if (message) ctx.errors.push(validationError('WrongType', here, message, field.loc));
            }
            if (arg === 'orderBy' && info.type.kind === 'Connection') {
                const object = ctx.schema.object(info.type.object);
                const value = evalValue(ctx, node);
                const bad =
                    object && value && typeof value === 'object'
                        ? Object.keys(value).find((k) => k !== 'Id' && !ctx.schema.scalar(object, k))
                        : undefined;
                if (object && bad !== undefined) {
                    ctx.errors.push(
                        validationError(
                            'WrongType',
                            here,
                            `argument 'orderBy' with value '${printValue(node)}' contains a field not in '${object.apiName}_OrderBy': '${bad}'`,
                            field.loc
                        )
                    );
                }
            }
        }
        const leaf = info.type.kind === 'Scalar';
        if (leaf && field.selectionSet) {
            ctx.errors.push(
                validationError(
                    'SubselectionNotAllowed',
                    here,
                    `Sub selection not allowed on leaf type ${info.type.kind === 'Scalar' ? info.type.name : ''} of field ${field.name}`,
                    field.loc
                )
            );
        } else if (!leaf && !field.selectionSet) {
            ctx.errors.push(
                validationError(
                    'SubselectionRequired',
                    here,
                    `Sub selection required for type ${typeName(info.type)} of field ${field.name}`,
                    field.loc
                )
            );
        } else if (field.selectionSet) {
            validate(ctx, info.type, field.selectionSet, here);
        }
    }
}

function compare(a: unknown, b: unknown): number {
    if (a === b) return 0;
    if (a === null || a === undefined) return -1;
    if (b === null || b === undefined) return 1;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a).localeCompare(String(b));
}

function likeToRegExp(pattern: string): RegExp {
    const escaped = pattern
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/%/g, '.*')
        .replace(/_/g, '.');
    return new RegExp(`^${escaped}$`, 'i');
}

function matchesOperators(value: unknown, ops: Record<string, unknown>, isId: boolean): boolean {
    const eq = (x: unknown, y: unknown) =>
        isId && typeof x === 'string' && typeof y === 'string'
            ? sameId(x, y)
            : x === y || (x == null && y == null);
    return Object.entries(ops).every(([op, operand]) => {
        switch (op) {
            case 'eq':
                return eq(value, operand);
            case 'ne':
                return !eq(value, operand);
            case 'lt':
                return value != null && compare(value, operand) < 0;
            case 'lte':
                return value != null && compare(value, operand) <= 0;
            case 'gt':
                return value != null && compare(value, operand) > 0;
            case 'gte':
                return value != null && compare(value, operand) >= 0;
            case 'in':
                return Array.isArray(operand) && operand.some((o) => eq(value, o));
            case 'nin':
                return Array.isArray(operand) && !operand.some((o) => eq(value, o));
            case 'like':
                return typeof value === 'string' && likeToRegExp(String(operand)).test(value);
            default:
                return false;
        }
    });
}

function matches(ctx: Context, object: ObjectDescribe, record: SObjectRecord, filter: unknown): boolean {
    if (filter === null || filter === undefined) return true;
    return Object.entries(filter as Record<string, unknown>).every(([key, inner]) => {
        if (key === 'and')
            return (Array.isArray(inner) ? inner : [inner]).every((f) => matches(ctx, object, record, f));
        if (key === 'or')
            return (Array.isArray(inner) ? inner : [inner]).some((f) => matches(ctx, object, record, f));
        if (key === 'not') return !matches(ctx, object, record, inner);
        const field = key === 'Id' ? undefined : object.fields[key];
        if (key === 'Id' || field) {
            const isId = key === 'Id' || field?.dataType === 'Reference';
            return matchesOperators(record[key] ?? null, (inner ?? {}) as Record<string, unknown>, isId);
        }
        const parentField = ctx.schema.parentRelationship(object, key);
        const parentObject = parentField?.referenceTo
            ? ctx.schema.object(parentField.referenceTo)
            : undefined;
        if (!parentField || !parentObject) return false;
        const parentId = record[parentField.apiName];
        const parent =
            typeof parentId === 'string'
                ? visible(ctx, parentObject).find((r) => sameId(r.Id, parentId))
                : undefined;
        return parent ? matches(ctx, parentObject, parent, inner) : false;
    });
}

function visible(ctx: Context, object: ObjectDescribe): SObjectRecord[] {
    return ctx.org.records(object.apiName).filter((r) => ctx.schema.access.seesRecord(object, r.OwnerId));
}

function sortRecords(records: SObjectRecord[], orderBy: unknown): SObjectRecord[] {
    if (!orderBy || typeof orderBy !== 'object') return records;
    const keys = Object.entries(orderBy as Record<string, { order?: string; nulls?: string }>);
    return [...records].sort((a, b) => {
        for (const [field, spec] of keys) {
            const desc = spec?.order === 'DESC';
            const av = a[field] ?? null;
            const bv = b[field] ?? null;
            if (av === null || bv === null) {
                if (av === bv) continue;
                const nullsFirst = spec?.nulls ? spec.nulls === 'FIRST' : !desc;
                return (av === null ? -1 : 1) * (nullsFirst ? 1 : -1);
            }
            const c = compare(av, bv);
            if (c !== 0) return desc ? -c : c;
        }
        return 0;
    });
}

const cursorOf = (index: number) => btoa(`v1:${index}`);
function indexOfCursor(cursor: unknown): number {
    if (typeof cursor !== 'string') return -1;
    try {
        const m = /^v1:(\d+)$/.exec(atob(cursor));
        return m ? Number(m[1]) : -1;
    } catch {
        return -1;
    }
}

function resolveConnection(
    ctx: Context,
    object: ObjectDescribe,
    field: FieldNode,
    baseFilter: ((r: SObjectRecord) => boolean) | undefined
): Record<string, unknown> {
    const where = evalValue(ctx, field.arguments.where);
    const scope = evalValue(ctx, field.arguments.scope);
    const firstArg = evalValue(ctx, field.arguments.first);
    const first = typeof firstArg === 'number' ? Math.min(firstArg, 2000) : 10;
    let records = visible(ctx, object).filter((r) => (baseFilter ? baseFilter(r) : true));
    if (scope === 'MINE') {
        records = records.filter((r) => sameId(String(r.OwnerId ?? ''), ctx.org.snapshot.user.Id));
    }
    records = sortRecords(
        records.filter((r) => matches(ctx, object, r, where)),
        evalValue(ctx, field.arguments.orderBy)
    );
    const start = indexOfCursor(evalValue(ctx, field.arguments.after)) + 1;
    const page = records.slice(start, start + first);
    const out: Record<string, unknown> = {};
    for (const sub of collectFields(ctx, field.selectionSet ?? [])) {
        const key = sub.alias ?? sub.name;
        if (sub.name === '__typename') out[key] = `${object.apiName}Connection`;
        else if (sub.name === 'totalCount') out[key] = records.length;
        else if (sub.name === 'pageResultCount') out[key] = page.length;
        else if (sub.name === 'pageInfo') {
            const info: Record<string, unknown> = {
                hasNextPage: start + first < records.length,
                hasPreviousPage: start > 0,
                startCursor: page.length ? cursorOf(start) : null,
                endCursor: page.length ? cursorOf(start + page.length - 1) : null
            };
            out[key] = pick(ctx, sub, info, 'PageInfo');
        } else if (sub.name === 'edges') {
            out[key] = page.map((record, i) => {
                const edge: Record<string, unknown> = {};
                for (const e of collectFields(ctx, sub.selectionSet ?? [])) {
                    const ek = e.alias ?? e.name;
                    if (e.name === '__typename') edge[ek] = `${object.apiName}Edge`;
                    else if (e.name === 'cursor') edge[ek] = cursorOf(start + i);
                    else edge[ek] = resolveRecord(ctx, object, record, e);
                }
                return edge;
            });
        }
    }
    return out;
}

function pick(ctx: Context, field: FieldNode, values: Record<string, unknown>, typename: string) {
    const out: Record<string, unknown> = {};
    for (const sub of collectFields(ctx, field.selectionSet ?? [])) {
        out[sub.alias ?? sub.name] = sub.name === '__typename' ? typename : (values[sub.name] ?? null);
    }
    return out;
}

function displayValue(field: FieldDescribe, value: unknown): string | null {
    if (value === null || value === undefined) return null;
    if (field.dataType === 'Picklist') {
        return field.picklistValues?.find((p) => p.value === value)?.label ?? String(value);
    }
    return null;
}

function resolveRecord(
    ctx: Context,
    object: ObjectDescribe,
    record: SObjectRecord,
    field: FieldNode
): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const sub of collectFields(ctx, field.selectionSet ?? [])) {
        const key = sub.alias ?? sub.name;
        if (sub.name === '__typename') out[key] = object.apiName;
        else if (sub.name === 'Id') out[key] = record.Id;
        else if (sub.name === 'ApiName') out[key] = object.apiName;
        else if (sub.name === 'DisplayValue') out[key] = (record.Name as string | undefined) ?? null;
        else if (sub.name === 'WeakEtag') out[key] = Date.parse(String(record.SystemModstamp ?? '')) || 0;
        else if (object.fields[sub.name]) {
            const describe = object.fields[sub.name];
            const value = record[sub.name] ?? null;
            out[key] = pick(
                ctx,
                sub,
                { value, displayValue: displayValue(describe, value), label: displayValue(describe, value) },
                VALUE_TYPE[describe.dataType]
            );
        } else {
            const parentField = ctx.schema.parentRelationship(object, sub.name);
            if (parentField?.referenceTo) {
                const parentObject = ctx.schema.object(parentField.referenceTo) as ObjectDescribe;
                const parentId = record[parentField.apiName];
                const parent =
                    typeof parentId === 'string'
                        ? visible(ctx, parentObject).find((r) => sameId(r.Id, parentId))
                        : undefined;
                out[key] = parent ? resolveRecord(ctx, parentObject, parent, sub) : null;
                continue;
            }
            const child = ctx.schema.childRelationship(object, sub.name);
            if (child) {
                const childObject = ctx.schema.object(child.childObject) as ObjectDescribe;
                out[key] = resolveConnection(ctx, childObject, sub, (r) =>
                    sameId(String(r[child.field] ?? ''), record.Id)
                );
            }
        }
    }
    return out;
}

function selectOperation(doc: DocumentNode, operationName?: string): OperationNode | GraphQLError {
    const ops = operationName ? doc.operations.filter((o) => o.name === operationName) : doc.operations;
    if (ops.length === 1) return ops[0];
    return {
        message: operationName
            ? `Unknown operation named '${operationName}'.`
            : 'Must provide operation name if query contains multiple operations.',
        locations: [],
        extensions: { classification: 'ValidationError' }
    };
}

/**
 * Runs `query` (text or parsed) with `variables` against `org`, as the GraphQL API would for the user of
 * `access` (default: the org's running user with their permission sets).
 */
export function execute(
    org: Org,
    query: string | DocumentNode,
    variables: Record<string, unknown> = {},
    operationName?: string,
    access: Access = new Access(org.snapshot)
): GraphQLResult {
    let doc: DocumentNode;
    try {
        doc = typeof query === 'string' ? parse(query) : query;
    } catch (e) {
        if (e instanceof GraphQLSyntaxError) {
            return {
                errors: [
                    {
                        message: e.message,
                        locations: [e.loc],
                        extensions: { classification: 'InvalidSyntax' }
                    }
                ]
            };
        }
        throw e;
    }
    const op = selectOperation(doc, operationName);
    if (!('kind' in op)) return { errors: [op] };
    const ctx: Context = {
        doc,
        variables: { ...variables },
        declared: new Set(op.variables.map((v) => v.name)),
        schema: new Schema(org, access),
        org,
        errors: []
    };
    for (const def of op.variables) {
        if (ctx.variables[def.name] === undefined && def.defaultValue) {
            ctx.variables[def.name] = evalValue(ctx, def.defaultValue);
        }
    }
    if (op.operation !== 'query') {
        return {
            errors: [
                {
                    message: `The harness's lightning/graphql fake does not model ${op.operation} operations`,
                    locations: [op.loc],
                    extensions: { classification: 'OperationNotSupported' }
                }
            ]
        };
    }
    validate(ctx, { kind: 'Query' }, op.selectionSet, []);
    if (ctx.errors.length > 0) return { errors: ctx.errors };
    {
        const data: Record<string, unknown> = {};
        for (const top of collectFields(ctx, op.selectionSet)) {
            const uiapi: Record<string, unknown> = {};
            for (const q of collectFields(ctx, top.selectionSet ?? [])) {
                if (q.name === '__typename') {
                    uiapi[q.alias ?? q.name] = 'UIAPI';
                    continue;
                }
                const result: Record<string, unknown> = {};
                for (const objField of collectFields(ctx, q.selectionSet ?? [])) {
                    const key = objField.alias ?? objField.name;
                    if (objField.name === '__typename') result[key] = 'RecordQuery';
                    else {
                        result[key] = resolveConnection(
                            ctx,
                            org.describe(objField.name) as ObjectDescribe,
                            objField,
                            undefined
                        );
                    }
                }
                uiapi[q.alias ?? q.name] = result;
            }
            data[top.alias ?? top.name] = top.name === '__typename' ? 'Query' : uiapi;
        }
        return { data };
    }
}
