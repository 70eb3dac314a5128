/**
 * The sliding window of a 'valid' 3×3 convolution with stride 1 (lesson 3-3): where the window
 * is, how it moves, and the arithmetic at one position — the nine pixel × weight products, their
 * sum, the bias and the ReLU — computed in TypeScript, so the demo can show each term. Also the
 * whole output in TypeScript (the reference the tfjs result is checked against). Pure: no DOM.
 */
import { convolveValid, KERNEL, outputSide } from '../viz/example-conv.ts';

export { KERNEL, outputSide };

/** Where the window's top-left corner is on the input; also the output cell it produces. */
export interface Position {
  readonly row: number;
  readonly col: number;
}

export const ORIGIN: Position = { row: 0, col: 0 };

/** One term of the sum: the pixel under kernel cell (i, j), its weight and their product. */
export interface Term {
  readonly i: number;
  readonly j: number;
  readonly pixel: number;
  readonly weight: number;
  readonly product: number;
}

export interface WindowResult {
  readonly terms: readonly Term[];
  /** Σ pixel × weight. */
  readonly sum: number;
  /** sum + bias. */
  readonly preActivation: number;
  /** The output shown: max(0, sum + bias) with ReLU, else sum + bias. */
  readonly output: number;
}

/** ReLU: max(0, x) (−0 reads as 0). */
export function relu(x: number): number {
  return x > 0 ? x : 0;
}

/** The arithmetic at one position of a size×size image (row by row) and a 3×3 kernel. */
export function windowAt(image: ArrayLike<number>, size: number, kernel: ArrayLike<number>, bias: number, useRelu: boolean, at: Position): WindowResult {
  const side = outputSide(size);
  if (!inside(at, side)) throw new Error(`position (${at.row}, ${at.col}) is outside the ${side}×${side} output`);
  const terms: Term[] = [];
  let sum = 0;
  for (let i = 0; i < KERNEL; i++) {
    for (let j = 0; j < KERNEL; j++) {
      const pixel = image[(at.row + i) * size + at.col + j] ?? 0;
      const weight = kernel[i * KERNEL + j] ?? 0;
      const product = pixel * weight;
      terms.push({ i, j, pixel, weight, product });
      sum += product;
    }
  }
  const preActivation = sum + bias;
  return { terms, sum, preActivation, output: useRelu ? relu(preActivation) : preActivation };
}

/** The whole output in TypeScript: convolveValid (src/lib/viz/example-conv.ts), then ReLU if asked. */
export function convolveReference(image: ArrayLike<number>, size: number, kernel: ArrayLike<number>, bias: number, useRelu: boolean): Float32Array {
  const out = convolveValid(image, size, kernel, bias);
  if (useRelu) for (let k = 0; k < out.length; k++) out[k] = relu(out[k] ?? 0);
  return out;
}

export function inside(at: Position, side: number): boolean {
  return Number.isInteger(at.row) && Number.isInteger(at.col) && at.row >= 0 && at.col >= 0 && at.row < side && at.col < side;
}

/** `steps` positions along the window's path (left to right, then the next row), clamped to the ends. */
export function stepPosition(at: Position, steps: number, side: number): Position {
  const last = side * side - 1;
  const k = Math.min(last, Math.max(0, at.row * side + at.col + steps));
  return { row: Math.floor(k / side), col: k % side };
}

/** Whether the window is at the end of its path. */
export function isLast(at: Position, side: number): boolean {
  return at.row === side - 1 && at.col === side - 1;
}

/**
 * Where a key moves the window, or null when the key is not the window's: ←/→ one step back or
 * on along the path (wrapping to the row above or below), ↑/↓ one row, Home/End the first and
 * last position.
 */
export function keyMove(key: string, at: Position, side: number): Position | null {
  switch (key) {
    case 'ArrowRight':
      return stepPosition(at, 1, side);
    case 'ArrowLeft':
      return stepPosition(at, -1, side);
    case 'ArrowDown':
      return { row: Math.min(side - 1, at.row + 1), col: at.col };
    case 'ArrowUp':
      return { row: Math.max(0, at.row - 1), col: at.col };
    case 'Home':
      return ORIGIN;
    case 'End':
      return { row: side - 1, col: side - 1 };
    default:
      return null;
  }
}

/** The output cell under a point of a drawn side×side map (x, y as fractions 0..1 of its width and height). */
export function cellAt(fx: number, fy: number, side: number): Position | null {
  if (!Number.isFinite(fx) || !Number.isFinite(fy) || fx < 0 || fy < 0 || fx >= 1 || fy >= 1) return null;
  return { row: Math.floor(fy * side), col: Math.floor(fx * side) };
}

/** A value as the demo's tables show it: `digits` decimals, never "-0.00". */
export function fixed(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '—';
  const s = value.toFixed(digits);
  return /^-0(?:\.0*)?$/.test(s) ? s.slice(1) : s;
}
