import type { Page } from '@playwright/test';
import { test, expect, lessonUrl, holdRequests } from './fixtures.ts';

/** Parts of the training lesson that do not depend on the GPU backend: run once. */
const LONG = { timeout: 120_000 };
const demo = (page: Page) => page.locator('section.training');

test('on the CPU backend the page warns that a full run is impractical and proposes a subset', async ({ page }) => {
  await page.goto(`${lessonUrl('training')}?backend=cpu`);
  const d = demo(page);
  await d.scrollIntoViewIfNeeded();
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', 'cpu', LONG);
  await expect(d).toContainText('元資料どおりの学習は現実的ではありません');
  await d.getByRole('button', { name: /小さなサブセット（2,000 枚・3 エポック）に切り替える/ }).click();
  await expect(d.getByLabel('エポック数')).toHaveValue('3');
  await expect(d.getByTestId('config-kind')).toContainText('元資料の設定とは異なります');
  await expect(d.getByText('→ 訓練 1,800 枚 + 検証 200 枚')).toBeVisible();
});

test('the data download before training shows its progress and can be stopped', async ({ page }) => {
  const release = await holdRequests(page, '**/data/mnist/train-images.bin');
  await page.goto(lessonUrl('training'));
  const d = demo(page);
  await d.scrollIntoViewIfNeeded();
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', /webgpu|webgl|wasm/, LONG);
  await d.getByLabel('エポック数').selectOption('2');
  await d.getByLabel('使う学習用画像').selectOption('300');
  await d.getByRole('button', { name: '学習を始める' }).click();
  await expect(d.getByRole('progressbar', { name: 'MNIST データのダウンロード' })).toBeVisible(LONG);
  await expect(d.getByText(/^[\d.]+ [kM]?B \/ 9\.\d MB \(\d+%\)$/)).toBeVisible();
  await d.getByRole('button', { name: '停止', exact: true }).click();
  await expect(d.getByTestId('training-status')).toContainText('停止しました', LONG);
  // Stopped during the download: no batch was trained.
  await expect(d).toHaveAttribute('data-step', '0');
  await expect(d.getByTestId('history-row')).toHaveCount(0);
  await release();
  await expect(d.getByRole('button', { name: '学習を始める' })).toBeEnabled();
});

test('the setup is kept in the URL: a shared link opens that setup, garbage falls back to the deck', async ({ page }) => {
  await page.goto(`${lessonUrl('training')}?epochs=3&subset=2000&backend=webgl`);
  const d = demo(page);
  await d.scrollIntoViewIfNeeded();
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', 'webgl', LONG);
  await expect(d.getByLabel('エポック数')).toHaveValue('3');
  await expect(d.getByLabel('使う学習用画像')).toHaveValue('2000');
  await expect(d.getByTestId('config-kind')).toContainText('元資料の設定とは異なります');
  await d.getByLabel('エポック数').selectOption('5');
  await expect.poll(() => new URL(page.url()).search).toBe('?backend=webgl&epochs=5&subset=2000');
  // The deck's own setup leaves only the parameters that are not the lesson's.
  await d.getByLabel('エポック数').selectOption('15');
  await d.getByLabel('使う学習用画像').selectOption('');
  await expect.poll(() => new URL(page.url()).search).toBe('?backend=webgl');
  await expect(d.getByTestId('config-kind')).toContainText('元資料と同じ設定');

  await page.goto(`${lessonUrl('training')}?epochs=99&subset=7&backend=webgl`);
  await d.scrollIntoViewIfNeeded();
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', 'webgl', LONG);
  await expect(d.getByLabel('エポック数')).toHaveValue('15');
  await expect(d.getByLabel('使う学習用画像')).toHaveValue('');
  await expect.poll(() => new URL(page.url()).search).toBe('?backend=webgl');
});

test('on a 320 px phone the epoch log keeps each number on one line and scrolls sideways in its own region', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`${lessonUrl('training')}?epochs=1&subset=300`);
  const d = demo(page);
  await d.scrollIntoViewIfNeeded();
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', /webgpu|webgl|wasm/, LONG);
  await d.getByRole('button', { name: '学習を始める' }).click();
  await expect(d.getByTestId('history-row')).toHaveCount(1, LONG);
  // Every header and number of the log on one line (a wrapped one has a client rect per line).
  const lines = await d.locator('.training__history th, .training__history td').evaluateAll((cells) =>
    cells.map((c) => {
      const range = document.createRange();
      range.selectNodeContents(c);
      return { text: c.textContent, lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
    }),
  );
  expect(lines.length).toBe(12);
  for (const l of lines) expect(l.lines, `"${l.text}" wraps`).toBe(1);
  // The page does not scroll sideways; the log's own region does, from the keyboard too.
  expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(320);
  const region = d.getByRole('region', { name: 'エポックごとの記録' });
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
