import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible, lessonUrl } from './fixtures.ts';

/** Opens lesson 3-9 (with an optional query) and waits for the 1-D demo to hydrate. */
async function openCurve(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${lessonUrl('gradient-descent')}${query}`);
  const d = page.getByTestId('descent-curve');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  return d;
}

/** The threshold the lesson's prose names: 「学習率が X を超えると発散します」. */
async function namedThreshold(page: Page): Promise<number> {
  const sentence = await page.locator('.prose strong', { hasText: '学習率が' }).filter({ hasText: '発散します' }).first().innerText();
  const m = /学習率が\s*([\d.]+)\s*を超えると発散します/.exec(sentence);
  if (!m?.[1]) throw new Error(`no threshold in: ${sentence}`);
  return Number(m[1]);
}

/** The demo's "t ステップ後: w = …、L(w) = …" line, read back as numbers. */
async function shownNow(d: Locator): Promise<{ t: number; w: number; loss: number }> {
  const text = await d.getByTestId('descent-now').innerText();
  const m = /(\d+) ステップ後: w = (\S+)、L\(w\) = (\S+)/.exec(text);
  if (!m) throw new Error(`unexpected text: ${text}`);
  return { t: Number(m[1]), w: Number(m[2]), loss: Number(m[3]) };
}

test('below the named learning rate the point settles, step by step and by play; above it, it diverges', async ({ page }) => {
  const d = await openCurve(page);
  const limit = await namedThreshold(page);
  // L(w) = (w − 3)², L'' = 2: the lesson must name 2 / L'' = 1.
  expect(limit).toBe(1);
  const lr = d.getByLabel('学習率 η', { exact: true });

  // Below: η = 0.3·limit. Each step multiplies w − 3 by 1 − 2η (computed here, not by the page).
  const eta = 0.3 * limit;
  await lr.fill(String(eta));
  await expect(d).toHaveAttribute('data-lr', String(eta));
  await expect(d.getByTestId('descent-verdict')).toContainText('ちょうどよい');
  const step = d.getByRole('button', { name: '1 ステップ進める' });
  let previous = Infinity;
  for (let t = 1; t <= 4; t++) {
    await step.click();
    await expect(d).toHaveAttribute('data-steps', String(t));
    const now = await shownNow(d);
    const w = 3 - 3 * (1 - 2 * eta) ** t;
    expect(now.t).toBe(t);
    expect(Math.abs(now.w - w)).toBeLessThan(1e-5);
    expect(Math.abs(now.loss - (w - 3) ** 2)).toBeLessThan(1e-5);
    expect(now.loss).toBeLessThan(previous);
    previous = now.loss;
    // The table's newest row: w, gradient 2(w − 3), update η·gradient, new w.
    const wBefore = 3 - 3 * (1 - 2 * eta) ** (t - 1);
    const cells = (await d.getByTestId('descent-steps').locator(`tr[data-step="${t}"] td`).allInnerTexts()).map(Number);
    const want = [wBefore, 2 * (wBefore - 3), eta * 2 * (wBefore - 3), w, (w - 3) ** 2];
    cells.forEach((c, i) => { expect(Math.abs(c - (want[i] ?? NaN)), `column ${i} of step ${t}`).toBeLessThan(1e-5); });
  }
  // Play (animated) to the bottom.
  await d.getByRole('button', { name: '再生' }).click();
  await expect(d).toHaveAttribute('data-phase', 'playing');
  await expect(d).toHaveAttribute('data-status', 'settled');
  await expect(d).toHaveAttribute('data-phase', 'idle');
  expect((await shownNow(d)).loss).toBeLessThan(1e-6);
  await expect(d.getByTestId('descent-status')).toContainText('谷底 (w = 3) に着きました');
  await expect(d.getByRole('figure')).toContainText('損失の変化');
  expect(page.url()).toContain(`lr=${eta}`);

  // Above: η = 1.1·limit, with reduced motion (play jumps straight to the end).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await lr.fill(String(1.1 * limit));
  await expect(d).toHaveAttribute('data-steps', '0');
  await expect(d.getByTestId('descent-verdict')).toContainText('発散する');
  await d.getByRole('button', { name: '再生' }).click();
  await expect(d).toHaveAttribute('data-status', 'diverged');
  await expect(d.getByTestId('descent-status')).toContainText('発散しました');
  expect((await shownNow(d)).loss).toBeGreaterThan(9);
  await expect(d.getByRole('button', { name: '1 ステップ進める' })).toBeDisabled();
  expect(await d.innerText()).not.toMatch(/NaN|Infinity/);
  // Reset brings the point back to w0.
  await d.getByRole('button', { name: '最初に戻す' }).click();
  await expect(d).toHaveAttribute('data-steps', '0');
  await expect(d).toHaveAttribute('data-w', '0');
});

test('the learning rate: keyboard slider, link, and refused input', async ({ page }) => {
  const d = await openCurve(page, '?lr=0.01&w0=-2');
  await expect(d).toHaveAttribute('data-lr', '0.01');
  await expect(d).toHaveAttribute('data-w', '-2');
  await expect(d.getByTestId('descent-verdict')).toContainText('遅すぎる');
  const slider = d.getByRole('slider', { name: '学習率 η（スライダー）' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(d).toHaveAttribute('data-lr', '0.02');
  await expect(d.getByLabel('学習率 η', { exact: true })).toHaveValue('0.02');
  await expect.poll(() => page.url()).toContain('lr=0.02');

  const lr = d.getByLabel('学習率 η', { exact: true });
  for (const bad of ['abc', '', '1e999', '-0.5', '5']) {
    await lr.fill(bad);
    await expect(lr).toHaveAttribute('aria-invalid', 'true');
    await expect(d.locator('#descent-lr-message')).not.toBeEmpty();
    await expect(d).toHaveAttribute('data-lr', '0.02');
  }
  await lr.fill('０．５');
  await expect(d).toHaveAttribute('data-lr', '0.5');
  const w0 = d.getByLabel('出発点 w₀');
  await w0.fill('100');
  await expect(w0).toHaveAttribute('aria-invalid', 'true');
  await expect(d).toHaveAttribute('data-w', '-2');
  await d.getByRole('button', { name: '1 ステップ進める' }).press('Enter');
  await expect(d).toHaveAttribute('data-steps', '1');
  // η = 0.5 on (w − 3)²: one step lands on the minimum exactly.
  await expect(d).toHaveAttribute('data-w', '3');
  await expect(d).toHaveAttribute('data-status', 'settled');
  await expectAccessible(page, '[data-testid="descent-curve"]');
});
