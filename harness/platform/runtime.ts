/// <reference lib="dom" />
/**
 * One platform per page: the org, the message bus, the utility bar and the toast sink, kept on
 * `globalThis` so that the fakes the components import (as `lightning/*`) and the console shell
 * (which imports these files directly) share them even where the bundler gives a module two
 * instances. The shell installs it before it creates any component.
 */
import { Access } from './access';
import { Org, type OrgStore } from './org';
import type { OrgSnapshot } from './types';

export type Language = 'en' | 'de';

export interface LmsMessageRecord {
    channel: string;
    message: unknown;
    at: number;
}

type LmsListener = (message: unknown) => void;

interface LmsSubscription {
    channel: string;
    listener: LmsListener;
    context: object;
    active: boolean;
}

/** Lightning message service: page-wide channels, JSON-serializable messages, asynchronous delivery. */
export class MessageBus {
    private readonly subscriptions = new Set<LmsSubscription>();
    private readonly taps = new Set<(record: LmsMessageRecord) => void>();

    subscribe(context: object, channel: string, listener: LmsListener): LmsSubscription {
        const subscription: LmsSubscription = { channel, listener, context, active: true };
        this.subscriptions.add(subscription);
        return subscription;
    }

    unsubscribe(subscription: LmsSubscription): void {
        subscription.active = false;
        this.subscriptions.delete(subscription);
    }

    release(context: object): void {
        for (const s of [...this.subscriptions]) if (s.context === context) this.unsubscribe(s);
    }

    publish(channel: string, message: unknown): void {
        // a message is a serializable JSON object: subscribers get their own copy
        const json = JSON.stringify(message ?? {});
        const record = { channel, message: JSON.parse(json) as unknown, at: Date.now() };
        for (const tap of this.taps) tap(record);
        for (const s of [...this.subscriptions]) {
            if (s.channel !== channel) continue;
            setTimeout(() => {
                if (s.active) s.listener(JSON.parse(json));
            }, 0);
        }
    }

    /** The shell watches every message (the softphone panel shows what the connector publishes). */
    tap(listener: (record: LmsMessageRecord) => void): () => void {
        this.taps.add(listener);
        return () => this.taps.delete(listener);
    }
}

export interface UtilityState {
    id: string;
    label: string;
    icon: string;
    iconVariant?: 'success' | 'warning' | 'error';
    highlighted: boolean;
    panelVisible: boolean;
    panelHeaderLabel: string;
    panelHeaderIcon: string;
    isLoaded: boolean;
    clickHandlers: ((event: { panelVisible: boolean }) => void)[];
}

/** The utility bar: its items and the shell that renders them. */
export class UtilityBar {
    readonly items = new Map<string, UtilityState>();
    private readonly listeners = new Set<(item: UtilityState) => void>();

    add(item: Omit<UtilityState, 'clickHandlers'>): UtilityState {
        const state: UtilityState = { ...item, clickHandlers: [] };
        this.items.set(item.id, state);
        return state;
    }

    get(id: unknown): UtilityState | undefined {
        return typeof id === 'string' ? this.items.get(id) : undefined;
    }

    changed(item: UtilityState): void {
        for (const l of this.listeners) l(item);
    }

    onChange(listener: (item: UtilityState) => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
}

export interface ToastRecord {
    title?: string;
    message?: string;
    variant?: string;
    mode?: string;
}

export interface PlatformRuntime {
    org: Org;
    /** what the running user (org.snapshot.user, with their permission sets) may do */
    access: Access;
    lms: MessageBus;
    utilityBar: UtilityBar;
    language: Language;
    /** simulated server round trip for graphql, uiRecordApi and Apex (ms) */
    latencyMs: number;
    /** fired after a record changes (uiRecordApi writes, the shell's admin actions) */
    recordChanges: EventTarget;
    toasts: ToastRecord[];
}

const KEY = '__presenceSyncHarnessPlatform';

export function languageOf(search: string): Language {
    return new URLSearchParams(search).get('lang') === 'de' ? 'de' : 'en';
}

export function localStore(key: string): OrgStore | undefined {
    try {
        const storage = globalThis.localStorage;
        if (!storage) return undefined;
        return {
            read: () => storage.getItem(key),
            write: (value: string) => (value ? storage.setItem(key, value) : storage.removeItem(key))
        };
    } catch {
        return undefined;
    }
}

export function installRuntime(
    snapshot: OrgSnapshot,
    options: { language?: Language; latencyMs?: number; store?: OrgStore } = {}
): PlatformRuntime {
    const runtime: PlatformRuntime = {
        org: new Org(snapshot, options.store),
        access: new Access(snapshot),
        lms: new MessageBus(),
        utilityBar: new UtilityBar(),
        language: options.language ?? 'en',
        latencyMs: options.latencyMs ?? 20,
        recordChanges: new EventTarget(),
        toasts: []
    };
    (globalThis as Record<string, unknown>)[KEY] = runtime;
    return runtime;
}

export function runtime(): PlatformRuntime {
    const r = (globalThis as Record<string, unknown>)[KEY] as PlatformRuntime | undefined;
    if (!r) throw new Error('harness platform: not installed (the page must call installRuntime first)');
    return r;
}

/** Resolves after the simulated server round trip. */
export function roundTrip(): Promise<void> {
    const ms = runtime().latencyMs;
    return new Promise((resolve) => setTimeout(resolve, ms));
}

export function notifyRecordChange(ids: string[]): void {
    runtime().recordChanges.dispatchEvent(new CustomEvent('change', { detail: { ids } }));
}
