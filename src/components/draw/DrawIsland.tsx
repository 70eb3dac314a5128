import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BackendReport } from '../../lib/tf-runtime.ts';
import type { Checkpoint } from '../../lib/training/checkpoint.ts';
import { findLearnerModel } from '../../lib/storage/learner-model.ts';
import type { StoredModelInfo } from '../../lib/evaluation.ts';
import { FRAME, prepareDigit, type Prepared } from '../../lib/draw/preprocess.ts';
import { StrokeModel, clearGrid, emptyGrid, gridInk, gridIsEmpty, undoGrid, type GridState } from '../../lib/draw/strokes.ts';
import { CONV1_SHAPE, CONV2_SHAPE, type DrawModelSource, type FromDrawWorker, type ModelErrorCode, type ModelKind } from '../../lib/draw/protocol.ts';
import { formatInt, formatShape } from '../../lib/format.ts';
import { BackendBadge } from '../BackendBadge.tsx';
import { DrawCanvas, type EditPhase } from './DrawCanvas.tsx';
import { GridPad } from './GridPad.tsx';
import { PixelCanvas } from './PixelCanvas.tsx';
import { greyRgba, sheetRgba } from './sheet.ts';
import { startDrawWorker, type DrawWorker } from './draw-client.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.draw;
const PRETRAINED = `${import.meta.env.BASE_URL}models/pretrained/`;
/** At most one prediction per this many milliseconds while drawing. */
const THROTTLE_MS = 150;
const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

type Mode = 'pen' | 'grid';

interface TrainingRecord {
  readonly epochs: number;
  readonly train: number;
  readonly testAccuracy: number;
}

type RecordState = { readonly phase: 'loading' } | { readonly phase: 'ready'; readonly record: TrainingRecord } | { readonly phase: 'unavailable' };

type LearnerState =
  | { readonly phase: 'checking' }
  | { readonly phase: 'none' }
  | { readonly phase: 'found'; readonly checkpoint: Checkpoint; readonly info: StoredModelInfo };

interface ImportedFiles {
  readonly modelJson: ArrayBuffer;
  readonly weights: ArrayBuffer;
  readonly names: string;
}

interface Prediction {
  readonly probabilities: readonly number[];
  readonly conv1: Float32Array;
  readonly conv2: Float32Array;
}

type Notice =
  | { readonly kind: 'refused'; readonly model: ModelKind; readonly code: ModelErrorCode | 'files'; readonly detail: string; readonly kept: ModelKind | null }
  | { readonly kind: 'error'; readonly text: string; readonly detail?: string }
  | { readonly kind: 'info'; readonly text: string };

interface LiveState {
  mode: Mode;
  grid: GridState;
  /** A model is loaded in the worker. */
  ready: boolean;
  inUse: ModelKind | null;
  /** A prediction is being computed. */
  inflight: boolean;
  /** The drawing changed since the last prediction was sent. */
  dirty: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** When the last prediction was started (performance.now()). */
  last: number;
  /** A pointer is down: predictions show, but are not announced until the stroke ends. */
  active: boolean;
  /** The id of the prediction whose answer is wanted (0: none, the drawing is empty). */
  wanted: number;
  settled: boolean;
  /** Imported files waiting for the worker's verdict. */
  pendingImport: ImportedFiles | null;
  exportUrls: string[];
}

const percent = (p: number, digits: number) => `${(p * 100).toFixed(digits)}%`;
const acc = (p: number) => (Number.isFinite(p) ? percent(p, 2) : '—');

function parseRecord(json: unknown): TrainingRecord | null {
  if (typeof json !== 'object' || json === null) return null;
  const r = json as { epochs?: unknown; testAccuracy?: unknown; data?: { train?: unknown } };
  const { epochs, testAccuracy } = r;
  const train = r.data?.train;
  if (typeof epochs !== 'number' || typeof train !== 'number' || typeof testAccuracy !== 'number' || !(testAccuracy >= 0 && testAccuracy <= 1)) return null;
  return { epochs, train, testAccuracy };
}

async function fetchRecord(): Promise<RecordState> {
  try {
    const res = await fetch(`${PRETRAINED}training-record.json`);
    const record = res.ok ? parseRecord(await res.json()) : null;
    return record ? { phase: 'ready', record } : { phase: 'unavailable' };
  } catch {
    return { phase: 'unavailable' };
  }
}

/** The learner's model, by the course's one rule (src/lib/storage/learner-model.ts). */
async function findLearner(): Promise<LearnerState> {
  const m = await findLearnerModel();
  return m ? { phase: 'found', checkpoint: m.checkpoint, info: m.info } : { phase: 'none' };
}

function modelName(kind: ModelKind): string {
  return kind === 'learner' ? t.learner : kind === 'pretrained' ? t.pretrained : t.imported;
}

/** Chapter 4: draw a digit, see it prepared as MNIST was, and see the CNN judge it live. */
export default function DrawIsland() {
  const [hydrated, setHydrated] = useState(false);
  const [report, setReport] = useState<BackendReport>();
  const [fatal, setFatal] = useState<string>();
  const [record, setRecord] = useState<RecordState>({ phase: 'loading' });
  const [learner, setLearner] = useState<LearnerState>({ phase: 'checking' });
  const [imported, setImported] = useState<ImportedFiles | null>(null);
  const [inUse, setInUse] = useState<ModelKind | null>(null);
  const [loading, setLoading] = useState<ModelKind | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [mode, setMode] = useState<Mode>('pen');
  const [grid, setGrid] = useState<GridState>(emptyGrid);
  const [strokeVersion, setStrokeVersion] = useState(0);
  const [prepared, setPrepared] = useState<Prepared>({ empty: true });
  const [prediction, setPrediction] = useState<Prediction | null>(null);
  const [filters, setFilters] = useState<Float32Array | null>(null);
  const [tensors, setTensors] = useState<number>();
  const [predictions, setPredictions] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [settled, setSettled] = useState(true);
  const [exported, setExported] = useState<{ readonly json: string; readonly bin: string } | null>(null);
  const [exporting, setExporting] = useState(false);

  const strokes = useMemo(() => new StrokeModel(), []);
  const worker = useRef<DrawWorker | undefined>(undefined);
  /** Mutable state read by the throttled predictor and the worker listener (no stale closures). */
  const live = useRef<LiveState>({
    mode: 'pen',
    grid: emptyGrid(),
    ready: false,
    inUse: null,
    inflight: false,
    dirty: false,
    timer: undefined,
    last: -Infinity,
    active: false,
    wanted: 0,
    settled: true,
    pendingImport: null,
    exportUrls: [],
  }).current;

  function run() {
    live.timer = undefined;
    if (!live.dirty || live.inflight) return;
    live.dirty = false;
    live.last = performance.now();
    const p = prepareDigit(live.mode === 'pen' ? strokes.rasterise() : gridInk(live.grid));
    setPrepared(p);
    if (p.empty) {
      live.wanted = 0;
      setPrediction(null);
      setAnnouncement((a) => (a === '' ? a : t.cleared));
      settle(true);
      return;
    }
    const w = worker.current;
    if (!live.ready || !w) return; // predicted once a model is loaded
    const id = w.nextId();
    live.wanted = id;
    live.inflight = true;
    const image = p.image.data.slice();
    w.send({ type: 'predict', id, image }, [image.buffer]);
  }

  /** The drawing changed: predict again, at most every THROTTLE_MS. */
  function changed() {
    live.dirty = true;
    settle(false);
    if (live.timer !== undefined) return;
    live.timer = setTimeout(run, Math.max(0, live.last + THROTTLE_MS - performance.now()));
  }

  /** Whether what is shown (prediction or hint) reflects the current drawing; mirrored to the DOM for tests. */
  function settle(value: boolean) {
    if (live.settled === value) return;
    live.settled = value;
    setSettled(value);
  }

  function load(source: DrawModelSource, transfer: Transferable[] = []) {
    const w = worker.current;
    if (!w) return;
    setLoading(source.kind);
    w.send({ type: 'load', id: w.nextId(), source }, transfer);
  }

  const pretrainedSource = (): DrawModelSource => ({ kind: 'pretrained', url: new URL(`${PRETRAINED}model.json`, location.href).href });

  function onMessage(m: FromDrawWorker) {
    switch (m.type) {
      case 'ready':
        setReport(m.report);
        return;
      case 'loaded': {
        setTensors(m.tensors);
        setLoading(null);
        setInUse(m.kind);
        live.inUse = m.kind;
        live.ready = true;
        if (m.kind === 'imported' && live.pendingImport) {
          setImported(live.pendingImport);
          live.pendingImport = null;
          setNotice({ kind: 'info', text: t.importDone });
        } else {
          setNotice((n) => (n?.kind === 'refused' && n.model === 'learner' && m.kind === 'pretrained' ? n : null));
        }
        const w = worker.current;
        w?.send({ type: 'filters', id: w.nextId() });
        changed();
        return;
      }
      case 'load-failed':
        setTensors(m.tensors);
        setLoading(null);
        if (m.kind === 'imported') live.pendingImport = null;
        setNotice({ kind: 'refused', model: m.kind, code: m.code, detail: m.detail, kept: live.inUse });
        // The learner's stored model is broken: fall back to the shipped one.
        if (m.kind === 'learner' && live.inUse === null) load(pretrainedSource());
        return;
      case 'prediction':
        live.inflight = false;
        setTensors(m.tensors);
        if (m.id === live.wanted) {
          const probabilities = Array.from(m.probabilities);
          setPrediction({ probabilities, conv1: m.conv1, conv2: m.conv2 });
          setPredictions((n) => n + 1);
          // Announced once it is the answer for the finished drawing, not for every step of a stroke.
          if (!live.dirty) {
            settle(true);
            if (!live.active) {
              const top = argmax(probabilities);
              setAnnouncement(t.announce(top, percent(probabilities[top] ?? 0, 0)));
            }
          }
        }
        if (live.dirty) changed();
        return;
      case 'filters':
        setTensors(m.tensors);
        setFilters(m.kernels);
        return;
      case 'exported': {
        setTensors(m.tensors);
        setExporting(false);
        for (const u of live.exportUrls) URL.revokeObjectURL(u);
        const json = URL.createObjectURL(new Blob([m.modelJson], { type: 'application/json' }));
        const bin = URL.createObjectURL(new Blob([m.weights], { type: 'application/octet-stream' }));
        live.exportUrls = [json, bin];
        setExported({ json, bin });
        return;
      }
      case 'failed':
        if (m.stage === 'init') {
          setFatal(m.message);
          setLoading(null);
        } else if (m.stage === 'predict') {
          live.inflight = false;
          setNotice({ kind: 'error', text: t.predictFailed(m.message) });
        } else {
          if (m.stage === 'export') setExporting(false);
          setNotice({ kind: 'error', text: t.errors.unknown, detail: m.message });
        }
        return;
    }
  }

  useEffect(() => {
    setHydrated(true);
    let alive = true;
    worker.current = startDrawWorker((m) => {
      if (alive) onMessage(m);
    });
    void fetchRecord().then((r) => {
      if (alive) setRecord(r);
    });
    void findLearner().then((l) => {
      if (!alive) return;
      setLearner(l);
      load(l.phase === 'found' ? { kind: 'learner', checkpoint: l.checkpoint } : pretrainedSource());
    });
    return () => {
      alive = false;
      clearTimeout(live.timer);
      worker.current?.terminate();
      worker.current = undefined;
      for (const u of live.exportUrls) URL.revokeObjectURL(u);
    };
  }, []);

  const onEdit = (phase: EditPhase) => {
    if (phase === 'begin') live.active = true;
    if (phase === 'end') live.active = false;
    if (phase !== 'move') setStrokeVersion(strokes.version);
    changed();
  };

  const onGrid = (next: GridState) => {
    live.grid = next;
    setGrid(next);
    changed();
  };

  const switchMode = (m: Mode) => {
    live.mode = m;
    setMode(m);
    changed();
  };

  const undo = () => {
    if (mode === 'pen') {
      strokes.undo();
      setStrokeVersion(strokes.version);
      changed();
    } else onGrid(undoGrid(grid));
  };

  const clear = () => {
    if (mode === 'pen') {
      strokes.clear();
      setStrokeVersion(strokes.version);
      changed();
    } else onGrid(clearGrid(grid));
  };

  const choose = (kind: ModelKind) => {
    if (kind === (loading ?? inUse)) return;
    setNotice(null);
    if (kind === 'pretrained') load(pretrainedSource());
    else if (kind === 'learner' && learner.phase === 'found') load({ kind: 'learner', checkpoint: learner.checkpoint });
    else if (kind === 'imported' && imported) {
      const modelJson = imported.modelJson.slice(0);
      const weights = imported.weights.slice(0);
      load({ kind: 'imported', modelJson, weights }, [modelJson, weights]);
    }
  };

  const onImport = async (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length === 0) return;
    const isJson = (f: File) => /\.json$/i.test(f.name);
    const json = files.filter(isJson);
    const bins = files.filter((f) => !isJson(f));
    const [jsonFile] = json;
    const [binFile] = bins;
    if (files.length !== 2 || !jsonFile || !binFile) {
      setNotice({ kind: 'refused', model: 'imported', code: 'files', detail: files.map((f) => f.name).join(', '), kept: inUse });
      return;
    }
    setNotice(null);
    const [modelJson, weights] = await Promise.all([jsonFile.arrayBuffer(), binFile.arrayBuffer()]);
    live.pendingImport = { modelJson, weights, names: `${jsonFile.name} + ${binFile.name}` };
    const mj = modelJson.slice(0);
    const wb = weights.slice(0);
    load({ kind: 'imported', modelJson: mj, weights: wb }, [mj, wb]);
  };

  const exportModel = () => {
    const w = worker.current;
    if (!w || !inUse) return;
    setExporting(true);
    w.send({ type: 'export', id: w.nextId() });
  };

  const accuracyOf = (kind: ModelKind): string => {
    if (kind === 'pretrained') return record.phase === 'ready' ? t.accuracyTest(percent(record.record.testAccuracy, 2)) : t.accuracyUnknown;
    if (kind === 'learner') return learner.phase === 'found' && Number.isFinite(learner.info.valAccuracy) ? t.accuracyValidation(percent(learner.info.valAccuracy, 2)) : t.accuracyUnknown;
    return t.accuracyUnknown;
  };

  const probabilities = prediction && !prepared.empty ? prediction.probabilities : null;
  const top = probabilities ? argmax(probabilities) : null;
  const selected = loading ?? inUse;
  const canUndo = mode === 'pen' ? !strokes.isEmpty : grid.past.length > 0;
  const canClear = mode === 'pen' ? !strokes.isEmpty : !gridIsEmpty(grid);
  const state = fatal !== undefined ? 'error' : inUse ? 'ready' : 'loading';
  const helpId = 'draw-help';

  const modelImage = useMemo(() => greyRgba(prepared.empty ? new Float32Array(FRAME * FRAME) : prepared.image.data, FRAME, FRAME), [prepared]);

  return (
    <section
      class="demo draw"
      aria-labelledby="draw-title"
      data-testid="draw-demo"
      data-hydrated={hydrated ? 'true' : 'false'}
      data-state={state}
      data-model={inUse ?? 'none'}
      data-tensors={tensors === undefined ? undefined : String(tensors)}
      data-predictions={String(predictions)}
      data-empty={prepared.empty ? 'true' : 'false'}
      data-settled={settled ? 'true' : 'false'}
      data-top={top === null ? '' : String(top)}
    >
      <p class="demo__title" id="draw-title">
        {t.title}
      </p>
      <p>{t.intro}</p>

      <fieldset class="draw__mode">
        <legend>{t.modeLegend}</legend>
        {(['pen', 'grid'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="draw-mode" value={m} checked={mode === m} onChange={() => { switchMode(m); }} />
            {m === 'pen' ? t.modePen : t.modeGrid}
          </label>
        ))}
      </fieldset>

      <div class="draw__main">
        <div class="draw__input">
          {mode === 'pen' ? (
            <DrawCanvas model={strokes} version={strokeVersion} label={t.canvasLabel} describedBy={helpId} onEdit={onEdit} />
          ) : (
            <GridPad grid={grid} label={t.gridLabel} describedBy={helpId} position={t.gridPosition} onChange={onGrid} />
          )}
          <p id={helpId} class="draw__help">
            {mode === 'pen' ? t.canvasHelp : t.gridHelp}
          </p>
          <div class="draw__buttons">
            <button type="button" onClick={undo} disabled={!canUndo}>
              {t.undo}
            </button>
            <button type="button" onClick={clear} disabled={!canClear}>
              {t.clear}
            </button>
          </div>
        </div>

        <div class="draw__result">
          <div class="draw__sees">
            <PixelCanvas image={modelImage} scale={5} label={t.modelSeesAlt} testId="model-input" />
            <p>{t.modelSees}</p>
          </div>
          {prepared.empty ? (
            <p class="draw__hint" data-testid="draw-hint">
              {t.hint}
            </p>
          ) : probabilities && top !== null ? (
            <>
              <p class="draw__top">
                {t.top}: <strong data-testid="top-digit">{top}</strong> <span data-testid="top-probability">{percent(probabilities[top] ?? 0, 1)}</span>
              </p>
              <ol class="draw__bars" aria-label={t.probabilities}>
                {DIGITS.map((d) => {
                  const p = probabilities[d] ?? 0;
                  return (
                    <li key={d} class={d === top ? 'draw__bar-row draw__bar-row--top' : 'draw__bar-row'} data-testid={`probability-${d}`}>
                      <span class="draw__digit">{d}</span>
                      <span class="draw__bar" aria-hidden="true">
                        <span style={{ width: `${(p * 100).toFixed(1)}%` }} />
                      </span>
                      <span class="draw__percent">{percent(p, 1)}</span>
                    </li>
                  );
                })}
              </ol>
            </>
          ) : (
            <p class="draw__hint">{fatal === undefined ? t.waitingModel : t.workerFailed}</p>
          )}
          <p class="visually-hidden" aria-live="polite" data-testid="announcement">
            {announcement}
          </p>
        </div>
      </div>

      <details class="draw__steps" open>
        <summary>{t.stepsSummary}</summary>
        {prepared.empty ? (
          <p class="draw__muted">{t.mapsEmpty}</p>
        ) : (
          <>
            <ol class="draw__step-list">
              <li>
                <PixelCanvas image={greyRgba(prepared.cropped.data, prepared.cropped.width, prepared.cropped.height)} scale={120 / Math.max(prepared.cropped.width, prepared.cropped.height)} label={t.stepAlt(1)} testId="step-crop" />
                <p>
                  <strong>{t.step1}</strong>
                  <br />
                  <span data-testid="step-crop-detail">{t.step1Detail(prepared.box.x, prepared.box.y, prepared.box.width, prepared.box.height)}</span>
                </p>
              </li>
              <li>
                <PixelCanvas image={greyRgba(prepared.scaled.data, prepared.scaled.width, prepared.scaled.height)} scale={6} label={t.stepAlt(2)} marker={prepared.scaledCentre} testId="step-scaled" />
                <p>
                  <strong>{t.step2}</strong>
                  <br />
                  <span data-testid="step-scaled-detail">{t.step2Detail(prepared.scaled.width, prepared.scaled.height)}</span>
                </p>
              </li>
              <li>
                <PixelCanvas image={modelImage} scale={5} label={t.stepAlt(3)} marker={prepared.centre} testId="step-centred" />
                <p>
                  <strong>{t.step3}</strong>
                  <br />
                  <span data-testid="step-centred-detail">{t.step3Detail(prepared.centre.x.toFixed(2), prepared.centre.y.toFixed(2))}</span>
                </p>
              </li>
            </ol>
            <p class="draw__muted">{t.stepsNote}</p>
          </>
        )}
      </details>

      <h3>{t.layersTitle}</h3>
      <div class="draw__layers">
        <LayerSheet title={t.conv1(CONV1_SHAPE[2], formatShape(CONV1_SHAPE))} data={probabilities ? prediction?.conv1 : undefined} shape={CONV1_SHAPE} columns={8} scale={2} testId="conv1-maps" />
        <LayerSheet title={t.conv2(CONV2_SHAPE[2], formatShape(CONV2_SHAPE))} data={probabilities ? prediction?.conv2 : undefined} shape={CONV2_SHAPE} columns={8} scale={3} testId="conv2-maps" />
        <figure class="draw__figure">
          <figcaption>{t.filters(CONV1_SHAPE[2])}</figcaption>
          {filters ? (
            <PixelCanvas image={sheetRgba(filters, { tileWidth: 3, tileHeight: 3, channels: CONV1_SHAPE[2], columns: 8, gap: 1 }, 'signed')} scale={8} label={t.filtersAlt(CONV1_SHAPE[2])} testId="conv1-filters" />
          ) : (
            <p class="draw__muted">{t.inUseLoading}</p>
          )}
          <p class="draw__muted">{t.filtersNote}</p>
        </figure>
      </div>
      <p class="draw__muted">{t.mapsNote}</p>

      <h3>{t.modelLegend}</h3>
      <fieldset class="draw__models">
        <legend class="visually-hidden">{t.modelLegend}</legend>
        <div class="draw__option">
          <label>
            <input type="radio" name="draw-model" value="learner" checked={selected === 'learner'} disabled={learner.phase !== 'found' || loading !== null} aria-describedby="draw-learner-info" onChange={() => { choose('learner'); }} />
            {t.learner}
          </label>
          <p class="draw__info" id="draw-learner-info">
            {learner.phase === 'found' ? (
              (learner.info.finished ? t.learnerInfo(learner.info.epochs, acc(learner.info.valAccuracy)) : t.learnerInfoPartial(learner.info.epochs, learner.info.planned, acc(learner.info.valAccuracy)))
            ) : learner.phase === 'checking' ? (
              t.learnerChecking
            ) : (
              <>
                {t.learnerNoneBefore}
                <a href="../training/">{t.learnerNoneLink}</a>
                {t.learnerNoneAfter}
              </>
            )}
          </p>
        </div>
        <div class="draw__option">
          <label>
            <input type="radio" name="draw-model" value="pretrained" checked={selected === 'pretrained'} disabled={loading !== null} aria-describedby="draw-pretrained-info" onChange={() => { choose('pretrained'); }} />
            {t.pretrained}
          </label>
          <p class="draw__info" id="draw-pretrained-info" data-testid="pretrained-info">
            {record.phase === 'ready' ? t.pretrainedInfo(record.record.epochs, formatInt(record.record.train), percent(record.record.testAccuracy, 2)) : record.phase === 'loading' ? t.pretrainedLoading : t.pretrainedUnavailable}
          </p>
        </div>
        {imported && (
          <div class="draw__option">
            <label>
              <input type="radio" name="draw-model" value="imported" checked={selected === 'imported'} disabled={loading !== null} aria-describedby="draw-imported-info" onChange={() => { choose('imported'); }} />
              {t.imported}
            </label>
            <p class="draw__info" id="draw-imported-info">
              {t.importedInfo(imported.names)}
            </p>
          </div>
        )}
      </fieldset>
      <p class="draw__in-use" data-testid="model-in-use">
        {t.inUse}: <strong>{inUse ? `${modelName(inUse)} (${accuracyOf(inUse)})` : loading ? t.inUseLoading : t.inUseNone}</strong>
        {loading && inUse && <span class="draw__muted"> {t.inUseLoading}</span>}
      </p>
      <BackendBadge report={report} error={fatal !== undefined && !report ? fatal : undefined} />

      {notice &&
        (notice.kind === 'info' ? (
          <p class="draw__notice" role="status">
            {notice.text}
          </p>
        ) : (
          <div class="draw__notice draw__notice--error" role="alert" data-testid="draw-error">
            {notice.kind === 'refused' ? (
              <>
                <p class="error">{t.errors[notice.code]}</p>
                <p>{notice.kept ? t.refused(modelName(notice.kept)) : t.refusedNone}</p>
                {notice.detail && <p class="draw__detail">{t.errorDetail(notice.detail)}</p>}
              </>
            ) : (
              <>
                <p class="error">{notice.text}</p>
                {notice.detail && <p class="draw__detail">{t.errorDetail(notice.detail)}</p>}
              </>
            )}
          </div>
        ))}

      <div class="draw__files">
        <p class="draw__files-title">{t.filesTitle}</p>
        <button type="button" onClick={exportModel} disabled={!inUse || exporting || loading !== null}>
          {exporting ? t.exporting : t.export}
        </button>
        {exported && (
          <p class="draw__downloads" data-testid="export-links">
            {t.exportReady}{' '}
            <a href={exported.json} download="model.json">
              {t.download('model.json')}
            </a>{' '}
            <a href={exported.bin} download="weights.bin">
              {t.download('weights.bin')}
            </a>
          </p>
        )}
        <label class="draw__import">
          {t.importLabel}
          <input
            type="file"
            multiple
            accept=".json,.bin,application/json,application/octet-stream"
            disabled={!hydrated || loading !== null || fatal !== undefined}
            onChange={(e) => {
              void onImport(e.currentTarget);
            }}
          />
        </label>
        {loading === 'imported' && <p class="draw__muted" role="status">{t.importing}</p>}
      </div>
    </section>
  );
}

function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? -Infinity) > (values[best] ?? -Infinity)) best = i;
  return best;
}

function LayerSheet({ title, data, shape, columns, scale, testId }: { title: string; data: Float32Array | undefined; shape: readonly [number, number, number]; columns: number; scale: number; testId: string }) {
  const [h, w, channels] = shape;
  const image = useMemo(() => (data ? sheetRgba(data, { tileWidth: w, tileHeight: h, channels, columns, gap: 1 }, 'per-tile') : null), [data, w, h, channels, columns]);
  return (
    <figure class="draw__figure">
      <figcaption>{title}</figcaption>
      {image ? <PixelCanvas image={image} scale={scale} label={t.mapsAlt(channels, formatShape([h, w]))} testId={testId} /> : <p class="draw__muted">{t.mapsEmpty}</p>}
    </figure>
  );
}

