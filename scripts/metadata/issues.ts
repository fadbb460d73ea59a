/**
 * What every check returns: problems that name the file (relative to the project root) and, where
 * known, the line and column.
 */
import path from 'node:path';

export type Severity = 'error' | 'warning';

export interface Issue {
    /** Path relative to the display root, with forward slashes. */
    file: string;
    line?: number;
    column?: number;
    message: string;
    severity: Severity;
}

export function displayPath(displayRoot: string, file: string): string {
    return path.relative(displayRoot, file).split(path.sep).join('/') || '.';
}

export function issue(
    displayRoot: string,
    file: string,
    message: string,
    position: { line?: number; column?: number } = {},
    severity: Severity = 'error'
): Issue {
    return { file: displayPath(displayRoot, file), message, severity, ...position };
}

export function formatIssue(i: Issue): string {
    const position = i.line === undefined ? '' : `:${i.line}${i.column === undefined ? '' : `:${i.column}`}`;
    const prefix = i.severity === 'warning' ? 'warning: ' : '';
    return `${i.file}${position}: ${prefix}${i.message}`;
}

export function errorCount(issues: Issue[]): number {
    return issues.filter((i) => i.severity === 'error').length;
}

/** A problem with one file, thrown where a check cannot go on (e.g. no sfdx-project.json). */
export class FileError extends Error {
    constructor(
        readonly file: string,
        readonly reason: string
    ) {
        super(`${file}: ${reason}`);
    }
}

export function errorMessage(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
