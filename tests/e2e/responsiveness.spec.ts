import { test, expect, lessonUrl } from './fixtures.ts';
import { clearLongTasks, longTasks, watchLongTasks } from '../../scripts/long-tasks.ts';

test.describe.configure({ mode: 'serial', timeout: 420_000 });
const LONG = { timeout: 300_000 };

/** Training runs in a worker: the page's main thread must never be busy for more than 200 ms. */
for (const backend of ['webgpu', 'webgl'] as const) {
  test(`no main-thread task over 200 ms while training on ${backend}`, async ({ page }) => {
    await watchLongTasks(page);
    await page.goto(`${lessonUrl('training')}?backend=${backend}`);
    const d = page.locator('section.training');
    await d.scrollIntoViewIfNeeded();
    await expect(d.locator('.backend-badge')).toHaveAttribute('data-backend', backend, LONG);

    // Positive control: a deliberate 250 ms task on the main thread must be recorded, or an
    // empty list below would prove nothing.
    await clearLongTasks(page);
    await page.evaluate(() => {
      setTimeout(() => {
        const until = performance.now() + 250;
        while (performance.now() < until) {
          // busy on purpose
        }
      }, 0);
    });
    await expect.poll(async () => Math.max(0, ...(await longTasks(page)))).toBeGreaterThanOrEqual(250);

    await d.getByLabel('エポック数').selectOption('2');
    await d.getByLabel('使う学習用画像').selectOption('300');
    await clearLongTasks(page);
    await d.getByRole('button', { name: '学習を始める' }).click();
    await expect(d.getByTestId('training-status')).toContainText('学習が終わりました', LONG);
    expect((await longTasks(page)).filter((ms) => ms > 200), 'main-thread tasks over 200 ms while training').toEqual([]);
  });
}
