import { basename } from 'node:path';
import { test, expect, lessonUrl } from './fixtures.ts';
import { siteJs } from '../../scripts/js-graph.ts';

/**
 * The budgets size-limit cannot see (`npm run size` checks the sizes): what a learner's browser
 * actually requests. tfjs is loaded only once a demo needs it, and at most once by the page and
 * once by each worker; the MNIST sample is downloaded once however many demos use it.
 */
const DIST = process.env['E2E_DIST'] ?? './dist-test';

test('tfjs loads only when a demo computes, once per page and worker; the MNIST sample downloads once, for all lessons', async ({ page }) => {
  test.setTimeout(180_000);
  const slug = 'dropout';
  const js = siteJs(DIST).find((p) => p.page === `/${lessonUrl(slug)}`);
  if (!js) throw new Error(`no page /${lessonUrl(slug)} in ${DIST}`);
  const lazy = new Set(js.lazy.map((f) => basename(f)));
  const workerFiles = new Set(js.workers.flatMap((w) => w.files.map((f) => basename(f))));
  expect(lazy.size, 'files the page loads on demand').toBeGreaterThan(0);
  expect(workerFiles.size, 'files its worker loads').toBeGreaterThan(0);

  const requested = new Map<string, number>();
  page.on('request', (r) => {
    const name = basename(new URL(r.url()).pathname);
    requested.set(name, (requested.get(name) ?? 0) + 1);
  });
  const count = (names: Set<string>) => [...requested].filter(([n]) => names.has(n)).reduce((s, [, k]) => s + k, 0);

  // The lesson's text first: no demo is in view yet, so nothing heavy is fetched.
  await page.setViewportSize({ width: 1000, height: 400 });
  await page.goto(lessonUrl(slug));
  await page.waitForLoadState('networkidle');
  expect(count(lazy), 'tfjs files requested before any demo is in view').toBe(0);
  expect(count(workerFiles), 'worker files requested before any demo is in view').toBe(0);

  // Every demo on the page, in turn: each computes with tfjs (in the page or in the worker).
  const islands = page.locator('astro-island');
  const n = await islands.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const d = islands.nth(i);
    await d.scrollIntoViewIfNeeded();
    await expect(d.locator('.backend-badge[data-backend="loading"]')).toHaveCount(0, { timeout: 120_000 });
  }
  await expect(page.locator('.backend-badge[data-backend]:not([data-backend="loading"])').first()).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(count(lazy), 'tfjs on the main thread was loaded').toBeGreaterThan(0);
  expect(count(workerFiles), 'the worker loaded its tfjs').toBeGreaterThan(0);
  const twice = [...requested].filter(([name, k]) => k > 1 && (lazy.has(name) || workerFiles.has(name)));
  expect(twice, 'JavaScript files fetched more than once').toEqual([]);
  const sample = () => [...requested].filter(([name]) => name.startsWith('sample-'));
  expect(sample().map(([name]) => name).sort()).toEqual(['sample-images.bin', 'sample-indices.bin', 'sample-labels.bin']);
  expect(sample().filter(([, k]) => k !== 1), 'MNIST sample files fetched more than once').toEqual([]);

  // Another lesson with real digits: the sample comes from the browser's Cache Storage, not the network.
  await page.goto(lessonUrl('convolution'));
  const conv = page.getByTestId('convolution-demo');
  await conv.scrollIntoViewIfNeeded();
  await expect(conv.locator('.digit-picker[data-phase="ready"]').first()).toBeVisible({ timeout: 60_000 });
  await expect(conv.locator('.backend-badge[data-backend="loading"]')).toHaveCount(0, { timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  expect(sample().filter(([, k]) => k !== 1), 'MNIST sample files fetched again by a second lesson').toEqual([]);
});
