/** Number formatting shared by lesson text and demos (Japanese locale: 34,826). */
export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A number in TeX with thousands separators that KaTeX spaces correctly: 34{,}826. */
export function texInt(n: number): string {
  return formatInt(n).replace(/,/g, '{,}');
}

/** A shape such as [26, 26, 32] as 26×26×32. */
export function formatShape(shape: readonly number[]): string {
  return shape.join('×');
}

/** A shape in TeX: 26 \times 26 \times 32. */
export function texShape(shape: readonly number[]): string {
  return shape.map(texInt).join(' \\times ');
}
