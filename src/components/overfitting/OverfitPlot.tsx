import { useMemo } from 'preact/hooks';
import type { OverfitData } from '../../lib/overfitting/data.ts';
import { fitPath, PAD, toX, toY, truthPath, VIEW_H, VIEW_W } from '../../lib/overfitting/plot.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.overfitting;
const TRUTH = truthPath();

/** The points (training filled, validation hollow), the true curve (dotted) and the fitted polynomial. */
export function OverfitPlot({ data, weights, steps }: { data: OverfitData; weights: readonly number[]; steps: number }) {
  const fit = useMemo(() => fitPath(weights), [weights]);
  return (
    <figure class="viz-figure overfit__figure">
      <figcaption>{t.plotTitle}</figcaption>
      <svg class="overfit__plot" viewBox={`0 0 ${VIEW_W} ${VIEW_H}`} role="img" aria-label={t.plotAlt(steps)}>
        <defs>
          <clipPath id="overfit-clip">
            <rect x={PAD} y={PAD} width={VIEW_W - 2 * PAD} height={VIEW_H - 2 * PAD} />
          </clipPath>
        </defs>
        <line x1={PAD} x2={VIEW_W - PAD} y1={toY(0)} y2={toY(0)} class="chart-grid" />
        <path d={TRUTH} class="overfit__truth" fill="none" />
        <path d={fit} class="overfit__fit" fill="none" clip-path="url(#overfit-clip)" />
        {data.validation.map((p, i) => (
          <circle key={`v${i}`} cx={toX(p.x)} cy={toY(p.y)} r={3.5} class="overfit__validation" />
        ))}
        {data.train.map((p, i) => (
          <circle key={`t${i}`} cx={toX(p.x)} cy={toY(p.y)} r={4.5} class="overfit__train" />
        ))}
      </svg>
      <ul class="chart-legend">
        <li><span class="overfit__key overfit__key--train" aria-hidden="true" /> {t.trainPoints}</li>
        <li><span class="overfit__key overfit__key--validation" aria-hidden="true" /> {t.validationPoints}</li>
        <li><span class="overfit__key overfit__key--truth" aria-hidden="true" /> {t.truth}</li>
        <li><span class="overfit__key overfit__key--fit" aria-hidden="true" /> {t.fit}</li>
      </ul>
    </figure>
  );
}
