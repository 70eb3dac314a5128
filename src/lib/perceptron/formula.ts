/**
 * The perceptron's arithmetic written out with the current numbers, in plain text with proper
 * symbols ("1×1 + 2×1 + 3×1 = 6 > 5 → 1"): KaTeX renders lesson formulas at build time only, so
 * the live demos write theirs as text. Pure: no DOM.
 */
import { formatNumber } from '../viz/numeric.ts';
import type { Activation, NeuronResult } from './neuron.ts';

const MINUS = '\u2212';

/** A number as the formulas show it: at most 6 significant digits, with a true minus sign. */
export function formatMath(value: number): string {
  return formatNumber(value).replace('-', MINUS);
}

/** A factor in a product: a negative number goes in parentheses, 2×(−1). */
function factor(value: number): string {
  return value < 0 ? `(${formatMath(value)})` : formatMath(value);
}

/** An activation's output as shown, and whether it is exact ("=") or rounded ("≈"). */
export interface OutputText {
  readonly text: string;
  readonly exact: boolean;
}

/** Decimals shown for the sigmoid's output (the lesson's table uses three too). */
export const SIGMOID_DECIMALS = 3;

/**
 * h(a) as shown: the step function's 0 or 1 and ReLU's a are exact; σ(a) is rounded to three
 * decimals and marked "≈" unless that is its exact value (σ(0) = 0.5). σ is never exactly 0 or 1,
 * so a value rounded there is "≈" too.
 */
export function formatOutput(kind: Activation, value: number): OutputText {
  if (kind !== 'sigmoid') return { text: formatMath(value), exact: true };
  const rounded = Number(value.toFixed(SIGMOID_DECIMALS));
  return { text: formatMath(rounded), exact: rounded === value && value > 0 && value < 1 };
}

/** The relation sign before an output: "=" or "≈". */
export function equalsSign(out: OutputText): string {
  return out.exact ? '=' : '≈';
}

/** h written as a function of its argument: step(1), σ(1), ReLU(1). */
export function applied(kind: Activation, argument: string): string {
  return kind === 'step' ? `step(${argument})` : kind === 'sigmoid' ? `σ(${argument})` : `ReLU(${argument})`;
}

/** "step(0) = 0", "σ(1) ≈ 0.731", "ReLU(2.5) = 2.5": h at a, with its value. */
export function appliedValue(kind: Activation, a: number, value: number): string {
  const out = formatOutput(kind, value);
  return `${applied(kind, formatMath(a))} ${equalsSign(out)} ${out.text}`;
}

/** The products written out: "1×1 + 2×1 + 3×1". */
export function termsText(inputs: readonly number[], weights: readonly number[]): string {
  return inputs.map((x, i) => `${factor(x)}×${factor(weights[i] ?? 0)}`).join(' + ');
}

/**
 * The whole computation in one line. The step function is the deck's perceptron, read as a
 * comparison with θ: "1×1 + 2×1 + 3×1 = 6 > 5 → 1". Sigmoid and ReLU take a = Σ x_i w_i − θ:
 * "1×1 + 2×1 + 3×1 − 5 = 1 → σ(1) ≈ 0.731".
 */
export function neuronFormula(inputs: readonly number[], weights: readonly number[], r: NeuronResult): string {
  const terms = termsText(inputs, weights);
  if (r.activation === 'step') return `${terms} = ${formatMath(r.sum)} ${r.comparison} ${formatMath(r.theta)} → ${formatMath(r.output)}`;
  return `${terms} ${MINUS} ${factor(r.theta)} = ${formatMath(r.a)} → ${appliedValue(r.activation, r.a, r.output)}`;
}

/** The comparison alone: "6 > 5". */
export function comparisonText(r: NeuronResult): string {
  return `${formatMath(r.sum)} ${r.comparison} ${formatMath(r.theta)}`;
}
