import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible, lessonUrl } from './fixtures.ts';

/** Lesson 1-2a's perceptron demo: editable inputs, weights, θ and activation, state in the URL. */
async function openDemo(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${lessonUrl('perceptron')}${query}`);
  const d = page.getByTestId('perceptron-demo');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  return d;
}

const field = (d: Locator, name: string) => d.getByRole('textbox', { name, exact: true });

async function expectShows(d: Locator, sum: string, comparison: string, output: string, formula: string) {
  await expect(d.getByTestId('perceptron-sum')).toHaveText(sum);
  await expect(d.getByTestId('perceptron-comparison')).toHaveText(comparison);
  await expect(d.getByTestId('perceptron-output')).toHaveText(output);
  await expect(d.getByTestId('perceptron-formula')).toHaveText(formula);
}

test('the worked example first; weights, θ and the activation change the output; the state is a link', async ({ page }) => {
  const d = await openDemo(page);
  // The deck's example: 1×1 + 2×1 + 3×1 = 6 > 5 → 1; the lesson's numbers come from the same code.
  await expectShows(d, '6', '6 > 5', '1', '1×1 + 2×1 + 3×1 = 6 > 5 → 1');
  await expect(page.locator('[data-fact="perceptron.sum"]').first()).toHaveText('6');
  await expect(page.locator('[data-fact="perceptron.output"]').first()).toHaveText('1');
  expect(new URL(page.url()).search).toBe('');

  // A weight, typed with the keyboard (full-width digits too): the sum and the formula follow.
  const w3 = field(d, '重み w₃');
  await w3.fill('２');
  await expectShows(d, '9', '9 > 5', '1', '1×1 + 2×1 + 3×2 = 9 > 5 → 1');
  // θ above the sum: no firing.
  await field(d, 'しきい値 θ').fill('10');
  await expectShows(d, '9', '9 < 10', '0', '1×1 + 2×1 + 3×2 = 9 < 10 → 0');

  // The activation: σ(a) and max(0, a) of a = 9 − 10 = −1.
  await d.getByRole('radio', { name: 'シグモイド関数 σ' }).check();
  await expect(d.getByTestId('perceptron-output')).toHaveText('0.269');
  await expect(d.getByTestId('perceptron-formula')).toHaveText('1×1 + 2×1 + 3×2 − 10 = −1 → σ(−1) ≈ 0.269');
  await d.getByRole('radio', { name: 'ReLU' }).check();
  await expect(d.getByTestId('perceptron-formula')).toHaveText('1×1 + 2×1 + 3×2 − 10 = −1 → ReLU(−1) = 0');
  await field(d, 'しきい値 θ').fill('7');
  await expect(d.getByTestId('perceptron-output')).toHaveText('2');
  await expect(d.getByTestId('perceptron-a')).toHaveText('2');
  // The radio group is keyboard-operable: arrow keys move the choice.
  await d.getByRole('radio', { name: 'ReLU' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(d.getByRole('radio', { name: 'シグモイド関数 σ' })).toBeChecked();
  await expect(d.getByTestId('perceptron-output')).toHaveText('0.881');
  await page.keyboard.press('ArrowRight');
  await expect(d.getByTestId('perceptron-output')).toHaveText('2');

  // Bad input: refused with a message beside the field, the last good value stays in use.
  const x1 = field(d, '入力 x₁');
  for (const [text, why] of [
    ['abc', '数として読めません。'],
    ['1e999', '大きすぎる値や無限大は使えません。'],
    ['11', '-10 以上 10 以下の数を入力してください。'],
    ['', '数を入力してください。'],
  ] as const) {
    await x1.fill(text);
    await expect(x1).toHaveAttribute('aria-invalid', 'true');
    await expect(d.locator('#perceptron-x1-message')).toHaveText(`${why}値は 1 のままです（Esc で元に戻せます）。`);
    await expect(d.getByTestId('perceptron-sum')).toHaveText('9');
    await expect(d.getByTestId('perceptron-output')).toHaveText('2');
  }
  await x1.press('Escape');
  await expect(x1).toHaveValue('1');
  await expect(d.locator('#perceptron-x1-message')).toHaveText('');

  // The configuration is in the URL and a shared link restores it.
  await expect.poll(() => new URL(page.url()).search).toBe('?w=1,1,2&theta=7&act=relu');
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  const d2 = other.getByTestId('perceptron-demo');
  await d2.scrollIntoViewIfNeeded();
  await expect(d2).toHaveAttribute('data-hydrated', 'true');
  await expect(field(d2, '重み w₃')).toHaveValue('2');
  await expect(field(d2, 'しきい値 θ')).toHaveValue('7');
  await expect(d2.getByRole('radio', { name: 'ReLU' })).toBeChecked();
  await expect(d2.getByTestId('perceptron-formula')).toHaveText('1×1 + 2×1 + 3×2 − 7 = 2 → ReLU(2) = 2');
  await other.close();

  await expectAccessible(page, '[data-testid="perceptron-demo"]');

  // The link to 1-2b carries a and the activation; reset goes back to the example.
  await expect(d.getByTestId('perceptron-to-activations')).toHaveAttribute('href', '../activations/?a=2&act=relu');
  await d.getByRole('button', { name: '例1 に戻す' }).click();
  await expectShows(d, '6', '6 > 5', '1', '1×1 + 2×1 + 3×1 = 6 > 5 → 1');
  await expect.poll(() => new URL(page.url()).search).toBe('');
});

test('a malformed link falls back to the example; other parameters stay', async ({ page }) => {
  const d = await openDemo(page, '?x=1,2&w=a,b,c&theta=NaN&act=tanh&backend=cpu');
  await expectShows(d, '6', '6 > 5', '1', '1×1 + 2×1 + 3×1 = 6 > 5 → 1');
  await expect(d.getByRole('radio', { name: 'ステップ関数' })).toBeChecked();
  await expect.poll(() => new URL(page.url()).search).toBe('?backend=cpu');
  // A good θ beside bad inputs: θ is read, the inputs are not.
  await openDemo(page, '?x=1,2,99&theta=6');
  await expectShows(d, '6', '6 = 6', '0', '1×1 + 2×1 + 3×1 = 6 = 6 → 0');
});

test.describe('touch at 320 px', () => {
  test.use({ hasTouch: true, viewport: { width: 320, height: 640 } });

  test('fields are tapped and typed; nothing overflows sideways', async ({ page }) => {
    const d = await openDemo(page);
    const w1 = field(d, '重み w₁');
    await w1.tap();
    await expect(w1).toBeFocused();
    await w1.fill('3');
    await expectShows(d, '8', '8 > 5', '1', '1×3 + 2×1 + 3×1 = 8 > 5 → 1');
    await d.getByRole('radio', { name: 'ReLU' }).tap();
    await expect(d.getByTestId('perceptron-output')).toHaveText('3');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal overflow at 320 px').toBeLessThanOrEqual(0);
    const box = await d.boundingBox();
    expect(box?.width ?? 999).toBeLessThanOrEqual(320);
  });
});
