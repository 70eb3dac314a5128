import type { GalleryView } from '../../lib/evaluate/view.ts';
import { formatPercent } from '../../lib/evaluation.ts';
import { formatInt } from '../../lib/format.ts';
import { MNIST } from '../../lib/mnist-spec.ts';
import { DigitCanvas } from '../mnist/DigitCanvas.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.evaluate;

/** The misclassified images (all, or one confusion cell's), with true label, prediction and confidence. */
export function Gallery({ view, onAll }: { view: GalleryView; onAll: () => void }) {
  const { shown, total, cell } = view;
  const count = formatInt(shown.length);
  return (
    <div class="evaluate__gallery">
      <h3>{t.galleryTitle}</h3>
      {total === 0 ? (
        <p>{t.galleryNone}</p>
      ) : (
        <p aria-live="polite">
          {cell === null ? t.galleryAll(count, formatInt(total)) : t.galleryCell(cell.label, cell.predicted, count, formatInt(total))}
          {cell !== null && (
            <>
              {' '}
              <button type="button" onClick={onAll}>
                {t.galleryShowAll}
              </button>
            </>
          )}
        </p>
      )}
      <ul class="evaluate__thumbs">
        {shown.map((m) => {
          const p = formatPercent(m.confidence, 1);
          return (
            <li key={m.index} class="evaluate__thumb" data-testid="gallery-item" data-label={m.label} data-predicted={m.predicted}>
              <DigitCanvas pixels={m.pixels} rows={MNIST.rows} cols={MNIST.cols} size={56} label={t.imageAlt(formatInt(m.index), m.label, m.predicted, p)} />
              <span class="evaluate__thumb-text" aria-hidden="true">
                {t.trueLabel} <b>{m.label}</b> / {t.predictedLabel} <b>{m.predicted}</b>
                <br />
                {t.confidence(p)}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
