/**
 * The equation demo's state: the values being tried, the list of tries, and how far the
 * elimination has been shown. A reducer over the learner's actions. Pure: no DOM.
 */
import { checkNumber } from '../viz/numeric.ts';
import { descend, eliminate, evaluate, START, VALUE, type EliminationStep, type Try } from './equations.ts';

/** Tries kept in the list (the oldest go first). */
export const MAX_TRIES = 12;

export interface EquationState {
  readonly x: number;
  readonly y: number;
  /** Newest last, numbered from 1. */
  readonly tries: readonly (Try & { readonly n: number; readonly auto: boolean })[];
  /** Elimination steps shown (0 = none). */
  readonly shown: number;
  /** A +/− or automatic step that would leave the fields' range. */
  readonly refused: boolean;
}

export type EquationEvent =
  | { readonly type: 'set'; readonly x: number; readonly y: number }
  | { readonly type: 'nudge'; readonly dx: number; readonly dy: number }
  | { readonly type: 'try' }
  | { readonly type: 'auto' }
  | { readonly type: 'next' }
  | { readonly type: 'back' }
  | { readonly type: 'restart-elimination' }
  | { readonly type: 'reset' };

export const STEPS: readonly EliminationStep[] = eliminate();

function withTry(state: EquationState, x: number, y: number, auto: boolean): EquationState {
  const n = (state.tries.at(-1)?.n ?? 0) + 1;
  const tries = [...state.tries, { ...evaluate(x, y), n, auto }].slice(-MAX_TRIES);
  return { ...state, x, y, tries, refused: false };
}

export const initialEquations: EquationState = withTry({ x: START.x, y: START.y, tries: [], shown: 0, refused: false }, START.x, START.y, false);

const inRange = (v: number) => checkNumber(v, VALUE).ok;

export function reduceEquations(state: EquationState, e: EquationEvent): EquationState {
  switch (e.type) {
    case 'set':
      return { ...state, x: e.x, y: e.y, refused: false };
    case 'nudge': {
      const x = Math.round((state.x + e.dx) * 1e6) / 1e6;
      const y = Math.round((state.y + e.dy) * 1e6) / 1e6;
      return inRange(x) && inRange(y) ? withTry(state, x, y, false) : { ...state, refused: true };
    }
    case 'try':
      return withTry(state, state.x, state.y, false);
    case 'auto': {
      const next = descend(state.x, state.y);
      return inRange(next.x) && inRange(next.y) ? withTry(state, next.x, next.y, true) : { ...state, refused: true };
    }
    case 'next':
      return { ...state, shown: Math.min(STEPS.length, state.shown + 1) };
    case 'back':
      return { ...state, shown: Math.max(0, state.shown - 1) };
    case 'restart-elimination':
      return { ...state, shown: 0 };
    case 'reset':
      return { ...initialEquations, shown: state.shown };
  }
}

/** The latest try (there is always one). */
export function latest(state: EquationState): Try {
  return state.tries.at(-1) ?? evaluate(state.x, state.y);
}
