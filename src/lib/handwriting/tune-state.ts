/**
 * The drawing lesson's "learn my handwriting" part (issue #16) as a pure reducer: the learner's
 * personal set (src/lib/handwriting/personal-set.ts), whether the browser keeps it, the last
 * addition or refusal, and a fine-tune from start to verdict (data, before, training, after,
 * saved or refused). The island renders it and turns clicks and the worker's reports into events.
 */
import type { ModelKind } from '../model/source.ts';
import type { Score, Scores } from './fine-tune.ts';
import { MIN_EXAMPLES, addExample, readiness, removeExample, type AddProblem, type PersonalSet } from './personal-set.ts';

export type TunePhase = 'idle' | 'data' | 'before' | 'train' | 'after' | 'saving';

/** How a fine-tune ended. */
export type TuneOutcome =
  /** Kept: saved as the fine-tuned model and now in use (`saved` false: could not be stored). */
  | { readonly kind: 'kept'; readonly before: Scores; readonly after: Scores; readonly saved: boolean; readonly base: ModelKind }
  /** MNIST accuracy fell by more than the limit: not kept, the model in use unchanged. */
  | { readonly kind: 'collapsed'; readonly before: Scores; readonly after: Scores; readonly drop: number }
  /** The loss stopped being a number (a learning rate far too high): not kept. */
  | { readonly kind: 'diverged'; readonly detail: string }
  /** The MNIST images could not be loaded, the GPU device was lost, or something else failed. */
  | { readonly kind: 'failed'; readonly code: 'data' | 'lost' | 'unknown'; readonly detail: string };

export interface TuneState {
  readonly set: PersonalSet;
  /** Whether the browser keeps the set (false: private mode or storage refused; kept for this visit only). */
  readonly stored: boolean;
  /** The last example added (its digit), or why one was refused. */
  readonly added: { readonly kind: 'added'; readonly label: number; readonly count: number } | { readonly kind: 'refused'; readonly problem: AddProblem } | { readonly kind: 'removed' } | { readonly kind: 'cleared' } | null;
  /** A fine-tune was asked for with too few examples. */
  readonly tooFew: { readonly have: number; readonly need: number } | null;
  readonly phase: TunePhase;
  readonly progress: { readonly step: number; readonly steps: number; readonly loss: number } | { readonly loaded: number; readonly total: number } | null;
  readonly outcome: TuneOutcome | null;
  /** Asking before the whole set is cleared. */
  readonly confirmingClear: boolean;
}

export const initialTuneState: TuneState = { set: [], stored: true, added: null, tooFew: null, phase: 'idle', progress: null, outcome: null, confirmingClear: false };

export type TuneEvent =
  | { readonly type: 'restored'; readonly set: PersonalSet; readonly stored: boolean }
  | { readonly type: 'add'; readonly label: number; readonly image: ArrayLike<number> | null; readonly predicted: number | null; readonly id: string; readonly addedAt: string }
  | { readonly type: 'remove'; readonly id: string }
  | { readonly type: 'clear-ask' }
  | { readonly type: 'clear-cancel' }
  | { readonly type: 'clear' }
  /** Whether the last write to storage succeeded. */
  | { readonly type: 'stored'; readonly ok: boolean }
  | { readonly type: 'start' }
  | { readonly type: 'data'; readonly loaded: number; readonly total: number }
  | { readonly type: 'before' }
  | { readonly type: 'train'; readonly step: number; readonly steps: number; readonly loss: number }
  | { readonly type: 'after' }
  | { readonly type: 'saving' }
  | { readonly type: 'done'; readonly outcome: TuneOutcome };

export const busy = (s: TuneState): boolean => s.phase !== 'idle';

export function reduceTune(s: TuneState, e: TuneEvent): TuneState {
  switch (e.type) {
    case 'restored':
      return { ...s, set: e.set, stored: e.stored };
    case 'add': {
      const r = addExample(s.set, { label: e.label, image: e.image ?? [], predicted: e.predicted, id: e.id, addedAt: e.addedAt });
      if (r.problem) return { ...s, added: { kind: 'refused', problem: e.image === null ? 'empty' : r.problem } };
      return { ...s, set: r.set, added: { kind: 'added', label: e.label, count: r.set.length }, tooFew: null, confirmingClear: false };
    }
    case 'remove':
      return { ...s, set: removeExample(s.set, e.id), added: { kind: 'removed' }, confirmingClear: false };
    case 'clear-ask':
      return { ...s, confirmingClear: true };
    case 'clear-cancel':
      return { ...s, confirmingClear: false };
    case 'clear':
      return { ...s, set: [], added: { kind: 'cleared' }, confirmingClear: false, tooFew: null };
    case 'stored':
      return { ...s, stored: e.ok };
    case 'start': {
      const r = readiness(s.set);
      if (!r.ok) return { ...s, tooFew: { have: r.have, need: r.need } };
      return { ...s, tooFew: null, phase: 'data', progress: null, outcome: null };
    }
    case 'data':
      return { ...s, phase: 'data', progress: { loaded: e.loaded, total: e.total } };
    case 'before':
      return { ...s, phase: 'before', progress: null };
    case 'train':
      return { ...s, phase: 'train', progress: { step: e.step, steps: e.steps, loss: e.loss } };
    case 'after':
      return { ...s, phase: 'after', progress: null };
    case 'saving':
      return { ...s, phase: 'saving' };
    case 'done':
      return { ...s, phase: 'idle', progress: null, outcome: e.outcome };
  }
}

/** Accuracy as a ratio (NaN for an empty score). */
export const accuracy = (score: Score): number => (score.count > 0 ? score.correct / score.count : NaN);

/** Percentage points won (positive) or lost (negative) between two scores. */
export function pointsChange(before: Score, after: Score): number {
  return (accuracy(after) - accuracy(before)) * 100;
}

/** Whether the fine-tune button can be pressed, and the one line that says why not. */
export function tuneButton(s: TuneState, modelReady: boolean): { readonly enabled: boolean; readonly reason: 'busy' | 'no-model' | 'too-few' | null } {
  if (busy(s)) return { enabled: false, reason: 'busy' };
  if (!modelReady) return { enabled: false, reason: 'no-model' };
  // Pressable with too few examples: the press explains how many more are needed.
  return { enabled: true, reason: s.set.length < MIN_EXAMPLES ? 'too-few' : null };
}
