import { useMemo } from 'preact/hooks';
import { FRAME, type Prepared } from '../../lib/draw/preprocess.ts';
import { greyRgba } from '../../lib/viz/image.ts';
import { percentText } from '../../lib/viz/bars.ts';
import { PixelCanvas } from '../viz/PixelCanvas.tsx';
import { Bars } from '../viz/Bars.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.draw;

/** The 28×28 image the model sees, the top digit and the ten probabilities. */
export function PredictionPanel({ prepared, probabilities, top, waiting, announcement }: { prepared: Prepared; probabilities: readonly number[] | null; top: number | null; waiting: string; announcement: string }) {
  const image = useMemo(() => greyRgba(prepared.empty ? new Float32Array(FRAME * FRAME) : prepared.image.data, FRAME, FRAME), [prepared]);
  return (
    <div class="draw__result">
      <div class="draw__sees">
        <PixelCanvas image={image} scale={5} label={t.modelSeesAlt(FRAME)} testId="model-input" />
        <p>{t.modelSees(FRAME)}</p>
      </div>
      {prepared.empty ? (
        <p class="draw__hint" data-testid="draw-hint">
          {t.hint}
        </p>
      ) : probabilities && top !== null ? (
        <>
          <p class="draw__top">
            {t.top}: <strong data-testid="top-digit">{top}</strong> <span data-testid="top-probability">{percentText(probabilities[top] ?? 0)}</span>
          </p>
          <Bars label={t.probabilities} block="draw" items={probabilities.map((p, d) => ({ key: d, name: d, value: p, highlight: d === top, testId: `probability-${d}` }))} />
        </>
      ) : (
        <p class="draw__hint">{waiting}</p>
      )}
      <p class="visually-hidden" aria-live="polite" data-testid="announcement">
        {announcement}
      </p>
    </div>
  );
}
