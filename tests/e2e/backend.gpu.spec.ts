import { test, expect, lessonUrl } from './fixtures.ts';

// The backend check (which backend runs, why, and a sigmoid computed on it) is a developer's widget:
// it sits on the demo kit's tool page (flagged build only), no longer in lesson 1-2b.

test('left to choose, the page passes over a GPU emulated in software for WebAssembly, and says why', async ({ page }, testInfo) => {
  // `backend=auto` names no backend: the page chooses (the fixture would otherwise ask for this project's).
  await page.goto('tools/kit/?backend=auto');
  // This machine's GPU, read independently of the page's code: the renderer WebGL reports.
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const ext = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : '';
  });
  const emulated = /swiftshader|llvmpipe/i.test(renderer);
  const demo = page.locator('section.demo', { hasText: 'TensorFlow.js の動作確認' });
  await demo.scrollIntoViewIfNeeded();
  const badge = demo.locator('.backend-badge');
  await expect(badge).toHaveAttribute('data-backend', emulated ? 'wasm' : String(testInfo.project.metadata['backend']), { timeout: 60_000 });
  if (emulated) {
    await expect(badge).toContainText('WebGL: GPU がソフトウェアで模擬されています');
    await expect(badge).toContainText('WebAssembly の方が速い');
  }
  await expect(demo.getByTestId('sigmoid-value').nth(2)).toHaveText('0.5000');
});

test('tfjs loads on demand, runs on the asked-for backend and computes on it', async ({ page }, testInfo) => {
  const expected = String(testInfo.project.metadata['backend']);
  await page.goto('tools/kit/');
  const demo = page.locator('section.demo', { hasText: 'TensorFlow.js の動作確認' });
  await demo.scrollIntoViewIfNeeded();
  await expect(demo.locator('.backend-badge')).toHaveAttribute('data-backend', expected, { timeout: 60_000 });
  const values = demo.getByTestId('sigmoid-value');
  await expect(values.nth(2)).toHaveText('0.5000');
  await expect(values.nth(4)).toHaveText((1 / (1 + Math.exp(-4))).toFixed(4));
  if (expected === 'webgl') await expect(demo.locator('.backend-badge')).toContainText('WebGPU');
  // Recompute on demand, several times, without leaking a tensor.
  const tensors = () => page.evaluate(() => (globalThis as unknown as { __cnnCourseTf: { numTensors(): number } }).__cnnCourseTf.numTensors());
  const before = await tensors();
  const button = demo.getByRole('button', { name: 'もう一度計算する' });
  for (let i = 0; i < 3; i++) {
    await button.click();
    await expect(button).toBeEnabled();
  }
  await expect(values.nth(0)).toHaveText((1 / (1 + Math.exp(4))).toFixed(4));
  expect(await tensors()).toBe(before);
});

test('?backend=cpu forces the CPU and says so', async ({ page }) => {
  await page.goto('tools/kit/?backend=cpu');
  const demo = page.locator('section.demo', { hasText: 'TensorFlow.js の動作確認' });
  await demo.scrollIntoViewIfNeeded();
  const badge = demo.locator('.backend-badge');
  await expect(badge).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await expect(badge).toContainText('URL で指定');
  await expect(demo.getByTestId('sigmoid-value').nth(2)).toHaveText('0.5000');
});

test('lesson 3-2 shows the summary of the live tfjs model', async ({ page }, testInfo) => {
  await page.goto(lessonUrl('cnn'));
  const demo = page.locator('section.model-summary');
  await demo.scrollIntoViewIfNeeded();
  await expect(demo.locator('.backend-badge')).toHaveAttribute('data-backend', String(testInfo.project.metadata['backend']), { timeout: 60_000 });
  await expect(demo.getByTestId('summary-params')).toHaveText(['320', '0', '18,496', '0', '0', '0', '16,010']);
  await expect(demo.getByTestId('summary-total')).toHaveText('34,826');
  await expect(demo.getByRole('cell', { name: '(None, 5, 5, 64)' })).toBeVisible();
  // The same figures the prose states (rendered from src/lib/facts.ts).
  await expect(page.locator('[data-fact="cnn.totalParams"]').first()).toHaveText('34,826');
});
