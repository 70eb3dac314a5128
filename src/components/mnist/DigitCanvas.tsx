import { useMemo } from 'preact/hooks';
import { greyToRgba } from '../../lib/mnist/explorer.ts';
import { usePixels } from '../viz/PixelCanvas.tsx';

/**
 * A rows×cols grey image drawn pixel for pixel and scaled up without smoothing. An empty label
 * makes it decorative. A bare canvas of a fixed size (thumbnails sit in buttons and galleries);
 * the pixels go in through the kit's PixelCanvas hook.
 */
export function DigitCanvas({ pixels, rows, cols, size, label }: { pixels: Uint8Array; rows: number; cols: number; size: number; label: string }) {
  const image = useMemo(() => ({ data: greyToRgba(pixels), width: cols, height: rows }), [pixels, rows, cols]);
  const ref = usePixels(image);
  const style = { width: `${size}px`, height: `${size}px` };
  return label === '' ? (
    <canvas ref={ref} class="digit-canvas" width={cols} height={rows} style={style} aria-hidden="true" />
  ) : (
    <canvas ref={ref} class="digit-canvas" width={cols} height={rows} style={style} role="img" aria-label={label} />
  );
}
