import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { candidateOrder, looksLikeDeviceLoss, parseBackendParam, selectBackend, softwareGpu, type BackendName, type SkipReason } from '../../src/lib/tf-runtime.ts';
import { sigmoidTable } from '../../src/lib/tf-check.ts';

const fake = (outcomes: Partial<Record<BackendName, true | SkipReason | Error>>) => {
  const tried: BackendName[] = [];
  const tryOne = (name: BackendName) => {
    tried.push(name);
    const o = outcomes[name] ?? { code: 'no-api' as const };
    return o instanceof Error ? Promise.reject(o) : Promise.resolve(o);
  };
  return { tried, tryOne };
};

describe('backend selection', () => {
  it('reads ?backend= and ignores anything else', () => {
    expect(parseBackendParam('?backend=webgl')).toBe('webgl');
    expect(parseBackendParam('?x=1&backend=CPU')).toBe('cpu');
    expect(parseBackendParam('?backend=wasm')).toBe('wasm');
    expect(parseBackendParam('?backend=tpu')).toBeUndefined();
    expect(parseBackendParam('')).toBeUndefined();
    expect(candidateOrder('cpu')).toEqual(['cpu', 'webgpu', 'webgl', 'wasm']);
    expect(candidateOrder(undefined)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });

  it('prefers WebGPU', async () => {
    const { tried, tryOne } = fake({ webgpu: true, webgl: true });
    expect(await selectBackend(undefined, tryOne)).toEqual({ backend: 'webgpu', forced: undefined, skipped: [] });
    expect(tried).toEqual(['webgpu']);
  });

  it('falls back to WebGL and says why WebGPU was skipped', async () => {
    const { tryOne } = fake({ webgpu: { code: 'no-adapter' }, webgl: true });
    const report = await selectBackend(undefined, tryOne);
    expect(report.backend).toBe('webgl');
    expect(report.skipped).toEqual([{ name: 'webgpu', reason: { code: 'no-adapter' } }]);
  });

  it('without a GPU, WebAssembly comes before the CPU', async () => {
    const { tried, tryOne } = fake({ webgpu: { code: 'no-api' }, webgl: { code: 'no-api' }, wasm: true, cpu: true });
    const report = await selectBackend(undefined, tryOne);
    expect(report.backend).toBe('wasm');
    expect(tried).toEqual(['webgpu', 'webgl', 'wasm']);
  });

  it('passes over GPUs emulated in software for WebAssembly, and says so', async () => {
    const software = { code: 'software', detail: 'SwiftShader' } as const;
    const { tryOne } = fake({ webgpu: software, webgl: software, wasm: true, cpu: true });
    const report = await selectBackend(undefined, tryOne);
    expect(report.backend).toBe('wasm');
    expect(report.skipped).toEqual([{ name: 'webgpu', reason: software }, { name: 'webgl', reason: software }]);
  });

  it('recognises software GPUs by their adapter or renderer names, and only those', () => {
    // As Chromium reports them without GPU acceleration (WebGPU adapter info, unmasked WebGL renderer).
    expect(softwareGpu('google swiftshader  ')).toBe('swiftshader');
    expect(softwareGpu('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe('SwiftShader');
    expect(softwareGpu('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('llvmpipe');
    expect(softwareGpu('Microsoft Basic Render Driver')).toBe('Microsoft Basic Render');
    expect(softwareGpu('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBeUndefined();
    expect(softwareGpu('apple metal-3 Apple M2')).toBeUndefined();
    expect(softwareGpu('')).toBeUndefined();
  });

  it('survives a backend that throws, down to the CPU', async () => {
    const { tryOne } = fake({ webgpu: new Error('device lost'), webgl: { code: 'no-api' }, wasm: { code: 'no-api' }, cpu: true });
    const report = await selectBackend(undefined, tryOne);
    expect(report.backend).toBe('cpu');
    expect(report.skipped).toEqual([
      { name: 'webgpu', reason: { code: 'init-failed', detail: 'device lost' } },
      { name: 'webgl', reason: { code: 'no-api' } },
      { name: 'wasm', reason: { code: 'no-api' } },
    ]);
  });

  it('honours a forced backend and reports the faster one as not used', async () => {
    const { tried, tryOne } = fake({ webgpu: true, webgl: true });
    const report = await selectBackend('webgl', tryOne);
    expect(report).toEqual({ backend: 'webgl', forced: 'webgl', skipped: [{ name: 'webgpu', reason: { code: 'forced-other' } }] });
    expect(tried).toEqual(['webgl']);
  });

  it('falls back when the forced backend fails', async () => {
    const { tryOne } = fake({ webgl: { code: 'no-api' }, webgpu: true });
    const report = await selectBackend('webgl', tryOne);
    expect(report.backend).toBe('webgpu');
    expect(report.skipped).toEqual([{ name: 'webgl', reason: { code: 'no-api' } }]);
  });

  it('throws when nothing starts', async () => {
    const { tryOne } = fake({});
    await expect(selectBackend(undefined, tryOne)).rejects.toThrow(/no TensorFlow.js backend/);
  });
});

describe('the tfjs check computation', () => {
  it('computes sigmoid without leaking tensors', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const ys = await sigmoidTable(tf, [-2, 0, 2]);
    expect(ys[1]).toBeCloseTo(0.5, 6);
    expect(ys[2]).toBeCloseTo(1 / (1 + Math.exp(-2)), 5);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('a lost device, as errors word it', () => {
  it('recognises WebGL and WebGPU losses, and nothing else', () => {
    for (const m of ['WebGL context lost', 'GPU device was lost', 'Device is lost', "Failed to execute 'mapAsync' on 'GPUBuffer': Buffer was unmapped before mapping was resolved.", 'Device was destroyed.']) {
      expect(looksLikeDeviceLoss(m), m).toBe(true);
    }
    for (const m of ['loss is NaN', 'weights do not fit', 'Failed to fetch']) expect(looksLikeDeviceLoss(m), m).toBe(false);
  });
});
