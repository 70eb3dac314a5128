import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible, lessonUrl } from './fixtures.ts';

const DEMO = '[data-testid="program-steps"]';
/** What each step's Python must say (the deck's program) and the lesson its first link opens. */
const STEPS = [
  { python: 'import tensorflow as tf', lesson: 'colab-mnist' },
  { python: 'to_categorical(y_train, 10)', lesson: 'colab-mnist' },
  { python: 'keras.Sequential', lesson: 'cnn' },
  { python: 'model.summary()', lesson: 'cnn' },
  { python: 'model.compile(', lesson: 'compile' },
  { python: 'model.fit(', lesson: 'training' },
  { python: 'model.evaluate(', lesson: 'evaluate' },
];

async function openProgram(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${lessonUrl('program')}${query}`);
  const demo = page.locator(DEMO);
  await demo.scrollIntoViewIfNeeded();
  await expect(demo).toHaveAttribute('data-hydrated', 'true');
  return demo;
}

/** The shown TypeScript is the source file's own text: every line is in the file named above it. */
async function expectRealTypeScript(demo: Locator): Promise<void> {
  const blocks = demo.getByTestId('program-typescript').locator('figure');
  const count = await blocks.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const file = (await blocks.nth(i).locator('figcaption').innerText()).trim();
    const source = readFileSync(file, 'utf8');
    const lines = (await blocks.nth(i).locator('pre').innerText()).split('\n').map((l) => l.trim()).filter((l) => l !== '');
    expect(lines.length, file).toBeGreaterThan(0);
    for (const line of lines) expect(source, `${file}: ${line}`).toContain(line);
  }
}

test('the seven steps walked with the keyboard: Python, the real TypeScript and a working lesson link each', async ({ page }) => {
  const demo = await openProgram(page);
  const tab = (n: number) => demo.getByRole('tab', { name: new RegExp(`^\\(${n}\\) `) });
  await expect(demo.getByRole('tab')).toHaveCount(7);
  await tab(1).focus();
  for (const [i, step] of STEPS.entries()) {
    const n = i + 1;
    if (n > 1) await page.keyboard.press('ArrowRight');
    await expect(demo).toHaveAttribute('data-step', String(n));
    await expect(tab(n)).toBeFocused();
    await expect(tab(n)).toHaveAttribute('aria-selected', 'true');
    const panel = demo.getByRole('tabpanel');
    await expect(panel).toContainText(`ステップ ${n} / 7`);
    await expect(panel.getByTestId('program-python').locator('pre')).toContainText(step.python);
    await expectRealTypeScript(demo);
    const link = panel.getByRole('navigation').getByRole('link').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`/lessons/${step.lesson}/$`));
    const response = await page.request.get(new URL(href ?? '', page.url()).href);
    expect(response.status(), href ?? '').toBe(200);
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe(n === 1 ? null : String(n));
  }
  // At the end the arrow stays; Home goes back to the start; the buttons move too.
  await page.keyboard.press('ArrowRight');
  await expect(demo).toHaveAttribute('data-step', '7');
  await page.keyboard.press('Home');
  await expect(demo).toHaveAttribute('data-step', '1');
  await expect(demo.getByRole('button', { name: '前のステップ' })).toBeDisabled();
  await demo.getByRole('button', { name: '次のステップ' }).click();
  await expect(demo).toHaveAttribute('data-step', '2');
  await demo.getByRole('button', { name: '前のステップ' }).click();
  await expect(demo).toHaveAttribute('data-step', '1');
});

test('step 2 computes the one-hot label live; ?step=5 opens step 5; 320 px does not overflow; axe', async ({ page }) => {
  let demo = await openProgram(page, '?step=2');
  await expect(demo).toHaveAttribute('data-step', '2');
  const vector = demo.getByTestId('one-hot-vector');
  const expected = (label: number) => Array.from({ length: 10 }, (_, k) => (k === label ? 1 : 0)).join(',');
  const shown = async () => ((await vector.textContent()) ?? '').replace(/\s/g, '');
  for (const label of [7, 0, 2]) {
    await demo.getByRole('button', { name: `ラベル ${label}`, exact: true }).click();
    await expect(demo.getByRole('button', { name: `ラベル ${label}`, exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(shown).toBe(`${label}→(${expected(label)})`);
  }
  expect(await shown()).toBe('2→(0,0,1,0,0,0,0,0,0,0)');
  await expect(demo.locator('.program-steps__hot')).toHaveCount(1);

  // A real sample digit's pixels, before and after / 255 (checked here from the raw values shown).
  const expectScaled = async () => {
    const raw = (await demo.getByTestId('pixel-raw').locator('td').allInnerTexts()).map(Number);
    const scaled = await demo.getByTestId('pixel-scaled').locator('td').allInnerTexts();
    expect(raw.length).toBe(6);
    expect(raw.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)).toBe(true);
    expect(raw.some((v) => v > 0)).toBe(true);
    expect(scaled).toEqual(raw.map((v) => (v / 255).toFixed(3)));
    return raw;
  };
  await expect(demo.getByTestId('pixel-table')).toBeVisible();
  const before = await expectScaled();
  await demo.getByTestId('program-digit-3').click();
  await expect(demo.getByTestId('program-digits')).toHaveAttribute('data-label', '3');
  await expect.poll(async () => (await demo.getByTestId('pixel-raw').locator('td').allInnerTexts()).join(',')).not.toBe(before.join(','));
  await expectScaled();
  await expectAccessible(page, DEMO);

  demo = await openProgram(page, '?step=5');
  await expect(demo).toHaveAttribute('data-step', '5');
  await expect(demo.getByRole('tab', { name: /^\(5\) / })).toHaveAttribute('aria-selected', 'true');
  await expect(demo.getByTestId('program-python')).toContainText('categorical_crossentropy');
  demo = await openProgram(page, '?step=99');
  await expect(demo).toHaveAttribute('data-step', '1');

  await page.setViewportSize({ width: 320, height: 700 });
  demo = await openProgram(page, '?step=6');
  await expect(demo).toHaveAttribute('data-step', '6');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow at 320 px').toBeLessThanOrEqual(0);
  // Long lines scroll inside their own box, and the two languages are stacked.
  const pre = demo.getByTestId('program-typescript').locator('pre').last();
  expect(await pre.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  const py = await demo.getByTestId('program-python').boundingBox();
  const ts = await demo.getByTestId('program-typescript').boundingBox();
  expect((ts?.y ?? 0) >= (py?.y ?? 0) + (py?.height ?? 0) - 1).toBe(true);
});
