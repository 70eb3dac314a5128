import { RATE } from '../../lib/xo/url.ts';
import { currentLoss, stepsTaken, type TrainEvent, type TrainState } from '../../lib/xo/train-state.ts';
import { fixed } from '../../lib/xo/format.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import { NumericField } from '../viz/NumericField.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.xo.train;

function noticeText(s: TrainState): string {
  const n = s.notice;
  if (!n) return '';
  switch (n.kind) {
    case 'done':
      return t.done(n.steps);
    case 'stopped':
      return t.stopped;
    case 'failed':
      return t.failed(n.message);
    case 'diverged':
      return t.diverged(formatNumber(n.rate), n.why);
  }
}

/** Train / stop / random start / reset, the learning rate, the progress and why a run ended. */
export function XoTrainControls({ id, state, loading, dispatch }: { id: string; state: TrainState; loading: boolean; dispatch: (e: TrainEvent) => void }) {
  const running = state.phase === 'running';
  const loss = fixed(currentLoss(state), 4);
  return (
    <div class="xo__controls">
      <div class="viz-buttons">
        <button type="button" disabled={running} onClick={() => { dispatch({ type: 'start' }); }}>{t.start}</button>
        <button type="button" disabled={!running} onClick={() => { dispatch({ type: 'stop' }); }}>{t.stop}</button>
        <button type="button" disabled={running} onClick={() => { dispatch({ type: 'random' }); }}>{t.random}</button>
        <button type="button" disabled={running} onClick={() => { dispatch({ type: 'reset' }); }}>{t.reset}</button>
      </div>
      <NumericField id={`${id}-rate`} label={t.rate} value={state.rate} {...RATE} help={t.rateHelp} onChange={(rate) => { dispatch({ type: 'rate', rate }); }} testId={`${id}-rate`} />
      <p role="status" class="xo__progress" data-testid={`${id}-progress`}>
        {loading ? t.loading : running ? t.running(stepsTaken(state), loss) : t.idle(stepsTaken(state), loss)}
      </p>
      <p aria-live="polite" class={state.notice?.kind === 'diverged' || state.notice?.kind === 'failed' ? 'xo__notice xo__notice--warn' : 'xo__notice'} data-testid={`${id}-notice`} data-kind={state.notice?.kind ?? ''}>
        {noticeText(state)}
      </p>
    </div>
  );
}
