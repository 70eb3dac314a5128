import { test as base, expect } from '@playwright/test';

/** The lessons in the course map's order; the site must walk them exactly so. */
export const COURSE_ORDER = [
  'regression', 'perceptron', 'activations', 'network', 'learning', 'colab-mnist',
  'program', 'cnn', 'convolution', 'pooling', 'flatten', 'dropout', 'dense-softmax',
  'compile', 'gradient-descent', 'training', 'evaluate', 'draw',
] as const;

export const lessonUrl = (slug: string) => `lessons/${slug}/`;

/**
 * Every test gets a page that records console errors, uncaught exceptions and every request;
 * after the test it asserts that none of them went wrong and no request left 127.0.0.1.
 */
export const test = base.extend<{ guard: { consoleErrors: string[]; foreign: string[] } }>({
  guard: [
    async ({ page }, use) => {
      const consoleErrors: string[] = [];
      const foreign: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.protocol === 'data:' || url.protocol === 'blob:') return;
        if (url.hostname !== '127.0.0.1') foreign.push(r.url());
      });
      const guard = { consoleErrors, foreign };
      await use(guard);
      expect(foreign, 'requests that left 127.0.0.1').toEqual([]);
      expect(consoleErrors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Runs axe on one part of the page (after a demo has rendered its results) in both themes. */
export async function expectAccessible(page: import('@playwright/test').Page, selector: string): Promise<void> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const result = await new AxeBuilder({ page }).include(selector).analyze();
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${scheme}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, `axe violations in ${selector}`).toEqual([]);
  }
}
