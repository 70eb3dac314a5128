import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible, lessonUrl } from './fixtures.ts';

/** Lesson 1-4's training demo: the 9-3-2 network trained in the page with tfjs (once per GPU backend). */
async function openDemo(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${lessonUrl('learning')}${query}`);
  const d = page.getByTestId('xo-train');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  return d;
}

/** Presses "train" and waits until the run has ended (done, stopped or diverged). */
async function train(d: Locator, until: 'done' | 'diverged') {
  await d.getByRole('button', { name: '学習する' }).click();
  await expect(d.getByTestId('xo-train-notice')).toHaveAttribute('data-kind', until, { timeout: 90_000 });
  await expect(d).toHaveAttribute('data-phase', 'idle');
  await expect(d).toHaveAttribute('data-tensors', /^\d+$/);
}

const degree = async (d: Locator, which: 'circle' | 'cross') => Number(await d.getByTestId('xo-train-verdict').getAttribute(`data-${which}`));
const weightCells = (d: Locator) => d.getByTestId('xo-train-w1-0').locator('input');
const weightValues = (d: Locator) => weightCells(d).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

test('from random weights, training classifies ○ and × above 0.9, and no tensor leaks across runs', async ({ page }, info) => {
  test.setTimeout(180_000);
  const d = await openDemo(page);
  await d.getByRole('button', { name: 'ランダムな重みにする' }).click();
  await expect(d.getByTestId('xo-train-progress')).toContainText('0 ステップ');
  await d.getByRole('button', { name: '○ を描く' }).click();
  expect(await degree(d, 'circle')).toBeLessThan(0.9);
  const before = await weightCells(d).first().inputValue();

  await train(d, 'done');
  await expect(d.getByTestId('xo-train-progress')).toContainText('300 ステップ学習済み');
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', String(info.project.metadata.backend));
  // The parameters moved (the tables, the heat maps and the drawing show them).
  expect(await weightCells(d).first().inputValue()).not.toBe(before);
  // The painted ○ and × (presets and the keyboard) are classified right, each above 0.9.
  await expect.poll(() => degree(d, 'circle')).toBeGreaterThan(0.9);
  await expect(d.getByTestId('xo-train-verdict')).toHaveAttribute('data-verdict', 'circle');
  await d.getByRole('button', { name: 'すべて消す' }).click();
  await d.getByRole('application', { name: '3×3 の入力のマス目' }).focus();
  for (const key of ['Space', 'ArrowUp', 'ArrowLeft', 'Space', 'ArrowRight', 'ArrowRight', 'Space', 'ArrowDown', 'ArrowDown', 'Space', 'ArrowLeft', 'ArrowLeft', 'Space']) await page.keyboard.press(key);
  await expect(d.getByTestId('xo-train-verdict')).toHaveAttribute('data-verdict', 'cross');
  expect(await degree(d, 'cross')).toBeGreaterThan(0.9);
  // The link holds the trained weights and the picture.
  await expect.poll(() => new URL(page.url()).searchParams.get('w1')).not.toBeNull();

  // Repeated runs, stopped part-way (short, for the emulated GPU), leave the tensor count where it was.
  const tensors = await d.getAttribute('data-tensors');
  for (let i = 0; i < 2; i++) {
    await d.getByRole('button', { name: 'ランダムな重みにする' }).click();
    await d.getByRole('button', { name: '学習する' }).click();
    await expect(d).not.toHaveAttribute('data-steps', '0');
    await d.getByRole('button', { name: '止める' }).click();
    await expect(d.getByTestId('xo-train-notice')).toHaveAttribute('data-kind', 'stopped');
    await expect(d).toHaveAttribute('data-phase', 'idle');
    await expect(d).toHaveAttribute('data-tensors', /^\d+$/);
  }
  await expect(d).toHaveAttribute('data-tensors', tensors ?? '');
  const count = await page.evaluate(() => (globalThis as unknown as { __cnnCourseTf: { numTensors(): number } }).__cnnCourseTf.numTensors());
  expect(String(count)).toBe(tensors);
  info.annotations.push({ type: 'tensors', description: String(tensors) });
  await expect(d).not.toContainText('NaN');
  await expectAccessible(page, '[data-testid="xo-train"]');
});

test('a diverging learning rate is reported in words and the last good parameters are kept', async ({ page }) => {
  test.setTimeout(120_000);
  const d = await openDemo(page, '?rate=1000');
  await expect(d.getByRole('textbox', { name: '学習率' })).toHaveValue('1000');
  const before = await weightValues(d);
  await train(d, 'diverged');
  await expect(d.getByTestId('xo-train-notice')).toContainText('学習率 1000 では学習が発散しました');
  await expect(d.getByTestId('xo-train-notice')).toContainText('直前のパラメータに戻しました');
  expect(await weightValues(d)).toEqual(before);
  await expect(d.getByTestId('xo-train-progress')).toContainText('0 ステップ');
  await expect(d).not.toContainText('NaN');

  // A sensible rate then trains from the same parameters (a few steps are enough to see it).
  await d.getByRole('textbox', { name: '学習率' }).fill('2');
  await d.getByRole('button', { name: '学習する' }).click();
  await expect(d).not.toHaveAttribute('data-steps', '0');
  await d.getByRole('button', { name: '止める' }).click();
  await expect(d.getByTestId('xo-train-notice')).toHaveAttribute('data-kind', 'stopped');
  await expect(d.getByTestId('xo-train-notice')).not.toContainText('発散');
  await expect.poll(() => new URL(page.url()).searchParams.get('rate')).toBeNull();
  await expect(d).not.toContainText('NaN');
});
