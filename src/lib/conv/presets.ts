/**
 * The 3×3 kernels the convolution demo offers as starting points (lesson 3-3), row by row.
 * Pure: no DOM.
 */
import { EDGE_KERNEL } from '../viz/example-conv.ts';

export type PresetId = 'vertical' | 'horizontal' | 'blur' | 'sharpen' | 'identity';

export const PRESET_IDS: readonly PresetId[] = ['vertical', 'horizontal', 'blur', 'sharpen', 'identity'];

const NINTH = 1 / 9;

export const PRESETS: Readonly<Record<PresetId, readonly number[]>> = {
  /** Dark on the left, light on the right: the lesson's worked example. */
  vertical: EDGE_KERNEL,
  /** Dark above, light below. */
  horizontal: [-1, -1, -1, 0, 0, 0, 1, 1, 1],
  /** The mean of the nine pixels. */
  blur: [NINTH, NINTH, NINTH, NINTH, NINTH, NINTH, NINTH, NINTH, NINTH],
  /** The pixel, plus its difference from its four neighbours. */
  sharpen: [0, -1, 0, -1, 5, -1, 0, -1, 0],
  /** The centre pixel unchanged. */
  identity: [0, 0, 0, 0, 1, 0, 0, 0, 0],
};

/** Which preset `kernel` is (exactly), or null for a kernel of the learner's own. */
export function presetOf(kernel: readonly number[]): PresetId | null {
  return PRESET_IDS.find((id) => PRESETS[id].length === kernel.length && PRESETS[id].every((v, i) => Object.is(v, kernel[i]))) ?? null;
}
