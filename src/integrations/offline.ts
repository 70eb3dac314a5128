import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';

/**
 * What the service worker precaches, as globs relative to the build's folder (issue #15, offline).
 * Every page of both editions, the styles, the scripts and workers, the KaTeX fonts a browser with
 * service workers actually loads (WOFF2; the WOFF and TTF fallbacks are for browsers that have
 * neither), the tfjs WebAssembly binaries, the icons and the web app manifest, the shipped model,
 * the search index (written by the search integration just before), and the MNIST manifest.
 *
 * The MNIST manifest is needed offline: `loadManifest` (src/lib/mnist/loader.ts) fetches it
 * before anything else, with `cache: 'no-cache'`, and names its own Cache Storage cache after it,
 * so without it the data the loader already keeps could not be found. The data files themselves
 * (`data/mnist/*.bin`, 9.6 MB) are not precached: the loader stores each one in its own cache the
 * first time a demo needs it, and precaching them would download them a second time.
 */
export const PRECACHE_PATTERNS: readonly string[] = [
  '**/*.{html,css,js,mjs,woff2,wasm,svg,png,webmanifest}',
  'models/pretrained/*',
  'data/mnist/manifest.json',
];

/** The search index, when the build has one (a glob that matches nothing is an error here). */
export const SEARCH_INDEX_PATTERN = 'pagefind/**/*';

/**
 * Never precached: the MNIST data (see above), the tool pages of the tests' builds, and the
 * ready-made search interfaces Pagefind writes beside its index (the course's search page uses
 * `pagefind.js` with its own interface).
 */
export const PRECACHE_IGNORES: readonly string[] = [
  'data/mnist/*.bin',
  'tools/**',
  'pagefind/pagefind-ui.*',
  'pagefind/pagefind-modular-ui.*',
  'pagefind/pagefind-component-ui.*',
  'pagefind/pagefind-highlight.js',
];

/** The largest file precached: the two tfjs bundles are about 0.93 MB, its WebAssembly binaries up to 0.44 MB. */
export const MAX_PRECACHED_FILE_BYTES = 3 * 1024 * 1024;

export interface ServiceWorkerResult {
  /** Files precached. */
  readonly count: number;
  /** Their total size in bytes. */
  readonly size: number;
}

/**
 * Writes `sw.js` (and Workbox's runtime, `workbox-<hash>.js`) into a built site's folder.
 * Every precache URL is relative to the worker, so the same file works at `/` and under a
 * sub-path; a navigation to `lessons/x/` (with or without a query) is answered with the precached
 * `lessons/x/index.html`. The new worker waits until the page asks it to take over (the update
 * notice posts `{ type: 'SKIP_WAITING' }`), and its activation drops the previous build's entries.
 * Called by the integration below after every build, and by tests/e2e/offline.once.spec.ts to
 * make a "newer build" of a copied site.
 */
export async function generateServiceWorker(dir: string): Promise<ServiceWorkerResult> {
  const { count, size, warnings } = await generateSW({
    globDirectory: dir,
    globPatterns: [...PRECACHE_PATTERNS, ...(existsSync(join(dir, 'pagefind')) ? [SEARCH_INDEX_PATTERN] : [])],
    globIgnores: [...PRECACHE_IGNORES],
    swDest: join(dir, 'sw.js'),
    cacheId: 'cnn-course',
    // Astro's bundles carry a content hash in their names: their URL is their revision.
    dontCacheBustURLsMatching: /^_astro\//,
    maximumFileSizeToCacheInBytes: MAX_PRECACHED_FILE_BYTES,
    directoryIndex: 'index.html',
    // Lessons keep their state in the query (?digit=3, ?backend=wasm): the page is the same file.
    ignoreURLParametersMatching: [/.*/],
    skipWaiting: false,
    // The first worker takes over the open page at once, so its demos' data and model requests
    // already go through it; an update still waits for the learner (see above).
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    sourcemap: false,
    mode: 'production',
  });
  // A file left out (too large, say) would be missing offline: stop the build instead.
  if (warnings.length > 0) throw new Error(`service worker: ${warnings.join('; ')}`);
  return { count, size };
}

/**
 * Generates the service worker after the site (and its search index) is built (issue #15, offline).
 * Only `astro build` runs this hook: `astro dev` has no service worker, and the pages register
 * one only in a production build (src/components/site/OfflineBody.astro).
 */
export function offline(): AstroIntegration {
  return {
    name: 'cnn-course-offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size } = await generateServiceWorker(fileURLToPath(dir));
        logger.info(`sw.js precaches ${count} files, ${(size / 1e6).toFixed(1)} MB`);
      },
    },
  };
}
