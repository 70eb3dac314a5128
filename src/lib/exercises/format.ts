/**
 * How the exercises write numbers: integers with thousands separators (formatInt, 34,826), other
 * numbers with at most 6 significant digits (no float noise), and a true minus sign (−2), as the
 * lessons print them. Pure: no DOM.
 */
import { formatInt } from '../format.ts';
import { formatNumber } from '../viz/numeric.ts';

const MINUS = '\u2212';

/** A number as the exercises show it: 34,826, 16,981,120, 0.665, −2. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return formatNumber(v);
  // Whole numbers exactly (16,981,120); others to 6 significant digits, which drops float noise.
  const r = Number.isInteger(v) ? v : Number(v.toPrecision(6));
  const abs = Math.abs(r);
  const text = Number.isInteger(abs) ? formatInt(abs) : String(abs);
  return r < 0 ? `${MINUS}${text}` : text;
}

/** A number rounded to `digits` decimals first: fixedValue(0.66524, 3) → "0.665". */
export function fixedValue(v: number, digits: number): string {
  return formatValue(Number(v.toFixed(digits)));
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A whole number as subscript digits: 3 → ₃ (for x₃, w₃). */
export function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)] ?? d);
}

/** A whole number as superscript digits: 2 → ² (for e²). */
export function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPTS[Number(d)] ?? d).replace('-', '⁻');
}
