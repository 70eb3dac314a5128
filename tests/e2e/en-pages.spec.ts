import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, COURSE_ORDER, lessonUrl, walkCourse, expectTablesReadableAt320 } from './fixtures.ts';
import { GLOSSARY } from '../../src/lib/glossary.ts';

/**
 * The English edition (issue #14): every page under /en/, the language switch in both directions
 * (same lesson, same section, demo state kept), the suggestion that never redirects, the glossary
 * pages, and demos that show English and compute the numbers the Japanese edition does.
 */
const enLesson = (slug: string) => `en/${lessonUrl(slug)}`;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/u;

/** The visible text of `selector` without what may be Japanese on an English page: elements marked lang="ja", quotations 「…」, glosses "(損失関数)". */
async function englishText(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().evaluate((el) => {
    const clone = el.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('[lang="ja"], .katex, pre, code, script, style').forEach((n) => {
      n.remove();
    });
    return clone.textContent.replace(/「[^」]*」/g, '').replace(/\([^()]*\)/g, (m) => (/[A-Za-z0-9]/.test(m) ? m : ''));
  });
}

test('the English home page outlines the English course and says its language', async ({ page }) => {
  await page.goto('en/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const links = page.locator('.outline__lessons a');
  await expect(links).toHaveCount(COURSE_ORDER.length);
  expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(COURSE_ORDER.map((s) => `/${enLesson(s)}`));
  await expect(page.locator('link[rel="alternate"][hreflang="ja"]')).toHaveAttribute('href', '/');
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', '/en/');
  expect(await englishText(page, 'main'), 'Japanese on the English home page').not.toMatch(JAPANESE);
  await page.getByRole('link', { name: 'Start with the first lesson' }).click();
  await expect(page).toHaveURL(new RegExp(`${enLesson(COURSE_ORDER[0])}$`));
});

for (const slug of COURSE_ORDER) {
  test(`English lesson ${slug}: title, formulas, demos in English, hreflang`, async ({ page }) => {
    await page.goto(enLesson(slug));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const h1 = page.getByRole('heading', { level: 1 });
    const title = (await h1.innerText()).trim();
    expect(title).not.toMatch(JAPANESE);
    await expect(page).toHaveTitle(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await expect(page.locator(`link[rel="alternate"][hreflang="ja"]`)).toHaveAttribute('href', `/${lessonUrl(slug)}`);
    await expect(page.locator(`link[rel="alternate"][hreflang="en"]`)).toHaveAttribute('href', `/${enLesson(slug)}`);
    expect(await page.locator('.prose .katex').count(), 'formulas').toBeGreaterThan(0);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    const prose = await englishText(page, '.prose');
    expect(prose).not.toMatch(/\$/);
    expect(prose).not.toMatch(/\\(frac|sum|times|sigma|theta|begin|end|left|right|cdot|log|exp|max|bar|text)\b/);
    expect(prose.split('\n').filter((l) => JAPANESE.test(l)), 'Japanese outside quotations and glosses').toEqual([]);
    // The demos speak English, before and after they hydrate.
    const demos = page.locator('section.demo, .demo');
    expect(await demos.count(), 'live demos').toBeGreaterThan(0);
    await demos.first().scrollIntoViewIfNeeded();
    for (let i = 0; i < (await demos.count()); i++) {
      const text = await demos.nth(i).evaluate((el) => {
        const clone = el.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('[lang="ja"], .katex, pre, code').forEach((n) => {
          n.remove();
        });
        return clone.textContent;
      });
      expect(text.match(new RegExp(`.{0,20}${JAPANESE.source}.{0,20}`, 'u'))?.[0] ?? '', `Japanese in demo ${i + 1}`).toBe('');
    }
    // English words are longer: the page still fits a 320 px phone without sideways scrolling.
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal overflow at 320 px').toBeLessThanOrEqual(0);
    await expectTablesReadableAt320(page);
  });
}

test('next links walk the English course in order, previous links walk back', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(enLesson(COURSE_ORDER[0]));
  const walk = (rel: 'next' | 'prev') => walkCourse(page, rel);
  const visited = await walk('next');
  expect(visited).toEqual(COURSE_ORDER.map((s) => `/${enLesson(s)}`));
  expect(await walk('prev')).toEqual([...visited].reverse());
});

test('the switch lands on the same lesson, section and demo state in both directions, and is remembered', async ({ page }) => {
  // A regression demo state in the query and the third section in the hash.
  await page.goto(`${lessonUrl('regression')}?pts=1,2,2,3,3,7,4,6`);
  const jaSections = await page.locator('.toc a').evaluateAll((as) => as.map((a) => decodeURIComponent((a.getAttribute('href') ?? '').slice(1))));
  await page.locator('.toc a').nth(2).click();
  await expect(page).toHaveURL(/#/);
  await page.getByRole('link', { name: 'This page in English', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${enLesson('regression')}\\?pts=1%2C2%2C2%2C3%2C3%2C7%2C4%2C6#|/${enLesson('regression')}\\?pts=1,2,2,3,3,7,4,6#`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const enSections = await page.locator('.toc a').evaluateAll((as) => as.map((a) => decodeURIComponent((a.getAttribute('href') ?? '').slice(1))));
  expect(enSections.length).toBe(jaSections.length);
  expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(enSections[2]);
  // The demo kept its state: the moved point gives Q_t = 10, as in Japanese.
  const d = page.getByTestId('regression-demo');
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-hydrated', 'true');
  await expect(d).toHaveAttribute('data-qt', '10');
  expect(await page.evaluate(() => localStorage.getItem('cnn-course-locale'))).toBe('en');
  // And back, from the fifth section.
  await page.locator('.toc a').nth(4).click();
  await page.getByRole('link', { name: 'このページの日本語版', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  expect(new URL(page.url()).pathname).toBe(`/${lessonUrl('regression')}`);
  expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(jaSections[4]);
  expect(new URL(page.url()).searchParams.get('pts')).toBe('1,2,2,3,3,7,4,6');
  expect(await page.evaluate(() => localStorage.getItem('cnn-course-locale'))).toBe('ja');
});

test.describe('an English-speaking browser on a first visit', () => {
  test.use({ locale: 'en-US' });
  test('is offered the English edition, never redirected; dismissing remembers Japanese', async ({ page }) => {
    await page.goto(lessonUrl('cnn'));
    expect(new URL(page.url()).pathname).toBe(`/${lessonUrl('cnn')}`);
    const suggestion = page.locator('[data-lang-suggest]');
    await expect(suggestion).toBeVisible();
    await expect(suggestion.getByRole('link', { name: 'Read this page in English' })).toHaveAttribute('href', new RegExp(`/${enLesson('cnn')}`));
    await suggestion.getByRole('button', { name: '閉じる' }).click();
    await expect(suggestion).toBeHidden();
    await page.reload();
    await expect(page.locator('[data-lang-suggest]')).toBeHidden();
    // On the English pages nothing is suggested to an English browser that has not chosen Japanese… but it has now.
    await page.goto(enLesson('cnn'));
    await expect(page.locator('[data-lang-suggest]')).toBeVisible();
  });
});

test('the glossaries list every term in both languages, each linked to the lesson that introduces it', async ({ page }) => {
  for (const [path, lang] of [['glossary/', 'ja'], ['en/glossary/', 'en']] as const) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const rows = page.locator('.glossary__table tbody tr');
    await expect(rows).toHaveCount(GLOSSARY.length);
    const hrefs = await rows.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).toMatch(lang === 'en' ? /^\/en\/lessons\/[a-z-]+\/$/ : /^\/lessons\/[a-z-]+\/$/);
    const overfitting = rows.filter({ has: page.getByText('過学習', { exact: true }) });
    await expect(overfitting.getByText('overfitting', { exact: true })).toBeVisible();
    await overfitting.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`${lang === 'en' ? '/en' : ''}/lessons/dropout/$`));
  }
});

test('the demos compute the same numbers in English', async ({ page }) => {
  // 1-2a: the deck's worked example.
  await page.goto(enLesson('perceptron'));
  const p = page.getByTestId('perceptron-demo');
  await p.scrollIntoViewIfNeeded();
  await expect(p.getByTestId('perceptron-formula')).toHaveText('1×1 + 2×1 + 3×1 = 6 > 5 → 1');
  await expect(page.locator('[data-fact="perceptron.sum"]').first()).toHaveText('6');
  // 1-1: the best fit of the lesson's points, y = 1.4x + 0.5, Q_t = 0.2.
  await page.goto(enLesson('regression'));
  const r = page.getByTestId('regression-demo');
  await r.scrollIntoViewIfNeeded();
  await expect(r).toHaveAttribute('data-hydrated', 'true');
  await expect(r.getByTestId('regression-qt')).toHaveText('Q_t = 2');
  await r.getByRole('button', { name: /^Best fit/ }).click();
  await expect(r).toHaveAttribute('data-outcome', 'fit');
  await expect(r.getByTestId('regression-equation')).toHaveText('y = 1.4x + 0.5');
  await expect(r.getByTestId('regression-qt')).toHaveText('Q_t = 0.2');
});

const enPages = ['en/', 'en/glossary/', 'glossary/', ...COURSE_ORDER.map(enLesson)];
for (const scheme of ['light', 'dark'] as const) {
  test(`axe: no serious or critical violation on any English page (${scheme})`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: scheme });
    const problems: string[] = [];
    for (const path of enPages) {
      await page.goto(path);
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') {
          problems.push(`${path}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
}

test('the English descent legend fits a 320 px phone once the three paths are in', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(enLesson('gradient-descent'));
  const surface = page.getByTestId('descent-surface');
  await surface.scrollIntoViewIfNeeded();
  // The legend is drawn once tfjs has run the three optimisers (its widest numbers come then).
  await expect(page.getByTestId('descent-optimisers').locator('tr[data-optimiser]')).toHaveCount(3, { timeout: 90_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow at 320 px').toBeLessThanOrEqual(0);
});
