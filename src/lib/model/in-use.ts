/**
 * "The model in use" for the chapter 3 demos that show what the course's CNN does with a real
 * digit (learned filters, feature maps, pooled maps, the flattened units, logits): the learner's
 * model by the one rule of src/lib/storage/learner-model.ts, else the shipped one. A learner's
 * model that the worker refuses (a corrupt save) is not used silently: the demo falls back to the
 * shipped model and says why. Pure: no DOM, no tfjs.
 */
import type { StoredModelInfo } from '../evaluation.ts';
import type { ModelErrorCode, ModelKind } from './source.ts';

export type InUsePhase = 'checking' | 'loading' | 'ready' | 'failed' | 'lost';

export interface InUseState {
  readonly phase: InUsePhase;
  /** The model being loaded or in use. */
  readonly kind: ModelKind | undefined;
  /** What is known of the learner's stored model (undefined until looked up, null when none). */
  readonly learner: StoredModelInfo | null | undefined;
  /** Why the learner's model was not used (its refusal code), when the demo fell back. */
  readonly fellBack: ModelErrorCode | undefined;
  /** What went wrong, when failed or lost. */
  readonly message: string | undefined;
  /** Bumped on every successful load: views refetch what they showed of the old model. */
  readonly version: number;
}

export const initialInUse: InUseState = { phase: 'checking', kind: undefined, learner: undefined, fellBack: undefined, message: undefined, version: 0 };

export type InUseEvent =
  | { readonly type: 'learner'; readonly learner: StoredModelInfo | null }
  | { readonly type: 'load'; readonly kind: ModelKind }
  | { readonly type: 'loaded'; readonly kind: ModelKind }
  | { readonly type: 'refused'; readonly kind: ModelKind; readonly code: ModelErrorCode; readonly detail: string }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'lost'; readonly message: string };

export function reduceInUse(s: InUseState, e: InUseEvent): InUseState {
  switch (e.type) {
    case 'learner':
      return { ...s, learner: e.learner };
    case 'load':
      return { ...s, phase: 'loading', kind: e.kind, message: undefined };
    case 'loaded':
      return { ...s, phase: 'ready', kind: e.kind, message: undefined, version: s.version + 1 };
    case 'refused':
      // The learner's model refused: the caller loads the shipped one next (fallbackAfter).
      if (e.kind === 'learner') return { ...s, phase: 'loading', kind: 'pretrained', fellBack: e.code, message: e.detail };
      return { ...s, phase: 'failed', message: e.detail };
    case 'failed':
      return { ...s, phase: 'failed', message: e.message };
    case 'lost':
      return { ...s, phase: 'lost', message: e.message };
  }
}

/** The model to load first: the learner's when one is stored, else the shipped one. */
export function firstKind(learner: StoredModelInfo | null): ModelKind {
  return learner ? 'learner' : 'pretrained';
}

/** Whether an event means "now load the shipped model" (the learner's was refused). */
export function fallsBack(e: InUseEvent): boolean {
  return e.type === 'refused' && e.kind === 'learner';
}

/** Whether the demo can ask the model for activations now. */
export function canPredict(s: InUseState): boolean {
  return s.phase === 'ready';
}
