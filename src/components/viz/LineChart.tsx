import { useMemo } from 'preact/hooks';
import { linear, niceTicks } from '../../lib/training/progress.ts';
import { downsample, MAX_CHART_POINTS } from '../../lib/viz/downsample.ts';

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
/** Radius of a dot: per-epoch values, and a line's only point (one batch in). */
const DOT = 3.5;

/** SVG polyline points; a single point is repeated (a zero-length line). */
function polylinePoints(xy: readonly (readonly [number, number])[]): string {
  const text = xy.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`);
  return text.length === 1 ? `${text[0] ?? ''} ${text[0] ?? ''}` : text.join(' ');
}

interface Plotted {
  readonly series: Series;
  /** Screen coordinates: a polyline's points, or the dots. */
  readonly xy: readonly (readonly [number, number])[];
}

/**
 * A small SVG line chart; the numbers themselves are also given as text by the caller. A long
 * series (a whole run's batch losses) is drawn from at most `maxPoints` points, keeping its
 * first and last points and its spikes (src/lib/viz/downsample.ts); a line with a single point
 * is drawn as a dot, so the chart shows something from the first batch on.
 */
export function LineChart({ title, series, xMin = 0, xMax, yMin, yMax, xLabel, maxPoints = MAX_CHART_POINTS }: { title: string; series: readonly Series[]; /** Left end of the x axis (0 unless given: epochs, steps). */ xMin?: number; xMax: number; yMin: number; yMax: number; xLabel: string; maxPoints?: number }) {
  const x = linear(xMin, Math.max(xMax, xMin + 1e-9), PAD.left, W - PAD.right);
  const y = linear(yMin, yMax, H - PAD.bottom, PAD.top);
  const yTicks = niceTicks(yMin, yMax, 4);
  const xTicks = niceTicks(xMin, xMax, 5).filter((t) => Number.isInteger(t));
  const plotted = useMemo<readonly Plotted[]>(
    () => series.map((s) => ({ series: s, xy: downsample(s.points, maxPoints).map(([px, py]) => [x(px), y(py)] as const) })),
    [series, maxPoints, xMin, xMax, yMin, yMax],
  );
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
        {plotted.map(({ series: s, xy }) =>
          s.dots ? (
            <g key={s.name} class={s.className}>
              {xy.map(([cx, cy], i) => (
                <circle key={i} cx={cx} cy={cy} r={DOT} />
              ))}
            </g>
          ) : (
            // One point: a zero-length line with round caps is a dot in the line's own colour.
            <polyline key={s.name} class={xy.length === 1 ? `${s.className} viz-chart__point` : s.className} fill="none" points={polylinePoints(xy)} />
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
