import { useMemo } from 'preact/hooks';
import { LineChart, type Series } from '../viz/LineChart.tsx';
import { HistoryTable } from './HistoryTable.tsx';
import { formatDuration } from '../../lib/training/progress.ts';
import type { ChartView, ProgressView, RemainingView } from '../../lib/training/run-view.ts';
import type { EpochStats } from '../../lib/training/train-loop.ts';
import { formatInt } from '../../lib/format.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.training;

function Remaining({ view }: { view: RemainingView }) {
  return (
    <>
      <span data-testid="remaining">{view.kind === 'estimate' ? t.remaining(formatDuration(view.remaining)) : view.kind === 'measuring' ? t.estimating : ''}</span>{' '}
      {view.kind === 'estimate' && <span>{t.totalEstimate(formatDuration(view.total))}</span>}
    </>
  );
}

/** One chart: the smoothed per-batch curve and the per-epoch validation dots. */
function Chart({ title, view }: { title: string; view: ChartView }) {
  const series = useMemo<readonly Series[]>(
    () => [
      { name: t.trainSeries, className: 'series-train', points: view.train },
      { name: t.valSeries, className: 'series-val', dots: true, points: view.validation },
    ],
    [view.train, view.validation],
  );
  return <LineChart title={title} xLabel={t.epochAxis} xMax={view.xMax} yMin={0} yMax={view.yMax} series={series} />;
}

export interface ProgressPanelProps {
  readonly progress: ProgressView;
  readonly charts: { readonly loss: ChartView; readonly accuracy: ChartView };
  readonly history: readonly EpochStats[];
}

/** Where the run is: bars, pace and times, the loss and accuracy curves, the epochs' table. */
export function ProgressPanel({ progress: p, charts, history }: ProgressPanelProps) {
  return (
    <div class="training__progress">
      <label class="progress-row">
        <span>{t.batchText(formatInt(p.batch), formatInt(p.batches))}</span>
        <progress max={p.batches} value={p.batch} aria-label={t.batchProgress} data-testid="batch-progress" />
      </label>
      <label class="progress-row">
        <span>{t.epochText(p.epochShown, p.totalEpochs)}</span>
        <progress max={p.totalEpochs} value={p.epochsDone} aria-label={t.epochProgress} data-testid="epoch-progress" />
      </label>
      <p class="training__numbers">
        <span>{t.speed(p.imagesPerSecond.toFixed(1))}</span> <span>{t.elapsed(formatDuration(p.elapsed))}</span>{' '}
        <span data-testid="adam-steps">{t.steps(formatInt(p.step))}</span> <Remaining view={p.remaining} />
      </p>
      <div class="training__charts">
        <Chart title={t.lossChart} view={charts.loss} />
        <Chart title={t.accChart} view={charts.accuracy} />
      </div>
      {history.length > 0 && <HistoryTable history={history} />}
    </div>
  );
}
