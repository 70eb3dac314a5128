import { test, expect } from './fixtures.ts';

/**
 * The course's kernels (src/lib/kernels/) against tfjs's own on the project's GPU backend: the
 * WGSL convolutions and bias add on WebGPU, the patches × gradients weight gradient on WebGL.
 * The benchmark's tool page (only in the flagged build) runs src/lib/kernels/check.ts: the
 * output and the gradients of a convolution layer behind a bias, a ReLU and a max pooling, on
 * the model's shapes and a few others (strides, padding, channel counts not in fours).
 */
test('the course kernels equal tfjs’s own within 1e-4 and leak no tensor', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const backend = testInfo.project.metadata['backend'] as string;
  await page.goto('tools/bench/');
  const result = await page.evaluate(async () => {
    const bench = (globalThis as unknown as { cnnBench: { checkKernels(): Promise<{ backend: string; checks: { name: string; errors: Record<string, number>; leaked: number }[] }> } }).cnnBench;
    return bench.checkKernels();
  });
  expect(result.backend).toBe(backend);
  expect(result.checks.length).toBeGreaterThanOrEqual(9);
  for (const c of result.checks) {
    expect(c.leaked, `${c.name}: tensors left`).toBe(0);
    for (const [part, error] of Object.entries(c.errors)) expect(error, `${c.name}: ${part}`).toBeLessThan(1e-4);
  }
});
