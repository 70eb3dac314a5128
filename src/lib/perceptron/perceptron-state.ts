/**
 * The perceptron demo's state (lesson 1-2a): three inputs, three weights, the threshold θ and the
 * activation that turns a = Σ x_i w_i − θ into the output. It starts from the deck's worked
 * example (inputs 1, 2, 3; weights 1; θ = 5; the step function) and lives in the page's URL.
 * Pure: no DOM.
 */
import { defineUrlState, enumField, numberField, numberList, type StateOf } from '../url-state.ts';
import type { NumberSpec } from '../viz/numeric.ts';
import { ACTIVATIONS, evaluateNeuron, type Activation, type NeuronResult } from './neuron.ts';

/** What an input may be. */
export const INPUT_SPEC: NumberSpec = { min: -10, max: 10 };
/** What a weight may be. */
export const WEIGHT_SPEC: NumberSpec = { min: -10, max: 10 };
/** What θ may be: wide enough for any sum of three inputs times weights (±300). */
export const THETA_SPEC: NumberSpec = { min: -300, max: 300 };

/** The deck's worked example: 1·1 + 2·1 + 3·1 = 6 > 5, so the output is 1. */
export const DECK_EXAMPLE = { inputs: [1, 2, 3], weights: [1, 1, 1], theta: 5, activation: 'step' } as const;

/** The settings in the URL: ?x=1,2,3&w=1,1,1&theta=5&act=step (defaults are left out). */
export const perceptronUrl = defineUrlState({
  x: numberList(DECK_EXAMPLE.inputs, INPUT_SPEC),
  w: numberList(DECK_EXAMPLE.weights, WEIGHT_SPEC),
  theta: numberField(DECK_EXAMPLE.theta, THETA_SPEC),
  act: enumField<Activation>(DECK_EXAMPLE.activation, ACTIVATIONS),
});

export type PerceptronState = StateOf<typeof perceptronUrl.schema>;

export const initialPerceptron: PerceptronState = perceptronUrl.defaults;

export type PerceptronEvent =
  | { readonly type: 'input'; readonly index: number; readonly value: number }
  | { readonly type: 'weight'; readonly index: number; readonly value: number }
  | { readonly type: 'theta'; readonly value: number }
  | { readonly type: 'activation'; readonly activation: Activation }
  | { readonly type: 'reset' };

function replaceAt(list: readonly number[], index: number, value: number): readonly number[] {
  if (!Number.isInteger(index) || index < 0 || index >= list.length) return list;
  return list.map((v, i) => (i === index ? value : v));
}

const fits = (value: number, spec: NumberSpec) => Number.isFinite(value) && value >= spec.min && value <= spec.max;

/** The learner's actions; a value outside its range (the fields never send one) changes nothing. */
export function reducePerceptron(state: PerceptronState, event: PerceptronEvent): PerceptronState {
  switch (event.type) {
    case 'input':
      return fits(event.value, INPUT_SPEC) ? { ...state, x: replaceAt(state.x, event.index, event.value) } : state;
    case 'weight':
      return fits(event.value, WEIGHT_SPEC) ? { ...state, w: replaceAt(state.w, event.index, event.value) } : state;
    case 'theta':
      return fits(event.value, THETA_SPEC) ? { ...state, theta: event.value } : state;
    case 'activation':
      return ACTIVATIONS.includes(event.activation) ? { ...state, act: event.activation } : state;
    case 'reset':
      return initialPerceptron;
  }
}

/** What the demo shows for a state. */
export function perceptronResult(state: PerceptronState): NeuronResult {
  return evaluateNeuron(state.x, state.w, state.theta, state.act);
}
