import type { Checkpoint } from '../../lib/training/checkpoint.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.training;

/** An unfinished run found in storage: continue it, or throw it away. */
export function ResumeOffer({ checkpoint, onResume, onDiscard }: { checkpoint: Checkpoint; onResume: () => void; onDiscard: () => void }) {
  return (
    <div class="resume" role="region" aria-label={t.resumeTitle}>
      <p class="resume__title">{t.resumeTitle}</p>
      <p>{t.resumeText(checkpoint.completedEpochs, checkpoint.config.epochs, new Date(checkpoint.savedAt).toLocaleString(strings.dateLocale))}</p>
      <button type="button" class="button--primary" onClick={onResume}>
        {t.resumeButton}
      </button>{' '}
      <button type="button" onClick={onDiscard}>
        {t.discardButton}
      </button>
    </div>
  );
}
