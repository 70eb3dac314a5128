/**
 * The training lesson's setup in the page's URL (src/lib/url-state.ts): `?epochs=3&subset=2000`
 * is a link to that run's setup, for a teacher to hand out or a learner to come back to. The
 * deck's own run (15 epochs, all images) leaves the URL clean; anything else falls back to it.
 */
import { defineUrlState, enumField, numberField } from '../url-state.ts';
import { DECK_FIT } from '../training-plan.ts';
import { SUBSETS } from './run-state.ts';

const subsetValue = (limit: number | null) => (limit === null ? 'all' : String(limit));
const SUBSET_VALUES = SUBSETS.map(subsetValue);

export const TRAINING_URL = defineUrlState({
  epochs: numberField(DECK_FIT.epochs, { min: 1, max: DECK_FIT.epochs, integer: true }),
  subset: enumField('all', SUBSET_VALUES),
});

/** The setup a URL asks for. */
export function setupFromUrl(search: string): { epochs: number; trainLimit: number | null } {
  const { epochs, subset } = TRAINING_URL.read(search);
  return { epochs, trainLimit: SUBSETS.find((n) => subsetValue(n) === subset) ?? null };
}

/** The query for a setup, keeping the parameters that are not the lesson's (such as ?backend=). */
export function urlForSetup(setup: { epochs: number; trainLimit: number | null }, search: string): string {
  return TRAINING_URL.write({ epochs: setup.epochs, subset: subsetValue(setup.trainLimit) }, search);
}
