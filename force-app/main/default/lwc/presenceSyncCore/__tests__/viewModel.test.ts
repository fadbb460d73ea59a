import {
    agreementOf,
    healthOf,
    initialState,
    sameView,
    toViewModel,
    VIEW_RECENT_COUNT,
    appendEntry
} from 'c/presenceSyncCore';
import type { SyncState } from '../state';
import { deliveredConfig, syncing } from './builders';

const base = (): SyncState => syncing();

describe('c-presence-sync-core', () => {
    describe('view model', () => {
        it.each<[string, (s: SyncState) => SyncState, string]>([
            ['closed', (s) => ({ ...s, closed: true }), 'stopped'],
            ['disconnected', (s) => ({ ...s, signInIssue: 'userDisconnected' }), 'stopped'],
            ['consent', (s) => ({ ...s, signInIssue: 'consentRequired' }), 'consentRequired'],
            ['not signed in yet', (s) => ({ ...s, signedIn: false }), 'starting'],
            ['leadership unknown', (s) => ({ ...s, leader: null }), 'starting'],
            ['follower', (s) => ({ ...s, leader: false }), 'follower'],
            ['paused', (s) => ({ ...s, paused: true }), 'paused'],
            ['circuit', (s) => ({ ...s, retry: { ...s.retry, circuitOpen: true } }), 'circuitOpen'],
            ['throttled', (s) => ({ ...s, retry: { ...s.retry, reason: 'throttled' } }), 'throttled'],
            ['backoff', (s) => ({ ...s, retry: { ...s.retry, reason: 'backoff' } }), 'retrying'],
            ['no reading yet', (s) => ({ ...s, teams: null }), 'starting'],
            ['syncing', (s) => s, 'syncing']
        ])('health when %s', (_name, change, health) => {
            expect(healthOf(change(base()))).toBe(health);
        });

        it('shows both sides, the call, masking, the wait and the last decisions (codes, no text)', () => {
            const s = base();
            expect(toViewModel(s)).toEqual({
                health: 'syncing',
                agreement: 'same',
                iconVariant: 'success',
                highlighted: false,
                salesforceStatus: 'Available',
                teams: { availability: 'Available', activity: 'Available' },
                onCall: false,
                masked: null,
                waitUntil: null,
                recent: s.view?.recent
            });
            // the app's own write read back and this tab taking the lead are bookkeeping, not history
            expect(s.view?.recent.map((e) => e.reason)).toEqual(['write', 'signedIn', 'login']);
        });

        const away = { availability: 'Away', activity: 'Away' };
        const offline = { availability: 'Offline', activity: 'Offline' };
        it.each<[string, (s: SyncState) => SyncState, string | null]>([
            ['Teams shows what Salesforce maps to', (s) => s, 'same'],
            ['Teams shows another status', (s) => ({ ...s, teams: away }), 'differs'],
            [
                'a call overrides the Salesforce status',
                (s) => ({ ...s, calls: ['c1'], teams: away }),
                'onCall'
            ],
            ['Teams appears offline', (s) => ({ ...s, salesforce: 'Busy', teams: offline }), 'teamsOffline'],
            ['both offline', (s) => ({ ...s, salesforce: 'Offline', teams: offline }), 'same'],
            [
                'Salesforce clears Teams, Teams shows a status',
                (s) => ({ ...s, salesforce: 'Offline' }),
                'differs'
            ],
            [
                'the configuration does not write to Teams',
                (s) => ({ ...s, config: deliveredConfig(2), teams: away }),
                'teamsNotWritten'
            ],
            [
                'Teams is only written: the pair written is the pair shown',
                (s) => ({ ...s, config: { ...s.config, direction: 'SalesforceToMeetingApp' } }),
                'same'
            ],
            ['signed out', (s) => ({ ...s, signedIn: false }), null],
            ['Salesforce not known', (s) => ({ ...s, salesforce: null }), null]
        ])('agreement when %s', (_name, change, agreement) => {
            expect(agreementOf(change(base()))).toBe(agreement);
        });

        it.each<[string, (s: SyncState) => SyncState, string | null]>([
            ['differs', (s) => ({ ...s, teams: away }), null],
            ['Teams appears offline', (s) => ({ ...s, salesforce: 'Busy', teams: offline }), 'warning'],
            ['on a call', (s) => ({ ...s, calls: ['c1'] }), 'success']
        ])('the icon claims success only when both agree: %s', (_name, change, variant) => {
            expect(toViewModel(change(base())).iconVariant).toBe(variant);
        });

        it('shows no Teams presence and no mask once signed out (nothing is read then)', () => {
            const s = base();
            const view = toViewModel({
                ...s,
                signedIn: false,
                signInIssue: 'userDisconnected',
                masked: { wrote: s.teams!, shows: s.teams! }
            });
            expect([view.teams, view.masked, view.agreement]).toEqual([null, null, null]);
        });

        it('carries at most the last VIEW_RECENT_COUNT decisions, most recent first', () => {
            let s = base();
            for (let at = 0; at < 30; at++) {
                s = {
                    ...s,
                    log: appendEntry(s.log, { at, source: 'sync', from: null, to: null, reason: `x${at}` })
                };
            }
            const recent = toViewModel(s).recent;
            expect(recent).toHaveLength(VIEW_RECENT_COUNT);
            expect(recent[0].at).toBe(29);
        });

        it.each<[string, (s: SyncState) => SyncState, string | null, boolean]>([
            ['error', (s) => ({ ...s, signInIssue: 'signInRequired', signedIn: false }), 'error', true],
            ['warning', (s) => ({ ...s, retry: { ...s.retry, reason: 'backoff' } }), 'warning', false],
            ['masked', (s) => ({ ...s, masked: { wrote: s.teams!, shows: s.teams! } }), 'warning', false],
            ['neutral', (s) => ({ ...s, paused: true }), null, false]
        ])('icon variant and highlight: %s', (_name, change, variant, highlighted) => {
            const view = toViewModel(change(base()));
            expect([view.iconVariant, view.highlighted]).toEqual([variant, highlighted]);
        });

        it('compares views structurally', () => {
            const view = toViewModel(initialState(deliveredConfig()));
            expect(sameView(null, view)).toBe(false);
            expect(sameView({ ...view }, view)).toBe(true);
            expect(sameView({ ...view, onCall: true }, view)).toBe(false);
        });
    });
});
