/**
 * What the demos' number inputs accept: a finite number in [min, max] (optionally an integer, or
 * a multiple of a step from min), typed the way a Japanese keyboard may type it. Everything else
 * is refused with a reason, so the field can say why and keep its last good value.
 * Pure: no DOM.
 */

export interface NumberSpec {
  readonly min: number;
  readonly max: number;
  /** Only whole numbers. */
  readonly integer?: boolean | undefined;
  /** Only min + k·step (k a whole number). */
  readonly step?: number | undefined;
}

export type Refusal = 'empty' | 'not-number' | 'not-finite' | 'range' | 'integer' | 'step';

export type Parsed = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: Refusal };

/** A plain decimal, optionally signed, with an optional exponent: 1, -0.5, .5, 3., 2e-3. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const INFINITY = /^[+-]?(?:inf|infinity|∞)$/i;

/**
 * The text as typed → the text as parsed: NFKC turns full-width digits, point and signs into
 * ASCII ("０.５" → "0.5", "－１" → "-1"); the minus sign U+2212 is not covered by NFKC, so it is
 * mapped by hand; surrounding spaces (ideographic ones too) are dropped.
 */
export function normaliseNumberText(text: string): string {
  return text.normalize('NFKC').replace(/\u2212/g, '-').trim();
}

/** Reads one number against a spec. */
export function parseNumber(text: string, spec: NumberSpec): Parsed {
  const s = normaliseNumberText(text);
  if (s === '') return { ok: false, reason: 'empty' };
  if (INFINITY.test(s)) return { ok: false, reason: 'not-finite' };
  if (!DECIMAL.test(s)) return { ok: false, reason: 'not-number' };
  const value = Number(s);
  return checkNumber(value, spec);
}

/** Checks a number already parsed (the URL state and the fields share this rule). */
export function checkNumber(value: number, spec: NumberSpec): Parsed {
  if (Number.isNaN(value)) return { ok: false, reason: 'not-number' };
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-finite' };
  if (value < spec.min || value > spec.max) return { ok: false, reason: 'range' };
  if (spec.integer === true && !Number.isInteger(value)) return { ok: false, reason: 'integer' };
  if (spec.step !== undefined && spec.step > 0) {
    const k = (value - spec.min) / spec.step;
    if (Math.abs(k - Math.round(k)) > 1e-9 * Math.max(1, Math.abs(k))) return { ok: false, reason: 'step' };
  }
  // -0 reads as 0 everywhere else (URLs, comparisons with defaults).
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * A number as the fields show it: at most 6 significant digits, so float noise from arithmetic
 * (0.1 + 0.2) does not reach the screen, and no exponent for the ranges demos use.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const rounded = Number(value.toPrecision(6));
  return String(rounded === 0 ? 0 : rounded);
}

/**
 * Whether a field keeps showing the text being typed when its value (prop) changes: yes when the
 * text already means that value (the change came from this text: "1." while typing "1.5"), or
 * when the text is refused and the value did not move (the refusal stays on screen); no when the
 * value was changed from outside (a reset, a link), which replaces the text.
 */
export function keepsDraft(draft: string, spec: NumberSpec, value: number, previous: number): boolean {
  const r = parseNumber(draft, spec);
  return r.ok ? r.value === value : Object.is(value, previous);
}
