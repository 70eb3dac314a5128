/**
 * Numbers lessons 1-3 and 1-4 state about the ○/× demos, computed from the same code the demos
 * run (src/lib/facts.ts spreads these in): the hand-set weights on the lesson's ○ and ×, and the
 * training set and run. Pure: no DOM.
 */
import { CIRCLE, CROSS, forward, HAND_SET, HIDDEN, INPUTS, OUTPUTS } from './network.ts';
import { trainingSet, TWO_FLIPS_PER_CLASS } from './data.ts';
import { DEFAULT_RATE } from './url.ts';
import { fixed } from './format.ts';
import { RUN_STEPS } from './train-state.ts';

const circle = forward(HAND_SET, CIRCLE);
const cross = forward(HAND_SET, CROSS);
/** y to 3 decimals, z and the degrees to 2, as the lesson writes them. */
const y3 = (v: number | undefined) => fixed(v, 3);
const z2 = (v: number | undefined) => fixed(v, 2);

/** z⁽¹⁾_j = (terms) − θ_j, y_j = σ(z⁽¹⁾_j) ≈ y, for one picture (only the cells with a weight); lesson 1-3 marks the hidden sums with ⁽¹⁾. */
function hiddenFormula(x: readonly number[], j: number): string {
  const f = forward(HAND_SET, x);
  const terms: string[] = [];
  for (let i = 0; i < INPUTS; i++) {
    const w = HAND_SET.w1[j * INPUTS + i] ?? 0;
    if (w !== 0) terms.push(`${w} \\times ${x[i] ?? 0}`);
  }
  const a = f.a[j] ?? NaN;
  return `z^{(1)}_${j + 1} = ${terms.join(' + ')} - ${HAND_SET.t1[j] ?? 0} = ${a}, \\qquad y_${j + 1} = \\sigma(${a}) \\approx ${y3(f.y[j])}`;
}

/** z_k = Σ_j w_kj × y_j − θ_k ≈ z, for one picture. */
function outputFormula(x: readonly number[], k: number): string {
  const f = forward(HAND_SET, x);
  const terms = Array.from({ length: HIDDEN }, (_, j) => `${HAND_SET.w2[k * HIDDEN + j] ?? 0} \\times ${y3(f.y[j])}`);
  return (`z_${k + 1} = ${terms.join(' + ').replace(/\+ -/g, '- ')} - ${HAND_SET.t2[k] ?? 0} \\approx ${z2(f.z[k])}`);
}

const data = trainingSet();

export const XO_FACTS = {
  'xo.circle.y1': y3(circle.y[0]),
  'xo.circle.y2': y3(circle.y[1]),
  'xo.circle.z1': z2(circle.z[0]),
  'xo.circle.z2': z2(circle.z[1]),
  'xo.circle.degree1': z2(circle.degree[0]),
  'xo.circle.degree2': z2(circle.degree[1]),
  'xo.cross.y1': y3(cross.y[0]),
  'xo.cross.y2': y3(cross.y[1]),
  'xo.cross.degree1': z2(cross.degree[0]),
  'xo.cross.degree2': z2(cross.degree[1]),
  'xo.train.examples': data.length,
  'xo.train.perClass': data.length / OUTPUTS,
  'xo.train.twoFlips': TWO_FLIPS_PER_CLASS,
  'xo.train.steps': RUN_STEPS,
  'xo.train.rate': DEFAULT_RATE,
} as const;

export const XO_FORMULAS = {
  'xo.circle.hidden1': hiddenFormula(CIRCLE, 0),
  'xo.circle.hidden2': hiddenFormula(CIRCLE, 1),
  'xo.circle.hidden3': hiddenFormula(CIRCLE, 2),
  'xo.circle.z1': outputFormula(CIRCLE, 0),
  'xo.circle.z2': outputFormula(CIRCLE, 1),
} as const;
