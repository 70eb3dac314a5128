import { useEffect, useRef, useState } from 'preact/hooks';
import { onWorker, resetWorker, send, wakeWorker } from './worker-client.ts';
import { LineChart } from './LineChart.tsx';
import { BackendBadge } from '../BackendBadge.tsx';
import { deleteCheckpoint, loadCheckpoint, saveCheckpoint } from '../../lib/storage/checkpoint-store.ts';
import { DECK_FIT, batching, validationSplit } from '../../lib/training-plan.ts';
import { formatDuration, isDeckConfig, remainingSeconds, smooth } from '../../lib/training/progress.ts';
import { formatBytes } from '../../lib/mnist/explorer.ts';
import { formatInt } from '../../lib/format.ts';
import { MNIST } from '../../lib/mnist-spec.ts';
import type { BackendReport } from '../../lib/tf-runtime.ts';
import type { Checkpoint, RunConfig } from '../../lib/training/checkpoint.ts';
import type { EpochStats } from '../../lib/training/train-loop.ts';
import type { FailureKind, FromWorker } from '../../lib/training/protocol.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.training;
const SUBSETS: readonly (number | null)[] = [null, 10_000, 2_000, 300];
const CPU_SUBSET = { limit: 2_000, epochs: 3 };
const SEED = 42;

type Phase = 'setup' | 'starting' | 'running' | 'pausing' | 'paused' | 'stepping' | 'stopping' | 'done' | 'stopped' | 'failed';

interface Run {
  readonly config: RunConfig;
  readonly trainCount: number;
  readonly batches: number;
}

/** The deck's full training, in the page: configure, start, watch, pause, resume, stop. */
export default function TrainingIsland() {
  const [hydrated, setHydrated] = useState(false);
  const [phase, setPhase] = useState<Phase>('setup');
  const [epochs, setEpochs] = useState<number>(DECK_FIT.epochs);
  const [limit, setLimit] = useState<number | null>(null);
  const [report, setReport] = useState<BackendReport>();
  const [run, setRun] = useState<Run>();
  const [pos, setPos] = useState({ epoch: 0, batch: 0 });
  const [speed, setSpeed] = useState(0);
  const [history, setHistory] = useState<readonly EpochStats[]>([]);
  const [batchLoss, setBatchLoss] = useState<readonly [number, number][]>([]);
  const [batchAcc, setBatchAcc] = useState<readonly [number, number][]>([]);
  const [validating, setValidating] = useState<number>();
  const [pausedAt, setPausedAt] = useState<{ epoch: number; batch: number }>();
  const [failure, setFailure] = useState<{ kind: FailureKind; message: string }>();
  const [saveError, setSaveError] = useState<string>();
  const [resumable, setResumable] = useState<Checkpoint | null>(null);
  const [notice, setNotice] = useState<string>();
  const [dataProgress, setDataProgress] = useState<{ loaded: number; total: number }>();
  const [tensors, setTensors] = useState<number>();
  const [clock, setClock] = useState({ started: 0, now: 0, steps: 0 });
  /** The worker's own counters: Adam's step count, the last batch's duration, the starting weights' sum. */
  const [worker, setWorker] = useState<{ step: number; batchMs?: number; weightsSum?: number }>({ step: 0 });
  const runRef = useRef<Run>();
  runRef.current = run;

  useEffect(() => {
    setHydrated(true);
    loadCheckpoint('run')
      .then((c) => {
        if (c && c.completedEpochs < c.config.epochs) setResumable(c);
      })
      .catch(() => undefined);
    const off = onWorker((m) => {
      handle(m);
    });
    return off;
    // handle only uses setters and refs
  }, []);

  useEffect(() => {
    if (phase !== 'running' && phase !== 'pausing' && phase !== 'stepping') return undefined;
    const id = setInterval(() => {
      setClock((c) => ({ ...c, now: performance.now() }));
    }, 1000);
    return () => {
      clearInterval(id);
    };
  }, [phase]);

  function handle(m: FromWorker) {
    switch (m.type) {
      case 'ready':
        setReport(m.report);
        return;
      case 'data-progress':
        setDataProgress({ loaded: m.loaded, total: m.total });
        return;
      case 'run-start': {
        const batches = batching(m.trainCount, m.config.batchSize).batches;
        setRun({ config: m.config, trainCount: m.trainCount, batches });
        setHistory(m.history);
        setPos({ epoch: m.startEpoch, batch: 0 });
        setWorker({ step: m.step, weightsSum: m.weightsSum });
        // A pause asked for while the data loaded holds before the first batch.
        setPhase((p) => (p === 'pausing' ? 'pausing' : 'running'));
        setClock({ started: performance.now(), now: performance.now(), steps: 0 });
        return;
      }
      case 'batch': {
        const r = runRef.current;
        const x = m.epoch + m.batch / m.batches;
        setPos({ epoch: m.epoch, batch: m.batch });
        setWorker((w) => ({ ...w, step: m.step, batchMs: m.ms }));
        setSpeed(m.imagesPerSecond);
        setBatchLoss((a) => [...a, [x, m.loss]]);
        setBatchAcc((a) => [...a, [x, m.accuracy]]);
        setClock((c) => ({ ...c, now: performance.now(), steps: c.steps + 1 }));
        setValidating(undefined);
        if (r && m.batch === r.batches) setPos({ epoch: m.epoch, batch: m.batch });
        return;
      }
      case 'validating':
        setValidating(m.epoch);
        return;
      case 'epoch':
        setValidating(undefined);
        setHistory((h) => [...h, m.stats]);
        saveCheckpoint('run', m.checkpoint)
          .then(() => {
            setSaveError(undefined);
          })
          .catch((e: unknown) => {
            setSaveError(e instanceof Error ? e.message : String(e));
          });
        return;
      case 'paused':
        setPausedAt({ epoch: m.epoch, batch: m.batch });
        setWorker((w) => ({ ...w, step: m.step }));
        setPhase('paused');
        return;
      case 'resumed':
        setPhase(m.step ? 'stepping' : 'running');
        return;
      case 'stopped':
        setPhase('stopped');
        return;
      case 'done':
        setPhase('done');
        saveCheckpoint('trained', m.checkpoint)
          .then(() => deleteCheckpoint('run'))
          .catch((e: unknown) => {
            setSaveError(e instanceof Error ? e.message : String(e));
          });
        return;
      case 'failed':
        setFailure({ kind: m.kind, message: m.message });
        setPhase('failed');
        if (m.kind === 'device-lost' || m.kind === 'backend') resetWorker();
        return;
      case 'tensors':
        setTensors(m.count);
        return;
      case 'eval-progress':
      case 'eval-done':
        return;
    }
  }

  const start = (resume: Checkpoint | null) => {
    const config: RunConfig = resume?.config ?? { batchSize: DECK_FIT.batchSize, epochs, validationSplit: DECK_FIT.validationSplit, seed: SEED, trainLimit: limit };
    setFailure(undefined);
    setNotice(undefined);
    setHistory(resume?.history ?? []);
    setBatchLoss([]);
    setBatchAcc([]);
    setPos({ epoch: resume?.completedEpochs ?? 0, batch: 0 });
    setRun(undefined);
    setDataProgress(undefined);
    setPhase('starting');
    setResumable(null);
    send({ type: 'train', config, resume });
  };
  const discard = () => {
    deleteCheckpoint('run')
      .then(() => {
        setResumable(null);
        setNotice(t.discarded);
      })
      .catch((e: unknown) => {
        setSaveError(e instanceof Error ? e.message : String(e));
      });
  };
  const switchToCpuSubset = () => {
    setLimit(CPU_SUBSET.limit);
    setEpochs(CPU_SUBSET.epochs);
  };

  useEffect(() => {
    if (hydrated) wakeWorker();
  }, [hydrated]);

  const active = phase === 'starting' || phase === 'running' || phase === 'pausing' || phase === 'paused' || phase === 'stepping' || phase === 'stopping';
  const planned = validationSplit(limit ?? MNIST.trainCount, DECK_FIT.validationSplit);
  const deck = isDeckConfig({ epochs, trainLimit: limit, batchSize: DECK_FIT.batchSize, validationSplit: DECK_FIT.validationSplit });
  const cfg = run?.config;
  const batches = run?.batches ?? batching(planned.train, DECK_FIT.batchSize).batches;
  const totalEpochs = cfg?.epochs ?? epochs;
  const elapsed = (clock.now - clock.started) / 1000;
  const remaining = run ? remainingSeconds({ epochs: totalEpochs, batchesPerEpoch: batches, epoch: pos.epoch, batch: pos.batch }, { steps: clock.steps, seconds: elapsed }) : undefined;
  const fullEstimate = remaining !== undefined && clock.steps > 0 ? ((batching(validationSplit(MNIST.trainCount, 0.1).train, 128).batches * DECK_FIT.epochs) * elapsed) / clock.steps : undefined;
  const epochsDone = history.length;
  const lossMax = Math.max(0.5, ...batchLoss.map(([, v]) => v), ...history.map((h) => h.valLoss));

  return (
    <section
      class="demo training"
      aria-labelledby="training-title"
      data-phase={phase}
      data-tensors={tensors}
      data-step={worker.step}
      data-batch-ms={worker.batchMs?.toFixed(0)}
      data-weights-sum={worker.weightsSum}
    >
      <p class="demo__title" id="training-title">{t.title}</p>
      <BackendBadge report={report} error={failure?.kind === 'backend' ? failure.message : undefined} />
      {report?.backend === 'cpu' && (
        <div class="callout callout--erratum" role="note">
          <p>{t.cpuWarning(fullEstimate !== undefined ? formatDuration(fullEstimate) : undefined)}</p>
          {!active && (
            <button type="button" onClick={switchToCpuSubset}>
              {t.cpuSwitch(formatInt(CPU_SUBSET.limit), CPU_SUBSET.epochs)}
            </button>
          )}
        </div>
      )}

      {resumable && !active && (
        <div class="resume" role="region" aria-label={t.resumeTitle}>
          <p class="resume__title">{t.resumeTitle}</p>
          <p>{t.resumeText(resumable.completedEpochs, resumable.config.epochs, new Date(resumable.savedAt).toLocaleString('ja-JP'))}</p>
          <button type="button" class="button--primary" onClick={() => { start(resumable); }}>
            {t.resumeButton}
          </button>{' '}
          <button type="button" onClick={discard}>
            {t.discardButton}
          </button>
        </div>
      )}
      {notice && <p role="status">{notice}</p>}

      {!active && (
        <form
          class="training__setup"
          onSubmit={(e) => {
            e.preventDefault();
            start(null);
          }}
        >
          <p class={deck ? 'training__deck' : 'training__deviation'} data-testid="config-kind">
            <strong>{deck ? t.deck : t.deviation}</strong>: {t.deckDetail(epochs, formatInt(planned.train), formatInt(planned.validation), DECK_FIT.batchSize)}
          </p>
          <label>
            {t.epochsLabel}{' '}
            <select value={String(epochs)} onChange={(e) => { setEpochs(Number(e.currentTarget.value)); }}>
              {Array.from({ length: DECK_FIT.epochs }, (_, i) => i + 1).map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t.subsetLabel}{' '}
            <select value={limit === null ? '' : String(limit)} onChange={(e) => { setLimit(e.currentTarget.value === '' ? null : Number(e.currentTarget.value)); }}>
              {SUBSETS.map((n) => (
                <option key={String(n)} value={n === null ? '' : String(n)}>
                  {n === null ? t.subsetAll(formatInt(MNIST.trainCount)) : t.subsetN(formatInt(n))}
                </option>
              ))}
            </select>
          </label>
          <p class="training__split">{t.splitNote(formatInt(planned.train), formatInt(planned.validation))}</p>
          <p class="training__note">{t.replaceNote}</p>
          <button type="submit" class="button--primary" disabled={!hydrated}>
            {resumable ? t.startOver : t.start}
          </button>
        </form>
      )}

      {active && (
        <div class="training__controls">
          {phase === 'paused' ? (
            <>
              <button type="button" class="button--primary" onClick={() => { send({ type: 'resume' }); }}>
                {t.resume}
              </button>{' '}
              <button type="button" onClick={() => { setPhase('stepping'); send({ type: 'step' }); }}>
                {t.stepButton}
              </button>
            </>
          ) : (
            <button type="button" disabled={phase !== 'running' && phase !== 'starting'} onClick={() => { setPhase('pausing'); send({ type: 'pause' }); }}>
              {t.pause}
            </button>
          )}{' '}
          <button type="button" disabled={phase === 'stopping'} onClick={() => { setPhase('stopping'); send({ type: 'stop' }); }}>
            {t.stop}
          </button>
        </div>
      )}

      <p class="training__status" role="status" data-testid="training-status">
        {phase === 'starting' && t.preparing}
        {phase === 'running' && (validating !== undefined ? t.validating(validating + 1) : t.running)}
        {phase === 'pausing' && t.pausing}
        {phase === 'paused' && pausedAt && t.paused(pausedAt.epoch + 1, pausedAt.batch)}
        {phase === 'stepping' && t.stepping}
        {phase === 'stopping' && t.stopping}
        {phase === 'done' && t.done(epochsDone)}
        {phase === 'stopped' && t.stopped(epochsDone)}
      </p>
      {(phase === 'starting' || (phase === 'pausing' && !run)) && dataProgress && dataProgress.total > 0 && dataProgress.loaded < dataProgress.total && (
        <div class="download">
          <progress max={dataProgress.total} value={dataProgress.loaded} aria-label={strings.data.progressLabel} />
          <p class="download__text">
            {strings.data.progress(formatBytes(dataProgress.loaded), formatBytes(dataProgress.total), Math.floor((dataProgress.loaded / dataProgress.total) * 100))}
          </p>
        </div>
      )}
      {failure && (
        <div role="alert" class="error">
          <p>{t.failed[failure.kind]}</p>
          <p class="download__detail">{t.detail(failure.message)}</p>
        </div>
      )}
      {saveError && (
        <p role="alert" class="error">
          {t.saveFailed(saveError)}
        </p>
      )}

      {(run || history.length > 0) && (
        <div class="training__progress">
          <label class="progress-row">
            <span>{t.batchText(formatInt(pos.batch), formatInt(batches))}</span>
            <progress max={batches} value={pos.batch} aria-label={t.batchProgress} data-testid="batch-progress" />
          </label>
          <label class="progress-row">
            <span>{t.epochText(Math.min(epochsDone + (active && pos.batch > 0 && pos.batch < batches ? 1 : 0), totalEpochs), totalEpochs)}</span>
            <progress max={totalEpochs} value={epochsDone} aria-label={t.epochProgress} data-testid="epoch-progress" />
          </label>
          <p class="training__numbers">
            <span>{t.speed(speed.toFixed(1))}</span> <span>{t.elapsed(formatDuration(elapsed))}</span>{' '}
            <span data-testid="adam-steps">{t.steps(formatInt(worker.step))}</span>{' '}
            <span data-testid="remaining">{remaining === undefined ? (active ? t.estimating : '') : t.remaining(formatDuration(remaining))}</span>{' '}
            {remaining !== undefined && <span>{t.totalEstimate(formatDuration(elapsed + remaining))}</span>}
          </p>
          <div class="training__charts">
            <LineChart
              title={t.lossChart}
              xLabel={t.epochAxis}
              xMax={totalEpochs}
              yMin={0}
              yMax={Math.min(lossMax, 3)}
              series={[
                { name: t.trainSeries, className: 'series-train', points: smoothPoints(batchLoss) },
                { name: t.valSeries, className: 'series-val', dots: true, points: history.map((h) => [h.epoch + 1, h.valLoss] as const) },
              ]}
            />
            <LineChart
              title={t.accChart}
              xLabel={t.epochAxis}
              xMax={totalEpochs}
              yMin={0}
              yMax={1}
              series={[
                { name: t.trainSeries, className: 'series-train', points: smoothPoints(batchAcc) },
                { name: t.valSeries, className: 'series-val', dots: true, points: history.map((h) => [h.epoch + 1, h.valAccuracy] as const) },
              ]}
            />
          </div>
          {history.length > 0 && (
            <table class="training__history">
              <caption>{t.historyCaption}</caption>
              <thead>
                <tr>
                  {t.historyHead.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.epoch} data-testid="history-row">
                    <th scope="row">{h.epoch + 1}</th>
                    <td>{h.loss.toFixed(4)}</td>
                    <td>{h.accuracy.toFixed(4)}</td>
                    <td>{h.valLoss.toFixed(4)}</td>
                    <td>{h.valAccuracy.toFixed(4)}</td>
                    <td>{formatDuration(h.seconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

function smoothPoints(points: readonly (readonly [number, number])[]): [number, number][] {
  const ys = smooth(points.map(([, y]) => y), 0.8);
  return points.map(([x], i) => [x, ys[i] ?? 0]);
}
