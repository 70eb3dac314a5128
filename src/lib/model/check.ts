/**
 * Is a model the deck's CNN? An imported (or shipped) model must have exactly the deck CNN's
 * layers, output shapes, activations and weight shapes; anything else is refused before it can
 * replace the model in use. Pure: works on plain descriptions, so it is unit-tested without tfjs.
 */
import type { LayersModel } from '@tensorflow/tfjs';
import { DECK_CNN, summarize, type CnnSpec, type LayerSpec } from '../cnn-architecture.ts';

export interface LayerDescription {
  /** tfjs/Keras class name: Conv2D, MaxPooling2D, Flatten, Dropout, Dense. */
  readonly className: string;
  /** Output shape without the batch axis. */
  readonly outputShape: readonly (number | null)[];
  readonly weightShapes: readonly (readonly number[])[];
  readonly activation?: string | undefined;
}

/** A live tfjs model as the plain description `checkModel` takes. */
export function describeModel(model: LayersModel): { input: (number | null)[]; layers: LayerDescription[] } {
  const input = model.inputs[0]?.shape.slice(1) ?? [];
  const layers = model.layers.map((l) => {
    const shape = l.outputShape;
    const single: (number | null)[] = Array.isArray(shape[0]) ? shape[0] : (shape as (number | null)[]);
    const config = l.getConfig() as { activation?: unknown };
    return {
      className: l.getClassName(),
      outputShape: single.slice(1),
      weightShapes: l.weights.map((w) => [...w.shape] as number[]),
      activation: typeof config.activation === 'string' ? config.activation : undefined,
    };
  });
  return { input, layers };
}

const CLASS_NAME: Record<LayerSpec['kind'], string> = {
  conv2d: 'Conv2D',
  maxPooling2d: 'MaxPooling2D',
  flatten: 'Flatten',
  dropout: 'Dropout',
  dense: 'Dense',
};

/** The deck CNN's layers as descriptions. */
export function deckLayers(spec: CnnSpec = DECK_CNN): LayerDescription[] {
  const summary = summarize(spec);
  let inShape: readonly number[] = spec.inputShape;
  return spec.layers.map((layer, i) => {
    const out = summary[i]?.outputShape ?? [];
    let weightShapes: number[][] = [];
    let activation: string | undefined;
    if (layer.kind === 'conv2d') {
      weightShapes = [[layer.kernelSize, layer.kernelSize, inShape[2] ?? 0, layer.filters], [layer.filters]];
      activation = layer.activation;
    } else if (layer.kind === 'dense') {
      weightShapes = [[inShape.reduce((a, b) => a * b, 1), layer.units], [layer.units]];
      activation = layer.activation;
    }
    inShape = out;
    return { className: CLASS_NAME[layer.kind], outputShape: out, weightShapes, activation };
  });
}

/** The deck CNN's weight shapes, in the order a model lists its weights. */
export function deckWeightShapes(spec: CnnSpec = DECK_CNN): number[][] {
  return deckLayers(spec).flatMap((l) => l.weightShapes.map((s) => [...s]));
}

const fmt = (shape: readonly (number | null)[]) => `[${shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;
const same = (a: readonly (number | null)[], b: readonly (number | null)[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Null when the weight list fits the deck CNN, else what differs. */
export function checkWeightShapes(shapes: readonly (readonly number[])[], spec: CnnSpec = DECK_CNN): string | null {
  const expected = deckWeightShapes(spec);
  if (shapes.length !== expected.length) return `${shapes.length} weight tensors, the CNN has ${expected.length}`;
  for (const [i, s] of shapes.entries()) {
    const e = expected[i] ?? [];
    if (!same(s, e)) return `weight ${i + 1} has shape ${fmt(s)}, the CNN needs ${fmt(e)}`;
  }
  return null;
}

/** Null when the model is the deck CNN (input, layers, shapes, activations), else what differs. */
export function checkModel(inputShape: readonly (number | null)[], layers: readonly LayerDescription[], spec: CnnSpec = DECK_CNN): string | null {
  if (!same(inputShape, spec.inputShape)) return `input ${fmt(inputShape)}, the CNN takes ${fmt(spec.inputShape)}`;
  const expected = deckLayers(spec);
  if (layers.length !== expected.length) return `${layers.length} layers, the CNN has ${expected.length}`;
  for (const [i, got] of layers.entries()) {
    const want = expected[i];
    if (!want) break;
    const at = `layer ${i + 1} (${got.className})`;
    if (got.className !== want.className) return `${at}: expected ${want.className}`;
    if (!same(got.outputShape, want.outputShape)) return `${at}: output ${fmt(got.outputShape)}, expected ${fmt(want.outputShape)}`;
    if (want.activation !== undefined && got.activation !== want.activation) return `${at}: activation ${String(got.activation)}, expected ${want.activation}`;
    if (got.weightShapes.length !== want.weightShapes.length || got.weightShapes.some((s, j) => !same(s, want.weightShapes[j] ?? []))) {
      return `${at}: weights ${got.weightShapes.map(fmt).join(' ')}, expected ${want.weightShapes.map(fmt).join(' ')}`;
    }
  }
  return null;
}
