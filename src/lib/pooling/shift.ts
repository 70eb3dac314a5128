/**
 * What a one-pixel shift does to a feature map before and after pooling: the shifted map (the
 * pixels that come in at an edge are 0, those pushed out are lost) and how many values changed.
 */
export type Direction = 'none' | 'left' | 'right' | 'up' | 'down';
export const DIRECTIONS: readonly Exclude<Direction, 'none'>[] = ['left', 'right', 'up', 'down'];

/** The column and row offsets of a direction (right: +1 column, down: +1 row). */
export function offsetOf(direction: Direction): { dx: number; dy: number } {
  switch (direction) {
    case 'left':
      return { dx: -1, dy: 0 };
    case 'right':
      return { dx: 1, dy: 0 };
    case 'up':
      return { dx: 0, dy: -1 };
    case 'down':
      return { dx: 0, dy: 1 };
    case 'none':
      return { dx: 0, dy: 0 };
  }
}

/** The height×width map moved by (dx, dy) pixels; cells with nothing moved into them are `fill`. */
export function shiftMap(values: ArrayLike<number>, height: number, width: number, dx: number, dy: number, fill = 0): Float32Array {
  const out = new Float32Array(height * width).fill(fill);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const fr = r - dy;
      const fc = c - dx;
      if (fr >= 0 && fr < height && fc >= 0 && fc < width) out[r * width + c] = values[fr * width + fc] ?? fill;
    }
  }
  return out;
}

export interface Comparison {
  readonly same: number;
  readonly changed: number;
  readonly total: number;
}

/**
 * How many values of `a` and `b` (same length) are equal and how many differ. `tolerance`
 * absorbs a GPU's rounding (pooling only copies values, so 0 is exact on the CPU).
 */
export function compareMaps(a: ArrayLike<number>, b: ArrayLike<number>, tolerance = 0): Comparison {
  if (a.length !== b.length) throw new Error(`compareMaps: ${a.length} values against ${b.length}`);
  let same = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs((a[i] ?? NaN) - (b[i] ?? NaN)) <= tolerance) same += 1;
  return { same, changed: a.length - same, total: a.length };
}

/**
 * How large the change from `before` to `after` is, as a share of the map's own size:
 * Σ|after − before| / Σ|before| (0: unchanged; NaN for an all-zero map).
 */
export function relativeChange(before: ArrayLike<number>, after: ArrayLike<number>): number {
  if (before.length !== after.length) return NaN;
  let change = 0;
  let size = 0;
  for (let i = 0; i < before.length; i++) {
    change += Math.abs((after[i] ?? NaN) - (before[i] ?? NaN));
    size += Math.abs(before[i] ?? NaN);
  }
  return size === 0 ? NaN : change / size;
}

/** Which values differ (1) or not (0): a map of the changes to draw. */
export function changeMask(a: ArrayLike<number>, b: ArrayLike<number>, tolerance = 0): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = Math.abs((a[i] ?? NaN) - (b[i] ?? NaN)) <= tolerance ? 0 : 1;
  return out;
}

/** The largest |a − b| over two arrays of the same length (NaN if they differ in length). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return NaN;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] ?? NaN) - (b[i] ?? NaN)));
  return m;
}

/** One channel of a channels-last [h, w, channels] array, as an h×w map. */
export function channelOf(data: ArrayLike<number>, height: number, width: number, channels: number, k: number): Float32Array {
  const out = new Float32Array(height * width);
  for (let i = 0; i < height * width; i++) out[i] = data[i * channels + k] ?? NaN;
  return out;
}
