/**
 * The course's two editions: Japanese (the original, at the site's root) and English (under
 * `en/`). Pure functions on paths relative to the site's base, so they are unit-tested without a
 * browser; the pages and the language switch (src/layouts/Base.astro) use them.
 */
export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ja';
/** Where the learner's choice of edition is remembered (localStorage). */
export const LOCALE_STORAGE_KEY = 'cnn-course-locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'ja' ? 'en' : 'ja';
}

/** The folder of an edition under the site's base: '' for Japanese, 'en/' for English. */
export function localePrefix(locale: Locale): string {
  return locale === DEFAULT_LOCALE ? '' : `${locale}/`;
}

const strip = (path: string) => path.replace(/^\/+/, '');

/** The edition a path (relative to the base, e.g. `en/lessons/regression/`) belongs to. */
export function localeOfPath(path: string): Locale {
  const first = strip(path).split('/')[0];
  return isLocale(first) && first !== DEFAULT_LOCALE ? first : DEFAULT_LOCALE;
}

/** The same page in edition `to`: `lessons/x/` ↔ `en/lessons/x/`, `` (home) ↔ `en/`. */
export function counterpartPath(path: string, to: Locale): string {
  const p = strip(path);
  const from = localeOfPath(p);
  const rest = from === DEFAULT_LOCALE ? p : p.slice(localePrefix(from).length);
  return localePrefix(to) + rest;
}

/*
 * The three functions below also run in the browser as an inline script (every page's language
 * switch, src/site/language-switch.ts), copied from their source text: so each is self-contained,
 * using nothing from outside its own body (tests/unit/locale.test.ts runs them rebuilt from that
 * text, so a reference to anything outside fails there).
 */

/** The edition a list of browser languages (navigator.languages) prefers, if it is one of ours. */
export function browserLocale(languages: readonly string[]): Locale | null {
  for (const l of languages) {
    const primary = l.toLowerCase().split('-')[0];
    if (primary === 'ja' || primary === 'en') return primary;
  }
  return null;
}

/**
 * Which edition to suggest on a page of edition `current`, or null: the learner's remembered
 * choice first, else the browser's language. Only ever a suggestion; nothing redirects.
 */
export function suggestedLocale(current: Locale, stored: string | null, languages: readonly string[]): Locale | null {
  let preferred: Locale | null = stored === 'ja' || stored === 'en' ? stored : null;
  for (const l of languages) {
    if (preferred) break;
    const primary = l.toLowerCase().split('-')[0];
    if (primary === 'ja' || primary === 'en') preferred = primary;
  }
  return preferred && preferred !== current ? preferred : null;
}

/**
 * The section of the other edition that matches `hash` on this page: both editions keep the same
 * sections in the same order, so the n-th heading here is the n-th heading there. '' when the hash
 * names no heading (the top of the page), or the hash itself when it is not a heading (a demo's
 * own anchor, kept as it is).
 */
export function counterpartHash(hash: string, here: readonly string[], there: readonly string[]): string {
  const id = decodeURIComponent(hash.replace(/^#/, ''));
  if (id === '') return '';
  const i = here.indexOf(id);
  if (i < 0) return `#${encodeURIComponent(id)}`;
  const target = there[i];
  return target === undefined ? '' : `#${encodeURIComponent(target)}`;
}
