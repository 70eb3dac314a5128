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
  /**
   * The GPU projects test their own backend: every URL they open asks for it with ?backend=
   * (unless it names a backend itself). Without it, a browser whose GPU is only emulated in
   * software, as on the test machines, would rightly pick WebAssembly (src/lib/tf-runtime.ts).
   */
  page: async ({ page }, use, testInfo) => {
    const backend = testInfo.project.metadata['backend'] as string | undefined;
    if (backend) {
      const goto = page.goto.bind(page);
      page.goto = (url, options) => {
        if (/[?&]backend=/.test(url)) return goto(url, options);
        const [path = '', hash] = url.split('#');
        const withBackend = `${path}${path.includes('?') ? '&' : '?'}backend=${backend}`;
        return goto(hash === undefined ? withBackend : `${withBackend}#${hash}`, options);
      };
    }
    await use(page);
  },
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

/**
 * At a phone's width (call it at 320 px): no number in a lesson table breaks across lines (a
 * table too wide for the column scrolls in its own box instead), and every table that scrolls
 * can be reached from the keyboard.
 */
export async function expectTablesReadableAt320(page: import('@playwright/test').Page): Promise<void> {
  const tables = await page.locator('.prose table').evaluateAll((all) =>
    all.map((table) => {
      const broken = [...table.querySelectorAll('td, th')]
        .filter((c) => /^[-−+]?[\d.,×%]+$/.test(c.textContent.trim()))
        .filter((c) => {
          const range = document.createRange();
          range.selectNodeContents(c);
          return range.getBoundingClientRect().height > parseFloat(getComputedStyle(c).lineHeight) * 1.3;
        })
        .map((c) => c.textContent.trim());
      const scrolls = table.scrollWidth > table.clientWidth + 1;
      return { head: table.querySelector('th')?.textContent ?? '', broken, scrolls, focusable: table.tabIndex >= 0 };
    }),
  );
  for (const t of tables) {
    expect(t.broken, `numbers broken across lines in the table "${t.head}…"`).toEqual([]);
    if (t.scrolls) expect(t.focusable, `the table "${t.head}…" scrolls but cannot be focused`).toBe(true);
  }
}

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

/** A checkpoint as plain JSON: each tensor's data as number[] (stored as Float32Array). */
export interface CheckpointJson {
  readonly weights: readonly { readonly name: string; readonly shape: readonly number[]; readonly data: readonly number[] }[];
  readonly optimizer: readonly { readonly name: string; readonly shape: readonly number[]; readonly data: readonly number[] }[];
  readonly [key: string]: unknown;
}

/**
 * A checkpoint in the course's storage format whose weights do not fit the CNN: what a damaged
 * or foreign stored model looks like to the lessons that load it. (A good checkpoint is never
 * built by a test: the hand-off test uses one the training lesson made.)
 */
export function brokenCheckpoint(epochs: number, valAccuracy: number): CheckpointJson {
  return {
    format: 'cnn-course-checkpoint',
    version: 1,
    config: { batchSize: 128, epochs, validationSplit: 0.1, seed: 1, trainLimit: null },
    completedEpochs: epochs,
    history: [{ epoch: epochs - 1, loss: 0.05, accuracy: 0.98, valLoss: 0.04, valAccuracy, seconds: 30 }],
    weights: [{ name: 'broken', shape: [2, 2], data: [1, 2, 3, 4] }],
    optimizer: [],
    backend: 'webgl',
    savedAt: '2026-11-29T13:23:00.000Z',
  };
}

/** Puts a checkpoint into the course's IndexedDB store in the page, as the training lesson does. */
export async function putStoredCheckpoint(page: import('@playwright/test').Page, slot: 'run' | 'trained', ckpt: CheckpointJson): Promise<void> {
  await page.evaluate(
    ({ slot, ckpt }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('cnn-course', 1);
        req.onupgradeneeded = () => {
          if (!req.result.objectStoreNames.contains('checkpoints')) req.result.createObjectStore('checkpoints');
        };
        req.onerror = () => {
          reject(new Error('IndexedDB open failed'));
        };
        req.onsuccess = () => {
          const db = req.result;
          const typed = (ts: CheckpointJson['weights']) => ts.map((t) => ({ ...t, data: Float32Array.from(t.data) }));
          const tx = db.transaction('checkpoints', 'readwrite');
          tx.objectStore('checkpoints').put({ ...ckpt, weights: typed(ckpt.weights), optimizer: typed(ckpt.optimizer) }, slot);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => {
            reject(new Error('IndexedDB write failed'));
          };
        };
      }),
    { slot, ckpt },
  );
}

/** Reads a stored checkpoint back as JSON (tensor data as number[]), or null. */
export async function readStoredCheckpoint(page: import('@playwright/test').Page, slot: 'run' | 'trained'): Promise<CheckpointJson | null> {
  return page.evaluate(
    (slot) =>
      new Promise<CheckpointJson | null>((resolve) => {
        const req = indexedDB.open('cnn-course');
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('checkpoints')) {
            db.close();
            resolve(null);
            return;
          }
          const get = db.transaction('checkpoints').objectStore('checkpoints').get(slot);
          get.onsuccess = () => {
            type Stored = { name: string; shape: number[]; data: Float32Array }[];
            const c = get.result as (Record<string, unknown> & { weights: Stored; optimizer: Stored }) | undefined;
            db.close();
            const plain = (ts: Stored) => ts.map((t) => ({ ...t, data: Array.from(t.data) }));
            resolve(c ? { ...c, weights: plain(c.weights), optimizer: plain(c.optimizer) } : null);
          };
        };
      }),
    slot,
  );
}

/**
 * Holds every request for `url` until the returned `release()` is called (then lets it through
 * and stops intercepting), so a test can act while a download is in progress.
 */
export async function holdRequests(page: import('@playwright/test').Page, url: string): Promise<() => Promise<void>> {
  let open: () => void = () => undefined;
  const held = new Promise<void>((r) => {
    open = r;
  });
  // On the context, so that requests made by the page's workers are held too.
  const context = page.context();
  await context.route(url, async (route) => {
    await held;
    await route.continue().catch(() => undefined);
  });
  return async () => {
    open();
    await context.unroute(url);
  };
}

/** Calls one of the test build's training hooks (see src/components/training/worker-client.ts). */
export async function trainingHooks(page: import('@playwright/test').Page, hook: 'loseDevice' | 'diverge'): Promise<void> {
  await page.evaluate((hook) => {
    (globalThis as unknown as { __cnnCourseTraining: Record<typeof hook, () => void> }).__cnnCourseTraining[hook]();
  }, hook);
}

/** The sum of a checkpoint's weights, in storage order (the training worker reports the same sum). */
export function weightsSum(c: CheckpointJson): number {
  let sum = 0;
  for (const w of c.weights) for (const v of w.data) sum += v;
  return sum;
}

/** Loses the GPU device of the page's inference or training worker (the test build's hook, src/components/workers/test-hooks.ts). */
export async function loseWorkerDevice(page: import('@playwright/test').Page, worker: 'inference' | 'training'): Promise<void> {
  await page.evaluate(async (worker) => {
    await (globalThis as unknown as { __cnnCourseWorkers: { loseDevice(w: string): Promise<void> } }).__cnnCourseWorkers.loseDevice(worker);
  }, worker);
}

/**
 * Follows the pager's `rel` links from the current lesson to the end of the course and returns the
 * paths it saw, the current one first.
 */
export async function walkCourse(page: import('@playwright/test').Page, rel: 'next' | 'prev'): Promise<string[]> {
  const seen: string[] = [];
  for (;;) {
    // The pager ends the page: read it once the document is parsed, not while it streams in.
    await page.waitForLoadState('domcontentloaded');
    seen.push(new URL(page.url()).pathname);
    const link = page.locator(`a[rel="${rel}"]`);
    if ((await link.count()) === 0) return seen;
    const target = new URL((await link.getAttribute('href')) ?? '', page.url()).href;
    await link.click();
    await expect(page).toHaveURL(target);
  }
}
