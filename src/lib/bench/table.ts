/**
 * Plain-text tables and number formats for `npm run bench`'s report. Pure.
 */

import { formatBytes } from '../mnist/explorer.ts';

export type Align = 'left' | 'right';

/**
 * Formats rows under headers, each column as wide as its widest cell; the first column is
 * left-aligned and the others right-aligned unless `align` says otherwise.
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly Align[]): string[] {
  const cols = Math.max(headers.length, ...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(width(headers[i] ?? ''), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    widths
      .map((w, i) => {
        const cell = cells[i] ?? '';
        const a = align?.[i] ?? (i === 0 ? 'left' : 'right');
        const padding = ' '.repeat(Math.max(0, w - width(cell)));
        return a === 'left' ? cell + padding : padding + cell;
      })
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** Display width: the course's pages have Japanese text, two columns wide in a terminal. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

export function fmtMs(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function fmtRatio(r: number | null | undefined): string {
  return r == null || !Number.isFinite(r) ? '–' : `${r.toFixed(2)}×`;
}

/** The course's byte format (decimal units), one digit more; '0' for nothing, '–' for no figure. */
export function fmtBytes(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return '–';
  return n === 0 ? '0' : formatBytes(n, 1);
}

export function fmtShare(share: number): string {
  return `${(share * 100).toFixed(0)}%`;
}
