import { useState } from 'preact/hooks';
import { softmaxSettings } from '../../lib/softmax/state.ts';
import { argmax, sum } from '../../lib/softmax/softmax.ts';
import { percentText } from '../../lib/viz/bars.ts';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { Bars } from '../viz/Bars.tsx';
import { useUrlState } from '../viz/useUrlState.ts';
import { backendOf, useTf } from '../useTf.ts';
import { LogitSliders } from './LogitSliders.tsx';
import { RealLogits } from './RealLogits.tsx';
import { ShiftAll } from './ShiftAll.tsx';
import { TwoClass } from './TwoClass.tsx';
import { useSoftmaxTf } from './useSoftmaxTf.ts';
import { strings } from '../../i18n/index.ts';
import { useHydrated } from '../useHydrated.ts';

const t = strings.softmax;
const ID = 'softmax';

/**
 * Lesson 3-7: ten logits → softmax (tfjs) → ten probability bars summing to 100%; adding the
 * same number to every logit changes nothing; the two-class case beside σ(x₁ − x₂); and the
 * real logits of an MNIST digit from the model in use as a preset. Logits live in the URL.
 */
export default function SoftmaxIsland() {
  const hydrated = useHydrated();
  const tf = useTf();
  const [state, setState] = useUrlState(softmaxSettings);
  const [real, setReal] = useState(false);
  const main = useSoftmaxTf(tf, state.logits);
  const pair = useSoftmaxTf(tf, [state.x1, state.x2]);
  const probs = main.probabilities;
  const top = probs ? argmax(probs) : -1;
  const total = probs ? percentText(sum(probs)) : '';
  const setLogit = (k: number, v: number) => {
    setState((s) => ({ ...s, logits: s.logits.map((x, i) => (i === k ? v : x)) }));
  };
  return (
    <DemoFrame
      id={ID}
      title={t.title}
      intro={t.intro}
      backend={backendOf(tf)}
      class="softmax"
      data-testid="softmax-demo"
      data-hydrated={String(hydrated)}
      data-phase={probs ? 'ready' : 'computing'}
      data-sum={total}
      data-tensors={main.tensors}
    >
      <div class="softmax__main">
        <LogitSliders id={ID} logits={state.logits} onChange={setLogit} />
        <div class="softmax__result">
          {tf.phase === 'failed' || tf.phase === 'lost' ? <p class="notice">{t.tfFailed}</p> : null}
          <Bars
            label={t.barsLabel}
            testId={`${ID}-bars`}
            items={state.logits.map((_, k) => ({ key: k, name: k, value: probs ? (probs[k] ?? NaN) : NaN, highlight: k === top, testId: `${ID}-p-${k}` }))}
          />
          <p class="softmax__sum" data-testid={`${ID}-sum`} aria-live="polite">
            {probs ? t.sum(total) : t.computing}
          </p>
          <ShiftAll id={ID} logits={state.logits} onShift={(logits) => { setState((s) => ({ ...s, logits })); }} />
          <div class="viz-buttons">
            <button type="button" onClick={() => { setState(softmaxSettings.defaults); }}>
              {t.reset}
            </button>
          </div>
        </div>
      </div>
      <TwoClass id={ID} x1={state.x1} x2={state.x2} p1={pair.probabilities?.[0]} onChange={(x1, x2) => { setState((s) => ({ ...s, x1, x2 })); }} />
      {real ? (
        <RealLogits id={ID} onApply={(logits) => { setState((s) => ({ ...s, logits })); }} />
      ) : (
        <div class="viz-buttons">
          <button type="button" data-testid={`${ID}-real-open`} onClick={() => { setReal(true); }}>
            {t.real.open}
          </button>
        </div>
      )}
    </DemoFrame>
  );
}
