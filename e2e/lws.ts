/**
 * Browser scenario: the harness pages run the `c` namespace inside Lightning Web Security's sandbox
 * (harness/lwc/lws.ts), as Lightning does, and LWS's documented distortions are in force there.
 * - The component classes the page mounts come from the sandbox: seen from the page they are membrane
 *   proxies (Function.prototype.toString gives native code), seen from the sandbox they are the
 *   compiled classes themselves.
 * - Cookies: code in the sandbox reads and writes only its namespace's cookies; the browser stores
 *   them as `LSKey-c$<name>` ("How Lightning Web Security Works", LWC Developer Guide).
 * - localStorage: keys are partitioned per namespace; the sandbox sees none of the page's keys and
 *   the page sees the sandbox's key only under a namespaced name ("Local Storage Limitations",
 *   Lightning Components Security Guide).
 */
import assert from 'node:assert/strict';
import { CONSOLE_PATHS } from '../harness/console/mount';
import type { Scenario } from './scenarios';
import { openLightningPage } from './console';

interface LwsProbe {
    key: string;
    pageSeesClass: string;
    sandboxSeesClass: string;
    sandboxSeesPageFunction: string;
    sandboxCookie: string;
    pageCookie: string;
    sandboxStorageKeys: string[];
    sandboxReadsPageKey: string | null;
    pageStorageKeys: string[];
}

const PAGES: { path: string; tag: string; component: string; className: string }[] = [
    {
        path: CONSOLE_PATHS.console,
        tag: 'c-cti-data-connector',
        component: 'ctiDataConnector',
        className: 'CtiDataConnector'
    },
    {
        path: CONSOLE_PATHS.admin,
        tag: 'c-presence-authorization',
        component: 'presenceAuthorization',
        className: 'PresenceAuthorization'
    },
    {
        path: `${CONSOLE_PATHS.dashboard}?agents=5`,
        tag: 'c-live-agent-dashboard',
        component: 'liveAgentDashboard',
        className: 'LiveAgentDashboard'
    }
];

export const lwsScenarios: Scenario[] = [
    {
        name: 'Lightning Web Security: every page runs the c namespace in its sandbox, with namespaced cookies and localStorage',
        async run({ env }) {
            for (const target of PAGES) {
                const { page, errors, close } = await openLightningPage(env, target.path);
                try {
                    await page.locator(target.tag).first().waitFor();
                    const probe = await page.evaluate((component): LwsProbe => {
                        const lws = (
                            window as unknown as {
                                harness: {
                                    lws?: {
                                        key: string;
                                        components: Record<string, unknown>;
                                        evaluate(source: string): unknown;
                                    };
                                };
                            }
                        ).harness.lws;
                        if (!lws) throw new Error('the page has no LWS sandbox (window.harness.lws)');
                        const classOf = lws.components[component];
                        const sourceOf = lws.evaluate(
                            '(value) => Function.prototype.toString.call(value).slice(0, 60)'
                        ) as (value: unknown) => string;
                        document.cookie = 'pageCookie=outside; path=/';
                        localStorage.setItem('pageKey', 'outside');
                        const sandboxCookie = lws.evaluate(
                            "document.cookie = 'lwsProbe=inside; path=/'; document.cookie"
                        ) as string;
                        const sandboxStorage = lws.evaluate(
                            "localStorage.setItem('lwsProbe', 'inside'); " +
                                "({ keys: Object.keys(localStorage), pageKey: localStorage.getItem('pageKey') })"
                        ) as { keys: string[]; pageKey: string | null };
                        return {
                            key: lws.key,
                            pageSeesClass: Function.prototype.toString.call(classOf).slice(0, 60),
                            sandboxSeesClass: sourceOf(classOf),
                            sandboxSeesPageFunction: sourceOf(() => 'page'),
                            sandboxCookie,
                            pageCookie: document.cookie,
                            sandboxStorageKeys: Array.from(sandboxStorage.keys),
                            sandboxReadsPageKey: sandboxStorage.pageKey,
                            pageStorageKeys: Object.keys(localStorage)
                        };
                    }, target.component);
                    const where = `${target.path}: `;
                    assert.equal(probe.key, 'c', `${where}sandbox key`);
                    // the mounted class is a proxy from the sandbox's realm, and the sandbox's own class inside
                    assert.match(probe.pageSeesClass, /\[native code\]/, `${where}class seen from the page`);
                    assert.match(
                        probe.sandboxSeesClass,
                        new RegExp(`^class ${target.className} extends `),
                        `${where}class seen from the sandbox`
                    );
                    assert.match(probe.sandboxSeesPageFunction, /\[native code\]/, `${where}page function`);
                    // cookies: the sandbox sees its own cookie only; the browser has it under LSKey-c$
                    assert.equal(
                        probe.sandboxCookie,
                        'lwsProbe=inside',
                        `${where}cookies seen in the sandbox`
                    );
                    assert.ok(
                        probe.pageCookie.split('; ').includes('LSKey-c$lwsProbe=inside'),
                        `${where}page cookies: ${probe.pageCookie}`
                    );
                    assert.ok(
                        !probe.pageCookie.split('; ').includes('lwsProbe=inside'),
                        `${where}un-namespaced`
                    );
                    // localStorage: partitioned by namespace
                    assert.ok(probe.sandboxStorageKeys.includes('lwsProbe'), `${where}sandbox keys`);
                    assert.ok(
                        !probe.sandboxStorageKeys.includes('pageKey'),
                        `${where}sandbox sees a page key`
                    );
                    assert.equal(probe.sandboxReadsPageKey, null, `${where}sandbox reads the page's key`);
                    assert.ok(!probe.pageStorageKeys.includes('lwsProbe'), `${where}page sees the raw key`);
                    assert.ok(
                        probe.pageStorageKeys.some((k) => k !== 'lwsProbe' && k.includes('lwsProbe')),
                        `${where}page keys: ${probe.pageStorageKeys.join(', ')}`
                    );
                    assert.deepEqual(errors, [], `${where}page errors`);
                } finally {
                    await close();
                }
            }
        }
    }
];
