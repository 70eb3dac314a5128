/**
 * What the dropout demo shows, as plain data: its settings in the URL, the numbers as text, and
 * the grids' values on a 0..1 grey scale. Pure: no DOM.
 */
import { defineUrlState, enumField, numberField } from '../url-state.ts';
import { DEFAULT_RATE, MAX_RATE, MIN_RATE, UNITS, type DropoutMode } from './mask.ts';

/** Units one table shows. */
export const TABLE_ROWS = 8;
/** The table starts at the middle of the 5 × 5 map: (r, c) = (2, 2), channel 0. */
export const DEFAULT_FROM = (2 * 5 + 2) * 64;
/** Steps averaged for the expected sum. */
export const AVERAGE_STEPS = 100;
/** Milliseconds between steps when playing. */
export const PLAY_MS = 800;
export const MAX_STEP = 999_999;

export const RATE_SPEC = { min: MIN_RATE, max: MAX_RATE } as const;
export const FROM_SPEC = { min: 0, max: UNITS - TABLE_ROWS, integer: true } as const;
export const STEP_SPEC = { min: 1, max: MAX_STEP, integer: true } as const;

export const dropoutSettings = defineUrlState({
  rate: numberField(DEFAULT_RATE, RATE_SPEC),
  mode: enumField<DropoutMode>('training', ['training', 'inference']),
  step: numberField(1, STEP_SPEC),
  from: numberField(DEFAULT_FROM, FROM_SPEC),
});

/** A unit's value as shown: four decimals. */
export function valueText(v: number): string {
  return Number.isFinite(v) ? v.toFixed(4) : '—';
}

/** A sum as shown: two decimals. */
export function sumText(v: number): string {
  return Number.isFinite(v) ? v.toFixed(2) : '—';
}

/** The factor as shown: at most three decimals, no trailing zeros (2, 1.25, 3.333). */
export function scaleText(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toFixed(3))) : '—';
}

/** The largest value (at least `floor`), for one grey scale shared by the input and output grids. */
export function maxOf(values: ArrayLike<number>, floor = 1e-6): number {
  let m = floor;
  for (let i = 0; i < values.length; i++) m = Math.max(m, values[i] ?? 0);
  return m;
}

/** Values on a 0..1 grey scale where `max` is white. */
export function toGrey(values: ArrayLike<number>, max: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.min(1, Math.max(0, (values[i] ?? 0) / max));
  return out;
}
