/** How the ○/× demos write their numbers. Pure: no DOM. */

/** `digits` decimals, "—" for what is not a finite number (never NaN on screen), no "-0.000". */
export function fixed(v: number | undefined, digits: number): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  const s = v.toFixed(digits);
  return Number(s) === 0 ? (0).toFixed(digits) : s;
}

/** 0 (○), 1 (×) or null (a tie) → the name the strings use. */
export function verdictKey(d: 0 | 1 | null): 'circle' | 'cross' | 'tie' {
  return d === 0 ? 'circle' : d === 1 ? 'cross' : 'tie';
}
