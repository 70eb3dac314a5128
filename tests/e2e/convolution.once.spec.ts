import { test, expect, lessonUrl } from './fixtures.ts';

test('the kernel, bias and ReLU come from the link and go back into it; bad input is refused; the window plays and pauses', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`${lessonUrl('convolution')}?kernel=0,0,0,0,2,0,0,0,0&bias=0.5&relu=0`);
  const d = page.getByTestId('convolution-demo');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  const cells = d.getByTestId('conv-kernel').locator('input');
  await expect(cells.nth(4)).toHaveValue('2');
  await expect(cells.nth(0)).toHaveValue('0');
  await expect(d.getByTestId('conv-bias')).toHaveValue('0.5');
  await expect(d.getByLabel('出力に ReLU をかける')).not.toBeChecked();
  await expect(d.getByTestId('conv-kernel-name')).toHaveText('いまのフィルタ: 自分で作ったもの');

  // Refused input keeps the last good value (and the link).
  const bias = d.getByTestId('conv-bias');
  for (const bad of ['abc', '1e999', '', '99']) {
    await bias.fill(bad);
    await expect(bias).toHaveAttribute('aria-invalid', 'true');
    expect(new URL(page.url()).searchParams.get('bias')).toBe('0.5');
  }
  await bias.fill('-1');
  await expect(bias).not.toHaveAttribute('aria-invalid');
  await expect.poll(() => new URL(page.url()).searchParams.get('bias')).toBe('-1');
  await cells.nth(0).fill('NaN');
  await expect(cells.nth(0)).toHaveAttribute('aria-invalid', 'true');
  await expect(d.locator('.viz-matrix__message')).not.toBeEmpty();
  await cells.nth(0).press('Escape');
  await expect(cells.nth(0)).toHaveValue('0');

  await d.getByRole('button', { name: 'シャープ' }).click();
  await d.getByLabel('出力に ReLU をかける').check();
  await expect.poll(() => new URL(page.url()).search).toBe('?kernel=0,-1,0,-1,5,-1,0,-1,0&bias=-1');
  await expect(cells.nth(4)).toHaveValue('5');

  // Play runs the window along its path; pause stops it where it is.
  await d.getByRole('button', { name: '自動で進める' }).click();
  await expect(d).toHaveAttribute('data-playing', 'true');
  await expect.poll(async () => Number(await d.getAttribute('data-col'))).toBeGreaterThan(2);
  await d.getByRole('button', { name: '止める' }).click();
  await expect(d).toHaveAttribute('data-playing', 'false');
  const col = await d.getAttribute('data-col');
  await expect(d.getByTestId('conv-position')).toHaveText(`窓の位置: 行 0、列 ${col}`);

  // With reduced motion nothing plays by itself: stepping only.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(d.getByRole('button', { name: '自動で進める' })).toHaveCount(0);
  await expect(d.getByText('動きを減らす設定のため')).toBeVisible();
  await d.getByRole('button', { name: '1 つ進む' }).click();
  await expect(d).toHaveAttribute('data-col', String(Number(col) + 1));
});
