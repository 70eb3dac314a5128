import { L2_LAMBDA } from '../../lib/overfitting/train-tf.ts';
import { gap, MAX_STEPS, stepsTaken, type OverfitEvent, type OverfitState } from '../../lib/overfitting/state.ts';
import { errorText } from '../../lib/overfitting/plot.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.overfitting;

/** The regularisation switch, start / pause / reset, and the step count and errors as numbers. */
export function OverfitControls({ id, state, ready, onRegularise, dispatch }: { id: string; state: OverfitState; ready: boolean; onRegularise: (on: boolean) => void; dispatch: (e: OverfitEvent) => void }) {
  const steps = stepsTaken(state);
  const running = state.phase === 'running';
  return (
    <div class="overfit__controls">
      <div class="overfit__switch">
        <label>
          <input type="checkbox" checked={state.regularise} onChange={(e) => { onRegularise(e.currentTarget.checked); }} aria-describedby={`${id}-l2-help`} data-testid={`${id}-l2`} />{' '}
          {t.regularise}
        </label>
        <p id={`${id}-l2-help`} class="viz-help">{t.regulariseHelp(String(L2_LAMBDA))}</p>
      </div>
      <div class="viz-buttons">
        {running ? (
          <button type="button" onClick={() => { dispatch({ type: 'pause' }); }} data-testid={`${id}-pause`}>
            {t.pause}
          </button>
        ) : (
          <button type="button" disabled={!ready || state.phase !== 'idle'} onClick={() => { dispatch({ type: 'start' }); }} data-testid={`${id}-start`}>
            {steps === 0 ? t.start : t.resume}
          </button>
        )}
        <button type="button" onClick={() => { dispatch({ type: 'reset' }); }} data-testid={`${id}-reset`}>
          {t.reset}
        </button>
      </div>
      <dl class="overfit__facts">
        <dt>{t.steps}</dt>
        <dd data-testid={`${id}-steps`}>{t.stepsValue(steps, MAX_STEPS)}</dd>
        <dt><span class="overfit__key overfit__key--train" aria-hidden="true" /> {t.trainError}</dt>
        <dd data-testid={`${id}-train-error`}>{errorText(state.train.at(-1) ?? NaN)}</dd>
        <dt><span class="overfit__key overfit__key--validation" aria-hidden="true" /> {t.validationError}</dt>
        <dd data-testid={`${id}-validation-error`}>{errorText(state.validation.at(-1) ?? NaN)}</dd>
        <dt>{t.gap}</dt>
        <dd data-testid={`${id}-gap`}>{errorText(gap(state))}</dd>
      </dl>
      <p aria-live="polite" class={state.phase === 'failed' ? 'error' : 'viz-help'}>
        {state.phase === 'done' ? t.done(steps) : state.phase === 'failed' ? t.failed(state.message ?? '') : ''}
      </p>
    </div>
  );
}
