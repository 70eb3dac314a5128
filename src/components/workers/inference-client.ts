/**
 * How an island reaches the course's CNN: a client of the inference worker
 * (src/workers/inference.worker.ts, API in src/lib/inference/api.ts). Every call is awaited;
 * a call in flight when the GPU device is lost rejects with WorkerLostError, and the client's
 * host state says so (`lost`), so the island can tell the learner and retry: `reset()` and
 * load the model again (a fresh worker gets a fresh device).
 *
 *   const client = createInferenceClient();
 *   const loaded = await client.load(pretrainedSource(import.meta.env.BASE_URL, location.href));
 *   const { probabilities, activations } = await client.predict(image, ['conv2d']);
 */
import * as Comlink from 'comlink';
import type { Filters, FineTuneProgress, FineTuneRequest, FineTuneResult, InferenceApi, LoadResult, Prediction, ExportedModel } from '../../lib/inference/api.ts';
import { transferableCopy, type ModelSource } from '../../lib/model/source.ts';
import { parseBackendParam } from '../../lib/tf-runtime.ts';
import { createWorkerHost, type WorkerHost } from './worker-host.ts';
import { registerTestWorker } from './test-hooks.ts';

export interface InferenceClient {
  readonly host: WorkerHost<InferenceApi>;
  /** Loads and verifies a model; a refused one leaves the model in use as it was. */
  load(source: ModelSource): Promise<LoadResult>;
  /** Probabilities and the named layers' activations (see src/lib/inference/api.ts). */
  predict(image: Float32Array, layers?: readonly string[]): Promise<Prediction>;
  filters(layer: string): Promise<Filters>;
  exportModel(): Promise<ExportedModel>;
  /** Fine-tunes a copy of the model in use on the learner's handwriting (the model in use is kept). */
  fineTune(request: FineTuneRequest, onProgress: (p: FineTuneProgress) => void): Promise<FineTuneResult>;
  /** Ends the worker (when the island goes, or to retry after a lost device). */
  reset(): void;
}

export function createInferenceClient(): InferenceClient {
  const host = createWorkerHost<InferenceApi>({
    spawn: () => new Worker(new URL('../../workers/inference.worker.ts', import.meta.url), { type: 'module', name: 'cnn-inference' }),
    init: (api, onLost) => api.init(parseBackendParam(location.search), onLost),
  });
  if (__CNN_TEST_HOOKS__) {
    registerTestWorker('inference', () => host.call((api) => (api as unknown as { loseDevice(): Promise<void> }).loseDevice()));
  }
  return {
    host,
    load(source) {
      const { source: copy, transfer } = transferableCopy(source);
      return host.call((api) => api.load(Comlink.transfer(copy, transfer)) as Promise<LoadResult>);
    },
    predict(image, layers = []) {
      const copy = image.slice();
      return host.call((api) => api.predict(Comlink.transfer(copy, [copy.buffer]), [...layers]));
    },
    filters: (layer) => host.call((api) => api.filters(layer)),
    exportModel: () => host.call((api) => api.exportModel()),
    fineTune(request, onProgress) {
      const images = request.personal.images.slice();
      const labels = request.personal.labels.slice();
      const copy = { ...request, personal: { images, labels, count: request.personal.count } };
      return host.call((api) => api.fineTune(Comlink.transfer(copy, [images.buffer, labels.buffer]), Comlink.proxy(onProgress)) as Promise<FineTuneResult>);
    },
    reset: () => {
      host.reset();
    },
  };
}
