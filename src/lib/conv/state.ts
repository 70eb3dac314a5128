/**
 * The convolution demo's state (lesson 3-3): the kernel, bias and ReLU switch the learner edits
 * (kept in the URL), where the sliding window is, whether it is playing, and which of the model's
 * learned filters is chosen or loaded into the editor. The island holds it with useReducer and
 * only dispatches these events. Pure: no DOM.
 */
import { booleanField, defineUrlState, numberField, numberList, type StateOf } from '../url-state.ts';
import { PRESETS, presetOf, type PresetId } from './presets.ts';
import { inside, isLast, ORIGIN, outputSide, stepPosition, type Position } from './window.ts';

/** The digit's side (MNIST) and the output's: 28 − 3 + 1 = 26. */
export const INPUT_SIZE = 28;
export const SIDE = outputSide(INPUT_SIZE);
/** What a kernel weight and the bias may be. */
export const WEIGHT = { min: -10, max: 10 } as const;

/** The link: ?kernel=-1,0,1,…&bias=0.5&relu=0 (defaults are left out). */
export const convSettings = defineUrlState({
  kernel: numberList(PRESETS.vertical, WEIGHT),
  bias: numberField(0, WEIGHT),
  relu: booleanField(true),
});

export type ConvSettings = StateOf<typeof convSettings.schema>;

export interface ConvState {
  readonly kernel: readonly number[];
  readonly bias: number;
  readonly relu: boolean;
  /** The window's top-left corner on the input (= its output cell). */
  readonly at: Position;
  readonly playing: boolean;
  /** The learned filter whose feature map is shown beside the editor's output. */
  readonly selected: number;
  /** The learned filter last loaded into the editor, while the editor still holds it exactly. */
  readonly loaded: number | null;
}

export type ConvEvent =
  | { readonly type: 'load'; readonly settings: ConvSettings }
  | { readonly type: 'kernel'; readonly kernel: readonly number[] }
  | { readonly type: 'bias'; readonly bias: number }
  | { readonly type: 'relu'; readonly relu: boolean }
  | { readonly type: 'preset'; readonly id: PresetId }
  | { readonly type: 'reset' }
  | { readonly type: 'move'; readonly to: Position }
  | { readonly type: 'step'; readonly by: number }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  /** One frame of the animation: a step on, stopping at the end. */
  | { readonly type: 'tick' }
  | { readonly type: 'select'; readonly filter: number }
  /** A learned filter's weights and bias into the editor, with ReLU on, as the layer has it. */
  | { readonly type: 'use-filter'; readonly filter: number; readonly kernel: readonly number[]; readonly bias: number };

export function initialState(settings: ConvSettings = convSettings.defaults): ConvState {
  return { ...settings, at: ORIGIN, playing: false, selected: 0, loaded: null };
}

export function settingsOf(s: ConvState): ConvSettings {
  return { kernel: s.kernel, bias: s.bias, relu: s.relu };
}

export function activePreset(s: ConvState): PresetId | null {
  return presetOf(s.kernel);
}

function validKernel(kernel: readonly number[]): boolean {
  return kernel.length === 9 && kernel.every((v) => Number.isFinite(v));
}

export function reduce(s: ConvState, e: ConvEvent): ConvState {
  switch (e.type) {
    case 'load':
      return { ...s, ...e.settings, loaded: null };
    case 'kernel':
      return validKernel(e.kernel) ? { ...s, kernel: [...e.kernel], loaded: null } : s;
    case 'bias':
      return Number.isFinite(e.bias) ? { ...s, bias: e.bias, loaded: null } : s;
    case 'relu':
      return { ...s, relu: e.relu, loaded: e.relu ? s.loaded : null };
    case 'preset':
      return { ...s, kernel: PRESETS[e.id], loaded: null };
    case 'reset':
      return { ...s, ...convSettings.defaults, loaded: null };
    case 'move':
      return inside(e.to, SIDE) ? { ...s, at: e.to, playing: false } : s;
    case 'step':
      return { ...s, at: stepPosition(s.at, e.by, SIDE), playing: false };
    case 'play':
      return { ...s, playing: true, at: isLast(s.at, SIDE) ? ORIGIN : s.at };
    case 'pause':
      return { ...s, playing: false };
    case 'tick': {
      if (!s.playing) return s;
      const at = stepPosition(s.at, 1, SIDE);
      return { ...s, at, playing: !isLast(at, SIDE) };
    }
    case 'select':
      return Number.isInteger(e.filter) && e.filter >= 0 ? { ...s, selected: e.filter } : s;
    case 'use-filter':
      if (!validKernel(e.kernel) || !Number.isFinite(e.bias)) return s;
      return { ...s, kernel: [...e.kernel], bias: e.bias, relu: true, selected: e.filter, loaded: e.filter };
  }
}
