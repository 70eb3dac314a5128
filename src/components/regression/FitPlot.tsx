import { useRef } from 'preact/hooks';
import { formatNumber } from '../../lib/viz/numeric.ts';
import type { Point } from '../../lib/regression/fit.ts';
import { BIG_MOVE, GRID } from '../../lib/regression/state.ts';
import { clientToView, fromScreen, lineEnds, PAD, PLOT, residualSquare, TICKS, toScreenX, toScreenY, VIEW, VIEW_H } from '../../lib/regression/plot.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.regression;

export interface FitPlotProps {
  readonly points: readonly Point[];
  readonly a: number;
  readonly b: number;
  readonly selected: number | null;
  readonly onAdd: (x: number, y: number) => void;
  readonly onMove: (index: number, x: number, y: number) => void;
  readonly onNudge: (index: number, dx: number, dy: number) => void;
  readonly onRemove: (index: number) => void;
  readonly onSelect: (index: number) => void;
}

const KEY_MOVES: Readonly<Record<string, readonly [number, number]>> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

/**
 * The scatter plot: points, the line, and each residual's square (equal scales on both axes, so
 * its area is the squared residual). Empty space: a click or tap adds a point; a point drags
 * with mouse, pen or finger, and, focused, moves with the arrow keys and goes with Delete.
 */
export function FitPlot({ points, a, b, selected, onAdd, onMove, onNudge, onRemove, onSelect }: FitPlotProps) {
  const svg = useRef<SVGSVGElement>(null);
  const dragging = useRef<number | null>(null);
  const toData = (e: PointerEvent): Point | null => {
    const box = svg.current?.getBoundingClientRect();
    if (!box || box.width === 0) return null;
    const v = clientToView(e.clientX, e.clientY, box);
    return fromScreen(v.x, v.y);
  };
  const focusPoint = (i: number) => {
    requestAnimationFrame(() => {
      svg.current?.querySelector<SVGGElement>(`[data-index="${String(i)}"]`)?.focus();
    });
  };
  const line = lineEnds(a, b);
  return (
    <svg
      ref={svg}
      class="regression__plot"
      viewBox={`0 0 ${String(VIEW)} ${String(VIEW_H)}`}
      role="group"
      aria-label={t.plotLabel}
      aria-describedby="regression-plot-help"
      data-testid="regression-plot"
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        const p = toData(e);
        if (!p || p.x < 0 || p.x > 10 || p.y < 0 || p.y > 10) return;
        e.preventDefault();
        onAdd(p.x, p.y);
      }}
      onPointerMove={(e) => {
        const i = dragging.current;
        const p = toData(e);
        if (i === null || !p) return;
        e.preventDefault();
        onMove(i, p.x, p.y);
      }}
      onPointerUp={() => {
        dragging.current = null;
      }}
      onPointerCancel={() => {
        dragging.current = null;
      }}
    >
      <defs>
        <clipPath id="regression-clip">
          <rect x={PAD.left} y={PAD.top} width={PLOT} height={PLOT} />
        </clipPath>
      </defs>
      <rect class="regression__area" x={PAD.left} y={PAD.top} width={PLOT} height={PLOT} />
      {TICKS.map((v) => (
        <g key={v} aria-hidden="true">
          <line class="chart-grid" x1={toScreenX(v)} x2={toScreenX(v)} y1={PAD.top} y2={PAD.top + PLOT} />
          <line class="chart-grid" x1={PAD.left} x2={PAD.left + PLOT} y1={toScreenY(v)} y2={toScreenY(v)} />
          <text class="chart-tick" x={toScreenX(v)} y={PAD.top + PLOT + 14} text-anchor="middle">{v}</text>
          <text class="chart-tick" x={PAD.left - 5} y={toScreenY(v) + 4} text-anchor="end">{v}</text>
        </g>
      ))}
      <text class="chart-axis" aria-hidden="true" x={PAD.left + PLOT / 2} y={VIEW_H - 2} text-anchor="middle">{t.axisX}</text>
      <text class="chart-axis" aria-hidden="true" x={10} y={PAD.top + PLOT / 2} text-anchor="middle">{t.axisY}</text>
      <g clip-path="url(#regression-clip)" aria-hidden="true">
        {points.map((p, i) => {
          const s = residualSquare(p, a, b);
          return <rect key={i} class={s.residual >= 0 ? 'regression__square' : 'regression__square regression__square--below'} x={s.x} y={s.y} width={s.size} height={s.size} />;
        })}
        <line class="regression__line" {...line} data-testid="regression-line" />
      </g>
      {points.map((p, i) => {
        const s = residualSquare(p, a, b);
        return (
          <g
            key={i}
            class={i === selected ? 'regression__point regression__point--selected' : 'regression__point'}
            data-index={i}
            tabIndex={0}
            role="button"
            aria-label={t.pointLabel(i, formatNumber(p.x), formatNumber(p.y), formatNumber(s.residual))}
            transform={`translate(${String(toScreenX(p.x))} ${String(toScreenY(p.y))})`}
            onPointerDown={(e) => {
              if (e.button !== 0) return;
              e.stopPropagation();
              e.preventDefault();
              svg.current?.setPointerCapture(e.pointerId);
              dragging.current = i;
              onSelect(i);
              focusPoint(i);
            }}
            onFocus={() => {
              if (selected !== i) onSelect(i);
            }}
            onKeyDown={(e) => {
              const move = KEY_MOVES[e.key];
              if (move) {
                e.preventDefault();
                const d = e.shiftKey ? BIG_MOVE : GRID;
                onNudge(i, move[0] * d, move[1] * d);
              } else if (e.key === 'Delete' || e.key === 'Backspace') {
                e.preventDefault();
                onRemove(i);
                if (points.length > 1) focusPoint(Math.min(i, points.length - 2));
              }
            }}
          >
            <circle class="regression__hit" r={14} />
            <circle class="regression__dot" r={i === selected ? 7 : 5.5} />
          </g>
        );
      })}
    </svg>
  );
}
