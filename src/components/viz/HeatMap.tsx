import { useMemo } from 'preact/hooks';
import { sheetRgba, type SheetMode } from '../../lib/viz/image.ts';
import { PixelCanvas } from './PixelCanvas.tsx';

export interface HeatMapProps {
  /** One map (height×width values, row by row) or several, channels last ([h, w, channels]). */
  values: ArrayLike<number>;
  width: number;
  height: number;
  /** Maps in `values` (1: a single map). */
  channels?: number | undefined;
  /** Tiles per row of the sheet (default: all in one row). */
  columns?: number | undefined;
  /** Pixels between tiles (default 1 when there are several). */
  gap?: number | undefined;
  /** 'grey' 0..1, 'per-tile' each map to its own maximum, 'signed' one diverging scale (see ColorScale). */
  mode: SheetMode;
  /** Ends of the signed scale (±maxAbs); default: the largest |value| shown. Pass the same to ColorScale. */
  maxAbs?: number | undefined;
  /** CSS pixels per value. */
  scale: number;
  /** What the picture shows, for screen readers (give the numbers elsewhere as text when they matter). */
  label: string;
  testId?: string | undefined;
}

/**
 * A heat map, or a sheet of feature maps: the values drawn as pixels with the kit's colour
 * scales. Recomputed only when its inputs change.
 */
export function HeatMap({ values, width, height, channels = 1, columns, gap, mode, maxAbs, scale, label, testId }: HeatMapProps) {
  const image = useMemo(
    () => sheetRgba(values, { tileWidth: width, tileHeight: height, channels, columns: columns ?? channels, gap: gap ?? (channels > 1 ? 1 : 0) }, mode, maxAbs),
    [values, width, height, channels, columns, gap, mode, maxAbs],
  );
  return <PixelCanvas image={image} scale={scale} label={label} testId={testId} />;
}
