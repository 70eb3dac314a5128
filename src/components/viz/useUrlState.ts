import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Schema, StateOf, UrlState } from '../../lib/url-state.ts';

/** Replaces the page's URL (no new history entry) with `query`, keeping its path and hash. */
export function replaceQuery(query: string): void {
  const url = `${location.pathname}${query === '' ? '' : `?${query}`}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
}

/**
 * A demo's state kept in the URL (src/lib/url-state.ts). The first render uses the defaults (as
 * the page was built); after hydration the state is read from the URL, which is then rewritten
 * without the values that were not valid. Every change replaces the URL — no history entry per
 * keystroke — and leaves the parameters that are not this demo's (such as ?backend=) alone.
 */
export function useUrlState<S extends Schema>(spec: UrlState<S>): [StateOf<S>, (next: StateOf<S> | ((previous: StateOf<S>) => StateOf<S>)) => void] {
  const [state, setState] = useState<StateOf<S>>(spec.defaults);
  const current = useRef(state);

  useEffect(() => {
    const read = spec.read(location.search);
    current.current = read;
    setState(read);
    replaceQuery(spec.write(read, location.search));
  }, [spec]);

  const update = useCallback(
    (next: StateOf<S> | ((previous: StateOf<S>) => StateOf<S>)) => {
      const value = typeof next === 'function' ? next(current.current) : next;
      current.current = value;
      setState(value);
      replaceQuery(spec.write(value, location.search));
    },
    [spec],
  );
  return [state, update];
}
