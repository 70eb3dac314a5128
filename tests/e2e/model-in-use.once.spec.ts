import { test, expect, lessonUrl, putStoredCheckpoint, readStoredCheckpoint, brokenCheckpoint, loseWorkerDevice } from './fixtures.ts';

/**
 * The model in use of the chapter 3 demos (src/components/model/): on the flatten lesson, whose
 * one demo reads a real digit's activations from it. Backend-independent: run once.
 */
const SLOW = { timeout: 120_000 };

test("a broken stored model is not used: the shipped one is, said so, and the stored one is left alone", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(lessonUrl('flatten'));
  await putStoredCheckpoint(page, 'trained', brokenCheckpoint(3, 0.9876));
  const before = JSON.stringify(await readStoredCheckpoint(page, 'trained'));
  await page.reload();
  const model = page.locator('.model-in-use');
  await model.scrollIntoViewIfNeeded();
  await expect(model).toHaveAttribute('data-phase', 'ready', SLOW);
  await expect(model).toHaveAttribute('data-kind', 'pretrained');
  await expect(model).toContainText('保存されていたあなたのモデルは使えなかったため');
  await expect(model).toContainText('保存されたモデルが壊れているか');
  expect(JSON.stringify(await readStoredCheckpoint(page, 'trained'))).toBe(before);
});

test('a lost GPU device stops the model with a message, and retrying brings it back', async ({ page }) => {
  test.setTimeout(180_000);
  // A GPU to lose: WebGL asked for (on a machine with only a software GPU the page would pick WebAssembly).
  await page.goto(`${lessonUrl('flatten')}?backend=webgl`);
  const model = page.locator('.model-in-use');
  await model.scrollIntoViewIfNeeded();
  await expect(model).toHaveAttribute('data-phase', 'ready', SLOW);
  await expect(model).toHaveAttribute('data-kind', 'pretrained');
  await expect(model).toContainText('サイトに同梱の学習済みモデル');
  await expect(model.locator('.backend-badge')).not.toHaveAttribute('data-backend', 'loading');
  await loseWorkerDevice(page, 'inference');
  await expect(model).toHaveAttribute('data-phase', 'lost');
  const alert = model.getByRole('alert');
  await expect(alert).toContainText('GPU が使えなくなり');
  await alert.getByRole('button', { name: 'もう一度準備する' }).click();
  await expect(model).toHaveAttribute('data-phase', 'ready', SLOW);
  await expect(model.getByRole('alert')).toHaveCount(0);
});
