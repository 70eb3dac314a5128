import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, COURSE_ORDER, expectAccessible, lessonUrl } from './fixtures.ts';

/**
 * Full-text search (issue #15): the header's script-free form hands the query to the search page,
 * which searches the build's Pagefind index in the page's language (Japanese words inside running
 * text included) and links each lesson that uses it. The service worker is kept out: it would
 * precache the whole site beside these checks, and search does not depend on it.
 */
test.use({ serviceWorkers: 'block' });

/** The Japanese lessons whose source uses `word` (front matter aside: the title is not indexed). */
function lessonsUsing(word: string): string[] {
  return COURSE_ORDER.filter((slug) => {
    const source = readFileSync(`content/lessons/${slug}.mdx`, 'utf8');
    return source.replace(/^---\n[\s\S]*?\n---\n/u, '').includes(word);
  });
}

/** The search page's results once it has searched: each link's path, and the status line. */
async function results(page: Page): Promise<{ paths: string[]; status: string }> {
  const island = page.locator('.search');
  await expect(island).toHaveAttribute('data-phase', 'done');
  const paths = await island.locator('.search__results a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return { paths, status: (await island.getByRole('status').innerText()).trim() };
}

/** Whether the page scrolls sideways at 320 px. */
async function overflowAt320(page: Page): Promise<number> {
  await page.setViewportSize({ width: 320, height: 640 });
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('Japanese: the header form finds 過学習 in running text and opens the lesson; the lesson loaded no script', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(lessonUrl('regression'));
  const form = page.getByRole('search', { name: 'レッスンを検索' });
  await expect(form).toBeVisible();
  expect(scripts, 'scripts a lesson without demos in view loads').toEqual([]);
  expect(await overflowAt320(page), 'horizontal overflow at 320 px with the search form').toBeLessThanOrEqual(0);
  await expectAccessible(page, '.site-header');

  // By keyboard: type into the labelled field and press Enter.
  await form.getByRole('searchbox', { name: 'レッスンの本文から探す言葉' }).fill('過学習');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=%E9%81%8E%E5%AD%A6%E7%BF%92$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('レッスンを検索');
  const { paths, status } = await results(page);
  // Only now is the index loaded: by the search page.
  expect(scripts).toContain('/pagefind/pagefind.js');

  const using = lessonsUsing('過学習').map((s) => `/${lessonUrl(s)}`);
  expect(using.length, 'lessons that use 過学習').toBeGreaterThan(2);
  expect(paths.filter((p) => !using.includes(p)), 'results that do not use the word').toEqual([]);
  expect(paths, 'lessons that use the word in running text').toEqual(expect.arrayContaining(using));
  expect(status).toBe(`「過学習」が出てくるレッスン：${String(paths.length)} 件`);
  // The excerpt marks the match, as text (Pagefind's HTML is not set as markup).
  const first = page.locator('.search__results li').first();
  await expect(first.locator('mark').first()).toContainText(/過|学習/);
  expect(await page.locator('.search__excerpt *:not(mark)').count()).toBe(0);

  await page.locator('.search__results a', { hasText: 'ドロップアウトと過学習' }).click();
  await expect(page).toHaveURL(new RegExp(`/${lessonUrl('dropout')}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ドロップアウトと過学習');
});

test('English: "Adam" finds the compile lesson in the English index and opens it', async ({ page }) => {
  await page.goto(`en/${lessonUrl('regression')}`);
  const form = page.getByRole('search', { name: 'Search the lessons' });
  expect(await overflowAt320(page), 'horizontal overflow at 320 px with the search form').toBeLessThanOrEqual(0);
  await form.getByRole('searchbox', { name: 'Words to find in the lessons' }).fill('Adam');
  await form.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/en\/search\/\?q=Adam$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const { paths, status } = await results(page);
  expect(paths).toContain(`/en/${lessonUrl('compile')}`);
  expect(paths.every((p) => p.startsWith('/en/lessons/')), 'only English lessons').toBe(true);
  expect(status).toBe(`${String(paths.length)} lessons use “Adam”`);
  await page.getByRole('link', { name: /Setting up training/ }).click();
  await expect(page).toHaveURL(new RegExp(`/en/${lessonUrl('compile')}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Setting up training: loss, optimizer and metrics');
});

test('the search page searches as the learner types, keeps the query in the URL, and says when nothing matches', async ({ page }) => {
  await page.goto('search/');
  const island = page.locator('.search');
  await expect(island).toHaveAttribute('data-hydrated', 'true');
  await expect(island.getByRole('status')).toHaveText('探したい言葉を入力してください。');
  // Typed, not sent: the search runs once typing pauses.
  await island.getByRole('searchbox').pressSequentially('ドロップアウト', { delay: 20 });
  const { paths } = await results(page);
  expect(paths).toContain(`/${lessonUrl('dropout')}`);
  expect(new URL(page.url()).searchParams.get('q')).toBe('ドロップアウト');

  await island.getByRole('searchbox').fill('qwxzv');
  await expect(island.getByRole('status')).toHaveText('「qwxzv」が出てくるレッスンは見つかりませんでした。別の言葉や、短い言葉で試してください。');
  await expect(island.locator('.search__results')).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('q')).toBe('qwxzv');
  // A reload keeps the query and searches it again.
  await page.reload();
  await expect(island.getByRole('searchbox')).toHaveValue('qwxzv');
  await expect(island).toHaveAttribute('data-phase', 'done');
});

test('axe: the search page with results, light and dark, and it fits 320 px', async ({ page }) => {
  await page.goto(`search/?q=${encodeURIComponent('学習')}`);
  expect((await results(page)).paths.length).toBeGreaterThan(0);
  await expectAccessible(page, 'body');
  expect(await overflowAt320(page), 'horizontal overflow at 320 px').toBeLessThanOrEqual(0);
  await page.goto('en/search/?q=softmax');
  expect((await results(page)).paths.length).toBeGreaterThan(0);
  await expectAccessible(page, 'body');
});

test('says so when the index cannot be loaded', async ({ page, guard }) => {
  await page.route('**/pagefind/pagefind.js', (route) => route.abort('internetdisconnected'));
  await page.goto('search/?q=Adam');
  const status = page.locator('.search').getByRole('status');
  await expect(status).toHaveText(/検索の索引を読み込めませんでした/);
  await expect(status).toHaveClass(/error/);
  // The browser reports the refused download itself; that one error is this test's doing.
  guard.consoleErrors.splice(0, guard.consoleErrors.length, ...guard.consoleErrors.filter((e) => !/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/.test(e)));
});
