/**
 * "The model to use", one definition for every lesson and both workers: where a model comes
 * from, which one a lesson starts with, and the typed errors a model can be refused with.
 * Loading and verifying live in ./load.ts (it needs tfjs); this module is plain data.
 */
import type { Checkpoint } from '../training/checkpoint.ts';
import type { LearnerModel } from '../storage/learner-model.ts';

export type ModelSource =
  /** The shipped pre-trained model: the URL of its model.json (weights.bin beside it). */
  | { readonly kind: 'pretrained'; readonly url: string }
  /** The learner's own model (src/lib/storage/learner-model.ts decides which stored one). */
  | { readonly kind: 'learner'; readonly checkpoint: Checkpoint }
  /** The shipped or the learner's model fine-tuned on the learner's handwriting (src/lib/storage/tuned-store.ts). */
  | { readonly kind: 'tuned'; readonly checkpoint: Checkpoint }
  /** The bytes of a model.json and its weights file, as the learner chose them. */
  | { readonly kind: 'imported'; readonly modelJson: ArrayBuffer; readonly weights: ArrayBuffer };

export type ModelKind = ModelSource['kind'];

/** Why a model was refused; the page words each one and `detail` says what exactly. */
export type ModelErrorCode = 'fetch' | 'not-json' | 'not-model' | 'weights' | 'shape' | 'not-finite' | 'checkpoint' | 'unknown';

export const MODEL_ERROR_CODES: readonly ModelErrorCode[] = ['fetch', 'not-json', 'not-model', 'weights', 'shape', 'not-finite', 'checkpoint', 'unknown'];

export class ModelError extends Error {
  readonly code: ModelErrorCode;

  constructor(code: ModelErrorCode, message: string) {
    super(message);
    this.name = 'ModelError';
    this.code = code;
  }
}

/** The code of any error met while loading a model ('unknown' for anything not a ModelError). */
export function modelErrorCode(e: unknown): ModelErrorCode {
  return e instanceof ModelError ? e.code : 'unknown';
}

/** Where the shipped model lives, relative to the site's base path. */
export function pretrainedDir(base: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}models/pretrained/`;
}

/** The shipped model as a source; `href` is the page's address (workers need absolute URLs). */
export function pretrainedSource(base: string, href: string): Extract<ModelSource, { kind: 'pretrained' }> {
  return { kind: 'pretrained', url: new URL(`${pretrainedDir(base)}model.json`, href).href };
}

/** The model a lesson starts with: the learner's own when there is one, else the shipped one. */
export function defaultSource(learner: LearnerModel | null, pretrained: ModelSource): ModelSource {
  return learner ? { kind: 'learner', checkpoint: learner.checkpoint } : pretrained;
}

/** A copy of a source that can be transferred to a worker (imported bytes are moved, so copy them). */
export function transferableCopy(source: ModelSource): { source: ModelSource; transfer: ArrayBuffer[] } {
  if (source.kind !== 'imported') return { source, transfer: [] };
  const modelJson = source.modelJson.slice(0);
  const weights = source.weights.slice(0);
  return { source: { kind: 'imported', modelJson, weights }, transfer: [modelJson, weights] };
}

/** The fields of the shipped model's training-record.json that the lessons show. */
export interface TrainingRecord {
  readonly epochs: number;
  readonly data: { readonly train: number; readonly validation: number; readonly test: number };
  readonly backend: string;
  readonly testAccuracy: number;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The training record, or null when the JSON is not one. */
export function parseTrainingRecord(json: unknown): TrainingRecord | null {
  if (typeof json !== 'object' || json === null) return null;
  const r = json as Record<string, unknown>;
  const data = r['data'];
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  const { epochs, backend, testAccuracy } = r;
  const { train, validation, test } = d;
  if (!isCount(epochs) || !isCount(train) || !isCount(validation) || !isCount(test)) return null;
  if (typeof backend !== 'string' || typeof testAccuracy !== 'number' || !(testAccuracy >= 0 && testAccuracy <= 1)) return null;
  return { epochs, data: { train, validation, test }, backend, testAccuracy };
}

/** Fetches and reads the shipped model's training record; null when it is missing or broken. */
export async function fetchTrainingRecord(base: string, fetcher: typeof fetch = fetch): Promise<TrainingRecord | null> {
  try {
    const res = await fetcher(`${pretrainedDir(base)}training-record.json`);
    return res.ok ? parseTrainingRecord(await res.json()) : null;
  } catch {
    return null;
  }
}
