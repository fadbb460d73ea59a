/// <reference lib="dom" />
/**
 * The console shell (browser side): plays Lightning Experience around the compiled components.
 * - `console` page: a service console with a utility bar at the bottom whose "CTI Data Connector" item
 *   hosts `c-cti-data-connector` through the Aura host stand-in (fake Omni toolkit); panels for the
 *   Omni-Channel widget (status picker, supervisor change, work), a CTI softphone (call state on the
 *   PresenceSync__c message channel, the reason code the connector publishes), and a Microsoft Teams
 *   client (the Graph emulator's control API: manual status, in a call, client sign-in, live presence);
 *   a language switch and the Call Center Setup picker (which configuration applies to the agent);
 *   `?colleagues=N` puts N other agents on the agent's Call Center Setup (the tenant size the connector
 *   learns for its poll budget).
 * - `admin` page: a Presence State Configuration record page with `c-presence-authorization`.
 * - `dashboard` page: an app page with `c-live-agent-dashboard` (harness/console/dashboardPage.ts).
 * Everything a test needs is reachable through `data-harness` attributes and `window.harness`.
 */
import { ADMIN, AGENT, CONNECTOR_UTILITY_ID, ORG_STORE_KEY, SETUPS } from '../platform/constants';
import { makeId } from '../platform/ids';
import {
    installRuntime,
    languageOf,
    localStore,
    notifyRecordChange,
    type PlatformRuntime
} from '../platform/runtime';
import { SHOW_TOAST_EVENT } from '../platform/platformShowToastEvent';
import { dashboardPage } from './dashboardPage';
import { AuraHostStandIn, FakeOmniToolkit, type ConnectorElement } from './omniToolkit';
import type { PageConfig } from './pageConfig';

type CreateElement = (tag: string, options: { is: unknown }) => HTMLElement;

const TEAMS_MANUAL = ['Available', 'Busy', 'DoNotDisturb', 'BeRightBack', 'Away', 'AppearOffline', 'Reset'];

type Child = Node | string | null | undefined | false;

function h(
    tag: string,
    attrs: Record<string, string | boolean | undefined> = {},
    ...children: Child[]
): HTMLElement {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === false) continue;
        el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
    return el;
}

function icon(name: string, extraClass = ''): SVGElement {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', `slds-icon slds-icon_x-small slds-icon-text-default ${extraClass}`.trim());
    svg.setAttribute('aria-hidden', 'true');
    const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
    use.setAttribute('href', `/slds/icons/utility-sprite/svg/symbols.svg#${name}`);
    svg.append(use);
    return svg;
}

function card(title: string, name: string, ...body: Child[]): HTMLElement {
    return h(
        'article',
        { class: 'slds-card harness-card', 'data-harness': name },
        h(
            'div',
            { class: 'slds-card__header' },
            h('h2', { class: 'slds-card__header-title slds-text-heading_small' }, title)
        ),
        h('div', { class: 'slds-card__body slds-card__body_inner' }, ...body)
    );
}

function button(label: string, name: string, onClick: () => void, variant = 'neutral'): HTMLElement {
    const b = h(
        'button',
        { class: `slds-button slds-button_${variant}`, 'data-harness': name, type: 'button' },
        label
    );
    b.addEventListener('click', onClick);
    return b;
}

function select(
    name: string,
    options: { value: string; label: string }[],
    value?: string
): HTMLSelectElement {
    const s = h('select', { class: 'slds-select', 'data-harness': name }) as HTMLSelectElement;
    for (const o of options) s.append(h('option', { value: o.value, selected: o.value === value }, o.label));
    return s;
}

function logBox(name: string): { element: HTMLElement; add(line: string): void } {
    const element = h('ol', { class: 'harness-log slds-text-font_monospace', 'data-harness': name });
    return {
        element,
        add(line: string) {
            const time = new Date().toISOString().slice(11, 19);
            element.prepend(h('li', {}, `${time} ${line}`));
            while (element.childElementCount > 40) element.lastElementChild?.remove();
        }
    };
}

function navigate(params: Record<string, string | null>): void {
    const url = new URL(location.href);
    for (const [k, v] of Object.entries(params)) {
        if (v === null) url.searchParams.delete(k);
        else url.searchParams.set(k, v);
    }
    location.assign(url.toString());
}

// --- toasts -------------------------------------------------------------------------------------

function installToasts(runtime: PlatformRuntime): HTMLElement {
    const container = h('div', { class: 'slds-notify_container harness-toasts', 'data-harness': 'toasts' });
    document.addEventListener(SHOW_TOAST_EVENT, (event) => {
        const detail =
            (event as CustomEvent<{ title?: string; message?: string; variant?: string }>).detail ?? {};
        runtime.toasts.push({ ...detail });
        const variant = detail.variant ?? 'info';
        const toast = h(
            'div',
            {
                class: `slds-notify slds-notify_toast slds-theme_${variant}`,
                role: 'status',
                'data-harness': 'toast'
            },
            h(
                'div',
                { class: 'slds-notify__content' },
                h('h2', { class: 'slds-text-heading_small' }, detail.title ?? ''),
                detail.message ? h('p', {}, detail.message) : null
            )
        );
        container.append(toast);
        setTimeout(() => toast.remove(), 6000);
    });
    return container;
}

// --- Teams client panel -------------------------------------------------------------------------

function teamsPanel(config: PageConfig): HTMLElement {
    const params = new URLSearchParams(location.search);
    let user = params.get('teamsUser') ?? config.teamsUser;
    const log = logBox('teams-log');
    const presence = h('div', { class: 'harness-presence', 'data-harness': 'teams-presence' }, '…');
    const detail = h('div', {
        class: 'slds-text-body_small harness-muted',
        'data-harness': 'teams-presence-detail'
    });
    const control = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(`${config.urls.control}/${path}`, {
            method,
            headers: body ? { 'Content-Type': 'application/json' } : {},
            ...(body ? { body: JSON.stringify(body) } : {})
        });
        const text = await res.text();
        if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
        return text ? (JSON.parse(text) as unknown) : undefined;
    };
    const act = (what: string, method: string, path: string, body?: unknown) => {
        control(method, path, body).then(
            () => {
                log.add(what);
                void refresh();
            },
            (e: unknown) => log.add(`✗ ${what}: ${e instanceof Error ? e.message : String(e)}`)
        );
    };
    const u = () => encodeURIComponent(user);
    const refresh = async () => {
        try {
            const p = (await control('GET', `users/${u()}/presence`)) as {
                availability: string;
                activity: string;
                source: string;
                sessions: {
                    sessionId: string;
                    kind: string;
                    effectiveAvailability: string;
                    effectiveActivity: string;
                }[];
                preferred?: { availability: string; activity: string };
            };
            presence.textContent = `${p.availability} / ${p.activity}`;
            presence.dataset.availability = p.availability;
            presence.dataset.activity = p.activity;
            const parts = [`source: ${p.source}`];
            if (p.preferred) parts.push(`preferred ${p.preferred.availability}/${p.preferred.activity}`);
            for (const s of p.sessions) {
                parts.push(
                    `${s.kind} ${s.sessionId.slice(0, 8)} ${s.effectiveAvailability}/${s.effectiveActivity}`
                );
            }
            detail.textContent = parts.join(' · ');
        } catch (e) {
            presence.textContent = 'unreachable';
            detail.textContent = e instanceof Error ? e.message : String(e);
        }
    };
    setInterval(() => void refresh(), 1000);
    void refresh();
    const users = select(
        'teams-user',
        config.teamsUsers.map((x) => ({ value: x.upn, label: `${x.name} (${x.upn})` })),
        user
    );
    users.addEventListener('change', () => {
        user = users.value;
        void refresh();
    });
    const manual = select(
        'teams-manual-status',
        TEAMS_MANUAL.map((s) => ({ value: s, label: s }))
    );
    return card(
        'Microsoft Teams client',
        'teams-panel',
        h('div', { class: 'slds-form-element slds-m-bottom_x-small' }, users),
        h('div', { class: 'slds-text-title' }, 'Teams shows'),
        presence,
        detail,
        h(
            'div',
            { class: 'harness-row' },
            manual,
            button('Set status', 'teams-set-status', () =>
                act(`manual status ${manual.value}`, 'POST', `users/${u()}/manual-status`, {
                    status: manual.value
                })
            )
        ),
        h(
            'div',
            { class: 'harness-row' },
            button('Start Teams call', 'teams-call-start', () =>
                act('Teams call started', 'POST', `users/${u()}/call`, { inCall: true })
            ),
            button('End Teams call', 'teams-call-end', () =>
                act('Teams call ended', 'POST', `users/${u()}/call`, { inCall: false })
            )
        ),
        h(
            'div',
            { class: 'harness-row' },
            button('Sign in Teams client', 'teams-sign-in', () =>
                act('Teams desktop client signed in', 'POST', `users/${u()}/teams-client`, {
                    availability: 'Available',
                    activity: 'Available'
                })
            ),
            button('Sign out Teams client', 'teams-sign-out', () =>
                act('Teams desktop client signed out', 'DELETE', `users/${u()}/teams-client?client=desktop`)
            )
        ),
        log.element
    );
}

// --- Omni-Channel and softphone panels ----------------------------------------------------------

function omniPanel(toolkit: FakeOmniToolkit, hostLog: { element: HTMLElement; add(line: string): void }) {
    const statusOptions = [
        ...toolkit.statuses.map((s) => ({ value: s.statusApiName, label: s.statusName })),
        { value: 'Offline', label: 'Offline' }
    ];
    const current = h('div', { class: 'harness-presence', 'data-harness': 'omni-status' }, 'Offline');
    const show = () => {
        const s = toolkit.status;
        current.textContent = s ? s.statusName : 'Offline';
        current.dataset.status = s ? s.statusApiName : 'Offline';
    };
    toolkit.onEvent((e) => {
        show();
        hostLog.add(`Omni ${e.type}${'reason' in e && e.reason ? ` (${e.reason})` : ''}`);
    });
    const picker = select('omni-status-picker', statusOptions, 'Offline');
    picker.addEventListener('change', () => toolkit.pick(picker.value));
    const supervisor = select('omni-supervisor-status', statusOptions, 'Busy');
    return card(
        'Omni-Channel',
        'omni-panel',
        h('div', { class: 'slds-text-title' }, 'Agent status'),
        current,
        h('label', { class: 'slds-form-element__label' }, 'Change my status'),
        picker,
        h('label', { class: 'slds-form-element__label slds-m-top_x-small' }, 'Supervisor sets the agent to'),
        h(
            'div',
            { class: 'harness-row' },
            supervisor,
            button('Supervisor change', 'omni-supervisor-change', () =>
                toolkit.supervisorChange(supervisor.value)
            )
        ),
        h(
            'div',
            { class: 'harness-row' },
            button('Accept work', 'omni-accept-work', () => toolkit.acceptWork()),
            button('Close work', 'omni-close-work', () => toolkit.closeWork())
        ),
        h('div', { class: 'slds-text-title slds-m-top_x-small' }, 'Aura host (events, commands)'),
        hostLog.element
    );
}

function softphonePanel(runtime: PlatformRuntime): HTMLElement {
    const log = logBox('softphone-log');
    const reason = h('div', { class: 'harness-presence', 'data-harness': 'softphone-reason-code' }, '—');
    const state = h('span', { 'data-harness': 'softphone-call-state' }, 'idle');
    const context = {};
    let calls = 0;
    let callId = '';
    runtime.lms.tap((record) => {
        if (record.channel !== 'PresenceSync__c') return;
        const m = (record.message ?? {}) as Record<string, unknown>;
        log.add(`${String(m.source ?? '?')}: ${JSON.stringify(m)}`);
        if (m.source !== 'softphone' && 'phoneReasonCode' in m) {
            reason.textContent = String(m.phoneReasonCode ?? '') || '(blank)';
            reason.dataset.statusApiName = String(m.statusApiName ?? '');
        }
    });
    // the softphone also listens, as an Open CTI softphone subscribed to the channel would
    runtime.lms.subscribe(context, 'PresenceSync__c', () => undefined);
    const send = (callState: string) => {
        if (callState === 'ringing' || (callState === 'connected' && !callId)) {
            calls += 1;
            callId = `call-${calls}`;
        }
        state.textContent = callState;
        runtime.lms.publish('PresenceSync__c', { callState, callId, source: 'softphone' });
        if (callState === 'wrapUpEnded') callId = '';
    };
    return card(
        'Softphone (Open CTI)',
        'softphone-panel',
        h('div', { class: 'slds-text-title' }, 'Phone system reason code (from the connector)'),
        reason,
        h('div', { class: 'slds-text-body_small' }, 'Call: ', state),
        h(
            'div',
            { class: 'harness-row' },
            button('Ring', 'softphone-ring', () => send('ringing')),
            button('Answer / start call', 'softphone-connect', () => send('connected'), 'brand'),
            button('Hold', 'softphone-hold', () => send('held'))
        ),
        h(
            'div',
            { class: 'harness-row' },
            button('End call', 'softphone-end', () => send('ended'), 'destructive'),
            button('Wrap-up done', 'softphone-wrapup-ended', () => send('wrapUpEnded'))
        ),
        log.element
    );
}

// --- utility bar --------------------------------------------------------------------------------

/**
 * The utility panel's width in CSS pixels from `?utilityWidth=` (160 to 1200), or null for the shell's
 * default (24rem). In an org a utility item's panel is as wide as the `width` decorator of its item in
 * the utility bar's FlexiPage, which an admin changes in App Manager: 400 for the connector, 340 for the
 * Omni-Channel utility beside it (PresenceSyncConsole_UtilityBar).
 */
function utilityWidth(params: URLSearchParams): number | null {
    const width = Number(params.get('utilityWidth'));
    return Number.isInteger(width) && width >= 160 && width <= 1200 ? width : null;
}

function utilityBar(runtime: PlatformRuntime, content: HTMLElement, startOpen: boolean): HTMLElement {
    const item = runtime.utilityBar.add({
        id: CONNECTOR_UTILITY_ID,
        label: 'CTI Data Connector',
        icon: 'call',
        highlighted: false,
        panelVisible: startOpen,
        panelHeaderLabel: 'CTI Data Connector',
        panelHeaderIcon: 'call',
        isLoaded: true
    });
    const label = h('span', { class: 'slds-utility-bar__text', 'data-harness': 'utility-label' });
    const iconHolder = h('span', {
        class: 'slds-icon_container slds-utility-bar__icon',
        'data-harness': 'utility-icon'
    });
    const buttonEl = h(
        'button',
        { class: 'slds-button slds-utility-bar__action', type: 'button', 'data-harness': 'utility-button' },
        iconHolder,
        label
    );
    const li = h('li', { class: 'slds-utility-bar__item' }, buttonEl);
    const headerLabel = h('span', { 'data-harness': 'utility-panel-label' });
    const panel = h(
        'section',
        {
            class: 'slds-utility-panel slds-grid slds-grid_vertical harness-utility-panel',
            role: 'dialog',
            'data-harness': 'utility-panel'
        },
        h(
            'header',
            { class: 'slds-utility-panel__header slds-grid slds-shrink-none' },
            h('h2', { class: 'slds-text-heading_small slds-col' }, headerLabel),
            button(
                '–',
                'utility-minimize',
                () => {
                    item.panelVisible = false;
                    runtime.utilityBar.changed(item);
                },
                'icon'
            )
        ),
        h('div', { class: 'slds-utility-panel__body', 'data-utility-id': CONNECTOR_UTILITY_ID }, content)
    );
    const width = utilityWidth(new URLSearchParams(location.search));
    if (width !== null) panel.style.width = `${width}px`;
    const render = () => {
        label.textContent = item.label;
        headerLabel.textContent = item.panelHeaderLabel;
        iconHolder.replaceChildren(
            icon(
                item.icon,
                item.iconVariant ? `slds-icon-text-${item.iconVariant}` : 'slds-icon-text-default'
            )
        );
        iconHolder.dataset.icon = item.icon;
        iconHolder.dataset.variant = item.iconVariant ?? '';
        li.classList.toggle('slds-has-notification', item.highlighted);
        li.dataset.highlighted = String(item.highlighted);
        buttonEl.classList.toggle('slds-is-active', item.panelVisible);
        panel.classList.toggle('slds-is-open', item.panelVisible);
        panel.hidden = !item.panelVisible;
    };
    runtime.utilityBar.onChange((changed) => {
        if (changed === item) render();
    });
    buttonEl.addEventListener('click', () => {
        item.panelVisible = !item.panelVisible;
        render();
        for (const handler of item.clickHandlers) handler({ panelVisible: item.panelVisible });
    });
    render();
    return h(
        'footer',
        { class: 'slds-utility-bar_container harness-utility-bar', 'aria-label': 'Utility Bar' },
        h('ul', { class: 'slds-utility-bar' }, li),
        panel
    );
}

// --- pages --------------------------------------------------------------------------------------

function header(title: string, config: PageConfig, extra: Child[]): HTMLElement {
    const lang = select(
        'language',
        [
            { value: 'en', label: 'English' },
            { value: 'de', label: 'Deutsch' }
        ],
        languageOf(location.search)
    );
    lang.addEventListener('change', () => navigate({ lang: lang.value === 'de' ? 'de' : null }));
    return h(
        'header',
        { class: 'slds-global-header_container harness-header' },
        h(
            'div',
            { class: 'slds-global-header slds-grid slds-grid_align-spread' },
            h(
                'div',
                { class: 'slds-global-header__item' },
                h('span', { class: 'slds-text-heading_medium' }, title),
                h('span', { class: 'slds-badge slds-m-left_small' }, 'local harness'),
                h(
                    'span',
                    { class: 'slds-text-body_small slds-m-left_small harness-muted' },
                    `${config.snapshot.user.Name}`
                )
            ),
            h('div', { class: 'slds-global-header__item harness-row' }, ...extra, lang)
        )
    );
}

function applySetupParam(runtime: PlatformRuntime): void {
    const key = new URLSearchParams(location.search).get('setup');
    if (!key) return;
    const choice = SETUPS.find((s) => s.key === key);
    const setting = runtime.org
        .records('PresenceSyncUserSetting__c')
        .find((r) => r.UserKey__c === runtime.org.snapshot.user.Id);
    if (!choice || !setting) return;
    const setup = runtime.org.records('CallCenterSetup__c').find((s) => s.Name === choice.name);
    const target = setup ? setup.Id : null;
    if (setting.CallCenterSetup__c !== target) {
        // the admin assigns the agent's Call Center Setup
        runtime.org.update(setting.Id, { CallCenterSetup__c: target });
        notifyRecordChange([setting.Id]);
    }
}

/** Name prefix of the other agents' settings `?colleagues=N` creates. */
const COLLEAGUE = 'Colleague ';
const MAX_COLLEAGUES = 5000;

/**
 * `?colleagues=N` (0 to 5,000): the org holds N other agents' Presence Sync User Settings on the agent's
 * Call Center Setup, so on the same app registration, as an admin's data load creates them (owned by the
 * admin: the harness org has three users; the agent sees none of them). PresenceSyncTenantController
 * counts them; the connector's poll budget follows. Kept across reloads like any org data.
 */
function applyColleaguesParam(runtime: PlatformRuntime): void {
    const raw = new URLSearchParams(location.search).get('colleagues');
    if (raw === null) return;
    const wanted = Math.min(MAX_COLLEAGUES, Math.max(0, Math.floor(Number(raw)) || 0));
    const org = runtime.org;
    const settings = org.records('PresenceSyncUserSetting__c');
    const own = settings.find((r) => r.UserKey__c === org.snapshot.user.Id);
    const colleagues = settings.filter((r) => String(r.Name ?? '').startsWith(COLLEAGUE));
    for (const r of colleagues.slice(wanted)) org.delete(r.Id);
    for (let i = colleagues.length; i < wanted; i++) {
        org.create('PresenceSyncUserSetting__c', {
            Name: `${COLLEAGUE}${i + 1}`,
            UserKey__c: makeId('005', 200_000 + i),
            OwnerId: ADMIN.Id,
            CallCenterSetup__c: own?.CallCenterSetup__c ?? null
        });
    }
}

function currentSetupKey(runtime: PlatformRuntime): string {
    const setting = runtime.org
        .records('PresenceSyncUserSetting__c')
        .find((r) => r.UserKey__c === runtime.org.snapshot.user.Id);
    const setup = runtime.org.records('CallCenterSetup__c').find((s) => s.Id === setting?.CallCenterSetup__c);
    return SETUPS.find((s) => s.name === setup?.Name)?.key ?? 'none';
}

let skippedComponents: { component: string; error: string }[] = [];

function placeholder(tag: string, component: string): HTMLElement {
    const skipped = skippedComponents.find((s) => s.component === component);
    return h(
        'div',
        { class: 'slds-box slds-theme_shade slds-m-around_small', 'data-harness': 'placeholder' },
        h('p', { class: 'slds-text-heading_small' }, `${tag} is not part of this build`),
        h(
            'p',
            { class: 'slds-text-body_small' },
            skipped
                ? `It does not compile: ${skipped.error}`
                : 'The harness mounts it here as soon as its component exists under force-app/main/default/lwc.'
        )
    );
}

function consolePage(
    config: PageConfig,
    runtime: PlatformRuntime,
    createElement: CreateElement,
    components: Record<string, unknown>
) {
    applySetupParam(runtime);
    applyColleaguesParam(runtime);
    const toolkit = new FakeOmniToolkit(config.snapshot.servicePresenceStatuses, (name) =>
        runtime.access.servicePresenceStatus(name)
    );
    const hostLog = logBox('aura-host-log');
    const setupPicker = select(
        'setup-picker',
        SETUPS.map((s) => ({ value: s.key, label: `Call Center Setup: ${s.name}` })),
        currentSetupKey(runtime)
    );
    setupPicker.addEventListener('change', () => navigate({ setup: setupPicker.value }));
    const resetOrg = button('Reset org data', 'reset-org', () => {
        runtime.org.reset();
        navigate({ setup: null });
    });
    const connectorHost = h('div', { class: 'harness-connector-host' });
    let connector: ConnectorElement | undefined;
    let host: AuraHostStandIn | undefined;
    if (components.ctiDataConnector) {
        connector = createElement('c-cti-data-connector', {
            is: components.ctiDataConnector
        }) as ConnectorElement;
        host = new AuraHostStandIn(connector, toolkit, (line) => hostLog.add(line));
    }
    const params = new URLSearchParams(location.search);
    const workspace = h(
        'main',
        { class: 'harness-workspace' },
        omniPanel(toolkit, hostLog),
        softphonePanel(runtime),
        teamsPanel(config)
    );
    document.body.append(
        header('Service Console', config, [setupPicker, resetOrg]),
        installToasts(runtime),
        workspace,
        utilityBar(runtime, connectorHost, params.get('utility') !== 'closed')
    );
    if (connector && host) {
        connectorHost.append(connector); // eager load: created with the app, open or not
        const h0 = host;
        setTimeout(() => void h0.init(), 0);
    } else {
        connectorHost.append(placeholder('c-cti-data-connector', 'ctiDataConnector'));
    }
    return { toolkit, host, connector };
}

function adminPage(
    config: PageConfig,
    runtime: PlatformRuntime,
    createElement: CreateElement,
    components: Record<string, unknown>
) {
    const configurations = runtime.org.records('PresenceStateConfiguration__c');
    const params = new URLSearchParams(location.search);
    const record = configurations.find((c) => c.Id === params.get('recordId')) ?? configurations[0];
    const picker = select(
        'record-picker',
        configurations.map((c) => ({ value: c.Id, label: String(c.Name) })),
        record?.Id
    );
    picker.addEventListener('change', () => navigate({ recordId: picker.value }));
    const fields = ['SyncDirection__c', 'MeetingApplication__c', 'AzureClientId__c', 'AzureTenantId__c'];
    const describe = runtime.org.snapshot.objects.PresenceStateConfiguration__c;
    const highlights = h(
        'div',
        { class: 'slds-page-header slds-page-header_record-home' },
        h('div', { class: 'slds-text-title' }, describe?.label ?? 'Presence State Configuration'),
        h(
            'h1',
            { class: 'slds-page-header__title', 'data-harness': 'record-name' },
            String(record?.Name ?? '')
        ),
        h(
            'ul',
            { class: 'slds-page-header__detail-row harness-row' },
            ...fields.map((f) =>
                h(
                    'li',
                    {},
                    // the record page's highlights show each field's label and, for a picklist, the value's label
                    h('div', { class: 'slds-text-title' }, describe?.fields[f]?.label ?? f),
                    h(
                        'div',
                        {},
                        describe?.fields[f]?.picklistValues?.find((v) => v.value === record?.[f])?.label ??
                            String(record?.[f] ?? '')
                    )
                )
            )
        )
    );
    const slot = h('div', { class: 'slds-m-around_medium', 'data-harness': 'record-page-component' });
    document.body.append(
        header('Setup', config, [picker]),
        installToasts(runtime),
        h('main', { class: 'harness-record' }, highlights, slot)
    );
    if (components.presenceAuthorization && record) {
        const el = createElement('c-presence-authorization', {
            is: components.presenceAuthorization
        }) as HTMLElement & {
            recordId?: string;
            objectApiName?: string;
        };
        el.recordId = record.Id;
        el.objectApiName = 'PresenceStateConfiguration__c';
        slot.append(el);
    } else {
        slot.append(placeholder('c-presence-authorization', 'presenceAuthorization'));
    }
}

export function startHarnessPage(options: {
    createElement: CreateElement;
    components: Record<string, unknown>;
    skipped?: { component: string; error: string }[];
}): void {
    skippedComponents = options.skipped ?? [];
    const raw = document.getElementById('harness-config')?.textContent;
    if (!raw) throw new Error('harness page: no #harness-config');
    const config = JSON.parse(raw) as PageConfig;
    const runtime = installRuntime(config.snapshot, {
        language: languageOf(location.search),
        store: localStore(ORG_STORE_KEY)
    });
    document.documentElement.lang = runtime.language;
    const api: Record<string, unknown> = { runtime, config, agent: AGENT };
    if (config.page === 'admin') adminPage(config, runtime, options.createElement, options.components);
    else if (config.page === 'dashboard')
        api.dashboard = dashboardPage(config, options.createElement, options.components);
    else Object.assign(api, consolePage(config, runtime, options.createElement, options.components));
    (window as unknown as Record<string, unknown>).harness = api;
}
