/**
 * Pixels for the demos' pictures: grey images (0..1, white ink on black), signed maps on one
 * diverging colour scale, and sheets of small tiles — feature maps (channels last) or filters —
 * laid out in a grid with gaps. The heat map, its legend and the number matrix all take their
 * colours from `signedColour`, so a colour means the same value everywhere on a page.
 * Pure: no DOM.
 */

export interface Rgba {
  readonly data: Uint8ClampedArray<ArrayBuffer>;
  readonly width: number;
  readonly height: number;
}

export type Rgb = readonly [number, number, number];

/**
 * The signed scale's stops from -1 to 1 (ColorBrewer RdBu): strong blue, light blue, near white,
 * light red, strong red. A diverging scale whose ends are distinguishable without red–green vision.
 */
const SIGNED_STOPS: readonly Rgb[] = [
  [33, 102, 172],
  [146, 197, 222],
  [247, 247, 247],
  [244, 165, 130],
  [178, 24, 43],
];

/**
 * The colour of `value` on the signed scale whose ends are ±maxAbs: blue below 0, near white at
 * 0, red above. Values beyond the ends take the end colours; NaN, and any value when maxAbs is
 * not positive, take the neutral middle.
 */
export function signedColour(value: number, maxAbs: number): Rgb {
  const unit = maxAbs > 0 && Number.isFinite(value / maxAbs) ? Math.max(-1, Math.min(1, value / maxAbs)) : 0;
  const pos = (unit + 1) * 0.5 * (SIGNED_STOPS.length - 1);
  const i = Math.min(SIGNED_STOPS.length - 2, Math.floor(pos));
  const t = pos - i;
  const a = SIGNED_STOPS[i] as Rgb;
  const b = SIGNED_STOPS[i + 1] as Rgb;
  return [Math.round(a[0] + (b[0] - a[0]) * t), Math.round(a[1] + (b[1] - a[1]) * t), Math.round(a[2] + (b[2] - a[2]) * t)];
}

export const cssRgb = ([r, g, b]: Rgb): string => `rgb(${r} ${g} ${b})`;

/** The signed scale as a CSS gradient from -maxAbs (left) to +maxAbs (right), for the legend. */
export function signedGradient(steps = 9): string {
  const stops = Array.from({ length: steps }, (_, i) => {
    const u = i / (steps - 1);
    return `${cssRgb(signedColour(u * 2 - 1, 1))} ${(u * 100).toFixed(1)}%`;
  });
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours (1..21). */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const BLACK: Rgb = [0, 0, 0];
export const WHITE: Rgb = [255, 255, 255];

/** Black or white, whichever reads better on `background` (at least 4.58:1 on any colour). */
export function textOn(background: Rgb): Rgb {
  return contrast(background, BLACK) >= contrast(background, WHITE) ? BLACK : WHITE;
}

/**
 * The largest |v| of the finite values: the scale that fits a whole map. `floor` is the least it
 * returns, so small values stay pale instead of filling the scale (0 for an all-zero map).
 */
export function maxAbsOf(values: ArrayLike<number>, floor = 0): number {
  let m = floor;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i] ?? 0);
    if (Number.isFinite(v) && v > m) m = v;
  }
  return m;
}

/** A 0..1 grey image as RGBA, 1 → white. */
export function greyRgba(values: ArrayLike<number>, width: number, height: number): Rgba {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const v = Math.round((values[i] ?? 0) * 255);
    data[i * 4] = v;
    data[i * 4 + 1] = v;
    data[i * 4 + 2] = v;
    data[i * 4 + 3] = 255;
  }
  return { data, width, height };
}

export interface SheetLayout {
  readonly tileWidth: number;
  readonly tileHeight: number;
  readonly channels: number;
  readonly columns: number;
  readonly gap: number;
}

/**
 * How values become colours. 'grey': 0..1 black to white, as given. 'per-tile': each tile scaled by
 * its own maximum (ReLU maps: 0 black, the maximum white). 'signed': one diverging scale for all
 * tiles, ±maxAbs at the ends (filters, kernels, convolution outputs).
 */
export type SheetMode = 'grey' | 'per-tile' | 'signed';

/** Width and height of a sheet in pixels. */
export function sheetSize(l: SheetLayout): { width: number; height: number } {
  const rows = Math.ceil(l.channels / l.columns);
  return { width: l.columns * (l.tileWidth + l.gap) - l.gap, height: rows * (l.tileHeight + l.gap) - l.gap };
}

/** Gaps between tiles: a grey that none of the mode's colours is (white 0 of the signed scale included). */
const GAP: Record<SheetMode, Rgb> = { grey: [128, 128, 128], 'per-tile': [128, 128, 128], signed: [90, 90, 90] };

/**
 * Tiles of channels-last data ([h, w, channels]) side by side, `columns` to a row. For 'signed',
 * `maxAbs` fixes the scale (so it can stay put while the values change, and match a legend);
 * without it the largest |value| of the sheet is used.
 */
export function sheetRgba(values: ArrayLike<number>, l: SheetLayout, mode: SheetMode, maxAbs?: number): Rgba {
  const { width, height } = sheetSize(l);
  const data = new Uint8ClampedArray(width * height * 4);
  const [gr, gg, gb] = GAP[mode];
  for (let i = 0; i < data.length; i += 4) {
    data[i] = gr;
    data[i + 1] = gg;
    data[i + 2] = gb;
    data[i + 3] = 255;
  }
  const { tileWidth: tw, tileHeight: th, channels: n } = l;
  const scale = mode === 'signed' ? (maxAbs ?? maxAbsOf(values)) : 0;
  for (let c = 0; c < n; c++) {
    let max = 0;
    if (mode === 'per-tile') for (let p = 0; p < tw * th; p++) max = Math.max(max, values[p * n + c] ?? 0);
    const ox = (c % l.columns) * (tw + l.gap);
    const oy = Math.floor(c / l.columns) * (th + l.gap);
    for (let y = 0; y < th; y++) {
      for (let x = 0; x < tw; x++) {
        const v = values[(y * tw + x) * n + c] ?? 0;
        const i = ((oy + y) * width + ox + x) * 4;
        const rgb = mode === 'signed' ? signedColour(v, scale) : greyOf(mode === 'per-tile' ? (max > 0 ? Math.max(0, v) / max : 0) : v);
        data[i] = rgb[0];
        data[i + 1] = rgb[1];
        data[i + 2] = rgb[2];
      }
    }
  }
  return { data, width, height };
}

function greyOf(unit: number): Rgb {
  const g = Math.round(Math.max(0, Math.min(1, Number.isFinite(unit) ? unit : 0)) * 255);
  return [g, g, g];
}

export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/**
 * The two arms of a + drawn over an image at a point in pixel-centre coordinates (pixel (0, 0)
 * has its centre at (0, 0)), in the image's own units, with a stroke width that reads the same
 * on a 5×5 crop and a 28×28 image.
 */
export function markerGeometry(width: number, height: number, at: { x: number; y: number }): { lines: readonly [Segment, Segment]; stroke: number } {
  const arm = Math.max(1.5, Math.min(width, height) / 8);
  const cx = at.x + 0.5;
  const cy = at.y + 0.5;
  return {
    lines: [
      { x1: cx - arm, y1: cy, x2: cx + arm, y2: cy },
      { x1: cx, y1: cy - arm, x2: cx, y2: cy + arm },
    ],
    stroke: Math.max(width, height) / 60,
  };
}
