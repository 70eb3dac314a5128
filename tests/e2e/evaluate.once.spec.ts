import { test, expect, lessonUrl, putStoredCheckpoint, readStoredCheckpoint, brokenCheckpoint } from './fixtures.ts';
import { SLOW, openLesson } from './evaluate-helpers.ts';

/** The evaluation lesson's handling of a broken stored model: independent of the GPU backend, run once. */


test('a corrupt stored model is reported with a retry, and left as it was', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(lessonUrl('evaluate'));
  const broken = brokenCheckpoint(3, 0.9876);
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
