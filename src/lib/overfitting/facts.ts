/**
 * The numbers lesson 3-6 states about its two demos, from the modules the demos use (facts.ts
 * gathers them for <Fact> and <FactMath>).
 */
import { DEGREE, NOISE, TRAIN_POINTS, VALIDATION_POINTS } from './data.ts';
import { L2_LAMBDA, LEARNING_RATE } from './train-tf.ts';
import { MAX_STEPS } from './state.ts';
import { GRID_SIDE, MAX_RATE } from '../dropout/mask.ts';
import { AVERAGE_STEPS } from '../dropout/view.ts';

export const OVERFIT_FACTS = {
  'overfit.points': TRAIN_POINTS,
  'overfit.validation': VALIDATION_POINTS,
  'overfit.degree': DEGREE,
  'overfit.weights': DEGREE + 1,
  'overfit.noise': NOISE,
  'overfit.lambda': L2_LAMBDA,
  'overfit.learningRate': LEARNING_RATE,
  'overfit.steps': MAX_STEPS,
  'dropout.grid': `${GRID_SIDE}×${GRID_SIDE}`,
  'dropout.maxRate': MAX_RATE,
  'dropout.averageSteps': AVERAGE_STEPS,
} as const;

export const OVERFIT_FORMULAS = {
  'overfit.loss': `L = \\frac{1}{${TRAIN_POINTS}} \\sum_{j=1}^{${TRAIN_POINTS}} \\left( f(x_j) - y_j \\right)^2 + ${L2_LAMBDA} \\sum_{k=0}^{${DEGREE}} w_k^2`,
} as const;
