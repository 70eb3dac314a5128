/**
 * The drawing lesson's state (chapter 4), as a pure reducer: which model is in use or loading,
 * what the learner drew and how it was prepared, the latest prediction and whether it is the
 * answer for the finished drawing, the notices shown, export and import. The island renders it
 * and turns the learner's actions and the inference worker's answers into events.
 */
import { DECK_CNN, summarize, type LayerSummary } from '../cnn-architecture.ts';
import type { LearnerModel } from '../storage/learner-model.ts';
import type { TunedModel } from '../storage/tuned-store.ts';
import type { ModelErrorCode, ModelKind, TrainingRecord } from '../model/source.ts';
import type { Activation, LoadResult } from '../inference/api.ts';
import type { Prepared } from './preprocess.ts';

/** The convolution layers whose feature maps the lesson shows, from the model spec. */
export const SHOWN_LAYERS: readonly LayerSummary[] = summarize(DECK_CNN).filter((l) => l.kind === 'conv2d');
/** The layer whose learned filters the lesson shows. */
export const FILTER_LAYER = SHOWN_LAYERS[0]?.name ?? 'conv2d';

export type Mode = 'pen' | 'grid';

export interface ImportedFiles {
  readonly modelJson: ArrayBuffer;
  readonly weights: ArrayBuffer;
  readonly names: string;
}

export type Notice =
  | { readonly kind: 'refused'; readonly model: ModelKind; readonly code: ModelErrorCode | 'files'; readonly detail: string; readonly kept: ModelKind | null }
  | { readonly kind: 'error'; readonly text: 'predict' | 'unknown'; readonly detail: string }
  /** The GPU device was lost: the learner can start again on a fresh one. */
  | { readonly kind: 'lost'; readonly detail: string }
  | { readonly kind: 'info'; readonly text: 'imported' };

export interface ShownPrediction {
  readonly probabilities: readonly number[];
  readonly activations: Readonly<Record<string, Activation>>;
}

export interface DrawState {
  readonly mode: Mode;
  /** tfjs could not start in the worker. */
  readonly fatal: string | undefined;
  /** undefined: still looking; null: none (or unreadable). */
  readonly record: TrainingRecord | null | undefined;
  readonly learner: LearnerModel | null | undefined;
  /** The model fine-tuned on the learner's handwriting (undefined: still looking; null: none). */
  readonly tuned: TunedModel | null | undefined;
  readonly imported: ImportedFiles | null;
  /** Files sent to the worker and waiting for its verdict. */
  readonly pendingImport: ImportedFiles | null;
  readonly inUse: ModelKind | null;
  readonly loading: ModelKind | null;
  /** The model that was in use (or loading) when the device was lost: a restart loads it again. */
  readonly beforeLoss: ModelKind | null;
  readonly notice: Notice | null;
  readonly prepared: Prepared;
  readonly prediction: ShownPrediction | null;
  /** The number of the prediction whose answer is wanted (0: none, the drawing is empty). */
  readonly wanted: number;
  /** Whether what is shown (prediction or hint) reflects the current drawing. */
  readonly settled: boolean;
  /** A pointer is down: predictions show but are not announced until the stroke ends. */
  readonly drawing: boolean;
  readonly predictions: number;
  readonly announcement: { readonly digit: number; readonly probability: number } | 'cleared' | null;
  readonly filters: { readonly kernels: Float32Array; readonly shape: readonly number[]; readonly biases: Float32Array } | null;
  readonly tensors: number | undefined;
  readonly exporting: boolean;
  readonly exported: { readonly modelJson: string; readonly weights: ArrayBuffer } | null;
}

export const initialDrawState: DrawState = {
  mode: 'pen',
  fatal: undefined,
  record: undefined,
  learner: undefined,
  tuned: undefined,
  imported: null,
  pendingImport: null,
  inUse: null,
  loading: null,
  beforeLoss: null,
  notice: null,
  prepared: { empty: true },
  prediction: null,
  wanted: 0,
  settled: true,
  drawing: false,
  predictions: 0,
  announcement: null,
  filters: null,
  tensors: undefined,
  exporting: false,
  exported: null,
};

export type DrawEvent =
  | { readonly type: 'record'; readonly record: TrainingRecord | null }
  | { readonly type: 'learner'; readonly learner: LearnerModel | null }
  /** A fine-tuned model was found, saved or discarded (null). */
  | { readonly type: 'tuned'; readonly tuned: TunedModel | null }
  /** The worker's tensor count after a job other than a load or a prediction (a fine-tune). */
  | { readonly type: 'tensors'; readonly tensors: number }
  | { readonly type: 'fatal'; readonly message: string }
  | { readonly type: 'mode'; readonly mode: Mode }
  /** The drawing changed (a stroke moved, a cell was painted, undo, clear). */
  | { readonly type: 'changed' }
  | { readonly type: 'pointer'; readonly down: boolean }
  /** The current drawing was prepared; `id` is the prediction asked for it (0: none). */
  | { readonly type: 'prepared'; readonly prepared: Prepared; readonly id: number }
  /** `final`: no newer change is waiting, so this is the answer for the drawing as it is. */
  | { readonly type: 'predicted'; readonly id: number; readonly probabilities: Float32Array; readonly activations: Readonly<Record<string, Activation>>; readonly tensors: number; readonly final: boolean }
  | { readonly type: 'predict-failed'; readonly message: string }
  | { readonly type: 'load'; readonly kind: ModelKind; readonly files?: ImportedFiles }
  | { readonly type: 'loaded'; readonly result: LoadResult }
  /** The chosen files are not one model.json and one weights file. */
  | { readonly type: 'import-refused'; readonly names: string }
  | { readonly type: 'filters'; readonly kernels: Float32Array; readonly shape: readonly number[]; readonly biases: Float32Array; readonly tensors: number }
  | { readonly type: 'export' }
  | { readonly type: 'exported'; readonly modelJson: string; readonly weights: ArrayBuffer; readonly tensors: number }
  | { readonly type: 'failed'; readonly message: string }
  /** The worker's GPU device was lost: the model must be loaded again on a fresh worker. */
  | { readonly type: 'lost'; readonly message: string };

export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? -Infinity) > (values[best] ?? -Infinity)) best = i;
  return best;
}

export function reduceDraw(s: DrawState, e: DrawEvent): DrawState {
  switch (e.type) {
    case 'record':
      return { ...s, record: e.record };
    case 'learner':
      return { ...s, learner: e.learner };
    case 'tuned':
      return { ...s, tuned: e.tuned };
    case 'tensors':
      return { ...s, tensors: e.tensors };
    case 'fatal':
      return { ...s, fatal: e.message, loading: null };
    case 'mode':
      return { ...s, mode: e.mode, settled: false };
    case 'changed':
      return { ...s, settled: false };
    case 'pointer':
      return { ...s, drawing: e.down };
    case 'prepared':
      if (e.prepared.empty) {
        return { ...s, prepared: e.prepared, prediction: null, wanted: 0, settled: true, announcement: s.announcement === null ? null : 'cleared' };
      }
      return { ...s, prepared: e.prepared, wanted: e.id };
    case 'predicted': {
      if (e.id !== s.wanted) return { ...s, tensors: e.tensors };
      const probabilities = Array.from(e.probabilities);
      const next = { ...s, tensors: e.tensors, prediction: { probabilities, activations: e.activations }, predictions: s.predictions + 1 };
      if (!e.final) return next;
      // Announced once it is the answer for the finished drawing, not for every step of a stroke.
      const digit = argmax(probabilities);
      return { ...next, settled: true, announcement: s.drawing ? s.announcement : { digit, probability: probabilities[digit] ?? 0 } };
    }
    case 'predict-failed':
      return { ...s, notice: { kind: 'error', text: 'predict', detail: e.message } };
    case 'load':
      return { ...s, loading: e.kind, pendingImport: e.files ?? (e.kind === 'imported' ? s.pendingImport : null), notice: e.files ? null : s.notice };
    case 'loaded': {
      const r = e.result;
      if (!r.ok) {
        return {
          ...s,
          tensors: r.tensors,
          loading: null,
          pendingImport: r.kind === 'imported' ? null : s.pendingImport,
          notice: { kind: 'refused', model: r.kind, code: r.code, detail: r.detail, kept: s.inUse },
        };
      }
      const imported = r.kind === 'imported' && s.pendingImport ? s.pendingImport : s.imported;
      // A refused stored model stays reported while the shipped one replaces it.
      const keep = s.notice?.kind === 'refused' && (s.notice.model === 'learner' || s.notice.model === 'tuned') && r.kind === 'pretrained';
      const notice: Notice | null = r.kind === 'imported' && s.pendingImport ? { kind: 'info', text: 'imported' } : keep ? s.notice : null;
      return { ...s, tensors: r.tensors, loading: null, inUse: r.kind, imported, pendingImport: null, notice, settled: false };
    }
    case 'import-refused':
      return { ...s, notice: { kind: 'refused', model: 'imported', code: 'files', detail: e.names, kept: s.inUse } };
    case 'filters':
      return { ...s, filters: { kernels: e.kernels, shape: e.shape, biases: e.biases }, tensors: e.tensors };
    case 'export':
      return { ...s, exporting: true };
    case 'exported':
      return { ...s, exporting: false, exported: { modelJson: e.modelJson, weights: e.weights }, tensors: e.tensors };
    case 'failed':
      return { ...s, exporting: false, notice: { kind: 'error', text: 'unknown', detail: e.message } };
    case 'lost':
      return { ...s, inUse: null, loading: null, beforeLoss: s.inUse ?? s.loading ?? s.beforeLoss, exporting: false, pendingImport: null, settled: true, notice: { kind: 'lost', detail: e.message } };
  }
}

/** What the island asks the worker to load after an event, if anything. */
export function fallbackAfter(s: DrawState, e: DrawEvent): 'pretrained' | null {
  // The learner's (or the fine-tuned) stored model is broken and nothing is in use: use the shipped one.
  return e.type === 'loaded' && !e.result.ok && (e.result.kind === 'learner' || e.result.kind === 'tuned') && s.inUse === null ? 'pretrained' : null;
}

/** The model a fresh start (or a retry after a lost device) loads. */
export function startingModel(s: DrawState): ModelKind {
  const kind = s.inUse ?? s.beforeLoss;
  if (kind) return kind;
  return firstModel(s.learner ?? null, s.tuned ?? null);
}

/**
 * The model the lesson starts with: the one fine-tuned on the learner's handwriting (the latest
 * thing they made), else the learner's trained model, else the shipped one.
 */
export function firstModel(learner: LearnerModel | null, tuned: TunedModel | null): ModelKind {
  return tuned ? 'tuned' : learner ? 'learner' : 'pretrained';
}

/** The selectors the view reads. */
export function drawView(s: DrawState) {
  const probabilities = s.prediction && !s.prepared.empty ? s.prediction.probabilities : null;
  return {
    probabilities,
    top: probabilities ? argmax(probabilities) : null,
    selected: s.loading ?? s.inUse,
    state: s.fatal !== undefined ? 'error' : s.notice?.kind === 'lost' ? 'lost' : s.inUse ? 'ready' : 'loading',
    busy: s.loading !== null,
  } as const;
}

/**
 * One filter's kernel, row by row, from a layer's kernels laid out as tfjs keeps them
 * ([kh, kw, inChannels, filters], the filter index last); the first input channel.
 */
export function filterValues(kernels: ArrayLike<number>, shape: readonly number[], index: number): number[] {
  const [kh = 0, kw = 0, inChannels = 1, count = 0] = shape;
  if (!Number.isInteger(index) || index < 0 || index >= count) return [];
  return Array.from({ length: kh * kw }, (_, p) => kernels[p * inChannels * count + index] ?? NaN);
}
