/**
 * The activation functions demo's state (lesson 1-2b): the linear input a, moved with a slider or
 * typed, and the activation function chosen for the neuron's output. Both live in the page's
 * URL (?a=1&act=relu). Pure: no DOM.
 */
import { defineUrlState, enumField, numberField, type StateOf } from '../url-state.ts';
import type { NumberSpec } from '../viz/numeric.ts';
import { ACTIVATIONS, activate, clean, plotPoints, type Activation } from './neuron.ts';

/** What a may be: the charts' whole x range. */
export const A_SPEC: NumberSpec = { min: -10, max: 10 };
/** The slider's step (arrow keys move a by this much; the field takes any number in range). */
export const A_SLIDER_STEP = 0.1;
/** The slider's Page Up / Page Down step. */
export const A_PAGE_STEP = 1;
/** Points per sampled curve over the x range (0.1 apart). */
export const PLOT_SAMPLES = 201;

/** a = 0 to start: where the step jumps, ReLU bends and σ(0) = 0.5. */
export const ACTIVATIONS_START = { a: 0, activation: 'sigmoid' } as const;

export const activationsUrl = defineUrlState({
  a: numberField(ACTIVATIONS_START.a, A_SPEC),
  act: enumField<Activation>(ACTIVATIONS_START.activation, ACTIVATIONS),
});

export type ActivationsState = StateOf<typeof activationsUrl.schema>;

export const initialActivations: ActivationsState = activationsUrl.defaults;

export type ActivationsEvent =
  | { readonly type: 'a'; readonly value: number }
  /** A key on the slider: move a by `steps` slider steps, kept in range. */
  | { readonly type: 'nudge'; readonly steps: number }
  | { readonly type: 'activation'; readonly activation: Activation }
  | { readonly type: 'reset' };

/** a kept in range and free of float noise. */
export function clampA(value: number): number {
  return clean(Math.min(A_SPEC.max, Math.max(A_SPEC.min, value)));
}

export function reduceActivations(state: ActivationsState, event: ActivationsEvent): ActivationsState {
  switch (event.type) {
    case 'a':
      return Number.isFinite(event.value) ? { ...state, a: clampA(event.value) } : state;
    case 'nudge':
      return Number.isFinite(event.steps) ? { ...state, a: clampA(state.a + event.steps * A_SLIDER_STEP) } : state;
    case 'activation':
      return ACTIVATIONS.includes(event.activation) ? { ...state, act: event.activation } : state;
    case 'reset':
      return initialActivations;
  }
}

/** Chart ranges per function: step and σ in [0, 1] (with a margin), ReLU up to the largest a. */
export function yRange(kind: Activation): { readonly min: number; readonly max: number } {
  return kind === 'relu' ? { min: 0, max: A_SPEC.max } : { min: -0.1, max: 1.1 };
}

/** One function's chart and readout at a. */
export interface ActivationView {
  readonly kind: Activation;
  readonly value: number;
  readonly curve: readonly (readonly [number, number])[];
  readonly mark: readonly (readonly [number, number])[];
}

const CURVES = new Map(ACTIVATIONS.map((k) => [k, plotPoints(k, A_SPEC.min, A_SPEC.max, PLOT_SAMPLES)]));

/** What each of the three charts shows for a. */
export function activationViews(a: number): readonly ActivationView[] {
  return ACTIVATIONS.map((kind) => {
    const value = activate(kind, a);
    return { kind, value, curve: CURVES.get(kind) ?? [], mark: [[a, value]] };
  });
}
