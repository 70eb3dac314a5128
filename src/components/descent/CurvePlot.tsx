import { useMemo } from 'preact/hooks';
import type { Curve, Step } from '../../lib/descent/curve.ts';
import { CURVE_BOX, curvePolyline, curveX, curveY } from '../../lib/descent/plot.ts';
import { PLOT_W } from '../../lib/descent/curve-state.ts';
import { lossAt } from '../../lib/descent/curve.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.descent;

/** The parabola, the steps taken as arrows, and the point where it is now (pinned to the edge once it has left). */
export function CurvePlot({ curve, w0, steps, formula }: { curve: Curve; w0: number; steps: readonly Step[]; formula: string }) {
  const line = useMemo(() => curvePolyline(curve), [curve]);
  const w = steps.at(-1)?.next ?? w0;
  const b = CURVE_BOX;
  const ticks = [PLOT_W.min, 0, curve.wStar, PLOT_W.max];
  return (
    <svg class="descent__plot" viewBox={`0 0 ${b.width} ${b.height}`} role="img" aria-label={t.curveLabel(formula, formatNumber(w), formatNumber(lossAt(curve, w)))} data-testid="descent-curve-plot">
      <line class="descent__axis" x1={b.left} y1={b.height - b.bottom} x2={b.width - b.right} y2={b.height - b.bottom} />
      <line class="descent__axis" x1={b.left} y1={b.top} x2={b.left} y2={b.height - b.bottom} />
      {ticks.map((v) => (
        <text key={v} class="descent__tick" x={curveX(v)} y={b.height - b.bottom + 16} text-anchor="middle">{formatNumber(v)}</text>
      ))}
      <text class="descent__tick" x={b.width - b.right} y={b.height - 2} text-anchor="end">w</text>
      <text class="descent__tick" x={b.left - 6} y={b.top + 8} text-anchor="end">L</text>
      <polyline class="descent__curve" points={line} fill="none" />
      {steps.map((s, i) => (
        <line key={i} class="descent__jump" x1={curveX(s.w)} y1={curveY(curve, s.loss)} x2={curveX(s.next)} y2={curveY(curve, s.nextLoss)} />
      ))}
      {steps.map((s, i) => (
        <circle key={i} class="descent__trail" cx={curveX(s.w)} cy={curveY(curve, s.loss)} r={3} />
      ))}
      <circle class="descent__now" cx={curveX(w)} cy={curveY(curve, lossAt(curve, w))} r={6} />
    </svg>
  );
}
