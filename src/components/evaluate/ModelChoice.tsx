import type { Choice, LearnerSlot, PretrainedSlot } from '../../lib/evaluate/state.ts';
import { formatPercent, formatSavedAt } from '../../lib/evaluation.ts';
import { strings } from '../../i18n/index.ts';
import { LearnerNone } from '../LearnerNone.tsx';

const t = strings.evaluate;

/** The two models on offer, each with what is known about it. */
export function ModelChoice({ learner, pretrained, choice, disabled, onChoose }: {
  learner: LearnerSlot;
  pretrained: PretrainedSlot;
  choice: Choice | null;
  disabled: boolean;
  onChoose: (choice: Choice) => void;
}) {
  return (
    <fieldset disabled={disabled}>
      <legend>{t.modelLegend}</legend>
      <div class="evaluate__option">
        <label>
          <input type="radio" name="evaluate-model" value="learner" checked={choice === 'learner'} disabled={learner.phase !== 'found'} aria-describedby="evaluate-learner-info" onChange={() => { onChoose('learner'); }} />
          {t.learner}
        </label>
        <p class="evaluate__info" id="evaluate-learner-info">
          <LearnerInfo learner={learner} />
        </p>
      </div>
      <div class="evaluate__option">
        <label>
          <input type="radio" name="evaluate-model" value="pretrained" checked={choice === 'pretrained'} disabled={pretrained.phase === 'unavailable'} aria-describedby="evaluate-pretrained-info" onChange={() => { onChoose('pretrained'); }} />
          {t.pretrained}
        </label>
        <p class="evaluate__info" id="evaluate-pretrained-info" data-testid="pretrained-info">
          <PretrainedInfo pretrained={pretrained} />
        </p>
      </div>
    </fieldset>
  );
}

function LearnerInfo({ learner }: { learner: LearnerSlot }) {
  if (learner.phase === 'checking') return <>{t.learnerChecking}</>;
  if (learner.phase === 'none') {
    return <LearnerNone />;
  }
  const { info } = learner.model;
  const acc = formatPercent(info.valAccuracy);
  const saved = formatSavedAt(info.savedAt, undefined, strings.dateLocale);
  return <>{info.finished ? t.learnerFinished(info.epochs, acc, saved) : t.learnerPartial(info.epochs, info.planned, acc, saved)}</>;
}

function PretrainedInfo({ pretrained }: { pretrained: PretrainedSlot }) {
  if (pretrained.phase === 'loading') return <>{t.pretrainedLoading}</>;
  if (pretrained.phase === 'unavailable') return <>{t.pretrainedUnavailable}</>;
  return <>{t.pretrainedInfo(pretrained.record.epochs, formatPercent(pretrained.record.testAccuracy))}</>;
}
