/**
 * The numbers lessons 1-2a and 1-2b state about their demos' starting states, computed by the
 * code the demos run (src/lib/facts.ts gathers them for <Fact> and <FactMath>). Pure: no DOM.
 */
import { ACTIVATIONS_START } from './activations-state.ts';
import { formatOutput } from './formula.ts';
import { evaluateNeuron, sigmoid } from './neuron.ts';
import { DECK_EXAMPLE } from './perceptron-state.ts';

const { inputs, weights, theta } = DECK_EXAMPLE;
const example = evaluateNeuron(inputs, weights, theta, 'step');
const exampleSigmoid = evaluateNeuron(inputs, weights, theta, 'sigmoid');

/** "1 \cdot 1 + 2 \cdot 1 + 3 \cdot 1", the worked example's products in TeX. */
const texTerms = inputs.map((x, i) => `${x} \\cdot ${weights[i] ?? 0}`).join(' + ');
const comparison = example.comparison === '>' ? '\\gt' : example.comparison === '<' ? '\\lt' : '=';

export const PERCEPTRON_FACTS = {
  'perceptron.inputs': inputs.join(', '),
  /** The weights are all equal in the deck's example. */
  'perceptron.weight': weights[0],
  'perceptron.theta': theta,
  'perceptron.sum': example.sum,
  'perceptron.output': example.output,
  'perceptron.a': example.a,
  'perceptron.sigmoidOutput': formatOutput('sigmoid', exampleSigmoid.output).text,
  'activations.start.a': ACTIVATIONS_START.a,
  'activations.sigmoidAtStart': formatOutput('sigmoid', sigmoid(ACTIVATIONS_START.a)).text,
} as const satisfies Record<string, number | string>;

export const PERCEPTRON_FORMULAS = {
  'perceptron.inputs': inputs.map((x, i) => `x_${i + 1} = ${x}`).join(',\\ '),
  'perceptron.theta': `\\theta = ${theta}`,
  'perceptron.example': `${texTerms} = ${example.sum} ${comparison} ${theta}`,
  'perceptron.sum': `${texTerms} = ${example.sum}`,
  'perceptron.compare': `${example.sum} ${comparison} ${theta}`,
  'perceptron.a': `z = ${texTerms} - ${theta} = ${example.a}`,
  'activations.start.a': `z = ${ACTIVATIONS_START.a}`,
  'activations.sigmoidAtStart': `\\sigma(${ACTIVATIONS_START.a}) = ${formatOutput('sigmoid', sigmoid(ACTIVATIONS_START.a)).text}`,
} as const satisfies Record<string, string>;
