/**
 * The UI strings of the edition being shown. One module per locale (ja.ts, en.ts, the same shape);
 * `strings` reads from the one in use at the moment each string is read:
 * - in the browser, the page's `<html lang>`;
 * - while the static build renders a page, the locale that page set with `setLocale` (pages are
 *   rendered one at a time, so islands rendered on the server get their page's words).
 * Modules may keep `const t = strings.convolution` at their top: that is a view, resolved on
 * every read, not a copy. A string or a function read from it is a copy: read those while
 * rendering, never at a module's top (the server renders both editions with one module).
 */
import type { Strings } from './ja.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locale.ts';

export type { Strings } from './ja.ts';
export type { Locale } from './locale.ts';

let buildLocale: Locale = DEFAULT_LOCALE;

/** Called by each page of the static build before it renders (src/pages/). */
export function setLocale(locale: Locale): void {
  buildLocale = locale;
}

export function currentLocale(): Locale {
  if (typeof document !== 'undefined') {
    const lang = document.documentElement.lang;
    if (isLocale(lang)) return lang;
  }
  return buildLocale;
}

/**
 * The tables: both while the static build renders pages, only the page's own in the browser, so
 * that a page downloads one edition's words (scripts/js-graph.ts counts that one with the page).
 */
const load = async (locale: Locale): Promise<Strings> => (locale === 'en' ? (await import('./en.ts')).en : (await import('./ja.ts')).ja);
const TABLES: Partial<Record<Locale, Strings>> = import.meta.env.SSR || typeof document === 'undefined'
  ? { ja: await load('ja'), en: await load('en') }
  : { [currentLocale()]: await load(currentLocale()) };

export function stringsFor(locale: Locale): Strings {
  const table = TABLES[locale];
  if (!table) throw new Error(`the ${locale} strings are not loaded on this page`);
  return table;
}

type Table = Record<PropertyKey, unknown>;

const isTable = (v: unknown): v is Table => v !== null && typeof v === 'object';

/**
 * A live view of `path` inside the current locale's table: objects and arrays stay views (an
 * array's view is an array to `Array.isArray`), other values are read as they are.
 */
function view(path: readonly PropertyKey[]): unknown {
  const target = (): Table => path.reduce<Table>((o, k) => o[k] as Table, stringsFor(currentLocale()) as unknown as Table);
  const read = (key: PropertyKey): unknown => {
    const value = target()[key];
    return isTable(value) ? view([...path, key]) : value;
  };
  return new Proxy((Array.isArray(target()) ? [] : {}) as Table, {
    get: (_, key) => read(key),
    has: (_, key) => key in target(),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor(dummy, key) {
      const d = Reflect.getOwnPropertyDescriptor(target(), key);
      if (!d) return undefined;
      // An array's length cannot be configurable on the array the proxy stands on; it must say so.
      const fixed = Reflect.getOwnPropertyDescriptor(dummy, key)?.configurable === false;
      return { ...d, value: read(key), configurable: !fixed };
    },
  });
}

export const strings = view([]) as Strings;
