import { crossEntropy, CLASSES, EPSILON, normalise, PRESETS, preset, PROBABILITY } from '../../lib/loss/cross-entropy.ts';
import { crossEntropySettings } from '../../lib/loss/state.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { NumericField } from '../viz/NumericField.tsx';
import { useUrlState } from '../viz/useUrlState.ts';
import { TermTable } from './TermTable.tsx';
import { strings } from '../../i18n/index.ts';
import { useHydrated } from '../useHydrated.ts';

const t = strings.crossEntropy;
const ID = 'cross-entropy';
const DIGITS = 3;

/**
 * Lesson 3-8: a prediction (ten probabilities, typed or from a preset) against a one-hot label;
 * each term −t_k·log y_k and the total, computed as Keras computes it (divided by the sum if it
 * is not 1, clipped to [ε, 1 − ε]). The label and prediction live in the URL.
 */
export default function CrossEntropyIsland() {
  const hydrated = useHydrated();
  const [state, setState] = useUrlState(crossEntropySettings);
  const r = crossEntropy(state.pred, state.label);
  const loss = r.ok ? r.loss.toFixed(DIGITS) : '';
  return (
    <DemoFrame id={ID} title={t.title} intro={t.intro} class="xent" data-testid="cross-entropy-demo" data-hydrated={String(hydrated)} data-loss={loss} data-label={state.label}>
      <fieldset class="xent__labels">
        <legend>{t.labelLegend}</legend>
        {Array.from({ length: CLASSES }, (_, k) => (
          <label key={k} class="xent__label">
            <input type="radio" name={`${ID}-label`} value={k} checked={state.label === k} onChange={() => { setState((s) => ({ ...s, label: k })); }} />
            {k}
          </label>
        ))}
      </fieldset>
      <p class="xent__onehot" data-testid={`${ID}-onehot`}>{t.oneHot(state.label, Array.from({ length: CLASSES }, (_, k) => (k === state.label ? 1 : 0)).join(', '))}</p>
      <div class="viz-buttons" role="group" aria-label={t.presetsLabel}>
        {PRESETS.map((name) => (
          <button key={name} type="button" data-testid={`${ID}-preset-${name}`} onClick={() => { setState((s) => ({ ...s, pred: preset(name, s.label) })); }}>
            {t.presets[name]}
          </button>
        ))}
      </div>
      <fieldset class="xent__pred">
        <legend>{t.predLegend}</legend>
        {state.pred.map((y, k) => (
          <NumericField key={k} id={`${ID}-y-${k}`} label={t.yLabel(k)} value={y} {...PROBABILITY} testId={`${ID}-y-${k}`}
            onChange={(v) => { setState((s) => ({ ...s, pred: s.pred.map((p, i) => (i === k ? v : p)) })); }} />
        ))}
      </fieldset>
      <p class="viz-help">{t.clipHelp(String(EPSILON))}</p>
      {r.ok && r.normalised && (
        <p class="notice" data-testid={`${ID}-normalised`}>
          {t.normalised(formatNumber(r.sum))}{' '}
          <button type="button" onClick={() => { setState((s) => ({ ...s, pred: normalise(s.pred) })); }}>
            {t.normalise}
          </button>
        </p>
      )}
      {!r.ok && <p role="alert" class="error" data-testid={`${ID}-refused`}>{t.zeroSum}</p>}
      {r.ok && (
        <>
          <TermTable id={ID} terms={r.terms} />
          <p class="xent__total" data-testid={`${ID}-total`} aria-live="polite">
            {t.total(state.label, loss)}
          </p>
        </>
      )}
    </DemoFrame>
  );
}
