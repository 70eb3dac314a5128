import { useEffect, useRef, useState } from 'preact/hooks';
import type { Prediction } from '../../lib/inference/api.ts';
import { canPredict } from '../../lib/model/in-use.ts';
import { errorMessage } from '../../lib/tf-runtime.ts';
import { WorkerLostError } from '../workers/worker-host.ts';
import type { CourseModel } from './useCourseModel.ts';

export type ActivationsState =
  | { readonly phase: 'waiting' }
  | { readonly phase: 'ready'; readonly prediction: Prediction }
  | { readonly phase: 'error'; readonly message: string };

/**
 * The model in use's outputs for one image: its probabilities and the named layers' activations,
 * asked again when the image or the model changes. An answer for an image (or model) that is no
 * longer shown is dropped. `image` undefined (the sample still loading) waits.
 */
export function useActivations(model: CourseModel, image: Float32Array | undefined, layers: readonly string[]): ActivationsState {
  const [state, setState] = useState<ActivationsState>({ phase: 'waiting' });
  const seq = useRef(0);
  const ready = canPredict(model.state);
  const key = layers.join(',');
  useEffect(() => {
    const id = ++seq.current;
    if (!image || !ready) {
      setState({ phase: 'waiting' });
      return;
    }
    model.predict(image, layers).then(
      (prediction) => {
        if (id === seq.current) setState({ phase: 'ready', prediction });
      },
      (e: unknown) => {
        // A lost worker is reported by the model's state (with its retry).
        if (id === seq.current && !(e instanceof WorkerLostError)) setState({ phase: 'error', message: errorMessage(e) });
      },
    );
  }, [image, ready, model.state.version, key]);
  useEffect(
    () => () => {
      seq.current += 1;
    },
    [],
  );
  return state;
}
