import type { Locator, Page } from '@playwright/test';
import { expect, lessonUrl } from './fixtures.ts';
import { toScreenX, toScreenY, VIEW } from '../../src/lib/regression/plot.ts';

/** Opens lesson 1-1 (with an optional query) and waits for the demo to hydrate. */
export async function openRegression(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${lessonUrl('regression')}${query}`);
  const d = page.getByTestId('regression-demo');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  return d;
}

/** A number the demo exposes as a data attribute (exact, unrounded). */
export async function attr(d: Locator, name: 'a' | 'b' | 'qt' | 'points' | 'tensors'): Promise<number> {
  return Number(await d.getAttribute(`data-${name}`));
}

/** The page position (CSS px) of data coordinates (x, y) on the plot. */
export async function plotPosition(d: Locator, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await d.getByTestId('regression-plot').boundingBox();
  if (!box) throw new Error('the plot is not visible');
  const k = box.width / VIEW;
  return { x: box.x + toScreenX(x) * k, y: box.y + toScreenY(y) * k };
}
