import type { EvaluationResult } from '../../lib/training/protocol.ts';
import { formatLoss, formatPercent, formatSeconds, type Cell } from '../../lib/evaluation.ts';
import { galleryView, perClassRows, topOf } from '../../lib/evaluate/view.ts';
import { formatInt } from '../../lib/format.ts';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import { ClassAccuracy } from './ClassAccuracy.tsx';
import { Gallery } from './Gallery.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.evaluate;

/** A finished evaluation: loss and accuracy, the confusion matrix, per-class accuracy and the mistakes. */
export function Results({ result, cell, onCell }: { result: EvaluationResult; cell: Cell | null; onCell: (cell: Cell | null) => void }) {
  const top = topOf(result);
  return (
    <div class="evaluate__results" aria-labelledby="evaluate-results-title">
      <h3 id="evaluate-results-title">{t.resultsTitle}</h3>
      <p class="evaluate__summary">{t.summary(formatInt(result.count), formatSeconds(result.seconds))}</p>
      <dl class="evaluate__scores">
        <div>
          <dt>{t.loss}</dt>
          <dd data-testid="test-loss">{formatLoss(result.loss)}</dd>
        </div>
        <div>
          <dt>{t.accuracy}</dt>
          <dd data-testid="test-accuracy">{formatPercent(result.accuracy)}</dd>
        </div>
      </dl>
      <p class="evaluate__explain">{t.explain}</p>

      <h3>{t.matrixTitle}</h3>
      <p class="evaluate__hint">{t.matrixHint}</p>
      <ConfusionMatrix result={result} cell={cell} onCell={onCell} />

      <div class="evaluate__lists">
        <div>
          <h3>{t.perClassTitle}</h3>
          <ClassAccuracy rows={perClassRows(result)} />
        </div>
        <div>
          <h3>{t.topTitle}</h3>
          {top.length === 0 ? (
            <p>{t.topNone}</p>
          ) : (
            <ol class="evaluate__top">
              {top.map((c) => (
                <li key={`${c.label}-${c.predicted}`} data-testid="top-confusion">
                  {t.topItem(c.label, c.predicted, formatInt(c.count))}
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>

      <Gallery
        view={galleryView(result, cell)}
        onAll={() => {
          onCell(null);
        }}
      />
    </div>
  );
}
