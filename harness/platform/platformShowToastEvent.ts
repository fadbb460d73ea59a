/// <reference lib="dom" />
/**
 * `lightning/platformShowToastEvent` for the harness: the event the platform's toast container listens
 * for (bubbles, composed, cancelable); the console shell shows it as an SLDS toast.
 */
export interface ToastInit {
    title?: string;
    message?: string;
    messageData?: unknown[];
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
}

export const SHOW_TOAST_EVENT = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<ToastInit> {
    constructor(toast: ToastInit) {
        super(SHOW_TOAST_EVENT, { bubbles: true, composed: true, cancelable: true, detail: { ...toast } });
    }
}
