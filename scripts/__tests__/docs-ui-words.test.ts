/**
 * The docs say what the UI says. README.md and docs/*.md name a button, tab or state of this app in
 * bold followed by the Custom Label it shows, as an HTML comment GitHub does not render:
 *
 *     click **Connect Microsoft Teams**<!-- label: CtiDataConnector_Connect -->
 *
 * This test checks that each such label exists, that its English value is exactly the bold words and
 * that it has a German translation; and that a bold word a reader is told to click, press or select
 * (or that is called a button), and a quoted word a screen is said to show or offer, is one of the
 * app's labels (or, for another product's screen, listed below with where it is).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { XMLParser } from 'fast-xml-parser';

const ROOT = path.resolve(__dirname, '../..');
const LABELS = 'force-app/main/default/labels/CustomLabels.labels-meta.xml';
const GERMAN = 'force-app-de/main/default/translations/de.translation-meta.xml';

/** Words of other products' screens (and of the app's metadata, not labels) the docs may tell to use. */
const OTHER_SCREENS = new Set([
    // Salesforce: the tab and app of this package (CustomTab / CustomApplication labels)
    'Presence Sync Setup',
    'Presence Sync Console',
    // Salesforce's own screens: the error page of a missing page access, Setup > Session Settings
    'Insufficient privileges',
    'Use Lightning Web Security for Lightning web components and Aura components',
    // the harness's own page (harness/console), not the product
    'Reset org data'
]);

/** A quoted word is a label's value, or the words before its first colon or placeholder. */
function isLabelText(quoted: string, values: ReadonlySet<string>): boolean {
    if (values.has(quoted)) return true;
    for (const value of values) {
        if (value.startsWith(`${quoted}:`) || value.startsWith(`${quoted} {`)) return true;
    }
    return false;
}

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });
const asList = <T>(value: T | T[] | undefined): T[] =>
    value === undefined ? [] : Array.isArray(value) ? value : [value];

function englishLabels(): Map<string, string> {
    const xml = parser.parse(readFileSync(path.join(ROOT, LABELS), 'utf8')) as {
        CustomLabels: { labels: { fullName: string; value: string } | { fullName: string; value: string }[] };
    };
    return new Map(asList(xml.CustomLabels.labels).map((l) => [l.fullName, String(l.value)]));
}

function germanLabels(): Map<string, string> {
    const xml = parser.parse(readFileSync(path.join(ROOT, GERMAN), 'utf8')) as {
        Translations: { customLabels: { name: string; label: string } | { name: string; label: string }[] };
    };
    return new Map(asList(xml.Translations.customLabels).map((l) => [l.name, String(l.label)]));
}

const MARK = /^<!--\s*label:\s*([A-Za-z0-9_]+)\s*-->$/;
/** the words before a bold span that make it something to click */
const CLICK_BEFORE = /\b(click|clicks|clicking|press|presses|select|selects)\s+$/i;
const BUTTON_AFTER = /^\s+button\b/i;
/** a quoted word a screen shows or offers: `shows "Reconnect"` */
const QUOTED_UI = /\b(?:shows|offers|click|clicks|press|presses)\s+"([^"]+)"/gi;

interface UiWord {
    file: string;
    words: string;
    label: string | null;
    /** the reader is told to click it (or it is called a button) */
    clicked: boolean;
}

const markdown = new MarkdownIt({ html: true });

/** The bold spans of a Markdown source with their label mark (code spans and blocks are not text). */
function uiWordsOf(file: string, source: string): UiWord[] {
    const found: UiWord[] = [];
    const visit = (tokens: ReturnType<typeof markdown.parse>) => {
        for (const token of tokens) {
            if (token.type === 'inline' && token.children) {
                const children = token.children;
                for (let i = 0; i < children.length; i += 1) {
                    if (children[i]!.type !== 'strong_open') continue;
                    let j = i + 1;
                    let words = '';
                    while (j < children.length && children[j]!.type !== 'strong_close') {
                        // a line break inside the bold span is a space
                        words += children[j]!.type === 'softbreak' ? ' ' : children[j]!.content;
                        j += 1;
                    }
                    const before = children[i - 1]?.type === 'text' ? children[i - 1]!.content : '';
                    // markdown-it puts an empty text token between the bold span and the comment
                    let k = j + 1;
                    while (children[k]?.type === 'text' && children[k]!.content === '') k += 1;
                    const next = children[k];
                    const mark = next?.type === 'html_inline' ? MARK.exec(next.content.trim()) : null;
                    const after = next?.type === 'text' ? next.content : '';
                    found.push({
                        file,
                        words: words.trim(),
                        label: mark ? mark[1]! : null,
                        clicked: CLICK_BEFORE.test(before) || BUTTON_AFTER.test(after)
                    });
                    i = j;
                }
            }
            if (token.children && token.type !== 'inline') visit(token.children);
        }
    };
    visit(markdown.parse(source, {}));
    return found;
}

/** `shows "X"` in the text (code spans and blocks left out) */
function quotedUiWordsOf(source: string): string[] {
    const quoted: string[] = [];
    for (const token of markdown.parse(source, {})) {
        if (token.type !== 'inline' || !token.children) continue;
        const text = token.children
            .filter((c) => c.type === 'text' || c.type === 'softbreak')
            .map((c) => (c.type === 'softbreak' ? ' ' : c.content))
            .join('');
        for (const m of text.matchAll(QUOTED_UI)) quoted.push(m[1]!);
    }
    return quoted;
}

const DOCS = [
    'README.md',
    ...readdirSync(path.join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`)
];

describe('the docs use the words of the UI', () => {
    const english = englishLabels();
    const german = germanLabels();
    const values = new Set(english.values());
    const words = DOCS.flatMap((file) => uiWordsOf(file, readFileSync(path.join(ROOT, file), 'utf8')));

    it('finds the marked UI words (the agent connecting, the admin restoring configurations)', () => {
        expect(words.filter((w) => w.label !== null).map((w) => w.label)).toEqual(
            expect.arrayContaining([
                'CtiDataConnector_Connect',
                'PresenceSync_ConnectTeams',
                'PresenceAuthorization_RestoreButton'
            ])
        );
    });

    it('each marked word is its label, in English, and the label has a German translation', () => {
        const wrong = words
            .filter((w) => w.label !== null)
            .flatMap((w) => {
                const value = english.get(w.label!);
                if (value === undefined) return [`${w.file}: **${w.words}** names no label ${w.label}`];
                const problems: string[] = [];
                if (value !== w.words)
                    problems.push(`${w.file}: **${w.words}** but ${w.label} says "${value}"`);
                if (!german.has(w.label!)) problems.push(`${w.file}: ${w.label} has no German translation`);
                return problems;
            });
        expect(wrong).toEqual([]);
    });

    it('a word the reader is told to click is a marked label (or on another product screen)', () => {
        const unmarked = words
            .filter((w) => w.clicked && w.label === null && !OTHER_SCREENS.has(w.words))
            .map(
                (w) =>
                    `${w.file}: **${w.words}**${values.has(w.words) ? ' (a label: mark it)' : ' (no label says this)'}`
            );
        expect(unmarked).toEqual([]);
    });

    it('a quoted word a screen shows or offers is a label', () => {
        const unknown = DOCS.flatMap((file) =>
            quotedUiWordsOf(readFileSync(path.join(ROOT, file), 'utf8'))
                .filter((q) => !isLabelText(q, values) && !OTHER_SCREENS.has(q))
                .map((q) => `${file}: "${q}"`)
        );
        expect(unknown).toEqual([]);
    });

    it('the advice to the admin and to agents is in the UI (English and German) and in the README', () => {
        const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
        const advice = [
            // the Teams admin: an app-set Busy does not make Busy on busy reject Teams calls
            ['PresenceAuthorization_CallPresenceBusyPromise', /Busy on busy/, /„Besetzt bei Besetzt“/],
            // agents after a change of the app registration: the admin's guide and the agent's connector
            ['PresenceAuthorization_EntraStep6', /log out and back in/, /melden sich ab und wieder an/],
            [
                'CtiDataConnector_HealthHelp_signInRequired',
                /reload the Salesforce console \(or log out and back in\)/,
                /melden Sie sich ab und wieder an/
            ]
        ] as const;
        for (const [label, en, de] of advice) {
            expect([label, english.get(label)]).toEqual([label, expect.stringMatching(en)]);
            expect([label, german.get(label)]).toEqual([label, expect.stringMatching(de)]);
        }
        expect(readme).toMatch(/"Busy on busy"/);
        expect(readme).toMatch(/agents reload the console \(or log out and back in\) and connect once more/);
    });

    it('catches a button no label has, and a marked word its label does not say', () => {
        const sample = uiWordsOf(
            'sample.md',
            'Sign-in required: click **Reconnect**. Then **Connect Teams**<!-- label: CtiDataConnector_Connect -->.'
        );
        expect(sample).toEqual([
            { file: 'sample.md', words: 'Reconnect', label: null, clicked: true },
            { file: 'sample.md', words: 'Connect Teams', label: 'CtiDataConnector_Connect', clicked: false }
        ]);
        expect(english.get('CtiDataConnector_Connect')).not.toBe('Connect Teams');
        expect(quotedUiWordsOf('Sign-in required shows "Reconnect".')).toEqual(['Reconnect']);
    });
});
