/**
 * Size budgets, checked by size-limit (`npm run size`, run by `npm test` right after the builds)
 * against the production build the tests make under a sub-path (dist-course/; SIZE_DIST picks
 * another). Which files each page, each worker and tfjs load is read from the build by
 * scripts/js-graph.ts; size-limit measures them (gzip) and fails with the message below when one
 * is over. Raise a limit only with a reason in the commit.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SizeLimitConfig } from 'size-limit';
import { siteJs } from './scripts/js-graph.ts';

const dist = process.env['SIZE_DIST'] ?? 'dist-course';
if (!existsSync(join(dist, 'index.html'))) throw new Error(`size budgets: no build in ${dist}/ (npm run build:e2e makes it)`);
const pages = siteJs(dist);
const unique = (lists: readonly (readonly string[])[]) => [...new Set(lists.flat())].sort();

const PAGE_JS = '75 kB';
const TFJS = '400 kB';
const WORKER = '410 kB';

/** size-limit reads `message` (printed when a check fails); its type declarations lack it. */
type Budget = SizeLimitConfig[number] & { readonly message: string };

const config: Budget[] = [
  ...pages
    .filter((p) => p.eager.length > 0)
    .map((p) => ({
      name: `${p.page}: JavaScript loaded with the page (islands and Preact; no tfjs)`,
      path: [...p.eager],
      limit: PAGE_JS,
      gzip: true,
      message: `The JavaScript ${p.page} loads before any demo computes is over ${PAGE_JS}: move heavy code behind a dynamic import (as tfjs is) or split the island.`,
    })),
  {
    name: 'tfjs and its backends on the main thread (loaded only when a demo computes)',
    path: unique(pages.map((p) => p.lazy)),
    limit: TFJS,
    gzip: true,
    message: `What a page may load on demand (tfjs, its backends) is over ${TFJS}: check for a second copy of tfjs or a backend imported statically.`,
  },
  ...[...new Map(pages.flatMap((p) => p.workers).map((w) => [w.worker, w.files])).entries()].map(([worker, files]) => ({
    name: `worker ${worker.replace(/-[\w-]+\.js$/, '')}: everything it can load (tfjs included)`,
    path: [...files],
    limit: WORKER,
    gzip: true,
    message: `The worker ${worker} is over ${WORKER}: it should load one copy of tfjs and only the backends it uses.`,
  })),
  {
    name: 'MNIST sample (the 1,000 images the demos share)',
    path: [join(dist, 'data/mnist/sample-*.bin')],
    limit: '150 kB',
    gzip: false,
    brotli: false,
    message: 'The MNIST sample grew: the demos download it on first use.',
  },
  {
    name: 'MNIST, the whole set (downloaded once, by training and evaluation)',
    path: [join(dist, 'data/mnist/train-*.bin'), join(dist, 'data/mnist/test-*.bin')],
    limit: '9.7 MB',
    gzip: false,
    brotli: false,
    message: 'The MNIST assets grew: they are packed at build time (scripts/prepare-mnist.ts).',
  },
];

export default config;
