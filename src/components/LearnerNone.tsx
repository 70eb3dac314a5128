import { strings } from '../i18n/index.ts';

const t = strings.learnerModel;

/** "No model of yours yet", with the way to the training lesson (evaluation and drawing lessons). */
export function LearnerNone() {
  return (
    <>
      {t.noneBefore}
      <a href="../training/">{t.noneLink}</a>
      {t.noneAfter}
    </>
  );
}
