import type { InUseState } from '../../lib/model/in-use.ts';
import { percentText } from '../../lib/viz/bars.ts';
import type { BackendReport } from '../../lib/tf-runtime.ts';
import { BackendBadge } from '../BackendBadge.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.modelInUse;

/**
 * Which model a chapter 3 demo shows (the learner's or the shipped one, and why), the inference
 * worker's backend, and a retry after a lost GPU device or a failure. `id` prefixes test ids.
 */
export function ModelInUse({ id, state, report, onRetry }: { id: string; state: InUseState; report: BackendReport | undefined; onRetry: () => void }) {
  const { phase, kind, learner } = state;
  let text: string;
  if (phase === 'checking') text = t.checking;
  else if (kind === 'learner' && learner) text = learner.finished ? t.learner(learner.epochs, percentText(learner.valAccuracy)) : t.learnerPartial(learner.epochs, learner.planned, percentText(learner.valAccuracy));
  else text = t.pretrained;
  return (
    <div class="model-in-use" data-testid={`${id}-model`} data-phase={phase} data-kind={kind}>
      <p>
        <span class="model-in-use__label">{t.label}:</span> {phase === 'loading' ? t.loading(text) : text}
      </p>
      {state.fellBack !== undefined && <p class="notice">{t.fellBack(strings.draw.errors[state.fellBack])}</p>}
      {kind === 'pretrained' && learner === null && phase === 'ready' && <p class="viz-help">{t.trainHint}</p>}
      <BackendBadge report={report} error={phase === 'failed' && !report ? state.message : undefined} />
      {(phase === 'lost' || phase === 'failed') && (
        <p role="alert" class="error">
          {phase === 'lost' ? t.lost(state.message ?? '') : t.failed(state.message ?? '')}{' '}
          <button type="button" onClick={onRetry} data-testid={`${id}-model-retry`}>
            {t.retry}
          </button>
        </p>
      )}
    </div>
  );
}
