/** Pure helpers of the dataset explorer: filtering by label, stepping, formatting sizes. */

/** Indices of the examples whose label is `label` (all of them when label is null). */
export function indicesWithLabel(labels: Uint8Array, label: number | null): Uint32Array {
  if (label === null) return Uint32Array.from({ length: labels.length }, (_, i) => i);
  let n = 0;
  for (const l of labels) if (l === label) n++;
  const out = new Uint32Array(n);
  let k = 0;
  labels.forEach((l, i) => {
    if (l === label) out[k++] = i;
  });
  return out;
}

/** The position in `indices` of the example nearest at or after `index` (0 when none after). */
export function positionAtOrAfter(indices: Uint32Array, index: number): number {
  let lo = 0;
  let hi = indices.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((indices[mid] ?? 0) < index) lo = mid + 1;
    else hi = mid;
  }
  return lo < indices.length ? lo : 0;
}

/** Clamps a requested position into [0, length) and wraps past the ends. */
export function wrapPosition(position: number, length: number): number {
  if (length === 0) return 0;
  return ((Math.trunc(position) % length) + length) % length;
}

/**
 * 9627116 → "9.6 MB" (decimal units, as download sizes are usually given); `digits` more digits
 * after the point for a table of figures (the benchmark: "9.63 MB", "141.2 kB").
 */
export function formatBytes(bytes: number, digits = 0): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(digits)} kB`;
  return `${(bytes / 1e6).toFixed(1 + digits)} MB`;
}

/** Parses an index typed by the learner; null unless it is a whole number in [0, count). */
export function parseIndex(text: string, count: number): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) && n < count ? n : null;
}

/**
 * Text colour for a pixel value printed on a cell of that grey: black from 118 up, white below,
 * which keeps a contrast ratio of at least 4.5:1 for every grey level.
 */
export function textOnGrey(v: number): 'black' | 'white' {
  return v >= 118 ? 'black' : 'white';
}

/** Grey bytes (0 black … 255 white) as RGBA for ImageData. */
export function greyToRgba(pixels: Uint8Array, out?: Uint8ClampedArray<ArrayBuffer>): Uint8ClampedArray<ArrayBuffer> {
  const rgba = out ?? new Uint8ClampedArray(pixels.length * 4);
  pixels.forEach((v, i) => {
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  });
  return rgba;
}
