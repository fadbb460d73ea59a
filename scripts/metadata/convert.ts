/**
 * The SDR conversion from source format to Metadata API format (what `sf project deploy` does before it
 * uploads), written to a folder so it can be inspected.
 */
import { existsSync, rmSync } from 'node:fs';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { errorMessage, issue, type Issue } from './issues';
import type { MetadataTree } from './tree';

export interface ConvertResult {
    outputDirectory: string;
    components: number;
    issues: Issue[];
}

export async function convertToMetadataApi(
    tree: MetadataTree,
    outputDirectory: string
): Promise<ConvertResult> {
    rmSync(outputDirectory, { recursive: true, force: true });
    const set = new ComponentSet(tree.components);
    try {
        await new MetadataConverter().convert(set, 'metadata', {
            type: 'directory',
            outputDirectory,
            genUniqueDir: false
        });
        return { outputDirectory, components: set.size, issues: [] };
    } catch (error) {
        const message = `SDR conversion to Metadata API format failed: ${errorMessage(error)}`;
        const where = tree.packageDirs.find((d) => existsSync(d)) ?? tree.projectRoot;
        return { outputDirectory, components: set.size, issues: [issue(tree.displayRoot, where, message)] };
    }
}
