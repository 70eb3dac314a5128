/**
 * The life of one worker, for every worker of the course (inference, training): started on
 * first use, initialised once (tfjs and its backend), its API reached with Comlink, and
 * replaced by a fresh one after its GPU device was lost or it crashed. A call in flight when
 * that happens rejects at once with a WorkerLostError instead of waiting forever (tfjs never
 * answers on a lost WebGL context), so every island can say what happened and offer a retry.
 */
import * as Comlink from 'comlink';
import type { BackendReport } from '../../lib/tf-runtime.ts';

export type HostState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'starting' }
  | { readonly phase: 'ready'; readonly report: BackendReport }
  /** The device was lost or the worker crashed: the next use starts a fresh worker. */
  | { readonly phase: 'lost'; readonly reason: 'device-lost' | 'crashed'; readonly message: string; readonly report?: BackendReport | undefined }
  /** tfjs could not start on any backend. */
  | { readonly phase: 'failed'; readonly message: string };

export class WorkerLostError extends Error {
  readonly reason: 'device-lost' | 'crashed';

  constructor(reason: 'device-lost' | 'crashed', message: string) {
    super(message);
    this.name = 'WorkerLostError';
    this.reason = reason;
  }
}

export interface WorkerHost<Api> {
  get(): HostState;
  subscribe(listener: (s: HostState) => void): () => void;
  /** The worker's API once it is initialised; starts a worker unless the last one was lost. */
  api(): Promise<Comlink.Remote<Api>>;
  /** Runs a call on the API; rejects with WorkerLostError if the worker is (or gets) lost. */
  call<T>(fn: (api: Comlink.Remote<Api>) => Promise<T>): Promise<T>;
  /** Ends the worker now (or forgets a lost one); the next use starts a fresh one. */
  reset(): void;
}

export interface HostOptions<Api> {
  readonly spawn: () => Worker;
  /** Initialises a fresh worker; `onLost` must be called (once) when its device is lost. */
  readonly init: (api: Comlink.Remote<Api>, onLost: (message: string) => void) => Promise<BackendReport>;
}

interface Live<Api> {
  readonly worker: Worker;
  readonly remote: Comlink.Remote<Api>;
  readonly ready: Promise<Comlink.Remote<Api>>;
  /**
   * The calls waiting on this worker: rejected at once when it is lost. A set rather than one
   * shared "lost" promise raced by every call, which would keep each call's result (a
   * prediction's activations) alive until the worker goes.
   */
  readonly pending: Set<(e: Error) => void>;
}

/** `work`, or the error the worker's loss rejects it with, whichever comes first. */
function guard<T>(pending: Set<(e: Error) => void>, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    pending.add(reject);
    work.then(resolve, reject).finally(() => pending.delete(reject));
  });
}

export function createWorkerHost<Api>(options: HostOptions<Api>): WorkerHost<Api> {
  let state: HostState = { phase: 'idle' };
  let live: Live<Api> | undefined;
  const listeners = new Set<(s: HostState) => void>();
  const set = (s: HostState) => {
    state = s;
    for (const l of listeners) l(s);
  };

  function end(which: Live<Api>) {
    which.remote[Comlink.releaseProxy]();
    which.worker.terminate();
  }

  function start(): Live<Api> {
    const worker = options.spawn();
    const remote = Comlink.wrap<Api>(worker);
    const pending = new Set<(e: Error) => void>();
    const current: { value?: Live<Api> } = {};
    const lose = (reason: 'device-lost' | 'crashed', message: string) => {
      const me = current.value;
      if (!me || live !== me) return;
      live = undefined;
      const report = state.phase === 'ready' ? state.report : undefined;
      const error = new WorkerLostError(reason, message);
      for (const reject of pending) reject(error);
      pending.clear();
      end(me);
      set({ phase: 'lost', reason, message, report });
    };
    worker.addEventListener('error', (e) => {
      lose('crashed', e.message || 'the worker stopped');
    });
    set({ phase: 'starting' });
    const init = options.init(
      remote,
      Comlink.proxy((message: string) => {
        lose('device-lost', message);
      }),
    );
    const ready = guard(pending, init).then(
      (report) => {
        if (live === current.value) set({ phase: 'ready', report });
        return remote;
      },
      (e: unknown) => {
        if (live === current.value) {
          live = undefined;
          end(current.value as Live<Api>);
          set({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
        }
        throw e;
      },
    );
    current.value = { worker, remote, ready, pending };
    return current.value;
  }

  /**
   * The live worker, started if none is. After a loss (or a failed start), calls keep failing
   * until reset(): a learner's retry, not a stray late call, decides when a fresh worker starts.
   */
  function refusal(): Error | undefined {
    if (state.phase === 'lost') return new WorkerLostError(state.reason, state.message);
    if (state.phase === 'failed') return new Error(state.message);
    return undefined;
  }

  function current(): Pick<Live<Api>, 'ready' | 'pending'> {
    const refused = refusal();
    if (refused) {
      const failed = Promise.reject(refused);
      failed.catch(() => undefined);
      return { ready: failed, pending: new Set() };
    }
    live ??= start();
    return live;
  }

  const host: WorkerHost<Api> = {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    api() {
      return current().ready;
    },
    async call(fn) {
      const w = current();
      const api = await w.ready;
      // Lost while this call waited for the worker to be ready.
      const refused = refusal();
      if (refused) throw refused;
      return guard(w.pending, fn(api));
    },
    reset() {
      if (live) end(live);
      live = undefined;
      set({ phase: 'idle' });
    },
  };
  return host;
}
