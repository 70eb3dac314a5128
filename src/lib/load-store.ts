/**
 * A small observable store for one long download or computation that several islands of a page
 * share (the MNIST set, a model): start once, report progress, cancel, retry after an error.
 */
export type LoadState<D> =
  | { readonly phase: 'idle'; readonly cancelled?: boolean }
  | { readonly phase: 'loading'; readonly loaded: number; readonly total: number }
  | { readonly phase: 'ready'; readonly data: D }
  | { readonly phase: 'error'; readonly error: unknown };

export type Loader<D> = (signal: AbortSignal, progress: (loaded: number, total: number) => void) => Promise<D>;

export interface LoadStore<D> {
  get(): LoadState<D>;
  subscribe(listener: (s: LoadState<D>) => void): () => void;
  /** Starts loading unless it is already loading or loaded. Resolves when it settles. */
  start(): Promise<void>;
  /** Aborts a load in progress; the state returns to idle (cancelled). */
  cancel(): void;
}

export function createLoadStore<D>(load: Loader<D>, isAbort: (e: unknown) => boolean): LoadStore<D> {
  let state: LoadState<D> = { phase: 'idle' };
  let controller: AbortController | undefined;
  let pending: Promise<void> | undefined;
  const listeners = new Set<(s: LoadState<D>) => void>();
  const set = (s: LoadState<D>) => {
    state = s;
    for (const l of listeners) l(s);
  };
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (state.phase === 'ready') return Promise.resolve();
      if (pending) return pending;
      const c = new AbortController();
      controller = c;
      set({ phase: 'loading', loaded: 0, total: 0 });
      pending = load(c.signal, (loaded, total) => {
        if (controller === c) set({ phase: 'loading', loaded, total });
      })
        .then((data) => {
          if (controller === c) set({ phase: 'ready', data });
        })
        .catch((error: unknown) => {
          if (controller !== c) return;
          set(c.signal.aborted || isAbort(error) ? { phase: 'idle', cancelled: true } : { phase: 'error', error });
        })
        .finally(() => {
          if (controller === c) {
            controller = undefined;
            pending = undefined;
          }
        });
      return pending;
    },
    cancel() {
      if (!controller) return;
      const c = controller;
      controller = undefined;
      pending = undefined;
      c.abort();
      set({ phase: 'idle', cancelled: true });
    },
  };
}
