import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import { fallsBack, firstKind, initialInUse, reduceInUse, type InUseEvent, type InUseState } from '../../lib/model/in-use.ts';
import { pretrainedSource, type ModelKind, type ModelSource } from '../../lib/model/source.ts';
import type { Filters, Prediction } from '../../lib/inference/api.ts';
import { findLearnerModel, type LearnerModel } from '../../lib/storage/learner-model.ts';
import { errorMessage, type BackendReport } from '../../lib/tf-runtime.ts';
import { createInferenceClient, type InferenceClient } from '../workers/inference-client.ts';
import { WorkerLostError } from '../workers/worker-host.ts';
import { hostReport, useHostState } from '../workers/useHostState.ts';

export interface CourseModel {
  readonly state: InUseState;
  /** The inference worker's backend, once it runs. */
  readonly report: BackendReport | undefined;
  /** The softmax outputs and the named layers' outputs (Keras names: conv2d, max_pooling2d, …) for one image. */
  predict(image: Float32Array, layers: readonly string[]): Promise<Prediction>;
  /** A convolution or dense layer's weights. */
  filters(layer: string): Promise<Filters>;
  /** After a lost device or a failure: a fresh worker, the model loaded again. */
  retry(): void;
}

/**
 * The model in use for a chapter 3 demo (src/lib/model/in-use.ts): the learner's model if one is
 * stored, else the shipped one, in the inference worker. `state.version` changes on each load, so
 * a view that shows the model's activations refetches them (see useActivations).
 */
export function useCourseModel(): CourseModel {
  const [state, dispatch] = useReducer(reduceInUse, initialInUse);
  const client = useMemo<InferenceClient>(() => createInferenceClient(), []);
  const host = useHostState(client.host);
  const learnerRef = useRef<LearnerModel | null>(null);
  const alive = useRef(true);

  const send = (e: InUseEvent) => {
    if (!alive.current) return;
    dispatch(e);
    if (fallsBack(e)) void load('pretrained');
  };

  const sourceFor = (kind: ModelKind): ModelSource => {
    const learner = learnerRef.current;
    if (kind === 'learner' && learner) return { kind, checkpoint: learner.checkpoint };
    return pretrainedSource(import.meta.env.BASE_URL, location.href);
  };

  async function load(kind: ModelKind) {
    send({ type: 'load', kind });
    try {
      const result = await client.load(sourceFor(kind));
      send(result.ok ? { type: 'loaded', kind: result.kind } : { type: 'refused', kind: result.kind, code: result.code, detail: result.detail });
    } catch (e) {
      if (!(e instanceof WorkerLostError)) send({ type: 'failed', message: errorMessage(e) });
    }
  }

  async function start() {
    const learner = await findLearnerModel();
    learnerRef.current = learner;
    send({ type: 'learner', learner: learner?.info ?? null });
    await load(firstKind(learner?.info ?? null));
  }

  useEffect(() => {
    alive.current = true;
    void start();
    return () => {
      alive.current = false;
      client.reset();
    };
  }, []);

  useEffect(() => {
    if (host.phase === 'lost') send({ type: 'lost', message: host.message });
    if (host.phase === 'failed') send({ type: 'failed', message: host.message });
  }, [host]);

  return {
    state,
    report: hostReport(host),
    predict: (image, layers) => client.predict(image, layers),
    filters: (layer) => client.filters(layer),
    retry: () => {
      client.reset();
      void start();
    },
  };
}
