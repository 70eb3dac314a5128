/**
 * Extracts `// #region deck:NAME` … `// #endregion deck:NAME` blocks from source text, so a
 * lesson can show the code the site really runs rather than a copy that could drift.
 */
export function extractRegion(source: string, name: string): string {
  const start = `// #region deck:${name}\n`;
  const end = `\n// #endregion deck:${name}`;
  const a = source.indexOf(start);
  const b = source.indexOf(end, a);
  if (a < 0 || b < 0) throw new Error(`no region deck:${name} in the source`);
  return dedent(source.slice(a + start.length, b));
}

/** Removes the indentation common to all non-blank lines. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}
