import type { Locator, Page } from '@playwright/test';
import { test, expect, lessonUrl, expectAccessible, readStoredCheckpoint, holdRequests } from './fixtures.ts';

test.describe.configure({ timeout: 420_000 });
const LONG = { timeout: 300_000 };

const demo = (page: Page) => page.locator('section.training');

async function openAndConfigure(page: Page, backend: string) {
  await page.goto(lessonUrl('training'));
  const d = demo(page);
  await d.scrollIntoViewIfNeeded();
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', backend, LONG);
  // The deck's configuration is the default, and says so.
  await expect(d.getByTestId('config-kind')).toHaveText('元資料と同じ設定: 15 エポック・学習 54,000 枚・検証 6,000 枚・バッチサイズ 128');
  await d.getByLabel('エポック数').selectOption('2');
  await d.getByLabel('使う訓練画像').selectOption('300');
  await expect(d.getByTestId('config-kind')).toContainText('元資料の設定とは異なります');
  await expect(d.getByText('→ 学習 270 枚 + 検証 30 枚')).toBeVisible();
  return d;
}

const progressValue = (l: Locator) => l.evaluate((el) => (el as HTMLProgressElement).value);
const tensorsOf = async (d: Locator) => Number(await d.getAttribute('data-tensors'));

test('trains on a subset: loss falls, bars and charts advance, pause and resume, no leak', async ({ page }, testInfo) => {
  const d = await openAndConfigure(page, String(testInfo.project.metadata['backend']));
  await expect(d).toHaveAttribute('data-tensors', /\d+/);
  const tensorsBefore = await tensorsOf(d);

  await d.getByRole('button', { name: '学習を始める' }).click();
  const batchBar = d.getByTestId('batch-progress');
  await expect(batchBar).toHaveAttribute('max', '3', LONG);
  await expect.poll(() => progressValue(batchBar), LONG).toBeGreaterThanOrEqual(1);

  // Pause: the worker confirms, and the batch counter stands still until resumed.
  await d.getByRole('button', { name: '一時停止' }).click();
  await expect(d.getByTestId('training-status')).toContainText('一時停止中', LONG);
  const pausedText = await d.getByTestId('training-status').innerText();
  const heldBatch = await progressValue(batchBar);
  const heldHistory = await d.getByTestId('history-row').count();
  // Nothing to await here: the point is that time passes and nothing moves.
  await page.waitForTimeout(3_000);
  expect(await progressValue(batchBar)).toBe(heldBatch);
  expect(await d.getByTestId('history-row').count()).toBe(heldHistory);
  await expect(d.getByTestId('training-status')).toHaveText(pausedText);
  await d.getByRole('button', { name: '再開' }).click();

  // Both bars and both charts advance to the end of the run.
  await expect(d.getByTestId('training-status')).toContainText('学習が終わりました', LONG);
  await expect(d.getByTestId('epoch-progress')).toHaveAttribute('value', '2');
  expect(await progressValue(d.getByTestId('batch-progress'))).toBe(3);
  const rows = d.getByTestId('history-row');
  await expect(rows).toHaveCount(2);
  const loss = async (r: number) => Number(await rows.nth(r).locator('td').first().innerText());
  expect(await loss(1)).toBeLessThan(await loss(0));
  await expect(d.locator('polyline.series-train')).toHaveCount(2);
  const points = await d.locator('polyline.series-train').first().getAttribute('points');
  expect(points?.trim().split(' ')).toHaveLength(6);
  await expect(d.locator('.series-val circle')).toHaveCount(4);
  await expect(d.getByTestId('remaining')).toContainText('残り約');

  // The model, optimizer and every batch tensor are gone again.
  await expect.poll(() => tensorsOf(d)).toBe(tensorsBefore);
  await expectAccessible(page, 'section.training');
});

test('a reload in the middle resumes from the checkpoint with the epoch and history intact', async ({ page }, testInfo) => {
  const backend = String(testInfo.project.metadata['backend']);
  let d = await openAndConfigure(page, backend);
  await d.getByRole('button', { name: '学習を始める' }).click();
  await expect(d.getByTestId('history-row')).toHaveCount(1, LONG);
  const firstEpoch = (await d.getByTestId('history-row').first().textContent()) ?? '';
  // Give the page a moment to write the checkpoint it just received (IndexedDB), then reload.
  await expect.poll(async () => (await readStoredCheckpoint(page, 'run'))?.['completedEpochs']).toBe(1);
  await page.reload();
  d = demo(page);
  await d.scrollIntoViewIfNeeded();
  const offer = d.getByRole('region', { name: '前回の学習の続きがあります' });
  await expect(offer).toContainText('エポック 1 / 2 まで完了');
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', backend, LONG);
  await offer.getByRole('button', { name: '続きから再開' }).click();
  await expect(d.getByTestId('history-row').first()).toHaveText(firstEpoch);
  await expect(d.getByTestId('training-status')).toContainText('学習が終わりました (2 エポック)', LONG);
  await expect(d.getByTestId('history-row')).toHaveCount(2);
  await expect(d.getByTestId('history-row').first()).toHaveText(firstEpoch);
  // A finished run leaves nothing to resume after another reload.
  await page.reload();
  await demo(page).scrollIntoViewIfNeeded();
  await expect(demo(page).getByRole('button', { name: '学習を始める' })).toBeEnabled();
  await expect(demo(page).getByRole('region', { name: '前回の学習の続きがあります' })).toHaveCount(0);
});

test('on the CPU backend the page warns that a full run is impractical and proposes a subset', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'webgl', 'backend-independent: runs once');
  await page.goto(`${lessonUrl('training')}?backend=cpu`);
  const d = demo(page);
  await d.scrollIntoViewIfNeeded();
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', 'cpu', LONG);
  await expect(d).toContainText('元資料どおりの学習は現実的ではありません');
  await d.getByRole('button', { name: /小さなサブセット \(2,000 枚・3 エポック\) に切り替える/ }).click();
  await expect(d.getByLabel('エポック数')).toHaveValue('3');
  await expect(d.getByTestId('config-kind')).toContainText('元資料の設定とは異なります');
  await expect(d.getByText('→ 学習 1,800 枚 + 検証 200 枚')).toBeVisible();
});

test('the data download before training shows its progress and can be stopped', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'webgl', 'backend-independent: runs once');
  const release = await holdRequests(page, '**/data/mnist/train-images.bin');
  const d = await openAndConfigure(page, 'webgl');
  await d.getByRole('button', { name: '学習を始める' }).click();
  await expect(d.getByRole('progressbar', { name: 'MNIST データのダウンロード' })).toBeVisible(LONG);
  await expect(d.getByText(/^[\d.]+ [kM]?B \/ 9\.\d MB \(\d+%\)$/)).toBeVisible();
  await d.getByRole('button', { name: '停止', exact: true }).click();
  await expect(d.getByTestId('training-status')).toContainText('停止しました', LONG);
  await release();
  await expect(d.getByRole('button', { name: '学習を始める' })).toBeEnabled();
});

test('a lost GPU stops training with a clear message and keeps the last saved epoch', async ({ page }, testInfo) => {
  const backend = String(testInfo.project.metadata['backend']);
  let d = await openAndConfigure(page, backend);
  await d.getByRole('button', { name: '学習を始める' }).click();
  await expect(d.getByTestId('history-row')).toHaveCount(1, LONG);
  await expect.poll(async () => (await readStoredCheckpoint(page, 'run'))?.['completedEpochs']).toBe(1);
  await page.evaluate(() => {
    (globalThis as unknown as { __cnnCourseTraining: { loseDevice(): void } }).__cnnCourseTraining.loseDevice();
  });
  await expect(d.getByRole('alert')).toContainText('GPU が使えなくなりました', LONG);
  expect((await readStoredCheckpoint(page, 'run'))?.['completedEpochs']).toBe(1);
  // The saved epoch is offered again, on a fresh worker.
  await page.reload();
  d = demo(page);
  await d.scrollIntoViewIfNeeded();
  await expect(d.getByRole('region', { name: '前回の学習の続きがあります' })).toContainText('エポック 1 / 2 まで完了');
});
