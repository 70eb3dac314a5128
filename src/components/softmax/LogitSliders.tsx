import { LOGIT, LOGIT_STEP } from '../../lib/softmax/softmax.ts';
import { NumericField } from '../viz/NumericField.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.softmax;
/** The sliders cover the usual range of a trained model's logits; the fields take all of LOGIT. */
export const SLIDER = { min: -20, max: 20 } as const;

/** One slider and one validated number field per logit, labelled by its digit. */
export function LogitSliders({ id, logits, onChange }: { id: string; logits: readonly number[]; onChange: (k: number, value: number) => void }) {
  return (
    <fieldset class="softmax__logits">
      <legend>{t.logitsLegend}</legend>
      <p class="viz-help">{t.logitsHelp(SLIDER.min, SLIDER.max, LOGIT.min, LOGIT.max)}</p>
      {logits.map((x, k) => (
        <div class="softmax__logit" key={k}>
          <input
            type="range"
            class="softmax__slider"
            min={SLIDER.min}
            max={SLIDER.max}
            step={LOGIT_STEP}
            value={Math.max(SLIDER.min, Math.min(SLIDER.max, x))}
            aria-label={t.sliderLabel(k)}
            aria-valuetext={String(x)}
            data-testid={`${id}-slider-${k}`}
            onInput={(e) => {
              const v = Number(e.currentTarget.value);
              if (Number.isFinite(v)) onChange(k, Math.round(v * 10) / 10);
            }}
          />
          <NumericField id={`${id}-logit-${k}`} label={t.logitLabel(k)} value={x} {...LOGIT} onChange={(v) => { onChange(k, v); }} testId={`${id}-logit-${k}`} />
        </div>
      ))}
    </fieldset>
  );
}
