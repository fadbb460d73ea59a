/// <reference lib="dom" />
/**
 * Browser side of the harness's Lightning Web Security: evaluates the compiled `c` namespace inside
 * LWS's published sandbox, as Lightning does when the org has "Use Lightning Web Security for Lightning
 * web components" on (Salesforce Help "Lightning Web Security", LWC Developer Guide "Lightning Web
 * Security"):
 * - one sandbox per namespace, keyed by the namespace (`c` for an org without a namespace);
 * - the namespace's modules are evaluated in it (`evaluateInSandbox`), so their globals (window,
 *   document, storage, cookies, timers, ...) are the sandbox's virtual ones with LWS's distortions;
 * - the platform modules they import (`lwc`, `lightning/*`, `@salesforce/*`; in the harness: the real
 *   engine and base components, and the fakes of harness/platform) stay outside and are handed in
 *   through the membrane; `lwc` goes through `wrapDependency`, which gives the sandbox LWS's restricted
 *   facade of the engine (sanitized `<use href>`, the renderer evaluated in the sandbox), as in
 *   Lightning's AMD module mode.
 * The namespace's source is rollup's AMD output of the `c` modules (harness/lwc/build.ts); `define` is
 * the one endowment the sandbox gets.
 *
 * LWS ships newer distortions behind feature gates that Salesforce turns on release by release. The
 * published packages start with every gate off; `LWS_DEFAULT_GATER_FEATURES` is the list their own
 * test harness turns on ("what gates a faithful LWS run turns on", @locker/shared), so the harness
 * turns the same ones on before the first sandbox exists.
 */
import { evaluateInSandbox, wrapDependency } from '@locker/sandbox';
import { LWS_DEFAULT_GATER_FEATURES, registerGaterEnabledFeatures } from '@locker/shared';

registerGaterEnabledFeatures([...LWS_DEFAULT_GATER_FEATURES]);

/** The sandbox key of the org's default namespace. */
export const NAMESPACE_KEY = 'c';

type Factory = (...dependencies: unknown[]) => unknown;

/**
 * Evaluates the namespace's AMD source in the sandbox and returns what its module exports (the page
 * components by name). Every dependency must be in `platformModules`; a missing one fails loudly.
 */
export function evaluateNamespace(
    source: string,
    platformModules: Record<string, unknown>,
    key: string = NAMESPACE_KEY
): Record<string, unknown> {
    let exported: Record<string, unknown> | undefined;
    const define = (dependencies: readonly string[], factory: Factory): void => {
        const args = Array.from(dependencies, (name) => {
            if (!Object.prototype.hasOwnProperty.call(platformModules, name)) {
                throw new Error(
                    `harness LWS: the ${key} namespace imports ${name}, which the page does not provide`
                );
            }
            return wrapDependency(platformModules[name], name, key) as unknown;
        });
        exported = factory(...args) as Record<string, unknown>;
    };
    evaluateInSandbox(key, source, undefined, { define });
    if (!exported) throw new Error(`harness LWS: the ${key} namespace source defined no module`);
    return exported;
}

/**
 * Evaluates a script in a namespace's sandbox and returns its completion value (for the browser
 * tests' proof that the sandbox and its distortions are in force; see e2e/lws.ts).
 */
export function evaluateInNamespace(sourceText: string, key: string = NAMESPACE_KEY): unknown {
    return evaluateInSandbox(key, sourceText);
}
