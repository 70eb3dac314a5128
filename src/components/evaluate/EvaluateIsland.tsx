import { useEffect, useReducer } from 'preact/hooks';
import { findLearnerModel } from '../../lib/storage/learner-model.ts';
import { fetchTrainingRecord, pretrainedSource } from '../../lib/model/source.ts';
import { canRun, initialState, isRunning, nextCommand, phaseOf, reduce, showsBackend } from '../../lib/evaluate/state.ts';
import { onWorker, resetWorker, send, wakeWorker } from '../training/worker-client.ts';
import { BackendBadge } from '../BackendBadge.tsx';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { ModelChoice } from './ModelChoice.tsx';
import { CountChoice } from './CountChoice.tsx';
import { Progress } from './Progress.tsx';
import { RunError } from './RunError.tsx';
import { Results } from './Results.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.evaluate;

/**
 * Lesson 3-11: model.evaluate on the test images, with the confusion matrix and the mistakes.
 * The state and its rules live in src/lib/evaluate/state.ts; this island only connects them to
 * the browser (storage, the training record, the shared training worker) and to the views.
 */
export default function EvaluateIsland() {
  const [state, dispatch] = useReducer(reduce, initialState);

  useEffect(() => {
    let live = true;
    dispatch({ type: 'hydrated', pretrainedUrl: pretrainedSource(import.meta.env.BASE_URL, location.href).url });
    void findLearnerModel().then((model) => {
      if (live) dispatch({ type: 'learner', model });
    });
    void fetchTrainingRecord(import.meta.env.BASE_URL).then((record) => {
      if (live) dispatch({ type: 'record', record });
    });
    const unsubscribe = onWorker((message) => {
      dispatch({ type: 'worker', message });
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  // Whatever the run needs from the worker next (a fresh one after a lost GPU, a start, the job),
  // done once: reporting it changes the state, and with it the next command.
  useEffect(() => {
    const command = nextCommand(state);
    if (!command) return;
    if (command.type === 'reset') resetWorker();
    else if (command.type === 'wake') wakeWorker();
    else send(command.message);
    dispatch({ type: 'performed', command: command.type });
  }, [state]);

  const running = isRunning(state);
  const enabled = canRun(state);
  const run = () => {
    dispatch({ type: 'run' });
  };
  const { run: current } = state;

  return (
    <DemoFrame id="evaluate" class="evaluate" title={t.title} intro={t.intro} data-state={phaseOf(state)} data-runs={state.runs} data-tensors={state.tensors}>
      <div class="evaluate__controls">
        <ModelChoice
          learner={state.learner}
          pretrained={state.pretrained}
          choice={state.choice}
          disabled={running}
          onChoose={(choice) => {
            dispatch({ type: 'choose', choice });
          }}
        />
        <CountChoice
          count={state.count}
          disabled={running}
          onCount={(count) => {
            dispatch({ type: 'count', count });
          }}
        />
        <button type="button" class="button--primary" disabled={!enabled} onClick={run}>
          {t.run}
        </button>
      </div>

      {showsBackend(state) && <BackendBadge report={state.report} />}
      {current.phase === 'running' && <Progress run={current} />}
      {current.phase === 'error' && <RunError error={current} canRetry={enabled} onRetry={run} />}
      {current.phase === 'done' && (
        <Results
          result={current.result}
          cell={state.cell}
          onCell={(cell) => {
            dispatch({ type: 'cell', cell });
          }}
        />
      )}
    </DemoFrame>
  );
}
