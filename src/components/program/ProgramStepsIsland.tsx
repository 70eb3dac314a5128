import { useEffect, useState } from 'preact/hooks';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { useUrlState } from '../viz/useUrlState.ts';
import { defineUrlState, numberField } from '../../lib/url-state.ts';
import { CLASSES } from '../../lib/program/one-hot.ts';
import { STEP_COUNT } from '../../lib/program/steps.ts';
import { strings } from '../../i18n/index.ts';
import { StepTabs } from './StepTabs.tsx';
import { StepPanel } from './StepPanel.tsx';
import { OneHotExample } from './OneHotExample.tsx';
import { PixelScale } from './PixelScale.tsx';
import type { StepNumbers, StepView } from './types.ts';

const t = strings.programSteps;

/** ?step=1..7 (the step shown) and ?label=0..9 (the one-hot example of step 2). */
export const programSetting = defineUrlState({
  step: numberField(1, { min: 1, max: STEP_COUNT, integer: true }),
  label: numberField(2, { min: 0, max: CLASSES - 1, integer: true }),
});

/** Lesson 3-1: the deck's Keras program beside the site's TypeScript, one step at a time. */
export default function ProgramStepsIsland({ steps, numbers }: { steps: readonly StepView[]; numbers: StepNumbers }) {
  const [state, setState] = useUrlState(programSetting);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    setHydrated(true);
  }, []);
  const n = state.step;
  const step = steps[n - 1];
  const go = (next: number) => {
    setState((s) => ({ ...s, step: next }));
  };
  return (
    <DemoFrame id="program-steps" class="program-steps" title={t.title} intro={t.intro} data-testid="program-steps" data-hydrated={String(hydrated)} data-step={n}>
      <StepTabs current={n} onSelect={go} />
      <p class="program-steps__keys">{t.keys}</p>
      {step && (
        <StepPanel n={n} step={step} numbers={numbers}>
          {step.id === 'data' && <PixelScale maxPixel={numbers.maxPixel} />}
          {step.id === 'data' && (
            <OneHotExample label={state.label} classes={numbers.classes} onChange={(label) => {
              setState((s) => ({ ...s, label }));
            }} />
          )}
        </StepPanel>
      )}
      <div class="program-steps__nav">
        <button type="button" disabled={n <= 1} onClick={() => { go(n - 1); }}><span aria-hidden="true">←</span> {t.previous}</button>
        <span>{t.position(n, STEP_COUNT)}</span>
        <button type="button" disabled={n >= STEP_COUNT} onClick={() => { go(n + 1); }}>{t.next} <span aria-hidden="true">→</span></button>
      </div>
    </DemoFrame>
  );
}
