import type { Run } from '../../lib/evaluate/state.ts';
import { describeFailure } from '../../lib/evaluation.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.evaluate;

/** A failed run: what went wrong in the learner's words, the worker's detail, and 再試行. */
export function RunError({ error, canRetry, onRetry }: { error: Extract<Run, { phase: 'error' }>; canRetry: boolean; onRetry: () => void }) {
  return (
    <div class="error evaluate__error" role="alert">
      <p>{t.errors[describeFailure(error.kind, error.model, error.source)]}</p>
      <p class="evaluate__detail">{t.errorDetail(error.message)}</p>
      <button type="button" onClick={onRetry} disabled={!canRetry}>
        {t.retry}
      </button>
    </div>
  );
}
