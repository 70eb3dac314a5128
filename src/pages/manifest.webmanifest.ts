/**
 * The web app manifest (issue #15, offline): it makes the course installable. Generated, not a
 * file in public/, so that start_url, scope and the icons follow the base path of the build
 * (`BASE_PATH=/course/` → `/course/`). The Japanese edition is the course's home; the English
 * edition shares this manifest (an installed course opens on the home page, which links to it).
 * The icons in public/icons/ are drawn by scripts/make-icons.ts from the favicon's motif.
 */
import type { APIRoute } from 'astro';
import { ja } from '../i18n/ja.ts';
import { joinBase } from '../lib/paths.ts';

/** The colours of the site header (light) and of the page behind it (src/styles/global.css). */
export const THEME_COLOR = '#f4f6fa';
export const BACKGROUND_COLOR = '#ffffff';

/** The PNG icons under public/icons/, as scripts/make-icons.ts writes them. */
export const MANIFEST_ICONS = [
  { file: 'icons/icon-192.png', sizes: '192x192', purpose: 'any' },
  { file: 'icons/icon-512.png', sizes: '512x512', purpose: 'any' },
  { file: 'icons/maskable-512.png', sizes: '512x512', purpose: 'maskable' },
] as const;

export interface WebAppManifest {
  readonly id: string;
  readonly name: string;
  readonly short_name: string;
  readonly description: string;
  readonly lang: string;
  readonly dir: 'ltr';
  readonly start_url: string;
  readonly scope: string;
  readonly display: 'standalone';
  readonly theme_color: string;
  readonly background_color: string;
  readonly icons: readonly { src: string; sizes: string; type: 'image/png'; purpose: string }[];
}

/** The manifest for a build whose base path is `base` ("/" or "/course/"). */
export function webAppManifest(base: string): WebAppManifest {
  const home = joinBase(base, '');
  return {
    id: home,
    name: ja.siteTitle,
    short_name: ja.siteTitle,
    description: ja.siteTagline,
    lang: ja.lang,
    dir: 'ltr',
    start_url: home,
    scope: home,
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: MANIFEST_ICONS.map((i) => ({ src: joinBase(base, i.file), sizes: i.sizes, type: 'image/png', purpose: i.purpose })),
  };
}

export const GET: APIRoute = () =>
  new Response(JSON.stringify(webAppManifest(import.meta.env.BASE_URL), null, 2), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
