import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FIXTURE = path.join(__dirname, '..', 'fixtures', 'clean-project');
export const LWC = 'force-app/main/default/lwc';
export const OBJECTS = 'force-app/main/default/objects';

/**
 * A fresh copy of the clean fixture project in a temp folder. The copy is needed, not just convenient:
 * SDR's built-in ignore list contains `**\/__tests__/**`, so it resolves nothing under scripts/__tests__/.
 */
export class FixtureProject {
    readonly root: string;

    constructor() {
        this.root = mkdtempSync(path.join(os.tmpdir(), 'metadata-fixture-'));
        cpSync(FIXTURE, this.root, { recursive: true });
    }

    path(relative: string): string {
        return path.join(this.root, relative);
    }

    read(relative: string): string {
        return readFileSync(this.path(relative), 'utf8');
    }

    write(relative: string, text: string): void {
        mkdirSync(path.dirname(this.path(relative)), { recursive: true });
        writeFileSync(this.path(relative), text);
    }

    edit(relative: string, change: (text: string) => string): void {
        this.write(relative, change(this.read(relative)));
    }

    remove(relative: string): void {
        rmSync(this.path(relative), { recursive: true, force: true });
    }

    rename(from: string, to: string): void {
        renameSync(this.path(from), this.path(to));
    }

    dispose(): void {
        rmSync(this.root, { recursive: true, force: true });
    }
}
