import { useEffect, useState } from 'preact/hooks';
import type { LoadState, LoadStore } from '../lib/load-store.ts';

/** Anything with a current value and change notifications: a load store, a worker host. */
export interface Observable<S> {
  get(): S;
  subscribe(listener: (s: S) => void): () => void;
}

/** Subscribes a component to an observable's current value. */
export function useObservable<S>(source: Observable<S>): S {
  const [state, setState] = useState(source.get());
  useEffect(() => {
    setState(source.get());
    return source.subscribe(setState);
  }, [source]);
  return state;
}

/** Subscribes a component to a shared load store. */
export function useLoadState<D>(store: LoadStore<D>): LoadState<D> {
  return useObservable(store);
}
