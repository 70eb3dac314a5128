/**
 * Pixels for the drawing lesson's images: grey images (0..1, white ink on black) and sheets of
 * small tiles — feature maps (channels last) or filters — laid out in a grid with gaps.
 */

export interface Rgba {
  readonly data: Uint8ClampedArray<ArrayBuffer>;
  readonly width: number;
  readonly height: number;
}

/** A 0..1 grey image as RGBA, 1 → white. */
export function greyRgba(values: Float32Array, width: number, height: number): Rgba {
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

/** Width and height of a sheet in pixels. */
export function sheetSize(l: SheetLayout): { width: number; height: number } {
  const rows = Math.ceil(l.channels / l.columns);
  return { width: l.columns * (l.tileWidth + l.gap) - l.gap, height: rows * (l.tileHeight + l.gap) - l.gap };
}

/** Gaps between tiles: mid grey between black maps; blue between filters, whose 0 is grey. */
const GAP: Record<'per-tile' | 'signed', readonly [number, number, number]> = { 'per-tile': [128, 128, 128], signed: [29, 78, 216] };

/**
 * Tiles of channels-last data ([h, w, channels]) side by side. 'per-tile': each tile scaled by
 * its own maximum (ReLU maps: 0 black, the maximum white). 'signed': one scale for all, 0 mid
 * grey, positive lighter, negative darker (filters).
 */
export function sheetRgba(values: Float32Array, l: SheetLayout, mode: 'per-tile' | 'signed'): Rgba {
  const { width, height } = sheetSize(l);
  const data = new Uint8ClampedArray(width * height * 4);
  const [gr, gg, gb] = GAP[mode];
  for (let i = 0; i < data.length; i += 4) {
    data[i] = gr;
    data[i + 1] = gg;
    data[i + 2] = gb;
  }
  const { tileWidth: tw, tileHeight: th, channels: n } = l;
  let maxAbs = 0;
  if (mode === 'signed') for (const v of values) maxAbs = Math.max(maxAbs, Math.abs(v));
  for (let c = 0; c < n; c++) {
    let max = 0;
    if (mode === 'per-tile') for (let p = 0; p < tw * th; p++) max = Math.max(max, values[p * n + c] ?? 0);
    const ox = (c % l.columns) * (tw + l.gap);
    const oy = Math.floor(c / l.columns) * (th + l.gap);
    for (let y = 0; y < th; y++) {
      for (let x = 0; x < tw; x++) {
        const v = values[(y * tw + x) * n + c] ?? 0;
        const unit = mode === 'per-tile' ? (max > 0 ? Math.max(0, v) / max : 0) : maxAbs > 0 ? 0.5 + v / (2 * maxAbs) : 0.5;
        const g = Math.round(unit * 255);
        const i = ((oy + y) * width + ox + x) * 4;
        data[i] = g;
        data[i + 1] = g;
        data[i + 2] = g;
      }
    }
  }
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { data, width, height };
}
