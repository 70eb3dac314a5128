import type { DropoutMode } from '../../lib/dropout/mask.ts';
import { RATE_SPEC } from '../../lib/dropout/view.ts';
import { NumericField } from '../viz/NumericField.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.dropoutMask;

export interface DropoutControlsProps {
  id: string;
  mode: DropoutMode;
  rate: number;
  step: number;
  playing: boolean;
  reducedMotion: boolean;
  onMode: (mode: DropoutMode) => void;
  onRate: (rate: number) => void;
  onStep: (step: number) => void;
  onPlay: (playing: boolean) => void;
}

/** Training or inference, the rate, and the steps: one at a time, or played (not under reduced motion). */
export function DropoutControls({ id, mode, rate, step, playing, reducedMotion, onMode, onRate, onStep, onPlay }: DropoutControlsProps) {
  const training = mode === 'training';
  return (
    <div class="dropout__controls">
      <fieldset class="dropout__mode">
        <legend>{t.modeLegend}</legend>
        {(['training', 'inference'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => { onMode(m); }} data-testid={`${id}-mode-${m}`} />{' '}
            {m === 'training' ? t.training : t.inference}
          </label>
        ))}
      </fieldset>
      <NumericField id={`${id}-rate`} label={t.rate} value={rate} {...RATE_SPEC} help={t.rateHelp} onChange={onRate} testId={`${id}-rate`} />
      <p class="dropout__step" aria-live="polite" data-testid={`${id}-step`}>
        {training ? t.stepNow(step) : t.stepNowInference}
      </p>
      <div class="viz-buttons">
        <button type="button" disabled={!training || step <= 1} onClick={() => { onStep(step - 1); }} data-testid={`${id}-previous`}>
          {t.previous}
        </button>
        <button type="button" disabled={!training} onClick={() => { onStep(step + 1); }} data-testid={`${id}-next`}>
          {t.next}
        </button>
        <button type="button" disabled={!training || reducedMotion} aria-pressed={playing} onClick={() => { onPlay(!playing); }} data-testid={`${id}-play`}>
          {playing ? t.pause : t.play}
        </button>
      </div>
      {reducedMotion && <p class="viz-help">{t.reducedMotion}</p>}
    </div>
  );
}
