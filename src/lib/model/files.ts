/**
 * A tfjs LayersModel as the two standard files (`model.json` and its weights), the format that
 * `tf.loadLayersModel` reads, for the shipped pre-trained model and for export/import.
 */
import type { LayersModel, io } from '@tensorflow/tfjs';
import type { Tf } from '../tf-runtime.ts';

export const WEIGHTS_FILE = 'weights.bin';

export interface ModelFiles {
  /** The content of model.json. */
  readonly modelJson: {
    readonly format: 'layers-model';
    readonly generatedBy: string;
    readonly convertedBy: null;
    readonly modelTopology: unknown;
    readonly weightsManifest: { paths: string[]; weights: io.WeightsManifestEntry[] }[];
  };
  readonly weights: ArrayBuffer;
}

export async function modelToFiles(tf: Tf, model: LayersModel): Promise<ModelFiles> {
  let captured: io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler((artifacts) => {
      captured = artifacts;
      return Promise.resolve({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } });
    }),
  );
  if (!captured?.weightSpecs || !captured.weightData) throw new Error('the model produced no weights to save');
  const data = captured.weightData;
  const weights = data instanceof ArrayBuffer ? data : tf.io.CompositeArrayBuffer.join(data);
  return {
    modelJson: {
      format: 'layers-model',
      generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
      convertedBy: null,
      modelTopology: captured.modelTopology,
      weightsManifest: [{ paths: [WEIGHTS_FILE], weights: captured.weightSpecs }],
    },
    weights,
  };
}

/** From the files a learner chose, the model.json and its weights file; null unless exactly one of each. */
export function pickModelFiles<F extends { readonly name: string }>(files: readonly F[]): { json: F; weights: F } | null {
  const isJson = (f: F) => /\.json$/i.test(f.name);
  const json = files.filter(isJson);
  const weights = files.filter((f) => !isJson(f));
  const [j] = json;
  const [w] = weights;
  return files.length === 2 && j && w ? { json: j, weights: w } : null;
}
