import { NumericField } from '../viz/NumericField.tsx';
import { LR_RANGE, LR_SLIDER_STEP, W0_RANGE } from '../../lib/descent/url.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.descent;

/** The learning rate (a slider and a validated field) and the start point. */
export function CurveControls({ lr, w0, threshold, onLr, onW0 }: { lr: number; w0: number; threshold: string; onLr: (lr: number) => void; onW0: (w0: number) => void }) {
  return (
    <div class="descent__params">
      <div class="descent__param">
        <NumericField id="descent-lr" label={t.lr} value={lr} {...LR_RANGE} help={t.lrHelp(threshold)} onChange={onLr} testId="descent-lr" />
        <input
          type="range"
          class="descent__slider"
          aria-label={t.lrSlider}
          min={LR_SLIDER_STEP}
          max={LR_RANGE.max}
          step={LR_SLIDER_STEP}
          value={Math.min(LR_RANGE.max, Math.max(LR_SLIDER_STEP, lr))}
          data-testid="descent-lr-slider"
          onInput={(e) => {
            const v = Number(e.currentTarget.value);
            if (Number.isFinite(v)) onLr(v);
          }}
        />
      </div>
      <div class="descent__param">
        <NumericField id="descent-w0" label={t.w0} value={w0} {...W0_RANGE} onChange={onW0} testId="descent-w0" />
      </div>
    </div>
  );
}
