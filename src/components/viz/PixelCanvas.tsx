import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { markerGeometry, type Rgba } from '../../lib/viz/image.ts';

export type { Rgba } from '../../lib/viz/image.ts';

/** A ref for a canvas of image.width×image.height that always shows `image`, pixel for pixel. */
export function usePixels(image: Rgba): RefObject<HTMLCanvasElement> {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
  }, [image]);
  return ref;
}

/**
 * An image drawn pixel for pixel and scaled up without smoothing (crisp on any page: the CSS is
 * the kit's, src/styles/viz.css). `scale` is CSS pixels per image pixel; it shrinks to fit a
 * narrow column. `marker` puts a + on a point given in pixel-centre coordinates (pixel (0, 0) has
 * its centre at (0, 0)). An empty label makes the image decorative.
 */
export function PixelCanvas({ image, scale, label, marker, testId }: { image: Rgba; scale: number; label: string; marker?: { x: number; y: number } | undefined; testId?: string | undefined }) {
  const ref = usePixels(image);
  const plus = marker && markerGeometry(image.width, image.height, marker);
  const width = `${image.width * scale}px`;
  return (
    <span class="viz-pixels" style={{ width }}>
      {label === '' ? (
        <canvas ref={ref} width={image.width} height={image.height} data-testid={testId} aria-hidden="true" />
      ) : (
        <canvas ref={ref} width={image.width} height={image.height} data-testid={testId} role="img" aria-label={label} />
      )}
      {plus && (
        <svg viewBox={`0 0 ${image.width} ${image.height}`} aria-hidden="true" preserveAspectRatio="none">
          <g class="viz-pixels__marker" style={{ strokeWidth: String(plus.stroke) }}>
            {plus.lines.map((l, i) => (
              <line key={i} {...l} />
            ))}
          </g>
        </svg>
      )}
    </span>
  );
}
