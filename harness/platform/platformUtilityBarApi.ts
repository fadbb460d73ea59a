/// <reference lib="dom" />
/**
 * `lightning/platformUtilityBarApi` for the harness, over the console shell's utility bar. As documented
 * for LWC: every method needs the utilityId (from the EnclosingUtilityId wire, which gives the Id of the
 * utility the component sits in, and undefined elsewhere), returns a Promise, and rejects for an unknown
 * utility; updateUtility sets label, icon (SLDS utility icons), iconVariant (success, warning, error) and
 * highlighted on the utility bar button.
 */
import { runtime, type UtilityState } from './runtime';

// the engine hands a wire adapter's data callback the host element under this key (@lwc/engine-core)
const WIRED_ELEMENT_HOST = '$$DeprecatedWiredElementHostKey$$';

function enclosingUtility(element: Element | undefined): string | undefined {
    let node: Node | null | undefined = element;
    while (node) {
        if (node instanceof HTMLElement && node.dataset.utilityId) return node.dataset.utilityId;
        const parent: Node | null = node.parentNode;
        node = parent instanceof ShadowRoot ? parent.host : parent;
    }
    return undefined;
}

export class EnclosingUtilityId {
    constructor(private readonly dataCallback: (value: string | undefined) => void) {}

    connect(): void {
        const host = (this.dataCallback as unknown as Record<string, Element | undefined>)[
            WIRED_ELEMENT_HOST
        ];
        this.dataCallback(enclosingUtility(host));
    }

    disconnect(): void {}

    update(): void {}
}

function utility(utilityId: unknown): UtilityState {
    if (utilityId === undefined || utilityId === null || utilityId === '') {
        throw new Error('utilityId is required');
    }
    const item = runtime().utilityBar.get(utilityId);
    if (!item) throw new Error(`No utility found with id ${String(utilityId)}`);
    return item;
}

async function withUtility<T>(utilityId: unknown, fn: (item: UtilityState) => T): Promise<T> {
    const item = utility(utilityId);
    const result = fn(item);
    runtime().utilityBar.changed(item);
    return result;
}

export interface UtilityAttributes {
    label?: string;
    icon?: string;
    iconVariant?: 'success' | 'warning' | 'error' | '' | null;
    highlighted?: boolean;
}

export function updateUtility(utilityId: unknown, utilityAttrs: UtilityAttributes = {}): Promise<boolean> {
    return withUtility(utilityId, (item) => {
        if (utilityAttrs.label !== undefined) item.label = utilityAttrs.label;
        if (utilityAttrs.icon !== undefined) item.icon = utilityAttrs.icon;
        if (utilityAttrs.iconVariant !== undefined) {
            const v = utilityAttrs.iconVariant;
            item.iconVariant = v === 'success' || v === 'warning' || v === 'error' ? v : undefined;
        }
        if (utilityAttrs.highlighted !== undefined) item.highlighted = Boolean(utilityAttrs.highlighted);
        return true;
    });
}

export function updatePanel(
    utilityId: unknown,
    panelAttrs: { label?: string; icon?: string; iconAlternativeText?: string } = {}
): Promise<boolean> {
    return withUtility(utilityId, (item) => {
        if (panelAttrs.label !== undefined) item.panelHeaderLabel = panelAttrs.label;
        if (panelAttrs.icon !== undefined) item.panelHeaderIcon = panelAttrs.icon;
        return true;
    });
}

export function open(utilityId: unknown, options?: { autoFocus?: boolean }): Promise<boolean> {
    void options;
    return withUtility(utilityId, (item) => {
        item.panelVisible = true;
        return true;
    });
}

export function minimize(utilityId: unknown): Promise<boolean> {
    return withUtility(utilityId, (item) => {
        item.panelVisible = false;
        return true;
    });
}

function info(item: UtilityState) {
    return {
        id: item.id,
        isLoaded: item.isLoaded,
        panelVisible: item.panelVisible,
        utilityVisible: true,
        utilityLabel: item.label,
        utilityIcon: item.icon,
        utilityHighlighted: item.highlighted,
        panelHeaderLabel: item.panelHeaderLabel,
        panelHeaderIcon: item.panelHeaderIcon,
        popoutEnabled: false,
        isModal: false
    };
}

export async function getInfo(utilityId: unknown) {
    return info(utility(utilityId));
}

export async function getAllUtilityInfo() {
    return [...runtime().utilityBar.items.values()].map(info);
}

export function onUtilityClick(
    utilityId: unknown,
    eventHandler: (event: { panelVisible: boolean }) => void
): Promise<boolean> {
    return withUtility(utilityId, (item) => {
        item.clickHandlers.push(eventHandler);
        return true;
    });
}

export function enableModal(utilityId: unknown, enable: boolean): Promise<boolean> {
    void enable;
    return withUtility(utilityId, () => true);
}

export function enablePopout(utilityId: unknown, enable: boolean): Promise<boolean> {
    void enable;
    return withUtility(utilityId, () => true);
}
