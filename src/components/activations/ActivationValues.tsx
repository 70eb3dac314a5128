import { appliedValue } from '../../lib/perceptron/formula.ts';
import type { ActivationView } from '../../lib/perceptron/activations-state.ts';
import type { Activation } from '../../lib/perceptron/neuron.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.activations;

/** The three values at a as text, and the neuron's output with the chosen function (a live region). */
export function ActivationValues({ views, a, chosen }: { views: readonly ActivationView[]; a: number; chosen: Activation }) {
  const picked = views.find((v) => v.kind === chosen);
  return (
    <div class="activations__values" role="status" aria-live="polite" aria-atomic="true">
      <p class="activations__values-title">{t.valuesTitle}</p>
      <ul>
        {views.map((v) => (
          <li key={v.kind} data-testid={`activations-value-${v.kind}`}>
            {appliedValue(v.kind, a, v.value)}
          </li>
        ))}
      </ul>
      {picked && (
        <p class="activations__output">
          {t.output(t.activationNames[chosen])}: <strong data-testid="activations-output">{appliedValue(chosen, a, picked.value)}</strong>
        </p>
      )}
    </div>
  );
}
