import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { findLearnerModel } from '../../lib/storage/learner-model.ts';
import { deleteTuned, loadTuned, makeTunedModel, saveTuned } from '../../lib/storage/tuned-store.ts';
import { initialTuneState, reduceTune, type TuneOutcome } from '../../lib/handwriting/tune-state.ts';
import { readSet, readiness, toArrays, writeSet } from '../../lib/handwriting/personal-set.ts';
import { browserStorage } from '../../lib/storage/browser-storage.ts';
import { FINE_TUNE_DEFAULTS } from '../../lib/handwriting/fine-tune-settings.ts';
import { MNIST_PUBLIC_DIR } from '../../lib/mnist/assets.ts';
import { prepareDigit } from '../../lib/draw/preprocess.ts';
import { StrokeModel } from '../../lib/draw/strokes.ts';
import { createThrottle } from '../../lib/draw/throttle.ts';
import { FILTER_LAYER, SHOWN_LAYERS, drawView, fallbackAfter, firstModel, initialDrawState, reduceDraw, startingModel, type DrawEvent, type Mode } from '../../lib/draw/draw-state.ts';
import { clearGrid, emptyGrid, gridInk, undoGrid, type GridState } from '../../lib/viz/paint-grid.ts';
import { FRAME } from '../../lib/draw/preprocess.ts';
import { fetchTrainingRecord, pretrainedSource, type ModelKind, type ModelSource } from '../../lib/model/source.ts';
import { pickModelFiles } from '../../lib/model/files.ts';
import { errorMessage } from '../../lib/tf-runtime.ts';
import { percentText } from '../../lib/viz/bars.ts';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { createInferenceClient, type InferenceClient } from '../workers/inference-client.ts';
import { WorkerLostError } from '../workers/worker-host.ts';
import { hostReport, useHostState } from '../workers/useHostState.ts';
import { BackendBadge } from '../BackendBadge.tsx';
import { DrawInput, ModeChoice } from './DrawInput.tsx';
import { PredictionPanel } from './PredictionPanel.tsx';
import { PrepSteps } from './PrepSteps.tsx';
import { LayerMaps } from './LayerMaps.tsx';
import { DrawNotice, ModelPanel, modelName } from './ModelPanel.tsx';
import { CorrectDigit } from '../handwriting/CorrectDigit.tsx';
import { HandwritingPanel } from '../handwriting/HandwritingPanel.tsx';
import { ModelFiles } from './ModelFiles.tsx';
import type { EditPhase } from './DrawCanvas.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.draw;
/** At most one prediction per this many milliseconds while drawing. */
const THROTTLE_MS = 150;
const LAYER_NAMES = SHOWN_LAYERS.map((l) => l.name);
const clock = { now: () => performance.now(), setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => { clearTimeout(h as number); } };

let idCounter = 0;
/** A unique id for a new example (time and a counter: two presses in one millisecond differ). */
function newId(): string {
  idCounter += 1;
  return `${Date.now().toString(36)}-${idCounter.toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** Chapter 4: draw a digit, see it prepared as MNIST was, and see the CNN judge it live. */
export default function DrawIsland() {
  const [s, dispatch] = useReducer(reduceDraw, initialDrawState);
  const [hw, dispatchHw] = useReducer(reduceTune, initialTuneState);
  const [learningRate, setLearningRate] = useState(FINE_TUNE_DEFAULTS.learningRate);
  /** The set is written back only after it was read (a first render must not erase it). */
  const restored = useRef(false);
  const [hydrated, setHydrated] = useState(false);
  const [grid, setGrid] = useState<GridState>(() => emptyGrid(FRAME));
  const [strokeVersion, setStrokeVersion] = useState(0);
  const strokes = useMemo(() => new StrokeModel(), []);
  const client = useMemo<InferenceClient>(() => createInferenceClient(), []);
  const host = useHostState(client.host);
  /** The latest state and drawing, for the throttled predictor that runs outside renders. */
  const latest = useRef({ s, grid });
  latest.current = { s, grid };
  const seq = useRef(0);

  const send = (e: DrawEvent) => {
    dispatch(e);
    const fallback = fallbackAfter(latest.current.s, e);
    if (fallback) void load(pretrainedSource(import.meta.env.BASE_URL, location.href));
  };

  const throttle = useMemo(
    () =>
      createThrottle(
        THROTTLE_MS,
        async () => {
          const { s: now, grid: g } = latest.current;
          const prepared = prepareDigit(now.mode === 'pen' ? strokes.rasterise() : gridInk(g));
          const id = prepared.empty || !now.inUse ? 0 : ++seq.current;
          dispatch({ type: 'prepared', prepared, id });
          if (prepared.empty || id === 0) return;
          try {
            const r = await client.predict(prepared.image.data, LAYER_NAMES);
            dispatch({ type: 'predicted', id, probabilities: r.probabilities, activations: r.activations, tensors: r.tensors, final: !throttle.pending() });
          } catch (e) {
            if (!(e instanceof WorkerLostError)) dispatch({ type: 'predict-failed', message: errorMessage(e) });
          }
        },
        clock,
      ),
    [],
  );

  async function load(source: ModelSource, files?: { modelJson: ArrayBuffer; weights: ArrayBuffer; names: string }) {
    dispatch(files ? { type: 'load', kind: source.kind, files } : { type: 'load', kind: source.kind });
    try {
      const result = await client.load(source);
      send({ type: 'loaded', result });
      if (!result.ok) return;
      throttle.request();
      const f = await client.filters(FILTER_LAYER);
      dispatch({ type: 'filters', kernels: f.kernels, shape: f.shape, biases: f.biases, tensors: f.tensors });
    } catch (e) {
      if (!(e instanceof WorkerLostError)) dispatch({ type: 'failed', message: errorMessage(e) });
    }
  }

  const sourceFor = (kind: ModelKind): ModelSource | null => {
    const { learner, imported, tuned } = latest.current.s;
    if (kind === 'learner') return learner ? { kind, checkpoint: learner.checkpoint } : null;
    if (kind === 'tuned') return tuned ? { kind, checkpoint: tuned.checkpoint } : null;
    if (kind === 'imported') return imported ? { kind, modelJson: imported.modelJson, weights: imported.weights } : null;
    return pretrainedSource(import.meta.env.BASE_URL, location.href);
  };

  useEffect(() => {
    setHydrated(true);
    let alive = true;
    void fetchTrainingRecord(import.meta.env.BASE_URL).then((record) => {
      if (alive) dispatch({ type: 'record', record });
    });
    const storage = browserStorage() ?? undefined;
    dispatchHw({ type: 'restored', set: readSet(storage), stored: storage !== undefined });
    restored.current = true;
    void Promise.all([findLearnerModel(), loadTuned()]).then(([learner, tuned]) => {
      if (!alive) return;
      dispatch({ type: 'learner', learner });
      dispatch({ type: 'tuned', tuned });
      latest.current.s = { ...latest.current.s, learner, tuned };
      const source = sourceFor(firstModel(learner, tuned));
      if (source) void load(source);
    });
    return () => {
      alive = false;
      throttle.dispose();
      client.reset();
    };
  }, []);

  // The set is kept in the browser after every change (once it has been read).
  useEffect(() => {
    if (!restored.current) return;
    const ok = writeSet(browserStorage() ?? undefined, hw.set);
    if (ok !== hw.stored) dispatchHw({ type: 'stored', ok });
  }, [hw.set]);

  useEffect(() => {
    if (host.phase === 'lost') dispatch({ type: 'lost', message: host.message });
    if (host.phase === 'failed') dispatch({ type: 'fatal', message: host.message });
  }, [host]);

  const changed = () => {
    dispatch({ type: 'changed' });
    throttle.request();
  };
  const onEdit = (phase: EditPhase) => {
    if (phase !== 'move') {
      dispatch({ type: 'pointer', down: phase === 'begin' });
      setStrokeVersion(strokes.version);
    }
    changed();
  };
  const onGrid = (next: GridState) => {
    latest.current.grid = next;
    setGrid(next);
    changed();
  };
  const onMode = (mode: Mode) => {
    latest.current.s = { ...latest.current.s, mode };
    dispatch({ type: 'mode', mode });
    throttle.request();
  };
  const penOrGrid = (pen: () => void, g: (grid: GridState) => GridState) => {
    if (s.mode === 'pen') {
      pen();
      setStrokeVersion(strokes.version);
      changed();
    } else onGrid(g(grid));
  };
  const choose = (kind: ModelKind) => {
    if (kind === (s.loading ?? s.inUse)) return;
    const source = sourceFor(kind);
    if (source) void load(source);
  };
  const onImport = async (files: File[]) => {
    const pair = pickModelFiles(files);
    if (!pair) {
      dispatch({ type: 'import-refused', names: files.map((f) => f.name).join(', ') });
      return;
    }
    const [modelJson, weights] = await Promise.all([pair.json.arrayBuffer(), pair.weights.arrayBuffer()]);
    void load({ kind: 'imported', modelJson, weights }, { modelJson, weights, names: `${pair.json.name} + ${pair.weights.name}` });
  };
  const onExport = async () => {
    dispatch({ type: 'export' });
    try {
      dispatch({ type: 'exported', ...(await client.exportModel()) });
    } catch (e) {
      if (!(e instanceof WorkerLostError)) dispatch({ type: 'failed', message: errorMessage(e) });
    }
  };
  const onAdd = (label: number) => {
    const p = latest.current.s.prepared;
    const top = drawView(latest.current.s).top;
    dispatchHw({ type: 'add', label, image: p.empty ? null : p.image.data, predicted: top, id: newId(), addedAt: new Date().toISOString() });
  };
  const onTune = async () => {
    const base = latest.current.s.inUse;
    if (!base) return; // the button is disabled until a model is in use
    dispatchHw({ type: 'start' });
    if (!readiness(hw.set).ok) return; // the state says how many more are needed
    const settings = { ...FINE_TUNE_DEFAULTS, learningRate };
    const done = (outcome: TuneOutcome) => {
      dispatchHw({ type: 'done', outcome });
    };
    try {
      const r = await client.fineTune(
        { personal: toArrays(hw.set), settings, mnistUrl: new URL(`${import.meta.env.BASE_URL}${MNIST_PUBLIC_DIR}`, location.href).href },
        (p) => {
          if (p.phase === 'data') dispatchHw({ type: 'data', loaded: p.loaded, total: p.total });
          else if (p.phase === 'train') dispatchHw({ type: 'train', step: p.step, steps: p.steps, loss: p.loss });
          else dispatchHw({ type: p.phase });
        },
      );
      dispatch({ type: 'tensors', tensors: r.tensors });
      if (!r.ok) {
        done(r.code === 'diverged' ? { kind: 'diverged', detail: r.detail } : { kind: 'failed', code: 'data', detail: r.detail });
        return;
      }
      if (r.verdict.kind === 'collapsed') {
        done({ kind: 'collapsed', before: r.before, after: r.after, drop: r.verdict.mnistDrop });
        return;
      }
      dispatchHw({ type: 'saving' });
      const tuned = makeTunedModel({ weights: r.weights, backend: r.backend, base, examples: hw.set.length, settings, before: r.before, after: r.after, savedAt: new Date().toISOString() });
      let saved = true;
      try {
        await saveTuned(tuned);
      } catch {
        saved = false;
      }
      dispatch({ type: 'tuned', tuned });
      latest.current.s = { ...latest.current.s, tuned };
      await load({ kind: 'tuned', checkpoint: tuned.checkpoint });
      done({ kind: 'kept', before: r.before, after: r.after, saved, base });
    } catch (e) {
      done({ kind: 'failed', code: e instanceof WorkerLostError ? 'lost' : 'unknown', detail: errorMessage(e) });
    }
  };
  const onDiscard = async () => {
    try {
      await deleteTuned();
    } catch (e) {
      dispatch({ type: 'failed', message: errorMessage(e) });
      return;
    }
    const wasInUse = latest.current.s.inUse === 'tuned' || latest.current.s.loading === 'tuned';
    dispatch({ type: 'tuned', tuned: null });
    latest.current.s = { ...latest.current.s, tuned: null };
    if (wasInUse) {
      const source = sourceFor(firstModel(latest.current.s.learner ?? null, null));
      if (source) void load(source);
    }
  };
  const restart = () => {
    client.reset();
    const source = sourceFor(startingModel(latest.current.s));
    if (source) void load(source);
  };

  const v = drawView(s);
  const announcement = s.announcement === 'cleared' ? t.cleared : s.announcement ? t.announce(s.announcement.digit, percentText(s.announcement.probability, 0)) : '';
  const report = hostReport(host);
  return (
    <DemoFrame
      id="draw"
      class="draw"
      title={t.title}
      intro={t.intro}
      data-testid="draw-demo"
      data-hydrated={hydrated ? 'true' : 'false'}
      data-state={v.state}
      data-model={s.inUse ?? 'none'}
      data-tensors={s.tensors}
      data-predictions={s.predictions}
      data-empty={s.prepared.empty ? 'true' : 'false'}
      data-settled={s.settled ? 'true' : 'false'}
      data-top={v.top ?? ''}
      data-probabilities={v.probabilities?.join(',') ?? ''}
    >
      <ModeChoice mode={s.mode} onMode={onMode} />
      <div class="draw__main">
        <DrawInput mode={s.mode} strokes={strokes} strokeVersion={strokeVersion} grid={grid} onEdit={onEdit} onGrid={onGrid} onUndo={() => { penOrGrid(() => { strokes.undo(); }, undoGrid); }} onClear={() => { penOrGrid(() => { strokes.clear(); }, clearGrid); }} />
        <PredictionPanel prepared={s.prepared} probabilities={v.probabilities} top={v.top} waiting={s.fatal === undefined ? t.waitingModel : t.workerFailed} announcement={announcement} />
      </div>
      <CorrectDigit top={v.top} disabled={s.fatal !== undefined} added={hw.added} onAdd={onAdd} />
      <PrepSteps prepared={s.prepared} />
      <LayerMaps prediction={v.probabilities ? s.prediction : null} filters={s.filters} />
      <ModelPanel s={s} onChoose={choose} onDiscard={() => { void onDiscard(); }} busy={hw.phase !== 'idle'} />
      <BackendBadge report={report} error={s.fatal !== undefined && !report ? s.fatal : undefined} />
      <DrawNotice s={s} onRestart={restart} />
      <HandwritingPanel s={hw} dispatch={dispatchHw} learningRate={learningRate} onLearningRate={setLearningRate} modelReady={v.state === 'ready' && !v.busy} onTune={() => { void onTune(); }} baseName={modelName} />
      <ModelFiles s={s} hydrated={hydrated} onExport={() => { void onExport(); }} onImport={(f) => { void onImport(f); }} />
    </DemoFrame>
  );
}
