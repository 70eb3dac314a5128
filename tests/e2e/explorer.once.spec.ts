import type { Page } from '@playwright/test';
import { test, expect, lessonUrl, expectAccessible, holdRequests } from './fixtures.ts';

const explorer = (page: Page) => page.locator('section.explorer');

async function openLesson(page: Page) {
  await page.goto(lessonUrl('colab-mnist'));
  await explorer(page).scrollIntoViewIfNeeded();
}

test('downloads the real MNIST with progress, browses, filters and counts it', async ({ page }) => {
  // Downloads and parses the whole set (9.6 MB): near a minute on a busy 2-core machine.
  test.setTimeout(150_000);
  const assetRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.bin')) assetRequests.push(r.url());
  });
  await openLesson(page);
  const ex = explorer(page);
  const load = ex.getByRole('button', { name: /MNIST データを読み込む \(9\.\d MB\)/ });
  await load.click();
  // The bar reaches the end: the last progress text reads total / total (100%).
  await expect(ex.getByTestId('explorer-label')).toHaveText('5', { timeout: 60_000 }); // training image 0 is a 5
  expect(new Set(assetRequests.map((u) => u.split('/').pop()))).toEqual(new Set(['train-images.bin', 'train-labels.bin', 'test-images.bin', 'test-labels.bin']));
  await expect(ex.getByTestId('count-train')).toHaveText('60,000 枚');
  await expect(ex.getByTestId('count-test')).toHaveText('10,000 枚');

  // The label distribution of the training set, read from the data.
  const counts = await ex.getByTestId('class-count').locator('td').allInnerTexts();
  expect(counts.map(Number)).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
  await expect(ex.getByTestId('distribution-total')).toHaveText('合計 60,000 枚');

  // The test set's image 0 is a 7.
  await ex.getByRole('radio', { name: /テストデータ/ }).check();
  await expect(ex.getByTestId('explorer-index')).toHaveText('0');
  await expect(ex.getByTestId('explorer-label')).toHaveText('7');

  // Filter by label, then step with the keyboard: every image shown is a 3, indices increase.
  await ex.getByLabel('ラベルで絞り込む').selectOption('3');
  await expect(ex.getByTestId('explorer-label')).toHaveText('3');
  const first = Number(await ex.getByTestId('explorer-index').innerText());
  await ex.locator('.explorer__image').focus();
  await page.keyboard.press('ArrowRight');
  await expect(ex.getByTestId('explorer-index')).not.toHaveText(String(first));
  expect(Number(await ex.getByTestId('explorer-index').innerText())).toBeGreaterThan(first);
  await expect(ex.getByTestId('explorer-label')).toHaveText('3');
  await expect(ex.getByText(/絞り込み結果 2 \/ 1,010/)).toBeVisible(); // 1,010 threes among the test images

  // Jump to an index; nonsense gets a message, not a crash.
  const input = ex.getByLabel(/画像の番号/);
  await input.fill('abc');
  await input.press('Enter');
  await expect(ex.getByRole('alert')).toContainText('0 から 9,999 までの整数');
  await input.fill('9999');
  await input.press('Enter');
  await expect(ex.getByTestId('explorer-index')).toHaveText('9999');

  // The pixel table shows the 784 values 0–255 of the image.
  await ex.getByText('ピクセル値を表で見る').click();
  const cells = ex.locator('.pixel-table td');
  await expect(cells).toHaveCount(784);
  const values = (await cells.allInnerTexts()).map(Number);
  expect(Math.max(...values)).toBeLessThanOrEqual(255);
  expect(Math.max(...values)).toBeGreaterThan(100);
  await expectAccessible(page, 'section.explorer');

  // A reload finds the data in Cache Storage: the explorer comes back with no data download.
  assetRequests.length = 0;
  await page.reload();
  await explorer(page).scrollIntoViewIfNeeded();
  await expect(explorer(page).getByTestId('explorer-label')).toHaveText('5', { timeout: 60_000 });
  expect(assetRequests).toEqual([]);
});

test('a corrupted asset shows a clear error, and retry recovers once it is good', async ({ page }) => {
  await page.route('**/data/mnist/test-labels.bin', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('this is not MNIST') }));
  await openLesson(page);
  const ex = explorer(page);
  await ex.getByRole('button', { name: /MNIST データを読み込む \(9\.\d MB\)/ }).click();
  const alert = ex.getByRole('alert');
  await expect(alert).toContainText('壊れていました', { timeout: 60_000 });
  await expect(alert).toContainText('test-labels.bin');
  await page.unroute('**/data/mnist/test-labels.bin');
  await ex.getByRole('button', { name: '再試行' }).click();
  await expect(ex.getByTestId('explorer-label')).toHaveText('5', { timeout: 60_000 });
});

test('the download can be cancelled and started again', async ({ page }) => {
  const release = await holdRequests(page, '**/data/mnist/train-images.bin');
  await openLesson(page);
  const ex = explorer(page);
  await ex.getByRole('button', { name: /MNIST データを読み込む \(9\.\d MB\)/ }).click();
  await expect(ex.getByRole('progressbar', { name: 'MNIST データのダウンロード' })).toBeVisible();
  await expect(ex.getByText(/^[\d.]+ [kM]?B \/ 9\.\d MB \(\d+%\)$/)).toBeVisible();
  await ex.getByRole('button', { name: 'キャンセル' }).click();
  await expect(ex.getByRole('status')).toHaveText('ダウンロードをキャンセルしました。');
  await release();
  await ex.getByRole('button', { name: /MNIST データを読み込む \(9\.\d MB\)/ }).click();
  await expect(ex.getByTestId('explorer-label')).toHaveText('5', { timeout: 60_000 });
});
