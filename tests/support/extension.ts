import { appUrl, BROWSER_UA } from "./http";

/** Node's fetch, kept before the UI-extension tester replaces the global one. */
export const networkFetch = globalThis.fetch;

/**
 * An extension's `fetch` in tests: the same request, sent to our real app process (only the host
 * changes from the extension's configured app URL) with a browser's user agent.
 */
export function fetchThroughApp(extensionAppUrl: string): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set("User-Agent", BROWSER_UA);
    return networkFetch(String(input).replace(extensionAppUrl, appUrl()), { ...init, headers });
  }) as typeof fetch;
}
