import { useMemo } from 'preact/hooks';
import { useTraining } from './use-training.ts';
import { SetupForm } from './SetupForm.tsx';
import { Controls } from './Controls.tsx';
import { ResumeOffer } from './ResumeOffer.tsx';
import { RunStatus } from './RunStatus.tsx';
import { ProgressPanel } from './ProgressPanel.tsx';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { CPU_SUBSET, isActive } from '../../lib/training/run-state.ts';
import {
  chartsView,
  choiceIsDeck,
  controlsView,
  downloadView,
  fullRunEstimate,
  hasProgress,
  plannedSplit,
  progressView,
  statusView,
} from '../../lib/training/run-view.ts';
import { formatDuration } from '../../lib/training/progress.ts';
import { formatInt } from '../../lib/format.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.training;

/**
 * The deck's full training, in the page: configure, start, watch, pause, resume, stop. The state
 * lives in src/lib/training/run-state.ts, what is shown is derived in run-view.ts, the wiring to
 * the worker and storage is use-training.ts; this file only lays the parts out.
 */
export default function TrainingIsland() {
  const { state, hydrated, actions } = useTraining();
  const active = isActive(state);
  const estimate = fullRunEstimate(state);
  const { batchLoss, batchAccuracy, history, run, epochs } = state;
  // Only a new batch or epoch changes the curves: the clock's ticks leave the charts alone.
  const charts = useMemo(() => chartsView(state), [batchLoss, batchAccuracy, history, run, epochs]);

  return (
    <DemoFrame
      id="training"
      class="training"
      title={t.title}
      backend={{ report: state.report, error: state.failure?.kind === 'backend' ? state.failure.message : undefined }}
      data-phase={state.phase}
      data-tensors={state.tensors}
      data-step={state.worker.step}
      data-batch-ms={state.worker.batchMs?.toFixed(0)}
      data-weights-sum={state.worker.weightsSum}
    >
      {state.report?.backend === 'cpu' && (
        <div class="callout callout--erratum" role="note">
          <p>{t.cpuWarning(estimate !== undefined ? formatDuration(estimate) : undefined)}</p>
          {!active && (
            <button type="button" onClick={actions.chooseCpuSubset}>
              {t.cpuSwitch(formatInt(CPU_SUBSET.trainLimit), CPU_SUBSET.epochs)}
            </button>
          )}
        </div>
      )}

      {state.resumable && !active && (
        <ResumeOffer
          checkpoint={state.resumable}
          onResume={() => {
            actions.start(state.resumable);
          }}
          onDiscard={actions.discard}
        />
      )}
      {state.notice === 'discarded' && <p role="status">{t.discarded}</p>}

      {!active && (
        <SetupForm
          epochs={state.epochs}
          trainLimit={state.trainLimit}
          planned={plannedSplit(state)}
          deck={choiceIsDeck(state)}
          enabled={hydrated}
          replacesSaved={state.resumable !== null}
          onEpochs={actions.setEpochs}
          onSubset={actions.setSubset}
          onStart={() => {
            actions.start(null);
          }}
        />
      )}
      {active && <Controls view={controlsView(state)} onPause={actions.pause} onResume={actions.resume} onStep={actions.step} onStop={actions.stop} />}

      <RunStatus status={statusView(state)} download={downloadView(state)} failure={state.failure} saveError={state.saveError} />
      {hasProgress(state) && <ProgressPanel progress={progressView(state)} charts={charts} history={history} />}
    </DemoFrame>
  );
}
