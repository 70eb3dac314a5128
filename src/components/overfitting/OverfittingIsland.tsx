import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { DEGREE, makeData, TRAIN_POINTS } from '../../lib/overfitting/data.ts';
import { initialOverfit, MAX_STEPS, nextChunk, reduceOverfit, STEPS_PER_FRAME, STEPS_PER_FRAME_REDUCED, stepsTaken } from '../../lib/overfitting/state.ts';
import { createPolyTrainer, L2_LAMBDA, type PolyTrainer } from '../../lib/overfitting/train-tf.ts';
import { DeviceLostError, errorMessage } from '../../lib/tf-runtime.ts';
import { booleanField, defineUrlState } from '../../lib/url-state.ts';
import { backendOf, useTf } from '../useTf.ts';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { LineChart } from '../viz/LineChart.tsx';
import { useUrlState } from '../viz/useUrlState.ts';
import { OverfitControls } from './OverfitControls.tsx';
import { OverfitPlot } from './OverfitPlot.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.overfitting;
const ID = 'overfitting';
const DATA = makeData();
const reduce = reduceOverfit(DATA);
const settings = defineUrlState({ l2: booleanField(false) });
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => { resolve(); }));

/**
 * Lesson 3-6: a degree-9 polynomial trained with Adam on ten noisy points (tfjs on the page, a
 * few steps per frame), its training and validation errors over the steps, with or without an L2
 * penalty, and the fitted curve over the points. The trainer (with Adam's state) lives while its
 * run does: a pause keeps it, a reset or the switch frees it.
 */
export default function OverfittingIsland() {
  const [hydrated, setHydrated] = useState(false);
  const [url, setUrl] = useUrlState(settings);
  const [state, dispatch] = useReducer(reduce, undefined, () => initialOverfit(DATA));
  const tfState = useTf();
  const [tensors, setTensors] = useState<number>();
  const latest = useRef(state);
  latest.current = state;
  const trainer = useRef<{ run: number; trainer: PolyTrainer } | null>(null);

  useEffect(() => {
    setHydrated(true);
  }, []);
  // The URL's setting (read after hydration) picks the model.
  useEffect(() => {
    if (url.l2 !== latest.current.regularise) dispatch({ type: 'regularise', on: url.l2 });
  }, [url.l2]);

  const drop = () => {
    trainer.current?.trainer.dispose();
    trainer.current = null;
  };
  // A new run (reset, switch) frees the old trainer; so does leaving the page.
  useEffect(() => {
    if (trainer.current && trainer.current.run !== state.run) drop();
    if (tfState.phase === 'ready' && state.phase !== 'running') setTensors(tfState.tf.memory().numTensors);
  }, [state.run, tfState]);
  useEffect(() => drop, []);

  useEffect(() => {
    if (state.phase !== 'running' || tfState.phase !== 'ready') return;
    const { tf, watch } = tfState;
    const loop = { cancelled: false };
    const perFrame = matchMedia('(prefers-reduced-motion: reduce)').matches ? STEPS_PER_FRAME_REDUCED : STEPS_PER_FRAME;
    const run = state.run;
    setTensors(undefined);
    void (async () => {
      try {
        if (!trainer.current) trainer.current = { run, trainer: createPolyTrainer(tf, DATA, latest.current.regularise ? L2_LAMBDA : 0) };
        const mine = trainer.current.trainer;
        while (!loop.cancelled && latest.current.phase === 'running' && latest.current.run === run && nextChunk(latest.current, perFrame) > 0) {
          watch.check();
          const chunk = await mine.run(nextChunk(latest.current, perFrame));
          if (loop.cancelled as boolean) break;
          dispatch({ type: 'chunk', run, ...chunk });
          await nextFrame();
        }
      } catch (e) {
        if (!loop.cancelled) dispatch({ type: 'failed', message: e instanceof DeviceLostError ? e.message : errorMessage(e) });
      } finally {
        if (latest.current.run !== run) drop();
        setTensors(tf.memory().numTensors);
      }
    })();
    return () => {
      loop.cancelled = true;
    };
  }, [state.phase, state.run, tfState]);

  const train = useMemo(() => state.train.map((v, i) => [i, v] as const), [state.train]);
  const validation = useMemo(() => state.validation.map((v, i) => [i, v] as const), [state.validation]);
  const yMax = Math.max(0.1, ...state.train.filter(Number.isFinite), ...state.validation.filter(Number.isFinite));
  const steps = stepsTaken(state);

  return (
    <DemoFrame
      id={ID}
      title={t.title}
      intro={t.intro(TRAIN_POINTS, DEGREE)}
      backend={backendOf(tfState)}
      class="overfit"
      data-testid={ID}
      data-hydrated={String(hydrated)}
      data-phase={state.phase}
      data-steps={steps}
      data-regularise={String(state.regularise)}
      data-tensors={tensors}
    >
      <div class="viz-columns">
        <OverfitPlot data={DATA} weights={state.weights} steps={steps} />
        <OverfitControls id={ID} state={state} ready={tfState.phase === 'ready'} dispatch={dispatch} onRegularise={(on) => {
          // The switch and the URL change in one render: a render with only the URL changed would
          // put the controlled checkbox back until the effect below caught up.
          dispatch({ type: 'regularise', on });
          setUrl({ l2: on });
        }} />
      </div>
      <div class="overfit__chart" data-testid={`${ID}-chart`}>
        <LineChart
          title={t.chartTitle}
          series={[
            { name: t.trainSeries, points: train, className: 'overfit-series-train' },
            { name: t.validationSeries, points: validation, className: 'overfit-series-val' },
          ]}
          xMax={Math.max(steps, MAX_STEPS)}
          yMin={0}
          yMax={yMax}
          xLabel={t.steps}
        />
      </div>
    </DemoFrame>
  );
}
