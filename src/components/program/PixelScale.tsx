import { DigitPicker } from '../mnist/DigitPicker.tsx';
import { useSampleDigit } from '../mnist/useSampleDigit.ts';
import { formatScaled, pixelWindow } from '../../lib/program/pixels.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.programSteps.pixels;

/** Step 2's real digit: a few of its pixels as stored (0..255) and as the model gets them (/255). */
export function PixelScale({ maxPixel }: { maxPixel: string }) {
  const digit = useSampleDigit();
  const data = digit.sample.phase === 'ready' ? digit.sample.data : undefined;
  const pixels = data ? pixelWindow(data.sample.images, digit.index, data.rows, data.cols) : undefined;
  return (
    <div class="program-steps__example" data-testid="pixel-scale">
      <p class="program-steps__lang">{t.title}</p>
      <p>{t.help(maxPixel)}</p>
      <div class="program-steps__digit-row">
        <DigitPicker id="program" digit={digit} size={84} />
        {pixels && (
          <div class="program-steps__vector-box" role="region" tabIndex={0} aria-label={t.caption(pixels.row)}>
            <table class="program-steps__vector" data-testid="pixel-table">
              <caption>{t.caption(pixels.row)}</caption>
              <tbody>
                <tr>
                  <th scope="row">{t.col}</th>
                  {pixels.cols.map((c) => <td key={c}>{c + 1}</td>)}
                </tr>
                <tr data-testid="pixel-raw">
                  <th scope="row">{t.raw}</th>
                  {pixels.raw.map((v, k) => <td key={k}>{v}</td>)}
                </tr>
                <tr data-testid="pixel-scaled">
                  <th scope="row">{t.scaled(maxPixel)}</th>
                  {pixels.scaled.map((v, k) => <td key={k}>{formatScaled(v)}</td>)}
                </tr>
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
