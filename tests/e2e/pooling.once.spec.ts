import { test, expect, expectAccessible, lessonUrl } from './fixtures.ts';

const SLOW = { timeout: 60_000 };
const EXAMPLE = [1, 5, 9, 5, 0, 3, 8, 3, 2, 1, 9, 6, 0, 1, 0, 2];

/** Reference for the test: the 2×2 blocks of a 4×4 matrix in reading order, and their maxima. */
function blocks(m: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const r of [0, 2]) for (const c of [0, 2]) out.push([m[r * 4 + c], m[r * 4 + c + 1], m[(r + 1) * 4 + c], m[(r + 1) * 4 + c + 1]] as number[]);
  return out;
}

test('max pooling: the deck example steps to 5 9 / 2 9 by keyboard, edits follow, real maps pool 26→13 and 11→5', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(lessonUrl('pooling'));
  const d = page.getByTestId('pooling-demo');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  await expect(d.locator('> .backend-badge')).not.toHaveAttribute('data-backend', 'loading', SLOW);
  const steps = d.getByTestId('pooling-steps');
  const output = () => d.getByTestId('pooling-output').locator('td').allTextContents();
  await expect(d.getByTestId('pooling-status')).toContainText('「次の区画」');
  expect(await output()).toEqual(['?', '?', '?', '?']);

  // Keyboard: → four times, each block's max written into the output.
  await steps.focus();
  const expected = blocks(EXAMPLE);
  for (let n = 1; n <= 4; n++) {
    await page.keyboard.press('ArrowRight');
    await expect(steps).toHaveAttribute('data-done', String(n));
    const b = expected[n - 1] as number[];
    await expect(d.getByTestId('pooling-status')).toHaveText(`区画 ${n} / 4: max(${b.join(', ')}) = ${Math.max(...b)}`);
    await expect(d.getByTestId('pooling-grid').locator('td[data-max="true"]')).toHaveText(String(Math.max(...b)));
  }
  await expect.poll(output).toEqual(['5', '9', '2', '9']);
  await page.keyboard.press('ArrowRight'); // stays at the end
  await expect(steps).toHaveAttribute('data-done', '4');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(output).toEqual(['5', '9', '2', '?']);
  await page.keyboard.press('End');
  await expect.poll(output).toEqual(['5', '9', '2', '9']);
  const tensors = await d.getAttribute('data-tensors');

  // Edit: the top-left 1 becomes 7 → the first block's max is 7; the link keeps it.
  const first = d.getByRole('textbox', { name: '入力（4×4、書き換えられます） 1 行 1 列' });
  await first.fill('7');
  await expect.poll(output).toEqual(['7', '9', '2', '9']);
  await expect.poll(() => new URL(page.url()).searchParams.get('pool')).toBe([7, ...EXAMPLE.slice(1)].join(','));
  // Bottom-right block: −3 everywhere but one 0 → 0 (negative values work too).
  for (const [name, v] of [['3 行 3 列', '-3'], ['3 行 4 列', '-3'], ['4 行 3 列', '-3']] as const) await d.getByRole('textbox', { name: `入力（4×4、書き換えられます） ${name}` }).fill(v);
  await expect.poll(output).toEqual(['7', '9', '2', '2']);
  // A refused value leaves the output alone and says why.
  await first.fill('abc');
  await expect(first).toHaveAttribute('aria-invalid', 'true');
  await expect(d.locator('#pooling-input-message-0')).toBeVisible();
  await expect.poll(output).toEqual(['7', '9', '2', '2']);
  await d.getByRole('button', { name: '元の例に戻す' }).click();
  await expect.poll(output).toEqual(['5', '9', '2', '9']);
  await expect(d).toHaveAttribute('data-tensors', tensors ?? '');

  // Real activations of the chosen digit: shapes, and the model's pooling equals tf.maxPool here.
  await expect(d).toHaveAttribute('data-activations', 'ready', SLOW);
  const l1 = d.getByTestId('pooling-layer1');
  const l2 = d.getByTestId('pooling-layer2');
  await expect(l1).toHaveAttribute('data-conv-shape', '26x26x32');
  await expect(l1).toHaveAttribute('data-pool-shape', '13x13x32');
  await expect(l2).toHaveAttribute('data-conv-shape', '11x11x64');
  await expect(l2).toHaveAttribute('data-pool-shape', '5x5x64');
  await expect(l1.getByTestId('pooling-layer1-pool-caption')).toHaveText('プーリング後 13×13（全体 13×13×32）');
  await expect(l2.getByTestId('pooling-layer2-pool-caption')).toHaveText('プーリング後 5×5（全体 5×5×64）');
  await expect(l1).toHaveAttribute('data-match', 'true');
  await expect(l2).toHaveAttribute('data-match', 'true');
  await expect(l2).toContainText('11 は奇数なので');

  // The shift: one pixel to the left; the counts add up to 26×26 and 13×13.
  const shift = d.getByTestId('pooling-shift');
  await shift.getByRole('button', { name: '左へ 1 ピクセル' }).click();
  await expect(shift).toHaveAttribute('data-direction', 'left');
  await expect(shift).toHaveAttribute('data-pooled-same', /\d+/);
  const raw = (await shift.getByTestId('pooling-shift-raw').textContent()) ?? '';
  const pooled = (await shift.getByTestId('pooling-shift-pooled').textContent()) ?? '';
  const [rawTotal, rawChanged, rawSame] = (raw.match(/\d+/g) ?? []).map(Number);
  const [poolTotal, poolSame, poolChanged] = (pooled.match(/\d+/g) ?? []).map(Number);
  expect(rawTotal).toBe(676);
  expect((rawChanged ?? 0) + (rawSame ?? 0)).toBe(676);
  expect(poolTotal).toBe(169);
  expect((poolSame ?? 0) + (poolChanged ?? 0)).toBe(169);
  expect(String(rawChanged)).toBe(await shift.getAttribute('data-raw-changed'));
  expect(String(poolSame)).toBe(await shift.getAttribute('data-pooled-same'));
  // Another channel changes the maps; the check still holds.
  await l1.getByLabel('チャンネル（1〜32）').fill('5');
  await expect(shift.getByText('チャンネル 5')).toBeVisible();
  await expect(l1).toHaveAttribute('data-match', 'true');
  await expect(d).toHaveAttribute('data-tensors', tensors ?? '');

  await expectAccessible(page, '[data-testid="pooling-demo"]');
});
