import { test, expect, lessonUrl, readStoredCheckpoint } from './fixtures.ts';
import { DIGITS, SLOW, drawWithMouse, settledTop, demo as drawDemo } from './draw-helpers.ts';
import { referenceAccuracy } from './reference.ts';

/**
 * The real hand-off between lessons: a short run trained in 3-10 is the model that 3-11
 * evaluates and that 4 draws with. Nothing is seeded: whatever format the training lesson
 * stores is what the other two must read. Run once (on WebGL): the GPU backends are covered by
 * each lesson's own tests.
 */
test('a model trained in 3-10 is the one evaluated in 3-11 and used for drawing in 4', async ({ page }) => {
  test.setTimeout(600_000);
  const LONG = { timeout: 300_000 };

  // 3-10: a short run (300 images, 2 epochs).
  await page.goto(lessonUrl('training'));
  const training = page.locator('section.training');
  await training.scrollIntoViewIfNeeded();
  await expect(training.locator('.backend-badge')).toHaveAttribute('data-backend', /webgpu|webgl|wasm/, LONG);
  await training.getByLabel('エポック数').selectOption('2');
  await training.getByLabel('使う学習用画像').selectOption('300');
  await training.getByRole('button', { name: '学習を始める' }).click();
  await expect(training.getByTestId('training-status')).toContainText('学習が終わりました（2 エポック）', LONG);
  await expect.poll(async () => (await readStoredCheckpoint(page, 'trained'))?.['completedEpochs']).toBe(2);
  const trained = await readStoredCheckpoint(page, 'trained');
  if (!trained) throw new Error('the training lesson stored no model');
  const valAccuracy = await training.getByTestId('history-row').nth(1).locator('td').nth(3).innerText();
  const learnerInfo = `エポック 2・検証正解率 ${(Number(valAccuracy) * 100).toFixed(2)}%`;
  // What this model scores on the first 100 test images, computed here on the CPU from its weights.
  const expected = await referenceAccuracy(trained, 100);

  // 3-11: the learner's model is found, chosen, and is the one evaluated.
  await page.goto(lessonUrl('evaluate'));
  const evaluation = page.locator('section.evaluate');
  await evaluation.scrollIntoViewIfNeeded();
  const learner = evaluation.getByRole('radio', { name: /このページで学習したモデル/ });
  await expect(learner).toBeChecked(SLOW);
  await expect(evaluation.locator('#evaluate-learner-info')).toContainText(learnerInfo);
  await evaluation.getByLabel('評価に使うテスト画像').selectOption('100');
  const run = async (runs: number) => {
    await evaluation.getByRole('button', { name: '評価する', exact: true }).click();
    await expect(evaluation).toHaveAttribute('data-runs', String(runs), LONG);
    await expect(evaluation).toHaveAttribute('data-state', 'done', LONG);
    return parseFloat(await evaluation.getByTestId('test-accuracy').innerText());
  };
  const learnerAccuracy = await run(1);
  // GPU and CPU may round a borderline image differently: within two images of 100.
  expect(Math.abs(learnerAccuracy - expected * 100)).toBeLessThanOrEqual(2);
  await evaluation.getByRole('radio', { name: /サイトに同梱の学習済みモデル/ }).check();
  const shippedAccuracy = await run(2);
  expect(shippedAccuracy).toBeGreaterThanOrEqual(95);
  expect(learnerAccuracy).toBeLessThan(shippedAccuracy);

  // 4: the drawing lesson uses it by default; switching models changes the prediction.
  await page.goto(lessonUrl('draw'));
  const draw = drawDemo(page);
  await draw.scrollIntoViewIfNeeded();
  await expect(draw).toHaveAttribute('data-state', 'ready', SLOW);
  await expect(draw).toHaveAttribute('data-model', 'learner');
  await expect(draw.getByRole('radio', { name: 'このページで学習したモデル' })).toBeChecked();
  await expect(draw.locator('#draw-learner-info')).toHaveText(learnerInfo);
  await drawWithMouse(page, draw.getByTestId('draw-canvas'), DIGITS[0] ?? [], [0.2, 0.2, 0.5, 0.6]);
  await settledTop(draw);
  const percents = () => draw.locator('.draw__percent').allInnerTexts();
  const learnerPercents = await percents();

  await draw.getByRole('radio', { name: 'サイトに同梱の学習済みモデル' }).check();
  await expect(draw).toHaveAttribute('data-model', 'pretrained', SLOW);
  await expect(draw.getByTestId('model-in-use')).toContainText(/テスト正解率/);
  await settledTop(draw);
  await expect.poll(percents, SLOW).not.toEqual(learnerPercents);
  // The shipped model reads a clear 0 as a 0.
  expect(await settledTop(draw)).toBe(0);

  await draw.getByRole('radio', { name: 'このページで学習したモデル' }).check();
  await expect(draw).toHaveAttribute('data-model', 'learner', SLOW);
  await settledTop(draw);
  await expect.poll(percents, SLOW).toEqual(learnerPercents);
});
