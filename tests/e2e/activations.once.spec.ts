import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible, lessonUrl } from './fixtures.ts';

/** Lesson 1-2b's activation functions demo: a moved by slider, keys, field or finger; state in the URL. */
async function openDemo(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${lessonUrl('activations')}${query}`);
  const d = page.getByTestId('activations-demo');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  return d;
}

/** The dot's x on one chart (SVG user units). */
const markX = (d: Locator, kind: string) => d.getByTestId(`activations-chart-${kind}`).locator('.activations__mark circle').getAttribute('cx');
const markY = (d: Locator, kind: string) => d.getByTestId(`activations-chart-${kind}`).locator('.activations__mark circle').getAttribute('cy');

async function expectValues(d: Locator, step: string, sigmoid: string, relu: string) {
  await expect(d.getByTestId('activations-value-step')).toHaveText(step);
  await expect(d.getByTestId('activations-value-sigmoid')).toHaveText(sigmoid);
  await expect(d.getByTestId('activations-value-relu')).toHaveText(relu);
}

test('σ(0) = 0.5 at the start; the slider moves a by keyboard; the field refuses bad input; the state is a link', async ({ page }) => {
  const d = await openDemo(page);
  await expectValues(d, 'step(0) = 0', 'σ(0) = 0.5', 'ReLU(0) = 0');
  await expect(d.getByTestId('activations-output')).toHaveText('σ(0) = 0.5');
  await expect(page.locator('[data-formula="activations.sigmoidAtStart"]').first()).toContainText('0.5');
  const x0 = await markX(d, 'sigmoid');
  const y0 = await markY(d, 'step');

  // Keyboard: three steps right, then a page up.
  const slider = d.getByRole('slider', { name: '入力の線形和 z（スライダー）' });
  await slider.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(d).toHaveAttribute('data-a', '0.3');
  await expectValues(d, 'step(0.3) = 1', 'σ(0.3) ≈ 0.574', 'ReLU(0.3) = 0.3');
  await expect(d.getByRole('textbox', { name: '入力の線形和 z', exact: true })).toHaveValue('0.3');
  const x1 = await markX(d, 'sigmoid');
  expect(Number(x1)).toBeGreaterThan(Number(x0));
  expect(Number(await markY(d, 'step'))).toBeLessThan(Number(y0)); // the dot jumped up to 1
  await page.keyboard.press('PageUp');
  await expect(d).toHaveAttribute('data-a', '1.3');
  await page.keyboard.press('Home');
  await expect(d).toHaveAttribute('data-a', '-10');
  await expectValues(d, 'step(−10) = 0', 'σ(−10) ≈ 0', 'ReLU(−10) = 0');

  // The field: a typed value moves the slider and the marks.
  const field = d.getByRole('textbox', { name: '入力の線形和 z', exact: true });
  await field.fill('-2');
  await expect(slider).toHaveValue('-2');
  await expectValues(d, 'step(−2) = 0', 'σ(−2) ≈ 0.119', 'ReLU(−2) = 0');
  for (const [text, why] of [['abc', '数として読めません。'], ['11', '-10 以上 10 以下の数を入力してください。'], ['Infinity', '大きすぎる値や無限大は使えません。']] as const) {
    await field.fill(text);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(d.locator('#activations-a-message')).toHaveText(`${why}値は -2 のままです（Esc で元に戻せます）。`);
    await expect(d).toHaveAttribute('data-a', '-2');
  }
  await field.press('Escape');
  await expect(field).toHaveValue('-2');

  // The neuron's output follows the chosen function.
  await d.getByRole('radio', { name: 'ReLU' }).check();
  await expect(d.getByTestId('activations-output')).toHaveText('ReLU(−2) = 0');
  await field.fill('2.5');
  await expect(d.getByTestId('activations-output')).toHaveText('ReLU(2.5) = 2.5');
  await d.getByRole('radio', { name: 'ステップ関数' }).check();
  await expect(d.getByTestId('activations-output')).toHaveText('step(2.5) = 1');
  await expect(d.getByTestId('activations-chart-step')).toHaveClass(/activations__chart--chosen/);

  // The URL keeps a and the function; a reload restores them.
  await expect.poll(() => new URL(page.url()).search).toBe('?a=2.5&act=step');
  await page.reload();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  await expect(d).toHaveAttribute('data-a', '2.5');
  await expect(d.getByRole('radio', { name: 'ステップ関数' })).toBeChecked();
  await expectValues(d, 'step(2.5) = 1', 'σ(2.5) ≈ 0.924', 'ReLU(2.5) = 2.5');

  await expectAccessible(page, '[data-testid="activations-demo"]');

  // The link opens the perceptron with the θ that gives this a (6 − 2.5 = 3.5).
  const link = d.getByTestId('activations-to-perceptron');
  await expect(link).toHaveAttribute('href', '../perceptron/?theta=3.5');
  await link.click();
  const p = page.getByTestId('perceptron-demo');
  await p.scrollIntoViewIfNeeded();
  await expect(p).toHaveAttribute('data-hydrated', 'true');
  await expect(p.getByTestId('perceptron-a')).toHaveText('2.5');
  await expect(p.getByTestId('perceptron-output')).toHaveText('1');
});

test('a malformed link falls back to a = 0 with the sigmoid', async ({ page }) => {
  const d = await openDemo(page, '?a=99&act=softmax');
  await expect(d).toHaveAttribute('data-a', '0');
  await expect(d.getByRole('radio', { name: 'シグモイド関数 σ' })).toBeChecked();
  await expect(d.getByTestId('activations-output')).toHaveText('σ(0) = 0.5');
  await expect.poll(() => new URL(page.url()).search).toBe('');
  // The perceptron's link lands here with its a.
  await openDemo(page, '?a=1&act=relu');
  await expect(d.getByTestId('activations-output')).toHaveText('ReLU(1) = 1');
});

test.describe('touch at 320 px', () => {
  test.use({ hasTouch: true, viewport: { width: 320, height: 640 } });

  test('a finger drags the slider and taps the field; nothing overflows sideways', async ({ page }) => {
    const d = await openDemo(page);
    const slider = d.getByRole('slider', { name: '入力の線形和 z（スライダー）' });
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    if (!box) throw new Error('the slider is not visible');
    const cdp = await page.context().newCDPSession(page);
    const y = box.y + box.height / 2;
    const x0 = box.x + box.width / 2;
    const x1 = box.x + box.width * 0.9;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y }] });
    for (let i = 1; i <= 8; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x0 + ((x1 - x0) * i) / 8, y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(async () => Number(await d.getAttribute('data-a'))).toBeGreaterThan(5);
    await expect(d.getByTestId('activations-value-step')).toContainText('= 1');

    const field = d.getByRole('textbox', { name: '入力の線形和 z', exact: true });
    await field.tap();
    await expect(field).toBeFocused();
    await field.fill('0');
    await expect(d.getByTestId('activations-output')).toHaveText('σ(0) = 0.5');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal overflow at 320 px').toBeLessThanOrEqual(0);
  });
});
