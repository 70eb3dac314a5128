/**
 * The language switch in every page's header (src/layouts/Base.astro), and the suggestion shown
 * when the learner's remembered edition or their browser's language is the other one. The switch
 * goes to the same page of the other edition with the same query (demo state lives there) and the
 * same section; choosing it, or dismissing the suggestion, remembers the learner's edition. The
 * browser's language only ever suggests: nothing redirects.
 *
 * It runs as an inline script, so that a page without demos still loads no JavaScript file
 * (tests/e2e/pages.spec.ts): `languageSwitchScript()` writes it from the source text of
 * `wireLanguageSwitch` and of the pure functions it is handed (src/i18n/locale.ts), which are
 * self-contained for that reason.
 */
import { counterpartHash, LOCALE_STORAGE_KEY, suggestedLocale } from '../i18n/locale.ts';

interface SwitchHelpers {
  readonly counterpartHash: typeof counterpartHash;
  readonly suggestedLocale: typeof suggestedLocale;
  readonly storageKey: string;
}

/** Wires the page's switch links and suggestion; uses nothing but its argument and the DOM. */
export function wireLanguageSwitch(h: SwitchHelpers): void {
  const current = document.documentElement.lang;
  const header = document.querySelector<HTMLAnchorElement>('a.lang-switch[data-lang-switch]');
  if (!header || (current !== 'ja' && current !== 'en')) return;
  const ids = (json: string | undefined): string[] => {
    try {
      const parsed: unknown = JSON.parse(json ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
    } catch {
      return [];
    }
  };
  const store = (value: string) => {
    try {
      localStorage.setItem(h.storageKey, value);
    } catch {
      // Storage refused (a private mode): the switch still works, it is only not remembered.
    }
  };
  let stored: string | null;
  try {
    stored = localStorage.getItem(h.storageKey);
  } catch {
    stored = null;
  }
  const here = ids(header.dataset['sectionsHere']);
  const there = ids(header.dataset['sectionsThere']);
  const base = header.href;
  const target = () => {
    const url = new URL(base);
    url.search = location.search;
    url.hash = h.counterpartHash(location.hash, here, there);
    return url.href;
  };
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-lang-switch]')) {
    // Refreshed before any way of following it: click, keyboard, middle click, "open in new tab".
    const refresh = () => {
      link.href = target();
    };
    link.addEventListener('pointerdown', refresh);
    link.addEventListener('focus', refresh);
    link.addEventListener('click', () => {
      refresh();
      store(link.dataset['langSwitch'] ?? current);
    });
  }
  const suggestion = document.querySelector<HTMLElement>('[data-lang-suggest]');
  const languages = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  if (!suggestion || h.suggestedLocale(current, stored, languages) !== header.dataset['langSwitch']) return;
  suggestion.hidden = false;
  suggestion.querySelector('[data-lang-dismiss]')?.addEventListener('click', () => {
    store(current);
    suggestion.hidden = true;
  });
}

/** The inline script: the functions' own source text, so there is one implementation of each. */
export function languageSwitchScript(): string {
  return `(${wireLanguageSwitch.toString()})({ counterpartHash: ${counterpartHash.toString()}, suggestedLocale: ${suggestedLocale.toString()}, storageKey: ${JSON.stringify(LOCALE_STORAGE_KEY)} });`;
}
