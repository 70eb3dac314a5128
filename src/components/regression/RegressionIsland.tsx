import { useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import { closedForm, divergenceRate, lossQt } from '../../lib/regression/fit.ts';
import { initialState, reduce, settingsOf } from '../../lib/regression/state.ts';
import { LR_RANGE, MAX_POINTS, regressionSettings } from '../../lib/regression/url.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { LineChart } from '../viz/LineChart.tsx';
import { NumericField } from '../viz/NumericField.tsx';
import { replaceQuery } from '../viz/useUrlState.ts';
import { FitPlot } from './FitPlot.tsx';
import { LineControls } from './LineControls.tsx';
import { Outcome } from './Outcome.tsx';
import { PointTable } from './PointTable.tsx';
import { useLearning } from './useLearning.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.regression;

/**
 * 1-1: fit a line to points by least squares. Drag, add and remove points; set a and b; see each
 * residual's square and Q_t; jump to the closed form, or learn by gradient descent with tfjs.
 * The state machine is src/lib/regression/state.ts; the points, a, b and the learning rate live
 * in the URL.
 */
export default function RegressionIsland() {
  const [state, dispatch] = useReducer(reduce, undefined, () => initialState());
  const [hydrated, setHydrated] = useState(false);
  const learning = useLearning(state, dispatch);
  useEffect(() => {
    dispatch({ type: 'load', settings: regressionSettings.read(location.search) });
    setHydrated(true);
  }, []);
  // The link follows the state (not during a run: a URL write per frame is too many).
  useEffect(() => {
    if (hydrated && !state.learning) replaceQuery(regressionSettings.write(settingsOf(state), location.search));
  }, [hydrated, state.points, state.a, state.b, state.lr, state.learning]);

  const qt = lossQt(state.points, state.a, state.b);
  const fit = useMemo(() => closedForm(state.points), [state.points]);
  const limit = useMemo(() => divergenceRate(state.points), [state.points]);
  const running = state.learning !== null || learning.busy;
  const lossPoints = useMemo(() => state.losses.map((q, i) => [i, q] as const), [state.losses]);
  const lossMax = Math.max(1e-9, ...state.losses.filter(Number.isFinite));

  return (
    <DemoFrame
      id="regression"
      title={t.title}
      intro={t.intro}
      class="regression"
      backend={learning.backend}
      data-testid="regression-demo"
      data-hydrated={String(hydrated)}
      data-a={String(state.a)}
      data-b={String(state.b)}
      data-qt={String(qt)}
      data-points={state.points.length}
      data-phase={running ? 'learning' : 'idle'}
      data-outcome={state.outcome?.kind ?? ''}
      data-tensors={learning.tensors}
    >
      <div class="regression__main">
        <div class="regression__figure">
          <FitPlot
            points={state.points}
            a={state.a}
            b={state.b}
            selected={state.selected}
            onAdd={(x, y) => { dispatch({ type: 'add', x, y }); }}
            onMove={(index, x, y) => { dispatch({ type: 'move', index, x, y }); }}
            onNudge={(index, dx, dy) => { dispatch({ type: 'nudge', index, dx, dy }); }}
            onRemove={(index) => { dispatch({ type: 'remove', index }); }}
            onSelect={(index) => { dispatch({ type: 'select', index }); }}
          />
          <p id="regression-plot-help" class="viz-help">{t.plotHelp}</p>
        </div>
        <div class="regression__side">
          <p class="regression__equation" data-testid="regression-equation">{t.equation(formatNumber(state.a), formatNumber(state.b))}</p>
          <p class="regression__qt" data-testid="regression-qt">{t.qtValue(formatNumber(qt))}</p>
          {fit.ok && <p class="viz-help" data-testid="regression-best-qt">{t.bestQt(formatNumber(fit.qt))}</p>}
          <LineControls a={state.a} b={state.b} onA={(a) => { dispatch({ type: 'set-a', a }); }} onB={(b) => { dispatch({ type: 'set-b', b }); }} />
          <NumericField id="regression-lr" label={t.lr} value={state.lr} {...LR_RANGE} help={t.lrHelp(limit === undefined ? undefined : formatNumber(Number(limit.toPrecision(3))))} onChange={(lr) => { dispatch({ type: 'set-lr', lr }); }} testId="regression-lr" />
          <div class="viz-buttons regression__buttons">
            <button type="button" onClick={() => { dispatch({ type: 'best-fit' }); }}>{t.bestFit}</button>
            {state.learning ? (
              <button type="button" onClick={() => { dispatch({ type: 'stop' }); }}>{t.stop}</button>
            ) : (
              <button type="button" disabled={learning.busy || state.points.length === 0} onClick={() => { dispatch({ type: 'learn' }); }}>{t.learn}</button>
            )}
            <button type="button" onClick={() => { dispatch({ type: 'reset' }); }}>{t.reset}</button>
          </div>
          <Outcome outcome={state.outcome} learning={state.learning} maxPoints={MAX_POINTS} error={learning.backend?.error} />
        </div>
      </div>
      <div class="regression__main">
        <PointTable points={state.points} a={state.a} b={state.b} qt={qt} onAdd={() => { dispatch({ type: 'add-free' }); }} onRemove={(index) => { dispatch({ type: 'remove', index }); }} />
        {lossPoints.length > 1 && (
          <div class="regression__chart">
            <LineChart title={t.lossTitle} series={[{ name: t.lossSeries, points: lossPoints, className: 'series-train' }]} xMax={lossPoints.length - 1} yMin={0} yMax={lossMax} xLabel={t.stepsAxis} />
          </div>
        )}
      </div>
    </DemoFrame>
  );
}
