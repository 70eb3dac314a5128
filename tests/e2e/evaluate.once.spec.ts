import type { Locator, Page } from '@playwright/test';
import { test, expect, lessonUrl, putStoredCheckpoint, readStoredCheckpoint } from './fixtures.ts';

/** The evaluation lesson's handling of a broken stored model: independent of the GPU backend, run once. */

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
