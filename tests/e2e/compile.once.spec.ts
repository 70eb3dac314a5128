import { test, expect, expectAccessible, lessonUrl } from './fixtures.ts';

test('cross-entropy: label 3 with 0.7 on it gives −ln 0.7 = 0.357; clipping, normalising, refusals', async ({ page }) => {
  await page.goto(lessonUrl('compile'));
  const d = page.getByTestId('cross-entropy-demo');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  // The default: label 2, confident and right (0.9) → −ln 0.9.
  await expect(d.getByTestId('cross-entropy-total')).toHaveText(`L = −log y2 = ${(-Math.log(0.9)).toFixed(3)}`);

  await d.getByRole('radio', { name: '3' }).check();
  // From the default prediction (0.9 on 2): 0.21 on 2 and 0.7 on 3 still sum to 1.
  await d.getByLabel('y2', { exact: true }).fill('0.21');
  await d.getByLabel('y3', { exact: true }).fill('0.7');
  await expect(d.getByTestId('cross-entropy-total')).toHaveText(`L = −log y3 = ${(-Math.log(0.7)).toFixed(3)}`);
  await expect(d.getByTestId('cross-entropy-total')).toHaveText('L = −log y3 = 0.357');
  await expect(d.getByTestId('cross-entropy-term-3')).toContainText('−log 0.7000 = 0.357');
  await expect(d.getByTestId('cross-entropy-term-2').locator('td').last()).toHaveText('0');
  await expect(d.getByTestId('cross-entropy-onehot')).toHaveText('正解 3 のワンホット表現 t = (0, 0, 0, 1, 0, 0, 0, 0, 0, 0)');
  await expect(d.getByTestId('cross-entropy-normalised')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('label')).toBe('3');

  // log 0: the label's probability 0 is clipped to ε = 1e-7 → −ln 1e-7 = 16.118.
  await d.getByLabel('y3', { exact: true }).fill('0');
  await d.getByLabel('y2', { exact: true }).fill('0.91');
  await expect(d.getByTestId('cross-entropy-total')).toHaveText(`L = −log y3 = ${(-Math.log(1e-7)).toFixed(3)}`);
  await expect(d.getByTestId('cross-entropy-term-3')).toContainText('切り詰めて 1.0e-7');

  // Not summing to 1: divided by the sum, and said so; the button writes the normalised values.
  await d.getByLabel('y3', { exact: true }).fill('1');
  await expect(d.getByTestId('cross-entropy-normalised')).toContainText('合計が 2 で');
  await expect(d.getByTestId('cross-entropy-total')).toHaveText(`L = −log y3 = ${(-Math.log(0.5)).toFixed(3)}`);
  await d.getByRole('button', { name: '合計を 1 にそろえる' }).click();
  await expect(d.getByLabel('y3', { exact: true })).toHaveValue('0.5');
  await expect(d.getByTestId('cross-entropy-normalised')).toHaveCount(0);

  // Bad input refused with a message, the last good value kept.
  const y0 = d.getByLabel('y0', { exact: true });
  for (const bad of ['NaN', '1e400', '1.5', '']) {
    await y0.fill(bad);
    await expect(y0).toHaveAttribute('aria-invalid', 'true');
    await expect(d.locator('#cross-entropy-y-0-message')).not.toBeEmpty();
  }
  await expect(d.getByTestId('cross-entropy-total')).toHaveText(`L = −log y3 = ${(-Math.log(0.5)).toFixed(3)}`);

  // Presets: confident and wrong (0.01 on the label) → −ln 0.01 = 4.605.
  await d.getByTestId('cross-entropy-preset-wrong').click();
  await expect(d.getByTestId('cross-entropy-total')).toHaveText('L = −log y3 = 4.605');
  await expectAccessible(page, '[data-testid="cross-entropy-demo"]');
});

test('equations: trying from (2, 2) reaches x = 3, y = 2 with error 0, as do gradient steps and elimination', async ({ page }) => {
  await page.goto(lessonUrl('compile'));
  const d = page.getByTestId('equations-demo');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  // The deck's first try: 10 < 13, 16 < 21, E = 3² + 5² = 34; increase.
  const first = d.getByTestId('equations-try-1');
  await expect(first.locator('td')).toHaveText(['2', '2', '10', '16', '3', '5', '34']);
  await expect(d.getByTestId('equations-now')).toContainText('式 (1) の左辺を大きくします');

  // Keyboard: the x +1 button.
  await d.getByRole('button', { name: 'x +1', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(d.getByTestId('equations-try-2').locator('td')).toHaveText(['3', '2', '13', '21', '0', '0', '0']);
  await expect(d).toHaveAttribute('data-error', '0');
  await expect(d.getByTestId('equations-now')).toContainText('x = 3, y = 2 で、どちらの式も合いました (E = 0)。');

  // Typed values: (4, 1) overshoots equation (2)? 3·4 + 2 = 14 > 13, 5·4 + 3 = 23 > 21: decrease.
  await d.getByLabel('x', { exact: true }).fill('4');
  await d.getByLabel('y', { exact: true }).fill('1');
  await d.getByRole('button', { name: 'この値で試す' }).click();
  await expect(d.getByTestId('equations-try-3').locator('td')).toHaveText(['4', '1', '14', '23', '−1', '−2', '5']);
  await expect(d.getByTestId('equations-now')).toContainText('式 (2) の左辺を小さくします');
  // Refused input keeps the last good value.
  await d.getByLabel('x', { exact: true }).fill('1e400');
  await expect(d.locator('#equations-x-message')).not.toBeEmpty();

  // Gradient steps: E falls press by press, then reaches 0 at (3, 2).
  let previous = 5;
  for (let i = 0; i < 8 && (await d.getAttribute('data-error')) !== '0'; i++) {
    await d.getByTestId('equations-auto').click();
    await expect.poll(async () => Number(await d.getAttribute('data-error'))).toBeLessThan(previous);
    previous = Number(await d.getAttribute('data-error'));
  }
  await expect(d).toHaveAttribute('data-error', '0');
  await expect(d).toHaveAttribute('data-x', '3');
  await expect(d).toHaveAttribute('data-y', '2');

  // Elimination step by step.
  const elim = d.getByTestId('equations-elimination');
  for (let i = 1; i <= 6; i++) {
    await elim.getByRole('button', { name: '次の手順' }).click();
    await expect(elim).toHaveAttribute('data-step', String(i));
  }
  await expect(elim.getByTestId('equations-step-1')).toHaveText('x の係数をそろえます。(1) を 5 倍して 15x + 10y = 65、(2) を 3 倍して 15x + 9y = 63。');
  await expect(elim.getByTestId('equations-step-2')).toHaveText('上の式から下の式を引くと x が消えて、(10 − 9)y = 65 − 63。');
  await expect(elim.getByTestId('equations-step-3')).toHaveText('1y = 2 なので、y = 2。');
  await expect(elim.getByTestId('equations-step-5')).toHaveText('x = 3。答えは x = 3, y = 2 です。');
  await expect(elim.getByTestId('equations-step-6')).toContainText('3 × 3 + 2 × 2 = 13、5 × 3 + 3 × 2 = 21');
  await expect(elim.getByRole('button', { name: '次の手順' })).toBeDisabled();
  await expectAccessible(page, '[data-testid="equations-demo"]');
});

test('both 3-8 demos fit a 320 px wide screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(lessonUrl('compile'));
  for (const id of ['cross-entropy-demo', 'equations-demo']) {
    const d = page.getByTestId(id);
    await d.scrollIntoViewIfNeeded();
    await expect(d).toHaveAttribute('data-hydrated', 'true');
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
