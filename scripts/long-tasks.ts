/**
 * Main-thread tasks over 50 ms, as the browser's `longtask` observer reports them, recorded from
 * a page's first script on (Playwright's init script) in `globalThis.__longTasks`. Shared by the
 * benchmark (scripts/bench.ts) and the responsiveness test (tests/e2e/responsiveness.spec.ts).
 */
import type { Page } from '@playwright/test';

type WithTasks = { __longTasks: number[] };

/** Starts recording on every document the page opens from now on. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const long: number[] = [];
    Object.assign(globalThis, { __longTasks: long });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) long.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The durations recorded so far, in ms. */
export const longTasks = (page: Page): Promise<number[]> => page.evaluate(() => (globalThis as unknown as WithTasks).__longTasks);

/** Forgets what was recorded so far. */
export const clearLongTasks = (page: Page): Promise<void> =>
  page.evaluate(() => {
    (globalThis as unknown as WithTasks).__longTasks.length = 0;
  });
