import { DECK_FIT, percentOf, type Split } from '../../lib/training-plan.ts';
import { SUBSETS } from '../../lib/training/run-state.ts';
import { MNIST } from '../../lib/mnist-spec.ts';
import { formatInt } from '../../lib/format.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.training;
/** The epoch counts offered: 1 up to the deck's. */
const EPOCH_CHOICES = Array.from({ length: DECK_FIT.epochs }, (_, i) => i + 1);
const subsetValue = (n: number | null) => (n === null ? '' : String(n));

export interface SetupFormProps {
  readonly epochs: number;
  readonly trainLimit: number | null;
  readonly planned: Split;
  readonly deck: boolean;
  readonly enabled: boolean;
  /** A saved run exists: starting replaces it. */
  readonly replacesSaved: boolean;
  readonly onEpochs: (epochs: number) => void;
  readonly onSubset: (trainLimit: number | null) => void;
  readonly onStart: () => void;
}

/** The run's length: the deck's by default; fewer epochs or images are labelled as a deviation. */
export function SetupForm(p: SetupFormProps) {
  return (
    <form
      class="training__setup"
      onSubmit={(e) => {
        e.preventDefault();
        p.onStart();
      }}
    >
      <p class={p.deck ? 'training__deck' : 'training__deviation'} data-testid="config-kind">
        <strong>{p.deck ? t.deck : t.deviation}</strong>: {t.deckDetail(p.epochs, formatInt(p.planned.train), formatInt(p.planned.validation), DECK_FIT.batchSize)}
      </p>
      <label>
        {t.epochsLabel}{' '}
        <select
          value={String(p.epochs)}
          onChange={(e) => {
            p.onEpochs(Number(e.currentTarget.value));
          }}
        >
          {EPOCH_CHOICES.map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t.subsetLabel}{' '}
        <select
          value={subsetValue(p.trainLimit)}
          onChange={(e) => {
            const v = e.currentTarget.value;
            p.onSubset(v === '' ? null : Number(v));
          }}
        >
          {SUBSETS.map((n) => (
            <option key={subsetValue(n)} value={subsetValue(n)}>
              {n === null ? t.subsetAll(formatInt(MNIST.trainCount)) : t.subsetN(formatInt(n))}
            </option>
          ))}
        </select>
      </label>
      <p class="training__split">{t.splitNote(formatInt(p.planned.train), formatInt(p.planned.validation), percentOf(DECK_FIT.validationSplit))}</p>
      <p class="training__note">{t.replaceNote}</p>
      <button type="submit" class="button--primary" disabled={!p.enabled}>
        {p.replacesSaved ? t.startOver : t.start}
      </button>
    </form>
  );
}
