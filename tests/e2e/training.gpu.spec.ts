import type { Locator, Page } from '@playwright/test';
import { test, expect, lessonUrl, expectAccessible, readStoredCheckpoint, holdRequests, trainingHooks, weightsSum, type CheckpointJson } from './fixtures.ts';

/**
 * The training lesson on each GPU backend. Every check of what happens while paused is made with
 * the run held by the worker itself (its acknowledgement, its own step counter), never by racing
 * the end of a run: the learner pauses while the data is still loading, so the run holds before
 * its first batch at any GPU speed, and "1 バッチ進める" moves it one known batch at a time.
 *
 * The run: 300 images, 2 epochs → 270 for training (3 batches of 128, 128, 14) and 30 for
 * validation; 6 Adam steps in all.
 */
test.describe.configure({ timeout: 420_000 });
const LONG = { timeout: 300_000 };
const BATCHES = 3;
const EPOCHS = 2;

const demo = (page: Page) => page.locator('section.training');
const status = (d: Locator) => d.getByTestId('training-status');
const stepOf = async (d: Locator) => Number(await d.getAttribute('data-step'));
const progressValue = (l: Locator) => l.evaluate((el) => (el as HTMLProgressElement).value);
const tensorsOf = async (d: Locator) => Number(await d.getAttribute('data-tensors'));

async function openAndConfigure(page: Page, backend: string) {
  await page.goto(lessonUrl('training'));
  const d = demo(page);
  await d.scrollIntoViewIfNeeded();
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', backend, LONG);
  // The deck's configuration is the default, and says so.
  await expect(d.getByTestId('config-kind')).toHaveText('元資料と同じ設定: 15 エポック・訓練 54,000 枚・検証 6,000 枚・バッチサイズ 128');
  await d.getByLabel('エポック数').selectOption(String(EPOCHS));
  await d.getByLabel('使う学習用画像').selectOption('300');
  await expect(d.getByTestId('config-kind')).toContainText('元資料の設定とは異なります');
  await expect(d.getByText('→ 訓練 270 枚 + 検証 30 枚')).toBeVisible();
  return d;
}

/** Clicks `start`, then pauses while the training images are held mid-download; then lets them through. */
async function pauseWhileLoading(page: Page, d: Locator, start: Locator) {
  const release = await holdRequests(page, '**/data/mnist/train-images.bin');
  await start.click();
  await expect(d.getByRole('progressbar', { name: 'MNIST データのダウンロード' })).toBeVisible(LONG);
  await d.getByRole('button', { name: '一時停止' }).click();
  await release();
}

/**
 * Starts the run and pauses it while the training images are still downloading (the download
 * is held until the pause is sent): the worker must then hold before the first batch.
 */
async function startPaused(page: Page, d: Locator) {
  await pauseWhileLoading(page, d, d.getByRole('button', { name: '学習を始める' }));
  await expect(status(d)).toHaveText('一時停止中（エポック 1 の最初のバッチの前）', LONG);
  expect(await stepOf(d)).toBe(0);
  await expect(d.getByTestId('adam-steps')).toHaveText('Adam の更新 0 回');
}

/** One click of "1 バッチ進める": the worker trains exactly one batch and holds again. */
async function stepOnce(d: Locator, expected: string, step: number) {
  await d.getByRole('button', { name: '1 バッチ進める' }).click();
  await expect(status(d)).toHaveText(expected, LONG);
  expect(await stepOf(d)).toBe(step);
}

/** From a fresh page: the first epoch trained batch by batch, validated and saved; the run holds. */
async function pauseAfterFirstEpoch(page: Page, backend: string): Promise<{ d: Locator; checkpoint: CheckpointJson }> {
  const d = await openAndConfigure(page, backend);
  await startPaused(page, d);
  await stepOnce(d, '一時停止中（エポック 1・バッチ 1 の後）', 1);
  await stepOnce(d, '一時停止中（エポック 1・バッチ 2 の後）', 2);
  // The epoch's last batch goes on to validation and the checkpoint, then holds before epoch 2.
  await stepOnce(d, '一時停止中（エポック 2 の最初のバッチの前）', BATCHES);
  await expect(d.getByTestId('history-row')).toHaveCount(1);
  await expect.poll(async () => (await readStoredCheckpoint(page, 'run'))?.['completedEpochs']).toBe(1);
  const checkpoint = await readStoredCheckpoint(page, 'run');
  if (!checkpoint) throw new Error('no checkpoint stored');
  return { d, checkpoint };
}

/** Adam's step count as the checkpoint stores it (the optimizer state's first value). */
const storedStep = (c: CheckpointJson) => c.optimizer[0]?.data[0];

test('trains on a subset: pause holds, one batch at a time, resume to the end, no leak', async ({ page }, testInfo) => {
  const d = await openAndConfigure(page, String(testInfo.project.metadata['backend']));
  await expect(d).toHaveAttribute('data-tensors', /\d+/);
  const tensorsBefore = await tensorsOf(d);
  await startPaused(page, d);
  const batchBar = d.getByTestId('batch-progress');
  await expect(batchBar).toHaveAttribute('max', String(BATCHES));
  expect(await progressValue(batchBar)).toBe(0);

  await stepOnce(d, '一時停止中（エポック 1・バッチ 1 の後）', 1);
  expect(await progressValue(batchBar)).toBe(1);
  await expect(d.getByTestId('adam-steps')).toHaveText('Adam の更新 1 回');

  // Paused, nothing moves: not the worker's step counter, not the bar, not the status, for as
  // long as one and a half of this machine's batches take (measured by the worker on the batch
  // it just ran): a run that went on would have finished its next batch by then.
  const batchMs = Number(await d.getAttribute('data-batch-ms'));
  expect(batchMs).toBeGreaterThan(0);
  const pausedText = await status(d).innerText();
  // Nothing to await: the point is that a known stretch of time passes and nothing moves.
  await page.waitForTimeout(1.5 * batchMs + 500);
  expect(await stepOf(d)).toBe(1);
  expect(await progressValue(batchBar)).toBe(1);
  await expect(status(d)).toHaveText(pausedText);
  await expect(d.getByTestId('history-row')).toHaveCount(0);

  await d.getByRole('button', { name: '再開' }).click();
  await expect(status(d)).toContainText('学習が終わりました', LONG);
  // Adam stepped once per batch: epochs × batches.
  expect(await stepOf(d)).toBe(EPOCHS * BATCHES);
  await expect(d.getByTestId('epoch-progress')).toHaveAttribute('value', String(EPOCHS));
  expect(await progressValue(batchBar)).toBe(BATCHES);
  const rows = d.getByTestId('history-row');
  await expect(rows).toHaveCount(EPOCHS);
  const loss = async (r: number) => Number(await rows.nth(r).locator('td').first().innerText());
  expect(await loss(1)).toBeLessThan(await loss(0));
  await expect(d.locator('polyline.series-train')).toHaveCount(2);
  const points = await d.locator('polyline.series-train').first().getAttribute('points');
  expect(points?.trim().split(' ')).toHaveLength(EPOCHS * BATCHES);
  await expect(d.locator('.series-val circle')).toHaveCount(4);
  await expect(d.getByTestId('remaining')).toContainText('残り約');

  // The finished model is kept for the evaluation and drawing lessons, the run's checkpoint is gone.
  await expect.poll(async () => (await readStoredCheckpoint(page, 'trained'))?.['completedEpochs']).toBe(EPOCHS);
  await expect.poll(() => readStoredCheckpoint(page, 'run')).toBeNull();

  // The model, optimizer and every batch tensor are gone again.
  await expect.poll(() => tensorsOf(d)).toBe(tensorsBefore);
  await expectAccessible(page, 'section.training');
});

test('a reload while paused resumes from the checkpoint: its weights, Adam step count and history', async ({ page }, testInfo) => {
  const backend = String(testInfo.project.metadata['backend']);
  const { d: before, checkpoint } = await pauseAfterFirstEpoch(page, backend);
  expect(storedStep(checkpoint)).toBe(BATCHES);
  const firstEpoch = (await before.getByTestId('history-row').first().textContent()) ?? '';

  await page.reload();
  const d = demo(page);
  await d.scrollIntoViewIfNeeded();
  const offer = d.getByRole('region', { name: '前回の学習の続きがあります' });
  await expect(offer).toContainText(`エポック 1 / ${EPOCHS} まで完了`);
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', backend, LONG);
  await offer.getByRole('button', { name: '続きから再開' }).click();

  // The worker starts from the saved weights and the saved Adam state, not from a fresh model.
  await expect(d).toHaveAttribute('data-weights-sum', /\d/, LONG);
  expect(Number(await d.getAttribute('data-weights-sum'))).toBeCloseTo(weightsSum(checkpoint), 3);
  await expect(d.getByTestId('history-row').first()).toHaveText(firstEpoch);
  await expect(status(d)).toContainText(`学習が終わりました（${EPOCHS} エポック）`, LONG);
  // Adam's state came back too: a fresh optimizer would end at 3 steps, the resumed one at 6.
  expect(await stepOf(d)).toBe(EPOCHS * BATCHES);
  await expect(d.getByTestId('history-row')).toHaveCount(EPOCHS);
  await expect(d.getByTestId('history-row').first()).toHaveText(firstEpoch);
  await expect.poll(async () => (await readStoredCheckpoint(page, 'trained'))?.['completedEpochs']).toBe(EPOCHS);
  const trained = await readStoredCheckpoint(page, 'trained');
  expect(trained && storedStep(trained)).toBe(EPOCHS * BATCHES);

  // A finished run leaves nothing to resume after another reload.
  await page.reload();
  await demo(page).scrollIntoViewIfNeeded();
  await expect(demo(page).getByRole('button', { name: '学習を始める' })).toBeEnabled();
  await expect(demo(page).getByRole('region', { name: '前回の学習の続きがあります' })).toHaveCount(0);
});

test('a NaN loss, then a GPU lost while paused: each stops with its message, the saved epoch is kept and offered', async ({ page }, testInfo) => {
  const backend = String(testInfo.project.metadata['backend']);
  const { d: before, checkpoint } = await pauseAfterFirstEpoch(page, backend);
  // The next batch starts from NaN weights, as a diverging run would produce them.
  await trainingHooks(page, 'diverge');
  await before.getByRole('button', { name: '再開' }).click();
  await expect(before.getByRole('alert')).toContainText('損失が正しい数値でなくなりました', LONG);
  // NaN on WebGL; on WebGPU the same weights give a negative "cross-entropy": both are caught.
  await expect(before.getByRole('alert')).toContainText(/the loss became (NaN|-[\d.]+, which a cross-entropy cannot be,) at epoch 2, batch 1/);
  // Nothing was saved from the broken run.
  expect(JSON.stringify(await readStoredCheckpoint(page, 'run'))).toBe(JSON.stringify(checkpoint));

  // The saved epoch is offered after a reload, and resuming starts from its weights and step count.
  await page.reload();
  const d = demo(page);
  await d.scrollIntoViewIfNeeded();
  const offer = d.getByRole('region', { name: '前回の学習の続きがあります' });
  await expect(offer).toContainText(`エポック 1 / ${EPOCHS} まで完了`);
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', backend, LONG);
  // Pause this run too while its data loads (from the network again: the stored copy is dropped).
  await page.evaluate(async () => {
    for (const key of await caches.keys()) await caches.delete(key);
  });
  await pauseWhileLoading(page, d, offer.getByRole('button', { name: '続きから再開' }));
  await expect(status(d)).toHaveText('一時停止中（エポック 2 の最初のバッチの前）', LONG);
  expect(await stepOf(d)).toBe(BATCHES);
  expect(Number(await d.getAttribute('data-weights-sum'))).toBeCloseTo(weightsSum(checkpoint), 3);

  // The GPU is lost while paused.
  await trainingHooks(page, 'loseDevice');
  await expect(d.getByRole('alert')).toContainText('GPU が使えなくなりました', LONG);
  expect(JSON.stringify(await readStoredCheckpoint(page, 'run'))).toBe(JSON.stringify(checkpoint));
  // The saved epoch is offered again, on a fresh worker.
  await page.reload();
  await demo(page).scrollIntoViewIfNeeded();
  await expect(demo(page).getByRole('region', { name: '前回の学習の続きがあります' })).toContainText(`エポック 1 / ${EPOCHS} まで完了`);

  // Until a run finishes, the drawing lesson offers this saved epoch as the learner's model, and says so.
  await page.goto(lessonUrl('draw'));
  const draw = page.getByTestId('draw-demo');
  await draw.scrollIntoViewIfNeeded();
  await expect(draw).toHaveAttribute('data-model', 'learner', LONG);
  await expect(draw.locator('#draw-learner-info')).toHaveText(new RegExp(`^途中で止めた学習: エポック 1 / ${EPOCHS}・検証正解率 \\d+\\.\\d\\d%$`));
});
