/**
 * What JavaScript a page of the built site loads, read from the build itself (the HTML and the
 * chunks Vite wrote): the files a page loads before any demo computes (its scripts, its islands'
 * components and renderer, and everything they import statically), what it may load later
 * (dynamic imports: tfjs and its backends), and each worker's files. `.size-limit.ts` turns these
 * lists into size budgets; size-limit measures them and fails CI when one is over.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'`]\.\/([^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g;
const PRELOAD_DEP = /["'`]_astro\/([^"'`]+\.js)["'`]/g;
const WORKER = /new Worker\(\s*new URL\(\s*["'`][^"'`]*?_astro\/([^"'`]+\.js)["'`]/g;
const PAGE_SCRIPT = /(?:<script[^>]*\ssrc|component-url|renderer-url)="[^"]*?_astro\/([^"]+\.js)"/g;

/** The chunk of one edition's UI strings (src/i18n/ja.ts, en.ts), as Vite names it. */
const LOCALE_TABLE = /^(ja|en)\.[\w-]+\.js$/;
/** The edition of a page (its path inside the build): the English pages live under /en/. */
export const localeOfPage = (page: string): 'ja' | 'en' => (page.startsWith('/en/') ? 'en' : 'ja');

const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => m[1] ?? '');

/** The links of one chunk: what it imports statically, lazily, and the workers it starts. */
export interface ChunkLinks {
  readonly static: readonly string[];
  readonly dynamic: readonly string[];
  readonly workers: readonly string[];
}

export function chunkLinks(code: string): ChunkLinks {
  return {
    static: matches(STATIC_IMPORT, code),
    dynamic: [...matches(DYNAMIC_IMPORT, code), ...matches(PRELOAD_DEP, code)],
    workers: matches(WORKER, code),
  };
}

/** The scripts a page's HTML loads: script elements, and each island's component and renderer. */
export function pageScripts(html: string): string[] {
  return [...new Set(matches(PAGE_SCRIPT, html))];
}

/** Every file reachable from `roots` following the chosen kinds of link. */
export function closure(roots: readonly string[], links: (file: string) => ChunkLinks, follow: readonly ('static' | 'dynamic')[]): string[] {
  const seen = new Set<string>();
  const todo = [...roots];
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const l = links(file);
    for (const kind of follow) todo.push(...l[kind]);
  }
  return [...seen].sort();
}

export interface PageJs {
  /** The page's path in the site, e.g. /lessons/training/. */
  readonly page: string;
  /** Loaded with the page (before any demo computes). */
  readonly eager: readonly string[];
  /** Loaded only when a demo asks for it (tfjs, its backends, data helpers). */
  readonly lazy: readonly string[];
  /** The workers the page can start, each with everything it can load. */
  readonly workers: readonly { readonly worker: string; readonly files: readonly string[] }[];
}

/** Reads a built site (`dist`): every page's JavaScript, as paths relative to the build. */
export function siteJs(dist: string): PageJs[] {
  const astro = join(dist, '_astro');
  const cache = new Map<string, ChunkLinks>();
  const links = (file: string): ChunkLinks => {
    let l = cache.get(file);
    if (!l) {
      const path = join(astro, file);
      l = existsSync(path) ? chunkLinks(readFileSync(path, 'utf8')) : { static: [], dynamic: [], workers: [] };
      cache.set(file, l);
    }
    return l;
  };
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('index.html') ? [p] : [];
    });
  const inAstro = (files: readonly string[]) => files.map((f) => join(relative('.', astro), f));
  return walk(dist)
    .map((file) => {
      const roots = pageScripts(readFileSync(file, 'utf8'));
      const page = '/' + relative(dist, file).replace(/index\.html$/, '');
      const all = closure(roots, links, ['static', 'dynamic']);
      // The page's own edition's strings are imported dynamically but awaited before any island
      // hydrates (src/i18n/index.ts): they load with the page. The other edition's never do.
      const strings = all.filter((f) => f.startsWith(`${localeOfPage(page)}.`) && LOCALE_TABLE.test(f));
      const eager = closure([...roots, ...strings], links, ['static']);
      const workerRoots = [...new Set(all.flatMap((f) => links(f).workers))].sort();
      return {
        page,
        eager: inAstro(eager),
        lazy: inAstro(all.filter((f) => !eager.includes(f) && !LOCALE_TABLE.test(f))),
        workers: workerRoots.map((w) => ({ worker: w, files: inAstro(closure([w], links, ['static', 'dynamic'])) })),
      };
    })
    .sort((a, b) => a.page.localeCompare(b.page));
}
