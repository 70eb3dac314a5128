/** The cross-entropy calculator's settings in the URL: ?label=3&pred=…. Pure: no DOM. */
import { defineUrlState, numberField, numberList } from '../url-state.ts';
import { CLASSES, PROBABILITY, preset } from './cross-entropy.ts';

export const DEFAULT_LABEL = 2;

export const crossEntropySettings = defineUrlState({
  label: numberField(DEFAULT_LABEL, { min: 0, max: CLASSES - 1, integer: true }),
  pred: numberList(preset('right', DEFAULT_LABEL), PROBABILITY),
});
