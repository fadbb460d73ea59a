/**
 * What the server tells a harness page (console, admin, dashboard) when it renders it: shared by the
 * server side (mount.ts, dashboardMount.ts) and the page scripts (shell.ts, dashboardPage.ts).
 */
import type { OrgSnapshot } from '../platform/types';

export interface PageConfig {
    page: 'console' | 'admin' | 'dashboard';
    snapshot: OrgSnapshot;
    urls: { lightning: string; visualforce: string; control: string; graphApi: string };
    /** the Teams user the Teams-client panel acts as, by default */
    teamsUser: string;
    teamsUsers: { upn: string; name: string }[];
}
