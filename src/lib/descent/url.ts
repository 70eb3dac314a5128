/**
 * The gradient-descent demos' settings in the URL. A malformed value falls back to its default
 * (src/lib/url-state.ts). Pure: no DOM.
 *
 *   1-D: ?lr=0.1&w0=0          2-D: ?lr2=0.15&x0=-3.5&y0=1.5&n=50
 */
import { defineUrlState, numberField, type StateOf } from '../url-state.ts';
import type { NumberSpec } from '../viz/numeric.ts';
import { PLOT_W } from './curve-state.ts';
import { DEFAULT_START, SURFACE_VIEW } from './surface.ts';

/** The 1-D learning rate: from far too slow to far too large. */
export const LR_RANGE: NumberSpec = { min: 0.001, max: 1.5 };
/** The slider's resolution. */
export const LR_SLIDER_STEP = 0.01;
export const DEFAULT_LR = 0.1;
export const W0_RANGE: NumberSpec = { min: PLOT_W.min, max: PLOT_W.max };
export const DEFAULT_W0 = 0;

/** The 2-D learning rate (all three optimisers). */
export const LR2_RANGE: NumberSpec = { min: 0.001, max: 1 };
export const DEFAULT_LR2 = 0.15;
export const STEPS_RANGE: NumberSpec = { min: 1, max: 200, integer: true };
export const DEFAULT_STEPS = 50;
export const X0_RANGE: NumberSpec = { min: -SURFACE_VIEW.x, max: SURFACE_VIEW.x };
export const Y0_RANGE: NumberSpec = { min: -SURFACE_VIEW.y, max: SURFACE_VIEW.y };

export const curveSettings = defineUrlState({
  lr: numberField(DEFAULT_LR, LR_RANGE),
  w0: numberField(DEFAULT_W0, W0_RANGE),
});
export type CurveSettings = StateOf<typeof curveSettings.schema>;

export const surfaceSettings = defineUrlState({
  lr2: numberField(DEFAULT_LR2, LR2_RANGE),
  x0: numberField(DEFAULT_START.x, X0_RANGE),
  y0: numberField(DEFAULT_START.y, Y0_RANGE),
  n: numberField(DEFAULT_STEPS, STEPS_RANGE),
});
export type SurfaceSettings = StateOf<typeof surfaceSettings.schema>;
