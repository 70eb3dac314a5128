import { test, expect, expectAccessible } from './fixtures.ts';
import { attr, openRegression, plotPosition } from './regression-helpers.ts';

test('points move with the mouse and the keyboard, are added and removed, and Q_t follows', async ({ page }) => {
  const d = await openRegression(page);
  await expect(d).toHaveAttribute('data-qt', '2');
  // The learning rate's limit for these points: 1 / (17 + √269) ≈ 0.0299.
  await expect(d.locator('#regression-lr-help')).toContainText('約 0.0299 を超えると');

  // Drag point 3 (3, 5) up to (3, 7) with the mouse.
  const from = await plotPosition(d, 3, 5);
  const to = await plotPosition(d, 3, 7);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  await expect(d.getByRole('button', { name: /^点 3: x = 3、y = 7、/ })).toBeVisible();
  // Residuals 0, 0, 3, 1: Q_t = 10.
  await expect(d).toHaveAttribute('data-qt', '10');
  await expect(d.getByTestId('regression-qt')).toHaveText('Q_t = 10');
  await expect.poll(() => new URL(page.url()).searchParams.get('pts')).toBe('1,2,2,3,3,7,4,6');

  // Keyboard: point 3 down by 2 (Shift+↓ twice: 1 each), back to (3, 5).
  const p3 = d.getByRole('button', { name: /^点 3:/ });
  await p3.focus();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(d).toHaveAttribute('data-qt', '2');
  await page.keyboard.press('ArrowUp');
  await expect(d.getByRole('button', { name: /^点 3: x = 3、y = 5.1、/ })).toBeFocused();
  expect(Math.abs((await attr(d, 'qt')) - (1.1 ** 2 + 1))).toBeLessThan(1e-9);
  await page.keyboard.press('ArrowLeft');
  await expect(d.getByRole('button', { name: /^点 3: x = 2.9、y = 5.1、/ })).toBeFocused();

  // A click on empty space adds a point; Delete removes the focused one.
  const empty = await plotPosition(d, 8, 2);
  await page.mouse.click(empty.x, empty.y);
  await expect(d).toHaveAttribute('data-points', '5');
  await expect(d.getByRole('button', { name: /^点 5: x = 8、y = 2、/ })).toBeVisible();
  await expect(d.locator('#regression-lr-help')).not.toContainText('約 0.0299 を超えると');
  await d.getByRole('button', { name: /^点 5:/ }).focus();
  await page.keyboard.press('Delete');
  await expect(d).toHaveAttribute('data-points', '4');
  // The list: add by button, remove by button.
  await d.getByRole('button', { name: '点を追加' }).click();
  await expect(d).toHaveAttribute('data-points', '5');
  await d.getByRole('button', { name: '点 5 を削除' }).click();
  await expect(d).toHaveAttribute('data-points', '4');

  // The slider moves a by 0.01 per key.
  await d.getByRole('button', { name: '最初に戻す' }).click();
  await d.getByLabel('傾き a（スライダー）').focus();
  await page.keyboard.press('ArrowRight');
  await expect(d).toHaveAttribute('data-a', '1.01');
  await expect(d.getByLabel('傾き a', { exact: true })).toHaveValue('1.01');

  await d.getByRole('button', { name: '最適な直線（公式）' }).click();
  await expectAccessible(page, '[data-testid="regression-demo"]');
});

test('bad input is refused with a message and the last good value stays', async ({ page }) => {
  const d = await openRegression(page);
  const a = d.getByLabel('傾き a', { exact: true });
  await a.fill('2');
  await expect(d).toHaveAttribute('data-a', '2');
  for (const [text, message] of [['abc', '数として読めません'], ['1e999', '大きすぎる値や無限大'], ['5000', '-1000 以上 1000 以下'], ['', '数を入力してください']] as const) {
    await a.fill(text);
    await expect(a).toHaveAttribute('aria-invalid', 'true');
    await expect(d.locator('#regression-a-message')).toContainText(message);
    await expect(d).toHaveAttribute('data-a', '2');
  }
  await page.keyboard.press('Escape');
  await expect(a).toHaveValue('2');
  const lr = d.getByLabel('学習率', { exact: true });
  await lr.fill('NaN');
  await expect(d.locator('#regression-lr-message')).toContainText('数として読めません');
  await lr.fill('7');
  await expect(d.locator('#regression-lr-message')).toContainText('以下の数を入力してください');
  expect(new URL(page.url()).searchParams.get('lr')).toBeNull();

  // Fewer than two points, or all x equal: "best fit" explains instead of answering.
  const same = await openRegression(page, '?pts=3,1,3,5&a=0.5');
  await expect(same).toHaveAttribute('data-points', '2');
  await same.getByRole('button', { name: '最適な直線（公式）' }).click();
  await expect(same.getByTestId('regression-outcome')).toContainText('すべての点の x が同じ');
  await expect(same).toHaveAttribute('data-a', '0.5');
  await same.getByRole('button', { name: '点 2 を削除' }).click();
  await same.getByRole('button', { name: '最適な直線（公式）' }).click();
  await expect(same.getByTestId('regression-outcome')).toContainText('点が 2 つ以上ないと');
  await expect(same).toHaveAttribute('data-a', '0.5');
});

test('a shared link restores points, a, b and the learning rate; a malformed one falls back to the example', async ({ page }) => {
  const d = await openRegression(page, '?pts=1,1,2,3,3,2&a=0.5&b=1.5&lr=0.01');
  await expect(d).toHaveAttribute('data-points', '3');
  await expect(d).toHaveAttribute('data-a', '0.5');
  await expect(d).toHaveAttribute('data-b', '1.5');
  await expect(d.getByLabel('学習率', { exact: true })).toHaveValue('0.01');
  // Residuals −1, 0.5, −1: Q_t = 2.25.
  await expect(d).toHaveAttribute('data-qt', '2.25');

  // Change something, then open the link the page now shows in a fresh page.
  await d.getByLabel('切片 b', { exact: true }).fill('2');
  await expect.poll(() => new URL(page.url()).searchParams.get('b')).toBe('2');
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  const d2 = other.getByTestId('regression-demo');
  await d2.scrollIntoViewIfNeeded();
  await expect(d2).toHaveAttribute('data-hydrated', 'true');
  await expect(d2).toHaveAttribute('data-b', '2');
  await expect(d2).toHaveAttribute('data-a', '0.5');
  await expect(d2).toHaveAttribute('data-points', '3');
  await other.close();

  // Garbage: every field falls back, and the URL is cleaned.
  const bad = await openRegression(page, '?pts=1,2,3&a=NaN&b=1e999&lr=-4');
  await expect(bad).toHaveAttribute('data-points', '4');
  await expect(bad).toHaveAttribute('data-a', '1');
  await expect(bad).toHaveAttribute('data-b', '1');
  await expect(bad).toHaveAttribute('data-qt', '2');
  await expect.poll(() => new URL(page.url()).search).toBe('');
});

test.describe('touch at 320 px', () => {
  test.use({ hasTouch: true, viewport: { width: 320, height: 640 } });

  test('a finger drags a point and taps one in, without scrolling the page', async ({ page }) => {
    const d = await openRegression(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const plot = d.getByTestId('regression-plot');
    await plot.evaluate((el) => {
      el.scrollIntoView({ block: 'center' });
    });
    const scrollY = () => page.evaluate(() => window.scrollY);
    const before = await scrollY();
    const cdp = await page.context().newCDPSession(page);
    const from = await plotPosition(d, 3, 5);
    const to = await plotPosition(d, 3, 7);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
    for (let i = 1; i <= 8; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x, y: from.y + ((to.y - from.y) * i) / 8 }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect(d).toHaveAttribute('data-qt', '10');
    expect(await scrollY()).toBe(before);

    const spot = await plotPosition(d, 8, 2);
    await page.touchscreen.tap(spot.x, spot.y);
    await expect(d).toHaveAttribute('data-points', '5');
    await expect(d.getByRole('button', { name: /^点 5: x = 8、y = 2、/ })).toBeVisible();
  });
});
