/*
 * Live Agent Dashboard: every agent of the supervisor's Call Center Setups with the Omni-Channel
 * status and the time in it, the Teams presence (read through the Teams bridge, role supervisor, with
 * getPresencesByUserId in chunks of 650), whether the two agree under the agent's configuration, and when
 * Teams was last read. Sort, filter, paging (100 rows at a time: 5,000 agents never make 5,000 rows of
 * DOM), and a visible refresh state (last refresh, refreshing, throttled notice with the wait).
 * Each agent's sync health (what their connector last reported, or "no connector running" from an old
 * heartbeat) with the time of the last successful sync; a summary strip counts agents per Omni status,
 * Teams availability, mismatch and health, and each count is a toggle button that filters the table.
 */
import { LightningElement, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import {
    CONFIGURATIONS_LIMIT,
    CONFIGURATIONS_QUERY,
    configurationsVariables,
    graphqlError,
    hasAnswered,
    readConfigurations
} from 'c/presenceSyncConfig';
import type { GraphqlResult } from 'c/presenceSyncConfig';
import type { Configuration } from 'c/presenceSyncCore';
import { CONFIGURATION_DEFAULTS, parseConfiguration } from 'c/presenceSyncCore';
import type { BridgeEvent } from 'c/presenceSyncBridgeProtocol';
import type PresenceSyncBridge from 'c/presenceSyncBridge';
import { bridgeUrl as orgBridgeUrl, createBridge, loadAgents, loadStatusLabels } from './adapters';
import { AVAILABILITY, HEALTH, UI } from './labels';
import {
    DEFAULT_SORT,
    HEARTBEAT_MINUTES,
    NO_FILTER,
    NO_TEAMS,
    STALE_AFTER_MS,
    TEAMS_NOT_CONNECTED,
    buildRows,
    filterRows,
    pageOf,
    setupOptions,
    sortRows,
    statusOptions,
    summarize
} from './model';
import type { AgentRecord, AgentRow, Filter, SortField, SortOrder } from './model';
import {
    agreementText,
    durationText,
    format,
    presenceTone,
    lastSyncText,
    readFailureReason,
    teamsText,
    timeText
} from './present';
import { DashboardRefresher } from './refresh';
import type { RefreshState } from './refresh';

interface Column {
    field: SortField;
    label: string;
}

const COLUMNS: Column[] = [
    { field: 'name', label: UI.ColAgent },
    { field: 'status', label: UI.ColOmni },
    { field: 'since', label: UI.ColSince },
    { field: 'teams', label: UI.ColTeams },
    { field: 'agreement', label: UI.ColAgreement },
    { field: 'health', label: UI.ColHealth },
    { field: 'lastSync', label: UI.ColLastSync },
    { field: 'readAt', label: UI.ColLastRead }
];

/** The filter a summary count sets (`mismatch` toggles mismatchOnly). */
type CountKind = 'status' | 'teams' | 'mismatch' | 'health';

export default class LiveAgentDashboard extends LightningElement {
    labels = UI;
    state: RefreshState | null = null;
    filter: Filter = NO_FILTER;
    sort: SortOrder = DEFAULT_SORT;
    pageNumber = 1;
    now = Date.now();
    signInNeeded = false;

    private configurations = new Map<string, Configuration>();
    /** Omni status labels by DeveloperName (null: not loaded yet) */
    private statusLabels: Map<string, string> | null = null;
    /** the configurations wire has answered with data at least once */
    private configurationsRead = false;
    /** the configurations wire's error while it has not answered with data yet */
    private configurationsError: string | null = null;
    /** the configurations the agents use, sorted: the configurations wire runs once there are any */
    configurationIds: string[] = [];
    private refresher: DashboardRefresher | null = null;
    private bridge: PresenceSyncBridge | null = null;
    /** the bridge refuses init without a login hint: the supervisor's, from the Apex answer */
    private signInHint: string | null = null;
    private allRows: AgentRow[] = [];
    private rowsKey: unknown[] = [];
    private visibleRows: AgentRow[] = [];
    private visibleKey: unknown[] = [];

    // The agents' configurations: lightning/graphql's documented wire pattern (reactive variables; a
    // query given as '$property' runs once the property has a value: "GraphQL Wire Adapter Best
    // Practices"). The wire emits again when one of the records changes.
    get configurationsQuery(): unknown {
        return this.configurationIds.length === 0 ? undefined : CONFIGURATIONS_QUERY;
    }

    get configurationsVariables(): Record<string, unknown> | undefined {
        return this.configurationIds.length === 0
            ? undefined
            : configurationsVariables(this.configurationIds);
    }

    /**
     * A configuration that is missing or does not parse is left out (its agents are not compared). A
     * failed read before any answer is shown (without configurations there is no Azure app to sign in
     * with); a later failure keeps the configurations read before.
     */
    @wire(graphql, { query: '$configurationsQuery', variables: '$configurationsVariables' })
    wiredConfigurations(result: GraphqlResult): void {
        if (!hasAnswered(result)) return;
        const error = graphqlError(result);
        if (error !== null) {
            if (!this.configurationsRead) this.configurationsError = error;
            return;
        }
        this.configurationsError = null;
        this.configurationsRead = true;
        const next = new Map<string, Configuration>();
        for (const { id, record } of readConfigurations(result.data)) {
            const parsed = parseConfiguration(record);
            if (parsed.ok) next.set(id, parsed.configuration);
        }
        this.configurations = next;
        const first = [...next.values()][0];
        if (first !== undefined) {
            this.refresher?.setOptions({
                floorSeconds: first.pollIntervalSeconds,
                ceilingSeconds: first.maxPollIntervalSeconds
            });
        }
    }

    override connectedCallback(): void {
        this.refresher = new DashboardRefresher(
            {
                loadAgents: () => this.loadAgents(),
                readPresences: (ids) => {
                    if (this.bridge === null) {
                        return Promise.resolve({ ok: false, error: { kind: 'signInRequired' } });
                    }
                    return this.bridge.request('getPresencesByUserId', { ids });
                },
                now: () => Date.now(),
                // eslint-disable-next-line @lwc/lwc/no-async-operation, @locker/locker/distorted-window-set-timeout -- LWS distorts only the string form of setTimeout (evaluated in the sandbox); this passes a function
                setTimeout: (fn, ms) => setTimeout(fn, ms),
                // eslint-disable-next-line @locker/locker/distorted-window-set-timeout -- a type query, not a call
                clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
                random: () => Math.random(),
                hidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden'
            },
            {
                floorSeconds: CONFIGURATION_DEFAULTS.pollIntervalSeconds,
                ceilingSeconds: CONFIGURATION_DEFAULTS.maxPollIntervalSeconds
            },
            (state) => {
                this.now = Date.now();
                this.state = state;
            }
        );
        this.refresher.refresh();
    }

    override renderedCallback(): void {
        this.startBridge();
    }

    override disconnectedCallback(): void {
        this.refresher?.dispose();
        this.refresher = null;
        this.bridge?.dispose();
        this.bridge = null;
    }

    private async loadAgents(): Promise<AgentRecord[]> {
        const { agents, signInHint } = await loadAgents();
        this.signInHint = signInHint;
        if (this.statusLabels === null) {
            // without them a mismatch names the status by its API name: a missing label is not fatal
            this.statusLabels = await loadStatusLabels().catch(() => new Map<string, string>());
        }
        const ids = [
            ...new Set(agents.map((a) => a.configurationId).filter((id): id is string => id !== null))
        ]
            .sort()
            .slice(0, CONFIGURATIONS_LIMIT);
        // a new set of configurations re-runs the wire; the same set keeps its answer
        if (ids.join() !== this.configurationIds.join()) this.configurationIds = ids;
        return agents;
    }

    /**
     * The Azure app the dashboard signs in with (the first configuration that has one and a tenant id):
     * the supervisors' own registration when the admin entered one (least privilege: only it holds
     * Presence.Read.All, so agents' tokens cannot read everyone), else the agents' registration.
     */
    private get azureApp(): { clientId: string; tenantId: string } | null {
        for (const config of this.configurations.values()) {
            const clientId = config.supervisorAzureClientId ?? config.azureClientId;
            if (clientId !== null && config.azureTenantId !== null) {
                return { clientId, tenantId: config.azureTenantId };
            }
        }
        return null;
    }

    private startBridge(): void {
        if (this.bridge !== null || this.refresher === null) return;
        const app = this.azureApp;
        const container = this.template?.querySelector<HTMLElement>('.bridge') ?? null;
        const bridgeUrl = orgBridgeUrl();
        const loginHint = this.signInHint;
        if (app === null || container === null || bridgeUrl === null || loginHint === null) return;
        const bridge = createBridge(bridgeUrl, container, (event) => this.onBridgeEvent(event));
        this.bridge = bridge;
        bridge.start();
        bridge.request('init', { ...app, loginHint, role: 'supervisor' }).then((result) => {
            if (this.bridge !== bridge) return;
            const signedIn = result.ok && result.value.account !== null;
            this.signInNeeded = !signedIn;
            this.refresher?.setTeams(signedIn ? 'ready' : 'signedOut');
        });
    }

    private onBridgeEvent(event: BridgeEvent): void {
        if (event.type === 'signedIn') {
            this.signInNeeded = false;
            this.refresher?.setTeams('ready');
        } else if (event.type === 'signedOut') {
            this.signInNeeded = true;
            this.refresher?.setTeams('signedOut');
        }
    }

    handleConnect(): void {
        this.bridge?.connect();
    }

    handleRefresh(): void {
        this.refresher?.refresh();
    }

    handleSort(event: Event): void {
        const field = (event.currentTarget as HTMLElement).dataset.field as SortField;
        const direction =
            this.sort.field === field && this.sort.direction === 'ascending' ? 'descending' : 'ascending';
        this.sort = { field, direction };
        this.pageNumber = 1;
    }

    handleStatusFilter(event: Event): void {
        this.filter = { ...this.filter, status: (event.target as HTMLSelectElement).value };
        this.pageNumber = 1;
    }

    handleMismatchOnly(event: Event): void {
        this.filter = { ...this.filter, mismatchOnly: (event.target as HTMLInputElement).checked };
        this.pageNumber = 1;
    }

    handleSetupFilter(event: Event): void {
        this.filter = { ...this.filter, setup: (event.target as HTMLSelectElement).value };
        this.pageNumber = 1;
    }

    /** A summary count: shows only its agents; pressed again, shows all again. */
    handleCount(event: Event): void {
        const data = (event.currentTarget as HTMLElement).dataset;
        const kind = data.kind as CountKind;
        const value = data.value ?? '';
        if (kind === 'mismatch') {
            this.filter = { ...this.filter, mismatchOnly: !this.filter.mismatchOnly };
        } else {
            this.filter = { ...this.filter, [kind]: this.filter[kind] === value ? '' : value };
        }
        this.pageNumber = 1;
    }

    handleClearFilters(): void {
        this.filter = { ...NO_FILTER, setup: this.filter.setup, search: this.filter.search };
        this.pageNumber = 1;
    }

    handleSearch(event: Event): void {
        this.filter = { ...this.filter, search: (event.target as HTMLInputElement).value };
        this.pageNumber = 1;
    }

    handleFirst(): void {
        this.showPage(1);
    }

    handlePrevious(): void {
        this.showPage(this.currentPage.page - 1);
    }

    handleNext(): void {
        this.showPage(this.currentPage.page + 1);
    }

    handleLast(): void {
        this.showPage(this.currentPage.pageCount);
    }

    handlePageSelect(event: Event): void {
        this.showPage(Number((event.target as HTMLSelectElement).value));
    }

    /** Shows a page and brings the table's top into view (the paging bar is below it). */
    private showPage(page: number): void {
        this.pageNumber = Math.min(Math.max(1, page), this.currentPage.pageCount);
        this.template?.querySelector<HTMLElement>('table.agents')?.scrollIntoView?.({ block: 'start' });
    }

    /** The label of an Omni status the user sees; the API name only when the org has no label for it. */
    private statusLabel(apiName: string): string {
        return this.statusLabels?.get(apiName) ?? apiName.replace(/_/g, ' ');
    }

    // ---- view ----

    private get rows(): AgentRow[] {
        const state = this.state;
        // the health depends on the time too: a heartbeat goes stale while nothing else changes
        const key = [state?.agents, state?.readings, this.configurations, this.now];
        if (state !== null && key.some((k, i) => k !== this.rowsKey[i])) {
            this.allRows = buildRows(state.agents, this.configurations, state.readings, this.now);
            this.rowsKey = key;
        }
        return this.allRows;
    }

    private get filtered(): AgentRow[] {
        const all = this.rows;
        const key = [all, this.filter, this.sort];
        if (key.some((k, i) => k !== this.visibleKey[i])) {
            this.visibleRows = sortRows(filterRows(all, this.filter), this.sort);
            this.visibleKey = key;
        }
        return this.visibleRows;
    }

    get loading(): boolean {
        return this.state === null || !this.state.loaded;
    }

    get loadErrorText(): string | null {
        const error = this.state?.loadError ?? null;
        return error === null ? null : format(UI.LoadFailed, error);
    }

    /** The agents' configurations could not be read: no Azure app, no comparison. */
    get configurationsErrorText(): string | null {
        const error = this.configurationsError;
        return error === null || this.configurationIds.length === 0
            ? null
            : format(UI.ConfigurationsFailed, error);
    }

    /** The configurations were read, but none names the Azure app to sign in with. */
    get noAzureAppText(): string | null {
        return this.configurationsRead && this.configurationIds.length > 0 && this.azureApp === null
            ? UI.NoAzureApp
            : null;
    }

    get columns() {
        return COLUMNS.map((c) => {
            const sorted = this.sort.field === c.field;
            return {
                field: c.field,
                label: c.label,
                ariaSort: sorted ? this.sort.direction : 'none',
                sortLabel: format(UI.SortBy, c.label),
                className: `slds-is-sortable${sorted ? ' slds-is-sorted slds-is-sorted_' + (this.sort.direction === 'ascending' ? 'asc' : 'desc') : ''}`,
                arrow: sorted ? (this.sort.direction === 'ascending' ? '▲' : '▼') : ''
            };
        });
    }

    get statusChoices() {
        return [
            { value: '', label: UI.AllStatuses, selected: this.filter.status === '' },
            ...statusOptions(this.rows).map((o) => ({
                value: o.value,
                label: o.label ?? (o.value === 'Offline' ? UI.LoggedOut : o.value),
                selected: this.filter.status === o.value
            }))
        ];
    }

    get setupChoices() {
        return [
            { value: '', label: UI.AllSetups, selected: this.filter.setup === '' },
            ...setupOptions(this.state?.agents ?? []).map((o) => ({
                ...o,
                selected: this.filter.setup === o.value
            }))
        ];
    }

    /** The summary strip: one toggle button per count, in groups (counts of the chosen setup's agents). */
    get summaryGroups() {
        const summary = summarize(this.rows, this.filter.setup);
        const item = (kind: CountKind, value: string, label: string, count: number, pressed: boolean) => ({
            key: `${kind}:${value}`,
            kind,
            value,
            label,
            count,
            pressed: pressed ? 'true' : 'false',
            className: `slds-button count count_${kind}${pressed ? ' slds-button_brand' : ' slds-button_neutral'}`
        });
        const omni = statusOptions(this.rows)
            .filter((o) => summary.omni.has(o.value))
            .map((o) =>
                item(
                    'status',
                    o.value,
                    o.label ?? (o.value === 'Offline' ? UI.LoggedOut : o.value),
                    summary.omni.get(o.value) ?? 0,
                    this.filter.status === o.value
                )
            );
        const teams = [...summary.teams.entries()]
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
            .map(([value, count]) =>
                item(
                    'teams',
                    value,
                    value === NO_TEAMS
                        ? UI.NotRead
                        : value === TEAMS_NOT_CONNECTED
                          ? UI.NotConnected
                          : (AVAILABILITY[value] ?? value),
                    count,
                    this.filter.teams === value
                )
            );
        const health = [...summary.health.entries()].map(([value, count]) =>
            item('health', value, HEALTH[value] ?? value, count, this.filter.health === value)
        );
        return [
            { key: 'omni', label: UI.ColOmni, items: omni },
            { key: 'teams', label: UI.ColTeams, items: teams },
            {
                key: 'mismatch',
                label: UI.ColAgreement,
                items: [
                    item('mismatch', 'mismatch', UI.Mismatches, summary.mismatches, this.filter.mismatchOnly)
                ]
            },
            { key: 'health', label: UI.ColHealth, items: health }
        ];
    }

    get filtersActive(): boolean {
        const f = this.filter;
        return f.status !== '' || f.teams !== '' || f.health !== '' || f.mismatchOnly;
    }

    get mismatchOnly(): boolean {
        return this.filter.mismatchOnly;
    }

    private get currentPage() {
        return pageOf(this.filtered, this.pageNumber);
    }

    get tableRows() {
        const now = this.now;
        return this.currentPage.rows.map((row) => {
            const tone =
                row.teams === null && row.reading === null
                    ? 'none'
                    : presenceTone(row.teams?.availability ?? null);
            return {
                key: row.userId,
                name: row.name,
                omni: row.statusLabel ?? (row.statusApiName === 'Offline' ? UI.LoggedOut : row.statusApiName),
                since: row.statusSince === null ? '' : durationText(now - row.statusSince),
                teams: teamsText(row),
                dotClass: `presence-dot presence-dot_${tone}`,
                showDot: tone !== 'none',
                agreement: agreementText(
                    row.agreement,
                    row.expectedStatus === null ? null : this.statusLabel(row.expectedStatus)
                ),
                notConnected: row.agreement === 'notConnected',
                // "Not connected" explained where it shows (on hover), besides the help under the table
                hint: row.objectId === null ? UI.NotConnectedHelp : null,
                agreementClass: `agreement agreement_${row.agreement}`,
                rowClass: row.agreement === 'mismatch' ? 'row row_mismatch' : 'row',
                agreementState: row.agreement,
                health: HEALTH[row.health] ?? row.health,
                healthClass: `health health_${row.health}`,
                healthState: row.health,
                lastSync: row.lastSyncAt === null ? '' : lastSyncText(row.lastSyncAt, now),
                lastRead:
                    row.objectId === null
                        ? ''
                        : row.reading === null
                          ? UI.Never
                          : timeText(row.reading.readAt)
            };
        });
    }

    get noRows(): boolean {
        return this.currentPage.rows.length === 0;
    }

    /** rows of the whole filtered table, header row included (only one page of them is in the DOM) */
    get rowCount(): number {
        return this.filtered.length + 1;
    }

    get countsText(): string {
        const page = this.currentPage;
        const mismatches = this.rows.filter((r) => r.agreement === 'mismatch').length;
        if (page.total === 0) return format(UI.NoneShown, this.rows.length, mismatches);
        return format(UI.Showing, page.first, page.last, page.total, this.rows.length, mismatches);
    }

    /** the paging bar (sticky below the table), only when there is more than one page */
    get showPaging(): boolean {
        return this.currentPage.pageCount > 1;
    }

    get pageChoices() {
        const page = this.currentPage;
        return Array.from({ length: page.pageCount }, (_, i) => ({
            value: String(i + 1),
            label: String(i + 1),
            selected: i + 1 === page.page
        }));
    }

    /** "Not connected" explained under the table whenever a row shows it */
    get showNotConnectedHelp(): boolean {
        return this.currentPage.rows.some((row) => row.agreement === 'notConnected');
    }

    /** "No connector running" explained under the table whenever a row shows it */
    get staleHelp(): string | null {
        return this.currentPage.rows.some((row) => row.health === 'stale')
            ? format(UI.StaleHelp, STALE_AFTER_MS / 60_000, HEARTBEAT_MINUTES)
            : null;
    }

    get pageText(): string {
        const page = this.currentPage;
        return format(UI.PageOf, page.page, page.pageCount);
    }

    get previousDisabled(): boolean {
        return this.currentPage.page <= 1;
    }

    get nextDisabled(): boolean {
        const page = this.currentPage;
        return page.page >= page.pageCount;
    }

    get refreshing(): boolean {
        return this.state?.refreshing === true;
    }

    get refreshText(): string {
        const state = this.state;
        if (state === null || state.refreshing) return UI.Refreshing;
        return state.lastRefresh === null
            ? UI.NotRefreshed
            : format(UI.LastRefresh, timeText(state.lastRefresh));
    }

    get nextRefreshText(): string | null {
        const next = this.state?.nextRefresh ?? null;
        return next === null ? null : format(UI.NextRefresh, timeText(next));
    }

    get throttledText(): string | null {
        const state = this.state;
        if (state === null || state.retry.reason !== 'throttled' || state.retry.waitUntil === null)
            return null;
        if (state.retry.waitUntil <= this.now) return null;
        const seconds = Math.ceil((state.retry.waitUntil - this.now) / 1000);
        return format(UI.Throttled, timeText(state.retry.waitUntil), seconds);
    }

    get failureText(): string | null {
        const state = this.state;
        if (state === null || state.teamsError === null || state.retry.reason === 'throttled') return null;
        if (state.retry.waitUntil === null) return null;
        return format(
            UI.ReadFailed,
            readFailureReason(state.teamsError.kind),
            timeText(state.retry.waitUntil)
        );
    }

    get showConnect(): boolean {
        return this.signInNeeded && this.bridge !== null;
    }
}
