import { useEffect, useMemo, useState } from 'preact/hooks';
import { applyDropoutTf } from '../../lib/dropout/mask-tf.ts';
import { averageSumAfter, maskFor, scaleFor, summarise, UNITS } from '../../lib/dropout/mask.ts';
import { AVERAGE_STEPS, dropoutSettings, MAX_STEP, PLAY_MS } from '../../lib/dropout/view.ts';
import { errorMessage } from '../../lib/tf-runtime.ts';
import { DigitPicker } from '../mnist/DigitPicker.tsx';
import { useSampleDigit } from '../mnist/useSampleDigit.ts';
import { ModelInUse } from '../model/ModelInUse.tsx';
import { useActivations } from '../model/useActivations.ts';
import { useCourseModel } from '../model/useCourseModel.ts';
import { backendOf, useTf } from '../useTf.ts';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { useUrlState } from '../viz/useUrlState.ts';
import { DropoutControls } from './DropoutControls.tsx';
import { DropoutGrids } from './DropoutGrids.tsx';
import { DropoutNumbers, DropoutTable } from './DropoutNumbers.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.dropoutMask;
const ID = 'dropout-mask';

/** The output of one mask on one set of values, computed with tfjs. */
interface Applied {
  readonly values: Float32Array;
  readonly mask: Uint8Array;
  readonly output: Float32Array;
}

/**
 * Lesson 3-6: the 1,600 flattened activations of a real digit (the model in use, in the inference
 * worker) with a dropout mask per training step (seeded: a step number gives its mask), the
 * survivors scaled by 1 / (1 − rate) with tfjs on the page; at inference nothing changes.
 */
export default function DropoutMaskIsland() {
  const [hydrated, setHydrated] = useState(false);
  const [reducedMotion, setReducedMotion] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [settings, setSettings] = useUrlState(dropoutSettings);
  const digit = useSampleDigit();
  const model = useCourseModel();
  const acts = useActivations(model, digit.image, ['flatten']);
  const tfState = useTf();
  const [applied, setApplied] = useState<Applied>();
  const [tensors, setTensors] = useState<number>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    setReducedMotion(matchMedia('(prefers-reduced-motion: reduce)').matches);
    setHydrated(true);
  }, []);

  const { rate, mode, step, from } = settings;
  const training = mode === 'training';
  const values = acts.phase === 'ready' ? acts.prediction.activations.flatten?.data : undefined;
  const mask = useMemo(() => maskFor(mode, step, rate), [mode, step, rate]);
  const scale = scaleFor(mode, rate);

  useEffect(() => {
    if (!values || tfState.phase !== 'ready') return;
    let alive = true;
    applyDropoutTf(tfState.tf, values, mask, scale).then(
      (output) => {
        if (!alive) return;
        setApplied({ values, mask, output });
        setTensors(tfState.tf.memory().numTensors);
        setError(undefined);
      },
      (e: unknown) => {
        if (alive) setError(errorMessage(e));
      },
    );
    return () => {
      alive = false;
    };
  }, [values, mask, scale, tfState]);

  useEffect(() => {
    if (!playing || !training || reducedMotion) return;
    const timer = setInterval(() => {
      setSettings((s) => ({ ...s, step: Math.min(MAX_STEP, s.step + 1) }));
    }, PLAY_MS);
    return () => {
      clearInterval(timer);
    };
  }, [playing, training, reducedMotion]);

  const current = applied !== undefined && applied.values === values && applied.mask === mask ? applied : undefined;
  const summary = useMemo(() => (current ? summarise(current.values, current.mask, current.output) : undefined), [current]);
  const average = useMemo(() => (values && training ? averageSumAfter(values, rate, step, AVERAGE_STEPS) : NaN), [values, training, rate, step]);

  return (
    <DemoFrame
      id={ID}
      title={t.title}
      intro={t.intro}
      backend={backendOf(tfState)}
      class="dropout"
      data-testid={ID}
      data-hydrated={String(hydrated)}
      data-state={current ? 'ready' : 'computing'}
      data-mode={mode}
      data-step={step}
      data-units={values ? values.length : undefined}
      data-tensors={tensors}
    >
      <div class="viz-columns">
        <DigitPicker id={ID} digit={digit} size={84} />
        <div class="dropout__side">
          <ModelInUse id={ID} state={model.state} report={model.report} onRetry={() => { model.retry(); }} />
          <DropoutControls
            id={ID}
            mode={mode}
            rate={rate}
            step={step}
            playing={playing}
            reducedMotion={reducedMotion}
            onMode={(m) => { setPlaying(false); setSettings((s) => ({ ...s, mode: m })); }}
            onRate={(r) => { setSettings((s) => ({ ...s, rate: r })); }}
            onStep={(n) => { setSettings((s) => ({ ...s, step: Math.max(1, Math.min(MAX_STEP, n)) })); }}
            onPlay={setPlaying}
          />
        </div>
      </div>
      {acts.phase === 'error' && <p role="alert" class="error">{t.activationsFailed(acts.message)}</p>}
      {error !== undefined && <p role="alert" class="error">{t.activationsFailed(error)}</p>}
      {current && summary ? (
        <>
          <div class="viz-columns">
            <DropoutGrids id={ID} values={current.values} mask={current.mask} output={current.output} dropped={summary.dropped} />
            <DropoutNumbers id={ID} training={training} rate={rate} scale={scale} summary={summary} average={average} />
          </div>
          <DropoutTable id={ID} from={Math.min(from, UNITS - 1)} values={current.values} mask={current.mask} output={current.output} onFrom={(f) => { setSettings((s) => ({ ...s, from: f })); }} />
        </>
      ) : (
        acts.phase !== 'error' && <p role="status">{t.waiting}</p>
      )}
    </DemoFrame>
  );
}
