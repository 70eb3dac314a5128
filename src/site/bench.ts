/**
 * Browser side of `npm run bench` (scripts/bench.ts drives /tools/bench/?backend=X in headless
 * Chromium, one fresh page per backend). Everything here runs on the backend the page was opened
 * with, on real MNIST images, and hands plain numbers back to the script:
 *
 *   step        one training step of the deck's CNN (batch 128, Adam) with tfjs's stock kernels
 *               and with the course's (src/lib/kernels/), switched in the same page, on the same
 *               batch, taking turns, each timed step after an untimed one of the same set; plus a tf.profile of one step of each
 *   trainerFit  the site's trainer (trainEpoch: the loop the training lesson's worker runs)
 *               against a plain model.fit of the same model on the same images
 *   predict     a digit through the inference worker, as the drawing lesson asks for it
 *
 * Not part of the course: only the flagged build has this page (astro.config.mjs).
 */
import type { LayersModel, Optimizer, Tensor2D, Tensor4D } from '@tensorflow/tfjs';
import { loadTf, parseBackendParam, type LoadedTf, type Tf } from '../lib/tf-runtime.ts';
import { installCourseKernels, useStockKernels } from '../lib/kernels/index.ts';
import { checkAdam, checkCourseKernels, type KernelCheck } from '../lib/kernels/check.ts';
import { loadMnist, type MnistFullData } from '../lib/mnist/loader.ts';
import { buildCnn } from '../lib/cnn-model.ts';
import { DECK_CNN } from '../lib/cnn-architecture.ts';
import { ADAM_DEFAULTS, DECK_FIT } from '../lib/training-plan.ts';
import { createOptimizer, makeBatch, overlapsBatches, trainEpoch, trainStep } from '../lib/training/train-loop.ts';
import { firstN } from '../lib/training/run-training.ts';
import { pretrainedSource } from '../lib/model/source.ts';
import { SHOWN_LAYERS } from '../lib/draw/draw-state.ts';
import { kernelMs, summarizeProfile, top, type KernelCall } from '../lib/bench/profile.ts';
import type { PredictMeasurement, StepMeasurement, StepRun, TrainerFitMeasurement } from '../lib/bench/results.ts';
import { createInferenceClient } from '../components/workers/inference-client.ts';

const BATCH = DECK_FIT.batchSize;
/** Kernels kept per profile. */
const TOP_KERNELS = 8;

let tfPromise: Promise<LoadedTf> | undefined;
let dataPromise: Promise<MnistFullData> | undefined;

const env = () => (tfPromise ??= loadTf({ forced: parseBackendParam(location.search) }));
const mnist = () => (dataPromise ??= loadMnist({ baseUrl: `${import.meta.env.BASE_URL}data/mnist/`, set: 'full', caches: null }));

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const indices = (n: number, from = 0) => Int32Array.from({ length: n }, (_, k) => from + k);

/** The backend, its renderer, and how this page can time kernels. */
export async function benchInfo(): Promise<{ backend: string; forced: string | undefined; skipped: string; renderer: string; profileTiming: string }> {
  const { tf, report } = await env();
  return {
    backend: report.backend,
    forced: report.forced,
    skipped: report.skipped.map((s) => `${s.name}: ${s.reason.code}`).join(', '),
    renderer: await renderer(report.backend),
    profileTiming: profileTiming(tf),
  };
}

/** The course's kernels against tfjs's own on this page's backend (src/lib/kernels/check.ts). */
export async function benchCheckKernels(): Promise<{ backend: string; checks: KernelCheck[] }> {
  const { tf, report } = await env();
  return { backend: report.backend, checks: [...(await checkCourseKernels(tf, report.backend)), await checkAdam(tf, report.backend)] };
}

async function renderer(backend: string): Promise<string> {
  try {
    if (backend === 'webgpu') {
      const nav = navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info?: { vendor: string; architecture: string; description: string } } | null> } };
      const info = nav.gpu ? (await nav.gpu.requestAdapter())?.info : undefined;
      return info ? [info.vendor, info.architecture, info.description].filter(Boolean).join(' / ') : 'unknown adapter';
    }
    if (backend === 'webgl') {
      const gl = document.createElement('canvas').getContext('webgl2');
      const ext = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : 'unknown renderer';
    }
    return backend === 'wasm' ? 'WebAssembly (CPU)' : 'JavaScript (CPU)';
  } catch (e) {
    return `unknown (${message(e)})`;
  }
}

/** How tf.profile's kernel times are taken on the backend in use. */
function profileTiming(tf: Tf): string {
  const backend = tf.getBackend();
  if (backend === 'webgl') {
    return tf.env().getNumber('WEBGL_DISJOINT_QUERY_TIMER_EXTENSION_RELIABLE') > 0 ? 'GPU timer queries' : 'wall clock, each kernel read back';
  }
  if (backend === 'webgpu') {
    return (tf.backend() as unknown as { supportTimestampQuery?: boolean }).supportTimestampQuery ? 'GPU timestamp queries' : 'wall clock, each kernel read back';
  }
  return 'wall clock (synchronous kernels)';
}

interface Case {
  readonly tf: Tf;
  readonly model: LayersModel;
  readonly optimizer: Optimizer;
  readonly xs: Tensor4D;
  readonly ys: Tensor2D;
}

/** Collects garbage where the browser allows it (scripts/bench.ts starts Chromium with --expose-gc). */
const collect = () => (globalThis as { gc?: () => void }).gc?.();

/** One step, after a garbage collection: the garbage of the step before is not this one's time. */
async function timedStep(c: Case): Promise<number> {
  collect();
  const t0 = performance.now();
  await trainStep(c.tf, c.model, c.optimizer, c.xs, c.ys);
  return performance.now() - t0;
}

/**
 * One step under tf.profile. Where the backend cannot time kernels (WebGPU without timestamp
 * queries reports zeros), the profiler is told the backend has no timer, so it reads each kernel's
 * output back and times it with the wall clock: slower, but the shares are still the kernels'.
 */
async function profiledStep(c: Case): Promise<{ wallMs: number; profile: NonNullable<StepRun['profile']> }> {
  const { tf } = c;
  const backend = tf.backend() as unknown as { timerAvailable(): boolean };
  const forceWall = tf.getBackend() === 'webgpu' && !(tf.backend() as unknown as { supportTimestampQuery?: boolean }).supportTimestampQuery;
  if (forceWall) Object.defineProperty(backend, 'timerAvailable', { value: () => false, configurable: true, writable: true });
  let wallMs = 0;
  try {
    const info = await tf.profile(async () => {
      wallMs = await timedStep(c);
    });
    const calls: KernelCall[] = info.kernels.map((k) => ({ name: k.name, ms: kernelMs(k.kernelTimeMs) }));
    const summary = summarizeProfile(calls);
    return { wallMs, profile: { totalMs: summary.totalMs, untimed: summary.untimed, kernels: top(summary, TOP_KERNELS) } };
  } finally {
    if (forceWall) delete (backend as { timerAvailable?: unknown }).timerAvailable;
  }
}

export interface StepOptions {
  /** Timed steps per kernel set, each right after an untimed step of the same set. */
  readonly timed: number;
  /** Untimed steps before the stock kernels' timed ones too (false skips 40-second steps of stock CPU in --quick). */
  readonly warmStock: boolean;
  /**
   * Profile the last timed step instead of an extra one: on CPU and WASM, where a kernel's time is
   * a clock around a synchronous call and profiling costs nothing, and in --quick everywhere.
   */
  readonly profileLastTimed: boolean;
  /**
   * Timed course steps per turn (default 1). On CPU and WASM a course step is a tenth of a stock
   * CPU step or less, and this machine makes some of them twice as slow as the rest: more of
   * them give a steadier median at little cost. Each turn still begins right after the stock set's.
   */
  readonly courseTimed?: number;
}

/**
 * The deck's CNN, one step of batch 128 (the first 128 training images), stock against course
 * kernels on the page's backend. The kernel sets take turns (stock, then course, and again), so a
 * slower stretch of the machine falls on both; each turn is an untimed step, then the timed one. A kernel set that cannot train here (WASM's stock set has no
 * Conv2DBackpropFilter) is reported with its error instead of times.
 */
export async function benchStep(options: StepOptions): Promise<StepMeasurement> {
  const { tf, report } = await env();
  const data = await mnist();
  const backend = report.backend;
  const model = buildCnn(tf, DECK_CNN);
  const optimizer = createOptimizer(tf);
  const { xs, ys } = makeBatch(tf, data.train, indices(BATCH));
  const c: Case = { tf, model, optimizer, xs, ys };
  const kinds = ['stock', 'course'] as const;
  const use = (kind: (typeof kinds)[number]) => {
    if (kind === 'stock') useStockKernels(tf, backend);
    else installCourseKernels(tf, backend);
  };
  const runs = {
    stock: { ms: [] as number[], error: null as string | null, profile: null as StepRun['profile'], warmedUp: false },
    course: { ms: [] as number[], error: null as string | null, profile: null as StepRun['profile'], warmedUp: false },
  };
  const attempt = async (kind: (typeof kinds)[number], work: () => Promise<void>) => {
    if (runs[kind].error !== null) return;
    use(kind);
    try {
      await work();
    } catch (e) {
      runs[kind].error = message(e);
    }
  };
  try {
    for (let i = 0; i < options.timed; i++) {
      const last = i === options.timed - 1;
      for (const kind of kinds) {
        await attempt(kind, async () => {
          // Each timed step follows an untimed one with the same kernels: right after a step of
          // the other set (its garbage, its compiled code or shaders) a step measured up to twice
          // its steady time on the CPU backend here.
          if (kind === 'course' || options.warmStock) {
            await timedStep(c);
            runs[kind].warmedUp = true;
          }
          const times = kind === 'course' ? Math.max(1, options.courseTimed ?? 1) : 1;
          for (let t = 0; t < times; t++) {
            if (last && t === times - 1 && options.profileLastTimed) {
              const p = await profiledStep(c);
              runs[kind].ms.push(p.wallMs);
              runs[kind].profile = p.profile;
            } else {
              runs[kind].ms.push(await timedStep(c));
            }
          }
        });
      }
    }
    if (!options.profileLastTimed) {
      for (const kind of kinds) {
        await attempt(kind, async () => {
          if (kind === 'course' || options.warmStock) await timedStep(c);
          runs[kind].profile = (await profiledStep(c)).profile;
        });
      }
    }
  } finally {
    installCourseKernels(tf, backend);
    xs.dispose();
    ys.dispose();
    optimizer.dispose();
    model.dispose();
  }
  return { backend, batch: BATCH, stock: runs.stock, course: runs.course, profileTiming: profileTiming(tf) };
}

/**
 * The site's trainer against `model.fit`, each on a fresh deck CNN with Adam (Keras defaults),
 * with the course's kernels (as the site runs): one warm-up batch each (unless `warmUp` is false:
 * benchStep in the same page has compiled the same kernels), then `rounds` rounds of `batches`
 * batches of the same images, trainer and fit alternating; per-batch times, one per round. The trainer is trainEpoch (src/lib/training/train-loop.ts), the batch loop of
 * the training lesson's worker, with its optimizer (Adam as one kernel per variable,
 * src/lib/kernels/adam.ts); fit is plain: tfjs's own Adam, the images as one tensor, built
 * inside its timing.
 */
export async function benchTrainerFit(options: { batches: number; rounds: number; warmUp: boolean }): Promise<TrainerFitMeasurement> {
  const { tf, report } = await env();
  const data = await mnist();
  installCourseKernels(tf, report.backend);
  const n = options.batches;
  const warm = firstN(data.train, BATCH);
  const timed = firstN(data.train, n * BATCH);

  const trainerModel = buildCnn(tf, DECK_CNN);
  const trainerOptimizer = createOptimizer(tf);
  const fitModel = buildCnn(tf, DECK_CNN);
  // A plain fit: tfjs's own Adam with the deck's constants, as `optimizer: 'adam'` would be.
  const { learningRate, beta1, beta2, epsilon } = ADAM_DEFAULTS;
  const fitOptimizer = tf.train.adam(learningRate, beta1, beta2, epsilon);
  fitModel.compile({ optimizer: fitOptimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  let epoch = 0;
  const trainer = (images: typeof timed) => trainEpoch(tf, trainerModel, trainerOptimizer, images, { epoch: epoch++, batchSize: BATCH, seed: 1, lookAhead: () => overlapsBatches(tf) });
  const fit = async (images: typeof timed) => {
    const { xs, ys } = makeBatch(tf, images, indices(images.count));
    try {
      await fitModel.fit(xs, ys, { batchSize: BATCH, epochs: 1 });
    } finally {
      xs.dispose();
      ys.dispose();
    }
  };
  const time = async (work: () => Promise<unknown>) => {
    collect();
    const t0 = performance.now();
    await work();
    return (performance.now() - t0) / n;
  };
  const trainerMs: number[] = [];
  const fitMs: number[] = [];
  try {
    if (options.warmUp) {
      await trainer(warm);
      await fit(warm);
    }
    // Paired rounds, each timing both; which goes first alternates, so neither always runs
    // right after the other's garbage.
    for (let r = 0; r < options.rounds; r++) {
      if (r % 2 === 0) {
        trainerMs.push(await time(() => trainer(timed)));
        fitMs.push(await time(() => fit(timed)));
      } else {
        fitMs.push(await time(() => fit(timed)));
        trainerMs.push(await time(() => trainer(timed)));
      }
    }
  } finally {
    trainerOptimizer.dispose();
    trainerModel.dispose();
    fitOptimizer.dispose();
    fitModel.dispose();
  }
  return { backend: report.backend, batch: BATCH, batches: n, trainerMs, fitMs };
}

/**
 * A digit through the inference worker (src/components/workers/inference-client.ts), on the
 * page's backend (the worker reads the same ?backend=), with the shipped model and the layers the
 * drawing lesson asks for: what a learner waits for after a stroke. The digit is MNIST's first
 * test image, 28×28 in 0..1, as the lesson's preprocessing hands a drawing over.
 */
export async function benchPredict(options: { count: number; warmup: number }): Promise<PredictMeasurement> {
  const data = await mnist();
  const size = data.test.rows * data.test.cols;
  const image = Float32Array.from(data.test.images.subarray(0, size), (v) => v / 255);
  const layers = SHOWN_LAYERS.map((l) => l.name);
  const client = createInferenceClient();
  try {
    const loaded = await client.load(pretrainedSource(import.meta.env.BASE_URL, location.href));
    if (!loaded.ok) throw new Error(`the inference worker refused the shipped model: ${loaded.code} ${loaded.detail}`);
    for (let i = 0; i < options.warmup; i++) await client.predict(image, layers);
    const roundTripMs: number[] = [];
    const workerMs: number[] = [];
    for (let i = 0; i < options.count; i++) {
      const t0 = performance.now();
      const r = await client.predict(image, layers);
      roundTripMs.push(performance.now() - t0);
      workerMs.push(r.ms);
    }
    const state = client.host.get();
    const backend = state.phase === 'ready' ? state.report.backend : `unknown (${state.phase})`;
    return { backend, via: `inference worker, model + ${layers.join(', ')} activations`, roundTripMs, workerMs };
  } finally {
    client.reset();
  }
}
