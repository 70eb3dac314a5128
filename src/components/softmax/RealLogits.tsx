import { useMemo, useState } from 'preact/hooks';
import { argmax, denseLogits, maxChange, presetLogits, softmax } from '../../lib/softmax/softmax.ts';
import { formatInt } from '../../lib/format.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import { DigitPicker } from '../mnist/DigitPicker.tsx';
import { useSampleDigit } from '../mnist/useSampleDigit.ts';
import { ModelInUse } from '../model/ModelInUse.tsx';
import { useActivations } from '../model/useActivations.ts';
import { useCourseModel } from '../model/useCourseModel.ts';
import { useLearnedFilters } from '../model/useLearnedFilters.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.softmax.real;

/**
 * The preset from the model in use: a real MNIST digit's flattened activations times the dense
 * layer's weights plus its biases give the ten logits (src/lib/softmax/softmax.ts); their
 * softmax is checked against the probabilities the model itself output, and a button puts
 * them into the sliders.
 */
export function RealLogits({ id, onApply }: { id: string; onApply: (logits: number[]) => void }) {
  const model = useCourseModel();
  const digit = useSampleDigit();
  const act = useActivations(model, digit.image, ['flatten']);
  const weights = useLearnedFilters(model, 'dense');
  const dense = weights.phase === 'ready' ? weights.filters : weights.phase === 'error' ? { error: weights.message } : undefined;
  const [applied, setApplied] = useState('');

  const result = useMemo(() => {
    if (act.phase !== 'ready' || !dense || 'error' in dense) return undefined;
    const flat = act.prediction.activations.flatten;
    if (!flat) return undefined;
    const logits = denseLogits(flat.data, dense.kernels, dense.shape, dense.biases);
    return { logits, units: flat.data.length, check: maxChange(softmax(logits), act.prediction.probabilities), answer: argmax(logits), tensors: act.prediction.tensors };
  }, [act, dense]);

  const error = act.phase === 'error' ? act.message : dense && 'error' in dense ? dense.error : undefined;
  return (
    <div class="softmax__real" data-testid={`${id}-real`} data-phase={result ? 'ready' : error ? 'error' : 'waiting'} data-check={result?.check.toExponential(1)} data-tensors={result?.tensors}>
      <p class="softmax__subtitle">{t.title}</p>
      <ModelInUse id={id} state={model.state} report={model.report} onRetry={() => { model.retry(); }} />
      <DigitPicker id={id} digit={digit} size={84} />
      {error !== undefined && <p role="alert" class="error">{t.error(error)}</p>}
      {!result && error === undefined && <p role="status">{t.waiting}</p>}
      {result && (
        <div aria-live="polite">
          <p class="softmax__logit-list" data-testid={`${id}-real-logits`}>
            {t.logits(formatInt(result.units), result.logits.map((x) => formatNumber(Number(x.toFixed(2)))).join(', '))}
          </p>
          <p data-testid={`${id}-real-check`}>{t.check(result.check.toExponential(1), result.answer)}</p>
          <div class="viz-buttons">
            <button
              type="button"
              data-testid={`${id}-real-apply`}
              onClick={() => {
                const p = presetLogits(result.logits);
                onApply(p.logits);
                setApplied(p.clamped ? t.clamped : t.applied(digit.label ?? 0));
              }}
            >
              {t.apply}
            </button>
          </div>
          <p class="softmax__note" role="status">{applied}</p>
        </div>
      )}
    </div>
  );
}
