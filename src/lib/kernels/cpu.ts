/**
 * Kernels for tfjs's `cpu` backend written as plain loops over Float32Arrays. tfjs 4.22's own
 * `Conv2DBackpropFilter` and `MaxPoolGrad` read every element through `TensorBuffer.get` (an
 * index computation and a bounds check per multiply-add); these walk the arrays in memory order,
 * the innermost loop over the output channels, contiguous in both the gradient and the result,
 * and skip the zeros of the input (most of an MNIST image and of a ReLU's output). `Conv2D`
 * (forward) does the same from the input's side.
 */
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../tf-runtime.ts';
import { patchesHandle, type FilterGradAttrs } from './conv2d-filter-grad.ts';

interface CpuBackendLike {
  data: { get(dataId: object): { values: Float32Array } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
}

/** dW[i, j, c, o] = Σ over images and output positions of x[b, r·sh + i − top, q·sw + j − left, c] · dy[b, r, q, o]. */
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
    for (let b = 0; b < batchSize; b++) {
      for (let r = 0; r < outHeight; r++) {
        for (let q = 0; q < outWidth; q++) {
          const g0 = ((b * outHeight + r) * outWidth + q) * cout;
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
                for (let o = 0; o < cout; o++) dw[wc + o] = (dw[wc + o] ?? 0) + xval * (gv[g0 + o] ?? 0);
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
 * y[b, r, q, o] = Σ x[b, r·sh + i − top, q·sw + j − left, c] · w[i, j, c, o], computed from the
 * input's side: each non-zero input value is spread over the outputs it reaches. MNIST images
 * are mostly zero, and so are ReLU outputs, so most multiply-adds are skipped.
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
    for (let b = 0; b < batchSize; b++) {
      for (let xr = 0; xr < inHeight; xr++) {
        for (let xc = 0; xc < inWidth; xc++) {
          const x0 = ((b * inHeight + xr) * inWidth + xc) * cin;
          for (let i = 0; i < kh; i++) {
            const rs = xr + padInfo.top - i;
            if (rs < 0 || rs % sh !== 0 || rs / sh >= outHeight) continue;
            for (let j = 0; j < kw; j++) {
              const qs = xc + padInfo.left - j;
              if (qs < 0 || qs % sw !== 0 || qs / sw >= outWidth) continue;
              const y0 = ((b * outHeight + rs / sh) * outWidth + qs / sw) * cout;
              const w0 = (i * kw + j) * cin * cout;
              for (let c = 0; c < cin; c++) {
                const xval = xv[x0 + c] ?? 0;
                if (xval === 0) continue;
                const wc = w0 + c * cout;
                for (let o = 0; o < cout; o++) y[y0 + o] = (y[y0 + o] ?? 0) + xval * (wv[wc + o] ?? 0);
              }
            }
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
