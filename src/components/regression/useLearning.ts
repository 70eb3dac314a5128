import { useEffect, useRef, useState, type Dispatch } from 'preact/hooks';
import { errorMessage, loadTf, parseBackendParam, type BackendReport } from '../../lib/tf-runtime.ts';
import { descendTf, makeTfData, type TfData } from '../../lib/regression/descent-tf.ts';
import { chunkSteps, type RegressionEvent, type RegressionState } from '../../lib/regression/state.ts';

/** Steps per animation frame: the line visibly slides; with reduced motion, big jumps instead. */
const STEPS_PER_FRAME = 10;
const STEPS_REDUCED = 500;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => { resolve(); }));
}

export interface LearningView {
  /** True from the start of a run until its tensors are released. */
  readonly busy: boolean;
  readonly backend: { readonly report: BackendReport | undefined; readonly error?: string | undefined } | undefined;
  /** Live tfjs tensors after the last run settled. */
  readonly tensors: number | undefined;
}

/**
 * Runs gradient descent with tfjs on the main thread while the state has a learning run: a few
 * steps per frame (src/lib/regression/descent-tf.ts), each chunk dispatched to the reducer,
 * which judges it (converged, diverged, stopped) and ends the run. The data tensors live for the
 * run and are disposed when it ends; the tensor count is then reported.
 */
export function useLearning(state: RegressionState, dispatch: Dispatch<RegressionEvent>): LearningView {
  const latest = useRef(state);
  latest.current = state;
  const [busy, setBusy] = useState(false);
  const [backend, setBackend] = useState<LearningView['backend']>(undefined);
  const [tensors, setTensors] = useState<number | undefined>(undefined);
  const runId = state.learning?.id;

  useEffect(() => {
    if (runId === undefined) return undefined;
    /** Cleared when the island unmounts or the run changes. */
    const live = { alive: true };
    const alive = () => live.alive;
    setBusy(true);
    void (async () => {
      let data: TfData | undefined;
      let count: (() => number) | undefined;
      try {
        const { tf, report } = await loadTf({ forced: parseBackendParam(location.search) });
        count = () => tf.memory().numTensors;
        if (alive()) setBackend({ report });
        data = makeTfData(tf, latest.current.points);
        const perFrame = matchMedia('(prefers-reduced-motion: reduce)').matches ? STEPS_REDUCED : STEPS_PER_FRAME;
        for (;;) {
          const s = latest.current;
          if (!alive() || s.learning?.id !== runId) break;
          const r = await descendTf(tf, data, s.a, s.b, s.lr, chunkSteps(s.learning, perFrame));
          if (!alive()) break;
          dispatch({ type: 'chunk', run: runId, a: r.a, b: r.b, losses: r.losses });
          await nextFrame();
        }
      } catch (e) {
        if (alive()) setBackend((b) => ({ report: b?.report, error: errorMessage(e) }));
        dispatch({ type: 'stop' });
      } finally {
        data?.dispose();
        if (count) setTensors(count());
        setBusy(false);
      }
    })();
    return () => {
      live.alive = false;
    };
  }, [runId]);

  return { busy, backend, tensors };
}
