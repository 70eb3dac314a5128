import { useMemo, useRef } from 'preact/hooks';
import { contours, pathPolyline, screenToSurface, SURFACE_BOX, surfaceToScreen } from '../../lib/descent/plot.ts';
import { BOWL, clampStart, nudgeStart, OPTIMISERS, type Point2 } from '../../lib/descent/surface.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import type { Paths } from './useSurfacePaths.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.descent;

/**
 * The bowl as contour ellipses, the three paths up to step `shown`, the start (a button: arrow
 * keys move it) and the minimum. A click or tap anywhere sets the start.
 */
export function SurfacePlot({ start, paths, shown, onStart }: { start: Point2; paths: Paths | undefined; shown: number; onStart: (p: Point2) => void }) {
  const svg = useRef<SVGSVGElement>(null);
  const rings = useMemo(() => contours(BOWL, 9), []);
  const b = SURFACE_BOX;
  const centre = surfaceToScreen({ x: 0, y: 0 });
  const s = surfaceToScreen(start);
  const label = `${t.start} (${formatNumber(start.x)}, ${formatNumber(start.y)})`;
  return (
    <svg
      ref={svg}
      class="descent__surface"
      viewBox={`0 0 ${b.width} ${b.height}`}
      aria-label={t.surfaceLabel(formatNumber(start.x), formatNumber(start.y))}
      aria-describedby="descent-surface-help"
      role="group"
      data-testid="descent-surface-plot"
      onPointerDown={(e) => {
        if (e.button !== 0 || !svg.current) return;
        const r = svg.current.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return;
        e.preventDefault();
        onStart(clampStart(screenToSurface(((e.clientX - r.left) / r.width) * b.width, ((e.clientY - r.top) / r.height) * b.height)));
        svg.current.querySelector<SVGGElement>('.descent__start')?.focus();
      }}
    >
      <defs>
        <clipPath id="descent-surface-clip">
          <rect x={0} y={0} width={b.width} height={b.height} />
        </clipPath>
      </defs>
      <g clip-path="url(#descent-surface-clip)" aria-hidden="true">
        <rect class="descent__ground" x={0} y={0} width={b.width} height={b.height} />
        {[...rings].reverse().map((c, i) => (
          <ellipse key={c.loss} class="descent__ring" cx={centre.x} cy={centre.y} rx={c.rx} ry={c.ry} style={{ fillOpacity: 0.02 + 0.008 * i }} />
        ))}
        <line class="descent__axis" x1={0} y1={centre.y} x2={b.width} y2={centre.y} />
        <line class="descent__axis" x1={centre.x} y1={0} x2={centre.x} y2={b.height} />
        {paths &&
          OPTIMISERS.map((k) => {
            const p = paths[k].path;
            const end = surfaceToScreen(p[Math.min(shown, p.length - 1)] ?? { x: NaN, y: NaN });
            const finite = Number.isFinite(p[Math.min(shown, p.length - 1)]?.x) && Number.isFinite(p[Math.min(shown, p.length - 1)]?.y);
            return (
              <g key={k} class={`descent__path descent__path--${k}`} data-testid={`descent-path-${k}`}>
                <polyline points={pathPolyline(p, shown)} fill="none" />
                {finite && <circle cx={end.x} cy={end.y} r={5} />}
              </g>
            );
          })}
        <circle class="descent__minimum" cx={centre.x} cy={centre.y} r={4}>
          <title>{t.minimum}</title>
        </circle>
      </g>
      <g
        class="descent__start"
        tabIndex={0}
        role="button"
        aria-label={label}
        aria-describedby="descent-surface-help"
        data-testid="descent-start"
        transform={`translate(${String(s.x)} ${String(s.y)})`}
        onKeyDown={(e) => {
          const next = nudgeStart(start, e.key, e.shiftKey);
          if (!next) return;
          e.preventDefault();
          onStart(next);
        }}
      >
        <circle class="descent__start-hit" r={12} />
        <path class="descent__start-mark" d="M -7 -7 L 7 7 M -7 7 L 7 -7" />
      </g>
    </svg>
  );
}
