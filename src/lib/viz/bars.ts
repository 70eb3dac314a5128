/**
 * The arithmetic of a bar list (probabilities, per-class accuracy): values in [0, 1] as a CSS
 * width and as a percentage. A value that is not a number (a class with no test image) is an
 * empty bar and a dash, never "NaN%". Pure: no DOM.
 */

/** The text shown for a value that is not a number. */
export const MISSING = '—';

/** The bar's width as a CSS percentage, clamped to 0..100%; NaN → 0%. */
export function barWidth(value: number): string {
  if (!Number.isFinite(value)) return '0%';
  return `${(Math.max(0, Math.min(1, value)) * 100).toFixed(1)}%`;
}

/** 0.1234 → "12.3%" (digits after the point); NaN → "—". */
export function percentText(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(digits)}%` : MISSING;
}
