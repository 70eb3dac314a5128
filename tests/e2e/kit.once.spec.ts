import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures.ts';

/** The demo kit's gallery (src/tools/kit.astro, test build only): its worked example and its parts. */
const KIT = 'tools/kit/';
const EDGE = '-1,0,1,-1,0,1,-1,0,1';

async function openPlayground(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${KIT}${query}`);
  const d = page.getByTestId('kernel-playground');
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  return d;
}

/** The 6×6 output as shown in its table, row by row. */
const outputs = async (d: Locator) => (await d.getByTestId('playground-output').locator('tbody td').allInnerTexts()).map(Number);
const at = (values: readonly number[], row: number, col: number) => values[row * 6 + col];
/** Kernel cells are named by caption, row and column, 1-based. */
const kernelCell = (d: Locator, row: number, col: number) => d.getByRole('textbox', { name: `カーネル ${row} 行 ${col} 列` });

test('the kernel playground: paint, edit the kernel and the bias, refusals, state in the URL', async ({ page }) => {
  const d = await openPlayground(page);
  expect(await outputs(d)).toEqual(new Array<number>(36).fill(0));
  await expect(kernelCell(d, 2, 2)).toHaveValue('0');

  // Keyboard: the cursor starts on cell (4, 4) (0-based); space paints it. The edge kernel
  // [-1 0 1] shows up mirrored around it: +1 left of the painted column, −1 right of it.
  const grid = d.getByRole('application', { name: '8×8 のマス目' });
  await grid.focus();
  await page.keyboard.press('Space');
  await expect(d).toHaveAttribute('data-painted', '1');
  await expect(grid).toBeFocused();
  await expect.poll(() => outputs(d)).toEqual([
    [0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0],
    [0, 0, 1, 0, -1, 0],
    [0, 0, 1, 0, -1, 0],
    [0, 0, 1, 0, -1, 0],
    [0, 0, 0, 0, 0, 0],
  ].flat());

  // Mouse: a click paints cell (1, 1), which reaches outputs (0..1, 0..1).
  const box = await grid.boundingBox();
  if (!box) throw new Error('the grid is not visible');
  await page.mouse.click(box.x + (1.5 / 8) * box.width, box.y + (1.5 / 8) * box.height);
  await expect(d).toHaveAttribute('data-painted', '2');
  let out = await outputs(d);
  expect([at(out, 0, 0), at(out, 0, 1), at(out, 1, 0), at(out, 1, 1)]).toEqual([0, -1, 0, -1]);

  // Edit the kernel: the centre becomes 5; the arrow key moves to the cell on its right, typed in full-width digits.
  const centre = kernelCell(d, 2, 2);
  await centre.fill('5');
  await page.keyboard.press('ArrowRight');
  await expect(kernelCell(d, 2, 3)).toBeFocused();
  await page.keyboard.type('２');
  await expect.poll(async () => at(await outputs(d), 3, 3)).toBe(5);
  out = await outputs(d);
  expect([at(out, 3, 2), at(out, 0, 0), at(out, 0, 1), at(out, 1, 1)]).toEqual([2, 5, -1, -1]);

  // A kernel value out of range is refused, explained, and the last good value stays in use.
  await kernelCell(d, 1, 1).fill('99');
  await expect(kernelCell(d, 1, 1)).toHaveAttribute('aria-invalid', 'true');
  await expect(d.getByText('カーネル 1 行 1 列: -10 以上 10 以下の数を入力してください。値は -1 のままです')).toBeVisible();
  expect(await outputs(d)).toEqual(out);
  await page.keyboard.press('Escape');
  await expect(kernelCell(d, 1, 1)).toHaveValue('-1');
  await expect(kernelCell(d, 1, 1)).not.toHaveAttribute('aria-invalid', 'true');

  // The bias adds to every output.
  const bias = d.getByRole('textbox', { name: 'バイアス' });
  await bias.fill('0.5');
  await expect.poll(async () => at(await outputs(d), 5, 5)).toBe(0.5);
  expect(at(await outputs(d), 3, 3)).toBe(5.5);
  const good = await outputs(d);

  // NaN and a number too large to be finite are refused; the bias stays 0.5.
  for (const [text, why] of [['NaN', '数として読めません。'], ['1e999', '大きすぎる値や無限大は使えません。']] as const) {
    await bias.fill(text);
    await expect(bias).toHaveAttribute('aria-invalid', 'true');
    await expect(d.locator('#kernel-playground-bias-message')).toHaveText(`${why}値は 0.5 のままです（Esc で元に戻せます）。`);
    await expect(bias).toHaveAttribute('aria-describedby', 'kernel-playground-bias-message');
    expect(await outputs(d)).toEqual(good);
  }
  await bias.press('Escape');
  await expect(bias).toHaveValue('0.5');
  await expect(d.locator('#kernel-playground-bias-message')).toHaveText('');

  // Kernel and bias are in the URL (nothing else is), and come back on reload.
  await expect.poll(() => new URL(page.url()).search).toBe('?kernel=-1,0,1,-1,5,2,-1,0,1&bias=0.5');
  await page.reload();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  await expect(kernelCell(d, 2, 2)).toHaveValue('5');
  await expect(kernelCell(d, 2, 3)).toHaveValue('2');
  await expect(bias).toHaveValue('0.5');
  // The drawing is not part of the URL: an empty image gives the bias everywhere.
  await expect.poll(() => outputs(d)).toEqual(new Array<number>(36).fill(0.5));

  await expectAccessible(page, '[data-testid="kernel-playground"]');

  // Reset puts the defaults back and empties the query.
  await d.getByRole('button', { name: 'カーネルとバイアスを最初に戻す' }).click();
  await expect(kernelCell(d, 2, 2)).toHaveValue('0');
  await expect.poll(() => new URL(page.url()).search).toBe('');
});

test('garbage in the URL falls back to the defaults and leaves other parameters alone', async ({ page }) => {
  const d = await openPlayground(page, '?kernel=1,2,NaN&bias=1e999&backend=cpu');
  await expect(kernelCell(d, 1, 1)).toHaveValue('-1');
  await expect(kernelCell(d, 2, 2)).toHaveValue('0');
  await expect(d.getByRole('textbox', { name: 'バイアス' })).toHaveValue('0');
  await expect.poll(() => new URL(page.url()).search).toBe('?backend=cpu');

  // A valid kernel with a bad bias: the kernel is read, the bias is not.
  await openPlayground(page, `?kernel=${EDGE.replace('1', '2')}&bias=abc`);
  await expect(kernelCell(d, 1, 1)).toHaveValue('-2');
  await expect(d.getByRole('textbox', { name: 'バイアス' })).toHaveValue('0');
});

test('the parts gallery: every part renders and works in both themes', async ({ page }) => {
  await page.goto(KIT);
  const g = page.getByTestId('kit-gallery');
  await g.scrollIntoViewIfNeeded();
  await expect(g).toHaveAttribute('data-hydrated', 'true');

  // A full run's 6,330 points are drawn from at most 400; a single point is still visible.
  const points = await g.locator('polyline.series-train').first().getAttribute('points');
  expect(points?.split(' ').length).toBeLessThanOrEqual(400);
  await expect(g.locator('polyline.viz-chart__point')).toHaveCount(1);

  // Bars: the top one is highlighted; a value that is not a number is an empty bar and no "NaN".
  await expect(g.getByTestId('kit-probability-7')).toHaveClass(/viz-bars__row--top/);
  await expect(g.getByTestId('kit-probability-7')).toContainText('86.0%');
  await expect(g.getByTestId('kit-accuracy')).toContainText('2: テスト画像なし');
  await expect(g.getByTestId('kit-accuracy')).not.toContainText('NaN');

  // The 3×3 grid paints from the keyboard and says where the cursor is.
  const xo = g.getByRole('application', { name: '3×3 のマス目' });
  await xo.focus();
  await page.keyboard.press('Shift+ArrowUp');
  await expect(g.getByText('1 行 2 列、塗ってある')).toBeAttached();

  // An integer field refuses 2.5 and keeps 15; full-width digits are read.
  const epochs = g.getByRole('textbox', { name: 'エポック数' });
  await epochs.fill('2.5');
  await expect(g.getByText('整数を入力してください。値は 15 のままです')).toBeVisible();
  await expect(g.getByTestId('kit-epochs-value')).toHaveText('使う値: 15 エポック');
  await epochs.fill('２０');
  await expect(g.getByTestId('kit-epochs-value')).toHaveText('使う値: 20 エポック');

  // The page's shared MNIST sample loads once and shows real digits (the first test image is a 7).
  await expect(g).toHaveAttribute('data-sample', 'ready', { timeout: 60_000 });
  await expect(g.getByRole('img', { name: 'サンプル 0 番（ラベル 7）' })).toBeVisible();

  await expectAccessible(page, '[data-testid="kit-gallery"]');
});
