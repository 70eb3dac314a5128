import { linear, niceTicks } from '../../lib/training/progress.ts';

export interface Series {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
  readonly className: string;
  /** Draw dots (per-epoch values) instead of a line. */
  readonly dots?: boolean;
}

const W = 360;
const H = 180;
const PAD = { left: 40, right: 10, top: 10, bottom: 28 };

/** A small SVG line chart; the numbers themselves are also given as text by the caller. */
export function LineChart({ title, series, xMax, yMin, yMax, xLabel }: { title: string; series: readonly Series[]; xMax: number; yMin: number; yMax: number; xLabel: string }) {
  const x = linear(0, Math.max(xMax, 1e-9), PAD.left, W - PAD.right);
  const y = linear(yMin, yMax, H - PAD.bottom, PAD.top);
  const yTicks = niceTicks(yMin, yMax, 4);
  const xTicks = niceTicks(0, xMax, 5).filter((t) => Number.isInteger(t));
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} class="chart-grid" />
            <text x={PAD.left - 4} y={y(t) + 4} text-anchor="end" class="chart-tick">
              {t}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} x={x(t)} y={H - PAD.bottom + 14} text-anchor="middle" class="chart-tick">
            {t}
          </text>
        ))}
        <text x={(PAD.left + W - PAD.right) / 2} y={H - 2} text-anchor="middle" class="chart-tick">
          {xLabel}
        </text>
        {series.map((s) =>
          s.dots ? (
            <g key={s.name} class={s.className}>
              {s.points.map(([px, py]) => (
                <circle key={px} cx={x(px)} cy={y(py)} r={3.5} />
              ))}
            </g>
          ) : (
            <polyline key={s.name} class={s.className} fill="none" points={s.points.map(([px, py]) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ')} />
          ),
        )}
      </svg>
      <ul class="chart-legend">
        {series.map((s) => (
          <li key={s.name}>
            <span class={`chart-swatch ${s.className}`} aria-hidden="true" /> {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}
