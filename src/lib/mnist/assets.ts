/**
 * The compact MNIST asset format served from public/data/mnist/ (written by
 * scripts/prepare-mnist.ts, read by src/lib/mnist/loader.ts).
 *
 * Each asset is one `.bin` file holding a gzip stream (level 9). Inside the gzip:
 *   - `gzip`        : the payload itself (labels: one byte each; indices: u16 little-endian).
 *   - `gzip+zrle1`  : images in the ZRLE1 container below; decoding it gives the original
 *                     0–255 pixel bytes, bit-exact (the idx body without its header).
 *
 * ZRLE1 splits each 28×28 image into alternating runs of zero and non-zero pixels and stores the
 * run lengths and the non-zero values in separate streams, so deflate sees long homogeneous
 * streams (run lengths; first / last / inner values of each non-zero run). All integers LE.
 *
 *   offset 0  'MZR1'            magic
 *          4  u32 count         images
 *          8  u32 imageSize     pixels per image (784)
 *         12  u32 tokens        number of (zero run, non-zero run) pairs
 *         16  u32 firsts        values that start a non-zero run
 *         20  u32 lasts         values that end a non-zero run of length ≥ 2
 *         24  u32 inners        values inside a non-zero run of length ≥ 3
 *         28  zero-run lengths  [tokens] bytes, 0–255
 *             non-zero lengths  [tokens] bytes, 0–255
 *             firsts, lasts, inners
 * Runs never cross an image boundary; runs longer than 255 are continued by the next pair.
 *
 * Pure: no DOM, no Node APIs.
 */

export const MNIST_MANIFEST_FILE = 'manifest.json';
export const MNIST_ASSET_FORMAT = 'mnist-assets';
export const MNIST_ASSET_VERSION = 1;
/** Where the site serves the assets, relative to its base URL. */
export const MNIST_PUBLIC_DIR = 'data/mnist/';
/** Prefix of the Cache Storage names the loader uses (`mnist-<version hash>`). */
export const MNIST_CACHE_PREFIX = 'mnist-';

export const FULL_ASSETS = ['train-images', 'train-labels', 'test-images', 'test-labels'] as const;
export const SAMPLE_ASSETS = ['sample-images', 'sample-labels', 'sample-indices'] as const;
export const ALL_ASSETS = [...FULL_ASSETS, ...SAMPLE_ASSETS] as const;

export type MnistSet = 'full' | 'sample';
export type FullAssetId = (typeof FULL_ASSETS)[number];
export type SampleAssetId = (typeof SAMPLE_ASSETS)[number];
export type AssetId = FullAssetId | SampleAssetId;
export type AssetKind = 'images' | 'labels' | 'indices';
export type AssetEncoding = 'gzip' | 'gzip+zrle1';
export type AssetDtype = 'uint8' | 'uint16le';

export const SET_ASSETS: { readonly full: readonly FullAssetId[]; readonly sample: readonly SampleAssetId[] } = {
  full: FULL_ASSETS,
  sample: SAMPLE_ASSETS,
};

export function assetFileName(id: AssetId): string {
  return `${id}.bin`;
}

export interface AssetEntry {
  readonly file: string;
  readonly kind: AssetKind;
  /** Images, labels or indices in the asset. */
  readonly count: number;
  readonly encoding: AssetEncoding;
  readonly dtype: AssetDtype;
  /** Size of the stored file (what is downloaded). */
  readonly bytes: number;
  /** SHA-256 (hex) of the stored file. */
  readonly sha256: string;
  /** Size of the decoded payload (pixels, labels, or u16le indices). */
  readonly payloadBytes: number;
  /** SHA-256 (hex) of the decoded payload. For images this is the hash of the idx body. */
  readonly payloadSha256: string;
}

export interface SourceEntry {
  readonly file: string;
  readonly bytes: number;
  readonly mtimeMs: number;
  readonly sha256: string;
}

export interface MnistManifest {
  readonly format: typeof MNIST_ASSET_FORMAT;
  readonly version: typeof MNIST_ASSET_VERSION;
  /** Changes whenever the script's output would change for the same sources. */
  readonly generator: string;
  readonly rows: number;
  readonly cols: number;
  readonly classes: number;
  readonly trainCount: number;
  readonly testCount: number;
  /** Training images per digit 0–9 (sums to trainCount). */
  readonly trainClassCounts: readonly number[];
  /** Test images per digit 0–9 (sums to testCount). */
  readonly testClassCounts: readonly number[];
  /** The sample set: the first `perClass` test images of each class, in test-file order. */
  readonly sample: { readonly source: 'test'; readonly perClass: number; readonly count: number };
  readonly sets: { readonly full: readonly FullAssetId[]; readonly sample: readonly SampleAssetId[] };
  /** Download size of each set (sum of its assets' `bytes`). */
  readonly totals: { readonly full: number; readonly sample: number };
  readonly assets: { readonly [K in AssetId]: AssetEntry };
  /** The idx files the assets were built from (for the script's up-to-date check). */
  readonly sources: readonly SourceEntry[];
}

/** The arrays of one split: images as 0–255 bytes (count·rows·cols), labels as bytes. */
export interface MnistArrays {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
}

export class AssetFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssetFormatError';
  }
}

// ---------------------------------------------------------------------------------------------
// ZRLE1

const ZRLE_MAGIC = [0x4d, 0x5a, 0x52, 0x31] as const; // 'MZR1'
const ZRLE_HEADER_BYTES = 28;

/** Encodes images (count·imageSize bytes) as a ZRLE1 container (before gzip). Lossless. */
export function encodeZrle(pixels: Uint8Array, imageSize: number): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(imageSize) || imageSize <= 0) throw new RangeError(`invalid image size ${imageSize}`);
  if (pixels.length % imageSize !== 0) {
    throw new RangeError(`${pixels.length} pixel bytes is not a whole number of ${imageSize}-pixel images`);
  }
  const count = pixels.length / imageSize;
  // Worst cases: every pixel alternates (one token per pixel) / all values are literals.
  const zeros = new Uint8Array(pixels.length + count);
  const lens = new Uint8Array(pixels.length + count);
  const firsts = new Uint8Array(pixels.length);
  const lasts = new Uint8Array(pixels.length);
  const inners = new Uint8Array(pixels.length);
  let t = 0;
  let f = 0;
  let l = 0;
  let m = 0;
  for (let start = 0; start < pixels.length; start += imageSize) {
    const end = start + imageSize;
    let i = start;
    while (i < end) {
      let z = 0;
      while (i < end && pixels[i] === 0 && z < 255) {
        z++;
        i++;
      }
      const runStart = i;
      while (i < end && pixels[i] !== 0 && i - runStart < 255) i++;
      const n = i - runStart;
      zeros[t] = z;
      lens[t] = n;
      t++;
      if (n >= 1) firsts[f++] = pixels[runStart] ?? 0;
      if (n >= 2) lasts[l++] = pixels[runStart + n - 1] ?? 0;
      if (n >= 3) {
        inners.set(pixels.subarray(runStart + 1, runStart + n - 1), m);
        m += n - 2;
      }
    }
  }
  const out = new Uint8Array(ZRLE_HEADER_BYTES + 2 * t + f + l + m);
  out.set(ZRLE_MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, count, true);
  view.setUint32(8, imageSize, true);
  view.setUint32(12, t, true);
  view.setUint32(16, f, true);
  view.setUint32(20, l, true);
  view.setUint32(24, m, true);
  let p = ZRLE_HEADER_BYTES;
  for (const [stream, n] of [[zeros, t], [lens, t], [firsts, f], [lasts, l], [inners, m]] as const) {
    out.set(stream.subarray(0, n), p);
    p += n;
  }
  return out;
}

export interface ZrleInfo {
  readonly count: number;
  readonly imageSize: number;
}

/** Reads a ZRLE1 header. Throws AssetFormatError if it is not one. */
export function readZrleHeader(buf: Uint8Array): ZrleInfo & { tokens: number; firsts: number; lasts: number; inners: number } {
  if (buf.length < ZRLE_HEADER_BYTES || ZRLE_MAGIC.some((b, i) => buf[i] !== b)) {
    throw new AssetFormatError('not a ZRLE1 image container (bad magic or too short)');
  }
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const info = {
    count: view.getUint32(4, true),
    imageSize: view.getUint32(8, true),
    tokens: view.getUint32(12, true),
    firsts: view.getUint32(16, true),
    lasts: view.getUint32(20, true),
    inners: view.getUint32(24, true),
  };
  const expected = ZRLE_HEADER_BYTES + 2 * info.tokens + info.firsts + info.lasts + info.inners;
  if (buf.length !== expected) {
    throw new AssetFormatError(`ZRLE1 container is ${buf.length} bytes, its header says ${expected}`);
  }
  if (info.imageSize === 0) throw new AssetFormatError('ZRLE1 image size is 0');
  return info;
}

/**
 * Decodes a ZRLE1 container to count·imageSize pixel bytes. `out`, if given, must have exactly
 * that length and be zero-filled (a fresh array is). Throws AssetFormatError on any inconsistency.
 */
export function decodeZrle(buf: Uint8Array, out?: Uint8Array): Uint8Array {
  const h = readZrleHeader(buf);
  const total = h.count * h.imageSize;
  const pixels = out ?? new Uint8Array(total);
  if (pixels.length !== total) throw new AssetFormatError(`output has ${pixels.length} bytes, need ${total}`);
  const zPos0 = ZRLE_HEADER_BYTES;
  const lPos0 = zPos0 + h.tokens;
  let fPos = lPos0 + h.tokens;
  let laPos = fPos + h.firsts;
  let mPos = laPos + h.lasts;
  const fEnd = laPos;
  const laEnd = mPos;
  const mEnd = buf.length;
  const bad = (why: string): AssetFormatError => new AssetFormatError(`corrupt ZRLE1 stream: ${why}`);
  let t = 0;
  for (let start = 0; start < total; start += h.imageSize) {
    const end = start + h.imageSize;
    let i = start;
    while (i < end) {
      if (t >= h.tokens) throw bad('ran out of run lengths');
      const z = buf[zPos0 + t] ?? 0;
      const n = buf[lPos0 + t] ?? 0;
      t++;
      i += z;
      if (i + n > end) throw bad(`runs overflow image ${(start / h.imageSize) | 0}`);
      if (n >= 1) pixels[i] = buf[fPos++] ?? 0;
      if (n >= 3) {
        pixels.set(buf.subarray(mPos, mPos + n - 2), i + 1);
        mPos += n - 2;
      }
      if (n >= 2) pixels[i + n - 1] = buf[laPos++] ?? 0;
      i += n;
      if (z === 0 && n === 0) throw bad('empty run pair');
    }
  }
  if (t !== h.tokens || fPos !== fEnd || laPos !== laEnd || mPos !== mEnd) {
    throw bad('stream lengths do not match the header');
  }
  return pixels;
}

// ---------------------------------------------------------------------------------------------
// Indices (u16 little-endian)

export function encodeU16le(values: ArrayLike<number>): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(values.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    if (!Number.isInteger(v) || v < 0 || v > 0xffff) throw new RangeError(`index ${v} does not fit in u16`);
    view.setUint16(i * 2, v, true);
  }
  return out;
}

export function decodeU16le(bytes: Uint8Array): Uint16Array {
  if (bytes.length % 2 !== 0) throw new AssetFormatError(`odd byte length ${bytes.length} for u16 values`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint16Array(bytes.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint16(i * 2, true);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by script, loader and tests

/** True when the bytes start with the gzip magic 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The sample set: indices (ascending) of the first `perClass` examples of each class.
 * Throws if a class has fewer.
 */
export function selectSample(labels: Uint8Array, classes: number, perClass: number): number[] {
  const taken = new Array<number>(classes).fill(0);
  const picked: number[] = [];
  for (let i = 0; i < labels.length && picked.length < classes * perClass; i++) {
    const c = labels[i] ?? 0;
    const n = taken[c];
    if (n !== undefined && n < perClass) {
      taken[c] = n + 1;
      picked.push(i);
    }
  }
  const short = taken.findIndex((n) => n < perClass);
  if (short >= 0) throw new RangeError(`class ${short} has only ${taken[short]} examples, need ${perClass}`);
  return picked;
}

/** Copies the given images (and labels) out of a larger set. */
export function gather(
  images: Uint8Array,
  labels: Uint8Array,
  imageSize: number,
  indices: readonly number[],
): { images: Uint8Array<ArrayBuffer>; labels: Uint8Array<ArrayBuffer> } {
  const outImages = new Uint8Array(indices.length * imageSize);
  const outLabels = new Uint8Array(indices.length);
  indices.forEach((src, k) => {
    outImages.set(images.subarray(src * imageSize, (src + 1) * imageSize), k * imageSize);
    outLabels[k] = labels[src] ?? 0;
  });
  return { images: outImages, labels: outLabels };
}

/** A short version tag for a manifest: hash of all assets' stored hashes, for cache names. */
export function manifestVersionKey(manifest: MnistManifest): string {
  return ALL_ASSETS.map((id) => manifest.assets[id].sha256).join('');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Checks that parsed JSON is a manifest this code understands; throws AssetFormatError if not. */
export function validateManifest(json: unknown): MnistManifest {
  if (!isRecord(json)) throw new AssetFormatError('manifest is not a JSON object');
  if (json['format'] !== MNIST_ASSET_FORMAT) throw new AssetFormatError(`manifest format is ${String(json['format'])}, expected ${MNIST_ASSET_FORMAT}`);
  if (json['version'] !== MNIST_ASSET_VERSION) throw new AssetFormatError(`manifest version ${String(json['version'])}, expected ${MNIST_ASSET_VERSION}`);
  for (const key of ['rows', 'cols', 'classes', 'trainCount', 'testCount'] as const) {
    const v = json[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new AssetFormatError(`manifest ${key} is not a count`);
  }
  const assets = json['assets'];
  if (!isRecord(assets)) throw new AssetFormatError('manifest has no assets');
  for (const id of ALL_ASSETS) {
    const a = assets[id];
    if (!isRecord(a)) throw new AssetFormatError(`manifest lacks asset ${id}`);
    if (typeof a['file'] !== 'string' || !/^[\w.-]+$/.test(a['file'])) throw new AssetFormatError(`asset ${id}: bad file name`);
    for (const key of ['count', 'bytes', 'payloadBytes'] as const) {
      const v = a[key];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new AssetFormatError(`asset ${id}: ${key} is not a count`);
    }
    for (const key of ['sha256', 'payloadSha256'] as const) {
      const v = a[key];
      if (typeof v !== 'string' || !HEX64.test(v)) throw new AssetFormatError(`asset ${id}: ${key} is not a SHA-256`);
    }
    if (a['encoding'] !== 'gzip' && a['encoding'] !== 'gzip+zrle1') throw new AssetFormatError(`asset ${id}: unknown encoding ${String(a['encoding'])}`);
    if (a['dtype'] !== 'uint8' && a['dtype'] !== 'uint16le') throw new AssetFormatError(`asset ${id}: unknown dtype ${String(a['dtype'])}`);
    if (a['kind'] !== 'images' && a['kind'] !== 'labels' && a['kind'] !== 'indices') throw new AssetFormatError(`asset ${id}: unknown kind ${String(a['kind'])}`);
  }
  const counts = json['trainClassCounts'];
  if (!Array.isArray(counts) || !counts.every((n) => typeof n === 'number')) throw new AssetFormatError('manifest trainClassCounts is not a list of numbers');
  // Shape checked above; the rest (sets, totals, sources) is informative.
  return json as unknown as MnistManifest;
}

// ---------------------------------------------------------------------------------------------
// SHA-256 (pure fallback for contexts without crypto.subtle, e.g. plain-http pages)

const K256 = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 in plain JS, hex digest. Synchronous; ~100–200 MB/s. */
export function sha256HexSync(data: Uint8Array): string {
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const len = data.length;
  const tailBlocks = len % 64 < 56 ? 1 : 2;
  const tail = new Uint8Array(tailBlocks * 64);
  const fullEnd = len - (len % 64);
  tail.set(data.subarray(fullEnd));
  tail[len - fullEnd] = 0x80;
  const tv = new DataView(tail.buffer);
  const bits = len * 8;
  tv.setUint32(tail.length - 8, Math.floor(bits / 0x100000000));
  tv.setUint32(tail.length - 4, bits >>> 0);
  const block = (src: Uint8Array, off: number): void => {
    for (let i = 0; i < 16; i++) {
      const o = off + i * 4;
      w[i] = (((src[o] ?? 0) << 24) | ((src[o + 1] ?? 0) << 16) | ((src[o + 2] ?? 0) << 8) | (src[o + 3] ?? 0)) >>> 0;
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] ?? 0;
      const b = w[i - 2] ?? 0;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = ((w[i - 16] ?? 0) + s0 + (w[i - 7] ?? 0) + s1) >>> 0;
    }
    let a = h[0] ?? 0, b = h[1] ?? 0, c = h[2] ?? 0, d = h[3] ?? 0;
    let e = h[4] ?? 0, f = h[5] ?? 0, g = h[6] ?? 0, hh = h[7] ?? 0;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + (K256[i] ?? 0) + (w[i] ?? 0)) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0] ?? 0) + a; h[1] = (h[1] ?? 0) + b; h[2] = (h[2] ?? 0) + c; h[3] = (h[3] ?? 0) + d;
    h[4] = (h[4] ?? 0) + e; h[5] = (h[5] ?? 0) + f; h[6] = (h[6] ?? 0) + g; h[7] = (h[7] ?? 0) + hh;
  };
  for (let off = 0; off < fullEnd; off += 64) block(data, off);
  for (let off = 0; off < tail.length; off += 64) block(tail, off);
  return Array.from(h, (v) => v.toString(16).padStart(8, '0')).join('');
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}
