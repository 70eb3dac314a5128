/**
 * Made-up data for the kit's gallery page (src/tools/kit.astro): deterministic, so the page
 * looks the same on every visit and its tests can rely on it. Not used by lessons.
 * Pure: no DOM.
 */
import type { Point } from './downsample.ts';

/** A size×size grey ramp, dark top left to light bottom right (0..1). */
export function rampImage(size: number): Float32Array {
  const out = new Float32Array(size * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) out[y * size + x] = (x + y) / (2 * (size - 1));
  return out;
}

/** `channels` ReLU-like maps of size×size, channels last: stripes at different angles. */
export function stripeMaps(size: number, channels: number): Float32Array {
  const out = new Float32Array(size * size * channels);
  for (let c = 0; c < channels; c++) {
    const angle = (Math.PI * c) / channels;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) out[(y * size + x) * channels + c] = Math.max(0, Math.sin((x * Math.cos(angle) + y * Math.sin(angle)) * 1.3));
    }
  }
  return out;
}

/** A size×size signed map in [-1, 1]: a saddle, negative on one diagonal, positive on the other. */
export function saddleMap(size: number): Float32Array {
  const out = new Float32Array(size * size);
  const mid = (size - 1) / 2;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) out[y * size + x] = ((x - mid) * (y - mid)) / (mid * mid);
  return out;
}

/** A training-loss-like curve of `steps` points (x = step), decaying with deterministic jitter. */
export function lossCurve(steps: number): Point[] {
  return Array.from({ length: steps }, (_, i) => [i, 0.05 + 2.25 * Math.exp(-i / 400) + 0.08 * Math.sin(i * 12.9898) ** 2] as const);
}
