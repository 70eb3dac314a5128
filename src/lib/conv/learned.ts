/**
 * The model's first convolution layer as the demo shows it: one learned filter out of the
 * layer's kernels ([3, 3, 1, filters]) and one feature map out of its output ([h, w, filters],
 * channels last); how far the editor's output is from the model's map; and the parameter count
 * of the layer against a dense layer with the same output, from the CNN's spec. Pure: no DOM.
 */
import { DECK_CNN, denseParams, summarize, type CnnSpec } from '../cnn-architecture.ts';

/** Filter `k` of a [kh, kw, 1, filters] kernel tensor, as kh·kw weights row by row. */
export function filterAt(kernels: ArrayLike<number>, shape: readonly number[], k: number): number[] {
  const [kh = 0, kw = 0, inChannels = 0, filters = 0] = shape;
  if (shape.length !== 4 || inChannels !== 1) throw new Error(`expected a [kh, kw, 1, filters] kernel, got [${shape.join(', ')}]`);
  if (!Number.isInteger(k) || k < 0 || k >= filters) throw new Error(`no filter ${k} among ${filters}`);
  if (kernels.length !== kh * kw * filters) throw new Error(`a [${shape.join(', ')}] kernel needs ${kh * kw * filters} values, got ${kernels.length}`);
  return Array.from({ length: kh * kw }, (_, i) => kernels[i * filters + k] ?? NaN);
}

/** All filters as one channels-last sheet [kh, kw, filters] (the kernel without its in-channel axis of 1). */
export function filterSheet(kernels: ArrayLike<number>, shape: readonly number[]): Float32Array {
  const [kh = 0, kw = 0, inChannels = 0, filters = 0] = shape;
  if (shape.length !== 4 || inChannels !== 1) throw new Error(`expected a [kh, kw, 1, filters] kernel, got [${shape.join(', ')}]`);
  return Float32Array.from({ length: kh * kw * filters }, (_, i) => kernels[i] ?? NaN);
}

/** Channel `k` of a channels-last [h, w, channels] activation, as h·w values row by row. */
export function channelAt(data: ArrayLike<number>, shape: readonly number[], k: number): Float32Array {
  const [h = 0, w = 0, channels = 0] = shape;
  if (shape.length !== 3) throw new Error(`expected an [h, w, channels] activation, got [${shape.join(', ')}]`);
  if (!Number.isInteger(k) || k < 0 || k >= channels) throw new Error(`no channel ${k} among ${channels}`);
  if (data.length !== h * w * channels) throw new Error(`an [${shape.join(', ')}] activation needs ${h * w * channels} values, got ${data.length}`);
  return Float32Array.from({ length: h * w }, (_, i) => data[i * channels + k] ?? NaN);
}

/** The largest |a[i] − b[i]| (NaN when the lengths differ or a value is not finite). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return NaN;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs((a[i] ?? NaN) - (b[i] ?? NaN));
    if (!Number.isFinite(d)) return NaN;
    if (d > max) max = d;
  }
  return max;
}

export interface ParamComparison {
  /** The first convolution layer's weights and biases, and its number of filters. */
  readonly conv: number;
  readonly filters: number;
  /** Its output's size (h·w·filters) and the input's pixels. */
  readonly outputs: number;
  readonly inputs: number;
  /** A dense layer from every input pixel to every one of those outputs. */
  readonly dense: number;
  /** dense / conv, rounded. */
  readonly ratio: number;
}

/** The parameter comparison of lesson 3-3, from the CNN's spec (src/lib/cnn-architecture.ts). */
export function paramComparison(spec: CnnSpec = DECK_CNN): ParamComparison {
  const first = summarize(spec).find((l) => l.kind === 'conv2d');
  if (!first) throw new Error('the CNN has no convolution layer');
  const inputs = spec.inputShape.reduce((a, b) => a * b, 1);
  const outputs = first.outputShape.reduce((a, b) => a * b, 1);
  const dense = denseParams(inputs, outputs);
  return { conv: first.params, filters: first.outputShape[2] ?? NaN, outputs, inputs, dense, ratio: Math.round(dense / first.params) };
}

/** A (tiny) difference as text: "0", "1.2e-7", "0.35"; "—" when there is none to show. */
export function formatDiff(d: number): string {
  if (!Number.isFinite(d)) return '—';
  if (d === 0) return '0';
  return d < 0.01 ? d.toExponential(1) : String(Number(d.toPrecision(2)));
}
