import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildOrgSnapshot } from '../../lwc/orgMetadata';
import { AGENT, SETUPS } from '../constants';
import { isSalesforceId, sameId, to18 } from '../ids';
import { DmlException, Org, type OrgStore } from '../org';
import { label } from '../scoped';

const ROOT = path.resolve(__dirname, '../../..');
const snapshot = buildOrgSnapshot({ clientId: 'c', tenantId: 't' });

function dmlErrors(fn: () => unknown) {
    try {
        fn();
    } catch (e) {
        if (e instanceof DmlException)
            return e.errors.map((x) => ({ code: x.errorCode, field: x.field, message: x.message }));
        throw e;
    }
    throw new Error('expected a DML error');
}

describe('harness org', () => {
    it('loads the data plan as sf data import tree does: every delivered configuration with its rows', () => {
        const plan = JSON.parse(
            readFileSync(path.join(ROOT, 'data/PresenceStateConfiguration__c.json'), 'utf8')
        ) as {
            records: { Name: string }[];
        };
        const names = snapshot.records.PresenceStateConfiguration__c.map((c) => c.Name);
        expect(names.slice(0, plan.records.length)).toEqual(plan.records.map((r) => r.Name));
        for (const c of snapshot.records.PresenceStateConfiguration__c) {
            const rows = snapshot.records.PresenceStateLabel__c.filter(
                (l) => l.PresenceStateConfiguration__c === c.Id
            );
            expect(rows.length).toBeGreaterThan(0);
        }
        // one Call Center Setup per configuration the picker offers, and the agent's settings record
        expect(snapshot.records.CallCenterSetup__c.map((s) => s.Name)).toEqual(
            SETUPS.filter((s) => s.configuration !== null).map((s) => s.name)
        );
        expect(snapshot.records.PresenceSyncUserSetting__c).toEqual([
            expect.objectContaining({ UserKey__c: AGENT.Id, OwnerId: AGENT.Id, Office365Email__c: null })
        ]);
    });

    it('describes the objects from their metadata', () => {
        const email = snapshot.objects.PresenceSyncUserSetting__c.fields.Office365Email__c;
        expect(email).toMatchObject({ dataType: 'Email', label: 'Office 365 Email', length: 80 });
        const lookup = snapshot.objects.PresenceStateLabel__c.fields.PresenceStateConfiguration__c;
        expect(lookup).toMatchObject({
            dataType: 'Reference',
            masterDetail: true,
            relationshipName: 'PresenceStateConfiguration__r'
        });
        expect(snapshot.objects.PresenceStateLabel__c.fields.OwnerId).toBeUndefined();
        expect(snapshot.objects.PresenceSyncUserSetting__c.privateSharing).toBe(true);
        expect(snapshot.messageChannels).toContain('PresenceSync__c');
        expect(snapshot.servicePresenceStatuses.map((s) => s.DeveloperName)).toEqual(
            expect.arrayContaining([
                'Available',
                'On_a_Call',
                'Busy',
                'Away',
                'Be_Right_Back',
                'Do_Not_Disturb'
            ])
        );
        for (const s of snapshot.servicePresenceStatuses)
            expect(isSalesforceId(s.Id) && s.Id.startsWith('0N5')).toBe(true);
    });

    it('validates writes like DML: email, length, restricted picklist, unknown and read-only fields, references', () => {
        const org = new Org(snapshot);
        const setting = org.records('PresenceSyncUserSetting__c')[0];
        expect(dmlErrors(() => org.update(setting.Id, { Office365Email__c: 'ada@' }))).toEqual([
            {
                code: 'INVALID_EMAIL_ADDRESS',
                field: 'Office365Email__c',
                message: 'Office 365 Email: invalid email address: ada@'
            }
        ]);
        expect(
            dmlErrors(() =>
                org.update(setting.Id, { Office365Email__c: `${'a'.repeat(80)}@acme.example` })
            )[0].code
        ).toBe('STRING_TOO_LONG');
        expect(dmlErrors(() => org.update(setting.Id, { Nope__c: 1 }))[0]).toMatchObject({
            code: 'INVALID_FIELD'
        });
        expect(dmlErrors(() => org.update(setting.Id, { CreatedDate: 'x' }))[0].code).toBe(
            'INVALID_FIELD_FOR_INSERT_UPDATE'
        );
        expect(dmlErrors(() => org.update(setting.Id, { CallCenterSetup__c: 'not-an-id' }))[0].code).toBe(
            'MALFORMED_ID'
        );
        const label = org.records('PresenceStateLabel__c')[0];
        expect(dmlErrors(() => org.update(label.Id, { TeamsWriteKind__c: 'Sometimes' }))[0].code).toBe(
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
        );
        expect(
            dmlErrors(() => org.create('PresenceSyncUserSetting__c', { Name: 'x', UserKey__c: AGENT.Id }))[0]
                .code
        ).toBe('DUPLICATE_VALUE');
        expect(dmlErrors(() => org.create('CallCenterSetup__c', {}))[0]).toMatchObject({
            code: 'REQUIRED_FIELD_MISSING',
            field: 'Name'
        });
        expect(dmlErrors(() => org.update('a03Hn0000000099IAA', { Name: 'x' }))[0].code).toBe('NOT_FOUND');
        // nothing of a failed write is kept
        expect(org.records('PresenceSyncUserSetting__c')[0].Office365Email__c).toBeNull();
    });

    it('keeps what one tab writes for the next tab and reload (the store), and resets to the snapshot', () => {
        let stored: string | null = null;
        const store: OrgStore = { read: () => stored, write: (v) => (stored = v || null) };
        const tab1 = new Org(snapshot, store);
        const id = tab1.records('PresenceSyncUserSetting__c')[0].Id;
        const saved = tab1.update(id.slice(0, 15), { Office365Email__c: 'ada.agent@acme.example' });
        expect(saved.record.Office365Email__c).toBe('ada.agent@acme.example');
        const tab2 = new Org(snapshot, store);
        expect(tab2.find(id)?.record.Office365Email__c).toBe('ada.agent@acme.example');
        tab2.reset();
        expect(new Org(snapshot, store).find(id)?.record.Office365Email__c).toBeNull();
        const created = tab1.create('CallCenterSetup__c', { Name: 'New floor' });
        expect(created.Id.startsWith(snapshot.objects.CallCenterSetup__c.keyPrefix)).toBe(true);
        expect(created.OwnerId).toBe(AGENT.Id);
    });

    it('fails the next write on request (a validation rule or trigger in a real org)', () => {
        const org = new Org(snapshot);
        const id = org.records('PresenceSyncUserSetting__c')[0].Id;
        org.failNextDml([{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Saving is blocked' }]);
        expect(dmlErrors(() => org.update(id, { Office365Email__c: 'a@b.example' }))[0].code).toBe(
            'FIELD_CUSTOM_VALIDATION_EXCEPTION'
        );
        expect(org.update(id, { Office365Email__c: 'a@b.example' }).record.Office365Email__c).toBe(
            'a@b.example'
        );
    });
});

describe('custom labels', () => {
    it('come from CustomLabels and the German translation; an untranslated label falls back to English', () => {
        const connect = snapshot.labels.PresenceSync_ConnectTeams;
        expect(connect).toEqual({ en: 'Connect Microsoft Teams', de: 'Microsoft Teams verbinden' });
        expect(label(connect, 'de')).toBe('Microsoft Teams verbinden');
        expect(label(connect, 'en')).toBe('Connect Microsoft Teams');
        expect(label({ en: 'Only English' }, 'de')).toBe('Only English');
    });
});

describe('Salesforce Ids', () => {
    it('adds the case-safe suffix and compares on 15 characters', () => {
        expect(to18('001000000000001')).toBe('001000000000001AAA');
        expect(to18('0N5Hn0000000001')).toBe('0N5Hn0000000001KAA');
        expect(sameId('0N5Hn0000000001', '0N5Hn0000000001KAA')).toBe(true);
        expect(isSalesforceId('0N5Hn0000000001KAB')).toBe(false);
    });
});
