/** Formulas for lesson 3-8 from the cross-entropy module (src/lib/facts.ts spreads them). Pure. */
import { EPSILON } from './cross-entropy.ts';

export const LOSS_FORMULAS = {
  'loss.clip': `\\varepsilon = 10^{${Math.round(Math.log10(EPSILON))}},\\qquad -\\log \\varepsilon \\approx ${(-Math.log(EPSILON)).toFixed(1)}`,
} as const satisfies Record<string, string>;
