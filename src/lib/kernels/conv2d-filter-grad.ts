/**
 * The weight gradient of a 2-D convolution (tfjs's `Conv2DBackpropFilter`) as a matrix product of
 * image patches and output gradients, split over the images of the batch.
 *
 * tfjs 4.22 computes it with one thread (or one loop) per weight, each summing over
 * batch × output height × output width: at batch 128 the deck's first layer has 288 weights of
 * 86,528 multiply-adds each, which leaves a GPU idle and the CPU backend walking a TensorBuffer
 * element by element. Written as
 *
 *   patches[b] = the k×k×cin neighbourhood of every output position of image b   (P × K)
 *   dW = Σ_b patches[b]ᵀ · dy[b]                                                (K × cout)
 *
 * it becomes one batched matrix product (one small product per image, all at once) and one sum
 * over the batch: the backend's own `BatchMatMul` and `Sum`, which every backend runs well.
 * Built only from kernels the backend already has (Pad, Slice/StridedSlice, Concat, Reshape,
 * BatchMatMul, Sum), so the same code serves WebGPU, WebGL, CPU and WASM.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../tf-runtime.ts';

interface BackendLike {
  disposeData(dataId: object, force?: boolean): unknown;
}

/** Runs another kernel of the same backend inside a kernel. */
export type RunKernel = (name: string, inputs: Record<string, TensorInfo> | TensorInfo[], attrs?: Record<string, unknown>) => TensorInfo;

export function kernelRunner(tf: Tf, backendName: string, backend: unknown): RunKernel {
  return (name, inputs, attrs = {}) => {
    const config = tf.getKernel(name, backendName) as KernelConfig | undefined;
    if (!config) throw new Error(`kernel ${name} is not registered for ${backendName}`);
    return config.kernelFunc({ inputs: inputs as never, backend: backend as never, attrs: attrs as never }) as TensorInfo;
  };
}

export interface FilterGradAttrs {
  readonly strides: number | readonly [number, number];
  readonly pad: 'valid' | 'same' | number | readonly unknown[];
  readonly dataFormat?: 'NHWC' | 'NCHW';
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
  readonly filterShape: readonly [number, number, number, number];
}

/** Whether the patch formulation below handles these attributes (else the stock kernel runs). */
export function patchesHandle(attrs: FilterGradAttrs): boolean {
  return (attrs.dataFormat ?? 'NHWC') === 'NHWC' && (attrs.pad === 'valid' || attrs.pad === 'same' || typeof attrs.pad === 'number');
}

/**
 * dW for x [b, h, w, cin] and dy [b, oh, ow, cout]; `run` calls the backend's kernels and
 * `dispose` frees what they return.
 */
export function conv2dFilterGrad(tf: Tf, run: RunKernel, dispose: (t: TensorInfo) => void, x: TensorInfo, dy: TensorInfo, attrs: FilterGradAttrs): TensorInfo {
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    [...attrs.filterShape] as [number, number, number, number],
    attrs.strides as [number, number],
    1,
    attrs.pad as 'valid',
    attrs.dimRoundingMode,
  );
  const { batchSize: b, outHeight: oh, outWidth: ow, inChannels: cin, outChannels: cout, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, padInfo } = info;
  const temps: TensorInfo[] = [];
  const keep = (t: TensorInfo) => {
    temps.push(t);
    return t;
  };
  try {
    let source = x;
    if (padInfo.top > 0 || padInfo.bottom > 0 || padInfo.left > 0 || padInfo.right > 0) {
      source = keep(run('PadV2', { x }, { paddings: [[0, 0], [padInfo.top, padInfo.bottom], [padInfo.left, padInfo.right], [0, 0]], constantValue: 0 }));
    }
    const spanH = (oh - 1) * sh + 1;
    const spanW = (ow - 1) * sw + 1;
    const slices: TensorInfo[] = [];
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        const slice = sh === 1 && sw === 1
          ? run('Slice', { x: source }, { begin: [0, i, j, 0], size: [b, oh, ow, cin] })
          : run('StridedSlice', { x: source }, { begin: [0, i, j, 0], end: [b, i + spanH, j + spanW, cin], strides: [1, sh, sw, 1], beginMask: 0, endMask: 0, ellipsisMask: 0, newAxisMask: 0, shrinkAxisMask: 0 });
        slices.push(keep(slice));
      }
    }
    // [b, oh, ow, kh·kw·cin], channel (i·kw + j)·cin + c: the order of the filter's own axes.
    const first = slices[0];
    const patches = slices.length === 1 && first ? first : keep(run('Concat', slices, { axis: 3 }));
    const k = kh * kw * cin;
    const a = keep(run('Reshape', { x: patches }, { shape: [b, oh * ow, k] }));
    const g = keep(run('Reshape', { x: dy }, { shape: [b, oh * ow, cout] }));
    const perImage = keep(run('BatchMatMul', { a, b: g }, { transposeA: true, transposeB: false }));
    const summed = b === 1 ? perImage : keep(run('Sum', { x: perImage }, { axis: [0], keepDims: false }));
    const result = run('Reshape', { x: summed }, { shape: [kh, kw, cin, cout] });
    return result;
  } finally {
    for (const t of temps) dispose(t);
  }
}

/** The kernel function for one backend, falling back to `stock` where patches do not apply. */
export function filterGradKernel(tf: Tf, backendName: string, stock: KernelFunc): KernelFunc {
  return (args) => {
    const attrs = args.attrs as unknown as FilterGradAttrs;
    if (!patchesHandle(attrs)) return stock(args);
    const inputs = args.inputs as { x: TensorInfo; dy: TensorInfo };
    const backend = args.backend as unknown as BackendLike;
    return conv2dFilterGrad(tf, kernelRunner(tf, backendName, backend), (t) => backend.disposeData(t.dataId), inputs.x, inputs.dy, attrs);
  };
}
