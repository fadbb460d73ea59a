/**
 * Browser scenarios of the sync itself, driven through the console shell as an agent would (picker,
 * buttons, typing; the Teams panel for what the person does in Teams), each checked on every side a
 * person can look at: the connector panel (both statuses in words, health), the Omni-Channel panel,
 * the Teams panel and the Graph emulator's control API (aggregate, app session, preferred presence,
 * request log).
 *
 * The harness org's configurations poll Teams every HARNESS_POLL_INTERVAL_SECONDS (2 s, see
 * docs/harness.md), so Teams -> Salesforce takes seconds, not the delivered 10 s floor.
 */
import assert from 'node:assert/strict';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { CONSOLE_PATHS } from '../harness/console/mount';
import { BROKEN_CONFIGURATION_NAME } from '../harness/platform/constants';
import type { Environment } from './env';
import { ADA, waitUntil, type Scenario, type ScenarioContext } from './scenarios';
import { signInThroughPopup } from '../harness/browser/signInPopup';
import { waitFor } from './wait';

type Control = ScenarioContext['control'];

export interface ConsoleTab {
    page: Page;
    context: BrowserContext;
    errors: string[];
    /** Graph requests this tab sent (its bridge frame), as the browser saw them */
    graphRequests: { method: string; path: string; at: number }[];
}

/** A console tab; a fresh browser context unless one is given (a second tab of the same browser). */
export async function openConsoleTab(
    env: Environment,
    query: string,
    context?: BrowserContext
): Promise<ConsoleTab> {
    const ctx = context ?? (await env.newContext());
    const page = await ctx.newPage();
    const tab: ConsoleTab = { page, context: ctx, errors: [], graphRequests: [] };
    page.on('pageerror', (e) => tab.errors.push(e.message));
    const graphHost = new URL(env.harness.urls.graphApi).host;
    page.on('request', (r: Request) => {
        const url = new URL(r.url());
        if (url.host === graphHost && url.pathname.startsWith('/v1.0') && r.method() !== 'OPTIONS') {
            tab.graphRequests.push({ method: r.method(), path: url.pathname, at: Date.now() });
        }
    });
    await page.goto(`${env.harness.urls.lightning}${CONSOLE_PATHS.console}${query}`);
    await connector(page).locator('.salesforce-status').waitFor();
    return tab;
}

const connector = (page: Page) => page.locator('c-cti-data-connector');

const text = async (page: Page, selector: string): Promise<string> =>
    ((await connector(page).locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** What the connector panel shows: Salesforce status, Teams status and the health label, in words. */
export async function panel(page: Page): Promise<{ salesforce: string; teams: string; health: string }> {
    return {
        salesforce: await text(page, '.salesforce-status'),
        teams: await text(page, '.teams-status'),
        health: await text(page, '.health-label')
    };
}

/** The Omni-Channel panel's status (DeveloperName, or Offline). */
export async function omniStatus(page: Page): Promise<string> {
    return (await page.locator('[data-harness="omni-status"]').getAttribute('data-status')) ?? 'Offline';
}

/** The Teams client panel's live presence ("Availability/Activity"). */
export async function teamsPanelPresence(page: Page): Promise<string> {
    const el = page.locator('[data-harness="teams-presence"]');
    return `${(await el.getAttribute('data-availability')) ?? ''}/${(await el.getAttribute('data-activity')) ?? ''}`;
}

export interface EmulatorPresence {
    availability: string;
    activity: string;
    source: string;
    sessions: { sessionId: string; kind: string; availability: string; activity: string }[];
    preferred?: { availability: string; activity: string };
    statusMessage?: { content: string; expiresAt?: number };
}

export function emulatorPresence(control: Control): Promise<EmulatorPresence> {
    return control.call<EmulatorPresence>('GET', `users/${ADA.upn}/presence`);
}

export interface LogEntry {
    at: number;
    method: string;
    path: string;
    status: number;
    preflight?: boolean;
}

export async function emulatorLog(control: Control): Promise<LogEntry[]> {
    const log = await control.call<LogEntry[] | { entries: LogEntry[] }>('GET', 'log');
    return (Array.isArray(log) ? log : log.entries).filter((e) => !e.preflight);
}

const WRITE_PATH =
    /\/presence\/(setPresence|clearPresence|setUserPreferredPresence|clearUserPreferredPresence)$/;

export function presenceWrites(log: LogEntry[]): LogEntry[] {
    return log.filter((e) => e.method === 'POST' && WRITE_PATH.test(e.path));
}

/** The agent picks a status in the Omni-Channel widget. */
export async function pickOmni(page: Page, status: string): Promise<void> {
    await page.locator('[data-harness="omni-status-picker"]').selectOption(status);
}

/** The person sets a manual status in the Teams client panel. */
export async function teamsManual(page: Page, status: string): Promise<void> {
    await page.locator('[data-harness="teams-manual-status"]').selectOption(status);
    await page.locator('[data-harness="teams-set-status"]').click();
}

/** gear > Email, type, Save; waits for the saved confirmation. */
export async function saveEmail(page: Page, email: string): Promise<void> {
    const c = connector(page);
    await c.locator('.gear button').click();
    await c.locator('lightning-input.email input').fill(email);
    await c.locator('lightning-button.save button').click();
    await c.locator('.email-saved').waitFor();
    await c.locator('lightning-button.close-settings button').click();
}

/**
 * Connect Microsoft Teams, the bridge's in-frame button, and the sign-in popup (which closes at once
 * when the identity provider's session already answers, e.g. in a second tab).
 */
export async function connectTeams(page: Page): Promise<void> {
    await connector(page).locator('lightning-button.connect button').click();
    await signInThroughPopup(page, { login: ADA.upn }, waitFor);
}

/** Waits until every side shows what is expected; returns the emulator's detail at that moment. */
export async function expectBoth(
    what: string,
    tab: ConsoleTab,
    control: Control,
    expected: {
        omni: string;
        salesforceText: string;
        teams: string;
        teamsText: string;
        check?: (p: EmulatorPresence) => boolean;
    }
): Promise<EmulatorPresence> {
    let last = '';
    try {
        return await waitUntil(
            what,
            async () => {
                const p = await emulatorPresence(control);
                const view = await panel(tab.page);
                const omni = await omniStatus(tab.page);
                const teamsPanel = await teamsPanelPresence(tab.page);
                last = JSON.stringify({ omni, view, teamsPanel, emulator: p });
                const ok =
                    omni === expected.omni &&
                    view.salesforce === expected.salesforceText &&
                    view.teams === expected.teamsText &&
                    `${p.availability}/${p.activity}` === expected.teams &&
                    teamsPanel === expected.teams &&
                    (expected.check?.(p) ?? true);
                return ok ? p : undefined;
            },
            () => last
        );
    } catch (error) {
        const writes = presenceWrites(await emulatorLog(control).catch(() => []))
            .map((e) => `${e.path.split('/').pop() ?? ''} ${e.status}`)
            .join(', ');
        throw new Error(`${(error as Error).message}; last seen ${last}; Teams writes: ${writes}`);
    }
}

const appSessions = (p: EmulatorPresence) => p.sessions.filter((s) => s.kind === 'application');

/** A console with Ada's email saved and Teams connected, Omni at `initial`, both sides in sync. */
async function connectedConsole(
    env: Environment,
    control: Control,
    query: string,
    initial = 'Available'
): Promise<ConsoleTab> {
    const tab = await openConsoleTab(env, query);
    try {
        await connectIn(tab, control, initial);
    } catch (error) {
        await closeTab(tab);
        throw error;
    }
    return tab;
}

/**
 * Omni at `initial`, gear > Email saved, Teams connected, until every side shows `initial` as mapped:
 * the connector has written Teams and read its write back, the state an agent sees before anything
 * else happens. (A Teams change made before that read-back is taken for what masks the app's write:
 * docs/sync-policy.md, "Who wins, and when".)
 */
export async function connectIn(tab: ConsoleTab, control: Control, initial: string): Promise<void> {
    const expected = SALESFORCE_TO_TEAMS.find((s) => s.omni === initial);
    if (!expected) throw new Error(`no expected Teams state for ${initial}`);
    await pickOmni(tab.page, initial);
    await saveEmail(tab.page, ADA.upn);
    await connectTeams(tab.page);
    await waitUntil('the sync is running', async () =>
        (await panel(tab.page)).health === 'In sync' ? true : undefined
    );
    await expectBoth(`${initial} on every side`, tab, control, expected);
}

async function closeTab(tab: ConsoleTab): Promise<void> {
    await tab.context.close().catch(() => undefined);
}

// Salesforce status -> what Teams holds (Phone System with MS-Teams - Presence State)
const SALESFORCE_TO_TEAMS: {
    omni: string;
    salesforceText: string;
    teams: string;
    teamsText: string;
    check: (p: EmulatorPresence) => boolean;
}[] = [
    {
        omni: 'Available',
        salesforceText: 'Available',
        teams: 'Available/Available',
        teamsText: 'Available',
        check: (p) =>
            p.source === 'session' &&
            p.preferred === undefined &&
            appSessions(p).some((s) => s.availability === 'Available' && s.activity === 'Available')
    },
    {
        omni: 'On_a_Call',
        salesforceText: 'On a Call',
        teams: 'Busy/InACall',
        teamsText: 'Busy · In a call',
        check: (p) =>
            p.source === 'session' &&
            p.preferred === undefined &&
            appSessions(p).some((s) => s.availability === 'Busy' && s.activity === 'InACall')
    },
    ...(
        [
            ['Busy', 'Busy', 'Busy', 'Busy'],
            ['Away', 'Away', 'Away', 'Away'],
            ['Be_Right_Back', 'Be Right Back', 'BeRightBack', 'Be right back'],
            ['Do_Not_Disturb', 'Do Not Disturb', 'DoNotDisturb', 'Do not disturb']
        ] as const
    ).map(([omni, salesforceText, teams, teamsText]) => ({
        omni,
        salesforceText,
        teams: `${teams}/${teams}`,
        teamsText,
        check: (p: EmulatorPresence) =>
            p.source === 'preferred' && p.preferred?.availability === teams && p.preferred.activity === teams
    })),
    {
        omni: 'Available',
        salesforceText: 'Available',
        teams: 'Available/Available',
        teamsText: 'Available',
        check: (p) => p.source === 'session' && p.preferred === undefined
    }
];

/** A phone call while Omni stays Available: Teams shows the call, Omni-Channel does not change. */
const PHONE_CALL_IN_TEAMS = {
    omni: 'Available',
    salesforceText: 'Available',
    teams: 'Busy/InACall',
    teamsText: 'Busy · In a call'
};

/** A softphone call and its wrap-up, seen on every side: Teams in the call, then Available again. */
async function softphoneCall(tab: ConsoleTab, control: Control): Promise<void> {
    await tab.page.locator('[data-harness="softphone-connect"]').click();
    await expectBoth('call -> Teams Busy/InACall', tab, control, PHONE_CALL_IN_TEAMS);
    await tab.page.locator('[data-harness="softphone-end"]').click();
    await expectBoth('after wrap-up: Available again', tab, control, SALESFORCE_TO_TEAMS[0]);
}

/** The agent's own Teams status message: a call and its wrap-up neither replace nor clear it. */
async function callLeavesAgentMessage(tab: ConsoleTab, control: Control, message: string): Promise<void> {
    await control.call('POST', `users/${ADA.upn}/status-message`, { message });
    await control.call('DELETE', 'log');
    await softphoneCall(tab, control);
    assert.equal((await emulatorPresence(control)).statusMessage?.content, message);
    const writes = (await emulatorLog(control)).filter((e) => /setStatusMessage/i.test(e.path));
    assert.deepEqual(writes, [], "no status message write over the agent's own");
}

export const consoleSyncScenarios: Scenario[] = [
    {
        name: 'sync: each Salesforce status of Phone System with MS-Teams reaches Teams as mapped (session, preferred, Offline clears)',
        async run({ env, control }) {
            const tab = await connectedConsole(env, control, '?setup=phone');
            try {
                for (const step of SALESFORCE_TO_TEAMS) {
                    await pickOmni(tab.page, step.omni);
                    await expectBoth(`Salesforce ${step.omni} -> Teams ${step.teams}`, tab, control, step);
                }
                // Offline (logout): the app's session and preferred presence are cleared
                await pickOmni(tab.page, 'Offline');
                const p = await waitUntil('the app session cleared', async () => {
                    const d = await emulatorPresence(control);
                    return appSessions(d).length === 0 && d.preferred === undefined ? d : undefined;
                });
                assert.equal(`${p.availability}/${p.activity}`, 'Offline/Offline');
                await waitUntil('the panel shows Offline on both sides', async () => {
                    const v = await panel(tab.page);
                    return v.salesforce === 'Offline (logged out of Omni-Channel)' &&
                        (await teamsPanelPresence(tab.page)) === 'Offline/Offline'
                        ? true
                        : undefined;
                });
                assert.equal(await omniStatus(tab.page), 'Offline');
                assert.deepEqual(tab.errors, []);
            } finally {
                await closeTab(tab);
            }
        }
    },
    {
        name: 'sync: Teams In a call, Do not disturb, Away and back to Available reach Omni-Channel',
        async run({ env, control }) {
            const tab = await connectedConsole(env, control, '?setup=phone');
            try {
                await expectBoth('start in sync', tab, control, SALESFORCE_TO_TEAMS[0]);
                await tab.page.locator('[data-harness="teams-call-start"]').click();
                await expectBoth('Teams call -> On a Call', tab, control, {
                    omni: 'On_a_Call',
                    salesforceText: 'On a Call',
                    teams: 'Busy/InACall',
                    teamsText: 'Busy · In a call'
                });
                await tab.page.locator('[data-harness="teams-call-end"]').click();
                await teamsManual(tab.page, 'DoNotDisturb');
                await expectBoth('Teams Do not disturb -> Do Not Disturb', tab, control, {
                    omni: 'Do_Not_Disturb',
                    salesforceText: 'Do Not Disturb',
                    teams: 'DoNotDisturb/DoNotDisturb',
                    teamsText: 'Do not disturb'
                });
                await teamsManual(tab.page, 'Away');
                await expectBoth('Teams Away -> Away', tab, control, {
                    omni: 'Away',
                    salesforceText: 'Away',
                    teams: 'Away/Away',
                    teamsText: 'Away'
                });
                await teamsManual(tab.page, 'Available');
                await expectBoth('Teams Available -> Available', tab, control, {
                    omni: 'Available',
                    salesforceText: 'Available',
                    teams: 'Available/Available',
                    teamsText: 'Available'
                });
                // every change came from Teams: the host ran the connector's setStatus commands
                const hostLog =
                    (await tab.page.locator('[data-harness="aura-host-log"]').textContent()) ?? '';
                assert.ok((hostLog.match(/"type":"setStatus"/g) ?? []).length >= 4, hostLog);
                assert.deepEqual(tab.errors, []);
            } finally {
                await closeTab(tab);
            }
        }
    },
    {
        name: 'sync: a softphone call makes Teams Busy/InACall, wrap-up is honoured, then the prior state returns',
        async run({ env, control }) {
            const tab = await openConsoleTab(env, '?setup=phone');
            // the admin configured 3 s of wrap-up on the agent's configuration; the agent reloads
            await tab.page.evaluate(() => {
                const h = (window as unknown as { harness: { runtime: { org: HarnessOrg } } }).harness;
                const config = h.runtime.org
                    .records('PresenceStateConfiguration__c')
                    .find((c) => c.Name === 'Phone System with MS-Teams - Presence State');
                if (!config) throw new Error('no configuration');
                h.runtime.org.update(config.Id, { WrapUpSeconds__c: 3 });
            });
            try {
                await tab.page.reload();
                await connector(tab.page).locator('.salesforce-status').waitFor();
                await connectIn(tab, control, 'Available');
                await expectBoth('Available in both', tab, control, SALESFORCE_TO_TEAMS[0]);
                await tab.page.locator('[data-harness="softphone-connect"]').click();
                await expectBoth(
                    'call -> Teams Busy/InACall, Omni unchanged',
                    tab,
                    control,
                    PHONE_CALL_IN_TEAMS
                );
                assert.ok(await connector(tab.page).locator('.on-call').isVisible());
                // Salesforce Available, Teams in a call: the panel says Teams shows the call, not "In sync"
                await waitUntil('health: Teams shows your call', async () =>
                    (await panel(tab.page)).health === 'Teams shows your call' &&
                    (await tab.page.locator('[data-harness="utility-label"]').textContent())?.trim() ===
                        'Teams sync: Teams shows your call'
                        ? true
                        : undefined
                );
                const ended = Date.now();
                await tab.page.locator('[data-harness="softphone-end"]').click();
                await expectBoth('after wrap-up: Available again', tab, control, SALESFORCE_TO_TEAMS[0]);
                const wrapUpMs = Date.now() - ended;
                assert.ok(wrapUpMs >= 2_500, `Teams returned after ${wrapUpMs} ms, wrap-up is 3 s`);
                assert.equal(await connector(tab.page).locator('.on-call').count(), 0);
                assert.deepEqual(tab.errors, []);
            } finally {
                await closeTab(tab);
            }
        }
    },
    {
        name: "sync: a softphone call shows the Teams status message with an expiry, cleared after wrap-up; the agent's own message is left alone",
        async run({ env, control }) {
            const tab = await connectedConsole(env, control, '?setup=phone', 'Available');
            try {
                await tab.page.locator('[data-harness="softphone-connect"]').click();
                const during = await waitUntil('Teams shows the call status message', async () => {
                    const p = await emulatorPresence(control);
                    return p.statusMessage?.content === 'On a customer call' ? p : undefined;
                });
                assert.equal(during.availability, 'Busy');
                assert.equal(typeof during.statusMessage?.expiresAt, 'number', 'written with an expiry');
                await tab.page.locator('[data-harness="softphone-end"]').click();
                await waitUntil('the status message is cleared after the call and wrap-up', async () =>
                    (await emulatorPresence(control)).statusMessage === undefined ? true : undefined
                );

                // the agent types their own message in Teams: a call neither replaces nor clears it
                await callLeavesAgentMessage(tab, control, 'Back at 2');
                assert.deepEqual(tab.errors, []);
            } finally {
                await closeTab(tab);
            }
        }
    },
    {
        name: "sync: a configuration's own call status message shows in Teams during a call; the agent's message equal to the default text is left alone",
        async run({ env, control }) {
            const own = 'With a customer - chat me, I call back';
            const tab = await openConsoleTab(env, '?setup=phone');
            try {
                // the admin wrote the configuration's own text; the agent reloads
                await setConfigurationFields(tab.page, 'Phone System with MS-Teams - Presence State', {
                    CallStatusMessage__c: own
                });
                await tab.page.reload();
                await connector(tab.page).locator('.salesforce-status').waitFor();
                await connectIn(tab, control, 'Available');
                await tab.page.locator('[data-harness="softphone-connect"]').click();
                const during = await waitUntil("Teams shows the configuration's text", async () => {
                    const p = await emulatorPresence(control);
                    return p.statusMessage?.content === own ? p : undefined;
                });
                assert.equal(typeof during.statusMessage?.expiresAt, 'number', 'written with an expiry');
                await tab.page.locator('[data-harness="softphone-end"]').click();
                await waitUntil('the status message is cleared after the call and wrap-up', async () =>
                    (await emulatorPresence(control)).statusMessage === undefined ? true : undefined
                );

                // the agent types the app's default text themself: with another configured text it is theirs
                await callLeavesAgentMessage(tab, control, 'On a customer call');
                assert.deepEqual(tab.errors, []);
            } finally {
                await closeTab(tab);
            }
        }
    },
    {
        name: 'sync: Set Call Status Message unchecked: a call changes the presence but sets no status message',
        async run({ env, control }) {
            const tab = await openConsoleTab(env, '?setup=phone');
            try {
                await setConfigurationFields(tab.page, 'Phone System with MS-Teams - Presence State', {
                    SetCallStatusMessage__c: false
                });
                await tab.page.reload();
                await connector(tab.page).locator('.salesforce-status').waitFor();
                await connectIn(tab, control, 'Available');
                await control.call('DELETE', 'log');
                // the status message write would come between the two presence writes (one queue)
                await softphoneCall(tab, control);
                assert.equal((await emulatorPresence(control)).statusMessage, undefined);
                const log = await emulatorLog(control);
                assert.ok(presenceWrites(log).length >= 2, 'the call was written to Teams');
                const writes = log.filter((e) => /setStatusMessage/i.test(e.path));
                assert.deepEqual(writes, [], 'no status message while the switch is off');
                assert.deepEqual(tab.errors, []);
            } finally {
                await closeTab(tab);
            }
        }
    },
    {
        name: 'sync: a manual Teams Do not disturb followed by Salesforce Available ends Available in both (latest wins)',
        async run({ env, control }) {
            const tab = await connectedConsole(env, control, '?setup=phone', 'Busy');
            try {
                await teamsManual(tab.page, 'DoNotDisturb');
                await expectBoth('Teams Do not disturb reaches Omni', tab, control, {
                    omni: 'Do_Not_Disturb',
                    salesforceText: 'Do Not Disturb',
                    teams: 'DoNotDisturb/DoNotDisturb',
                    teamsText: 'Do not disturb'
                });
                await pickOmni(tab.page, 'Available');
                const p = await expectBoth('Salesforce Available wins', tab, control, SALESFORCE_TO_TEAMS[0]);
                assert.equal(p.preferred, undefined, 'the Teams manual status was cleared');
                assert.equal(await connector(tab.page).locator('.masked').count(), 0);
                assert.deepEqual(tab.errors, []);
            } finally {
                await closeTab(tab);
            }
        }
    },
    {
        name: 'sync: 3CX sends Teams changes to Salesforce and Salesforce changes only to the phone reason code',
        async run({ env, control }) {
            const tab = await openConsoleTab(env, '?setup=3cx');
            try {
                // the person has Teams running (a preferred presence shows only over a session)
                await tab.page.locator('[data-harness="teams-sign-in"]').click();
                await pickOmni(tab.page, 'Available');
                await saveEmail(tab.page, ADA.upn);
                await connectTeams(tab.page);
                const reason = tab.page.locator('[data-harness="softphone-reason-code"]');
                await waitUntil('reason code Available', async () =>
                    (await reason.textContent()) === 'Available' ? true : undefined
                );
                // the connector has read Teams once; it never claims the two agree: this configuration does
                // not write to Teams
                await waitUntil('the connector shows Teams Available, one way only', async () => {
                    const v = await panel(tab.page);
                    const utility = await tab.page.locator('[data-harness="utility-label"]').textContent();
                    return v.health === 'Teams to Salesforce only' &&
                        utility?.trim() === 'Teams sync: Teams to Salesforce only' &&
                        v.teams === 'Available'
                        ? true
                        : undefined;
                });
                // a Teams change reaches Omni-Channel
                await teamsManual(tab.page, 'DoNotDisturb');
                await waitUntil('Omni Do Not Disturb', async () =>
                    (await omniStatus(tab.page)) === 'Do_Not_Disturb' &&
                    (await panel(tab.page)).salesforce === 'Do Not Disturb'
                        ? true
                        : undefined
                );
                await teamsManual(tab.page, 'Reset');
                // the reset shows the Teams client's Available again, and Omni follows it
                await waitUntil('Omni Available after the Teams reset', async () =>
                    (await omniStatus(tab.page)) === 'Available' &&
                    (await panel(tab.page)).teams === 'Available'
                        ? true
                        : undefined
                );
                // Salesforce changes: the phone system gets its reason code, Teams is not written
                await pickOmni(tab.page, 'Away');
                await waitUntil('reason code Away', async () =>
                    (await reason.textContent()) === 'Away' ? true : undefined
                );
                await pickOmni(tab.page, 'On_a_Call');
                await waitUntil('reason code Do Not Disturb (3CX profile for On a Call)', async () =>
                    (await reason.textContent()) === 'Do Not Disturb' &&
                    (await panel(tab.page)).salesforce === 'On a Call'
                        ? true
                        : undefined
                );
                // what this tab sent (the emulator log may also hold a page-close clear of the previous
                // scenario's tab that reached the harness after its reset)
                assert.ok(
                    tab.graphRequests.some((r) => r.method === 'GET'),
                    'the connector reads Teams'
                );
                assert.deepEqual(
                    tab.graphRequests.filter((r) => r.method === 'POST'),
                    [],
                    'the connector sent no Teams write'
                );
                const p = await emulatorPresence(control);
                assert.equal(appSessions(p).length, 0, 'no app session');
                assert.equal(p.preferred, undefined);
                assert.deepEqual(tab.errors, []);
            } finally {
                await closeTab(tab);
            }
        }
    },
    {
        name: 'sync: two tabs, one syncs (only its requests reach Graph), the other takes over when it closes',
        async run({ env, control }) {
            const first = await connectedConsole(env, control, '?setup=phone');
            try {
                const second = await openConsoleTab(env, '?setup=phone', first.context);
                // this tab signs in too (a new tab needs one click on Connect, docs/harness.md section 8)
                await connectTeams(second.page);
                await waitUntil(
                    'the second tab says another tab syncs',
                    async () =>
                        (await panel(second.page)).health === 'Synced in another tab' ? true : undefined,
                    () => JSON.stringify(first.graphRequests.length)
                );
                await control.call('DELETE', 'log');
                const firstBefore = first.graphRequests.length;
                const secondBefore = second.graphRequests.length;
                const reads = (sent: ConsoleTab['graphRequests']) => sent.filter((r) => r.method === 'GET');
                // the leader polls Teams twice: both reads reach Graph and are the leader's
                await waitUntil('two reads of the leader, in its tab and in the Graph log', async () => {
                    const logged = (await emulatorLog(control)).filter((e) => e.method === 'GET');
                    const sent = reads(first.graphRequests.slice(firstBefore));
                    return logged.length >= 2 && sent.length >= 2 ? true : undefined;
                });
                const secondSent = second.graphRequests.slice(secondBefore);
                assert.equal(secondSent.length, 0, `the follower sent ${JSON.stringify(secondSent)}`);
                assert.equal((await panel(second.page)).health, 'Synced in another tab');
                // the leader's tab closes: the follower takes over (how fast: npm run bench, sync.bench.ts)
                const closedAt = Date.now();
                await first.page.close({ runBeforeUnload: true });
                await waitUntil('the second tab reads Teams', async () =>
                    second.graphRequests.find((r) => r.at >= closedAt && r.method === 'GET')
                );
                await waitUntil('the second tab is in sync', async () =>
                    (await panel(second.page)).health === 'In sync' ? true : undefined
                );
                await pickOmni(second.page, 'Busy');
                await expectBoth('the new leader syncs', second, control, SALESFORCE_TO_TEAMS[2]);
                assert.deepEqual([...first.errors, ...second.errors], []);
            } finally {
                await closeTab(first);
            }
        }
    },
    {
        name: "sync: 1,000 other agents on the same app registration: Teams is read at the budget's pace, not the floor, and the history says why",
        async run({ env, control }) {
            // two agents' browsers (Ada in both, each its own org in its own browser profile): one alone on
            // the app registration, one whose org puts 1,000 colleagues on the same Call Center Setup
            const alone = await connectedConsole(env, control, '?setup=phone&colleagues=0');
            let crowded: ConsoleTab | null = null;
            try {
                crowded = await openConsoleTab(env, '?setup=phone&colleagues=1000');
                const busy = crowded;
                await connectIn(busy, control, 'Available');
                const history = async (page: Page): Promise<string[]> =>
                    (await connector(page).locator('.history-row').allTextContents()).map((t) =>
                        t.replace(/\s+/g, ' ').trim()
                    );
                const reads = (tab: ConsoleTab): number =>
                    tab.graphRequests.filter((r) => r.method === 'GET' && r.path.endsWith('/me/presence'))
                        .length;
                const aloneBefore = reads(alone);
                const crowdedBefore = reads(busy);
                // while the lone agent reads Teams four times (at the configured floor), the agent of 1,001
                // reads at most once: its budget is 1,200 / 30 s shared by 1,001 (a read every ~32 s)
                await waitUntil('four more reads of the lone agent', async () =>
                    reads(alone) >= aloneBefore + 4 ? true : undefined
                );
                const crowdedReads = reads(busy) - crowdedBefore;
                assert.ok(crowdedReads <= 1, `the crowded agent read Teams ${crowdedReads} times meanwhile`);
                let seen: string[] = [];
                await waitUntil(
                    'the tenant size in the history (1 -> 1,001 agents on the app registration)',
                    async () => {
                        seen = await history(busy.page);
                        return seen.find(
                            (row) =>
                                row.includes('1 → 1001') &&
                                row.includes('Agents sharing this Microsoft app registration')
                        );
                    },
                    () => JSON.stringify(seen)
                );
                // both pages are visible: a hidden page would poll at the ceiling whatever the budget
                for (const tab of [alone, busy]) {
                    assert.equal(await tab.page.evaluate(() => document.visibilityState), 'visible');
                }
                // the lone agent's history has no tenant size entry: it is alone (count 1, nothing changed)
                assert.equal(
                    (await history(alone.page)).filter((row) => row.includes('Microsoft app registration'))
                        .length,
                    0
                );
                assert.equal((await panel(busy.page)).health, 'In sync');
                assert.deepEqual([...alone.errors, ...busy.errors], []);
            } finally {
                await closeTab(alone);
                if (crowded) await closeTab(crowded);
            }
        }
    },
    {
        name: 'sync: closing the page clears the app session presence (a real page.close(), keepalive from the bridge frame)',
        async run({ env, control }) {
            const tab = await connectedConsole(env, control, '?setup=phone');
            try {
                await expectBoth('Available in both', tab, control, SALESFORCE_TO_TEAMS[0]);
                assert.equal(appSessions(await emulatorPresence(control)).length, 1);
                // the tab really goes away: the bridge frame clears on its own pagehide with keepalive
                await tab.page.close();
                const p = await waitUntil('no app session after the page closed', async () => {
                    const d = await emulatorPresence(control);
                    return appSessions(d).length === 0 ? d : undefined;
                }).catch(async (e: Error) => {
                    const posts = (await emulatorLog(control)).filter((x) => x.method === 'POST');
                    throw new Error(
                        `${e.message}; POSTs: ${JSON.stringify(posts.map((x) => [x.path, x.status]))}`
                    );
                });
                assert.equal(p.preferred, undefined);
                const clears = (await emulatorLog(control)).filter(
                    (e) => e.method === 'POST' && e.path.endsWith('/clearPresence')
                );
                assert.ok(
                    clears.some((c) => c.status === 200),
                    JSON.stringify(clears)
                );
            } finally {
                await closeTab(tab);
            }
        }
    },
    {
        name: 'sync: an invalid email and a broken configuration show their specific errors, the typed value is kept',
        async run({ env }) {
            const tab = await openConsoleTab(env, '?setup=phone');
            try {
                const c = connector(tab.page);
                await c.locator('.gear button').click();
                const input = c.locator('lightning-input.email input');
                await input.fill('ada.agent@acme');
                await c.locator('lightning-button.save button').click();
                const message = await waitUntil('the email error', async () => {
                    const t = await text(tab.page, '.email-error');
                    return t ? t : undefined;
                });
                assert.match(message, /email/i);
                assert.equal(await input.inputValue(), 'ada.agent@acme');
                assert.equal(await c.locator('.email-saved').count(), 0);
                // nothing was saved: the first step (save the email) is still open, Connect not offered yet
                assert.equal(
                    await c.locator('lightning-button.connect').count(),
                    0,
                    'Connect without an email'
                );
                assert.equal(await c.locator('lightning-button.first-run-email').count(), 1);
                // the admin assigns the broken configuration
                await tab.page.locator('[data-harness="setup-picker"]').selectOption('broken');
                await tab.page.waitForURL(/setup=broken/);
                const problem = await waitUntil('the configuration problem', async () => {
                    const t = await text(tab.page, '.config-problem');
                    return t.includes(BROKEN_CONFIGURATION_NAME) ? t : undefined;
                });
                const issues = await c.locator('.config-issues li').allTextContents();
                assert.ok(issues.length >= 3, `issues: ${JSON.stringify(issues)}`);
                // each defect of the broken configuration, with its row where it has one, and the status it is
                // about in the words the agent sees (not Do_Not_Disturb)
                const expected = [
                    // rows ordered by Name, as on the admin page: "Available (duplicate)" is row 2, Busy row 5
                    'Row 2: row 1 already maps the Salesforce status Available.',
                    'Row 2: row 1 already maps the Teams status Available.',
                    'Configuration: the Salesforce status Do Not Disturb has no row.',
                    'Row 5: Teams does not accept this availability and activity as a session presence.'
                ];
                for (const e of expected) assert.ok(issues.includes(e), `${e} in ${JSON.stringify(issues)}`);
                assert.match(problem, /paused|problem/i);
                assert.deepEqual(tab.errors, []);
            } finally {
                await closeTab(tab);
            }
        }
    },
    {
        name: 'sync: in German the synced state renders with German labels on both sides',
        async run({ env, control }) {
            const tab = await openConsoleTab(env, '?setup=phone&lang=de');
            try {
                await pickOmni(tab.page, 'Available');
                await saveEmail(tab.page, ADA.upn);
                await connectTeams(tab.page);
                await waitUntil('Teams Available', async () => {
                    const p = await emulatorPresence(control);
                    return `${p.availability}/${p.activity}` === 'Available/Available' ? true : undefined;
                });
                const view = await waitUntil('German synced state', async () => {
                    const v = await panel(tab.page);
                    return v.health === 'Synchron' && v.teams === 'Verfügbar' ? v : undefined;
                });
                // the org's labels only spell the API names (untranslated): the Salesforce side speaks German
                // too, not English next to German Teams words
                assert.equal(view.salesforce, 'Verfügbar');
                await pickOmni(tab.page, 'On_a_Call');
                await waitUntil('Im Gespräch / Beschäftigt · In einem Anruf', async () => {
                    const v = await panel(tab.page);
                    return v.salesforce === 'Im Gespräch' && v.teams === 'Beschäftigt · In einem Anruf'
                        ? true
                        : undefined;
                });
                assert.deepEqual(tab.errors, []);
            } finally {
                await closeTab(tab);
            }
        }
    }
];

/** What an admin does on the configuration's record page: changes fields of the named configuration. */
async function setConfigurationFields(
    page: Page,
    name: string,
    fields: Record<string, unknown>
): Promise<void> {
    await page.evaluate(
        ({ name, fields }) => {
            const h = (window as unknown as { harness: { runtime: { org: HarnessOrg } } }).harness;
            const config = h.runtime.org
                .records('PresenceStateConfiguration__c')
                .find((c) => c.Name === name);
            if (!config) throw new Error(`no configuration ${name}`);
            h.runtime.org.update(config.Id, fields);
        },
        { name, fields }
    );
}

interface HarnessOrg {
    records(object: string): { Id: string; Name?: unknown }[];
    update(id: string, fields: Record<string, unknown>): unknown;
}
