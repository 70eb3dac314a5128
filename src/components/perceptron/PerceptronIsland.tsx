import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatMath } from '../../lib/perceptron/formula.ts';
import { activationsLink } from '../../lib/perceptron/links.ts';
import {
  DECK_EXAMPLE,
  INPUT_SPEC,
  perceptronResult,
  perceptronUrl,
  reducePerceptron,
  THETA_SPEC,
  WEIGHT_SPEC,
  type PerceptronEvent,
} from '../../lib/perceptron/perceptron-state.ts';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { NumericField } from '../viz/NumericField.tsx';
import { useUrlState } from '../viz/useUrlState.ts';
import { ActivationPicker } from './ActivationPicker.tsx';
import { PerceptronResults } from './PerceptronResults.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.perceptron;
const intro = () => t.intro(DECK_EXAMPLE.inputs.map(formatMath).join(', '), formatMath(DECK_EXAMPLE.weights[0]), formatMath(DECK_EXAMPLE.theta));

/**
 * Lesson 1-2a: a perceptron with three inputs. Inputs, weights and θ are edited in number fields,
 * the activation is chosen among step / sigmoid / ReLU, and the weighted sum, the comparison with
 * θ, the output and the formula with the current numbers follow (src/lib/perceptron/). The whole
 * configuration is in the URL.
 */
export default function PerceptronIsland() {
  const [hydrated, setHydrated] = useState(false);
  const [state, setState] = useUrlState(perceptronUrl);
  useEffect(() => {
    setHydrated(true);
  }, []);
  const dispatch = (event: PerceptronEvent) => {
    setState((s) => reducePerceptron(s, event));
  };
  const result = useMemo(() => perceptronResult(state), [state]);
  const link = activationsLink(state);

  return (
    <DemoFrame id="perceptron" title={t.title} intro={intro()} class="perceptron" data-testid="perceptron-demo" data-hydrated={String(hydrated)} data-output={result.output}>
      <div class="perceptron__main">
        <div class="perceptron__controls">
          <fieldset class="perceptron__pairs">
            <legend>{t.inputsLegend}</legend>
            {state.x.map((x, i) => (
              <div class="perceptron__pair" key={i}>
                <NumericField id={`perceptron-x${i + 1}`} label={t.input(i)} value={x} {...INPUT_SPEC} onChange={(value) => { dispatch({ type: 'input', index: i, value }); }} />
                <NumericField id={`perceptron-w${i + 1}`} label={t.weight(i)} value={state.w[i] ?? 0} {...WEIGHT_SPEC} onChange={(value) => { dispatch({ type: 'weight', index: i, value }); }} />
              </div>
            ))}
          </fieldset>
          <NumericField id="perceptron-theta" label={t.theta} value={state.theta} {...THETA_SPEC} onChange={(value) => { dispatch({ type: 'theta', value }); }} />
          <ActivationPicker id="perceptron-activation" legend={t.activationLegend} names={t.activationNames} help={t.activationHelp} value={state.act} onChange={(activation) => { dispatch({ type: 'activation', activation }); }} />
        </div>
        <PerceptronResults inputs={state.x} weights={state.w} result={result} />
      </div>
      <div class="perceptron__actions">
        <button type="button" onClick={() => { dispatch({ type: 'reset' }); }}>
          {t.reset}
        </button>
        <a href={link.href} data-testid="perceptron-to-activations">
          {link.clamped ? t.toActivationsClamped(formatMath(result.a), formatMath(link.a)) : t.toActivations(formatMath(link.a))}
        </a>
      </div>
    </DemoFrame>
  );
}
