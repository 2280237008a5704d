import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False in the server's HTML, true once React runs in the browser: a form's submit button stays
 * disabled until then, since a click before hydration reaches no handler and is lost.
 */
export const useHydrated = () => useSyncExternalStore(subscribe, () => true, () => false);
