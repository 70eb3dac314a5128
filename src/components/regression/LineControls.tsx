import { NumericField } from '../viz/NumericField.tsx';
import { PARAM_RANGE } from '../../lib/regression/fit.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.regression;
/** What the sliders cover (the fields take the whole range). */
const SLIDER = { min: -10, max: 10, step: 0.01 } as const;

function Param({ id, label, sliderLabel, value, onChange }: { id: string; label: string; sliderLabel: string; value: number; onChange: (v: number) => void }) {
  return (
    <div class="regression__param">
      <NumericField id={id} label={label} value={value} {...PARAM_RANGE} onChange={onChange} testId={id} />
      <input
        type="range"
        class="regression__slider"
        aria-label={sliderLabel}
        min={SLIDER.min}
        max={SLIDER.max}
        step={SLIDER.step}
        value={Math.min(SLIDER.max, Math.max(SLIDER.min, value))}
        data-testid={`${id}-slider`}
        onInput={(e) => {
          const v = Number(e.currentTarget.value);
          if (Number.isFinite(v)) onChange(v);
        }}
      />
    </div>
  );
}

/** a and b, each as a slider and a numeric field (the field refuses what is not a number in range). */
export function LineControls({ a, b, onA, onB }: { a: number; b: number; onA: (a: number) => void; onB: (b: number) => void }) {
  return (
    <div class="regression__params">
      <Param id="regression-a" label={t.a} sliderLabel={t.aSlider} value={a} onChange={onA} />
      <Param id="regression-b" label={t.b} sliderLabel={t.bSlider} value={b} onChange={onB} />
    </div>
  );
}
