import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible, lessonUrl } from './fixtures.ts';

/** Lesson 1-3's ○/× network demo: paint a 3×3 picture, see the degrees, edit the weights; state in the URL. */
async function openDemo(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${lessonUrl('network')}${query}`);
  const d = page.getByTestId('xo-forward');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  return d;
}

const verdict = (d: Locator) => d.getByTestId('xo-forward-verdict');
const grid = (d: Locator) => d.getByRole('application', { name: '3×3 の入力のマス目' });
const weight = (d: Locator, neuron: number, row: number, col: number) => d.getByRole('textbox', { name: `中間層 y${neuron} の重み ${row} 行 ${col} 列`, exact: true });

/** Clicks the cells (0-based row, col) of the grid with the mouse (or taps them). */
async function clickCells(page: Page, d: Locator, cells: readonly (readonly [number, number])[], tap = false) {
  const box = await grid(d).boundingBox();
  if (!box) throw new Error('the grid is not visible');
  for (const [r, c] of cells) {
    const x = box.x + ((c + 0.5) / 3) * box.width;
    const y = box.y + ((r + 0.5) / 3) * box.height;
    if (tap) await page.touchscreen.tap(x, y);
    else await page.mouse.click(x, y);
  }
}

const RING: readonly (readonly [number, number])[] = [[0, 0], [0, 1], [0, 2], [1, 0], [1, 2], [2, 0], [2, 1], [2, 2]];

test('the lesson ○ first with the lesson numbers; × by keyboard and ○ by mouse show the degrees', async ({ page }) => {
  const d = await openDemo(page);
  // The lesson's worked example: σ(z1) ≈ 0.95 for ○, from the same code as the prose.
  await expect(verdict(d)).toHaveAttribute('data-verdict', 'circle');
  await expect(d.getByTestId('xo-forward-degree-circle')).toContainText('0.955');
  await expect(d.getByTestId('xo-forward-degree-cross')).toContainText('0.045');
  await expect(d.getByTestId('xo-forward-outputs')).toHaveText(['z1 = 3.05、σ(z1) = 0.955', 'z2 = -3.05、σ(z2) = 0.045'].join(''));
  await expect(page.locator('[data-fact="xo.circle.degree1"]').first()).toHaveText('0.95');
  await expect(d.getByTestId('xo-forward-hidden')).toContainText('y1 = σ(-2.00) = 0.119');
  expect(new URL(page.url()).search).toBe('');

  // Keyboard: clear, then paint × — the centre (the cursor starts there), then the four corners.
  await d.getByRole('button', { name: 'すべて消す' }).click();
  await expect(verdict(d)).toHaveAttribute('data-verdict', 'tie');
  await grid(d).focus();
  for (const key of ['Space', 'ArrowUp', 'ArrowLeft', 'Space', 'ArrowRight', 'ArrowRight', 'Space', 'ArrowDown', 'ArrowDown', 'Space', 'ArrowLeft', 'ArrowLeft', 'Space']) await page.keyboard.press(key);
  await expect(verdict(d)).toHaveAttribute('data-verdict', 'cross');
  await expect(d.getByTestId('xo-forward-degree-cross')).toContainText('0.955');
  await expect(verdict(d)).toHaveText('○らしさ 0.045、×らしさ 0.955: ×と判定');
  await expect.poll(() => new URL(page.url()).searchParams.get('grid')).toBe('1,0,1,0,1,0,1,0,1');

  // Mouse: clear and click the eight cells of the ring: ○ again.
  await d.getByRole('button', { name: 'すべて消す' }).click();
  await clickCells(page, d, RING);
  await expect(verdict(d)).toHaveAttribute('data-verdict', 'circle');
  await expect(d.getByTestId('xo-forward-degree-circle')).toContainText('0.955');
  await expect.poll(() => new URL(page.url()).search).toBe('');
});

test('weights are edited, bad values refused and the last good one kept; the link restores grid and weights', async ({ page }) => {
  const d = await openDemo(page);
  const centre = weight(d, 1, 2, 2);
  await expect(centre).toHaveValue('4');
  for (const [text, why] of [['abc', '数として読めません。'], ['1e999', '大きすぎる値や無限大は使えません。'], ['500', '-100 以上 100 以下の数を入力してください。']] as const) {
    await centre.fill(text);
    await expect(centre).toHaveAttribute('aria-invalid', 'true');
    await expect(d.getByText(`中間層 y1 の重み 2 行 2 列: ${why}値は 4 のままです`)).toBeVisible();
    await expect(d.getByTestId('xo-forward-degree-circle')).toContainText('0.955');
  }
  await centre.press('Escape');
  await expect(centre).toHaveValue('4');

  // A threshold: θ2 = 10 silences the "edges" neuron, and ○ loses: z1 = 4(σ(−6) − σ(−2)) < 0.
  const theta2 = d.getByRole('textbox', { name: 'y2 のしきい値 θ2' });
  await theta2.fill('NaN');
  await expect(theta2).toHaveAttribute('aria-invalid', 'true');
  await expect(verdict(d)).toHaveAttribute('data-verdict', 'circle');
  await theta2.fill('10');
  await expect(verdict(d)).toHaveAttribute('data-verdict', 'cross');
  // A weight in full-width digits; the drawing follows.
  await weight(d, 3, 1, 1).fill('－２');
  await expect(d.getByTestId('xo-forward-diagram').locator('line[data-weight="-2"]')).toHaveCount(1);

  // The grid and the weights are a link: paint the centre too, reload, all comes back.
  await grid(d).focus();
  await page.keyboard.press('Space');
  await expect.poll(() => new URL(page.url()).search).toBe('?grid=1,1,1,1,1,1,1,1,1&w1=0,0,0,0,4,0,0,0,0,0,1,0,1,0,1,0,1,0,-2,0,1,0,0,0,1,0,1&t1=2,10,2');
  const shown = await verdict(d).textContent();
  await page.reload();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  await expect(weight(d, 3, 1, 1)).toHaveValue('-2');
  await expect(theta2).toHaveValue('10');
  await expect(verdict(d)).toHaveText(shown ?? '');

  await expectAccessible(page, '[data-testid="xo-forward"]');

  await d.getByRole('button', { name: 'レッスンの重みに戻す' }).click();
  await expect(theta2).toHaveValue('2');
  await expect.poll(() => new URL(page.url()).search).toBe('?grid=1,1,1,1,1,1,1,1,1');
});

test('a malformed link falls back to the defaults; other parameters stay', async ({ page }) => {
  const d = await openDemo(page, '?grid=1,2,3&w1=a,b&t1=NaN,1,1&w2=1e999,0,0,0,0,0&t2=1,1&backend=cpu');
  await expect(weight(d, 1, 2, 2)).toHaveValue('4');
  await expect(d.getByRole('textbox', { name: 'y1 のしきい値 θ1' })).toHaveValue('2');
  // t2 was valid and is kept; the rest are the lesson's.
  await expect(d.getByRole('textbox', { name: 'z1（○）のしきい値 θ1' })).toHaveValue('1');
  await expect(d.getByTestId('xo-forward-outputs')).toContainText('z1 = 2.05、');
  await expect.poll(() => new URL(page.url()).search).toBe('?backend=cpu&t2=1,1');
});

test.describe('touch at 320 px', () => {
  test.use({ hasTouch: true, viewport: { width: 320, height: 640 } });

  test('a finger paints the grid; nothing overflows sideways', async ({ page }) => {
    const d = await openDemo(page);
    await d.getByRole('button', { name: 'すべて消す' }).tap();
    await grid(d).scrollIntoViewIfNeeded();
    await clickCells(page, d, [[0, 0], [0, 2], [1, 1], [2, 0], [2, 2]], true);
    await expect(verdict(d)).toHaveAttribute('data-verdict', 'cross');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal overflow at 320 px').toBeLessThanOrEqual(0);
    const box = await d.boundingBox();
    expect(box?.width ?? 999).toBeLessThanOrEqual(320);
  });
});
