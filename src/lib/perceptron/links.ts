/**
 * The two demos hand their state to each other through links: the perceptron (1-2a) opens the
 * activation functions (1-2b) at its own a and activation, and the activation functions open the
 * perceptron with the deck's inputs and weights and the θ that gives that a. Pure: no DOM.
 */
import { activationsUrl, clampA } from './activations-state.ts';
import { clean, weightedSum } from './neuron.ts';
import { DECK_EXAMPLE, perceptronResult, perceptronUrl, type PerceptronState } from './perceptron-state.ts';
import type { Activation } from './neuron.ts';

/** Lesson addresses relative to a lesson page (/lessons/<slug>/). */
const ACTIVATIONS_PAGE = '../activations/';
const PERCEPTRON_PAGE = '../perceptron/';

const withQuery = (page: string, query: string) => (query === '' ? page : `${page}?${query}`);

/** The link to 1-2b at the perceptron's a (clamped to the charts' range; `clamped` says so). */
export function activationsLink(state: PerceptronState): { readonly href: string; readonly a: number; readonly clamped: boolean } {
  const { a } = perceptronResult(state);
  const shown = clampA(a);
  return { href: withQuery(ACTIVATIONS_PAGE, activationsUrl.write({ a: shown, act: state.act })), a: shown, clamped: shown !== a };
}

/** The link to 1-2a: the deck's inputs and weights, θ = Σ x_i w_i − a, and the activation. */
export function perceptronLink(a: number, activation: Activation): { readonly href: string; readonly theta: number } {
  const theta = clean(weightedSum(DECK_EXAMPLE.inputs, DECK_EXAMPLE.weights) - a);
  const state = { x: DECK_EXAMPLE.inputs, w: DECK_EXAMPLE.weights, theta, act: activation };
  return { href: withQuery(PERCEPTRON_PAGE, perceptronUrl.write(state)), theta };
}
