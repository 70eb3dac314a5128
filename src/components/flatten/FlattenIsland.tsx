import { useEffect, useMemo, useState } from 'preact/hooks';
import { FLAT_CHANNELS, FLAT_UNITS, FLAT_WIDTH, flatIndex, flattenBy, positionOf } from '../../lib/flatten/index.ts';
import { maxAbsDiff } from '../../lib/pooling/shift.ts';
import { defineUrlState, numberField } from '../../lib/url-state.ts';
import { maxAbsOf } from '../../lib/viz/image.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import { DigitPicker } from '../mnist/DigitPicker.tsx';
import { useSampleDigit } from '../mnist/useSampleDigit.ts';
import { ModelInUse } from '../model/ModelInUse.tsx';
import { useActivations } from '../model/useActivations.ts';
import { useCourseModel } from '../model/useCourseModel.ts';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { useUrlState } from '../viz/useUrlState.ts';
import { CubeView } from './CubeView.tsx';
import { FlatLine } from './FlatLine.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.flatten;
const LAYERS = ['max_pooling2d_1', 'flatten'] as const;
/** The chosen place in the line: ?at=842. */
export const flattenSettings = defineUrlState({ at: numberField(0, { min: 0, max: FLAT_UNITS - 1, integer: true }) });

/**
 * 3-5: flatten. The chosen digit's 5×5×64 output of the second pooling layer (model in use),
 * one channel as a 5×5 grid and all 1,600 values as one line; choosing a value on either side
 * shows it on the other with (r, c, k) and i = (r·5 + c)·64 + k, and the line built here by that
 * rule is checked against the model's own 'flatten' output.
 */
export default function FlattenIsland() {
  const [hydrated, setHydrated] = useState(false);
  const [settings, setSettings] = useUrlState(flattenSettings);
  const [hover, setHover] = useState<number | null>(null);
  const digit = useSampleDigit();
  const model = useCourseModel();
  const act = useActivations(model, digit.image, LAYERS);
  useEffect(() => {
    setHydrated(true);
  }, []);
  const a = act.phase === 'ready' ? act.prediction.activations : undefined;
  const pooled = a?.max_pooling2d_1;
  const modelLine = a?.flatten;
  const line = useMemo(() => (pooled ? flattenBy((r, c, k) => pooled.data[(r * (pooled.shape[1] ?? 0) + c) * (pooled.shape[2] ?? 0) + k] ?? NaN) : undefined), [pooled]);
  const diff = line && modelLine ? maxAbsDiff(line, modelLine.data) : NaN;
  const shown = hover ?? settings.at;
  const p = positionOf(shown);
  const select = (at: number) => {
    setSettings({ at });
  };

  return (
    <DemoFrame id="flatten" title={t.title} intro={t.intro} class="flatten" data-testid="flatten-demo" data-hydrated={String(hydrated)}
      data-activations={act.phase} data-index={shown} data-tensors={act.phase === 'ready' ? act.prediction.tensors : undefined}
      data-match={line && modelLine ? String(diff === 0) : undefined}>
      <DigitPicker id="flatten" digit={digit} size={84} />
      <ModelInUse id="flatten" state={model.state} report={model.report} onRetry={() => { model.retry(); }} />
      {act.phase === 'error' && <p role="alert" class="error">{t.failed(act.message)}</p>}
      {pooled && line && modelLine ? (
        <>
          <p class="flatten__shapes" data-testid="flatten-shapes">{t.shapes(pooled.shape, modelLine.shape)}</p>
          <div class="flatten__main">
            <CubeView pooled={pooled.data} at={positionOf(settings.at)} maxValue={maxAbsOf(pooled.data, 1e-6)} onSelect={({ r, c, k }) => { select(flatIndex(r, c, k)); }} />
            <div class="flatten__side">
              <p class="viz-caption">{t.lineCaption(FLAT_UNITS, FLAT_CHANNELS)}</p>
              <FlatLine line={line} selected={settings.at} onSelect={select} onHover={setHover} />
              <p id="flatten-line-help" class="viz-help">{t.lineHelp}</p>
            </div>
          </div>
          <div class="flatten__readout" aria-live="polite" data-testid="flatten-readout">
            <p data-testid="flatten-position">{t.position(p.r, p.c, p.k)}</p>
            <p class="flatten__formula" data-testid="flatten-formula">{t.formula(p.r, FLAT_WIDTH, p.c, FLAT_CHANNELS, p.k, shown)}</p>
            <p data-testid="flatten-value">{t.value(formatNumber(line[shown] ?? NaN), formatNumber(modelLine.data[shown] ?? NaN))}</p>
          </div>
          <p data-testid="flatten-check">{diff === 0 ? t.matches(FLAT_UNITS) : t.differs(formatNumber(diff))}</p>
        </>
      ) : (
        act.phase !== 'error' && <p role="status">{t.waiting}</p>
      )}
    </DemoFrame>
  );
}
