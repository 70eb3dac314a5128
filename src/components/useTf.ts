import { useEffect, useState } from 'preact/hooks';
import { errorMessage, loadTf, parseBackendParam, watchDevice, type BackendReport, type DeviceWatch, type Tf } from '../lib/tf-runtime.ts';

export type TfState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready'; readonly tf: Tf; readonly report: BackendReport; readonly watch: DeviceWatch }
  /** tfjs could not start, or its GPU device was lost (the page must be reloaded for a new one). */
  | { readonly phase: 'failed' | 'lost'; readonly message: string; readonly report?: BackendReport | undefined };

/**
 * TensorFlow.js on the page's thread for a demo's small computations (one layer on one image, a
 * softmax of ten numbers, a few optimiser steps on a 2-D surface): the course's runtime
 * (src/lib/tf-runtime.ts) picks the backend, shared by every island of the page. The demo frame's
 * badge shows `backendOf(state)`. A lost GPU device turns the state to 'lost'.
 */
export function useTf(): TfState {
  const [state, setState] = useState<TfState>({ phase: 'loading' });
  useEffect(() => {
    let alive = true;
    loadTf({ forced: parseBackendParam(location.search) }).then(
      ({ tf, report }) => {
        if (!alive) return;
        const watch = watchDevice(tf, (message) => {
          if (alive) setState({ phase: 'lost', message, report });
        });
        setState({ phase: 'ready', tf, report, watch });
      },
      (e: unknown) => {
        if (alive) setState({ phase: 'failed', message: errorMessage(e) });
      },
    );
    return () => {
      alive = false;
    };
  }, []);
  return state;
}

/** What the demo frame's backend badge shows for a TfState. */
export function backendOf(s: TfState): { report: BackendReport | undefined; error?: string | undefined } {
  if (s.phase === 'ready') return { report: s.report };
  if (s.phase === 'loading') return { report: undefined };
  return { report: s.report, error: s.report ? undefined : s.message };
}
