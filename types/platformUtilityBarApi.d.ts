// lightning/platformUtilityBarApi (API 61+, needs Lightning Web Security): only what the CTI Data Connector uses.
// @salesforce/lightning-types 0.8.0 does not declare it; the Jest mock is force-app/test/jest-mocks/lightning/.
declare module 'lightning/platformUtilityBarApi' {
    import type { WireAdapterConstructor } from 'lwc';

    export interface UtilityAttributes {
        label?: string;
        /** an SLDS utility icon name, e.g. 'sync' */
        icon?: string;
        iconVariant?: 'success' | 'warning' | 'error' | '';
        highlighted?: boolean;
    }
    /** Wire adapter: the id of the utility item that encloses the component (undefined outside one). */
    export const EnclosingUtilityId: WireAdapterConstructor<Record<string, never>, string | undefined>;
    export function updateUtility(utilityId: string, attributes: UtilityAttributes): Promise<boolean>;
}
