import AxeBuilder from '@axe-core/playwright';
import { test, expect, COURSE_ORDER, lessonUrl, walkCourse, expectTablesReadableAt320 } from './fixtures.ts';

test.describe('home page', () => {
  test('outlines every chapter and lesson and starts the course', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const links = page.locator('.outline__lessons a');
    await expect(links).toHaveCount(COURSE_ORDER.length);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(COURSE_ORDER.map((s) => `/${lessonUrl(s)}`));
    await expect(page.getByRole('heading', { level: 3 })).toHaveCount(4);
    await page.getByRole('link', { name: '最初のレッスンから始める' }).click();
    await expect(page).toHaveURL(new RegExp(`${lessonUrl(COURSE_ORDER[0])}$`));
  });

  test('a page without demos ships no JavaScript file', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto('./');
    await page.goto(lessonUrl('regression'));
    expect(scripts).toEqual([]);
  });
});

for (const slug of COURSE_ORDER) {
  test(`lesson ${slug}: title, formulas, layout`, async ({ page }) => {
    await page.goto(lessonUrl(slug));
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveCount(1);
    const title = (await h1.innerText()).trim();
    expect(title.length).toBeGreaterThan(2);
    expect(title).not.toMatch(/準備中/);
    await expect(page).toHaveTitle(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await expect(page.getByRole('navigation', { name: 'パンくずリスト' })).toContainText(title);
    await expect(page.locator('.course-nav a[aria-current="page"]')).toHaveCount(1);
    // Every lesson carries a live demo, and no placeholder is left.
    await expect(page.locator('.demo-slot'), 'demo placeholders').toHaveCount(0);
    expect(await page.locator('section.demo, .demo').count(), 'live demos on the page').toBeGreaterThan(0);

    // Every formula is KaTeX output: no render errors, and no TeX source left in the text.
    const katexCount = await page.locator('.prose .katex').count();
    expect(katexCount, 'formulas on the page').toBeGreaterThan(0);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    const prose = await page.locator('.prose').evaluate((el) => {
      const clone = el.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('.katex, pre, code, script, style').forEach((n) => {
        n.remove();
      });
      return clone.textContent;
    });
    expect(prose).not.toMatch(/\$/);
    expect(prose).not.toMatch(/\\(frac|sum|times|sigma|theta|begin|end|left|right|cdot|log|exp|max|bar|text)\b/);
    // The lesson fits a 320 px phone without sideways scrolling of the page.
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal overflow at 320 px').toBeLessThanOrEqual(0);
    await expectTablesReadableAt320(page);
  });
}

test('next links walk the whole course in map order, previous links walk back', async ({ page }) => {
  // 36 page loads, some of them starting demos (tfjs, workers) while other tests use both cores.
  test.setTimeout(240_000);
  await page.goto(lessonUrl(COURSE_ORDER[0]));
  const walk = (rel: 'next' | 'prev') => walkCourse(page, rel);
  const visited = await walk('next');
  expect(visited).toEqual(COURSE_ORDER.map((s) => `/${lessonUrl(s)}`));
  const back = await walk('prev');
  expect(back).toEqual([...visited].reverse());
});

test('dark mode follows the system and the toggle overrides it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(lessonUrl('cnn'));
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await bg();
  await page.getByRole('button', { name: /^テーマ/ }).click(); // system → dark: unchanged
  expect(await bg()).toBe(dark);
  await page.getByRole('button', { name: /^テーマ/ }).click(); // dark → light
  const light = await bg();
  expect(light).not.toBe(dark);
  await page.reload();
  expect(await bg()).toBe(light);
  await page.getByRole('button', { name: /^テーマ/ }).click(); // light → system (dark)
  expect(await bg()).toBe(dark);
});

const allPages = ['', ...COURSE_ORDER.map(lessonUrl)];
for (const scheme of ['light', 'dark'] as const) {
  test(`axe: no serious or critical violation on any page (${scheme})`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: scheme });
    const problems: string[] = [];
    for (const path of allPages) {
      await page.goto(path || './');
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') {
          problems.push(`${path || '/'}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
}
