/**
 * Loads the build's Pagefind bundle (`<base>pagefind/pagefind.js`, written after the build by
 * src/integrations/search.ts), only when the search page asks for it: no other page loads it.
 * The bundle is not part of Vite's graph (it exists only after the build), so the import is left
 * to the browser. Under a sub-path, `baseUrl` puts the results' URLs under it.
 */
import type { PagefindFragment } from '../../lib/search/results.ts';

/** The part of pagefind.js's API the search page uses (see the bundle's own `pagefind.js`). */
export interface PagefindApi {
  options(options: { baseUrl?: string; excerptLength?: number; excerptEllipsis?: string }): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: { id: string; data(): Promise<PagefindFragment> }[] } | null>;
}

let loading: Promise<PagefindApi> | undefined;

/** The bundle, loaded and initialised once per page; a failed load can be tried again. */
export function loadPagefind(base: string): Promise<PagefindApi> {
  loading ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
    // An excerpt cut from the middle of the text says so at either end.
    await api.options({ baseUrl: base, excerptLength: 30, excerptEllipsis: '…' });
    await api.init();
    return api;
  })().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
