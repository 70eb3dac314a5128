/**
 * The course's own kernels, registered through tfjs's kernel registry over the stock ones for the
 * backend in use. `installCourseKernels` is called by the runtime (src/lib/tf-runtime.ts) once a
 * backend runs; `useStockKernels` puts tfjs's own kernels back (the benchmark measures both in one
 * run, and the tests compare the two).
 */
import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs';
import type { Tf } from '../tf-runtime.ts';
import { filterGradKernel } from './conv2d-filter-grad.ts';
import { webgpuAdam, webgpuAdd, webgpuConv2D, webgpuFilterGrad } from './webgpu.ts';
import { webglAdam, webglConv2D, webglFilterGrad, webglInputGrad } from './webgl.ts';
import { cpuAdam, cpuBinary, cpuConv2D, cpuConv2DBackpropInput, cpuFilterGrad, cpuMaxPoolGrad, cpuSum, cpuUnary } from './cpu.ts';
import { ADAM_KERNEL } from './adam.ts';

interface CourseKernel {
  readonly kernelName: string;
  /** The course's kernel; `stock` is tfjs's own for the same backend, if it has one. */
  readonly make: (tf: Tf, backendName: string, stock: KernelFunc | undefined) => KernelFunc | undefined;
}

const missing = (kernelName: string, backendName: string): KernelFunc => () => {
  throw new Error(`${backendName} has no ${kernelName} for these attributes`);
};

export const COURSE_KERNELS: readonly CourseKernel[] = [
  {
    kernelName: 'Conv2DBackpropFilter',
    make: (tf, backendName, stock) => {
      const fallback = stock ?? missing('Conv2DBackpropFilter', backendName);
      if (backendName === 'cpu') return cpuFilterGrad(tf, fallback);
      if (backendName === 'webgpu' && stock) return webgpuFilterGrad(tf, stock);
      if (backendName === 'webgl' && stock) return webglFilterGrad(tf, stock);
      return filterGradKernel(tf, backendName, fallback);
    },
  },
  {
    kernelName: 'Conv2D',
    make: (tf, backendName, stock) => {
      if (!stock) return undefined;
      if (backendName === 'cpu') return cpuConv2D(tf, stock);
      if (backendName === 'webgl') return webglConv2D(tf, stock);
      return backendName === 'webgpu' ? webgpuConv2D(tf, stock) : undefined;
    },
  },
  {
    kernelName: 'Conv2DBackpropInput',
    make: (tf, backendName, stock) => {
      if (!stock) return undefined;
      if (backendName === 'cpu') return cpuConv2DBackpropInput(tf, stock);
      return backendName === 'webgl' ? webglInputGrad(tf, stock) : undefined;
    },
  },
  {
    kernelName: 'Sum',
    make: (_tf, backendName, stock) => (backendName === 'cpu' && stock ? cpuSum(stock) : undefined),
  },
  {
    kernelName: 'Multiply',
    make: (_tf, backendName, stock) => (backendName === 'cpu' && stock ? cpuBinary(stock, 'mul') : undefined),
  },
  {
    kernelName: 'Add',
    make: (_tf, backendName, stock) => {
      if (!stock) return undefined;
      if (backendName === 'cpu') return cpuBinary(stock, 'add');
      return backendName === 'webgpu' ? webgpuAdd(stock) : undefined;
    },
  },
  {
    kernelName: 'Relu',
    make: (_tf, backendName, stock) => (backendName === 'cpu' && stock ? cpuUnary(stock, 'relu') : undefined),
  },
  {
    kernelName: 'Step',
    make: (_tf, backendName, stock) => (backendName === 'cpu' && stock ? cpuUnary(stock, 'step') : undefined),
  },
  {
    // Not a tfjs kernel: Adam's update of one variable, run by src/lib/kernels/adam.ts's fuseAdam.
    kernelName: ADAM_KERNEL,
    make: (_tf, backendName) => {
      if (backendName === 'cpu') return cpuAdam();
      if (backendName === 'webgl') return webglAdam();
      return backendName === 'webgpu' ? webgpuAdam() : undefined;
    },
  },
  {
    kernelName: 'MaxPoolGrad',
    make: (tf, backendName, stock) => (backendName === 'cpu' && stock ? cpuMaxPoolGrad(tf, stock) : undefined),
  },
];

const stockKernels = new Map<string, KernelConfig | null>();
const key = (kernelName: string, backendName: string) => `${backendName}/${kernelName}`;

/** tfjs types `getKernel` as always finding one; it returns undefined when none is registered. */
const registered = (tf: Tf, kernelName: string, backendName: string) => tf.getKernel(kernelName, backendName) as KernelConfig | undefined;

function replace(tf: Tf, config: KernelConfig): void {
  if (registered(tf, config.kernelName, config.backendName)) tf.unregisterKernel(config.kernelName, config.backendName);
  tf.registerKernel(config);
}

/** Registers the course's kernels for `backendName` (default: the backend in use); returns their names. */
export function installCourseKernels(tf: Tf, backendName: string = tf.getBackend()): string[] {
  const installed: string[] = [];
  for (const k of COURSE_KERNELS) {
    const id = key(k.kernelName, backendName);
    if (!stockKernels.has(id)) stockKernels.set(id, registered(tf, k.kernelName, backendName) ?? null);
    const stock = stockKernels.get(id) ?? null;
    const kernelFunc = k.make(tf, backendName, stock?.kernelFunc);
    if (!kernelFunc) continue;
    replace(tf, { ...(stock ?? {}), kernelName: k.kernelName, backendName, kernelFunc });
    installed.push(k.kernelName);
  }
  return installed;
}

/** Puts tfjs's own kernels back for `backendName` (those it had; the others are removed). */
export function useStockKernels(tf: Tf, backendName: string = tf.getBackend()): void {
  for (const k of COURSE_KERNELS) {
    const id = key(k.kernelName, backendName);
    if (!stockKernels.has(id)) continue;
    const stock = stockKernels.get(id) ?? null;
    if (stock) replace(tf, stock);
    else if (registered(tf, k.kernelName, backendName)) tf.unregisterKernel(k.kernelName, backendName);
  }
}
