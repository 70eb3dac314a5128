/**
 * Parsing and validation of the idx files MNIST is distributed in (LeCun's format):
 *
 *   images (idx3-ubyte): magic 2051, count, rows, cols (big-endian u32), then count·rows·cols bytes
 *   labels (idx1-ubyte): magic 2049, count (big-endian u32), then count bytes
 *
 * Pure: no DOM, no Node APIs. Shared by the data script and the browser. Every problem is an
 * `IdxError` whose message says what is wrong without the file name (the caller prefixes it).
 */

export const IDX_IMAGES_MAGIC = 2051;
export const IDX_LABELS_MAGIC = 2049;
export const IDX_IMAGES_HEADER_BYTES = 16;
export const IDX_LABELS_HEADER_BYTES = 8;

export class IdxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdxError';
  }
}

export interface IdxImages {
  readonly kind: 'images';
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  /** count·rows·cols bytes, image after image, row-major, 0–255. A view into the input. */
  readonly pixels: Uint8Array;
}

export interface IdxLabels {
  readonly kind: 'labels';
  readonly count: number;
  /** count bytes. A view into the input. */
  readonly labels: Uint8Array;
}

export interface IdxImagesExpectation {
  readonly count?: number;
  readonly rows?: number;
  readonly cols?: number;
}

export interface IdxLabelsExpectation {
  readonly count?: number;
  /** Labels must be < classes. */
  readonly classes?: number;
}

function u32be(bytes: Uint8Array, offset: number): number {
  // Callers check the length first; `?? 0` only satisfies noUncheckedIndexedAccess.
  return (
    ((bytes[offset] ?? 0) * 0x1000000) +
    ((bytes[offset + 1] ?? 0) << 16) +
    ((bytes[offset + 2] ?? 0) << 8) +
    (bytes[offset + 3] ?? 0)
  );
}

function describeMagic(magic: number): string {
  if (magic === IDX_IMAGES_MAGIC) return '; it looks like an images file';
  if (magic === IDX_LABELS_MAGIC) return '; it looks like a labels file';
  return '';
}

function checkMagic(bytes: Uint8Array, expected: number, what: string): void {
  if (bytes.length < 4) {
    throw new IdxError(`truncated: ${bytes.length} bytes, too short for an idx header`);
  }
  const magic = u32be(bytes, 0);
  if (magic !== expected) {
    throw new IdxError(`magic number ${magic}, expected ${expected} (${what})${describeMagic(magic)}`);
  }
}

function checkLength(actual: number, expected: number, detail: string): void {
  if (actual < expected) {
    throw new IdxError(`truncated: ${actual} bytes, expected ${expected} for ${detail}`);
  }
  if (actual > expected) {
    throw new IdxError(`${actual - expected} trailing bytes: ${actual} bytes, expected ${expected} for ${detail}`);
  }
}

function checkDim(name: string, actual: number, expected: number | undefined): void {
  if (expected !== undefined && actual !== expected) {
    throw new IdxError(`${name} ${actual}, expected ${expected}`);
  }
}

/** Parses an idx3-ubyte images file. The pixels are a view into `bytes` (no copy). */
export function parseIdxImages(bytes: Uint8Array, expect: IdxImagesExpectation = {}): IdxImages {
  checkMagic(bytes, IDX_IMAGES_MAGIC, 'an images file');
  if (bytes.length < IDX_IMAGES_HEADER_BYTES) {
    throw new IdxError(`truncated: ${bytes.length} bytes, shorter than the ${IDX_IMAGES_HEADER_BYTES}-byte header`);
  }
  const count = u32be(bytes, 4);
  const rows = u32be(bytes, 8);
  const cols = u32be(bytes, 12);
  checkDim('image count', count, expect.count);
  checkDim('rows', rows, expect.rows);
  checkDim('cols', cols, expect.cols);
  if (rows === 0 || cols === 0) throw new IdxError(`image size ${rows}×${cols} is empty`);
  const expected = IDX_IMAGES_HEADER_BYTES + count * rows * cols;
  checkLength(bytes.length, expected, `${count} images of ${rows}×${cols}`);
  return { kind: 'images', count, rows, cols, pixels: bytes.subarray(IDX_IMAGES_HEADER_BYTES) };
}

/** Parses an idx1-ubyte labels file. The labels are a view into `bytes` (no copy). */
export function parseIdxLabels(bytes: Uint8Array, expect: IdxLabelsExpectation = {}): IdxLabels {
  checkMagic(bytes, IDX_LABELS_MAGIC, 'a labels file');
  if (bytes.length < IDX_LABELS_HEADER_BYTES) {
    throw new IdxError(`truncated: ${bytes.length} bytes, shorter than the ${IDX_LABELS_HEADER_BYTES}-byte header`);
  }
  const count = u32be(bytes, 4);
  checkDim('label count', count, expect.count);
  checkLength(bytes.length, IDX_LABELS_HEADER_BYTES + count, `${count} labels`);
  const labels = bytes.subarray(IDX_LABELS_HEADER_BYTES);
  if (expect.classes !== undefined) {
    const classes = expect.classes;
    const bad = labels.findIndex((v) => v >= classes);
    if (bad >= 0) {
      throw new IdxError(`label ${labels[bad]} at index ${bad} is out of range 0–${classes - 1}`);
    }
  }
  return { kind: 'labels', count, labels };
}

/** How many labels of each class 0..classes-1 (labels ≥ classes are ignored). */
export function countClasses(labels: Uint8Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const v of labels) {
    if (v < classes) counts[v] = (counts[v] ?? 0) + 1;
  }
  return counts;
}

/** Builds an idx3-ubyte file (for tests and tools). */
export function buildIdxImages(pixels: Uint8Array, count: number, rows: number, cols: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(IDX_IMAGES_HEADER_BYTES + pixels.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, IDX_IMAGES_MAGIC);
  view.setUint32(4, count);
  view.setUint32(8, rows);
  view.setUint32(12, cols);
  out.set(pixels, IDX_IMAGES_HEADER_BYTES);
  return out;
}

/** Builds an idx1-ubyte file (for tests and tools). */
export function buildIdxLabels(labels: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(IDX_LABELS_HEADER_BYTES + labels.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, IDX_LABELS_MAGIC);
  view.setUint32(4, labels.length);
  out.set(labels, IDX_LABELS_HEADER_BYTES);
  return out;
}
