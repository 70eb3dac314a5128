import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, lessonUrl } from './fixtures.ts';

/** Shared by the drawing lesson's tests: digits drawn as strokes, opening the lesson, waiting for a prediction. */
/** Inference runs on the emulated GPU of the test machine: the waits are generous. */
export const SLOW = { timeout: 120_000 };

export type Path = readonly (readonly [number, number])[];

/**
 * Digits as strokes in a unit box (x right, y down), drawn the way MNIST's writers drew them:
 * a plain 1, an open-topped 4 and a 7 without a cross-bar.
 */
const ellipse = (n: number): Path => Array.from({ length: n + 1 }, (_, i) => [0.5 + 0.5 * Math.sin((2 * Math.PI * i) / n), 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n)] as const);
export const DIGITS: Record<number, readonly Path[]> = {
  0: [ellipse(36)],
  1: [[[0.7, 0], [0.3, 1]]],
  2: [[[0.05, 0.3], [0.2, 0.07], [0.5, 0], [0.8, 0.08], [0.9, 0.3], [0.75, 0.55], [0.4, 0.8], [0.05, 1], [0.5, 0.98], [1, 0.98]]],
  3: [[[0.05, 0.12], [0.4, 0], [0.8, 0.08], [0.85, 0.3], [0.45, 0.48], [0.85, 0.62], [0.9, 0.85], [0.55, 1], [0.05, 0.9]]],
  4: [
    [[0.45, 0], [0.05, 0.62], [1, 0.62]],
    [[0.75, 0.25], [0.75, 1]],
  ],
  7: [[[0, 0.02], [1, 0], [0.35, 1]]],
};

/** Where and how large to draw, as fractions of the canvas: left, top, width, height. */
export interface Placement {
  readonly digit: number;
  readonly box: readonly [number, number, number, number];
}

export const CASES: readonly Placement[] = [
  { digit: 1, box: [0.42, 0.1, 0.14, 0.8] }, // large, centred
  { digit: 0, box: [0.05, 0.05, 0.3, 0.4] }, // small, top left
  { digit: 7, box: [0.45, 0.4, 0.45, 0.5] }, // medium, bottom right
  { digit: 4, box: [0.1, 0.15, 0.6, 0.75] }, // large, left
  { digit: 2, box: [0.6, 0.06, 0.3, 0.35] }, // small, top right
  { digit: 3, box: [0.1, 0.55, 0.3, 0.4] }, // small, bottom left
];

export const demo = (page: Page) => page.getByTestId('draw-demo');

export async function openLesson(page: Page): Promise<Locator> {
  await page.goto(lessonUrl('draw'));
  const d = demo(page);
  await d.scrollIntoViewIfNeeded();
  await expect(d).toHaveAttribute('data-state', 'ready', SLOW);
  return d;
}

/** Draws strokes with the mouse: down, moves in small steps, up. */
export async function drawWithMouse(page: Page, canvas: Locator, strokes: readonly Path[], box: Placement['box']) {
  await canvas.scrollIntoViewIfNeeded();
  const r = await canvas.boundingBox();
  if (!r) throw new Error('the canvas is not visible');
  const at = ([u, v]: readonly [number, number]) => ({ x: r.x + (box[0] + u * box[2]) * r.width, y: r.y + (box[1] + v * box[3]) * r.height });
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    let p = at(first);
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    for (const point of rest) {
      const q = at(point);
      await page.mouse.move(q.x, q.y, { steps: Math.max(1, Math.round(Math.hypot(q.x - p.x, q.y - p.y) / 6)) });
      p = q;
    }
    await page.mouse.up();
  }
}

/** Waits for the prediction of the finished drawing and returns its top digit. */
export async function settledTop(d: Locator): Promise<number> {
  await expect(d).toHaveAttribute('data-empty', 'false');
  await expect(d).toHaveAttribute('data-settled', 'true', SLOW);
  await expect(d.getByTestId('announcement')).toHaveText(/^判定は \d、確率 \d+%$/, SLOW);
  return Number(await d.getAttribute('data-top'));
}

export const clearButton = (d: Locator) => d.getByRole('button', { name: 'すべて消す' });

/** Exports the model in use from the demo and saves model.json and weights.bin; returns their paths. */
export async function exportModelFiles(page: Page, d: Locator, testInfo: TestInfo): Promise<string[]> {
  await d.getByRole('button', { name: 'このモデルをファイルに書き出す' }).click();
  const links = d.getByTestId('export-links');
  const saved: string[] = [];
  for (const name of ['model.json', 'weights.bin']) {
    const link = links.getByRole('link', { name: `${name} を保存` });
    await expect(link).toHaveAttribute('href', /^blob:/, SLOW);
    await expect(link).toHaveAttribute('download', name);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(name);
    const path = testInfo.outputPath(name);
    await download.saveAs(path);
    saved.push(path);
  }
  return saved;
}
