/**
 * Kernels for tfjs's `cpu` backend written as plain loops over Float32Arrays. tfjs 4.22's own
 * `Conv2DBackpropFilter` and `MaxPoolGrad` read every element through `TensorBuffer.get` (an
 * index computation and a bounds check per multiply-add); these walk the arrays in memory order,
 * the innermost loop over the output channels, contiguous in both the gradient and the result,
 * and skip the zeros of the input (most of an MNIST image and of a ReLU's output). `Conv2D`
 * (forward) does the same from the input's side, `Conv2DBackpropInput` from the gradient's (behind
 * a max pooling, most of it is zero). The element-wise kernels of a training step (Multiply, Add,
 * Relu, Step) and the bias gradient's Sum are single loops where tfjs's own call a function per
 * element or copy the tensor first; every other case goes to tfjs's own kernel.
 */
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../tf-runtime.ts';
import { patchesHandle, type FilterGradAttrs } from './conv2d-filter-grad.ts';
import { ADAM_KERNEL, adamUpdate, type AdamAttrs } from './adam.ts';

interface CpuBackendLike {
  data: { get(dataId: object): { values: Float32Array } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
}

/**
 * dW[i, j, c, o] = Σ over images and output positions of x[b, r·sh + i − top, q·sw + j − left, c] · dy[b, r, q, o],
 * skipping zero inputs and, where fewer than half of an output position's gradients are non-zero
 * (behind a max pooling), the zero gradients too.
 */
export function cpuFilterGrad(tf: Tf, stock: KernelFunc): KernelFunc {
  return (args) => {
    const attrs = args.attrs as unknown as FilterGradAttrs;
    const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
    if (!patchesHandle(attrs) || x.dtype !== 'float32' || dy.dtype !== 'float32') return stock(args);
    const backend = args.backend as unknown as CpuBackendLike;
    const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], [...attrs.filterShape] as [number, number, number, number], attrs.strides as [number, number], 1, attrs.pad as 'valid', attrs.dimRoundingMode);
    const { batchSize, inHeight, inWidth, inChannels: cin, outHeight, outWidth, outChannels: cout, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, padInfo } = info;
    const xv = backend.data.get(x.dataId).values;
    const gv = backend.data.get(dy.dataId).values;
    const dw = new Float32Array(kh * kw * cin * cout);
    // The non-zero gradients of one output position: behind a max pooling most of them are zero.
    const at = new Int32Array(cout);
    const gs = new Float32Array(cout);
    for (let b = 0; b < batchSize; b++) {
      for (let r = 0; r < outHeight; r++) {
        for (let q = 0; q < outWidth; q++) {
          const g0 = ((b * outHeight + r) * outWidth + q) * cout;
          let nz = 0;
          for (let o = 0; o < cout; o++) {
            const g = gv[g0 + o] ?? 0;
            if (g === 0) continue;
            at[nz] = o;
            gs[nz++] = g;
          }
          if (nz === 0) continue;
          const sparse = nz * 2 < cout;
          for (let i = 0; i < kh; i++) {
            const xr = r * sh + i - padInfo.top;
            if (xr < 0 || xr >= inHeight) continue;
            for (let j = 0; j < kw; j++) {
              const xc = q * sw + j - padInfo.left;
              if (xc < 0 || xc >= inWidth) continue;
              const x0 = ((b * inHeight + xr) * inWidth + xc) * cin;
              const w0 = (i * kw + j) * cin * cout;
              for (let c = 0; c < cin; c++) {
                const xval = xv[x0 + c] ?? 0;
                if (xval === 0) continue;
                const wc = w0 + c * cout;
                if (sparse) {
                  for (let k = 0; k < nz; k++) {
                    const o = wc + (at[k] ?? 0);
                    dw[o] = (dw[o] ?? 0) + xval * (gs[k] ?? 0);
                  }
                } else {
                  for (let o = 0; o < cout; o++) dw[wc + o] = (dw[wc + o] ?? 0) + xval * (gv[g0 + o] ?? 0);
                }
              }
            }
          }
        }
      }
    }
    return backend.makeTensorInfo([kh, kw, cin, cout], 'float32', dw);
  };
}

interface Conv2DAttrs {
  readonly strides: number | [number, number];
  readonly pad: 'valid' | 'same' | number;
  readonly dataFormat: 'NHWC' | 'NCHW';
  readonly dilations: number | [number, number];
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * y[b, r, q, o] = Σ x[b, r·sh + i − top, q·sw + j − left, c] · w[i, j, c, o], one output position
 * at a time: its window's non-zero inputs are gathered first (MNIST images are mostly zero, and so
 * are ReLU outputs, so most multiply-adds are skipped), then added to the position's row of
 * output channels four inputs per pass, so that the row is read and written once per four filter
 * rows instead of once per filter row.
 */
export function cpuConv2D(tf: Tf, stock: KernelFunc): KernelFunc {
  return (args) => {
    const attrs = args.attrs as unknown as Conv2DAttrs;
    const { x, filter } = args.inputs as { x: TensorInfo; filter: TensorInfo };
    const dilated = typeof attrs.dilations === 'number' ? attrs.dilations !== 1 : attrs.dilations.some((d) => d !== 1);
    if (attrs.dataFormat !== 'NHWC' || dilated || x.dtype !== 'float32' || filter.dtype !== 'float32') return stock(args);
    const backend = args.backend as unknown as CpuBackendLike;
    const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filter.shape as [number, number, number, number], attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
    const { batchSize, inHeight, inWidth, inChannels: cin, outHeight, outWidth, outChannels: cout, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, padInfo } = info;
    const xv = backend.data.get(x.dataId).values;
    const wv = backend.data.get(filter.dataId).values;
    const y = new Float32Array(batchSize * outHeight * outWidth * cout);
    // One window's non-zero inputs and where their filter rows start.
    const vals = new Float32Array(kh * kw * cin);
    const rows = new Int32Array(kh * kw * cin);
    for (let b = 0; b < batchSize; b++) {
      for (let r = 0; r < outHeight; r++) {
        for (let q = 0; q < outWidth; q++) {
          let nz = 0;
          for (let i = 0; i < kh; i++) {
            const xr = r * sh + i - padInfo.top;
            if (xr < 0 || xr >= inHeight) continue;
            for (let j = 0; j < kw; j++) {
              const xc = q * sw + j - padInfo.left;
              if (xc < 0 || xc >= inWidth) continue;
              const x0 = ((b * inHeight + xr) * inWidth + xc) * cin;
              const w0 = (i * kw + j) * cin * cout;
              for (let c = 0; c < cin; c++) {
                const xval = xv[x0 + c] ?? 0;
                if (xval === 0) continue;
                vals[nz] = xval;
                rows[nz++] = w0 + c * cout;
              }
            }
          }
          const y0 = ((b * outHeight + r) * outWidth + q) * cout;
          let k = 0;
          for (; k + 4 <= nz; k += 4) {
            const a0 = vals[k] ?? 0, a1 = vals[k + 1] ?? 0, a2 = vals[k + 2] ?? 0, a3 = vals[k + 3] ?? 0;
            const w0 = rows[k] ?? 0, w1 = rows[k + 1] ?? 0, w2 = rows[k + 2] ?? 0, w3 = rows[k + 3] ?? 0;
            for (let o = 0; o < cout; o++) {
              y[y0 + o] = (y[y0 + o] ?? 0) + a0 * (wv[w0 + o] ?? 0) + a1 * (wv[w1 + o] ?? 0) + a2 * (wv[w2 + o] ?? 0) + a3 * (wv[w3 + o] ?? 0);
            }
          }
          for (; k < nz; k++) {
            const a = vals[k] ?? 0;
            const w0 = rows[k] ?? 0;
            for (let o = 0; o < cout; o++) y[y0 + o] = (y[y0 + o] ?? 0) + a * (wv[w0 + o] ?? 0);
          }
        }
      }
    }
    return backend.makeTensorInfo([batchSize, outHeight, outWidth, cout], 'float32', y);
  };
}

interface PoolGradAttrs {
  readonly filterSize: number | [number, number];
  readonly strides: number | [number, number];
  readonly pad: 'valid' | 'same' | number;
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** Each output gradient goes to the first largest input of its window (tfjs's own rule). */
export function cpuMaxPoolGrad(tf: Tf, stock: KernelFunc): KernelFunc {
  return (args) => {
    const attrs = args.attrs as unknown as PoolGradAttrs;
    const { dy, input } = args.inputs as { dy: TensorInfo; input: TensorInfo };
    if (input.dtype !== 'float32' || input.shape.length !== 4) return stock(args);
    const backend = args.backend as unknown as CpuBackendLike;
    const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], attrs.filterSize, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
    const { batchSize, inHeight, inWidth, inChannels: ch, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
    const xv = backend.data.get(input.dataId).values;
    const gv = backend.data.get(dy.dataId).values;
    const dx = new Float32Array(xv.length);
    for (let b = 0; b < batchSize; b++) {
      for (let r = 0; r < outHeight; r++) {
        const r0 = r * strideHeight - padInfo.top;
        const rMin = Math.max(0, r0);
        const rMax = Math.min(inHeight, r0 + filterHeight);
        for (let q = 0; q < outWidth; q++) {
          const c0 = q * strideWidth - padInfo.left;
          const cMin = Math.max(0, c0);
          const cMax = Math.min(inWidth, c0 + filterWidth);
          const g0 = ((b * outHeight + r) * outWidth + q) * ch;
          for (let d = 0; d < ch; d++) {
            let best = Number.NEGATIVE_INFINITY;
            let at = -1;
            for (let xr = rMin; xr < rMax; xr++) {
              for (let xc = cMin; xc < cMax; xc++) {
                const k = ((b * inHeight + xr) * inWidth + xc) * ch + d;
                const v = xv[k] ?? Number.NEGATIVE_INFINITY;
                if (v > best) {
                  best = v;
                  at = k;
                }
              }
            }
            if (at >= 0) dx[at] = (dx[at] ?? 0) + (gv[g0 + d] ?? 0);
          }
        }
      }
    }
    return backend.makeTensorInfo([...input.shape], 'float32', dx);
  };
}

interface BackpropInputAttrs {
  readonly strides: number | [number, number];
  readonly pad: 'valid' | 'same' | number;
  readonly dataFormat: 'NHWC' | 'NCHW';
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
  readonly inputShape: readonly number[];
}

/**
 * The input gradient of a convolution, dx[b, r·sh + i − top, q·sw + j − left, c] += dy[b, r, q, o] ·
 * w[i, j, c, o], spread from the gradient's side: behind a max pooling and a ReLU, most of dy is
 * zero (a pooling window passes its gradient to one input of four), and each zero is skipped. The
 * filter is transposed to [i, j, o, c] once, so the innermost loop runs over c, contiguous in both.
 */
export function cpuConv2DBackpropInput(tf: Tf, stock: KernelFunc): KernelFunc {
  return (args) => {
    const attrs = args.attrs as unknown as BackpropInputAttrs;
    const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
    if (attrs.dataFormat !== 'NHWC' || dy.dtype !== 'float32' || filter.dtype !== 'float32') return stock(args);
    const backend = args.backend as unknown as CpuBackendLike;
    const inputShape = [...attrs.inputShape] as [number, number, number, number];
    const info = tf.backend_util.computeConv2DInfo(inputShape, filter.shape as [number, number, number, number], attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
    const { batchSize, inHeight, inWidth, inChannels: cin, outHeight, outWidth, outChannels: cout, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, padInfo } = info;
    const gv = backend.data.get(dy.dataId).values;
    const wv = backend.data.get(filter.dataId).values;
    const wt = new Float32Array(wv.length);
    for (let ij = 0; ij < kh * kw; ij++) {
      for (let c = 0; c < cin; c++) {
        for (let o = 0; o < cout; o++) wt[(ij * cout + o) * cin + c] = wv[(ij * cin + c) * cout + o] ?? 0;
      }
    }
    const dx = new Float32Array(batchSize * inHeight * inWidth * cin);
    for (let b = 0; b < batchSize; b++) {
      for (let r = 0; r < outHeight; r++) {
        for (let q = 0; q < outWidth; q++) {
          const g0 = ((b * outHeight + r) * outWidth + q) * cout;
          for (let o = 0; o < cout; o++) {
            const g = gv[g0 + o] ?? 0;
            if (g === 0) continue;
            for (let i = 0; i < kh; i++) {
              const xr = r * sh + i - padInfo.top;
              if (xr < 0 || xr >= inHeight) continue;
              for (let j = 0; j < kw; j++) {
                const xc = q * sw + j - padInfo.left;
                if (xc < 0 || xc >= inWidth) continue;
                const x0 = ((b * inHeight + xr) * inWidth + xc) * cin;
                const w0 = ((i * kw + j) * cout + o) * cin;
                for (let c = 0; c < cin; c++) dx[x0 + c] = (dx[x0 + c] ?? 0) + g * (wt[w0 + c] ?? 0);
              }
            }
          }
        }
      }
    }
    return backend.makeTensorInfo([...inputShape], 'float32', dx);
  };
}

interface SumAttrs {
  readonly axis: number | number[];
  readonly keepDims: boolean;
}

/**
 * A sum over the leading axes (the gradient of a bias: every image and position summed per
 * channel) as one pass in memory order. tfjs's own kernel first transposes the reduced axes to
 * the end, a copy of the whole tensor; other axes are left to it.
 */
export function cpuSum(stock: KernelFunc): KernelFunc {
  return (args) => {
    const attrs = args.attrs as unknown as SumAttrs;
    const { x } = args.inputs as { x: TensorInfo };
    const rank = x.shape.length;
    const axes = [...new Set((Array.isArray(attrs.axis) ? attrs.axis : [attrs.axis]).map((a) => (a < 0 ? a + rank : a)))].sort((a, b) => a - b);
    const leading = axes.length > 0 && axes.length < rank && axes.every((a, k) => a === k);
    if (x.dtype !== 'float32' || !leading) return stock(args);
    const backend = args.backend as unknown as CpuBackendLike;
    const xv = backend.data.get(x.dataId).values;
    const inner = x.shape.slice(axes.length).reduce((a, b) => a * b, 1);
    const acc = new Float64Array(inner);
    for (let k = 0; k < xv.length; k += inner) {
      for (let c = 0; c < inner; c++) acc[c] = (acc[c] ?? 0) + (xv[k + c] ?? 0);
    }
    const shape = attrs.keepDims ? x.shape.map((d, a) => (a < axes.length ? 1 : d)) : x.shape.slice(axes.length);
    return backend.makeTensorInfo(shape, 'float32', Float32Array.from(acc));
  };
}

/**
 * Element-wise Multiply and Add of two float32 tensors of the same shape, of a tensor and a
 * single number, or of a tensor and a bias (Adam's updates, a ReLU's gradient, dropout's mask): one tight loop. tfjs's own
 * kernel calls a function per element and takes a modulo of both indices. A second operand whose
 * shape ends the first's (a bias) is added or multiplied along it; other broadcasting is left to tfjs.
 */
export function cpuBinary(stock: KernelFunc, op: 'mul' | 'add'): KernelFunc {
  return (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    if (a.dtype !== 'float32' || b.dtype !== 'float32') return stock(args);
    const same = a.shape.length === b.shape.length && a.shape.every((d, k) => d === b.shape[k]);
    const size = (s: readonly number[]) => s.reduce((p, d) => p * d, 1);
    const aScalar = size(a.shape) === 1 && a.shape.length <= b.shape.length;
    const bScalar = size(b.shape) === 1 && b.shape.length <= a.shape.length;
    // b's shape is the end of a's (a bias [C] added to [N, H, W, C]).
    const bTrailing = b.shape.length < a.shape.length && b.shape.every((d, k) => d === a.shape[a.shape.length - b.shape.length + k]);
    if (!same && !aScalar && !bScalar && !bTrailing) return stock(args);
    const backend = args.backend as unknown as CpuBackendLike;
    const av = backend.data.get(a.dataId).values;
    const bv = backend.data.get(b.dataId).values;
    const shape = same || bScalar || bTrailing ? [...a.shape] : [...b.shape];
    const out = new Float32Array(size(shape));
    const n = out.length;
    if (same) {
      if (op === 'mul') for (let i = 0; i < n; i++) out[i] = (av[i] ?? 0) * (bv[i] ?? 0);
      else for (let i = 0; i < n; i++) out[i] = (av[i] ?? 0) + (bv[i] ?? 0);
    } else if (bTrailing && !bScalar) {
      const inner = bv.length;
      for (let k = 0; k < n; k += inner) {
        if (op === 'mul') for (let c = 0; c < inner; c++) out[k + c] = (av[k + c] ?? 0) * (bv[c] ?? 0);
        else for (let c = 0; c < inner; c++) out[k + c] = (av[k + c] ?? 0) + (bv[c] ?? 0);
      }
    } else {
      const [vals, s] = bScalar ? [av, bv[0] ?? 0] : [bv, av[0] ?? 0];
      if (op === 'mul') for (let i = 0; i < n; i++) out[i] = (vals[i] ?? 0) * s;
      else for (let i = 0; i < n; i++) out[i] = (vals[i] ?? 0) + s;
    }
    return backend.makeTensorInfo(shape, 'float32', out);
  };
}

/** ReLU (max(x, 0), NaN kept) and Step (1 above 0, `alpha` at or below, NaN kept) on float32, one loop each. */
export function cpuUnary(stock: KernelFunc, op: 'relu' | 'step'): KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    if (x.dtype !== 'float32') return stock(args);
    const backend = args.backend as unknown as CpuBackendLike;
    const xv = backend.data.get(x.dataId).values;
    const out = new Float32Array(xv.length);
    if (op === 'relu') {
      for (let i = 0; i < xv.length; i++) {
        const v = xv[i] ?? 0;
        out[i] = v < 0 ? 0 : v;
      }
    } else {
      const alpha = (args.attrs as { alpha?: number } | undefined)?.alpha ?? 0;
      for (let i = 0; i < xv.length; i++) {
        const v = xv[i] ?? 0;
        out[i] = v > 0 ? 1 : Number.isNaN(v) ? NaN : alpha;
      }
    }
    return backend.makeTensorInfo([...x.shape], 'float32', out);
  };
}

/** Adam's update of one variable (src/lib/kernels/adam.ts) as one loop: [weights, m, v]. */
export function cpuAdam(): KernelFunc {
  return (args) => {
    const { value, m, v, g } = args.inputs as { value: TensorInfo; m: TensorInfo; v: TensorInfo; g: TensorInfo };
    if ([value, m, v, g].some((t) => t.dtype !== 'float32')) throw new Error(`${ADAM_KERNEL} takes float32 tensors`);
    const backend = args.backend as unknown as CpuBackendLike;
    const values = (t: TensorInfo) => backend.data.get(t.dataId).values;
    const r = adamUpdate(values(value), values(m), values(v), values(g), args.attrs as unknown as AdamAttrs);
    return [r.value, r.m, r.v].map((a) => backend.makeTensorInfo([...value.shape], 'float32', a));
  };
}
