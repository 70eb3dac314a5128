import type { EpochStats } from '../../lib/training/train-loop.ts';
import { formatDuration } from '../../lib/training/progress.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.training;
/** Losses and accuracies as Keras prints them. */
const fixed = (v: number) => v.toFixed(4);

/**
 * One row per finished epoch, as Keras's fit log. Its numbers never wrap: on a narrow screen the
 * table scrolls sideways in its own region (focusable, so a keyboard can scroll it too).
 */
export function HistoryTable({ history }: { history: readonly EpochStats[] }) {
  return (
    <div class="training__history-scroll" role="region" aria-label={t.historyCaption} tabIndex={0}>
      <table class="training__history">
        <caption>{t.historyCaption}</caption>
        <thead>
          <tr>
            {t.historyHead.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.epoch} data-testid="history-row">
              <th scope="row">{h.epoch + 1}</th>
              <td>{fixed(h.loss)}</td>
              <td>{fixed(h.accuracy)}</td>
              <td>{fixed(h.valLoss)}</td>
              <td>{fixed(h.valAccuracy)}</td>
              <td>{formatDuration(h.seconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
