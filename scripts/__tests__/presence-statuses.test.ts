/*
 * The Omni-Channel presence statuses the project ships, against what reads them: a deploy or package
 * install overwrites an org status of the same DeveloperName (and strips its service channels), and a
 * permission set that names a status the org does not have fails the whole deploy. Reads the metadata
 * and data files only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT = path.join(ROOT, 'force-app', 'main', 'default');
const STATUS_DIR = path.join(DEFAULT, 'servicePresenceStatuses');
const PERMISSION_SETS = path.join(DEFAULT, 'permissionsets');

/** statuses every Omni-Channel org has, configured by the customer with their own service channels */
const ORG_OWN = ['Available', 'Busy', 'Away'];
/** Omni-Channel logged out, not a ServicePresenceStatus */
const OFFLINE = 'Offline';

const shipped = readdirSync(STATUS_DIR)
    .filter((f) => f.endsWith('.servicePresenceStatus-meta.xml'))
    .map((f) => f.replace('.servicePresenceStatus-meta.xml', ''))
    .sort();

function statusesGrantedIn(file: string): string[] {
    const text = readFileSync(path.join(PERMISSION_SETS, file), 'utf8');
    return [...text.matchAll(/<servicePresenceStatus>([^<]+)<\/servicePresenceStatus>/g)].map((m) => m[1]);
}

describe('shipped Omni-Channel presence statuses', () => {
    it('are the three the app adds; the org keeps its own Available, Busy and Away', () => {
        expect(shipped).toEqual(['Be_Right_Back', 'Do_Not_Disturb', 'On_a_Call']);
        for (const own of ORG_OWN)
            expect(shipped.map((s) => s.toLowerCase())).not.toContain(own.toLowerCase());
    });

    it('route no work: no service channels (each is a busy status while on a call, away or not to be disturbed)', () => {
        for (const name of shipped) {
            expect(
                readFileSync(path.join(STATUS_DIR, `${name}.servicePresenceStatus-meta.xml`), 'utf8')
            ).not.toMatch(/<channels>/);
        }
    });

    it('are the only statuses a permission set grants (one the org lacks would fail the deploy)', () => {
        for (const file of readdirSync(PERMISSION_SETS)) {
            for (const status of statusesGrantedIn(file))
                expect({ file, status, shipped: shipped.includes(status) }).toEqual({
                    file,
                    status,
                    shipped: true
                });
        }
    });

    it("together with the org's own cover every status the delivered configurations name", () => {
        const rows = JSON.parse(
            readFileSync(path.join(ROOT, 'data', 'PresenceStateLabel__c.json'), 'utf8')
        ) as {
            records: { SalesforceStatus__c?: string }[];
        };
        const named = new Set(rows.records.map((r) => r.SalesforceStatus__c).filter((s): s is string => !!s));
        const known = new Set([...shipped, ...ORG_OWN, OFFLINE]);
        expect([...named].filter((s) => !known.has(s))).toEqual([]);
        expect([...named]).toEqual(expect.arrayContaining(ORG_OWN));
    });
});
