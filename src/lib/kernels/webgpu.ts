/**
 * The course's WebGPU kernels: direct convolutions and a bias add, written as WGSL programs that
 * run through tfjs's own WebGPU backend (`runWebGPUProgram`), so buffers, uniforms and the command
 * queue stay tfjs's.
 *
 * Profiled on the emulated GPU (SwiftShader) a training step of 128 images spends most of its time
 * in three stock kernels:
 * - `Conv2D` goes through a tiled matrix product whose inner dimension is the window (9 for the
 *   first layer): about 2.6 s for 25 million multiply-adds;
 * - `Conv2DBackpropFilter` runs one thread per weight, each summing over the whole batch (288
 *   threads of 86,528 multiply-adds for the first layer): about 2.8 s per layer;
 * - `Add` with a bias broadcast over the last axis takes the generic broadcasting path (one
 *   element and four index divisions per thread): about ten times a same-shape add.
 * Here each thread computes four output channels at once (a `vec4`), the weight gradient is split
 * over groups of images (partial sums, then tfjs's `Sum` over the groups), and the bias add reads
 * the bias by `index % (channels / 4)`. Every program falls back to tfjs's own kernel for what it
 * does not handle (dilation, NCHW, channel counts not divisible by 4, other dtypes).
 *
 * The programs are checked against tfjs's kernels in the browser (tests/e2e/kernels.gpu.spec.ts
 * through the bench page's `checkKernels`), since WGSL cannot run under Node.
 */
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../tf-runtime.ts';
import { ADAM_KERNEL, type AdamAttrs } from './adam.ts';
import { kernelRunner, type FilterGradAttrs } from './conv2d-filter-grad.ts';

/** The part of tfjs-backend-webgpu's `WebGPUProgram` these programs fill in. */
export interface WgslProgram {
  readonly outputShape: number[];
  readonly shaderKey: string;
  readonly variableNames: string[];
  readonly variableComponents: number[];
  readonly outputComponent: number;
  readonly dispatchLayout: { x: number[] };
  readonly dispatch: [number, number, number];
  readonly workgroupSize: [number, number, number];
  readonly uniforms: string;
  readonly size: false;
  getUserCode(): string;
}

interface Uniform {
  readonly type: 'int32' | 'float32';
  readonly data: number[];
}

interface WebGPUBackendLike {
  runWebGPUProgram(program: WgslProgram, inputs: TensorInfo[], outputDtype: 'float32', uniforms: Uniform[]): TensorInfo;
  disposeData(dataId: object): unknown;
}

export const WORKGROUP = 64;
/** WebGPU's limit on workgroups along one dispatch dimension. */
const MAX_DISPATCH = 65535;

/** Workgroups for `threads` threads: along x, wrapping into y past the limit (the shader checks `index`). */
export function dispatchFor(threads: number): [number, number, number] {
  const groups = Math.max(1, Math.ceil(threads / WORKGROUP));
  if (groups <= MAX_DISPATCH) return [groups, 1, 1];
  const x = Math.ceil(Math.sqrt(groups));
  return [x, Math.ceil(groups / x), 1];
}

/** A flat program: one thread per `index` below `uniforms.threads`. */
function program(
  key: string,
  outputShape: number[],
  inputs: { names: string[]; components: number[] },
  outputComponent: number,
  uniforms: string,
  threads: number,
  body: string,
): WgslProgram {
  return {
    outputShape,
    shaderKey: key,
    variableNames: inputs.names,
    variableComponents: inputs.components,
    outputComponent,
    dispatchLayout: { x: outputShape.map((_, i) => i) },
    dispatch: dispatchFor(threads),
    workgroupSize: [WORKGROUP, 1, 1],
    uniforms: `threads : i32, ${uniforms}`,
    size: false,
    getUserCode: () => `
      fn main(index : i32) {
        if (index >= uniforms.threads) { return; }
        ${body}
      }`,
  };
}

const ints = (...values: number[]): Uniform[] => values.map((v) => ({ type: 'int32', data: [v] }));

/** The geometry both convolution programs need, from tfjs's own `computeConv2DInfo`. */
export interface ConvGeometry {
  readonly batch: number;
  readonly inHeight: number;
  readonly inWidth: number;
  readonly inChannels: number;
  readonly outHeight: number;
  readonly outWidth: number;
  readonly outChannels: number;
  readonly filterHeight: number;
  readonly filterWidth: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  readonly padTop: number;
  readonly padLeft: number;
}

export function convGeometry(
  tf: Tf,
  xShape: readonly number[],
  filterShape: readonly number[],
  attrs: { strides: number | readonly [number, number]; pad: unknown; dilations?: number | readonly [number, number]; dataFormat?: string; dimRoundingMode?: 'floor' | 'round' | 'ceil' },
): ConvGeometry | undefined {
  const dilations = attrs.dilations ?? 1;
  const dilated = typeof dilations === 'number' ? dilations !== 1 : dilations.some((d) => d !== 1);
  if ((attrs.dataFormat ?? 'NHWC') !== 'NHWC' || dilated || xShape.length !== 4 || filterShape.length !== 4) return undefined;
  const info = tf.backend_util.computeConv2DInfo(
    [...xShape] as [number, number, number, number],
    [...filterShape] as [number, number, number, number],
    attrs.strides as [number, number],
    1,
    attrs.pad as 'valid',
    attrs.dimRoundingMode,
  );
  return {
    batch: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    inChannels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    outChannels: info.outChannels,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

const geometryUniforms = 'sh : i32, sw : i32, padTop : i32, padLeft : i32,';
const geometryValues = (g: ConvGeometry) => [g.strideHeight, g.strideWidth, g.padTop, g.padLeft];

/**
 * Forward convolution, one thread per (image, row, column, four output channels). With input
 * channels in fours the input is read as `vec4` and the four-by-four block of weights is one
 * `mat4x4` product.
 */
export function convForwardProgram(g: ConvGeometry): { program: WgslProgram; uniforms: Uniform[] } {
  const byFour = g.inChannels % 4 === 0;
  const threads = g.batch * g.outHeight * g.outWidth * (g.outChannels / 4);
  const inner = byFour
    ? `let xb = ((b * H + r) * Wd + c) * ci4;
        var wb = (i * KW + j) * ci4 * 4 * co4 + q;
        for (var p = 0; p < ci4; p++) {
          acc = acc + mat4x4<f32>(W[wb], W[wb + co4], W[wb + 2 * co4], W[wb + 3 * co4]) * x[xb + p];
          wb = wb + 4 * co4;
        }`
    : `let xb = ((b * H + r) * Wd + c) * CI;
        let wb = (i * KW + j) * CI * co4 + q;
        for (var ci = 0; ci < CI; ci++) {
          acc = acc + x[xb + ci] * W[wb + ci * co4];
        }`;
  const body = `
    let co4 = uniforms.outShape[3] / 4;
    let q = index % co4; var rest = index / co4;
    let oc = rest % uniforms.outShape[2]; rest = rest / uniforms.outShape[2];
    let orow = rest % uniforms.outShape[1]; let b = rest / uniforms.outShape[1];
    let H = uniforms.xShape[1]; let Wd = uniforms.xShape[2]; let CI = uniforms.xShape[3]; let ci4 = CI / 4;
    let KH = uniforms.wShape[0]; let KW = uniforms.wShape[1];
    var acc = vec4<f32>(0.0);
    for (var i = 0; i < KH; i++) {
      let r = orow * uniforms.sh + i - uniforms.padTop;
      if (r < 0 || r >= H) { continue; }
      for (var j = 0; j < KW; j++) {
        let c = oc * uniforms.sw + j - uniforms.padLeft;
        if (c < 0 || c >= Wd) { continue; }
        ${inner}
      }
    }
    result[index] = acc;`;
  return {
    program: program(`course_conv2d_${byFour ? 'v4' : 's'}`, [g.batch, g.outHeight, g.outWidth, g.outChannels], { names: ['x', 'W'], components: [byFour ? 4 : 1, 4] }, 4, geometryUniforms, threads, body),
    uniforms: ints(threads, ...geometryValues(g)),
  };
}

/** Threads the weight gradient aims for per dispatch, enough to keep an emulated GPU's cores busy. */
export const FILTER_GRAD_THREADS = 16384;

/** How many groups of images the weight gradient is split into (partial sums, then one Sum). */
export function filterGradGroups(g: ConvGeometry): { groups: number; perGroup: number } {
  const perImage = g.filterHeight * g.filterWidth * (g.inChannels % 4 === 0 ? g.inChannels / 4 : g.inChannels) * (g.outChannels / 4);
  const wanted = Math.min(g.batch, Math.max(1, Math.ceil(FILTER_GRAD_THREADS / perImage)));
  const perGroup = Math.ceil(g.batch / wanted);
  return { groups: Math.ceil(g.batch / perGroup), perGroup };
}

/**
 * Partial weight gradients [groups, kh·kw, cin, cout]: one thread per (group, window offset,
 * input channel — or four of them —, four output channels), summing over its group's images and
 * every output position.
 */
export function filterGradProgram(g: ConvGeometry): { program: WgslProgram; uniforms: Uniform[] } {
  const byFour = g.inChannels % 4 === 0;
  const { groups, perGroup } = filterGradGroups(g);
  const kk = g.filterHeight * g.filterWidth;
  const channelThreads = byFour ? g.inChannels / 4 : g.inChannels;
  const threads = groups * kk * channelThreads * (g.outChannels / 4);
  const accumulate = byFour
    ? `let xv = x[(xrow + c) * CT + p];
          a0 = a0 + xv.x * dv; a1 = a1 + xv.y * dv; a2 = a2 + xv.z * dv; a3 = a3 + xv.w * dv;`
    : `a0 = a0 + x[(xrow + c) * CT + p] * dv;`;
  const store = byFour
    ? `let base = ((grp * KK + ij) * CT * 4 + p * 4) * co4 + q;
    result[base] = a0; result[base + co4] = a1; result[base + 2 * co4] = a2; result[base + 3 * co4] = a3;`
    : `result[index] = a0;`;
  const body = `
    let co4 = uniforms.outShape[3] / 4;
    let CT = ${byFour ? 'uniforms.outShape[2] / 4' : 'uniforms.outShape[2]'};
    let KK = uniforms.outShape[1];
    let q = index % co4; var rest = index / co4;
    let p = rest % CT; rest = rest / CT;
    let ij = rest % KK; let grp = rest / KK;
    let i = ij / uniforms.kw; let j = ij % uniforms.kw;
    let H = uniforms.xShape[1]; let Wd = uniforms.xShape[2]; let B = uniforms.xShape[0];
    let OH = uniforms.dyShape[1]; let OW = uniforms.dyShape[2];
    var a0 = vec4<f32>(0.0); var a1 = vec4<f32>(0.0); var a2 = vec4<f32>(0.0); var a3 = vec4<f32>(0.0);
    let b0 = grp * uniforms.perGroup; let b1 = min(B, b0 + uniforms.perGroup);
    for (var b = b0; b < b1; b++) {
      for (var orow = 0; orow < OH; orow++) {
        let r = orow * uniforms.sh + i - uniforms.padTop;
        if (r < 0 || r >= H) { continue; }
        let xrow = (b * H + r) * Wd;
        let dyrow = (b * OH + orow) * OW;
        for (var oc = 0; oc < OW; oc++) {
          let c = oc * uniforms.sw + j - uniforms.padLeft;
          if (c < 0 || c >= Wd) { continue; }
          let dv = dy[(dyrow + oc) * co4 + q];
          ${accumulate}
        }
      }
    }
    ${store}`;
  return {
    program: program(`course_conv2d_dw_${byFour ? 'v4' : 's'}`, [groups, kk, g.inChannels, g.outChannels], { names: ['x', 'dy'], components: [byFour ? 4 : 1, 4] }, 4, `${geometryUniforms} kw : i32, perGroup : i32,`, threads, body),
    uniforms: ints(threads, ...geometryValues(g), g.filterWidth, perGroup),
  };
}

/** `a + bias` where the bias runs along the last axis (length `channels`, a multiple of 4). */
export function biasAddProgram(shape: readonly number[], channels: number): { program: WgslProgram; uniforms: Uniform[] } {
  const threads = shape.reduce((a, b) => a * b, 1) / 4;
  return {
    program: program('course_bias_add', [...shape], { names: ['A', 'bias'], components: [4, 4] }, 4, 'c4 : i32,', threads, 'result[index] = A[index] + bias[index % uniforms.c4];'),
    uniforms: ints(threads, channels / 4),
  };
}

const isFloat = (...ts: TensorInfo[]) => ts.every((t) => t.dtype === 'float32');

export function webgpuConv2D(tf: Tf, stock: KernelFunc): KernelFunc {
  return (args) => {
    const { x, filter } = args.inputs as { x: TensorInfo; filter: TensorInfo };
    const g = isFloat(x, filter) ? convGeometry(tf, x.shape, filter.shape, args.attrs as never) : undefined;
    if (!g || g.outChannels % 4 !== 0 || g.batch * g.outHeight * g.outWidth === 0) return stock(args);
    const { program: p, uniforms } = convForwardProgram(g);
    return (args.backend as unknown as WebGPUBackendLike).runWebGPUProgram(p, [x, filter], 'float32', uniforms);
  };
}

export function webgpuFilterGrad(tf: Tf, stock: KernelFunc): KernelFunc {
  return (args) => {
    const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
    const attrs = args.attrs as unknown as FilterGradAttrs;
    const g = isFloat(x, dy) ? convGeometry(tf, x.shape, attrs.filterShape, attrs) : undefined;
    if (!g || g.outChannels % 4 !== 0 || g.batch * g.outHeight * g.outWidth === 0) return stock(args);
    const backend = args.backend as unknown as WebGPUBackendLike;
    const run = kernelRunner(tf, 'webgpu', backend);
    const { program: p, uniforms } = filterGradProgram(g);
    const partial = backend.runWebGPUProgram(p, [x, dy], 'float32', uniforms);
    const summed = p.outputShape[0] === 1 ? partial : run('Sum', { x: partial }, { axis: [0], keepDims: false });
    try {
      return run('Reshape', { x: summed }, { shape: [...attrs.filterShape] });
    } finally {
      backend.disposeData(partial.dataId);
      if (summed !== partial) backend.disposeData(summed.dataId);
    }
  };
}

/** The bias add: an N-D tensor plus one whose only axis longer than 1 is the last (Keras reshapes a
 * bias to [1, 1, 1, c]), in either order. */
export function webgpuAdd(stock: KernelFunc): KernelFunc {
  return (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const size = (t: TensorInfo) => t.shape.reduce((m, d) => m * d, 1);
    const [big, bias] = size(a) >= size(b) ? [a, b] : [b, a];
    const channels = big.shape[big.shape.length - 1] ?? 0;
    const biasLike = bias.shape.length >= 1 && bias.shape.length <= big.shape.length && bias.shape[bias.shape.length - 1] === channels && bias.shape.slice(0, -1).every((d) => d === 1);
    const fits = isFloat(a, b) && big.shape.length >= 2 && biasLike && channels % 4 === 0 && size(big) > 0 && size(big) > channels;
    if (!fits) return stock(args);
    const { program: p, uniforms } = biasAddProgram(big.shape, channels);
    return (args.backend as unknown as WebGPUBackendLike).runWebGPUProgram(p, [big, bias], 'float32', uniforms);
  };
}

const floats = (...values: number[]): Uniform[] => values.map((v) => ({ type: 'float32', data: [v] }));

/**
 * Adam's update of one variable (src/lib/kernels/adam.ts): the new first moment, the new second
 * moment, then the weights from both; three flat programs (four values per thread where the
 * size allows) instead of tfjs's fourteen.
 */
export function webgpuAdam(): KernelFunc {
  return (args) => {
    const { value, m, v, g } = args.inputs as { value: TensorInfo; m: TensorInfo; v: TensorInfo; g: TensorInfo };
    if (!isFloat(value, m, v, g)) throw new Error(`${ADAM_KERNEL} takes float32 tensors`);
    const a = args.attrs as unknown as AdamAttrs;
    const backend = args.backend as unknown as WebGPUBackendLike;
    const shape = [...value.shape];
    const size = shape.reduce((p, d) => p * d, 1);
    const c = size % 4 === 0 ? 4 : 1;
    const threads = size / c;
    const run = (key: string, names: string[], uniforms: string, body: string, inputs: TensorInfo[], values: number[]) =>
      backend.runWebGPUProgram(program(`course_adam_${key}_${c}`, shape, { names, components: names.map(() => c) }, c, uniforms, threads, body), inputs, 'float32', [...ints(threads), ...floats(...values)]);
    const newM = run('m', ['M', 'G'], 'b1 : f32, ob1 : f32,', 'result[index] = uniforms.b1 * M[index] + uniforms.ob1 * G[index];', [m, g], [a.beta1, 1 - a.beta1]);
    const newV = run('v', ['V', 'G'], 'b2 : f32, ob2 : f32,', 'result[index] = uniforms.b2 * V[index] + uniforms.ob2 * (G[index] * G[index]);', [v, g], [a.beta2, 1 - a.beta2]);
    const newValue = run(
      'value',
      ['X', 'M', 'V'],
      'c1 : f32, c2 : f32, eps : f32, step : f32,',
      'result[index] = X[index] + M[index] / uniforms.c1 / (sqrt(V[index] / uniforms.c2) + uniforms.eps) * uniforms.step;',
      [value, newM, newV],
      [a.correction1, a.correction2, a.epsilon, -a.learningRate],
    );
    return [newValue, newM, newV];
  };
}
