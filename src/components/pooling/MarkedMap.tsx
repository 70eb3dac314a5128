import type { SheetMode } from '../../lib/viz/image.ts';
import { HeatMap } from '../viz/HeatMap.tsx';

/** A rectangle over a map, in cells: (x, y) its top-left cell, w×h cells. */
export interface Mark {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly className: string;
}

/**
 * A HeatMap with rectangles drawn over some of its cells (the rows an odd size drops, the value
 * chosen in a line). The marks scale with the picture when it shrinks to fit a narrow column.
 */
export function MarkedMap({ values, width, height, mode, scale, label, marks, testId }: { values: ArrayLike<number>; width: number; height: number; mode: SheetMode; scale: number; label: string; marks: readonly Mark[]; testId?: string | undefined }) {
  return (
    <span class="marked-map">
      <HeatMap values={values} width={width} height={height} mode={mode} scale={scale} label={label} testId={testId} />
      <svg class="marked-map__marks" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true">
        {marks.map((m, i) => (
          <rect key={i} class={m.className} x={m.x} y={m.y} width={m.w} height={m.h} vector-effect="non-scaling-stroke" />
        ))}
      </svg>
    </span>
  );
}
