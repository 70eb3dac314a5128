import { readFileSync } from 'node:fs';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { test, expect, expectAccessible, lessonUrl } from './fixtures.ts';
import { SLOW, demo } from './draw-helpers.ts';

/**
 * "To Colab" (issue #16): exporting the model in use in the drawing lesson also offers the Python
 * program that evaluates it with Keras, in the page's edition, and it is the very program the
 * lesson shows. What the program does with the files is tests/unit/colab.test.ts's to check.
 */

const PROGRAM = 'cnn_course_colab.py';

async function open(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const d = demo(page);
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-state', 'ready', SLOW);
  return d;
}

/** Exports, then downloads the program through its link; returns the downloaded text. */
async function downloadProgram(page: Page, d: Locator, words: { exportButton: string; link: string }, testInfo: TestInfo): Promise<string> {
  await d.getByRole('button', { name: words.exportButton }).click();
  const link = d.getByTestId('export-colab').getByRole('link', { name: words.link });
  await expect(link).toHaveAttribute('href', /^blob:/, SLOW);
  await expect(link).toHaveAttribute('download', PROGRAM);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(PROGRAM);
  const path = testInfo.outputPath(`${String(testInfo.retry)}-${PROGRAM}`);
  await download.saveAs(path);
  return readFileSync(path, 'utf8');
}

/** The lesson's code block as text, compared without trailing blank lines. */
async function shownProgram(page: Page): Promise<string> {
  return (await page.getByTestId('colab-program').locator('pre').innerText()).trimEnd();
}

function expectProgram(program: string) {
  expect(program).toContain('score = model.evaluate(x_test, y_test, verbose=0)');
  expect(program).toContain('print("Test accuracy:", score[1])');
  expect(program).toContain('MODEL_JSON = "model.json"');
  expect(program).toContain('WEIGHTS_BIN = "weights.bin"');
  expect(program).toContain('layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),');
  expect(program).toContain('if __name__ == "__main__":');
}

test('the export comes with the Colab program, the one the lesson shows, in Japanese', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const d = await open(page, lessonUrl('draw'));
  await expect(d.getByTestId('export-colab')).toHaveCount(0);
  const program = await downloadProgram(page, d, { exportButton: 'このモデルをファイルに書き出す', link: `${PROGRAM} を保存` }, testInfo);
  expectProgram(program);
  expect(program.split('\n')[0]).toBe('# CNN を基礎から：このコースで書き出したモデルを Keras で評価するプログラム');
  // The model's two files are still offered, under their own test id, and the line says what to do with all three.
  await expect(d.getByTestId('export-links').getByRole('link')).toHaveCount(2);
  await expect(d.getByTestId('export-colab')).toContainText('3 つのファイルを Colab にアップロードして実行します');

  const block = page.getByTestId('colab-program');
  await expect(block.locator('pre')).toHaveAccessibleName(`Python のプログラム ${PROGRAM}`);
  expect(await shownProgram(page)).toBe(program.trimEnd());
  await expectAccessible(page, '[data-testid="colab-program"]');
});

test('the English edition gives the same program with English comments', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const d = await open(page, `en/${lessonUrl('draw')}`);
  const program = await downloadProgram(page, d, { exportButton: 'Export this model to files', link: `Save ${PROGRAM}` }, testInfo);
  expectProgram(program);
  expect(program.split('\n')[0]).toBe('# CNN from the ground up: evaluate a model exported from the course with Keras');
  expect(program).not.toMatch(/[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/u);
  expect(await shownProgram(page)).toBe(program.trimEnd());
});
