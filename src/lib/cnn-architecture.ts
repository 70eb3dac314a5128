/**
 * The deck's CNN as plain data, and the shape and parameter arithmetic Keras's
 * `model.summary()` performs. No tfjs here: lessons render these figures at build time, and a
 * unit test checks them against the live tfjs model so the two cannot drift apart.
 */

/** Height, width, channels (channels last, as Keras and tfjs use). */
export type Shape3 = readonly [number, number, number];

export type LayerSpec =
  | { readonly kind: 'conv2d'; readonly filters: number; readonly kernelSize: number; readonly activation: 'relu' }
  | { readonly kind: 'maxPooling2d'; readonly poolSize: number }
  | { readonly kind: 'flatten' }
  | { readonly kind: 'dropout'; readonly rate: number }
  | { readonly kind: 'dense'; readonly units: number; readonly activation: 'softmax' };

export interface CnnSpec {
  readonly inputShape: Shape3;
  readonly layers: readonly LayerSpec[];
}

/** The network of the deck (chapter 3), layer for layer. */
// #region deck:model
export const DECK_CNN: CnnSpec = {
  inputShape: [28, 28, 1],
  layers: [
    { kind: 'conv2d', filters: 32, kernelSize: 3, activation: 'relu' },
    { kind: 'maxPooling2d', poolSize: 2 },
    { kind: 'conv2d', filters: 64, kernelSize: 3, activation: 'relu' },
    { kind: 'maxPooling2d', poolSize: 2 },
    { kind: 'flatten' },
    { kind: 'dropout', rate: 0.5 },
    { kind: 'dense', units: 10, activation: 'softmax' },
  ],
};
// #endregion deck:model

export interface LayerSummary {
  /** Keras's automatic name: conv2d, conv2d_1, max_pooling2d, ... */
  readonly name: string;
  readonly kind: LayerSpec['kind'];
  /** Output shape without the batch axis: [h, w, c] or [units]. */
  readonly outputShape: readonly number[];
  readonly params: number;
}

const KERAS_BASE_NAME: Record<LayerSpec['kind'], string> = {
  conv2d: 'conv2d',
  maxPooling2d: 'max_pooling2d',
  flatten: 'flatten',
  dropout: 'dropout',
  dense: 'dense',
};

/** Output side of a 'valid' convolution with stride 1. */
export function convOutputSize(inputSize: number, kernelSize: number): number {
  return inputSize - kernelSize + 1;
}

/** Output side of non-overlapping pooling: an odd last row or column is dropped. */
export function poolOutputSize(inputSize: number, poolSize: number): number {
  return Math.floor(inputSize / poolSize);
}

/** Weights plus biases of a convolution: (k·k·inChannels + 1)·filters. */
export function convParams(kernelSize: number, inChannels: number, filters: number): number {
  return (kernelSize * kernelSize * inChannels + 1) * filters;
}

/** Weights plus biases of a dense layer: (inputs + 1)·units. */
export function denseParams(inputs: number, units: number): number {
  return (inputs + 1) * units;
}

/** Layer-by-layer output shapes and parameter counts, as `model.summary()` prints them. */
export function summarize(spec: CnnSpec): LayerSummary[] {
  const seen = new Map<string, number>();
  let shape: readonly number[] = spec.inputShape;
  return spec.layers.map((layer) => {
    const base = KERAS_BASE_NAME[layer.kind];
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const name = n === 0 ? base : `${base}_${n}`;
    let params = 0;
    switch (layer.kind) {
      case 'conv2d': {
        const [h, w, c] = shape3(shape);
        params = convParams(layer.kernelSize, c, layer.filters);
        shape = [convOutputSize(h, layer.kernelSize), convOutputSize(w, layer.kernelSize), layer.filters];
        break;
      }
      case 'maxPooling2d': {
        const [h, w, c] = shape3(shape);
        shape = [poolOutputSize(h, layer.poolSize), poolOutputSize(w, layer.poolSize), c];
        break;
      }
      case 'flatten':
        shape = [shape.reduce((a, b) => a * b, 1)];
        break;
      case 'dropout':
        break;
      case 'dense': {
        const inputs = shape.reduce((a, b) => a * b, 1);
        params = denseParams(inputs, layer.units);
        shape = [layer.units];
        break;
      }
    }
    return { name, kind: layer.kind, outputShape: shape, params };
  });
}

export function totalParams(spec: CnnSpec): number {
  return summarize(spec).reduce((sum, l) => sum + l.params, 0);
}

function shape3(shape: readonly number[]): Shape3 {
  const [h, w, c] = shape;
  if (shape.length !== 3 || h === undefined || w === undefined || c === undefined) {
    throw new Error(`expected an [h, w, c] shape, got [${shape.join(', ')}]`);
  }
  return [h, w, c];
}

/** A layer of the deck's CNN by its Keras name (conv2d, max_pooling2d_1, dense, ...), as summarised. */
export function deckLayer(name: string): LayerSummary {
  const l = summarize(DECK_CNN).find((x) => x.name === name);
  if (!l) throw new Error(`no layer ${name} in the deck's CNN`);
  return l;
}

/** The settings the deck's layers share: the filter side, the pooling window, the dropout rate. */
export function deckSettings(spec: CnnSpec = DECK_CNN): { readonly kernel: number; readonly pool: number; readonly dropoutRate: number } {
  let kernel = NaN;
  let pool = NaN;
  let dropoutRate = NaN;
  for (const l of spec.layers) {
    if (l.kind === 'conv2d' && Number.isNaN(kernel)) kernel = l.kernelSize;
    if (l.kind === 'maxPooling2d' && Number.isNaN(pool)) pool = l.poolSize;
    if (l.kind === 'dropout' && Number.isNaN(dropoutRate)) dropoutRate = l.rate;
  }
  return { kernel, pool, dropoutRate };
}
