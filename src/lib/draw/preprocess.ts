/**
 * A drawing prepared the way the MNIST digits were made (LeCun, Cortes and Burges): the ink's
 * bounding box is cut out, scaled so that its longer side is 20 pixels (aspect ratio kept, grey
 * levels from area averaging), and put in a 28×28 frame so that its centre of mass sits at the
 * centre of the frame. White ink on black, values 0..1. Pure: no DOM, no tfjs.
 *
 * Coordinates: pixel (x, y) has its centre at (x, y) — 0-based pixel centres. LeCun et al. say
 * the digits were "centered in a 28x28 image by computing the center of mass of the pixels, and
 * translating the image so as to position this point at the center of the 28x28 field". The data
 * shows which point that was: in these coordinates every MNIST digit's centre of mass lies within
 * half a pixel of (14, 14) (all 10,000 test images and the first 10,000 training images: mean
 * (14.00, 13.99), all inside [13.5, 14.5]²) — a whole-pixel translation onto pixel (14, 14),
 * not onto the geometric middle (13.5, 13.5). We do the same: translate by whole pixels (no
 * resampling, so the grey levels stay those of the 20-pixel image) so that the centre of mass
 * lands within half a pixel of (14, 14).
 */
import { MNIST, MNIST_DIGIT_BOX } from '../mnist-spec.ts';

/** Side of the image the model sees (MNIST's square images). */
export const FRAME = MNIST.rows;
/** The longer side of the scaled digit: the box MNIST fitted its digits in. */
export const BOX = MNIST_DIGIT_BOX;
/** Where MNIST put the centre of mass, in 0-based pixel-centre coordinates: pixel (14, 14). */
export const FRAME_CENTRE = FRAME / 2;
/** Ink below this (on the 0..1 scale) is noise: ignored for the bounding box and set to 0. */
export const NOISE_THRESHOLD = 0.1;

/** An ink image: ink = high values. Float32Array holds 0..1; the 8-bit arrays hold 0..255. */
export interface InkImage {
  readonly data: Float32Array | Uint8ClampedArray | Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** A grey image, row by row, values 0..1. */
export interface Grey {
  readonly data: Float32Array;
  readonly width: number;
  readonly height: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface PreparedDigit {
  readonly empty: false;
  /** The ink's bounding box in the input image (pixels with ink ≥ NOISE_THRESHOLD). */
  readonly box: Box;
  /** Step 1: the bounding box cut out, 0..1, noise removed. */
  readonly cropped: Grey;
  /** Step 2: scaled so the longer side is BOX pixels, brightest pixel 1. */
  readonly scaled: Grey;
  /** Centre of mass of `scaled` (pixel-centre coordinates of the scaled image). */
  readonly scaledCentre: Point;
  /** Where the scaled image's top-left pixel lands in the frame (whole pixels). */
  readonly offset: Point;
  /** Step 3: the 28×28 image the model sees, white on black, 0..1. */
  readonly image: Grey;
  /** Centre of mass of `image`: within half a pixel of (FRAME_CENTRE, FRAME_CENTRE) unless clamped. */
  readonly centre: Point;
}

export type Prepared = { readonly empty: true } | PreparedDigit;

/** The input as 0..1 floats (8-bit input is divided by 255; floats are clamped). */
export function toUnit(img: InkImage): Float32Array {
  const { data, width, height } = img;
  if (data.length !== width * height) throw new Error(`an ink image of ${width}×${height} needs ${width * height} values, got ${data.length}`);
  const out = new Float32Array(data.length);
  const scale = data instanceof Float32Array ? 1 : 1 / 255;
  for (let i = 0; i < data.length; i++) {
    const v = (data[i] ?? 0) * scale;
    out[i] = v > 1 ? 1 : v > 0 ? v : 0; // NaN → 0
  }
  return out;
}

/** The smallest box holding every pixel with ink ≥ threshold, or null when there is none. */
export function inkBox(unit: Float32Array, width: number, height: number, threshold = NOISE_THRESHOLD): Box | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((unit[y * width + x] ?? 0) >= threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** Copies a box out of a 0..1 image, setting values below the threshold to 0. */
export function crop(unit: Float32Array, width: number, box: Box, threshold = NOISE_THRESHOLD): Grey {
  const data = new Float32Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) {
      const v = unit[(box.y + y) * width + box.x + x] ?? 0;
      data[y * box.width + x] = v >= threshold ? v : 0;
    }
  }
  return { data, width: box.width, height: box.height };
}

/** The size of the scaled digit: the longer side `longSide`, the other in proportion (≥ 1). */
export function scaledSize(width: number, height: number, longSide = BOX): { width: number; height: number } {
  if (width >= height) return { width: longSide, height: Math.max(1, Math.round((height * longSide) / width)) };
  return { width: Math.max(1, Math.round((width * longSide) / height)), height: longSide };
}

/**
 * For each output index, the source pixels it covers and by how much (a box filter): output
 * pixel i spans source [i·n/m, (i+1)·n/m), and each source pixel counts with its overlap.
 * The weights of one output pixel sum to 1.
 */
function boxWeights(n: number, m: number): { index: number; weight: number }[][] {
  const step = n / m;
  const out: { index: number; weight: number }[][] = [];
  for (let i = 0; i < m; i++) {
    const a = i * step;
    const b = (i + 1) * step;
    const taps: { index: number; weight: number }[] = [];
    for (let s = Math.floor(a); s < Math.min(n, Math.ceil(b)); s++) {
      const overlap = Math.min(b, s + 1) - Math.max(a, s);
      if (overlap > 1e-9) taps.push({ index: s, weight: overlap / step });
    }
    out.push(taps);
  }
  return out;
}

/** Area-averaging resize (box filter): every output pixel is the mean of the area it covers. */
export function resizeArea(src: Grey, width: number, height: number): Grey {
  const wx = boxWeights(src.width, width);
  const wy = boxWeights(src.height, height);
  // Horizontal pass: src.height rows of `width` values.
  const tmp = new Float32Array(src.height * width);
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (const { index, weight } of wx[x] ?? []) sum += (src.data[y * src.width + index] ?? 0) * weight;
      tmp[y * width + x] = sum;
    }
  }
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (const { index, weight } of wy[y] ?? []) {
      for (let x = 0; x < width; x++) data[y * width + x] = (data[y * width + x] ?? 0) + (tmp[index * width + x] ?? 0) * weight;
    }
  }
  for (let i = 0; i < data.length; i++) data[i] = Math.min(1, Math.max(0, data[i] ?? 0));
  return { data, width, height };
}

/** Intensity-weighted mean position, in pixel-centre coordinates; null for an all-zero image. */
export function centreOfMass(img: Grey): Point | null {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const v = img.data[y * img.width + x] ?? 0;
      mass += v;
      sx += x * v;
      sy += y * v;
    }
  }
  return mass > 0 ? { x: sx / mass, y: sy / mass } : null;
}

/**
 * The whole-pixel offset that puts a centre of mass `c` (in an image of side `size`) nearest to
 * FRAME_CENTRE, clamped so that the image stays inside the frame.
 */
export function placement(c: number, size: number, frame = FRAME): number {
  const ideal = Math.round(frame / 2 - c);
  return Math.min(Math.max(ideal, 0), Math.max(0, frame - size));
}

/** Runs every step and returns each intermediate result; an image without ink is `{ empty: true }`. */
export function prepareDigit(input: InkImage): Prepared {
  const unit = toUnit(input);
  const box = inkBox(unit, input.width, input.height);
  if (!box) return { empty: true };
  const cropped = crop(unit, input.width, box);
  const size = scaledSize(box.width, box.height);
  const resized = resizeArea(cropped, size.width, size.height);
  // Stretch so the brightest pixel is 1, as in MNIST, whose strokes reach full white; a thin
  // stroke scaled down from a large drawing would otherwise stay a faint grey.
  let max = 0;
  for (const v of resized.data) if (v > max) max = v;
  if (max <= 0) return { empty: true };
  const scaled: Grey = { ...resized, data: resized.data.map((v) => v / max) };
  const scaledCentre = centreOfMass(scaled);
  if (!scaledCentre) return { empty: true };
  const offset = { x: placement(scaledCentre.x, scaled.width), y: placement(scaledCentre.y, scaled.height) };
  const data = new Float32Array(FRAME * FRAME);
  for (let y = 0; y < scaled.height; y++) {
    for (let x = 0; x < scaled.width; x++) data[(offset.y + y) * FRAME + offset.x + x] = scaled.data[y * scaled.width + x] ?? 0;
  }
  const image: Grey = { data, width: FRAME, height: FRAME };
  return {
    empty: false,
    box,
    cropped,
    scaled,
    scaledCentre,
    offset,
    image,
    centre: { x: scaledCentre.x + offset.x, y: scaledCentre.y + offset.y },
  };
}
