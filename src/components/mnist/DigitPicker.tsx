import { useMemo } from 'preact/hooks';
import { imageAt } from '../../lib/mnist/loader.ts';
import { firstOfEachDigit, nextSameDigit } from '../../lib/mnist/sample-pick.ts';
import { DigitCanvas } from './DigitCanvas.tsx';
import { sampleMnist } from './mnist-data.ts';
import type { SampleDigit } from './useSampleDigit.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.digitPicker;

/**
 * Choosing the real MNIST digit a demo works on: one button per digit 0–9 (the first image of
 * each in the sample), the previous and next image of the same digit, and the chosen image
 * large. Every control is a button: keyboard and touch work as for any button. `id` prefixes
 * the test ids (`${id}-digit-3`, `${id}-digit-next`) and the chosen image says its index and
 * label in data-index / data-label.
 */
export function DigitPicker({ id, digit, size = 112 }: { id: string; digit: SampleDigit; size?: number }) {
  const { sample, index, label } = digit;
  const data = sample.phase === 'ready' ? sample.data : undefined;
  const firsts = useMemo(() => (data ? firstOfEachDigit(data.sample.labels, data.classes) : []), [data]);
  // The same arrays from render to render: DigitCanvas converts and redraws only when they change
  // (a fresh subarray each time redrew all eleven canvases whenever the demo re-rendered).
  const thumbnails = useMemo(() => (data ? firsts.map((first) => (first < 0 ? null : imageAt(data.sample.images, first, data.imageSize))) : []), [data, firsts]);
  const chosen = useMemo(() => (data ? imageAt(data.sample.images, index, data.imageSize) : undefined), [data, index]);
  if (!data) {
    return (
      <div class="digit-picker" data-testid={`${id}-digits`} data-phase={sample.phase}>
        {sample.phase === 'error' ? (
          <p role="alert" class="error">
            {t.failed}{' '}
            <button type="button" onClick={() => { void sampleMnist.start(); }}>
              {t.retry}
            </button>
          </p>
        ) : (
          <p role="status">{t.loading}</p>
        )}
      </div>
    );
  }
  const { rows, cols, imageSize } = data;
  const testIndex = data.sample.indices[index] ?? index;
  return (
    <div class="digit-picker" data-testid={`${id}-digits`} data-phase="ready" data-index={index} data-label={label}>
      <fieldset class="digit-picker__choices">
        <legend>{t.legend}</legend>
        {firsts.map((first, d) => {
          const pixels = thumbnails[d];
          return first < 0 || !pixels ? null : (
            <button key={d} type="button" class="digit-picker__choice" aria-pressed={label === d} onClick={() => { digit.choose(first); }} data-testid={`${id}-digit-${d}`} aria-label={t.choose(d)}>
              <DigitCanvas pixels={pixels} rows={rows} cols={cols} size={28} label="" />
              <span aria-hidden="true">{d}</span>
            </button>
          );
        })}
      </fieldset>
      <div class="digit-picker__chosen">
        <DigitCanvas pixels={chosen ?? new Uint8Array(imageSize)} rows={rows} cols={cols} size={size} label={t.alt(label ?? 0, testIndex)} />
        <p class="viz-caption" aria-live="polite">
          {t.caption(label ?? 0, testIndex)}
        </p>
        <div class="viz-buttons">
          <button type="button" onClick={() => { digit.choose(nextSameDigit(data.sample.labels, index, -1)); }} data-testid={`${id}-digit-prev`}>
            {t.previous(label ?? 0)}
          </button>
          <button type="button" onClick={() => { digit.choose(nextSameDigit(data.sample.labels, index, 1)); }} data-testid={`${id}-digit-next`}>
            {t.next(label ?? 0)}
          </button>
        </div>
      </div>
    </div>
  );
}
