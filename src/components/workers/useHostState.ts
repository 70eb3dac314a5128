import { useObservable } from '../useLoadState.ts';
import type { BackendReport } from '../../lib/tf-runtime.ts';
import type { HostState, WorkerHost } from './worker-host.ts';

/** Subscribes a component to a worker's life (starting, ready with its backend, lost, failed). */
export function useHostState<Api>(host: WorkerHost<Api>): HostState {
  return useObservable(host);
}

/** The backend the worker runs on (kept after a loss, so the badge still says which one it was). */
export function hostReport(s: HostState): BackendReport | undefined {
  return s.phase === 'ready' || s.phase === 'lost' ? s.report : undefined;
}
