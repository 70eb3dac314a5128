import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatMath } from '../../lib/perceptron/formula.ts';
import { A_PAGE_STEP, A_SLIDER_STEP, A_SPEC, activationsUrl, initialActivations, activationViews, reduceActivations, type ActivationsEvent } from '../../lib/perceptron/activations-state.ts';
import { perceptronLink } from '../../lib/perceptron/links.ts';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { NumericField } from '../viz/NumericField.tsx';
import { useUrlState } from '../viz/useUrlState.ts';
import { ActivationPicker } from '../perceptron/ActivationPicker.tsx';
import { ActivationChart } from './ActivationChart.tsx';
import { ActivationValues } from './ActivationValues.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.activations;
/** Page Up / Page Down move z (state.a) by this many slider steps. */
const PAGE_STEPS = Math.round(A_PAGE_STEP / A_SLIDER_STEP);

/**
 * Lesson 1-2b: the step function, the sigmoid and ReLU side by side. A slider (or a number field)
 * moves the weighted sum z (the lessons' letter; `a` in the state and the URL, as the deck wrote it);
 * each chart marks h(z) and the values are written out; the chosen function is the neuron's
 * output, and a link opens the perceptron (1-2a) at the same z. The maths is src/lib/perceptron/;
 * z and the choice are in the URL.
 */
export default function ActivationsIsland() {
  const [hydrated, setHydrated] = useState(false);
  const [state, setState] = useUrlState(activationsUrl);
  useEffect(() => {
    setHydrated(true);
  }, []);
  const dispatch = (event: ActivationsEvent) => {
    setState((s) => reduceActivations(s, event));
  };
  const views = useMemo(() => activationViews(state.a), [state.a]);
  const link = perceptronLink(state.a, state.act);

  return (
    <DemoFrame id="activations" title={t.title} intro={t.intro} class="activations" data-testid="activations-demo" data-hydrated={String(hydrated)} data-a={state.a}>
      <div class="activations__controls">
        <div class="activations__slider">
          <label for="activations-slider">{t.sliderLabel}</label>
          <input
            id="activations-slider"
            type="range"
            min={A_SPEC.min}
            max={A_SPEC.max}
            step={A_SLIDER_STEP}
            value={state.a}
            aria-valuetext={`z = ${formatMath(state.a)}`}
            aria-describedby="activations-slider-help"
            onInput={(e) => {
              dispatch({ type: 'a', value: Number(e.currentTarget.value) });
            }}
            onKeyDown={(e) => {
              if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
              e.preventDefault();
              dispatch({ type: 'nudge', steps: e.key === 'PageUp' ? PAGE_STEPS : -PAGE_STEPS });
            }}
          />
          <p id="activations-slider-help" class="viz-help">
            {t.sliderHelp}
          </p>
        </div>
        <NumericField id="activations-a" label={t.aLabel} value={state.a} {...A_SPEC} onChange={(value) => { dispatch({ type: 'a', value }); }} />
        <ActivationPicker id="activations-activation" legend={t.activationLegend} names={t.activationNames} value={state.act} onChange={(activation) => { dispatch({ type: 'activation', activation }); }} />
      </div>
      <ActivationValues views={views} a={state.a} chosen={state.act} />
      <div class="activations__charts">
        {views.map((v) => (
          <ActivationChart key={v.kind} view={v} a={state.a} chosen={v.kind === state.act} />
        ))}
      </div>
      <div class="activations__actions">
        <button type="button" onClick={() => { dispatch({ type: 'reset' }); }}>
          {t.reset(formatMath(initialActivations.a))}
        </button>
        <a href={link.href} data-testid="activations-to-perceptron">
          {t.toPerceptron(formatMath(link.theta))}
        </a>
      </div>
    </DemoFrame>
  );
}
