/**
 * Step 2's glimpse of real pixels before and after the division by 255: a few consecutive pixels
 * of one MNIST image, taken where its strokes are, scaled by the training pipeline's own
 * toFloatBatch (src/lib/mnist/loader.ts). Pure: no DOM.
 */
import { toFloatBatch } from '../mnist/loader.ts';

export interface PixelWindow {
  /** 0-based row of the image the pixels come from. */
  readonly row: number;
  /** 0-based columns of the pixels. */
  readonly cols: readonly number[];
  /** The stored values, whole numbers 0..255. */
  readonly raw: readonly number[];
  /** The same pixels as the model gets them (raw / 255). */
  readonly scaled: readonly number[];
}

/**
 * `width` consecutive pixels of image `index` (rows × cols, one byte a pixel) in the row with the
 * most ink (the first such row), starting one pixel before that row's first inked pixel, kept
 * inside the image (a blank image: row 0 from column 0).
 */
export function pixelWindow(images: Uint8Array, index: number, rows: number, cols: number, width = 6): PixelWindow {
  const size = rows * cols;
  if (!Number.isInteger(width) || width < 1 || width > cols) throw new RangeError(`window width ${width} is not in 1–${cols}`);
  const scaledImage = toFloatBatch(images, [index], undefined, size);
  const at = (r: number, c: number) => images[index * size + r * cols + c] ?? 0;
  let row = 0;
  let best = -1;
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += at(r, c);
    if (sum > best) {
      best = sum;
      row = r;
    }
  }
  let first = 0;
  while (first < cols && at(row, first) === 0) first++;
  const start = first >= cols ? 0 : Math.max(0, Math.min(first - 1, cols - width));
  const colsShown = Array.from({ length: width }, (_, k) => start + k);
  return {
    row,
    cols: colsShown,
    raw: colsShown.map((c) => at(row, c)),
    scaled: colsShown.map((c) => scaledImage[row * cols + c] ?? NaN),
  };
}

/** A scaled pixel as shown: three decimals (128 / 255 → "0.502"). */
export function formatScaled(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : '—';
}
