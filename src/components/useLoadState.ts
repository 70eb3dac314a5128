import { useEffect, useState } from 'preact/hooks';
import type { LoadState, LoadStore } from '../lib/load-store.ts';

/** Subscribes a component to a shared load store. */
export function useLoadState<D>(store: LoadStore<D>): LoadState<D> {
  const [state, setState] = useState(store.get());
  useEffect(() => {
    setState(store.get());
    return store.subscribe(setState);
  }, [store]);
  return state;
}
