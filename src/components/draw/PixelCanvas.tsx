import { useEffect, useRef } from 'preact/hooks';
import type { Rgba } from './sheet.ts';

/**
 * An image drawn pixel for pixel and scaled up without smoothing; `marker` puts a + on a point
 * given in pixel-centre coordinates (pixel (0, 0) has its centre at (0, 0)).
 */
export function PixelCanvas({ image, scale, label, marker, testId }: { image: Rgba; scale: number; label: string; marker?: { x: number; y: number } | undefined; testId?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
  }, [image]);
  const arm = Math.max(1.5, Math.min(image.width, image.height) / 8);
  return (
    <span class="draw__pixels" style={{ width: `${image.width * scale}px` }}>
      <canvas ref={ref} width={image.width} height={image.height} role="img" aria-label={label} data-testid={testId} />
      {marker && (
        <svg viewBox={`0 0 ${image.width} ${image.height}`} aria-hidden="true" preserveAspectRatio="none">
          <g class="draw__marker" style={{ strokeWidth: `${Math.max(image.width, image.height) / 60}` }}>
            <line x1={marker.x + 0.5 - arm} y1={marker.y + 0.5} x2={marker.x + 0.5 + arm} y2={marker.y + 0.5} />
            <line x1={marker.x + 0.5} y1={marker.y + 0.5 - arm} x2={marker.x + 0.5} y2={marker.y + 0.5 + arm} />
          </g>
        </svg>
      )}
    </span>
  );
}
