import type { TuneState } from '../../lib/handwriting/tune-state.ts';
import { MAX_EXAMPLES } from '../../lib/handwriting/personal-set.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.handwriting;
const DIGITS = Array.from({ length: 10 }, (_, d) => d);

/** What the last press did, in words (an addition, or why nothing was added). */
export function addedText(added: TuneState['added']): string {
  if (!added) return '';
  switch (added.kind) {
    case 'added':
      return t.added(added.label, added.count);
    case 'removed':
      return t.removed;
    case 'cleared':
      return t.cleared;
    case 'refused':
      return added.problem === 'full' ? t.refused.full(MAX_EXAMPLES) : t.refused[added.problem];
  }
}

/**
 * "Which digit did you write?": ten buttons; the one pressed labels the drawing as it was
 * prepared for the model and adds it to the learner's set. The model's answer is marked, so a
 * right answer is one press away as well as a correction.
 */
export function CorrectDigit({ top, disabled, added, onAdd }: { top: number | null; disabled: boolean; added: TuneState['added']; onAdd: (label: number) => void }) {
  // Removals and clearing are reported beside the set, below.
  const text = added?.kind === 'added' || added?.kind === 'refused' ? addedText(added) : '';
  return (
    <fieldset class="hw__correct" data-testid="correct-digit">
      <legend>{t.correctLegend}</legend>
      <p class="draw__muted" id="hw-correct-help">
        {t.correctHelp}
      </p>
      <div class="hw__digits">
        {DIGITS.map((d) => (
          <button
            type="button"
            key={d}
            class={d === top ? 'hw__digit hw__digit--top' : 'hw__digit'}
            aria-label={t.correctButton(d)}
            aria-describedby="hw-correct-help"
            disabled={disabled}
            data-digit={d}
            onClick={() => {
              onAdd(d);
            }}
          >
            {d}
          </button>
        ))}
      </div>
      <p class={added?.kind === 'refused' ? 'hw__added error' : 'hw__added'} role="status" data-testid="added-status" data-kind={added?.kind ?? ''}>
        {text}
      </p>
    </fieldset>
  );
}
