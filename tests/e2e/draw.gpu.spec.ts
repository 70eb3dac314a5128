import { readFileSync } from 'node:fs';
import { test, expect, loseWorkerDevice } from './fixtures.ts';
import { CASES, DIGITS, SLOW, clearButton, drawWithMouse, exportModelFiles, openLesson, settledTop } from './draw-helpers.ts';

test('recognises digits drawn with the mouse at different sizes and positions', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const d = await openLesson(page);
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', String(testInfo.project.metadata['backend']), SLOW);
  // No model trained in this fresh browser: the shipped model is used, with its test accuracy.
  await expect(d).toHaveAttribute('data-model', 'pretrained');
  await expect(d.getByTestId('model-in-use')).toContainText(/サイトに同梱の学習済みモデル（テスト正解率 \d+\.\d\d%）/);
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

  const saved = await exportModelFiles(page, d, testInfo);
  const exportedJson = JSON.parse(readFileSync(saved[0] ?? '', 'utf8')) as { format: string; weightsManifest: { paths: string[] }[] };
  expect(exportedJson.format).toBe('layers-model');
  expect(exportedJson.weightsManifest[0]?.paths).toEqual(['weights.bin']);

  await d.getByLabel(/ファイルからモデルを読み込む/).setInputFiles(saved);
  await expect(d.getByRole('status').filter({ hasText: 'ファイルのモデルに切り替えました。' })).toBeVisible(SLOW);
  await expect(d).toHaveAttribute('data-model', 'imported');
  await expect(d.getByRole('radio', { name: 'ファイルから読み込んだモデル' })).toBeChecked();
  await expect(d.getByTestId('model-in-use')).toContainText('ファイルから読み込んだモデル（正解率は不明）');
  // Same weights, same answer for the same drawing.
  expect(await settledTop(d)).toBe(before);
  expect(await d.locator('.draw__percent').allInnerTexts()).toEqual(probabilitiesBefore);

  // Switch back to the shipped model.
  await d.getByRole('radio', { name: 'サイトに同梱の学習済みモデル' }).check();
  await expect(d).toHaveAttribute('data-model', 'pretrained', SLOW);
});


test('a GPU lost while predicting a stroke is reported, the drawing kept, and a restart recognises it again', async ({ page }) => {
  test.setTimeout(300_000);
  const d = await openLesson(page);
  const canvas = d.getByTestId('draw-canvas');
  const seven = CASES.find((c) => c.digit === 7) ?? CASES[0];
  if (!seven) throw new Error('no test digit');
  await drawWithMouse(page, canvas, DIGITS[seven.digit] ?? [], seven.box);
  expect(await settledTop(d)).toBe(seven.digit);
  const tensors = Number(await d.getAttribute('data-tensors'));

  // In the middle of a stroke (predictions are being asked for), the GPU goes away.
  const r = await canvas.boundingBox();
  if (!r) throw new Error('the canvas is not visible');
  await page.mouse.move(r.x + r.width * 0.1, r.y + r.height * 0.9);
  await page.mouse.down();
  await page.mouse.move(r.x + r.width * 0.15, r.y + r.height * 0.9, { steps: 4 });
  await loseWorkerDevice(page, 'inference');
  await page.mouse.move(r.x + r.width * 0.2, r.y + r.height * 0.9, { steps: 4 });
  await page.mouse.up();

  // Said at once, nothing left pending, the drawing is still there.
  const alert = d.getByRole('alert');
  await expect(alert).toContainText('GPU が使えなくなりました', SLOW);
  await expect(d).toHaveAttribute('data-state', 'lost');
  await expect(d).toHaveAttribute('data-model', 'none');
  await expect(d).toHaveAttribute('data-empty', 'false');

  // Undo takes back the stroke drawn as the GPU went; a restart starts a fresh worker, loads the
  // model that was in use and judges the drawing again.
  await d.getByRole('button', { name: '1 つ戻す' }).click();
  await alert.getByRole('button', { name: 'もう一度始める' }).click();
  await expect(d).toHaveAttribute('data-state', 'ready', SLOW);
  await expect(d).toHaveAttribute('data-model', 'pretrained');
  await expect(d.getByRole('alert')).toHaveCount(0);
  expect(await settledTop(d)).toBe(seven.digit);
  // The fresh worker holds the model and nothing more, as the first one did.
  await expect(d).toHaveAttribute('data-tensors', String(tensors));
});
