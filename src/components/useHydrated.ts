import { useEffect, useState } from 'preact/hooks';

/**
 * False in the server-rendered HTML and on the first render, true once the island runs in the
 * browser: islands show it as data-hydrated, so tests (and scripts) never act on dead HTML.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    setHydrated(true);
  }, []);
  return hydrated;
}
