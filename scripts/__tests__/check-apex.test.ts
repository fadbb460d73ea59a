/**
 * check:apex on the fixture project with Apex classes planted in it. Runs the real apex-ls, so these
 * tests need a Java runtime (as `npm run check:apex` does).
 */
import path from 'node:path';
import { checkApex, formatApexIssue, isAllowed, JAVA_HINT, parseReport } from '../check-apex';
import { JAVA, requireTool } from '../../harness/systemTools';
import { FixtureProject } from './helpers/fixture';

const CLASSES = 'force-app/main/default/classes';
const META =
    '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">' +
    '<apiVersion>62.0</apiVersion><status>Active</status></ApexClass>\n';

const GOOD = `public with sharing class Good {
    public static String kindOf(Id widgetId) {
        Widget__c widget = [SELECT Kind__c FROM Widget__c WHERE Id = :widgetId WITH USER_MODE];
        return widget.Kind__c;
    }
    public static Map<Id, UserServicePresence> current(List<UserServicePresence> rows) {
        Map<Id, UserServicePresence> result = new Map<Id, UserServicePresence>();
        for (UserServicePresence row : rows) {
            result.put(row.UserId, row);
        }
        return result;
    }
}
`;

let project: FixtureProject;

beforeEach(() => {
    project = new FixtureProject();
});

afterEach(() => {
    project.dispose();
});

function addClass(name: string, body: string): void {
    project.write(`${CLASSES}/${name}.cls`, body);
    project.write(`${CLASSES}/${name}.cls-meta.xml`, META);
}

/** the machine's Java (these tests run apex-ls for real, as npm run check:apex does) */
const java = (): string => requireTool(JAVA, 'The Apex check tests');

describe('check:apex', () => {
    it('passes correct Apex and allows only the Omni-Channel types apex-ls lacks', () => {
        addClass('Good', GOOD);
        const result = checkApex(project.root, java());
        expect(result.failure).toBeNull();
        expect(result.issues.map(formatApexIssue)).toEqual([]);
        expect(result.files).toBe(1);
        expect(result.allowed.length).toBeGreaterThan(0);
        expect(new Set(result.allowed.map((i) => i.kind))).toEqual(new Set(['Missing']));
    });

    it('fails on a type mismatch, an unknown custom field and an unknown method, naming file and line', () => {
        addClass('Good', GOOD);
        addClass(
            'Planted',
            `public with sharing class Planted {
    public static Integer count(Widget__c widget) {
        Integer n = widget.Kind__c;
        widget.Colour__c = 'red';
        String s = 'x';
        s.shout();
        return n;
    }
}
`
        );
        const result = checkApex(project.root, java());
        expect(result.failure).toBeNull();
        const file = path.join(CLASSES, 'Planted.cls');
        expect(result.issues.map(formatApexIssue)).toEqual([
            `${file}:3: Error: Incompatible types in assignment, from 'System.String' to 'System.Integer'`,
            `${file}:4: Missing: Unknown field 'Colour__c' on SObject 'Schema.Widget__c'`,
            `${file}:6: Missing: No matching method found for 'shout' on 'System.String' taking no arguments`
        ]);
    });

    it('fails without Java and says how to install it', () => {
        addClass('Good', GOOD);
        expect(checkApex(project.root, null).failure).toBe(JAVA_HINT);
        expect(JAVA_HINT).toContain('apt-get install openjdk-17-jre-headless');
    });

    it('fails on a folder that is no SFDX project', () => {
        project.remove('sfdx-project.json');
        expect(checkApex(project.root, java()).failure).toMatch(/no sfdx-project.json/);
    });
});

describe('the allow-list', () => {
    const missing = (message: string) => ({ file: 'A.cls', line: 1, kind: 'Missing', message });

    it.each([
        "No type declaration found for 'UserServicePresence'",
        "No type declaration found for 'Schema.ServicePresenceStatus'",
        "No type declaration found for 'List<UserServicePresence>'",
        "No type declaration found for 'Map<Id, UserServicePresence>'"
    ])('allows %s', (message) => {
        expect(isAllowed(missing(message))).toBe(true);
    });

    it.each([
        "No type declaration found for 'UserServicePresenceHistory'",
        "No type declaration found for 'Widget__c'",
        "No type declaration found for 'Map<String, UserServicePresence>'",
        "Unknown field 'Foo__c' on SObject 'Schema.UserServicePresence'",
        "No type declaration found for 'UserServicePresence' or something else"
    ])('does not allow %s', (message) => {
        expect(isAllowed(missing(message))).toBe(false);
    });

    it('allows nothing of another kind', () => {
        expect(
            isAllowed({
                file: 'A.cls',
                line: 1,
                kind: 'Error',
                message: "No type declaration found for 'UserServicePresence'"
            })
        ).toBe(false);
    });
});

describe('parseReport', () => {
    it('reads single-line and multi-line positions and keeps lines it does not understand', () => {
        const output = [
            '/p/force-app/main/default/classes/A.cls',
            "Missing: line 86:37 to 99:9: No type declaration found for 'Map<Id, UserServicePresence>'",
            "Syntax: line 9 at 4: missing ';' at '}'",
            'Error: line 1: something without a column',
            'something else'
        ].join('\n');
        expect(parseReport(output, '/p').map(formatApexIssue)).toEqual([
            "force-app/main/default/classes/A.cls:86: Missing: No type declaration found for 'Map<Id, UserServicePresence>'",
            "force-app/main/default/classes/A.cls:9: Syntax: missing ';' at '}'",
            'force-app/main/default/classes/A.cls:1: Error: something without a column',
            'force-app/main/default/classes/A.cls:0: Output: something else'
        ]);
    });
});
