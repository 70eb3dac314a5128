import { createServer, type Server } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures.ts';
import { DIGITS, drawWithMouse, SLOW } from './draw-helpers.ts';
import { generateServiceWorker } from '../../src/integrations/offline.ts';

/**
 * Offline after the first visit (issue #15): the service worker that Workbox generates after the
 * build (src/integrations/offline.ts), registered by every page (src/components/site/OfflineBody.astro).
 *
 * The sub-path build (`dist-course/`, or OFFLINE_DIST) is served under /course/ by this spec's own
 * small server, so that a test can swap in a newer build and see the old worker replaced. The
 * server counts what reaches it: the MNIST data must be downloaded once (the loader keeps it in its
 * own cache; the worker must not precache it a second time), and nothing may reach it while the
 * browser is offline. Service workers are blocked in every other spec (playwright.config.ts).
 */
test.use({ serviceWorkers: 'allow' });

const SOURCE = resolve(process.env['OFFLINE_DIST'] ?? 'dist-course');
const BASE = '/course/';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** A static server for one build folder at a time, under /course/, on a free port of 127.0.0.1. */
class BuildServer {
  root = SOURCE;
  /** While true, every request that reaches the server is an error (the browser is offline). */
  offline = false;
  readonly reachedWhileOffline: string[] = [];
  /** How many times each path was requested. */
  readonly hits = new Map<string, number>();
  private readonly server: Server;
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      void this.answer(req.url ?? '/').then(({ status, type, body }) => {
        res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
        res.end(body);
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('the server has no port');
    this.url = `http://127.0.0.1:${address.port}${BASE}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => { r(); }));
  }

  private async answer(url: string): Promise<{ status: number; type: string; body: Buffer | string }> {
    const path = decodeURIComponent(new URL(url, 'http://x').pathname);
    this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
    if (this.offline) {
      this.reachedWhileOffline.push(path);
      return { status: 503, type: 'text/plain', body: 'offline' };
    }
    const notFound = { status: 404, type: 'text/plain', body: 'not found' };
    if (!path.startsWith(BASE)) return notFound;
    let file = normalize(join(this.root, path.slice(BASE.length)));
    if (file !== this.root && !file.startsWith(this.root + sep)) return notFound;
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      return { status: 200, type: TYPES[extname(file)] ?? 'application/octet-stream', body: await readFile(file) };
    } catch {
      return notFound;
    }
  }
}

let server: BuildServer;
test.beforeAll(async () => {
  server = new BuildServer();
  await server.start();
});
test.afterAll(async () => {
  await server.stop();
});

/** Waits until the page is controlled by an activated service worker whose scope is the site. */
async function controlled(page: Page): Promise<void> {
  const scope = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => {
        navigator.serviceWorker.addEventListener('controllerchange', r, { once: true });
      });
    }
    return reg.scope;
  });
  expect(scope).toBe(server.url);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
}

/** The keys of the worker's precache (Workbox's cache, named after the `cnn-course` cache id). */
async function precacheKeys(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const name = (await caches.keys()).find((k) => k.startsWith('cnn-course-precache'));
    if (!name) return [];
    return (await (await caches.open(name)).keys()).map((r) => r.url);
  });
}

/** The URL → revision list that a build's sw.js precaches (read from the file, as the browser gets it). */
function precacheManifest(dir: string): { url: string; revision: string | null }[] {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  const list = /precacheAndRoute\((\[.*?\])/s.exec(sw)?.[1];
  if (!list) throw new Error('no precache list in sw.js');
  return JSON.parse(list.replace(/([{,])(url|revision):/g, '$1"$2":')) as { url: string; revision: string | null }[];
}

test('after one visit the home page and three lessons reload offline, and the demos compute with the cached model and data', async ({ page, context }) => {
  test.setTimeout(240_000);
  const entries = precacheManifest(SOURCE).map((e) => e.url);
  expect(entries).toEqual(expect.arrayContaining(['index.html', 'lessons/draw/index.html', 'en/index.html', 'models/pretrained/model.json', 'models/pretrained/weights.bin', 'data/mnist/manifest.json', 'manifest.webmanifest', 'icons/icon-512.png']));
  expect(entries.filter((u) => u.endsWith('.bin') && u.startsWith('data/')), 'MNIST data files are the loader\'s to cache').toEqual([]);
  expect(entries.filter((u) => u.startsWith('tools/'))).toEqual([]);
  expect(entries.every((u) => !u.startsWith('/') && !u.includes('://')), 'relative URLs, so the worker works under any base').toBe(true);

  // First visit: the worker installs, precaches the site and takes over the page.
  await page.goto(server.url);
  await controlled(page);
  expect(await precacheKeys(page)).toHaveLength(entries.length);
  // The web app manifest follows the base path.
  const manifest = (await (await page.request.get(`${server.url}manifest.webmanifest`)).json()) as { start_url: string; scope: string; icons: { src: string }[] };
  expect(manifest.start_url).toBe(BASE);
  expect(manifest.scope).toBe(BASE);
  for (const icon of manifest.icons) expect((await page.request.get(new URL(icon.src, server.url).href)).headers()['content-type']).toBe('image/png');

  // A lesson whose demo reads a real digit (the MNIST sample) through the shipped model.
  const flatten = async () => {
    const d = page.getByTestId('flatten-demo');
    await d.scrollIntoViewIfNeeded();
    await expect(d).toHaveAttribute('data-activations', 'ready', SLOW);
    await expect(d).toHaveAttribute('data-match', 'true');
    await expect(page.locator('.model-in-use')).toHaveAttribute('data-kind', 'pretrained');
  };
  await page.goto(`${server.url}lessons/flatten/`);
  await flatten();
  expect(server.hits.get(`${BASE}data/mnist/sample-images.bin`), 'the MNIST sample is downloaded once').toBe(1);

  // Offline: nothing reaches the server any more.
  await context.setOffline(true);
  server.offline = true;
  try {
    await page.goto(server.url);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'CNN を基礎から' })).toBeVisible();
    await expect(page.locator('a.lang-switch')).toBeVisible(); // the styled header, from the precached CSS

    await page.goto(`${server.url}lessons/regression/`);
    await expect(page.getByRole('heading', { level: 1, name: '線形回帰と最小二乗法' })).toBeVisible();
    await expect(page.locator('.prose .katex').first()).toBeVisible();

    // The demo that ran online runs again: cached data, precached model (a query is the same page).
    await page.goto(`${server.url}lessons/flatten/?at=5`);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('平坦化');
    await flatten();

    // A demo never opened online: the drawing lesson reads a digit with the precached model.
    await page.goto(`${server.url}lessons/draw/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const d = page.getByTestId('draw-demo');
    await d.scrollIntoViewIfNeeded();
    await expect(d).toHaveAttribute('data-state', 'ready', SLOW);
    await expect(d).toHaveAttribute('data-model', 'pretrained');
    await drawWithMouse(page, d.getByTestId('draw-canvas'), DIGITS[1] ?? [], [0.42, 0.1, 0.14, 0.8]);
    await expect(d).toHaveAttribute('data-settled', 'true', SLOW);
    await expect(d.getByTestId('announcement')).toHaveText(/^判定は 1、確率 \d+%$/, SLOW);
  } finally {
    server.offline = false;
    await context.setOffline(false);
  }
  // The browser's own update check of the worker script (on each navigation) is not covered by
  // Playwright's offline emulation: it reaches the server, gets the 503 and keeps the installed
  // worker, as a failed check does offline. Nothing else may reach the server.
  const reached = server.reachedWhileOffline.filter((p) => p !== `${BASE}sw.js`);
  expect(reached, 'requests that reached the server while offline').toEqual([]);
  expect(server.hits.get(`${BASE}data/mnist/sample-images.bin`), 'still downloaded once').toBe(1);
});

test('a newer build\'s worker waits, the notice offers it, and switching shows the new page from a replaced cache', async ({ page }) => {
  test.setTimeout(120_000);
  // The "newer build": a copy of the build with one page changed and its worker generated again.
  const newer = mkdtempSync(join(tmpdir(), 'cnn-course-newer-'));
  try {
    cpSync(SOURCE, newer, { recursive: true });
    const home = join(newer, 'index.html');
    const html = readFileSync(home, 'utf8');
    expect(html).toContain('<main id="main" class="home">');
    writeFileSync(home, html.replace('<main id="main" class="home">', '<main id="main" class="home"><p data-testid="newer-build">新しい版のホーム</p>'));
    await generateServiceWorker(newer);
    const revisionOf = (dir: string) => precacheManifest(dir).find((e) => e.url === 'index.html')?.revision ?? '';
    const [oldRevision, newRevision] = [revisionOf(SOURCE), revisionOf(newer)];
    expect(newRevision).not.toBe(oldRevision);

    // The learner is on the old build, its worker in control; the notice fits a 320 px screen.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(server.url);
    await controlled(page);
    const homeKey = (keys: string[]) => keys.filter((k) => new URL(k).pathname === BASE + 'index.html');
    expect(homeKey(await precacheKeys(page))).toEqual([`${server.url}index.html?__WB_REVISION__=${oldRevision}`]);
    const notice = page.getByRole('status').filter({ hasText: '新しい版のコースがあります。' });
    await expect(notice).toHaveCount(0);

    // A deployment: the server now has the newer build; the browser checks for a new worker.
    server.root = newer;
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await expect(notice).toBeVisible();
    // The old worker still answers until the learner switches.
    await expect(page.getByTestId('newer-build')).toHaveCount(0);
    const box = await notice.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectAccessible(page, '.offline-update');

    // "Later" closes it; the next page shows it again, since the new worker still waits.
    await notice.getByRole('button', { name: 'あとで' }).click();
    await expect(notice).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('newer-build')).toHaveCount(0);
    await expect(notice).toBeVisible();

    // By keyboard: the new worker takes over, the page reloads once and shows the newer build.
    await notice.getByRole('button', { name: '新しい版を読み込む' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('newer-build')).toHaveText('新しい版のホーム');
    await expect(notice).toHaveCount(0);
    await controlled(page);
    // The old build's entry is gone from the precache, the new revision is in it, and the cache holds exactly the new list.
    await expect.poll(async () => homeKey(await precacheKeys(page))).toEqual([`${server.url}index.html?__WB_REVISION__=${newRevision}`]);
    expect(await precacheKeys(page)).toHaveLength(precacheManifest(newer).length);
  } finally {
    server.root = SOURCE;
    rmSync(newer, { recursive: true, force: true });
  }
});
