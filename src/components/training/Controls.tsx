import type { ControlsView } from '../../lib/training/run-view.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.training;

export interface ControlsProps {
  readonly view: ControlsView;
  readonly onPause: () => void;
  readonly onResume: () => void;
  readonly onStep: () => void;
  readonly onStop: () => void;
}

/** Pause (or, while paused, resume and one batch), and stop. */
export function Controls({ view, onPause, onResume, onStep, onStop }: ControlsProps) {
  return (
    <div class="training__controls">
      {view.paused ? (
        <>
          <button type="button" class="button--primary" onClick={onResume}>
            {t.resume}
          </button>{' '}
          <button type="button" onClick={onStep}>
            {t.stepButton}
          </button>
        </>
      ) : (
        <button type="button" disabled={!view.canPause} onClick={onPause}>
          {t.pause}
        </button>
      )}{' '}
      <button type="button" disabled={!view.canStop} onClick={onStop}>
        {t.stop}
      </button>
    </div>
  );
}
