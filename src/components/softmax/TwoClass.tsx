import { useMemo } from 'preact/hooks';
import { curveRange, sigmoidCurve, twoClass } from '../../lib/softmax/softmax.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import { LOGIT } from '../../lib/softmax/softmax.ts';
import { LineChart } from '../viz/LineChart.tsx';
import { NumericField } from '../viz/NumericField.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.softmax.two;
const DIGITS = 4;

/**
 * Two logits side by side: softmax's y₁ (by tfjs, `p1`) and σ(x₁ − x₂) (TypeScript), shown
 * equal, with the sigmoid curve over x₁ − x₂ and the current point.
 */
export function TwoClass({ id, x1, x2, p1, onChange }: { id: string; x1: number; x2: number; p1: number | undefined; onChange: (x1: number, x2: number) => void }) {
  const ref = twoClass(x1, x2);
  const range = curveRange(ref.difference);
  const curve = useMemo(() => sigmoidCurve(-range, range), [range]);
  const d = formatNumber(ref.difference);
  return (
    <div class="softmax__two" data-testid={`${id}-two`} data-p1={p1 === undefined ? '' : p1.toFixed(DIGITS)} data-sigmoid={ref.sigmoid.toFixed(DIGITS)}>
      <p class="softmax__subtitle">{t.title}</p>
      <p class="viz-help">{t.help}</p>
      <div class="softmax__pair">
        <NumericField id={`${id}-x1`} label={t.x1} value={x1} {...LOGIT} onChange={(v) => { onChange(v, x2); }} />
        <NumericField id={`${id}-x2`} label={t.x2} value={x2} {...LOGIT} onChange={(v) => { onChange(x1, v); }} />
      </div>
      <div class="viz-columns">
        <div class="softmax__values" aria-live="polite">
          <p data-testid={`${id}-two-softmax`}>{t.softmax(formatNumber(x1), formatNumber(x2), p1 === undefined ? '…' : p1.toFixed(DIGITS))}</p>
          <p data-testid={`${id}-two-sigmoid`}>{t.sigmoid(d, ref.sigmoid.toFixed(DIGITS))}</p>
          <p class="softmax__equal">{p1 === undefined ? '' : Math.abs(p1 - ref.sigmoid) < 1e-4 ? t.equal : t.differ}</p>
        </div>
        <div class="softmax__chart">
          <LineChart
            title={t.chartTitle}
            series={[
              { name: t.curveSeries, className: 'softmax__curve', points: curve },
              { name: t.pointSeries(d), className: 'softmax__mark', dots: true, points: [[ref.difference, ref.sigmoid]] },
            ]}
            xMin={-range}
            xMax={range}
            yMin={0}
            yMax={1}
            xLabel={t.chartX}
          />
        </div>
      </div>
    </div>
  );
}
