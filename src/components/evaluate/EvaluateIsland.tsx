import { useEffect, useRef, useState } from 'preact/hooks';
import type { BackendReport } from '../../lib/tf-runtime.ts';
import type { Checkpoint } from '../../lib/training/checkpoint.ts';
import type { EvaluationResult, FailureKind, FromWorker, Misclassified, ModelSource } from '../../lib/training/protocol.ts';
import { findLearnerModel } from '../../lib/storage/learner-model.ts';
import { onWorker, resetWorker, send, wakeWorker } from '../training/worker-client.ts';
import { BackendBadge } from '../BackendBadge.tsx';
import { DigitCanvas } from '../mnist/DigitCanvas.tsx';
import { formatBytes } from '../../lib/mnist/explorer.ts';
import { formatInt } from '../../lib/format.ts';
import { MNIST } from '../../lib/mnist-spec.ts';
import {
  EVAL_COUNTS,
  cellShade,
  correctCount,
  countValue,
  describeFailure,
  formatLoss,
  formatPercent,
  formatSavedAt,
  formatSeconds,
  imagesFor,
  misclassifiedIn,
  parseCount,
  parseTrainingRecord,
  progressPercent,
  rowTotals,
  topConfusions,
  type Cell,
  type EvalCount,
  type StoredModelInfo,
  type TrainingRecord,
} from '../../lib/evaluation.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.evaluate;
const PRETRAINED = `${import.meta.env.BASE_URL}models/pretrained/`;
/** Misclassified images shown at once. */
const GALLERY_SHOWN = 24;
const TOP_CONFUSIONS = 5;

type Choice = 'learner' | 'pretrained';

type Learner =
  | { readonly phase: 'checking' }
  | { readonly phase: 'none' }
  | { readonly phase: 'found'; readonly checkpoint: Checkpoint; readonly info: StoredModelInfo };

type Pretrained = { readonly phase: 'loading' } | { readonly phase: 'ready'; readonly record: TrainingRecord } | { readonly phase: 'unavailable' };

type Run =
  | { readonly phase: 'idle' }
  | {
      readonly phase: 'running';
      readonly data?: { readonly loaded: number; readonly total: number };
      readonly evaluated?: { readonly done: number; readonly total: number };
    }
  /** `settled` once the worker has reported its tensor count after the evaluation. */
  | { readonly phase: 'done'; readonly result: EvaluationResult; readonly settled: boolean }
  | { readonly phase: 'error'; readonly kind: FailureKind; readonly message: string; readonly source: ModelSource['kind'] };

/** The learner's model, by the course's one rule (src/lib/storage/learner-model.ts). */
async function findLearner(): Promise<Learner> {
  const m = await findLearnerModel();
  return m ? { phase: 'found', ...m } : { phase: 'none' };
}

async function fetchRecord(): Promise<Pretrained> {
  try {
    const res = await fetch(`${PRETRAINED}training-record.json`);
    if (!res.ok) return { phase: 'unavailable' };
    const record = parseTrainingRecord(await res.json());
    return record ? { phase: 'ready', record } : { phase: 'unavailable' };
  } catch {
    return { phase: 'unavailable' };
  }
}

/** Lesson 3-11: model.evaluate on the test images, with the confusion matrix and the mistakes. */
export default function EvaluateIsland() {
  const [hydrated, setHydrated] = useState(false);
  const [learner, setLearner] = useState<Learner>({ phase: 'checking' });
  const [pretrained, setPretrained] = useState<Pretrained>({ phase: 'loading' });
  const [choice, setChoice] = useState<Choice | null>(null);
  const [count, setCount] = useState<EvalCount>(null);
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  const [report, setReport] = useState<BackendReport>();
  const [tensors, setTensors] = useState<number>();
  const [runs, setRuns] = useState(0);
  const [cell, setCell] = useState<Cell | null>(null);
  /** Whether the worker is evaluating for this island now. */
  const active = useRef(false);
  const ready = useRef(false);
  /** The evaluate message waiting for the worker's 'ready' (a fresh worker ignores work before it). */
  const pending = useRef<(() => void) | undefined>(undefined);
  /** After a lost device or a failed start, the next run starts a fresh worker. */
  const needsReset = useRef(false);
  const sourceKind = useRef<ModelSource['kind']>('url');

  useEffect(() => {
    setHydrated(true);
    let live = true;
    void findLearner().then((l) => {
      if (!live) return;
      setLearner(l);
      setChoice((c) => c ?? (l.phase === 'found' ? 'learner' : 'pretrained'));
    });
    void fetchRecord().then((p) => {
      if (live) setPretrained(p);
    });
    const unsubscribe = onWorker((m: FromWorker) => {
      switch (m.type) {
        case 'ready':
          ready.current = true;
          setReport(m.report);
          pending.current?.();
          return;
        case 'tensors':
          setTensors(m.count);
          setRun((r) => (r.phase === 'done' && !r.settled ? { ...r, settled: true } : r));
          return;
        case 'data-progress':
          if (active.current) setRun((r) => (r.phase === 'running' ? { ...r, data: { loaded: m.loaded, total: m.total } } : r));
          return;
        case 'eval-progress':
          if (active.current) setRun((r) => (r.phase === 'running' ? { ...r, evaluated: { done: m.done, total: m.total } } : r));
          return;
        case 'eval-done':
          if (!active.current) return;
          active.current = false;
          setCell(null);
          setRuns((n) => n + 1);
          setRun({ phase: 'done', result: m.result, settled: false });
          return;
        case 'failed':
          if (m.kind === 'device-lost' || m.kind === 'backend') {
            needsReset.current = true;
            ready.current = false;
          }
          if (!active.current) return;
          active.current = false;
          pending.current = undefined;
          setRun({ phase: 'error', kind: m.kind, message: m.message, source: sourceKind.current });
          return;
        default:
          return;
      }
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  const available = choice === 'learner' ? learner.phase === 'found' : choice === 'pretrained' && pretrained.phase !== 'unavailable';

  /** What to evaluate; built on click (it needs the page's location). */
  const source = (): ModelSource | null => {
    if (!available) return null;
    if (choice === 'learner') return learner.phase === 'found' ? { kind: 'checkpoint', checkpoint: learner.checkpoint } : null;
    return { kind: 'url', url: new URL(`${PRETRAINED}model.json`, location.href).href };
  };

  const start = () => {
    const s = source();
    if (!s || active.current) return;
    active.current = true;
    sourceKind.current = s.kind;
    setRun({ phase: 'running' });
    const go = () => {
      pending.current = undefined;
      send({ type: 'evaluate', source: s, count, gallery: imagesFor(count) });
    };
    if (needsReset.current) {
      needsReset.current = false;
      ready.current = false;
      setReport(undefined);
      resetWorker();
    }
    if (ready.current) go();
    else {
      pending.current = go;
      wakeWorker();
    }
  };

  const running = run.phase === 'running';
  const canRun = hydrated && !running && available;
  const state = run.phase === 'done' ? (run.settled ? 'done' : 'finishing') : run.phase;

  return (
    <section class="demo evaluate" aria-labelledby="evaluate-title" data-state={state} data-runs={runs} data-tensors={tensors}>
      <p class="demo__title" id="evaluate-title">{t.title}</p>
      <p>{t.intro}</p>
      <div class="evaluate__controls">
        <fieldset disabled={running}>
          <legend>{t.modelLegend}</legend>
          <div class="evaluate__option">
            <label>
              <input type="radio" name="evaluate-model" value="learner" checked={choice === 'learner'} disabled={learner.phase !== 'found'} aria-describedby="evaluate-learner-info" onChange={() => { setChoice('learner'); }} />
              {t.learner}
            </label>
            <p class="evaluate__info" id="evaluate-learner-info">
              <LearnerInfo learner={learner} />
            </p>
          </div>
          <div class="evaluate__option">
            <label>
              <input type="radio" name="evaluate-model" value="pretrained" checked={choice === 'pretrained'} disabled={pretrained.phase === 'unavailable'} aria-describedby="evaluate-pretrained-info" onChange={() => { setChoice('pretrained'); }} />
              {t.pretrained}
            </label>
            <p class="evaluate__info" id="evaluate-pretrained-info" data-testid="pretrained-info">
              {pretrained.phase === 'loading' ? t.pretrainedLoading : pretrained.phase === 'ready' ? t.pretrainedInfo(pretrained.record.epochs, formatPercent(pretrained.record.testAccuracy)) : t.pretrainedUnavailable}
            </p>
          </div>
        </fieldset>
        <label class="evaluate__count">
          {t.countLabel}{' '}
          <select value={countValue(count)} disabled={running} onChange={(e) => { setCount(parseCount(e.currentTarget.value)); }}>
            {EVAL_COUNTS.map((c) => (
              <option key={countValue(c)} value={countValue(c)}>
                {c === null ? t.countAll(formatInt(imagesFor(c))) : t.countQuick(formatInt(c))}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="button--primary" disabled={!canRun} onClick={start}>
          {t.run}
        </button>
      </div>

      {(report !== undefined || running) && <BackendBadge report={report} />}
      {run.phase === 'running' && <Progress run={run} />}
      {run.phase === 'error' && (
        <div class="error evaluate__error" role="alert">
          <p>{t.errors[describeFailure(run.kind, run.message, run.source)]}</p>
          <p class="evaluate__detail">{t.errorDetail(run.message)}</p>
          <button type="button" onClick={start} disabled={!canRun}>
            {t.retry}
          </button>
        </div>
      )}
      {run.phase === 'done' && <Results result={run.result} cell={cell} onCell={setCell} />}
    </section>
  );
}

function LearnerInfo({ learner }: { learner: Learner }) {
  if (learner.phase === 'checking') return <>{t.learnerChecking}</>;
  if (learner.phase === 'none') {
    return (
      <>
        {t.learnerNoneBefore}
        <a href="../training/">{t.learnerNoneLink}</a>
        {t.learnerNoneAfter}
      </>
    );
  }
  const { info } = learner;
  const acc = formatPercent(info.valAccuracy);
  const saved = formatSavedAt(info.savedAt);
  return <>{info.finished ? t.learnerFinished(info.epochs, acc, saved) : t.learnerPartial(info.epochs, info.planned, acc, saved)}</>;
}

function Progress({ run }: { run: Extract<Run, { phase: 'running' }> }) {
  const { data, evaluated } = run;
  const downloading = data !== undefined && evaluated === undefined && data.loaded < data.total;
  return (
    <div class="evaluate__progress">
      {evaluated ? (
        <>
          <progress max={evaluated.total} value={evaluated.done} aria-label={t.progressLabel} />
          <p aria-live="polite">{t.progress(formatInt(evaluated.done), formatInt(evaluated.total), progressPercent(evaluated.done, evaluated.total))}</p>
        </>
      ) : downloading ? (
        <>
          <progress max={data.total} value={data.loaded} aria-label={t.dataProgressLabel} />
          <p aria-live="polite">{t.dataProgress(formatBytes(data.loaded), formatBytes(data.total), progressPercent(data.loaded, data.total))}</p>
        </>
      ) : (
        <>
          <progress aria-label={t.progressLabel} />
          <p aria-live="polite">{t.preparing}</p>
        </>
      )}
    </div>
  );
}

function Results({ result, cell, onCell }: { result: EvaluationResult; cell: Cell | null; onCell: (c: Cell | null) => void }) {
  const totals = rowTotals(result.confusion);
  const wrong = result.count - correctCount(result.confusion);
  const top = topConfusions(result.confusion, TOP_CONFUSIONS);
  return (
    <div class="evaluate__results" aria-labelledby="evaluate-results-title">
      <h3 id="evaluate-results-title">{t.resultsTitle}</h3>
      <p class="evaluate__summary">{t.summary(formatInt(result.count), formatSeconds(result.seconds))}</p>
      <dl class="evaluate__scores">
        <div>
          <dt>{t.loss}</dt>
          <dd data-testid="test-loss">{formatLoss(result.loss)}</dd>
        </div>
        <div>
          <dt>{t.accuracy}</dt>
          <dd data-testid="test-accuracy">{formatPercent(result.accuracy)}</dd>
        </div>
      </dl>
      <p class="evaluate__explain">{t.explain}</p>

      <h3>{t.matrixTitle}</h3>
      <p class="evaluate__hint">{t.matrixHint}</p>
      <div class="evaluate__matrix" role="region" aria-label={t.matrixRegion} tabIndex={0}>
        <table>
          <caption>{t.matrixCaption(formatInt(result.count))}</caption>
          <thead>
            <tr>
              <th scope="col">{t.matrixCorner}</th>
              {result.confusion.map((_, p) => (
                <th scope="col" key={p}>
                  {p}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.confusion.map((row, label) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {row.map((n, predicted) => {
                  const shade = cellShade(n, totals[label] ?? 0);
                  const selected = cell !== null && cell.label === label && cell.predicted === predicted;
                  return (
                    <td
                      key={predicted}
                      data-testid="confusion-cell"
                      class={label === predicted ? 'evaluate__cell evaluate__cell--diagonal' : 'evaluate__cell'}
                      style={shade > 0 ? { background: `color-mix(in srgb, var(--accent) ${shade}%, var(--bg))` } : undefined}
                    >
                      {label !== predicted && n > 0 ? (
                        <button type="button" class="evaluate__cell-button" aria-pressed={selected} aria-label={t.cellButton(label, predicted, formatInt(n))} onClick={() => { onCell(selected ? null : { label, predicted }); }}>
                          {n}
                        </button>
                      ) : (
                        n
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div class="evaluate__lists">
        <div>
          <h3>{t.perClassTitle}</h3>
          <ul class="evaluate__per-class">
            {result.perClass.map((acc, digit) => {
              const total = totals[digit] ?? 0;
              return (
                <li key={digit} data-testid="per-class">
                  <span class="evaluate__bar" aria-hidden="true">
                    <span style={{ width: Number.isFinite(acc) ? `${(acc * 100).toFixed(1)}%` : '0' }} />
                  </span>
                  {total === 0 ? t.perClassNone(digit) : t.perClassItem(digit, formatPercent(acc, 1), formatInt(result.confusion[digit]?.[digit] ?? 0), formatInt(total))}
                </li>
              );
            })}
          </ul>
        </div>
        <div>
          <h3>{t.topTitle}</h3>
          {top.length === 0 ? (
            <p>{t.topNone}</p>
          ) : (
            <ol class="evaluate__top">
              {top.map((c) => (
                <li key={`${c.label}-${c.predicted}`} data-testid="top-confusion">
                  {t.topItem(c.label, c.predicted, formatInt(c.count))}
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>

      <Gallery items={result.misclassified} wrong={wrong} cell={cell} onAll={() => { onCell(null); }} />
    </div>
  );
}

function Gallery({ items, wrong, cell, onAll }: { items: readonly Misclassified[]; wrong: number; cell: Cell | null; onAll: () => void }) {
  const matching = misclassifiedIn(items, cell);
  const shown = matching.slice(0, GALLERY_SHOWN);
  const total = cell === null ? Math.max(wrong, items.length) : matching.length;
  return (
    <div class="evaluate__gallery">
      <h3>{t.galleryTitle}</h3>
      {total === 0 ? (
        <p>{t.galleryNone}</p>
      ) : (
        <p aria-live="polite">
          {cell === null ? t.galleryAll(formatInt(shown.length), formatInt(total)) : t.galleryCell(cell.label, cell.predicted, formatInt(shown.length), formatInt(total))}
          {cell !== null && (
            <>
              {' '}
              <button type="button" onClick={onAll}>
                {t.galleryShowAll}
              </button>
            </>
          )}
        </p>
      )}
      <ul class="evaluate__thumbs">
        {shown.map((m) => {
          const p = formatPercent(m.confidence, 1);
          return (
            <li key={m.index} class="evaluate__thumb" data-testid="gallery-item" data-label={m.label} data-predicted={m.predicted}>
              <DigitCanvas pixels={m.pixels} rows={MNIST.rows} cols={MNIST.cols} size={56} label={t.imageAlt(formatInt(m.index), m.label, m.predicted, p)} />
              <span class="evaluate__thumb-text" aria-hidden="true">
                {t.trueLabel} <b>{m.label}</b> / {t.predictedLabel} <b>{m.predicted}</b>
                <br />
                {t.confidence(p)}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
