import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, COURSE_ORDER, lessonUrl } from './fixtures.ts';
import { DIGITS, drawWithMouse, openLesson as openDrawLesson, settledTop } from './draw-helpers.ts';

/**
 * The production build as deployed under a sub-path (`BASE_PATH=/course/ npm run build`, served
 * at http://127.0.0.1:4330/course/ by the `subpath` project): every link, the MNIST download,
 * both workers and the shipped model must work from there. A request outside /course/ would
 * fail (the fixture fails a test on any console error, such as a 404).
 */
const LONG = { timeout: 180_000 };

test('links stay under /course/ and the course can be walked from the home page', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith('http') && !url.pathname.startsWith('/course/')) outside.push(url.pathname);
  });
  await page.goto('./');
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(COURSE_ORDER.length);
  expect(hrefs.filter((h) => !h.startsWith('/course/'))).toEqual([]);
  await page.getByRole('link', { name: '最初のレッスンから始める' }).click();
  await expect(page).toHaveURL(new RegExp(`/course/${lessonUrl(COURSE_ORDER[0])}$`));
  await page.locator('a.pager__next').click();
  await expect(page).toHaveURL(new RegExp(`/course/${lessonUrl(COURSE_ORDER[1])}$`));
  // Styles and KaTeX fonts came from the sub-path.
  await expect(page.locator('.prose .katex').first()).toBeVisible();
  expect(outside).toEqual([]);
});

test('the MNIST data downloads from the sub-path', async ({ page }) => {
  await page.goto(lessonUrl('colab-mnist'));
  const ex = page.locator('section.explorer');
  await ex.scrollIntoViewIfNeeded();
  await ex.getByRole('button', { name: /MNIST データを読み込む/ }).click();
  await expect(ex.getByTestId('explorer-label')).toHaveText('5', { timeout: 60_000 });
  await expect(ex.getByTestId('count-test')).toHaveText('10,000 枚');
});

test('the training worker evaluates the shipped model from the sub-path', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(lessonUrl('evaluate'));
  const d = page.locator('section.evaluate');
  await d.scrollIntoViewIfNeeded();
  await expect(d.getByTestId('pretrained-info')).toHaveText(/^エポック \d+・テスト正解率 \d+\.\d\d%$/, LONG);
  await d.getByLabel('評価に使うテスト画像').selectOption('100');
  await d.getByRole('button', { name: '評価する', exact: true }).click();
  await expect(d).toHaveAttribute('data-state', 'done', LONG);
  expect(parseFloat(await d.getByTestId('test-accuracy').innerText())).toBeGreaterThanOrEqual(95);
});

test('the drawing worker loads the shipped model from the sub-path and reads a digit', async ({ page }) => {
  test.setTimeout(240_000);
  const d = await openDrawLesson(page);
  await expect(d).toHaveAttribute('data-model', 'pretrained');
  await drawWithMouse(page, d.getByTestId('draw-canvas'), DIGITS[1] ?? [], [0.42, 0.1, 0.14, 0.8]);
  expect(await settledTop(d)).toBe(1);
});

/** Every file of a build, as text where it is text. */
function filesOf(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile() && /\.(js|mjs|html|json)$/.test(p))
    .map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
}

const HOOKS = ['__cnnCourseTraining', '__cnnCourseTf', '__cnnCourseWorkers', 'test:lose-device', 'test:diverge', 'loseDevice'];
const TOOL_PAGES = ['tools/pretrain/index.html', 'tools/kit/index.html'];
const TEST_BUILD = process.env['E2E_DIST'] ?? 'dist-test';

test('the production build holds no test hook and no tool page (the test build does)', () => {
  const found = (dir: string) => filesOf(dir).flatMap(({ path, text }) => HOOKS.filter((h) => text.includes(h)).map((h) => `${path}: ${h}`));
  expect(found('dist-course')).toEqual([]);
  expect(TOOL_PAGES.filter((p) => existsSync(join('dist-course', p)))).toEqual([]);
  // The same searches find every hook and page in the tests' own build, so they can fail.
  const inTestBuild = found(TEST_BUILD).join('\n');
  for (const h of HOOKS) expect(inTestBuild).toContain(h);
  expect(TOOL_PAGES.filter((p) => existsSync(join(TEST_BUILD, p)))).toEqual(TOOL_PAGES);
});
