/**
 * Choosing one digit of the 1,000-image MNIST sample (the first 100 test images of each digit)
 * for a demo: which index to start from, the first image of each digit, the next image of the
 * same digit, and the chosen image as the model's input (0..1). Pure: no DOM.
 */
import { imageAt } from './loader.ts';

/** The sample index a demo starts from when the URL names none: test image 0, a clear "7". */
export const DEFAULT_INDEX = 0;
/** The sample's size (the first 100 test images of each digit). */
export const SAMPLE_SIZE = 1000;

/** The index of the first image of each digit 0..classes−1 (−1 where a digit is missing). */
export function firstOfEachDigit(labels: ArrayLike<number>, classes = 10): number[] {
  const out = new Array<number>(classes).fill(-1);
  for (let i = 0; i < labels.length; i++) {
    const d = labels[i] ?? -1;
    if (d >= 0 && d < classes && out[d] === -1) out[d] = i;
  }
  return out;
}

/** The next (step 1) or previous (step −1) image with the same label as `index`, wrapping round. */
export function nextSameDigit(labels: ArrayLike<number>, index: number, step: 1 | -1): number {
  const n = labels.length;
  if (n === 0) return index;
  const label = labels[index];
  for (let k = 1; k <= n; k++) {
    const j = (((index + step * k) % n) + n) % n;
    if (labels[j] === label) return j;
  }
  return index;
}

/** A valid sample index: `index` when it is one, else DEFAULT_INDEX. */
export function validIndex(count: number, index: number): number {
  return Number.isInteger(index) && index >= 0 && index < count ? index : DEFAULT_INDEX;
}

/** Image `index` as the model's input: rows·cols values in 0..1 (pixel / 255). */
export function modelInput(images: Uint8Array, index: number, imageSize: number): Float32Array {
  const pixels = imageAt(images, index, imageSize);
  const out = new Float32Array(imageSize);
  for (let i = 0; i < imageSize; i++) out[i] = (pixels[i] ?? 0) / 255;
  return out;
}
