import { test, expect, expectAccessible, lessonUrl, putStoredCheckpoint, brokenCheckpoint } from './fixtures.ts';
import { DIGITS, SLOW, clearButton, drawWithMouse, openLesson, settledTop } from './draw-helpers.ts';

/** The drawing lesson's input, refusals and fallbacks: independent of the GPU backend, run once. */

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
  await expect(alert).toContainText('使用中のモデル（サイトに同梱の学習済みモデル）はそのままです');
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

test("a broken stored model is reported and the shipped model is used instead", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(lessonUrl('draw'));
  await putStoredCheckpoint(page, 'trained', brokenCheckpoint(2, 0.99));
  const d = await openLesson(page);
  await expect(d).toHaveAttribute('data-model', 'pretrained');
  await expect(d.getByRole('alert')).toContainText('保存されたモデルが壊れているか');
});

test("one filter's weights as numbers: chosen by its number, on the filters' colour scale, bad input refused", async ({ page }) => {
  const d = await openLesson(page);
  const inspect = d.getByTestId('filter-inspect');
  await expect(inspect).toBeVisible();
  const weights = inspect.getByTestId('filter-weights');
  await expect(weights.locator('caption')).toHaveText('フィルタ 1 の重み (3×3)');
  const first = await weights.locator('.viz-matrix__value').allInnerTexts();
  expect(first).toHaveLength(9);
  for (const v of first) expect(Number.isFinite(Number(v))).toBe(true);
  await expect(inspect.getByTestId('filter-bias')).toHaveText(/^バイアス -?\d/);

  const field = inspect.getByRole('textbox', { name: 'フィルタの番号' });
  await field.fill('32');
  await expect(weights.locator('caption')).toHaveText('フィルタ 32 の重み (3×3)');
  const last = await weights.locator('.viz-matrix__value').allInnerTexts();
  expect(last).not.toEqual(first);
  // Out of range or not a number: said beside the field, and filter 32 stays shown.
  for (const bad of ['33', 'NaN', '1e999', '2.5']) {
    await field.fill(bad);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(inspect.locator('#draw-filter-message')).not.toBeEmpty();
    await expect(weights.locator('caption')).toHaveText('フィルタ 32 の重み (3×3)');
  }
  await field.fill('１');
  await expect(weights.locator('caption')).toHaveText('フィルタ 1 の重み (3×3)');
  expect(await weights.locator('.viz-matrix__value').allInnerTexts()).toEqual(first);
});
