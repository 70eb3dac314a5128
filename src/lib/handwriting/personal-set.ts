/**
 * The learner's personal set (issue #16): digits they drew and labelled themselves, kept in the
 * browser (localStorage, one key, never sent anywhere) so the course's CNN can be fine-tuned on
 * their hand. Each example is the prepared 28×28 image exactly as the model saw it, stored as
 * MNIST stores its pixels (bytes 0–255, ink bright), and the digit the learner meant.
 * Pure: no DOM, no tfjs; the island reads and writes the store through `readSet`/`writeSet`.
 */
import { MNIST } from '../mnist-spec.ts';
import type { MnistArrays } from '../mnist/assets.ts';

export const HANDWRITING_KEY = 'cnn-course.handwriting';
const FORMAT = 'cnn-course-handwriting';
const VERSION = 1;

/** Pixels of one example (28·28). */
export const PIXELS = MNIST.rows * MNIST.cols;
/** The most examples kept (about 1 kB each in the store). */
export const MAX_EXAMPLES = 200;
/** The fewest examples a fine-tune starts with: fewer teach the model little and overfit fast. */
export const MIN_EXAMPLES = 5;

export interface PersonalExample {
  /** Unique within the set (for keys and removal). */
  readonly id: string;
  /** The digit the learner meant, 0–9. */
  readonly label: number;
  /** PIXELS bytes, row by row, 0 = no ink, 255 = full ink. */
  readonly pixels: Uint8Array;
  /** What the model said when the example was added (the misreading corrected), or null. */
  readonly predicted: number | null;
  readonly addedAt: string;
}

export type PersonalSet = readonly PersonalExample[];

export type AddProblem = 'empty' | 'label' | 'full' | 'size';

const isDigit = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < MNIST.classes;

/** A prepared image (0..1 floats) as stored bytes; null when it has no ink at all. */
export function toPixels(image: ArrayLike<number>): Uint8Array | null {
  if (image.length !== PIXELS) return null;
  const out = new Uint8Array(PIXELS);
  let ink = false;
  for (let i = 0; i < PIXELS; i++) {
    const v = image[i] ?? 0;
    const b = Number.isFinite(v) ? Math.round(Math.min(1, Math.max(0, v)) * 255) : 0;
    out[i] = b;
    if (b > 0) ink = true;
  }
  return ink ? out : null;
}

/**
 * The set with one more example, or the reason it cannot be added: an empty drawing, a label
 * that is not a digit, a full set, an image of the wrong size.
 */
export function addExample(
  set: PersonalSet,
  input: { readonly label: number; readonly image: ArrayLike<number>; readonly predicted?: number | null; readonly id: string; readonly addedAt: string },
): { readonly set: PersonalSet; readonly problem: null } | { readonly set: PersonalSet; readonly problem: AddProblem } {
  if (!isDigit(input.label)) return { set, problem: 'label' };
  if (input.image.length !== PIXELS) return { set, problem: 'size' };
  if (set.length >= MAX_EXAMPLES) return { set, problem: 'full' };
  const pixels = toPixels(input.image);
  if (!pixels) return { set, problem: 'empty' };
  const predicted = isDigit(input.predicted) ? input.predicted : null;
  return { set: [...set, { id: input.id, label: input.label, pixels, predicted, addedAt: input.addedAt }], problem: null };
}

export function removeExample(set: PersonalSet, id: string): PersonalSet {
  return set.filter((e) => e.id !== id);
}

/** The examples of each digit, 0–9, in the order they were added. */
export function byDigit(set: PersonalSet): PersonalExample[][] {
  const groups = Array.from({ length: MNIST.classes }, () => [] as PersonalExample[]);
  for (const e of set) groups[e.label]?.push(e);
  return groups;
}

/** Whether a fine-tune can start, and if not, how many more examples it needs. */
export function readiness(set: PersonalSet): { readonly ok: true } | { readonly ok: false; readonly have: number; readonly need: number } {
  return set.length >= MIN_EXAMPLES ? { ok: true } : { ok: false, have: set.length, need: MIN_EXAMPLES - set.length };
}

/** The set as the arrays training takes (the same shape as MNIST's). */
export function toArrays(set: PersonalSet): MnistArrays {
  const images = new Uint8Array(set.length * PIXELS);
  const labels = new Uint8Array(set.length);
  set.forEach((e, i) => {
    images.set(e.pixels, i * PIXELS);
    labels[i] = e.label;
  });
  return { images, labels, count: set.length, rows: MNIST.rows, cols: MNIST.cols };
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array | null {
  try {
    const s = atob(text);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

export function serializeSet(set: PersonalSet): string {
  return JSON.stringify({
    format: FORMAT,
    version: VERSION,
    examples: set.map((e) => ({ id: e.id, label: e.label, predicted: e.predicted, addedAt: e.addedAt, pixels: toBase64(e.pixels) })),
  });
}

/**
 * The set from its stored text. Anything that is not what `serializeSet` writes reads as an empty
 * set, and a damaged example is skipped: a damaged store never stops the lesson.
 */
export function parseSet(text: string | null | undefined): PersonalSet {
  if (typeof text !== 'string' || text === '') return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  const r = raw as { format?: unknown; version?: unknown; examples?: unknown } | null;
  if (typeof r !== 'object' || r === null || r.format !== FORMAT || r.version !== VERSION || !Array.isArray(r.examples)) return [];
  const out: PersonalExample[] = [];
  const ids = new Set<string>();
  for (const item of r.examples as unknown[]) {
    if (out.length >= MAX_EXAMPLES) break;
    const e = item as { id?: unknown; label?: unknown; predicted?: unknown; addedAt?: unknown; pixels?: unknown } | null;
    if (typeof e !== 'object' || e === null || typeof e.id !== 'string' || e.id === '' || ids.has(e.id) || !isDigit(e.label) || typeof e.pixels !== 'string') continue;
    const pixels = fromBase64(e.pixels);
    if (pixels?.length !== PIXELS) continue;
    ids.add(e.id);
    out.push({ id: e.id, label: e.label, pixels, predicted: isDigit(e.predicted) ? e.predicted : null, addedAt: typeof e.addedAt === 'string' ? e.addedAt : '' });
  }
  return out;
}

/** The stored set, or an empty one when there is none or storage cannot be read. */
export function readSet(storage: Pick<Storage, 'getItem'> | undefined): PersonalSet {
  try {
    return parseSet(storage?.getItem(HANDWRITING_KEY));
  } catch {
    return [];
  }
}

/** Stores the set; false when the browser refuses (private mode, full storage). */
export function writeSet(storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined, set: PersonalSet): boolean {
  if (!storage) return false;
  try {
    if (set.length === 0) storage.removeItem(HANDWRITING_KEY);
    else storage.setItem(HANDWRITING_KEY, serializeSet(set));
    return true;
  } catch {
    return false;
  }
}

/** An example's pixels as 0..1 values (for showing it as the model saw it). */
export function unitPixels(e: Pick<PersonalExample, 'pixels'>): Float32Array {
  return Float32Array.from(e.pixels, (b) => b / 255);
}
