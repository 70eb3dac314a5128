import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible, lessonUrl } from './fixtures.ts';

const SLOW = { timeout: 60_000 };

/** The dropout mask of a step, computed here independently: mulberry32 seeded by (2026, step), a draw below the rate drops. */
function expectedKept(step: number, rate: number, units: number): boolean[] {
  let a = (2026 ^ Math.imul(step + 1, 0x9e3779b1)) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: units }, () => next() >= rate);
}

const count = async (l: Locator) => Number.parseInt((await l.innerText()).replace(/[^0-9]/g, ''), 10);

interface Row { unit: number; kept: boolean; input: number; output: number; inputText: string; outputText: string }
async function rows(d: Locator): Promise<Row[]> {
  return d.getByTestId('dropout-mask-table').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cell = (name: string) => tr.querySelector(`[data-cell="${name}"]`)?.textContent ?? '';
      return { unit: Number(tr.getAttribute('data-unit')), kept: tr.getAttribute('data-kept') === 'true', input: Number(cell('input')), output: Number(cell('output')), inputText: cell('input'), outputText: cell('output') };
    }),
  );
}

async function openDropout(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${lessonUrl('dropout')}${query}`);
  const d = page.getByTestId('dropout-mask');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  await expect(d.locator('.backend-badge[data-backend]:not([data-backend="loading"])').first()).toBeVisible(SLOW);
  await expect(d).toHaveAttribute('data-state', 'ready', SLOW);
  return d;
}

test('dropout: each step drops about half of the 1,600 real units by its seeded mask, survivors doubled; inference changes nothing', async ({ page }) => {
  test.setTimeout(120_000);
  const d = await openDropout(page);
  await expect(d).toHaveAttribute('data-units', '1600');
  await expect(d).toHaveAttribute('data-step', '1');
  await expect(d.getByTestId('dropout-mask-step')).toHaveText('ステップ 1 のくじ');
  await expect(d.getByTestId('dropout-mask-scale')).toHaveText('1 / (1 − 0.5) = 2');

  const tensors = await d.getAttribute('data-tensors');
  let keptSomething = false;
  for (const step of [1, 2, 3]) {
    if (step > 1) {
      // Keyboard: focus the button and press Enter.
      await d.getByRole('button', { name: '次のステップ（新しいくじ）' }).press('Enter');
      await expect(d).toHaveAttribute('data-step', String(step));
      await expect(d).toHaveAttribute('data-state', 'ready');
    }
    const dropped = await count(d.getByTestId('dropout-mask-dropped'));
    const kept = await count(d.getByTestId('dropout-mask-kept'));
    expect(dropped + kept).toBe(1600);
    // Binomial(1600, 0.5): standard deviation 20; and exactly the count of the step's mask.
    expect(Math.abs(dropped - 800)).toBeLessThan(100);
    const mask = expectedKept(step, 0.5, 1600);
    expect(dropped).toBe(mask.filter((k) => !k).length);
    for (const r of await rows(d)) {
      expect(r.kept, `step ${step} unit ${r.unit}`).toBe(mask[r.unit]);
      if (r.kept) {
        expect(Math.abs(r.output - 2 * r.input), `unit ${r.unit}: ${r.inputText} → ${r.outputText}`).toBeLessThan(2e-4);
        if (r.input > 0.01) keptSomething = true;
      } else expect(r.outputText).toBe('0.0000');
    }
  }
  expect(keptSomething, 'some kept unit with a non-zero input is shown doubled').toBe(true);
  // The same step gives the same mask: back to 2 and its count again.
  await d.getByRole('button', { name: '前のステップ' }).click();
  await expect(d).toHaveAttribute('data-step', '2');
  await expect(d).toHaveAttribute('data-state', 'ready');
  expect(await count(d.getByTestId('dropout-mask-dropped'))).toBe(expectedKept(2, 0.5, 1600).filter((k) => !k).length);
  expect(page.url()).toContain('step=2');

  // The average over 100 steps stays near the sum before.
  const before = Number(await d.getByTestId('dropout-mask-sum-before').innerText());
  const average = Number(await d.getByTestId('dropout-mask-average').innerText());
  expect(before).toBeGreaterThan(0);
  expect(Math.abs(average - before) / before).toBeLessThan(0.05);

  // Inference: nothing dropped, nothing scaled.
  await d.getByLabel('判定のとき（何もしない）').check();
  await expect(d).toHaveAttribute('data-mode', 'inference');
  await expect(d).toHaveAttribute('data-state', 'ready');
  await expect(d.getByTestId('dropout-mask-dropped')).toHaveText('0 個');
  await expect(d.getByTestId('dropout-mask-kept')).toHaveText('1600 個');
  await expect(d.getByTestId('dropout-mask-scale')).toHaveText('1（判定のときは倍にしない）');
  await expect(d.getByTestId('dropout-mask-sum-after')).toHaveText(await d.getByTestId('dropout-mask-sum-before').innerText());
  for (const r of await rows(d)) expect(r.outputText, `unit ${r.unit}`).toBe(r.inputText);
  await expect(d.getByRole('button', { name: '次のステップ（新しいくじ）' })).toBeDisabled();

  // Many masks later, no tensor left behind on the page.
  expect(await d.getAttribute('data-tensors')).toBe(tensors);
  await expectAccessible(page, '[data-testid="dropout-mask"]');
});

test('dropout: the rate is validated and kept in the URL; another rate drops its share, survivors scaled by 1 / (1 − rate); play steps on', async ({ page }) => {
  test.setTimeout(120_000);
  const d = await openDropout(page, '?rate=0.8&from=0');
  await expect(d.getByTestId('dropout-mask-scale')).toHaveText('1 / (1 − 0.8) = 5');
  const dropped = await count(d.getByTestId('dropout-mask-dropped'));
  expect(Math.abs(dropped - 1280)).toBeLessThan(80);
  expect(dropped).toBe(expectedKept(1, 0.8, 1600).filter((k) => !k).length);
  for (const r of await rows(d)) if (r.kept) expect(Math.abs(r.output - 5 * r.input)).toBeLessThan(5e-4);

  const rate = d.getByLabel('ドロップアウトの割合 (rate)');
  for (const bad of ['0.95', 'abc', '', '1e999']) {
    await rate.fill(bad);
    await expect(rate).toHaveAttribute('aria-invalid', 'true');
    await expect(d.getByTestId('dropout-mask-scale')).toHaveText('1 / (1 − 0.8) = 5');
  }
  await rate.fill('0.3');
  await expect(rate).not.toHaveAttribute('aria-invalid');
  await expect(d.getByTestId('dropout-mask-scale')).toHaveText('1 / (1 − 0.3) = 1.429');
  expect(page.url()).toContain('rate=0.3');

  // Play: the steps go on by themselves until paused.
  await d.getByRole('button', { name: '自動で進める' }).click();
  await expect(d).toHaveAttribute('data-step', '3');
  await d.getByRole('button', { name: '止める' }).click();
  const stopped = await d.getAttribute('data-step');
  await expect(d.getByRole('button', { name: '自動で進める' })).toBeVisible();
  expect(await d.getAttribute('data-step')).toBe(stopped);
});

test('overfitting: without regularisation the validation error climbs and the gap opens; with L2 it stays small; no tensor leak', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // The page's tfjs on the cpu backend: the numbers do not depend on it, and it is quicker here
  // for these tiny tensors than an emulated GPU.
  await page.goto(`${lessonUrl('dropout')}?backend=cpu`);
  const d = page.getByTestId('overfitting');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  await expect(d.locator('.backend-badge[data-backend]:not([data-backend="loading"])')).toBeVisible(SLOW);
  await expect(d).toHaveAttribute('data-tensors', /^\d+$/);
  const tensors = await d.getAttribute('data-tensors');
  await expect(d.getByTestId('overfitting-steps')).toHaveText('0 / 600');

  const run = async () => {
    await d.getByRole('button', { name: '学習を始める' }).click();
    await expect(d).toHaveAttribute('data-phase', 'done', SLOW);
    await expect(d.getByTestId('overfitting-steps')).toHaveText('600 / 600');
    const train = Number(await d.getByTestId('overfitting-train-error').innerText());
    const validation = Number(await d.getByTestId('overfitting-validation-error').innerText());
    const gap = Number(await d.getByTestId('overfitting-gap').innerText());
    expect(Math.abs(gap - (validation - train))).toBeLessThan(2e-3);
    return { train, validation, gap };
  };

  const free = await run();
  expect(free.train).toBeLessThan(0.01);
  expect(free.gap).toBeGreaterThan(0.5);

  await d.getByLabel('正則化（L2: 重みの 2 乗の和に罰を与える）').check();
  await expect(d).toHaveAttribute('data-regularise', 'true');
  await expect(d.getByTestId('overfitting-steps')).toHaveText('0 / 600');
  expect(page.url()).toContain('l2=1');
  const l2 = await run();
  expect(l2.gap).toBeLessThan(free.gap / 5);
  expect(l2.validation).toBeLessThan(free.validation);
  expect(l2.train).toBeGreaterThan(free.train);

  await d.getByRole('button', { name: 'リセット' }).click();
  await expect(d.getByTestId('overfitting-steps')).toHaveText('0 / 600');
  await expect(d).toHaveAttribute('data-tensors', tensors ?? '');
  await expectAccessible(page, '[data-testid="overfitting"]');
});
