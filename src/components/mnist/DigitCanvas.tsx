import { useEffect, useRef } from 'preact/hooks';
import { greyToRgba } from '../../lib/mnist/explorer.ts';

/** A rows×cols grey image drawn pixel for pixel and scaled up without smoothing. */
export function DigitCanvas({ pixels, rows, cols, size, label }: { pixels: Uint8Array; rows: number; cols: number; size: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(greyToRgba(pixels), cols, rows), 0, 0);
  }, [pixels, rows, cols]);
  return <canvas ref={ref} class="digit-canvas" width={cols} height={rows} style={{ width: `${size}px`, height: `${size}px` }} role="img" aria-label={label} />;
}
