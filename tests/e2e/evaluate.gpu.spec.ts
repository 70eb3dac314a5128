import type { Locator, Page } from '@playwright/test';
import { test, expect, lessonUrl, expectAccessible, putStoredCheckpoint, readStoredCheckpoint } from './fixtures.ts';

/** Evaluation runs on the emulated GPU of the test machine: slow, so the waits are generous. */
const SLOW = { timeout: 180_000 };

const demo = (page: Page) => page.locator('section.evaluate');

async function openLesson(page: Page): Promise<Locator> {
  await page.goto(lessonUrl('evaluate'));
  const d = demo(page);
  await d.scrollIntoViewIfNeeded();
  // Enabled once hydrated and a model is available.
  await expect(d.getByRole('button', { name: '評価する', exact: true })).toBeEnabled({ timeout: 60_000 });
  return d;
}

/** Clicks 評価する and waits for the results and the worker's tensor count after them. */
async function evaluateOnce(d: Locator, runs: number): Promise<number> {
  const button = d.getByRole('button', { name: '評価する', exact: true });
  await button.click();
  await expect(button).toBeDisabled();
  await expect(d).toHaveAttribute('data-runs', String(runs), SLOW);
  await expect(d).toHaveAttribute('data-state', 'done', SLOW);
  return Number(await d.getAttribute('data-tensors'));
}

test('evaluates the pre-trained model on 100 test images: scores, confusion matrix, mistakes, no leak', async ({ page }, testInfo) => {
  test.setTimeout(600_000);
  const expected = String(testInfo.project.metadata['backend']);
  const d = await openLesson(page);

  // Nothing trained in this fresh browser: the learner's model cannot be chosen, and says where to train one.
  await expect(d.getByRole('radio', { name: /このページで学習したモデル/ })).toBeDisabled();
  await expect(d.getByRole('link', { name: '学習の実行' })).toHaveAttribute('href', '../training/');
  const pretrained = d.getByRole('radio', { name: /サイトに同梱の学習済みモデル/ });
  await expect(pretrained).toBeChecked();
  await pretrained.check();
  await expect(d.getByTestId('pretrained-info')).toHaveText(/^エポック \d+・テスト正解率 \d+\.\d\d%$/);

  const select = d.getByLabel('評価に使うテスト画像');
  await expect(select).toHaveValue('all');
  await expect(select.locator('option')).toHaveText(['10,000 枚 (すべて)', '1,000 枚 (手早く確かめる)', '100 枚 (手早く確かめる)']);
  await select.selectOption('100');

  const button = d.getByRole('button', { name: '評価する', exact: true });
  await button.click();
  await expect(button).toBeDisabled();
  await expect(d.getByRole('progressbar').first()).toBeVisible();
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', expected, SLOW);
  await expect(d).toHaveAttribute('data-runs', '1', SLOW);
  await expect(d).toHaveAttribute('data-state', 'done', SLOW);
  await expect(button).toBeEnabled();
  const tensorsAfterFirst = Number(await d.getAttribute('data-tensors'));
  expect(Number.isInteger(tensorsAfterFirst)).toBe(true);

  // Loss with 4 decimals, accuracy as a percentage above chance (the shipped placeholder model is weak).
  await expect(d.getByTestId('test-loss')).toHaveText(/^\d+\.\d{4}$/);
  const accuracyText = await d.getByTestId('test-accuracy').innerText();
  expect(accuracyText).toMatch(/^\d+\.\d\d%$/);
  const accuracy = parseFloat(accuracyText);
  expect(accuracy).toBeGreaterThan(10);

  // The confusion matrix: 10×10 cells summing to the 100 images, its diagonal giving the accuracy.
  const table = d.getByRole('table', { name: /混同行列/ });
  await expect(table.locator('thead th[scope="col"]')).toHaveCount(11);
  await expect(table.locator('tbody th[scope="row"]')).toHaveCount(10);
  const cells = (await d.getByTestId('confusion-cell').allInnerTexts()).map(Number);
  expect(cells).toHaveLength(100);
  expect(cells.reduce((a, b) => a + b, 0)).toBe(100);
  const correct = cells.filter((_, i) => i % 11 === 0).reduce((a, b) => a + b, 0);
  expect(correct).toBe(Math.round(accuracy));

  await expect(d.getByTestId('per-class')).toHaveCount(10);
  const wrong = 100 - correct;

  // The gallery: misclassified images, true label and prediction differing.
  const items = d.getByTestId('gallery-item');
  await expect(items).toHaveCount(Math.min(24, wrong));
  for (const item of await items.all()) {
    const label = await item.getAttribute('data-label');
    const predicted = await item.getAttribute('data-predicted');
    expect(label).not.toBe(predicted);
    await expect(item).toContainText(`正解 ${label ?? ''} / 予測 ${predicted ?? ''}`);
  }
  if (wrong > 0) {
    // The most frequent confusion, and its cell shows only its images.
    const top = d.getByTestId('top-confusion').first();
    const [, l, p, n] = /^(\d) を (\d) と間違えた: (\d+) 回$/.exec(await top.innerText()) ?? [];
    await d.getByRole('button', { name: `正解 ${l ?? ''}・予測 ${p ?? ''}: ${n ?? ''} 枚の画像を表示` }).click();
    await expect(items).toHaveCount(Math.min(24, Number(n)));
    for (const item of await items.all()) {
      await expect(item).toHaveAttribute('data-label', l ?? '');
      await expect(item).toHaveAttribute('data-predicted', p ?? '');
    }
    await d.getByRole('button', { name: 'すべての間違いを表示' }).click();
    await expect(items).toHaveCount(Math.min(24, wrong));
  }

  // The results meet contrast and table rules in both themes.
  await expectAccessible(page, 'section.evaluate');

  // A second run gives the same numbers and leaves the worker with as many tensors as before.
  const tensorsAfterSecond = await evaluateOnce(d, 2);
  expect(tensorsAfterSecond).toBe(tensorsAfterFirst);
  await expect(d.getByTestId('test-accuracy')).toHaveText(accuracyText);
});

test('a corrupt stored model is reported with a retry, and left as it was', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(lessonUrl('evaluate'));
  // A 'trained' checkpoint of this course's format whose weights do not fit the CNN.
  const broken = {
    format: 'cnn-course-checkpoint',
    version: 1,
    config: { batchSize: 128, epochs: 3, validationSplit: 0.1, seed: 1, trainLimit: null },
    completedEpochs: 3,
    history: [{ epoch: 2, loss: 0.05, accuracy: 0.98, valLoss: 0.04, valAccuracy: 0.9876, seconds: 30 }],
    weights: [{ name: 'broken', shape: [2, 2], data: [1, 2, 3, 4] }],
    optimizer: [],
    backend: 'webgl',
    savedAt: '2026-11-29T13:23:00.000Z',
  };
  const seed = async () => {
    await putStoredCheckpoint(page, 'trained', broken);
    return JSON.stringify(await readStoredCheckpoint(page, 'trained'));
  };
  const read = async () => JSON.stringify(await readStoredCheckpoint(page, 'trained'));
  const stored = await seed();
  const d = await openLesson(page);
  const button = d.getByRole('button', { name: '評価する', exact: true });

  // The learner's model is found and chosen by default, with its epochs and save time.
  const learner = d.getByRole('radio', { name: /このページで学習したモデル/ });
  await expect(learner).toBeEnabled();
  await expect(learner).toBeChecked();
  await expect(d.locator('#evaluate-learner-info')).toContainText('エポック 3・検証正解率 98.76%');
  await d.getByLabel('評価に使うテスト画像').selectOption('100');
  await button.click();
  const alert = d.getByRole('alert');
  await expect(alert).toContainText('保存されたモデルが壊れているか', SLOW);
  const retry = alert.getByRole('button', { name: '再試行' });
  await expect(retry).toBeEnabled();
  await retry.click();
  await expect(d.getByRole('alert')).toContainText('保存されたモデルが壊れているか', SLOW);
  await expect(d.getByRole('alert').getByRole('button', { name: '再試行' })).toBeEnabled();
  expect(await read()).toBe(stored);
});
