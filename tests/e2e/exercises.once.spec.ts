import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible, lessonUrl } from './fixtures.ts';
import { EXERCISES } from '../../src/lib/exercises/bank.ts';
import type { Question } from '../../src/lib/exercises/types.ts';

/**
 * The self-check exercises at the end of each lesson and the progress kept in the browser
 * (issue #15): answers right and wrong with their feedback, a computed answer checked against the
 * model's spec written out here, the lesson marked read at its end, the outlines' marks, a reload,
 * and the reset on the home page.
 */

const exercises = (page: Page) => page.getByTestId('exercises');
const question = (page: Page, id: string) => page.locator(`[data-question="${id}"]`);

async function openExercises(page: Page, slug: string): Promise<Locator> {
  await page.goto(lessonUrl(slug));
  const section = exercises(page);
  await section.scrollIntoViewIfNeeded();
  await expect(section).toHaveAttribute('data-hydrated', 'true');
  return section;
}

const byId = (slug: keyof typeof EXERCISES, id: string): Question => {
  const q = EXERCISES[slug].find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};

test('a right and a wrong answer each show their feedback; the lesson and its score show on the outlines and survive a reload', async ({ page }) => {
  test.setTimeout(90_000);
  const section = await openExercises(page, 'convolution');

  // A number question whose answer is the model's: conv1 has 3·3·1·32 weights and 32 biases.
  const params = byId('convolution', 'convolution.conv1-params');
  expect(params.kind === 'number' && params.answer).toBe(3 * 3 * 1 * 32 + 32);
  const q1 = question(page, params.id);
  const field = q1.getByLabel('答え（数値）');
  // Not a number: a clear message, nothing recorded.
  await field.fill('三百二十');
  await q1.getByRole('button', { name: '答え合わせ' }).click();
  await expect(q1).toContainText('数値を入力してください');
  await expect(q1).toHaveAttribute('data-state', 'open');
  // The biases forgotten: wrong, with the right answer and the explanation.
  await field.fill('288');
  await field.press('Enter');
  await expect(q1).toHaveAttribute('data-state', 'wrong');
  await expect(q1.getByRole('status')).toContainText('不正解です。');
  await expect(q1.getByRole('status')).toContainText('正解は「320」です。');
  await expect(q1.getByRole('status')).toContainText(params.explanation.ja);
  // Again, right this time, typed with full-width digits.
  await q1.getByRole('button', { name: 'もう一度答える' }).click();
  await expect(field).toBeFocused();
  await field.fill('３２０');
  await q1.getByRole('button', { name: '答え合わせ' }).click();
  await expect(q1).toHaveAttribute('data-state', 'right');
  await expect(q1.getByRole('status')).toContainText('正解です。');

  // A multiple-choice question with the keyboard: Tab to the options, arrows, then the button.
  const choice = EXERCISES.convolution.find((q): q is Extract<Question, { kind: 'choice' }> => q.kind === 'choice');
  if (!choice) throw new Error('no choice question in the convolution lesson');
  const q2 = question(page, choice.id);
  const first = q2.getByRole('radio').first();
  await first.focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < choice.correct; i++) await page.keyboard.press('ArrowDown');
  await expect(q2.getByRole('radio').nth(choice.correct)).toBeChecked();
  await q2.getByRole('button', { name: '答え合わせ' }).focus();
  await page.keyboard.press('Enter');
  await expect(q2).toHaveAttribute('data-state', 'right');
  await expect(q2.getByRole('status')).toContainText(choice.explanation.ja);

  const total = EXERCISES.convolution.length;
  await expect(section.getByTestId('exercises-score')).toHaveText(`${total} 問中 2 問正解`);
  await expectAccessible(page, '[data-testid="exercises"]');

  // The end of the lesson was reached: the sidebar marks it read, with the score.
  const navLink = page.locator('.course-nav a[data-progress-slug="convolution"]');
  await expect(navLink).toHaveAttribute('data-progress-read', 'true');
  await expect(navLink.locator('[data-progress-badge]')).toHaveText(`読了 確認問題 2/${total}`);

  // A reload keeps the answers and the marks.
  await page.reload();
  await exercises(page).scrollIntoViewIfNeeded();
  await expect(exercises(page)).toHaveAttribute('data-hydrated', 'true');
  await expect(question(page, params.id)).toHaveAttribute('data-state', 'right');
  await expect(question(page, params.id).getByLabel('答え（数値）')).toHaveValue('３２０');
  await expect(question(page, choice.id)).toHaveAttribute('data-state', 'right');
  await expect(page.locator('.course-nav a[data-progress-slug="convolution"] [data-progress-badge]')).toHaveText(`読了 確認問題 2/${total}`);

  // The home page's outline shows it; the reset clears it, after asking.
  await page.goto('./');
  const home = page.locator('.outline a[data-progress-slug="convolution"]');
  await expect(home.locator('[data-progress-badge]')).toHaveText(`読了 確認問題 2/${total}`);
  await expect(page.locator('.outline a[data-progress-slug="pooling"] [data-progress-badge]')).toHaveText('');
  const summary = page.locator('[data-progress-summary]');
  await expect(summary).toContainText('1 レッスン読了');
  await expect(summary).toContainText('2 問正解');
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('button', { name: '進み具合を消去' }).click();
  await expect(home.locator('[data-progress-badge]')).toHaveText(`読了 確認問題 2/${total}`);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: '進み具合を消去' }).click();
  await expect(home.locator('[data-progress-badge]')).toHaveText('');
  await expect(summary).toContainText('0 レッスン読了');
  await expect(page.getByRole('button', { name: '進み具合を消去' })).toBeDisabled();
  await page.reload();
  await expect(page.locator('.outline a[data-progress-slug="convolution"] [data-progress-badge]')).toHaveText('');

  // And the lesson's questions are open again.
  await openExercises(page, 'convolution');
  await expect(question(page, params.id)).toHaveAttribute('data-state', 'open');
});

test.describe('on a phone', () => {
  test.use({ hasTouch: true, viewport: { width: 320, height: 640 } });

  test('answered by touch, and the same answer shows in the English edition', async ({ page }) => {
  const section = await openExercises(page, 'training');
  await expect(section.locator('[data-question]')).toHaveCount(EXERCISES.training.length);
  // The number of batches per epoch is the training plan's: ⌈54,000 / 128⌉.
  const batches = byId('training', 'training.batches');
  expect(batches.kind === 'number' && batches.answer).toBe(Math.ceil(54_000 / 128));
  const q = question(page, batches.id);
  await q.getByLabel('答え（数値）').tap();
  await q.getByLabel('答え（数値）').fill(String(Math.ceil(54_000 / 128)));
  await q.getByRole('button', { name: '答え合わせ' }).tap();
  await expect(q).toHaveAttribute('data-state', 'right');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow at 320 px').toBeLessThanOrEqual(0);

  await page.goto(`en/${lessonUrl('training')}`);
  const en = exercises(page);
  await en.scrollIntoViewIfNeeded();
  await expect(en).toHaveAttribute('data-hydrated', 'true');
  await expect(en.getByRole('heading', { name: 'Check yourself' })).toBeVisible();
  // The answer given on the Japanese page counts in the English edition too.
  await expect(question(page, batches.id)).toHaveAttribute('data-state', 'right');
  await expect(question(page, batches.id).getByRole('status')).toContainText(batches.explanation.en);
  await expectAccessible(page, '[data-testid="exercises"]');
});
});
