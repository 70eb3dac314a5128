import { readFileSync } from 'node:fs';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible, lessonUrl, putStoredCheckpoint } from './fixtures.ts';

/** Inference runs on the emulated GPU of the test machine: the waits are generous. */
const SLOW = { timeout: 120_000 };

type Path = readonly (readonly [number, number])[];

/**
 * Digits as strokes in a unit box (x right, y down), drawn the way MNIST's writers drew them:
 * a plain 1, an open-topped 4 and a 7 without a cross-bar.
 */
const ellipse = (n: number): Path => Array.from({ length: n + 1 }, (_, i) => [0.5 + 0.5 * Math.sin((2 * Math.PI * i) / n), 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n)] as const);
const DIGITS: Record<number, readonly Path[]> = {
  0: [ellipse(36)],
  1: [[[0.7, 0], [0.3, 1]]],
  2: [[[0.05, 0.3], [0.2, 0.07], [0.5, 0], [0.8, 0.08], [0.9, 0.3], [0.75, 0.55], [0.4, 0.8], [0.05, 1], [0.5, 0.98], [1, 0.98]]],
  3: [[[0.05, 0.12], [0.4, 0], [0.8, 0.08], [0.85, 0.3], [0.45, 0.48], [0.85, 0.62], [0.9, 0.85], [0.55, 1], [0.05, 0.9]]],
  4: [
    [[0.45, 0], [0.05, 0.62], [1, 0.62]],
    [[0.75, 0.25], [0.75, 1]],
  ],
  7: [[[0, 0.02], [1, 0], [0.35, 1]]],
};

/** Where and how large to draw, as fractions of the canvas: left, top, width, height. */
interface Placement {
  readonly digit: number;
  readonly box: readonly [number, number, number, number];
}

const CASES: readonly Placement[] = [
  { digit: 1, box: [0.42, 0.1, 0.14, 0.8] }, // large, centred
  { digit: 0, box: [0.05, 0.05, 0.3, 0.4] }, // small, top left
  { digit: 7, box: [0.45, 0.4, 0.45, 0.5] }, // medium, bottom right
  { digit: 4, box: [0.1, 0.15, 0.6, 0.75] }, // large, left
  { digit: 2, box: [0.6, 0.06, 0.3, 0.35] }, // small, top right
  { digit: 3, box: [0.1, 0.55, 0.3, 0.4] }, // small, bottom left
];

const demo = (page: Page) => page.getByTestId('draw-demo');

async function openLesson(page: Page): Promise<Locator> {
  await page.goto(lessonUrl('draw'));
  const d = demo(page);
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-state', 'ready', SLOW);
  return d;
}

/** Draws strokes with the mouse: down, moves in small steps, up. */
async function drawWithMouse(page: Page, canvas: Locator, strokes: readonly Path[], box: Placement['box']) {
  await canvas.scrollIntoViewIfNeeded();
  const r = await canvas.boundingBox();
  if (!r) throw new Error('the canvas is not visible');
  const at = ([u, v]: readonly [number, number]) => ({ x: r.x + (box[0] + u * box[2]) * r.width, y: r.y + (box[1] + v * box[3]) * r.height });
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    let p = at(first);
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    for (const point of rest) {
      const q = at(point);
      await page.mouse.move(q.x, q.y, { steps: Math.max(1, Math.round(Math.hypot(q.x - p.x, q.y - p.y) / 6)) });
      p = q;
    }
    await page.mouse.up();
  }
}

/** Waits for the prediction of the finished drawing and returns its top digit. */
async function settledTop(d: Locator): Promise<number> {
  await expect(d).toHaveAttribute('data-empty', 'false');
  await expect(d).toHaveAttribute('data-settled', 'true', SLOW);
  await expect(d.getByTestId('announcement')).toHaveText(/^判定は \d、確率 \d+%$/, SLOW);
  return Number(await d.getAttribute('data-top'));
}

const clearButton = (d: Locator) => d.getByRole('button', { name: 'すべて消す' });

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

test('clear and undo: an empty canvas shows the hint, not a prediction', async ({ page }) => {
  test.setTimeout(180_000);
  const d = await openLesson(page);
  const canvas = d.getByTestId('draw-canvas');
  const undo = d.getByRole('button', { name: '1 つ戻す' });
  await expect(undo).toBeDisabled();
  await expect(clearButton(d)).toBeDisabled();
  await expect(d.getByTestId('draw-hint')).toHaveText('数字を書くと、ここに判定が表示されます。');
  await expect(d.locator('.draw__bars')).toHaveCount(0);

  await drawWithMouse(page, canvas, DIGITS[4] ?? [], [0.2, 0.2, 0.6, 0.6]);
  await settledTop(d);
  await expect(d.locator('.draw__bar-row')).toHaveCount(10);
  await expect(d.getByTestId('draw-hint')).toHaveCount(0);

  // Undo removes the last stroke; the first is still there and judged.
  await undo.click();
  await expect(d).toHaveAttribute('data-empty', 'false');
  await settledTop(d);
  await undo.click();
  await expect(d).toHaveAttribute('data-empty', 'true');
  await expect(d.getByTestId('draw-hint')).toBeVisible();
  await expect(d.locator('.draw__bars')).toHaveCount(0);
  await expect(d.getByTestId('announcement')).toHaveText('キャンバスは空です。');

  await drawWithMouse(page, canvas, DIGITS[7] ?? [], [0.2, 0.2, 0.6, 0.6]);
  await settledTop(d);
  await clearButton(d).click();
  await expect(d).toHaveAttribute('data-empty', 'true');
  await expect(d).toHaveAttribute('data-top', '');
  await expect(d.getByTestId('draw-hint')).toBeVisible();
  await expect(d.locator('.draw__bars')).toHaveCount(0);
  await expect(d.getByTestId('announcement')).toHaveText('キャンバスは空です。');
  await expect(clearButton(d)).toBeDisabled();

  // The demo meets contrast and labelling rules with a prediction on screen, in both themes.
  await drawWithMouse(page, canvas, DIGITS[0] ?? [], [0.2, 0.2, 0.6, 0.6]);
  await settledTop(d);
  await expectAccessible(page, '[data-testid="draw-demo"]');
});

test.describe('touch', () => {
  test.use({ hasTouch: true });

  test('drawing with a finger does not scroll the page', async ({ page }) => {
    test.setTimeout(180_000);
    const d = await openLesson(page);
    const canvas = d.getByTestId('draw-canvas');
    await canvas.evaluate((el) => {
      el.scrollIntoView({ block: 'center' });
    });
    const cdp = await page.context().newCDPSession(page);
    const swipe = async (x: number, y0: number, y1: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
      for (let i = 1; i <= 12; i++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + ((y1 - y0) * i) / 12 }] });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const scrollY = () => page.evaluate(() => window.scrollY);
    const before = await scrollY();
    expect(before).toBeGreaterThan(0);
    const pointerTypes = await page.evaluate(() => {
      const seen: string[] = [];
      document.querySelector('[data-testid="draw-canvas"]')?.addEventListener('pointerdown', (e) => seen.push((e as PointerEvent).pointerType));
      (globalThis as unknown as { __seen: string[] }).__seen = seen;
      return seen;
    });
    expect(pointerTypes).toEqual([]);

    // An upward swipe on the canvas: a stroke, and the page stays where it is.
    const r = await canvas.boundingBox();
    if (!r) throw new Error('the canvas is not visible');
    await swipe(r.x + r.width / 2, r.y + r.height * 0.85, r.y + r.height * 0.15);
    await expect(d).toHaveAttribute('data-empty', 'false');
    await settledTop(d);
    expect(await scrollY()).toBe(before);
    expect(await page.evaluate(() => (globalThis as unknown as { __seen: string[] }).__seen)).toEqual(['touch']);
    await expect(d.getByTestId('step-scaled-detail')).toHaveText(/^\d+×20 ピクセル/); // a vertical line: tall

    // The same swipe beside the canvas scrolls the page (so the check above can fail).
    await swipe(r.x + r.width + 30, r.y + r.height * 0.85, r.y + r.height * 0.15);
    await expect.poll(scrollY).not.toBe(before);
  });
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

test('a garbage or wrongly shaped import is refused and the model in use is unchanged', async ({ page }) => {
  test.setTimeout(240_000);
  const d = await openLesson(page);
  const inUse = await d.getByTestId('model-in-use').innerText();
  const input = d.getByLabel(/ファイルからモデルを読み込む/);
  const alert = d.getByRole('alert');

  // Not JSON at all.
  await input.setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('this is not a model \u0000\u0001') },
    { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([1, 2, 3, 4]) },
  ]);
  await expect(alert).toContainText('model.json が JSON ではありません', SLOW);
  await expect(alert).toContainText('使用中のモデル (サイトに同梱の学習済みモデル) はそのままです');
  await expect(d).toHaveAttribute('data-model', 'pretrained');
  await expect(d.getByTestId('model-in-use')).toHaveText(inUse);

  // One file only.
  await input.setInputFiles([{ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('{}') }]);
  await expect(alert).toContainText('2 つ選んでください');

  // A real tfjs model of another shape: the first layer with 16 filters instead of 32.
  const json = (await (await page.request.get('models/pretrained/model.json')).json()) as {
    modelTopology: { config: { layers: { class_name: string; config: { filters?: number } }[] } };
    weightsManifest: { weights: { shape: number[] }[] }[];
  };
  const firstConv = json.modelTopology.config.layers.find((l) => l.class_name === 'Conv2D');
  if (firstConv) firstConv.config.filters = 16;
  const specs = json.weightsManifest.flatMap((g) => g.weights);
  const [kernel, bias, kernel2] = specs;
  if (!kernel || !bias || !kernel2) throw new Error('unexpected model.json');
  kernel.shape = [3, 3, 1, 16];
  bias.shape = [16];
  kernel2.shape = [3, 3, 16, 64];
  const floats = specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);
  await input.setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) },
    { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(floats * 4) },
  ]);
  await expect(alert).toContainText('このコースの CNN とは形が違うモデルです', SLOW);
  await expect(alert).toContainText('[3, 3, 1, 16]');
  await expect(d).toHaveAttribute('data-model', 'pretrained');
  await expect(d.getByTestId('model-in-use')).toHaveText(inUse);
  await expect(d.getByRole('radio', { name: 'ファイルから読み込んだモデル' })).toHaveCount(0);

  // The model in use still predicts.
  await drawWithMouse(page, d.getByTestId('draw-canvas'), DIGITS[1] ?? [], [0.4, 0.1, 0.15, 0.8]);
  await settledTop(d);
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

/** The shipped model's files, as the server under test serves them. */
async function shippedModel(request: APIRequestContext) {
  const json = (await (await request.get('models/pretrained/model.json')).json()) as { weightsManifest: { weights: { name: string; shape: number[] }[] }[] };
  const bin = await (await request.get('models/pretrained/weights.bin')).body();
  return { json, bin };
}

/** Puts a checkpoint into the page's IndexedDB 'trained' slot, as lesson 3-10 does when a run finishes. */
async function seedTrained(page: Page, weights: { name: string; shape: number[]; data: number[] }[], valAccuracy: number) {
  await putStoredCheckpoint(page, 'trained', {
    format: 'cnn-course-checkpoint',
    version: 1,
    config: { batchSize: 128, epochs: 2, validationSplit: 0.1, seed: 1, trainLimit: null },
    completedEpochs: 2,
    history: [
      { epoch: 0, loss: 0.2, accuracy: 0.94, valLoss: 0.08, valAccuracy: 0.97, seconds: 30 },
      { epoch: 1, loss: 0.1, accuracy: 0.97, valLoss: 0.05, valAccuracy, seconds: 30 },
    ],
    weights,
    optimizer: [],
    backend: 'webgl',
    savedAt: '2026-11-29T13:23:00.000Z',
  });
}

test("uses the learner's trained model when there is one, and switches between the two", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(lessonUrl('draw'));
  // The learner's model: here the shipped weights, stored as lesson 3-10 stores a finished run.
  const { json, bin } = await shippedModel(page.request);
  const all = new Float32Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
  let offset = 0;
  const weights = json.weightsManifest.flatMap((g) => g.weights).map((w) => {
    const n = w.shape.reduce((a, b) => a * b, 1);
    const data = Array.from(all.subarray(offset, offset + n));
    offset += n;
    return { name: w.name, shape: w.shape, data };
  });
  await seedTrained(page, weights, 0.9876);
  const d = await openLesson(page);
  await expect(d).toHaveAttribute('data-model', 'learner');
  await expect(d.getByRole('radio', { name: 'このページで学習したモデル' })).toBeChecked();
  await expect(d.locator('#draw-learner-info')).toHaveText('エポック 2・検証正解率 98.76%');
  await expect(d.getByTestId('model-in-use')).toContainText('このページで学習したモデル (検証正解率 98.76%)');
  await drawWithMouse(page, d.getByTestId('draw-canvas'), DIGITS[0] ?? [], [0.2, 0.2, 0.5, 0.6]);
  const learnerTop = await settledTop(d);
  const learnerPercents = await d.locator('.draw__percent').allInnerTexts();

  await d.getByRole('radio', { name: 'サイトに同梱の学習済みモデル' }).check();
  await expect(d).toHaveAttribute('data-model', 'pretrained', SLOW);
  await expect(d.getByTestId('model-in-use')).toContainText(/テスト正解率/);
  expect(await settledTop(d)).toBe(learnerTop);
  expect(await d.locator('.draw__percent').allInnerTexts()).toEqual(learnerPercents);

  await d.getByRole('radio', { name: 'このページで学習したモデル' }).check();
  await expect(d).toHaveAttribute('data-model', 'learner', SLOW);
});

test("a broken stored model is reported and the shipped model is used instead", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(lessonUrl('draw'));
  await seedTrained(page, [{ name: 'broken', shape: [2, 2], data: [1, 2, 3, 4] }], 0.99);
  const d = await openLesson(page);
  await expect(d).toHaveAttribute('data-model', 'pretrained');
  await expect(d.getByRole('alert')).toContainText('保存されたモデルが壊れているか');
});
