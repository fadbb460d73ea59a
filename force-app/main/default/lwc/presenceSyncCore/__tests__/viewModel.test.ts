import {
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
                iconVariant: 'success',
                highlighted: false,
                salesforceStatus: 'Available',
                teams: { availability: 'Available', activity: 'Available' },
                onCall: false,
                masked: null,
                waitUntil: null,
                recent: s.view?.recent
            });
            expect(s.view?.recent.map((e) => e.reason)).toEqual([
                'echo',
                'write',
                'signedIn',
                'leader',
                'login'
            ]);
        });

        it('carries at most the last VIEW_RECENT_COUNT decisions, most recent first', () => {
            let s = base();
            for (let at = 0; at < 30; at++) {
                s = {
                    ...s,
                    log: appendEntry(s.log, { at, source: 'sync', from: null, to: null, reason: 'x' })
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
