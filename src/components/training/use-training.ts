/**
 * The training island's wiring: the state (src/lib/training/run-state.ts) fed with the worker's
 * messages and the learner's actions, the commands sent to the worker (only through
 * worker-client.ts), and the checkpoints kept in IndexedDB: 'run' after every epoch, 'trained'
 * (and 'run' deleted) when a run finishes.
 */
import { useEffect, useReducer, useState } from 'preact/hooks';
import { onWorker, resetWorker, send, wakeWorker } from './worker-client.ts';
import { deleteCheckpoint, loadCheckpoint, saveCheckpoint } from '../../lib/storage/checkpoint-store.ts';
import { initialState, needsFreshWorker, reduce, type TrainingEvent, type TrainingState } from '../../lib/training/run-state.ts';
import { isTicking, runConfig } from '../../lib/training/run-view.ts';
import type { Checkpoint } from '../../lib/training/checkpoint.ts';
import type { FromWorker } from '../../lib/training/protocol.ts';
import { setupFromUrl, urlForSetup } from '../../lib/training/run-url.ts';
import { replaceQuery } from '../viz/useUrlState.ts';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const reducer = (s: TrainingState, e: { event: TrainingEvent; at: number }) => reduce(s, e.event, e.at);

export interface TrainingActions {
  readonly setEpochs: (epochs: number) => void;
  readonly setSubset: (trainLimit: number | null) => void;
  readonly chooseCpuSubset: () => void;
  readonly start: (resume: Checkpoint | null) => void;
  readonly pause: () => void;
  readonly step: () => void;
  readonly resume: () => void;
  readonly stop: () => void;
  readonly discard: () => void;
}

export function useTraining(): { state: TrainingState; hydrated: boolean; actions: TrainingActions } {
  const [state, dispatch] = useReducer(reducer, undefined, () => initialState());
  const [hydrated, setHydrated] = useState(false);
  const act = (event: TrainingEvent) => {
    dispatch({ event, at: performance.now() });
  };
  const saveFailed = (e: unknown) => {
    act({ type: 'save-failed', message: message(e) });
  };

  /** What a worker message asks of the page besides showing it: storing, or a fresh worker. */
  const effects = (m: FromWorker) => {
    if (m.type === 'epoch') {
      saveCheckpoint('run', m.checkpoint)
        .then(() => {
          act({ type: 'saved' });
        })
        .catch(saveFailed);
    } else if (m.type === 'done') {
      saveCheckpoint('trained', m.checkpoint)
        .then(() => deleteCheckpoint('run'))
        .catch(saveFailed);
    } else if (m.type === 'failed' && needsFreshWorker(m.kind)) {
      resetWorker();
    }
  };

  useEffect(() => {
    setHydrated(true);
    // A setup shared as a link (?epochs=3&subset=2000); the deck's run otherwise.
    const setup = setupFromUrl(location.search);
    act({ type: 'set-epochs', epochs: setup.epochs });
    act({ type: 'set-subset', trainLimit: setup.trainLimit });
    wakeWorker();
    loadCheckpoint('run')
      .then((checkpoint) => {
        act({ type: 'found-run', checkpoint });
      })
      .catch(() => undefined);
    return onWorker((m) => {
      act(m);
      effects(m);
    });
    // act and effects only use dispatch and module functions: subscribe once.
  }, []);

  useEffect(() => {
    if (hydrated) replaceQuery(urlForSetup({ epochs: state.epochs, trainLimit: state.trainLimit }, location.search));
  }, [hydrated, state.epochs, state.trainLimit]);

  const ticking = isTicking(state);
  useEffect(() => {
    if (!ticking) return undefined;
    const id = setInterval(() => {
      act({ type: 'tick' });
    }, 1000);
    return () => {
      clearInterval(id);
    };
  }, [ticking]);

  const command = (event: TrainingEvent & { type: 'pause' | 'step' | 'resume' | 'stop' }) => () => {
    act(event);
    send({ type: event.type });
  };
  const actions: TrainingActions = {
    setEpochs: (epochs) => {
      act({ type: 'set-epochs', epochs });
    },
    setSubset: (trainLimit) => {
      act({ type: 'set-subset', trainLimit });
    },
    chooseCpuSubset: () => {
      act({ type: 'choose-cpu-subset' });
    },
    start: (resume) => {
      const config = runConfig(state, resume);
      act({ type: 'start', resume });
      send({ type: 'train', config, resume });
    },
    pause: command({ type: 'pause' }),
    step: command({ type: 'step' }),
    resume: command({ type: 'resume' }),
    stop: command({ type: 'stop' }),
    discard: () => {
      deleteCheckpoint('run')
        .then(() => {
          act({ type: 'discarded' });
        })
        .catch(saveFailed);
    },
  };
  return { state, hydrated, actions };
}
