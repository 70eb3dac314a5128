/**
 * Flatten's order for the deck's CNN: the 5×5×64 output of the second pooling layer (channels
 * last) becomes one line of 1,600 values, the channel moving fastest, then the column, then the
 * row: i = (r·5 + c)·64 + k. Its inverse, and the keys that move through the line and the grid.
 */
import { DECK_CNN, summarize } from '../cnn-architecture.ts';

const pooled = summarize(DECK_CNN).find((l) => l.name === 'max_pooling2d_1');
const [h = 5, w = 5, ch = 64] = pooled?.outputShape ?? [];
/** The flattened block's side (5) and channels (64), from the deck's model. */
export const FLAT_SIDE = h;
export const FLAT_WIDTH = w;
export const FLAT_CHANNELS = ch;
/** 1,600 values in the line. */
export const FLAT_UNITS = h * w * ch;

export interface Position {
  readonly r: number;
  readonly c: number;
  readonly k: number;
}

/** The place in the line of the value at row r, column c, channel k (all from 0). */
export function flatIndex(r: number, c: number, k: number, width = FLAT_WIDTH, channels = FLAT_CHANNELS): number {
  return (r * width + c) * channels + k;
}

/** The row, column and channel of the i-th value of the line. */
export function positionOf(i: number, width = FLAT_WIDTH, channels = FLAT_CHANNELS): Position {
  const k = i % channels;
  const cell = (i - k) / channels;
  return { r: Math.floor(cell / width), c: cell % width, k };
}

/**
 * Flatten done by hand: every (r, c, k) of a channels-last [height, width, channels] array
 * (given as a function of r, c, k) put at its place in the line.
 */
export function flattenBy(value: (r: number, c: number, k: number) => number, height = FLAT_SIDE, width = FLAT_WIDTH, channels = FLAT_CHANNELS): Float32Array {
  const out = new Float32Array(height * width * channels);
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) for (let k = 0; k < channels; k++) out[flatIndex(r, c, k, width, channels)] = value(r, c, k);
  return out;
}

/**
 * Moving through the line, laid out `columns` values to a row (one row per cell of the 5×5 grid
 * when columns is the channel count): ←/→ one value, ↑/↓ one row, Home/End the ends. null: not a
 * key of the line.
 */
export function moveInLine(i: number, key: string, total = FLAT_UNITS, columns = FLAT_CHANNELS): number | null {
  const clamp = (n: number) => Math.max(0, Math.min(total - 1, n));
  switch (key) {
    case 'ArrowRight':
      return clamp(i + 1);
    case 'ArrowLeft':
      return clamp(i - 1);
    case 'ArrowDown':
      return i + columns < total ? i + columns : i;
    case 'ArrowUp':
      return i - columns >= 0 ? i - columns : i;
    case 'Home':
      return 0;
    case 'End':
      return total - 1;
    default:
      return null;
  }
}

/** Moving through the 5×5 grid of one channel with the arrow keys (the channel stays). */
export function moveInGrid(p: Position, key: string, height = FLAT_SIDE, width = FLAT_WIDTH): Position | null {
  const dr = key === 'ArrowDown' ? 1 : key === 'ArrowUp' ? -1 : 0;
  const dc = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
  if (dr === 0 && dc === 0) return null;
  return { r: Math.max(0, Math.min(height - 1, p.r + dr)), c: Math.max(0, Math.min(width - 1, p.c + dc)), k: p.k };
}

/** The cell of a cols×rows picture under a point (x, y) of a box width×height; null outside. */
export function cellAt(x: number, y: number, width: number, height: number, cols: number, rows: number): number | null {
  if (!(x >= 0 && y >= 0 && x < width && y < height)) return null;
  const col = Math.min(cols - 1, Math.floor((x / width) * cols));
  const row = Math.min(rows - 1, Math.floor((y / height) * rows));
  return row * cols + col;
}
