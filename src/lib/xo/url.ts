/**
 * What the ○/× demos keep in the page's URL: the painted picture, the parameters (and, for the
 * training demo, the learning rate), so a state is a link. A bad or missing value falls back to
 * its default (src/lib/url-state.ts). Pure: no DOM.
 */
import { defineUrlState, numberField, numberList, type StateOf } from '../url-state.ts';
import type { NumberSpec } from '../viz/numeric.ts';
import { CIRCLE, HAND_SET, type XoParams } from './network.ts';

/** What a weight or a threshold may be, typed or in a link (training beyond it counts as diverging). */
export const WEIGHT: NumberSpec = { min: -100, max: 100 };
/** A painted cell: 0 or 1. */
export const CELL: NumberSpec = { min: 0, max: 1, integer: true };
/** The learning rate: positive, up to a rate that surely diverges. */
export const RATE: NumberSpec = { min: 0.001, max: 1000 };
export const DEFAULT_RATE = 2;
/** Decimals of a parameter in a link (the link stays short; the numbers shown keep 6 digits). */
export const LINK_DECIMALS = 4;

const params = {
  grid: numberList(CIRCLE, CELL),
  w1: numberList(HAND_SET.w1, WEIGHT),
  t1: numberList(HAND_SET.t1, WEIGHT),
  w2: numberList(HAND_SET.w2, WEIGHT),
  t2: numberList(HAND_SET.t2, WEIGHT),
};

/** Lesson 1-3: the picture and the parameters. */
export const forwardSettings = defineUrlState(params);
/** Lesson 1-4: the same and the learning rate. */
export const trainSettings = defineUrlState({ ...params, rate: numberField(DEFAULT_RATE, RATE) });

export type ForwardSettings = StateOf<typeof forwardSettings.schema>;
export type TrainSettings = StateOf<typeof trainSettings.schema>;

export function paramsOf(s: ForwardSettings): XoParams {
  return { w1: s.w1, t1: s.t1, w2: s.w2, t2: s.t2 };
}

const round = (v: number) => {
  const r = Number(v.toFixed(LINK_DECIMALS));
  return r === 0 ? 0 : r;
};

/** Parameters as a link writes them: LINK_DECIMALS decimals, clamped to WEIGHT. */
export function linkParams(p: XoParams): XoParams {
  const fit = (v: readonly number[]) => v.map((x) => round(Math.min(WEIGHT.max, Math.max(WEIGHT.min, Number.isFinite(x) ? x : 0))));
  return { w1: fit(p.w1), t1: fit(p.t1), w2: fit(p.w2), t2: fit(p.t2) };
}
