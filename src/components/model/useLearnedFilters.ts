import { useEffect, useState } from 'preact/hooks';
import type { Filters } from '../../lib/inference/api.ts';
import { canPredict } from '../../lib/model/in-use.ts';
import { errorMessage } from '../../lib/tf-runtime.ts';
import { WorkerLostError } from '../workers/worker-host.ts';
import type { CourseModel } from './useCourseModel.ts';

export type FiltersState = { readonly phase: 'waiting' } | { readonly phase: 'ready'; readonly filters: Filters } | { readonly phase: 'error'; readonly message: string };

/** A convolution or dense layer's learned weights from the model in use, read again whenever another model is loaded. */
export function useLearnedFilters(model: CourseModel, layer: string): FiltersState {
  const [state, setState] = useState<FiltersState>({ phase: 'waiting' });
  const ready = canPredict(model.state);
  useEffect(() => {
    let alive = true;
    if (!ready) {
      setState({ phase: 'waiting' });
      return;
    }
    model.filters(layer).then(
      (filters) => {
        if (alive) setState({ phase: 'ready', filters });
      },
      (e: unknown) => {
        // A lost worker is reported by the model's state (with its retry).
        if (alive && !(e instanceof WorkerLostError)) setState({ phase: 'error', message: errorMessage(e) });
      },
    );
    return () => {
      alive = false;
    };
  }, [ready, model.state.version, layer]);
  return state;
}
