import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { CASES, DIGITS, SLOW, clearButton, drawWithMouse, openLesson, settledTop } from './draw-helpers.ts';

test('recognises digits drawn with the mouse at different sizes and positions', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const d = await openLesson(page);
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', String(testInfo.project.metadata['backend']), SLOW);
  // No model trained in this fresh browser: the shipped model is used, with its test accuracy.
  await expect(d).toHaveAttribute('data-model', 'pretrained');
  await expect(d.getByTestId('model-in-use')).toContainText(/サイトに同梱の学習済みモデル \(テスト正解率 \d+\.\d\d%\)/);
  await expect(d.getByTestId('pretrained-info')).toHaveText(/^エポック \d+・訓練画像 [\d,]+ 枚・テスト正解率 \d+\.\d\d%$/);
  await expect(d.getByRole('radio', { name: 'このページで学習したモデル' })).toBeDisabled();
  // The first layer's 32 filters are shown once the model is loaded.
  await expect(d.getByTestId('conv1-filters')).toBeVisible(SLOW);
  await expect(d.getByTestId('draw-hint')).toBeVisible();

  const canvas = d.getByTestId('draw-canvas');
  const results: string[] = [];
  for (const c of CASES) {
    await drawWithMouse(page, canvas, DIGITS[c.digit] ?? [], c.box);
    const top = await settledTop(d);
    results.push(`${c.digit}→${top}`);

    // What the model sees and how it got there: 10 probabilities summing to 1, each step shown.
    const percents = await d.locator('.draw__percent').allInnerTexts();
    expect(percents).toHaveLength(10);
    const total = percents.reduce((s, p) => s + Number(p.replace('%', '')), 0);
    expect(total).toBeGreaterThan(99);
    expect(total).toBeLessThan(101);
    await expect(d.getByTestId('step-scaled-detail')).toHaveText(/^(20×\d+|\d+×20) ピクセル/);
    const centre = (await d.getByTestId('step-centred-detail').innerText()).match(/重心 \(([\d.]+), ([\d.]+)\)/);
    expect(Math.abs(Number(centre?.[1]) - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(Number(centre?.[2]) - 14)).toBeLessThanOrEqual(0.5);
    await expect(d.getByTestId('conv1-maps')).toBeVisible();
    await expect(d.getByTestId('conv2-maps')).toBeVisible();

    await clearButton(d).click();
    await expect(d.getByTestId('draw-hint')).toBeVisible();
  }
  expect(results).toEqual(CASES.map((c) => `${c.digit}→${c.digit}`));
});

test('the keyboard grid paints, predicts, and 100 predictions leak no tensor', async ({ page }) => {
  test.setTimeout(420_000);
  const d = await openLesson(page);
  await d.getByRole('radio', { name: 'キーボードでマス目を塗る' }).check();
  const grid = d.getByRole('application', { name: '28×28 のマス目' });
  await grid.focus();
  // A vertical bar: space paints the cursor's cell, shift+down paints on the way down.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowDown');
  await settledTop(d);
  await expect(d.getByTestId('step-scaled-detail')).toHaveText(/^\d+×20 ピクセル/);
  await expect(d.getByTestId('step-crop-detail')).toContainText('幅 1・高さ 13');
  // Keyboard focus stays on the grid, and the page did not scroll away on space.
  await expect(grid).toBeFocused();

  // Toggle one more cell again and again: every change is a new prediction.
  await page.keyboard.press('ArrowRight');
  const count = async () => Number(await d.getAttribute('data-predictions'));
  const start = await count();
  const tensorsAtStart = Number(await d.getAttribute('data-tensors'));
  expect(Number.isInteger(tensorsAtStart)).toBe(true);
  for (let i = 1; i <= 100; i++) {
    await page.keyboard.press('Space');
    await expect.poll(count, SLOW).toBeGreaterThanOrEqual(start + i);
  }
  await expect(d).toHaveAttribute('data-settled', 'true', SLOW);
  expect(await count()).toBeGreaterThanOrEqual(start + 100);
  expect(Number(await d.getAttribute('data-tensors'))).toBe(tensorsAtStart);

  // Clear empties the grid; undo brings it back.
  await clearButton(d).click();
  await expect(d).toHaveAttribute('data-empty', 'true');
  await d.getByRole('button', { name: '1 つ戻す' }).click();
  await expect(d).toHaveAttribute('data-empty', 'false');
});

test('exports the model as files and imports them back', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const d = await openLesson(page);
  await drawWithMouse(page, d.getByTestId('draw-canvas'), DIGITS[7] ?? [], [0.2, 0.15, 0.6, 0.7]);
  const before = await settledTop(d);
  const probabilitiesBefore = await d.locator('.draw__percent').allInnerTexts();

  await d.getByRole('button', { name: 'このモデルをファイルに書き出す' }).click();
  const links = d.getByTestId('export-links');
  const saved: string[] = [];
  for (const name of ['model.json', 'weights.bin']) {
    const link = links.getByRole('link', { name: `${name} を保存` });
    await expect(link).toHaveAttribute('href', /^blob:/, SLOW);
    await expect(link).toHaveAttribute('download', name);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(name);
    const path = testInfo.outputPath(name);
    await download.saveAs(path);
    saved.push(path);
  }
  const exportedJson = JSON.parse(readFileSync(saved[0] ?? '', 'utf8')) as { format: string; weightsManifest: { paths: string[] }[] };
  expect(exportedJson.format).toBe('layers-model');
  expect(exportedJson.weightsManifest[0]?.paths).toEqual(['weights.bin']);

  await d.getByLabel(/ファイルからモデルを読み込む/).setInputFiles(saved);
  await expect(d.getByRole('status').filter({ hasText: 'ファイルのモデルに切り替えました。' })).toBeVisible(SLOW);
  await expect(d).toHaveAttribute('data-model', 'imported');
  await expect(d.getByRole('radio', { name: 'ファイルから読み込んだモデル' })).toBeChecked();
  await expect(d.getByTestId('model-in-use')).toContainText('ファイルから読み込んだモデル (正解率は不明)');
  // Same weights, same answer for the same drawing.
  expect(await settledTop(d)).toBe(before);
  expect(await d.locator('.draw__percent').allInnerTexts()).toEqual(probabilitiesBefore);

  // Switch back to the shipped model.
  await d.getByRole('radio', { name: 'サイトに同梱の学習済みモデル' }).check();
  await expect(d).toHaveAttribute('data-model', 'pretrained', SLOW);
});

