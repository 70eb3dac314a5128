import type { Locator, Page } from '@playwright/test';
import { expect, lessonUrl } from './fixtures.ts';

/** Evaluation runs on the emulated GPU of the test machine: slow, so the waits are generous. */
export const SLOW = { timeout: 180_000 };

export const demo = (page: Page) => page.locator('section.evaluate');

/** Opens lesson 3-11 and waits until 評価する can be pressed (hydrated, a model available). */
export async function openLesson(page: Page): Promise<Locator> {
  await page.goto(lessonUrl('evaluate'));
  const d = demo(page);
  await d.scrollIntoViewIfNeeded();
  await expect(d.getByRole('button', { name: '評価する', exact: true })).toBeEnabled({ timeout: 60_000 });
  return d;
}
