/**
 * Serves the Live Agent Dashboard page on a running harness's Lightning origin (mounted by
 * mountConsole beside the console pages, so `npm start` and the browser tests both have it):
 *   /dashboard?agents=N&seed=S    an app page with c-live-agent-dashboard over N generated agents
 *                                 (1..5,000, default 500; seed default 1), run as the supervisor
 *                                 (PresenceSyncSupervisor only)
 *   /dashboard?...&supervisorApp=1  the least-privilege set-up: every configuration names the supervisors'
 *                                 own app registration (SupervisorAzureClientId__c = the harness's
 *                                 supervisorClientId, granted only Presence.Read.All)
 * The org is the console's (metadata and data plan); its configurations poll every
 * DASHBOARD_POLL_SECONDS (the data plan says 10 s) so that a Teams change shows within seconds.
 */
import type { Harness } from '../server';
import { sendHtml } from '../http/util';
import { buildOrgSnapshot } from '../lwc/orgMetadata';
import { SUPERVISOR } from '../platform/dashboardAgents';
import type { PageConfig } from './pageConfig';

export const DASHBOARD_PATH = '/dashboard';
export const DASHBOARD_POLL_SECONDS = 5;

export function mountDashboard(
    harness: Pick<Harness, 'mount' | 'urls' | 'clientId' | 'supervisorClientId' | 'tenantId'>,
    options: { root?: string },
    pageHtml: (title: string, config: PageConfig) => string
): () => void {
    const html = dashboardHtml(harness, options, pageHtml, null);
    const splitHtml = dashboardHtml(harness, options, pageHtml, harness.supervisorClientId);
    return harness.mount('lightning', DASHBOARD_PATH, (_req, res, url) =>
        sendHtml(res, 200, url.searchParams.get('supervisorApp') === '1' ? splitHtml : html)
    );
}

function dashboardHtml(
    harness: Pick<Harness, 'urls' | 'clientId' | 'tenantId'>,
    options: { root?: string },
    pageHtml: (title: string, config: PageConfig) => string,
    supervisorClientId: string | null
): string {
    const snapshot = buildOrgSnapshot({
        ...(options.root ? { root: options.root } : {}),
        clientId: harness.clientId,
        tenantId: harness.tenantId,
        user: 'supervisor'
    });
    for (const c of snapshot.records.PresenceStateConfiguration__c ?? []) {
        c.PollIntervalSeconds__c = DASHBOARD_POLL_SECONDS;
        if (supervisorClientId !== null) c.SupervisorAzureClientId__c = supervisorClientId;
    }
    return pageHtml('Live Agent Dashboard | Salesforce (harness)', {
        page: 'dashboard',
        snapshot,
        urls: {
            lightning: harness.urls.lightning,
            visualforce: harness.urls.visualforce,
            control: harness.urls.control,
            graphApi: harness.urls.graphApi
        },
        teamsUser: SUPERVISOR.email,
        teamsUsers: []
    });
}
