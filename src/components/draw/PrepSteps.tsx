import { useMemo } from 'preact/hooks';
import { BOX, FRAME, type Prepared } from '../../lib/draw/preprocess.ts';
import { DRAW_SIZE } from '../../lib/draw/strokes.ts';
import { greyRgba } from '../../lib/viz/image.ts';
import { PixelCanvas } from '../viz/PixelCanvas.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.draw;
/** The cropped ink is shown at this many CSS pixels on its longer side. */
const CROP_SIDE = 120;

/** The three preprocessing steps, each as an image with what was done. */
export function PrepSteps({ prepared }: { prepared: Prepared }) {
  const images = useMemo(
    () =>
      prepared.empty
        ? null
        : {
            cropped: greyRgba(prepared.cropped.data, prepared.cropped.width, prepared.cropped.height),
            scaled: greyRgba(prepared.scaled.data, prepared.scaled.width, prepared.scaled.height),
            framed: greyRgba(prepared.image.data, FRAME, FRAME),
          },
    [prepared],
  );
  return (
    <details class="draw__steps" open>
      <summary>{t.stepsSummary}</summary>
      {prepared.empty || !images ? (
        <p class="draw__muted">{t.mapsEmpty}</p>
      ) : (
        <>
          <ol class="draw__step-list">
            <li>
              <PixelCanvas image={images.cropped} scale={CROP_SIDE / Math.max(prepared.cropped.width, prepared.cropped.height)} label={t.stepAlt(1)} testId="step-crop" />
              <p>
                <strong>{t.step1}</strong>
                <br />
                <span data-testid="step-crop-detail">{t.step1Detail(prepared.box.x, prepared.box.y, prepared.box.width, prepared.box.height, DRAW_SIZE)}</span>
              </p>
            </li>
            <li>
              <PixelCanvas image={images.scaled} scale={6} label={t.stepAlt(2)} marker={prepared.scaledCentre} testId="step-scaled" />
              <p>
                <strong>{t.step2(BOX)}</strong>
                <br />
                <span data-testid="step-scaled-detail">{t.step2Detail(prepared.scaled.width, prepared.scaled.height)}</span>
              </p>
            </li>
            <li>
              <PixelCanvas image={images.framed} scale={5} label={t.stepAlt(3)} marker={prepared.centre} testId="step-centred" />
              <p>
                <strong>{t.step3(FRAME)}</strong>
                <br />
                <span data-testid="step-centred-detail">{t.step3Detail(prepared.centre.x.toFixed(2), prepared.centre.y.toFixed(2))}</span>
              </p>
            </li>
          </ol>
          <p class="draw__muted">{t.stepsNote}</p>
        </>
      )}
    </details>
  );
}
