import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { DeviceLostError, errorMessage, loadTf, parseBackendParam, watchDevice, type BackendReport } from '../../lib/tf-runtime.ts';
import { trainingSet } from '../../lib/xo/data.ts';
import { CIRCLE, forward } from '../../lib/xo/network.ts';
import { createXoTrainer } from '../../lib/xo/train-tf.ts';
import { initialTrainState, nextChunk, reduceTrain, STEPS_PER_FRAME, STEPS_PER_FRAME_REDUCED, stepsTaken } from '../../lib/xo/train-state.ts';
import { linkParams, paramsOf, trainSettings } from '../../lib/xo/url.ts';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { LineChart } from '../viz/LineChart.tsx';
import { replaceQuery } from '../viz/useUrlState.ts';
import { XoDegrees } from './XoDegrees.tsx';
import { XoDiagram } from './XoDiagram.tsx';
import { XoHiddenMaps } from './XoHiddenMaps.tsx';
import { XoPicture } from './XoPicture.tsx';
import { XoTrainControls } from './XoTrainControls.tsx';
import { XoWeights } from './XoWeights.tsx';
import { useXoGrid } from './useXoGrid.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.xo;
const ID = 'xo-train';
const DATA = trainingSet();
const reduce = reduceTrain(DATA);
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => { resolve(); }));

/**
 * Lesson 1-4: train the 9-3-2 network in the page (tfjs on the main thread, a few full-batch
 * gradient steps per frame), watching the loss, the hidden neurons' weights as heat maps and the
 * network drawn; paint a picture to see the degrees at any time. A diverging rate is caught by
 * the reducer, which keeps the last good parameters.
 */
export default function XoTrainIsland() {
  const [hydrated, setHydrated] = useState(false);
  const [state, dispatch] = useReducer(reduce, undefined, () => initialTrainState(DATA));
  const [cells, setCells] = useState<readonly number[]>(CIRCLE);
  const [grid, setGrid] = useXoGrid(cells, setCells);
  const [backend, setBackend] = useState<{ report: BackendReport | undefined; error?: string }>();
  const [loading, setLoading] = useState(false);
  const [tensors, setTensors] = useState<number>();
  const latest = useRef(state);
  latest.current = state;
  const loops = useRef(0);

  useEffect(() => {
    const s = trainSettings.read(location.search);
    dispatch({ type: 'load', params: paramsOf(s), rate: s.rate });
    setCells(s.grid);
    setHydrated(true);
  }, []);

  useEffect(() => {
    if (hydrated && state.phase === 'idle') replaceQuery(trainSettings.write({ grid: cells, ...linkParams(state.params), rate: state.rate }, location.search));
  }, [hydrated, state.phase, state.params, state.rate, cells]);

  useEffect(() => {
    if (state.phase !== 'running') return;
    const run = { cancelled: false };
    const perFrame = matchMedia('(prefers-reduced-motion: reduce)').matches ? STEPS_PER_FRAME_REDUCED : STEPS_PER_FRAME;
    /** Whether this loop should end: the effect was cleaned up, or the run was stopped or ended. */
    const over = () => run.cancelled || latest.current.phase !== 'running' || nextChunk(latest.current, perFrame) === 0;
    loops.current += 1;
    // No count while a run holds tensors: data-tensors reappears once the run has freed them.
    setTensors(undefined);
    void (async () => {
      setLoading(true);
      let count: (() => number) | undefined;
      let trainer: ReturnType<typeof createXoTrainer> | undefined;
      try {
        const { tf, report } = await loadTf({ forced: parseBackendParam(location.search) });
        count = () => tf.memory().numTensors;
        setBackend({ report });
        setLoading(false);
        if (run.cancelled) return;
        // A lost GPU can leave a read-back waiting for ever: end the run at once and say so.
        const watch = watchDevice(tf, () => {
          if (!run.cancelled) dispatch({ type: 'failed', message: t.train.deviceLost });
        });
        trainer = createXoTrainer(tf, latest.current.params, DATA);
        while (!over()) {
          watch.check();
          const chunk = await trainer.run(nextChunk(latest.current, perFrame), latest.current.rate);
          if (run.cancelled as boolean) break;
          dispatch({ type: 'chunk', ...chunk });
          await nextFrame();
        }
      } catch (e) {
        setLoading(false);
        // A lost device has been reported by the watch already.
        if (!run.cancelled && !(e instanceof DeviceLostError)) {
          setBackend((b) => ({ report: b?.report, error: errorMessage(e) }));
          dispatch({ type: 'failed', message: errorMessage(e) });
        }
      } finally {
        trainer?.dispose();
        loops.current -= 1;
        if (loops.current === 0 && count) setTensors(count());
      }
    })();
    return () => {
      run.cancelled = true;
    };
  }, [state.phase]);

  const result = useMemo(() => forward(state.params, Array.from(grid.cells)), [state.params, grid.cells]);
  const points = useMemo(() => state.losses.map((l, i) => [i, l] as const), [state.losses]);
  const yMax = Math.max(0.01, ...state.losses.filter(Number.isFinite));

  return (
    <DemoFrame
      id={ID}
      title={t.train.title}
      intro={t.train.intro(DATA.length)}
      backend={backend}
      class="xo"
      data-testid={ID}
      data-hydrated={String(hydrated)}
      data-phase={state.phase}
      data-steps={stepsTaken(state)}
      data-tensors={tensors}
    >
      <div class="viz-columns">
        <XoTrainControls id={ID} state={state} loading={loading} dispatch={dispatch} />
        <div class="xo__loss" data-testid={`${ID}-loss`}>
          <LineChart title={t.train.lossTitle} series={[{ name: t.train.lossSeries, points, className: 'series-train' }]} xMax={Math.max(1, stepsTaken(state))} yMin={0} yMax={yMax} xLabel={t.train.steps} />
        </div>
      </div>
      <div class="viz-columns">
        <XoPicture id={ID} grid={grid} onChange={setGrid} />
        <XoDegrees id={ID} result={result} />
        <XoHiddenMaps id={ID} params={state.params} />
      </div>
      <XoDiagram params={state.params} describedBy={`${ID}-weights-title`} testId={`${ID}-diagram`} />
      <XoWeights id={ID} params={state.params} onChange={(params) => { dispatch({ type: 'edit', params }); }} />
    </DemoFrame>
  );
}
