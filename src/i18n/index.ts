import { ja } from './ja.ts';

/** The locale this build renders. An English edition adds en.ts with the same shape. */
export const strings = ja;
export type { Strings } from './ja.ts';
