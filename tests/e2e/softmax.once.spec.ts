import { test, expect, expectAccessible, lessonUrl } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';

/** The stable softmax, computed here independently of the site's code. */
function softmax(xs: number[]): number[] {
  const m = Math.max(...xs);
  const e = xs.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${lessonUrl('dense-softmax')}${query}`);
  const d = page.getByTestId('softmax-demo');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  await expect(d.locator('.backend-badge[data-backend]:not([data-backend="loading"])').first()).toBeVisible();
  await expect(d).toHaveAttribute('data-phase', 'ready');
  return d;
}

async function shownProbabilities(d: Locator): Promise<number[]> {
  const texts = await d.getByTestId('softmax-bars').locator('.viz-bars__value').allTextContents();
  return texts.map((s) => Number(s.replace('%', '')) / 100);
}

test('sliders move the bars, which sum to 100.0%; shifting every logit changes nothing; two classes equal the sigmoid', async ({ page }) => {
  const d = await open(page, '?logits=0,0,0,0,0,0,0,0,0,0');
  await expect(d.getByTestId('softmax-sum')).toHaveText('確率の合計: 100.0%');
  expect(await shownProbabilities(d)).toEqual(Array(10).fill(0.1));

  // Keyboard: digit 3's slider up by 0.1 five times (z3 = 0.5), then 2 typed.
  const slider = d.getByLabel('数字 3 のロジット（スライダー）');
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(d.getByLabel('z3（数字 3）')).toHaveValue('0.5');
  await expect.poll(() => shownProbabilities(d)).toEqual(softmax([0, 0, 0, 0.5, 0, 0, 0, 0, 0, 0]).map((p) => Number((p * 100).toFixed(1)) / 100));
  await expect(d.getByTestId('softmax-sum')).toHaveText('確率の合計: 100.0%');
  await d.getByLabel('z3（数字 3）').fill('2');
  const expected = softmax([0, 0, 0, 2, 0, 0, 0, 0, 0, 0]);
  await expect.poll(() => shownProbabilities(d)).toEqual(expected.map((p) => Number((p * 100).toFixed(1)) / 100));
  await expect(d.getByTestId('softmax-sum')).toHaveText('確率の合計: 100.0%');
  await expect.poll(() => new URL(page.url()).searchParams.get('logits')).toBe('0,0,0,2,0,0,0,0,0,0');
  const tensors = await d.getAttribute('data-tensors');

  // Typed value, then the same number added to all: logits move, bars do not.
  await d.getByLabel('z7（数字 7）').fill('-1.5');
  const before = softmax([0, 0, 0, 2, 0, 0, 0, -1.5, 0, 0]).map((p) => Number((p * 100).toFixed(1)) / 100);
  await expect.poll(() => shownProbabilities(d)).toEqual(before);
  await d.getByLabel('すべてのロジットに足す数 c').fill('5');
  await d.getByTestId('softmax-shift-apply').click();
  await expect(d.getByLabel('z3（数字 3）')).toHaveValue('7');
  await expect(d.getByLabel('z7（数字 7）')).toHaveValue('3.5');
  await expect(d.getByTestId('softmax-shift-message')).toContainText('棒グラフは動きません');
  await expect.poll(() => shownProbabilities(d)).toEqual(before);
  await expect(d.getByTestId('softmax-sum')).toHaveText('確率の合計: 100.0%');

  // Bad input is refused with a message; the last good value stays.
  const x0 = d.getByLabel('z0（数字 0）');
  await x0.fill('NaN');
  await expect(x0).toHaveAttribute('aria-invalid', 'true');
  await expect(d.locator('#softmax-logit-0-message')).not.toBeEmpty();
  await x0.fill('1e400');
  await expect(d.locator('#softmax-logit-0-message')).not.toBeEmpty();
  await expect.poll(() => shownProbabilities(d)).toEqual(before);
  await expect.poll(() => new URL(page.url()).searchParams.get('logits')).toBe('5,5,5,7,5,5,5,3.5,5,5');
  // No tensor stays behind after many softmaxes.
  expect(Number(await d.getAttribute('data-tensors'))).toBe(Number(tensors));

  // Two classes: z1 = 2, z2 = 1 by default; then z1 = −0.5, z2 = 1.5 → d = −2.
  const sig = (x: number) => (1 / (1 + Math.exp(-x))).toFixed(4);
  const two = d.getByTestId('softmax-two');
  await expect(two).toHaveAttribute('data-p1', sig(1));
  await d.getByLabel('z₁', { exact: true }).fill('-0.5');
  await d.getByLabel('z₂', { exact: true }).fill('1.5');
  await expect(d.getByTestId('softmax-two-sigmoid')).toHaveText(`シグモイド: σ(z₁ − z₂) = σ(-2) = ${sig(-2)}`);
  await expect(d.getByTestId('softmax-two-softmax')).toContainText(`= ${sig(-2)}`);
  await expect(two).toHaveAttribute('data-p1', sig(-2));
  await expect(two).toContainText('2 つの値は等しくなります。');

  await expectAccessible(page, '[data-testid="softmax-demo"]');
});

test('the real logits of a digit: dense weights × flatten + bias, softmax equal to the model’s output', async ({ page }) => {
  test.setTimeout(90_000);
  const d = await open(page);
  await d.getByTestId('softmax-real-open').click();
  const real = d.getByTestId('softmax-real');
  await expect(real.getByTestId('softmax-digits')).toHaveAttribute('data-phase', 'ready', { timeout: 30_000 });
  await real.getByTestId('softmax-digit-7').click();
  await expect(real).toHaveAttribute('data-phase', 'ready', { timeout: 45_000 });
  await expect(real.getByTestId('softmax-real-check')).toContainText('一致しています');
  expect(Number(await real.getAttribute('data-check'))).toBeLessThan(1e-4);
  await real.getByTestId('softmax-real-apply').click();
  await expect(real).toContainText('正解が 7 の画像のロジットをスライダーに入れました。');
  // The sliders now hold the model's logits: the top bar is the 7 and the sum is still 100.0%.
  await expect(d.getByTestId('softmax-p-7')).toHaveClass(/viz-bars__row--top/);
  await expect(d.getByTestId('softmax-sum')).toHaveText('確率の合計: 100.0%');
  const logits = (new URL(page.url()).searchParams.get('logits') ?? '').split(',').map(Number);
  expect(logits).toHaveLength(10);
  const shown = await shownProbabilities(d);
  softmax(logits).forEach((p, k) => { expect(Math.abs(p - (shown[k] ?? NaN))).toBeLessThanOrEqual(0.00051); });
  await expectAccessible(page, '[data-testid="softmax-demo"]');
});
