/** The softmax demo's settings in the URL: ?logits=…&x1=…&x2=… . Pure: no DOM. */
import { defineUrlState, numberField, numberList } from '../url-state.ts';
import { DEFAULT_LOGITS, DEFAULT_PAIR, LOGIT } from './softmax.ts';

export const softmaxSettings = defineUrlState({
  logits: numberList(DEFAULT_LOGITS, LOGIT),
  x1: numberField(DEFAULT_PAIR.x1, LOGIT),
  x2: numberField(DEFAULT_PAIR.x2, LOGIT),
});
