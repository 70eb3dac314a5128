import { useEffect, useRef } from 'preact/hooks';
import { greyToRgba } from '../../lib/mnist/explorer.ts';

/** A rows×cols grey image drawn pixel for pixel and scaled up without smoothing. An empty label makes it decorative. */
export function DigitCanvas({ pixels, rows, cols, size, label }: { pixels: Uint8Array; rows: number; cols: number; size: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(greyToRgba(pixels), cols, rows), 0, 0);
  }, [pixels, rows, cols]);
  const style = { width: `${size}px`, height: `${size}px` };
  return label === '' ? (
    <canvas ref={ref} class="digit-canvas" width={cols} height={rows} style={style} aria-hidden="true" />
  ) : (
    <canvas ref={ref} class="digit-canvas" width={cols} height={rows} style={style} role="img" aria-label={label} />
  );
}
