import { createPopupWatch } from '../popupWatch';
import type { WatchedWindow } from '../popupWatch';

/** A bridge frame's window: window.open hands out `popup`; the test drives focus and the interval. */
function fakeWindow(popup: { closed: boolean } | null) {
    let focused = true;
    let tick: (() => void) | null = null;
    const focusListeners = new Set<() => void>();
    const openCalls: unknown[][] = [];
    const win: WatchedWindow = {
        open: (...args) => {
            openCalls.push(args);
            return popup as Window | null;
        },
        document: { hasFocus: () => focused },
        addEventListener: (_type, listener) => focusListeners.add(listener),
        removeEventListener: (_type, listener) => focusListeners.delete(listener),
        setInterval: (handler) => {
            tick = handler;
            return 1;
        },
        clearInterval: () => {
            tick = null;
        }
    };
    return {
        win,
        openCalls,
        original: win.open,
        setFocused(value: boolean) {
            focused = value;
            if (value) for (const listener of [...focusListeners]) listener();
        },
        tick: () => tick?.(),
        watching: () => tick !== null || focusListeners.size > 0
    };
}

describe('popup watch', () => {
    it('takes the handle of the window opened inside open() and restores window.open', () => {
        const popup = { closed: false };
        const frame = fakeWindow(popup);
        const watch = createPopupWatch(frame.win);

        watch(() => frame.win.open('about:blank', 'msal.popup', 'width=483'), jest.fn());

        expect(frame.openCalls).toEqual([['about:blank', 'msal.popup', 'width=483']]);
        expect(frame.win.open).toBe(frame.original);
    });

    it('reports the window gone once it is closed and this frame has the focus back', () => {
        const popup = { closed: false };
        const frame = fakeWindow(popup);
        const onGone = jest.fn();
        createPopupWatch(frame.win)(() => frame.win.open(), onGone);
        frame.setFocused(false);

        frame.tick();
        popup.closed = true;
        // closed while the person is still in another window: Microsoft's page (COOP) separated them
        frame.tick();
        expect(onGone).not.toHaveBeenCalled();

        frame.setFocused(true);
        expect(onGone).toHaveBeenCalledTimes(1);
        frame.tick();
        expect(onGone).toHaveBeenCalledTimes(1);
        expect(frame.watching()).toBe(false);
    });

    it('notices on the next check when the window closes while this frame has the focus', () => {
        const popup = { closed: false };
        const frame = fakeWindow(popup);
        const onGone = jest.fn();
        createPopupWatch(frame.win)(() => frame.win.open(), onGone);

        popup.closed = true;
        frame.tick();

        expect(onGone).toHaveBeenCalledTimes(1);
    });

    it('stops watching when told to, and watches nothing when no window opened', () => {
        const popup = { closed: false };
        const frame = fakeWindow(popup);
        const onGone = jest.fn();
        const stop = createPopupWatch(frame.win)(() => frame.win.open(), onGone);
        stop();
        popup.closed = true;
        frame.setFocused(true);
        expect(onGone).not.toHaveBeenCalled();

        const blocked = fakeWindow(null);
        createPopupWatch(blocked.win)(() => blocked.win.open(), onGone);
        expect(blocked.watching()).toBe(false);
    });
});
