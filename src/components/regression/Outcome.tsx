import type { LearningRun, Outcome as OutcomeValue } from '../../lib/regression/state.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.regression;

function message(outcome: OutcomeValue, maxPoints: number): string {
  switch (outcome.kind) {
    case 'fit':
      return t.outcome.fit;
    case 'fit-refused':
      return t.outcome.refused[outcome.reason];
    case 'converged':
      return t.outcome.converged(outcome.steps);
    case 'stopped':
      return t.outcome.stopped(outcome.steps);
    case 'cancelled':
      return t.outcome.cancelled(outcome.steps);
    case 'diverged':
      return t.outcome.diverged[outcome.reason](outcome.steps);
    case 'full':
      return t.outcome.full(maxPoints);
  }
}

/** What the last action came to, in words (a live region: said once, not per frame). */
export function Outcome({ outcome, learning, maxPoints, error }: { outcome: OutcomeValue | null; learning: LearningRun | null; maxPoints: number; error: string | undefined }) {
  const bad = outcome?.kind === 'diverged' || outcome?.kind === 'fit-refused' || outcome?.kind === 'full';
  return (
    <div class="regression__outcome">
      <p role="status" data-testid="regression-outcome" class={bad ? 'regression__notice regression__notice--bad' : 'regression__notice'}>
        {outcome ? message(outcome, maxPoints) : ''}
      </p>
      {learning && <p class="viz-help" data-testid="regression-progress">{t.learning(learning.steps)}</p>}
      {error !== undefined && <p class="error">{t.backendError}</p>}
    </div>
  );
}
