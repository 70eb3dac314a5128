import { test, expect } from './fixtures.ts';
import { attr, openRegression } from './regression-helpers.ts';

const LEARN = { name: '学習（勾配降下法）' };
const SLOW = { timeout: 60_000 };

test('"best fit" gives the closed form; "learn" reaches it by gradient descent, Q_t falling, with no tensor leak', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const d = await openRegression(page);
  await expect(d).toHaveAttribute('data-qt', '2');
  await expect(d.getByTestId('regression-qt')).toHaveText('Q_t = 2');

  await d.getByRole('button', { name: '最適な直線（公式）' }).click();
  await expect(d).toHaveAttribute('data-outcome', 'fit');
  expect(Math.abs((await attr(d, 'a')) - 1.4)).toBeLessThan(1e-6);
  expect(Math.abs((await attr(d, 'b')) - 0.5)).toBeLessThan(1e-6);
  expect(Math.abs((await attr(d, 'qt')) - 0.2)).toBeLessThan(1e-6);
  await expect(d.getByTestId('regression-equation')).toHaveText('y = 1.4x + 0.5');
  await expect(d.getByTestId('regression-qt')).toHaveText('Q_t = 0.2');

  // Back to y = x + 1, then learn.
  await d.getByRole('button', { name: '最初に戻す' }).click();
  await expect(d).toHaveAttribute('data-qt', '2');
  await d.getByRole('button', LEARN).click();
  await expect(d).toHaveAttribute('data-outcome', 'converged', SLOW);
  await expect(d).toHaveAttribute('data-phase', 'idle');
  await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', String(testInfo.project.metadata['backend']));
  expect(Math.abs((await attr(d, 'a')) - 1.4)).toBeLessThan(1e-2);
  expect(Math.abs((await attr(d, 'b')) - 0.5)).toBeLessThan(1e-2);
  expect(await attr(d, 'qt')).toBeLessThan(0.2 + 1e-3);
  await expect(d.getByTestId('regression-outcome')).toContainText('ステップで Q_t の最小値');
  await expect(d.getByRole('figure')).toContainText('学習中の Q_t');

  // Learning again and again leaves no tensor behind.
  const settled = await attr(d, 'tensors');
  const probe = () => page.evaluate(() => (globalThis as unknown as { __cnnCourseTf: { numTensors(): number } }).__cnnCourseTf.numTensors());
  expect(await probe()).toBe(settled);
  // With reduced motion the descent jumps in big chunks (and these repeats go quickly).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (let i = 0; i < 3; i++) {
    await d.getByRole('button', { name: '最初に戻す' }).click();
    await expect(d).toHaveAttribute('data-outcome', '');
    await d.getByRole('button', LEARN).click();
    await expect(d).toHaveAttribute('data-outcome', 'converged', SLOW);
    await expect(d).toHaveAttribute('data-phase', 'idle');
  }
  expect(await attr(d, 'tensors')).toBe(settled);
  expect(await probe()).toBe(settled);
});

test('a learning rate that makes the descent diverge is reported; the last good line stays, never NaN', async ({ page }) => {
  test.setTimeout(120_000);
  const d = await openRegression(page);
  const lr = d.getByLabel('学習率', { exact: true });
  for (const rate of ['0.05', '1']) {
    await lr.fill(rate);
    await expect(d).toHaveAttribute('data-outcome', '');
    await d.getByRole('button', LEARN).click();
    await expect(d).toHaveAttribute('data-outcome', 'diverged', SLOW);
    await expect(d).toHaveAttribute('data-phase', 'idle');
    await expect(d.getByTestId('regression-outcome')).toContainText('学習率が大きすぎます');
    await expect(d.getByTestId('regression-outcome')).toContainText('学習率を小さくしてください');
    await expect(d).toHaveAttribute('data-a', '1');
    await expect(d).toHaveAttribute('data-b', '1');
    await expect(d.getByTestId('regression-qt')).toHaveText('Q_t = 2');
    await expect(d.getByLabel('傾き a', { exact: true })).toHaveValue('1');
    expect(await d.innerText()).not.toMatch(/NaN|Infinity/);
  }
  // A small rate after that learns normally.
  await lr.fill('0.02');
  await d.getByRole('button', LEARN).click();
  await expect(d).toHaveAttribute('data-outcome', 'converged', SLOW);
});
