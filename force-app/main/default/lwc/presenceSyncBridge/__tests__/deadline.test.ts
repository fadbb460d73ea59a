import { DEFAULT_TIMEOUTS_MS } from 'c/presenceSyncBridge';
import { GRAPH_TIMEOUT_MS } from '../../../../../../bridge/graph';

describe('c-presence-sync-bridge', () => {
    it('waits longer for a Graph request than the bridge page lets the whole Graph call take', () => {
        // the bridge answers (a timeout error at worst) before this side gives up on the request
        const graphRequests = [
            'getPresence',
            'setPresence',
            'clearPresence',
            'setPreferredPresence',
            'clearPreferredPresence',
            'getPresencesByUserId'
        ] as const;
        for (const type of graphRequests) expect(GRAPH_TIMEOUT_MS).toBeLessThan(DEFAULT_TIMEOUTS_MS[type]);
    });
});
