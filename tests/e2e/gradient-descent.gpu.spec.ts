import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible, lessonUrl } from './fixtures.ts';

type P = { x: number; y: number };
/** The bowl L = (x² + 10y²) / 2 and the three update rules, written here independently of the page. */
const loss = (p: P) => (p.x * p.x + 10 * p.y * p.y) / 2;
const grad = (p: P): P => ({ x: p.x, y: 10 * p.y });
function expectedEnds(start: P, lr: number, n: number): Record<'sgd' | 'momentum' | 'adam', P> {
  let s = start;
  for (let i = 0; i < n; i++) { const g = grad(s); s = { x: s.x - lr * g.x, y: s.y - lr * g.y }; }
  let m = start;
  let v = { x: 0, y: 0 };
  for (let i = 0; i < n; i++) { const g = grad(m); v = { x: 0.9 * v.x + g.x, y: 0.9 * v.y + g.y }; m = { x: m.x - lr * v.x, y: m.y - lr * v.y }; }
  let a = start;
  const m1 = { x: 0, y: 0 };
  const m2 = { x: 0, y: 0 };
  for (let t = 1; t <= n; t++) {
    const g = grad(a);
    const next = { ...a };
    for (const k of ['x', 'y'] as const) {
      m1[k] = 0.9 * m1[k] + 0.1 * g[k];
      m2[k] = 0.999 * m2[k] + 0.001 * g[k] * g[k];
      next[k] = a[k] - (lr * (m1[k] / (1 - 0.9 ** t))) / (Math.sqrt(m2[k] / (1 - 0.999 ** t)) + 1e-7);
    }
    a = next;
  }
  return { sgd: s, momentum: m, adam: a };
}

async function openSurface(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${lessonUrl('gradient-descent')}${query}`);
  const d = page.getByTestId('descent-surface');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  await expect(d.locator('.backend-badge[data-backend]:not([data-backend="loading"])')).toBeVisible({ timeout: 60_000 });
  await expect(d).toHaveAttribute('data-phase', 'ready', { timeout: 30_000 });
  return d;
}

/** Each optimiser's loss as shown (text), against the reference's. */
async function expectLosses(d: Locator, start: P, lr: number, n: number): Promise<void> {
  const ends = expectedEnds(start, lr, n);
  for (const k of ['sgd', 'momentum', 'adam'] as const) {
    const shown = Number(await d.getByTestId(`descent-loss-${k}`).innerText());
    const want = loss(ends[k]);
    expect(Math.abs(shown - want), `${k}: shown ${shown}, expected ${want}`).toBeLessThan(1e-3 * (1 + want));
  }
}

test('SGD, momentum and Adam paths with their losses; the start moves by keyboard and click; divergence is said, no tensor leaks', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const d = await openSurface(page);
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', String(testInfo.project.metadata['backend']));
  const start = { x: -3.5, y: 1.5 };
  await expect(d).toHaveAttribute('data-start', '-3.5,1.5');
  const table = d.getByTestId('descent-optimisers');
  await expect(table).toContainText('50 ステップ後');
  for (const name of ['SGD', 'モメンタム', 'Adam']) await expect(table.getByRole('rowheader', { name })).toBeVisible();
  for (const k of ['sgd', 'momentum', 'adam']) {
    const points = await d.getByTestId(`descent-path-${k}`).locator('polyline').getAttribute('points');
    expect(points?.trim().split(/\s+/).length, `${k} path`).toBe(51);
  }
  await expectLosses(d, start, 0.15, 50);
  const settled = Number(await d.getAttribute('data-tensors'));

  // Keyboard: the start marker moves 0.1 per arrow key (0.5 with Shift); the paths follow.
  const marker = d.getByRole('button', { name: /^出発点/ });
  await marker.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(d).toHaveAttribute('data-start', '-3.3,1');
  await expect(d).toHaveAttribute('data-phase', 'ready');
  await expectLosses(d, { x: -3.3, y: 1 }, 0.15, 50);
  await expect.poll(() => page.url()).toContain('x0=-3.3');

  // A click on the surface puts the start there: (2, −1) is 50 px per unit from the top left (−4, 2).
  const box = await d.getByTestId('descent-surface-plot').boundingBox();
  if (!box) throw new Error('no surface');
  await page.mouse.click(box.x + (6 / 8) * box.width, box.y + (3 / 4) * box.height);
  await expect(d).toHaveAttribute('data-start', '2,-1');
  await expect(d).toHaveAttribute('data-phase', 'ready');
  await expectLosses(d, { x: 2, y: -1 }, 0.15, 50);

  // Above SGD's threshold (2/10) SGD diverges, the others do not; far above, the numbers overflow.
  const lr = d.getByLabel('学習率 η（3 つ共通）');
  for (const rate of ['0.25', '1']) {
    await lr.fill(rate);
    await expect(d).toHaveAttribute('data-phase', 'ready');
    await expect(d.getByTestId('descent-loss-sgd')).toHaveText('発散しました');
    await expect(d.getByTestId('descent-surface-status')).toContainText('SGD');
    await expect(d.getByTestId('descent-surface-status')).toContainText('発散しました');
    await expect(d.getByTestId('descent-loss-adam')).not.toHaveText('発散しました');
    expect(await d.innerText()).not.toMatch(/NaN|Infinity/);
  }
  await expect(d.getByTestId('descent-loss-momentum')).toHaveText('発散しました');
  // Refused: out of range, not a number. The rate in use stays 1.
  for (const bad of ['0', 'x', '2']) {
    await lr.fill(bad);
    await expect(lr).toHaveAttribute('aria-invalid', 'true');
  }
  await expect.poll(() => page.url()).toContain('lr2=1');
  await lr.fill('0.15');
  await expect(d).toHaveAttribute('data-phase', 'ready');
  await expectLosses(d, { x: 2, y: -1 }, 0.15, 50);
  expect(Number(await d.getAttribute('data-tensors'))).toBe(settled);

  // The step slider shows the paths part way.
  const reveal = d.getByRole('slider', { name: /表示するステップ/ });
  await reveal.fill('10');
  await expect(table).toContainText('10 ステップ後');
  await expectLosses(d, { x: 2, y: -1 }, 0.15, 10);
  await expectAccessible(page, '[data-testid="descent-surface"]');
});
