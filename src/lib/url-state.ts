/**
 * A demo's settings in the page's URL, so any configuration is a link that can be shared or
 * reloaded. A demo declares a schema of typed fields with defaults; reading never fails (a bad,
 * foreign or missing value gives that field's default; unknown parameters are ignored), and
 * writing emits only the values that differ from their defaults, beside the parameters that are
 * not the demo's (such as `?backend=`). Pure: no DOM.
 *
 *   const playground = defineUrlState({
 *     kernel: numberList([-1, 0, 1, -1, 0, 1, -1, 0, 1], { min: -10, max: 10 }),
 *     bias: numberField(0, { min: -10, max: 10 }),
 *   });
 *   playground.read('?kernel=1,2,3,4,5,6,7,8,9')  // { kernel: [1, …, 9], bias: 0 }
 *   playground.write({ kernel: EDGE, bias: 0.5 }) // 'bias=0.5'
 */
import { checkNumber, type NumberSpec } from './viz/numeric.ts';

/** One field: its default, how it reads from a parameter (null: not valid), and how it is written. */
export interface Field<T> {
  readonly default: T;
  parse(text: string): T | null;
  format(value: T): string;
  equals(a: T, b: T): boolean;
}

export type Schema = Readonly<Record<string, Field<unknown>>>;

export type StateOf<S extends Schema> = { readonly [K in keyof S]: S[K] extends Field<infer T> ? T : never };

const LIST_SEPARATOR = ',';

function readNumber(text: string, spec: NumberSpec): number | null {
  // Only plain decimals: Number('') is 0 and Number('0x10') is 16, neither of which a link means.
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(text)) return null;
  const r = checkNumber(Number(text), spec);
  return r.ok ? r.value : null;
}

/** A number in [min, max] (optionally whole). */
export function numberField(defaultValue: number, spec: NumberSpec): Field<number> {
  assertDefault(readNumber(String(defaultValue), spec) !== null, defaultValue);
  return { default: defaultValue, parse: (t) => readNumber(t, spec), format: String, equals: Object.is };
}

/** Exactly as many numbers as the default has, each in [min, max]; written "1,0,-1". */
export function numberList(defaultValue: readonly number[], spec: NumberSpec): Field<readonly number[]> {
  assertDefault(defaultValue.every((v) => readNumber(String(v), spec) !== null), defaultValue);
  return {
    default: defaultValue,
    parse(text) {
      const parts = text.split(LIST_SEPARATOR);
      if (parts.length !== defaultValue.length) return null;
      const values = parts.map((p) => readNumber(p, spec));
      return values.every((v): v is number => v !== null) ? values : null;
    },
    format: (value) => value.map(String).join(LIST_SEPARATOR),
    equals: (a, b) => a.length === b.length && a.every((v, i) => Object.is(v, b[i])),
  };
}

/** One of a fixed list of strings. */
export function enumField<const T extends string>(defaultValue: NoInfer<T>, values: readonly T[]): Field<T> {
  assertDefault(values.includes(defaultValue), defaultValue);
  return { default: defaultValue, parse: (t) => values.find((v) => v === t) ?? null, format: (v) => v, equals: Object.is };
}

/** On or off; written 1 or 0 (true/false are read too). */
export function booleanField(defaultValue: boolean): Field<boolean> {
  return {
    default: defaultValue,
    parse: (t) => (t === '1' || t === 'true' ? true : t === '0' || t === 'false' ? false : null),
    format: (v) => (v ? '1' : '0'),
    equals: Object.is,
  };
}

function assertDefault(ok: boolean, value: unknown): void {
  if (!ok) throw new Error(`url-state: the default ${JSON.stringify(value)} is not a valid value of its own field`);
}

export interface UrlState<S extends Schema> {
  readonly schema: S;
  readonly defaults: StateOf<S>;
  /** A fully valid state from a query string ("?a=1&b=2", "a=1" or URLSearchParams). */
  read(search: string | URLSearchParams): StateOf<S>;
  /**
   * The query string (without "?") for `state`: the parameters of `keep` that are not this
   * demo's, then this demo's values that differ from their defaults, in schema order.
   */
  write(state: StateOf<S>, keep?: string | URLSearchParams): string;
}

export function defineUrlState<S extends Schema>(schema: S): UrlState<S> {
  const keys = Object.keys(schema);
  const field = (k: string) => schema[k] as Field<unknown>;
  const defaults = Object.fromEntries(keys.map((k) => [k, field(k).default])) as StateOf<S>;
  return {
    schema,
    defaults,
    read(search) {
      const params = new URLSearchParams(search);
      return Object.fromEntries(
        keys.map((k) => {
          const raw = params.get(k);
          const parsed = raw === null ? null : field(k).parse(raw);
          return [k, parsed ?? field(k).default];
        }),
      ) as StateOf<S>;
    },
    write(state, keep = '') {
      const params = new URLSearchParams(keep);
      for (const k of keys) params.delete(k);
      const values = state as Readonly<Record<string, unknown>>;
      for (const k of keys) {
        const f = field(k);
        const v = values[k];
        if (v !== undefined && !f.equals(v, f.default)) params.set(k, f.format(v));
      }
      // Commas are legal in a query and keep a list readable ("1,0,-1", not "1%2C0%2C-1").
      return params.toString().replace(/%2C/gi, LIST_SEPARATOR);
    },
  };
}
