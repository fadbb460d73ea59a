/// <reference lib="dom" />
/**
 * What the `@salesforce/*` scoped modules evaluate to in the harness. The browser build
 * (harness/lwc/scopedImports.ts) turns each import into a tiny module that calls one of these:
 * - `@salesforce/label/c.Name`: the label in the page's language (`?lang=de`: the German translation
 *   where there is one, else the English value, as the platform falls back to the default language);
 * - `@salesforce/apex/Class.method`: an Apex method of the harness org (callable imperatively, and as
 *   a wire adapter through its `adapter` property, like the platform's), answering after a round trip;
 *   errors reject as Apex errors do (`{ status, body: { message, exceptionType, … } }`). Before a method
 *   answers, the running user's class access and the user-mode queries of the real class are checked
 *   (apexAccess.ts): a user without access gets the platform's error, not the answer.
 */
import { apexAccessFailure, type ApexErrorBody } from './apexAccess';
import { getAgentsApex } from './dashboardAgents';
import { languageOf, roundTrip, runtime, type Language } from './runtime';
import { countAgentsSharingApp } from './tenantSize';
import type { LabelValue } from './types';

export function label(value: LabelValue, language?: Language): string {
    const lang = language ?? (typeof location === 'undefined' ? 'en' : languageOf(location.search));
    return lang === 'de' && value.de !== undefined ? value.de : value.en;
}

type ApexImplementation = (params: Record<string, unknown>) => unknown;

/** The Apex the harness org has: the project's classes, as the harness models them. */
const APEX: Record<string, ApexImplementation> = {
    // SELECT Id, DeveloperName, MasterLabel FROM ServicePresenceStatus (access: the class's own SOQL)
    'PresenceStatusController.getStatuses': () =>
        runtime().org.snapshot.servicePresenceStatuses.map((s) => ({ ...s })),
    'LiveAgentDashboardController.getAgents': getAgentsApex,
    // SELECT COUNT() FROM PresenceSyncUserSetting__c WHERE ...AzureClientId__c = :clientId (system mode)
    'PresenceSyncTenantController.countAgentsSharingApp': (params) => {
        const answer = countAgentsSharingApp(runtime().org, params.azureClientId);
        if (answer.ok) return answer.count;
        // an AuraHandledException: the client sees the message it was given
        throw apexError({
            message: answer.message,
            exceptionType: 'System.AuraHandledException',
            stackTrace: '',
            isUserDefinedException: false
        });
    }
};

export const APEX_METHODS = Object.keys(APEX);

export interface ApexError {
    status: number;
    statusText: string;
    ok: false;
    headers: Record<string, string>;
    body: ApexErrorBody;
}

function apexError(body: ApexErrorBody): ApexError {
    return { status: 500, statusText: 'Server Error', ok: false, headers: {}, body };
}

export type ApexMethod = ((params?: Record<string, unknown>) => Promise<unknown>) & {
    adapter: new (dataCallback: (value: { data?: unknown; error?: ApexError }) => void) => {
        connect(): void;
        disconnect(): void;
        update(config: Record<string, unknown>): void;
    };
};

const failures = new Map<string, string>();

/** The next call of `method` fails with an Apex exception (for error-path tests). */
export function failApexOnce(method: string, message: string): void {
    failures.set(method, message);
}

export function apexMethod(name: string): ApexMethod {
    const implementation = APEX[name];
    if (!implementation) throw new Error(`harness: no Apex method ${name}`);
    const call = async (params: Record<string, unknown> = {}) => {
        await roundTrip();
        const { org, access } = runtime();
        const denied = apexAccessFailure(org.snapshot, access, name);
        if (denied) throw apexError(denied);
        const failure = failures.get(name);
        if (failure !== undefined) {
            failures.delete(name);
            throw apexError({
                message: failure,
                exceptionType: 'System.QueryException',
                stackTrace: `Class.${name}: line 1, column 1`,
                isUserDefinedException: false
            });
        }
        return JSON.parse(JSON.stringify(implementation(params) ?? null)) as unknown;
    };
    class Adapter {
        private connected = false;
        constructor(private readonly dataCallback: (value: { data?: unknown; error?: ApexError }) => void) {}
        connect() {
            this.connected = true;
        }
        disconnect() {
            this.connected = false;
        }
        update(config: Record<string, unknown>) {
            call(config).then(
                (data) => this.connected && this.dataCallback({ data, error: undefined }),
                (error: ApexError) => this.connected && this.dataCallback({ data: undefined, error })
            );
        }
    }
    return Object.assign(call, { adapter: Adapter });
}
