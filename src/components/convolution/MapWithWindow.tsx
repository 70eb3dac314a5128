import type { SheetMode } from '../../lib/viz/image.ts';
import { HeatMap } from '../viz/HeatMap.tsx';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/**
 * A heat map with a square outline drawn over it (the sliding window on the input, its cell on
 * the output). Pointer and keyboard handlers, when given, sit on the wrapper.
 */
export function MapWithWindow({ values, side, mode, maxAbs, scale, label, box, testId, control }: {
  values: ArrayLike<number>;
  side: number;
  mode: SheetMode;
  maxAbs?: number | undefined;
  scale: number;
  label: string;
  box: Box;
  testId?: string | undefined;
  /** Makes the map a control: focusable, named, moved by keys and clicks. */
  control?: { label: string; describedBy: string; onKeyDown: (e: KeyboardEvent) => void; onClick: (e: MouseEvent) => void; testId: string } | undefined;
}) {
  return (
    <div
      class={control ? 'conv__map conv__map--control' : 'conv__map'}
      tabIndex={control ? 0 : undefined}
      role={control ? 'group' : undefined}
      aria-label={control?.label}
      aria-describedby={control?.describedBy}
      onKeyDown={control?.onKeyDown}
      onClick={control?.onClick}
      data-testid={control?.testId}
    >
      <HeatMap values={values} width={side} height={side} mode={mode} maxAbs={maxAbs} scale={scale} label={label} testId={testId} />
      <svg class="conv__window" viewBox={`0 0 ${side} ${side}`} preserveAspectRatio="none" aria-hidden="true">
        <rect x={box.x} y={box.y} width={box.size} height={box.size} />
      </svg>
    </div>
  );
}
