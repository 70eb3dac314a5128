import { test, expect, expectAccessible, lessonUrl } from './fixtures.ts';

const SLOW = { timeout: 60_000 };
/** Reference for the test: the place of (r, c, k) in the 5×5×64 line, counted by nested loops. */
function place(r: number, c: number, k: number): number {
  let i = 0;
  for (let rr = 0; rr < 5; rr++) for (let cc = 0; cc < 5; cc++) for (let kk = 0; kk < 64; kk++) {
    if (rr === r && cc === c && kk === k) return i;
    i += 1;
  }
  return -1;
}
const formula = (r: number, c: number, k: number) => `i = (r × 5 + c) × 64 + k = (${r} × 5 + ${c}) × 64 + ${k} = ${place(r, c, k)}`;

test('flatten: focus and hover show (r, c, k) and i = (r·5 + c)·64 + k; the grid and the line agree', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(lessonUrl('flatten'));
  const d = page.getByTestId('flatten-demo');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  await expect(d).toHaveAttribute('data-activations', 'ready', SLOW);
  await expect(d.getByTestId('flatten-shapes')).toHaveText('プーリング層の出力 5×5×64 → 平坦化 1600');
  await expect(d).toHaveAttribute('data-match', 'true');
  await expect(d.getByTestId('flatten-check')).toContainText('すべて一致');

  // Keyboard on the line: End, Home, ↓ (one row of 64) twice, → ten times.
  const line = d.getByRole('slider', { name: '一列に並んだ 1,600 個の値' });
  await line.focus();
  await page.keyboard.press('End');
  await expect(d.getByTestId('flatten-position')).toHaveText('行 r = 4、列 c = 4、チャンネル k = 63');
  await expect(d.getByTestId('flatten-formula')).toHaveText(formula(4, 4, 63));
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(line).toHaveAttribute('aria-valuenow', String(place(0, 2, 10)));
  await expect(d.getByTestId('flatten-position')).toHaveText('行 r = 0、列 c = 2、チャンネル k = 10');
  await expect(d.getByTestId('flatten-formula')).toHaveText(formula(0, 2, 10));
  await expect.poll(() => new URL(page.url()).searchParams.get('at')).toBe(String(place(0, 2, 10)));
  // The grid follows: channel 10, the cell at row 0, column 2 is chosen.
  await expect(d.getByLabel('チャンネル k（0〜63）')).toHaveValue('10');
  await expect(d.getByTestId('flatten-grid').locator('[aria-pressed="true"]')).toHaveAccessibleName(/^行 0・列 2・チャンネル 10: /);

  // Hover: the middle of cell (row 17, column 33) of the 64×25 picture is (3, 2, 33).
  const box = await line.boundingBox();
  if (!box) throw new Error('no line');
  await page.mouse.move(box.x + ((33 + 0.5) / 64) * box.width, box.y + ((17 + 0.5) / 25) * box.height);
  await expect(d.getByTestId('flatten-position')).toHaveText('行 r = 3、列 c = 2、チャンネル k = 33');
  await expect(d.getByTestId('flatten-formula')).toHaveText(formula(3, 2, 33));
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 200);
  await expect(d.getByTestId('flatten-formula')).toHaveText(formula(0, 2, 10));

  // The 3-D side: channel 7, click row 3 column 1 → i = 1031 in the line; → moves to column 2.
  await d.getByLabel('チャンネル k（0〜63）').fill('7');
  await d.getByRole('button', { name: /^行 3・列 1・チャンネル 7: / }).click();
  await expect(line).toHaveAttribute('aria-valuenow', String(place(3, 1, 7)));
  await expect(d.getByTestId('flatten-formula')).toHaveText(formula(3, 1, 7));
  await page.keyboard.press('ArrowRight');
  await expect(d.getByRole('button', { name: /^行 3・列 2・チャンネル 7: / })).toBeFocused();
  await expect(line).toHaveAttribute('aria-valuenow', String(place(3, 2, 7)));
  // The value shown is the model's own flatten output at that place.
  await expect(d.getByTestId('flatten-value')).toHaveText(/^値: (\S+)（モデルの平坦化層の出力でも \1）$/);

  // Another digit: new activations, still equal, no tensor left behind in the worker.
  const tensors = await d.getAttribute('data-tensors');
  await d.getByTestId('flatten-digit-next').click();
  await expect(d.getByTestId('flatten-digits')).not.toHaveAttribute('data-index', '0');
  await expect(d).toHaveAttribute('data-match', 'true');
  await expect(d).toHaveAttribute('data-tensors', tensors ?? '');

  await expectAccessible(page, '[data-testid="flatten-demo"]');
});
