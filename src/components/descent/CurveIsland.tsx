import { useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import { divergenceThreshold, LESSON_CURVE, stepFactor, stepsToShrink, verdictOf } from '../../lib/descent/curve.ts';
import { currentLoss, currentW, initialCurveState, reduceCurve, statusOf } from '../../lib/descent/curve-state.ts';
import { curveSettings, DEFAULT_LR, DEFAULT_W0 } from '../../lib/descent/url.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { LineChart } from '../viz/LineChart.tsx';
import { replaceQuery } from '../viz/useUrlState.ts';
import { CurveControls } from './CurveControls.tsx';
import { CurvePlot } from './CurvePlot.tsx';
import { StepTable } from './StepTable.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.descent;
const CURVE = LESSON_CURVE;
/** One step this often while playing. */
const TICK_MS = 350;

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * 3-9 (a): gradient descent on the 1-D loss L(w) = (w − 3)², step by step. The state machine is
 * src/lib/descent/curve-state.ts; the verdict and the divergence threshold come from
 * src/lib/descent/curve.ts. The learning rate and start point live in the URL.
 */
export default function CurveIsland() {
  const [state, dispatch] = useReducer(reduceCurve, undefined, () => initialCurveState(CURVE, DEFAULT_LR, DEFAULT_W0));
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    const read = curveSettings.read(location.search);
    dispatch({ type: 'load', lr: read.lr, w0: read.w0 });
    setHydrated(true);
  }, []);
  useEffect(() => {
    if (hydrated) replaceQuery(curveSettings.write({ lr: state.lr, w0: state.w0 }, location.search));
  }, [hydrated, state.lr, state.w0]);
  useEffect(() => {
    if (!state.playing) return undefined;
    const timer = setInterval(() => { dispatch({ type: 'tick' }); }, TICK_MS);
    return () => { clearInterval(timer); };
  }, [state.playing]);

  const wStar = formatNumber(CURVE.wStar);
  const formula = t.formula(wStar);
  const threshold = formatNumber(divergenceThreshold(CURVE));
  const verdict = verdictOf(CURVE, state.lr);
  const factor = stepFactor(CURVE, state.lr);
  const needed = String(stepsToShrink(factor));
  const status = statusOf(state);
  const w = currentW(state);
  const loss = currentLoss(state);
  const n = state.steps.length;
  const losses = useMemo(() => [[0, state.steps[0]?.loss ?? loss] as const, ...state.steps.map((s, i) => [i + 1, s.nextLoss] as const)], [state.steps, loss]);
  const lossMax = Math.max(1e-9, ...losses.map(([, l]) => l).filter(Number.isFinite));

  return (
    <DemoFrame
      id="descent-curve"
      title={t.curveTitle}
      intro={t.curveIntro(formula)}
      class="descent"
      data-testid="descent-curve"
      data-hydrated={String(hydrated)}
      data-lr={String(state.lr)}
      data-w={String(w)}
      data-loss={String(loss)}
      data-steps={n}
      data-status={status}
      data-verdict={verdict}
      data-phase={state.playing ? 'playing' : 'idle'}
    >
      <div class="descent__main">
        <div class="descent__figure">
          <CurvePlot curve={CURVE} w0={state.w0} steps={state.steps} formula={formula} />
          <p class="descent__now-text" data-testid="descent-now" aria-live="polite">{t.now(n, formatNumber(w), formatNumber(loss))}</p>
        </div>
        <div class="descent__side">
          <CurveControls lr={state.lr} w0={state.w0} threshold={threshold} onLr={(lr) => { dispatch({ type: 'set-lr', lr }); }} onW0={(w0) => { dispatch({ type: 'set-w0', w0 }); }} />
          <p class={`descent__verdict descent__verdict--${verdict}`} data-testid="descent-verdict">
            <strong>{t.verdictLabel}</strong> {verdict === 'edge' || verdict === 'diverge' ? t.verdict[verdict] : t.verdict[verdict](needed)}
          </p>
          <p class="viz-help">{t.factor(wStar, formatNumber(factor))}</p>
          <div class="viz-buttons">
            <button type="button" disabled={status !== 'ready'} onClick={() => { dispatch({ type: 'step' }); }}>{t.step}</button>
            {state.playing ? (
              <button type="button" onClick={() => { dispatch({ type: 'pause' }); }}>{t.pause}</button>
            ) : (
              <button type="button" disabled={status !== 'ready'} onClick={() => { dispatch({ type: reducedMotion() ? 'run-to-end' : 'play' }); }}>{t.play}</button>
            )}
            <button type="button" onClick={() => { dispatch({ type: 'reset' }); }}>{t.reset}</button>
          </div>
          <p class={status === 'diverged' ? 'descent__notice descent__notice--bad' : 'descent__notice'} data-testid="descent-status" role="status">
            {status === 'settled' ? t.status.settled(n, wStar) : status === 'diverged' ? t.status.diverged(n) : status === 'limit' ? t.status.limit(n) : ''}
          </p>
        </div>
      </div>
      <div class="descent__main">
        <StepTable steps={state.steps} />
        {n > 0 && (
          <div class="descent__chart">
            <LineChart title={t.lossTitle} series={[{ name: t.lossSeries, points: losses, className: 'series-train' }]} xMax={n} yMin={0} yMax={lossMax} xLabel={t.stepsAxis} />
          </div>
        )}
      </div>
    </DemoFrame>
  );
}
