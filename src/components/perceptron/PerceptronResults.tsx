import { comparisonText, equalsSign, formatMath, formatOutput, neuronFormula } from '../../lib/perceptron/formula.ts';
import type { NeuronResult } from '../../lib/perceptron/neuron.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.perceptron;

/** The weighted sum, the comparison with θ, a, the output and the whole formula (a live region). */
export function PerceptronResults({ inputs, weights, result }: { inputs: readonly number[]; weights: readonly number[]; result: NeuronResult }) {
  const out = formatOutput(result.activation, result.output);
  const verdict = result.comparison === '>' ? t.fires : result.comparison === '=' ? t.equal : t.below;
  return (
    <div class="perceptron__results" role="status" aria-live="polite" aria-atomic="true">
      <p class="perceptron__results-title">{t.resultsTitle}</p>
      <dl class="perceptron__numbers">
        <dt>{t.sum}</dt>
        <dd data-testid="perceptron-sum">{formatMath(result.sum)}</dd>
        <dt>{t.comparison}</dt>
        <dd>
          <span data-testid="perceptron-comparison">{comparisonText(result)}</span> <span class="perceptron__verdict">{verdict}</span>
        </dd>
        <dt>{t.linear}</dt>
        <dd data-testid="perceptron-a">{formatMath(result.a)}</dd>
        <dt>{t.output}</dt>
        <dd class="perceptron__output">
          {out.exact ? '' : `${equalsSign(out)} `}
          <strong data-testid="perceptron-output">{out.text}</strong>
        </dd>
      </dl>
      <p class="perceptron__formula-label">{t.formula}</p>
      <p class="perceptron__formula" data-testid="perceptron-formula">
        {neuronFormula(inputs, weights, result)}
      </p>
    </div>
  );
}
