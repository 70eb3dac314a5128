import { DEFAULT_LOCALE, localePrefix, type Locale } from '../i18n/locale.ts';

/**
 * Joins a site path onto the configured base ("/" or a sub-path such as "/course/"), so the
 * static build works from any directory of any static host.
 */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** A lesson's path under the base; the English edition's lessons live under `en/`. */
export function lessonPath(slug: string, locale: Locale = DEFAULT_LOCALE): string {
  return `${localePrefix(locale)}lessons/${slug}/`;
}
