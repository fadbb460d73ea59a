/**
 * The repository stands alone: every relative link in its Markdown resolves to a file of the repository
 * (and, for `#anchor` links to a Markdown file, to one of its headings), and no file refers to a place
 * outside it or to the project's issue tracker by number.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';

const ROOT = path.resolve(__dirname, '../..');
/** build output, installed packages and broken-on-purpose fixtures are not the repository's text */
const SKIP = new Set(['node_modules', 'dist', 'coverage', '.git', '.sf', '.sfdx', 'fixtures']);
const TEXT = /\.(md|ts|cjs|js|json|xml|html|css|cls|page|cmp|yml|yaml|sh)$|^run$/;

function files(dir: string, out: string[] = []): string[] {
    for (const name of readdirSync(dir)) {
        if (SKIP.has(name)) continue;
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) files(file, out);
        else if (TEXT.test(name) && name !== 'package-lock.json') out.push(file);
    }
    return out;
}

const markdown = new MarkdownIt({ html: true });

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered */
function anchorsOf(source: string): Set<string> {
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    const tokens = markdown.parse(source, {});
    tokens.forEach((token, i) => {
        if (token.type !== 'heading_open') return;
        const text = tokens[i + 1].children?.map((c) => c.content).join('') ?? '';
        const base = text
            .toLowerCase()
            .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
            .replace(/\s/g, '-');
        const count = seen.get(base) ?? 0;
        seen.set(base, count + 1);
        anchors.add(count === 0 ? base : `${base}-${count}`);
    });
    return anchors;
}

/** the targets of every link and image in the Markdown (code spans and blocks are not links) */
function linksOf(source: string): string[] {
    const links: string[] = [];
    const visit = (tokens: ReturnType<typeof markdown.parse>) => {
        for (const token of tokens) {
            if (token.type === 'link_open') links.push(String(token.attrGet('href') ?? ''));
            if (token.type === 'image') links.push(String(token.attrGet('src') ?? ''));
            if (token.type === 'html_inline' || token.type === 'html_block') {
                for (const m of token.content.matchAll(/\b(?:href|src)="([^"]+)"/g)) links.push(m[1]);
            }
            if (token.children) visit(token.children);
        }
    };
    visit(markdown.parse(source, {}));
    return links;
}

const all = files(ROOT);
const markdownFiles = all.filter((f) => f.endsWith('.md'));

describe('the repository stands alone', () => {
    it('has Markdown to check (README and docs)', () => {
        const names = markdownFiles.map((f) => path.relative(ROOT, f));
        expect(names).toEqual(
            expect.arrayContaining(['README.md', 'docs/architecture.md', 'docs/sync-policy.md'])
        );
    });

    it.each(markdownFiles.map((f) => [path.relative(ROOT, f), f]))(
        'every relative link in %s resolves inside the repository',
        (_name, file) => {
            const broken: string[] = [];
            for (const link of linksOf(readFileSync(file, 'utf8'))) {
                if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto:, ...
                const [target, anchor] = link.split('#');
                const resolved = target ? path.resolve(path.dirname(file), decodeURI(target)) : file;
                if (!resolved.startsWith(ROOT + path.sep) && resolved !== ROOT) {
                    broken.push(`${link}: outside the repository`);
                } else if (!existsSync(resolved)) {
                    broken.push(`${link}: no such file`);
                } else if (
                    anchor &&
                    resolved.endsWith('.md') &&
                    !anchorsOf(readFileSync(resolved, 'utf8')).has(anchor)
                ) {
                    broken.push(`${link}: no heading #${anchor}`);
                }
            }
            expect(broken).toEqual([]);
        }
    );

    it('no file refers to the founding brief, its reference files or to issue numbers', () => {
        const offenders: string[] = [];
        for (const file of all) {
            if (file === __filename) continue;
            readFileSync(file, 'utf8')
                .split('\n')
                .forEach((line, i) => {
                    // another project's issue ("salesforce/lwc issue 5541") is a source, not this project's tracker
                    if (
                        /\.\.\/shared\b|\bDESIGN(\.md| sections?\b)|\b(graph-and-msal|salesforce-platform|platform-gates|anchors|code-style|toolchain)\.md\b|(?<![\w.-]+\/[\w.-]+ )\bissues? \d+\b/i.test(
                            line
                        )
                    ) {
                        offenders.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
                    }
                });
        }
        expect(offenders).toEqual([]);
    });
});

describe('the link checker itself', () => {
    it('finds links and images but not code', () => {
        expect(
            linksOf(
                '[a](x.md) ![p](docs/p.png) `[no](code.md)`\n\n```\n[no](block.md)\n```\n<img src="i.png">'
            )
        ).toEqual(['x.md', 'docs/p.png', 'i.png']);
    });

    it("makes GitHub's heading anchors", () => {
        expect([
            ...anchorsOf('# Set up\n## Run it locally\n## Run it locally\n## `npm test`: what, why?')
        ]).toEqual(['set-up', 'run-it-locally', 'run-it-locally-1', 'npm-test-what-why']);
    });
});
