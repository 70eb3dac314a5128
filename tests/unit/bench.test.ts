import { describe, expect, it } from 'vitest';
import { median, percentile, speedup, summarize } from '../../src/lib/bench/stats.ts';
import { kernelMs, summarizeProfile, top } from '../../src/lib/bench/profile.ts';
import { byteKind, countBytes } from '../../src/lib/bench/bytes.ts';
import { evaluateTargets, fastestPredict, formatTargets, stepFigures, trainerFitFigures, type StepMeasurement, type StepRun } from '../../src/lib/bench/results.ts';
import { fmtBytes, fmtMs, fmtRatio, formatTable, width } from '../../src/lib/bench/table.ts';

const run = (ms: number[], error: string | null = null): StepRun => ({ ms, error, profile: null, warmedUp: true });
const measurement = (stock: StepRun, course: StepRun): StepMeasurement => ({ backend: 'x', batch: 128, stock, course, profileTiming: 'wall' });
const predict = (p50: number, p95: number) => ({ p50_ms: p50, p95_ms: p95, worker_p50_ms: p50, worker_p95_ms: p95, n: 10, via: 'worker' });

describe('bench statistics', () => {
  it('interpolates percentiles between ranks and leaves the input alone', () => {
    const values = [5, 1, 4, 2, 3];
    expect(median(values)).toBe(3);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(5);
    expect(percentile(values, 95)).toBeCloseTo(4.8);
    expect(percentile([1, 2], 50)).toBe(1.5);
    expect(values).toEqual([5, 1, 4, 2, 3]);
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([7], 95)).toBe(7);
  });

  it('summarizes', () => {
    expect(summarize([2, 4, 6])).toEqual({ n: 3, min: 2, p50: 4, p95: expect.closeTo(5.8) as number, max: 6, mean: 4 });
    expect(summarize([]).n).toBe(0);
  });

  it('gives a speed-up only for two positive finite times', () => {
    expect(speedup(40_000, 2_000)).toBe(20);
    expect(speedup(null, 2)).toBeNull();
    expect(speedup(1, 0)).toBeNull();
    expect(speedup(NaN, 1)).toBeNull();
  });
});

describe('bench profile summary', () => {
  it('sums calls by kernel, largest first, with shares, and counts untimed calls', () => {
    const s = summarizeProfile([
      { name: 'Conv2D', ms: 30 },
      { name: 'Conv2DBackpropFilter', ms: 50 },
      { name: 'Conv2D', ms: 10 },
      { name: 'Add', ms: 10 },
      { name: 'Reshape', ms: null },
    ]);
    expect(s.totalMs).toBe(100);
    expect(s.calls).toBe(5);
    expect(s.untimed).toBe(1);
    expect(s.kernels.map((k) => [k.name, k.ms, k.calls])).toEqual([
      ['Conv2DBackpropFilter', 50, 1],
      ['Conv2D', 40, 2],
      ['Add', 10, 1],
      ['Reshape', 0, 1],
    ]);
    expect(s.kernels[1]?.share).toBeCloseTo(0.4);
    expect(top(s, 2).map((k) => k.name)).toEqual(['Conv2DBackpropFilter', 'Conv2D']);
    expect(s.totalMs).toBeGreaterThan(0);
    expect(summarizeProfile([{ name: 'Conv2D', ms: 0 }]).totalMs).toBe(0);
  });

  it("reads tf.profile's kernel times, which can be an error object", () => {
    expect(kernelMs(3.5)).toBe(3.5);
    expect(kernelMs({ error: 'WebGL query timers are not available' })).toBeNull();
    expect(kernelMs(NaN)).toBeNull();
  });
});

describe('bench bytes', () => {
  it('sorts responses into kinds', () => {
    expect(byteKind('http://h/lessons/draw/', 'Document', 'text/html')).toBe('html');
    expect(byteKind('http://h/_astro/a.js', 'Script', 'text/javascript')).toBe('js');
    expect(byteKind('http://h/_astro/tfjs-backend-wasm-simd.wasm', 'Fetch', 'application/wasm')).toBe('js');
    expect(byteKind('http://h/_astro/Base.css', 'Stylesheet', 'text/css')).toBe('css');
    expect(byteKind('http://h/_astro/KaTeX_Main.woff2', 'Font', 'font/woff2')).toBe('font');
    expect(byteKind('http://h/data/mnist/train-images.bin', 'Fetch', 'application/octet-stream')).toBe('data');
    expect(byteKind('http://h/models/pretrained/model.json', 'fetch', undefined)).toBe('data');
    expect(byteKind('http://h/favicon.svg', 'Other', 'image/svg+xml')).toBe('other');
  });

  it('adds them up, a cached response counting nothing', () => {
    const c = countBytes([
      { url: 'http://h/', resourceType: 'Document', mimeType: 'text/html', bytes: 1000 },
      { url: 'http://h/a.js', resourceType: 'Script', bytes: 300 },
      { url: 'http://h/b.js', resourceType: 'Script', bytes: 0 },
      { url: 'http://h/data/mnist/manifest.json', resourceType: 'Fetch', bytes: 50 },
    ]);
    expect(c).toEqual({ html: 1000, js: 300, css: 0, font: 0, data: 50, other: 0, total: 1350, requests: 4 });
  });
});

describe('bench figures and targets', () => {
  it('takes the median of each kernel set; WASM against stock CPU', () => {
    const gpu = stepFigures('webgl', measurement(run([3000, 5000, 4000]), run([2000, 2200, 1800])), null);
    expect(gpu).toMatchObject({ stock_ms: 4000, course_ms: 2000, ratio: 2, ratio_against: 'stock webgl' });
    const wasm = stepFigures('wasm', measurement(run([], "Kernel 'Conv2DBackpropFilter' not registered"), run([600])), 42_000);
    expect(wasm).toMatchObject({ stock_ms: null, course_ms: 600, ratio: 70, ratio_against: 'stock cpu' });
    expect(wasm.stock_note).toContain('cannot train');
    expect(stepFigures('wasm', measurement(run([], 'no kernel'), run([600])), null).ratio).toBeNull();
  });

  it("pairs the trainer's rounds with fit's: the median of each round's ratio", () => {
    // Round 2 ran in a slow stretch for both: the ratio of medians (600 / 650) would miss it.
    const m = { backend: 'wasm', batch: 128, batches: 4, trainerMs: [500, 1000, 650], fitMs: [550, 1050, 600] };
    const { figures, ratio } = trainerFitFigures(m);
    expect(figures).toMatchObject({ trainer_ms: 650, fit_ms: 600, batches: 4, rounds: 3, ratio_high: 1.1, ratio_low: 600 / 650 });
    expect(trainerFitFigures({ ...m, fitMs: [550, 1050] }).figures).toMatchObject({ ratio_low: null, ratio_high: null });
    expect(ratio).toBeCloseTo(1.05, 10);
    expect(trainerFitFigures({ ...m, fitMs: [550, 1050] }).ratio).toBeNull();
    expect(trainerFitFigures({ ...m, trainerMs: [], fitMs: [] }).ratio).toBeNull();
  });

  it('checks each issue-#12 target, and says what was not measured', () => {
    const checks = evaluateTargets({
      step: {
        webgpu: { stock_ms: 11_000, course_ms: 5_000, ratio: 2.2, ratio_against: 'stock webgpu', steps: { stock: 1, course: 1 } },
        webgl: { stock_ms: 4_700, course_ms: 3_500, ratio: 1.34, ratio_against: 'stock webgl', steps: { stock: 1, course: 1 } },
        wasm: { stock_ms: null, course_ms: 600, ratio: 70, ratio_against: 'stock cpu', steps: { stock: 0, course: 1 } },
      },
      trainer_vs_fit: { webgpu: 1.1, wasm: 0.9 },
      predict: { webgpu: predict(30, 40), wasm: predict(5, 12) },
      longest_task_ms: 0,
    });
    const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
    expect(byId['step.webgpu']?.pass).toBe(true);
    expect(byId['step.webgl']?.pass).toBe(false);
    expect(byId['step.cpu']?.pass).toBeNull();
    expect(byId['step.wasm']?.pass).toBe(true);
    expect(byId['trainer_vs_fit.webgpu']?.pass).toBe(true);
    expect(byId['trainer_vs_fit.wasm']?.pass).toBe(false);
    expect(byId['trainer_vs_fit.cpu']).toBeUndefined();
    expect(byId['longest_task_ms']).toMatchObject({ pass: true, value: 'none over 50 ms' });
    expect(byId['predict.p95']).toMatchObject({ pass: true, value: 'wasm: p95 12.0 ms' });
    const lines = formatTargets(checks);
    expect(lines.filter((l) => l.startsWith('✓'))).toHaveLength(5);
    expect(lines.find((l) => l.includes('on cpu'))).toMatch(/^✗ .*not measured$/);
  });

  it('fails WASM when it does not train and a long task over 50 ms; counts a trainer within 0.5 % of fit as level', () => {
    const checks = evaluateTargets({
      step: { wasm: { stock_ms: null, course_ms: null, ratio: null, ratio_against: 'stock cpu', steps: { stock: 0, course: 0 } } },
      trainer_vs_fit: { webgl: 0.9997, cpu: 0.994 },
      predict: {},
      longest_task_ms: 87,
    });
    // Level within half a percent passes, and says so; a trainer 0.6 % slower does not.
    expect(checks.find((c) => c.id === 'trainer_vs_fit.webgl')).toMatchObject({ pass: true, value: '0.9997×, level (within 0.5%)' });
    expect(checks.find((c) => c.id === 'trainer_vs_fit.cpu')).toMatchObject({ pass: false, value: '0.99×' });
    expect(checks.find((c) => c.id === 'step.wasm')).toMatchObject({ pass: false, value: 'does not train' });
    expect(checks.find((c) => c.id === 'longest_task_ms')).toMatchObject({ pass: false, value: 'longest 87 ms' });
    expect(checks.find((c) => c.id === 'predict.p95')?.pass).toBeNull();
  });

  it('picks the backend with the lowest median prediction as the fastest', () => {
    expect(fastestPredict({ webgl: predict(20, 25), cpu: predict(9, 30) })).toBe('cpu');
    expect(fastestPredict({})).toBeNull();
  });
});

describe('bench table', () => {
  it('aligns columns, the first to the left', () => {
    expect(formatTable(['backend', 'ms'], [['webgpu', '5'], ['cpu', '12.5']])).toEqual(['backend    ms', '-------  ----', 'webgpu      5', 'cpu      12.5']);
  });

  it('counts Japanese characters as two columns', () => {
    expect(width('学習')).toBe(4);
    expect(width('ab')).toBe(2);
  });

  it('formats times, ratios and sizes', () => {
    expect(fmtMs(40_123)).toBe('40.1 s');
    expect(fmtMs(612.4)).toBe('612 ms');
    expect(fmtMs(12.34)).toBe('12.3 ms');
    expect(fmtMs(3.456)).toBe('3.46 ms');
    expect(fmtMs(null)).toBe('–');
    expect(fmtRatio(2.345)).toBe('2.35×');
    expect(fmtBytes(0)).toBe('0');
    expect(fmtBytes(512)).toBe('512 B');
    expect(fmtBytes(2048)).toBe('2.0 kB');
    expect(fmtBytes(141_227)).toBe('141.2 kB');
    expect(fmtBytes(3_000_000)).toBe('3.00 MB');
    expect(fmtBytes(9_627_116)).toBe('9.63 MB');
  });
});
