/**
 * `npm run bench [-- --quick] [-- --json FILE]`: measures, in one run, in headless Chromium, what
 * issue #12 asks and prints a table of ratios (measurements, never pass/fail: it exits 0 when a
 * target is missed, and says so with ✗).
 *
 *   1. One training step of the deck's CNN (batch 128, Adam, the first 128 MNIST training images)
 *      with the course's kernels (src/lib/kernels/) against stock tfjs 4.22, on WebGPU, WebGL, CPU
 *      and WASM, in the same page on the same batch (WASM's stock kernels cannot train: its
 *      ratio is taken against stock CPU). A tf.profile of one step of each: the top kernels.
 *   2. The site's trainer (trainEpoch, the training lesson's worker loop) against model.fit.
 *   3. Prediction latency of a digit through the inference worker (median, p95) per backend.
 *   4. The longest main-thread task while the training lesson trains, driven as a learner would.
 *   5. Bytes each page downloads, first and second visit (CDP's encodedDataLength).
 *
 * 1–3 run on /tools/bench/ (src/tools/bench.astro → src/site/bench.ts) of the flagged build in
 * dist-bench/ (CNN_COURSE_TEST_HOOKS=1 ASTRO_OUT_DIR=./dist-bench astro build); 4–5 on the
 * production build in dist/ (npm run build). `npm run bench` makes both first; this script
 * builds nothing. Each backend gets a fresh browser and page (?backend=webgpu...).
 *
 *   --quick            one timed step per case, which is also the profiled one; no separate warm-up
 *                      for the trainer and model.fit on the GPUs (the step before compiled the
 *                      same kernels);
 *                      no untimed step before stock CPU's (12–40 s, nothing to compile); fewer predictions
 *   --json FILE        writes every figure (keys step.<backend>.{stock_ms,course_ms,ratio},
 *                      trainer_vs_fit.<backend>, predict.<backend>.{p50_ms,p95_ms}, longest_task_ms...)
 *   --backends a,b     only these backends (default webgpu,webgl,cpu,wasm)
 *   --skip-lesson      no longest-task measurement;  --skip-bytes  no page bytes
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromium, type Browser, type Page } from '@playwright/test';
import { BENCH_BACKENDS, evaluateTargets, formatTargets, stepFigures, type BenchBackend, type BenchResults, type PredictFigures, type PredictMeasurement, type StepFigures, type StepMeasurement, type TrainerFitFigures, type TrainerFitMeasurement, trainerFitFigures } from '../src/lib/bench/results.ts';
import { countBytes, type ByteCounts, type Transfer } from '../src/lib/bench/bytes.ts';
import { summarize } from '../src/lib/bench/stats.ts';
import { fmtBytes, fmtMs, fmtRatio, fmtShare, formatTable } from '../src/lib/bench/table.ts';
import { clearLongTasks, longTasks, watchLongTasks } from './long-tasks.ts';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes('--quick');
const jsonFile = arg('json');
const backends = (arg('backends') ?? BENCH_BACKENDS.join(','))
  .split(',')
  .map((b) => b.trim())
  .filter((b): b is BenchBackend => (BENCH_BACKENDS as readonly string[]).includes(b));
const skipLesson = args.includes('--skip-lesson');
const skipBytes = args.includes('--skip-bytes');

/** How much each case measures; --quick: one timed step per case. */
const PLAN = quick
  ? { timedSteps: 1, trainerBatches: 1, trainerRounds: 1, predictions: 15, predictWarmup: 2, lesson: { epochs: '1', images: '300' } }
  : { timedSteps: 3, trainerBatches: 2, trainerRounds: 9, predictions: 50, predictWarmup: 5, lesson: { epochs: '1', images: '2000' } };
/** Stock CPU takes 12–40 s a step of 128: fewer timed steps there (and no untimed step before them in --quick). */
const CPU_TIMED_STEPS = quick ? 1 : 3;
/** Course steps timed per turn on CPU and WASM (each about a second): 9 in all against stock's 3. */
const CPU_COURSE_TIMED = 3;
/**
 * The trainer and model.fit differ by a few per cent at most, less than one step's noise here: on
 * the backends that train a batch in about a second (CPU, WASM), more batches and rounds.
 */
const FAST_TRAINER_FIT = quick ? { batches: 3, rounds: 3 } : { batches: 4, rounds: 9 };

const PROD = { dir: './dist', port: 4361, hooks: false };
const BENCH = { dir: './dist-bench', port: 4362, hooks: true };
/** Pages whose downloads are counted: home, a light lesson, one with a small tfjs demo, and the demo-heavy ones. */
const BYTE_PAGES = [
  { path: '/', what: 'home' },
  { path: '/lessons/program/', what: 'a lesson of text and a small demo without tfjs' },
  { path: '/lessons/cnn/', what: 'a lesson whose one demo (the model summary) runs tfjs' },
  { path: '/lessons/training/', what: 'training lesson' },
  { path: '/lessons/draw/', what: 'draw lesson' },
  { path: '/lessons/colab-mnist/', what: 'MNIST explorer lesson' },
];

for (const [dir, file, how] of [
  [PROD.dir, 'lessons/training/index.html', 'npm run build'],
  [BENCH.dir, 'tools/bench/index.html', 'CNN_COURSE_TEST_HOOKS=1 ASTRO_OUT_DIR=./dist-bench npx astro build'],
] as const) {
  if (!existsSync(`${dir}/${file}`)) {
    console.error(`bench: no ${dir}/${file}; run \`${how}\` first (npm run bench builds both)`);
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------------------------
// Servers and browsers.

const servers: ChildProcess[] = [];
const stopServers = () => {
  for (const s of servers) {
    try {
      if (s.pid) process.kill(-s.pid);
    } catch {
      /* already gone */
    }
  }
};
process.on('exit', stopServers);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

async function serve(site: { dir: string; port: number; hooks: boolean }): Promise<string> {
  const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(site.port), '--ignore-lock'], {
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, ASTRO_OUT_DIR: site.dir, CNN_COURSE_TEST_HOOKS: site.hooks ? '1' : '0' },
  });
  servers.push(server);
  const origin = `http://127.0.0.1:${site.port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${origin}/`)).ok) return origin;
    } catch {
      /* not up yet */
    }
    if (i > 120) throw new Error(`preview server for ${site.dir} did not start at ${origin}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** --expose-gc: the bench page collects garbage before each timed step (a step of stock CPU leaves hundreds of MB). */
const BASE_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--js-flags=--expose-gc'];
/** WebGPU needs the flag (and 127.0.0.1, a secure context); Dawn's unsafe APIs give tfjs its kernel timestamps. */
const GPU_ARGS = ['--enable-unsafe-webgpu', '--enable-dawn-features=allow_unsafe_apis'];

function launch(webgpu: boolean): Promise<Browser> {
  return chromium.launch({
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: webgpu ? [...BASE_ARGS, ...GPU_ARGS] : BASE_ARGS,
  });
}

const t0 = Date.now();
const log = (m: string) => {
  console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${m}`);
};
const errors: string[] = [];
const fail = (what: string, e: unknown) => {
  const m = `${what}: ${e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e)}`;
  errors.push(m);
  log(`✗ ${m}`);
};

// ---------------------------------------------------------------------------------------------
// 1–3: the tool page, one fresh browser per backend.

interface BenchApi {
  info(): Promise<{ backend: string; forced: string | undefined; skipped: string; renderer: string; profileTiming: string }>;
  step(o: { timed: number; warmStock: boolean; profileLastTimed: boolean; courseTimed: number }): Promise<StepMeasurement>;
  trainerFit(o: { batches: number; rounds: number; warmUp: boolean }): Promise<TrainerFitMeasurement>;
  predict(o: { count: number; warmup: number }): Promise<PredictMeasurement>;
}
type Call = { [K in keyof BenchApi]: { name: K; arg: Parameters<BenchApi[K]>[0] } }[keyof BenchApi];

function call<K extends keyof BenchApi>(page: Page, name: K, arg?: Parameters<BenchApi[K]>[0]): Promise<Awaited<ReturnType<BenchApi[K]>>> {
  return page.evaluate(
    async ({ name, arg }: Call | { name: 'info'; arg: undefined }) => {
      const api = (globalThis as unknown as { cnnBench: Record<string, (a: unknown) => Promise<unknown>> }).cnnBench;
      const fn = api[name];
      if (!fn) throw new Error(`cnnBench.${name} is missing`);
      return fn(arg);
    },
    { name, arg } as Call,
  ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
}

interface BackendRun {
  info?: Awaited<ReturnType<BenchApi['info']>>;
  step?: StepMeasurement;
  trainerFit?: TrainerFitMeasurement;
  predict?: PredictMeasurement;
}

async function benchBackend(origin: string, backend: BenchBackend): Promise<BackendRun> {
  const run: BackendRun = {};
  const browser = await launch(backend === 'webgpu');
  try {
    const page = await browser.newPage({ serviceWorkers: 'block' });
    page.on('console', (m) => {
      if (m.type() === 'error') console.log(`    [page error] ${m.text().slice(0, 300)}`);
    });
    page.on('pageerror', (e) => {
      console.log(`    [page exception] ${e.message.slice(0, 300)}`);
    });
    await page.goto(`${origin}/tools/bench/?backend=${backend}`);
    await page.waitForFunction(() => 'cnnBench' in globalThis);
    run.info = await call(page, 'info');
    log(`${backend}: page runs on ${run.info.backend} (${run.info.renderer}); kernel times: ${run.info.profileTiming}`);
    if (run.info.backend !== backend) throw new Error(`asked for ${backend}, the page runs on ${run.info.backend} (${run.info.skipped})`);
    const cpuLike = backend === 'cpu' || backend === 'wasm';
    try {
      const timed = backend === 'cpu' ? CPU_TIMED_STEPS : PLAN.timedSteps;
      run.step = await call(page, 'step', { timed, warmStock: !(quick && backend === 'cpu'), profileLastTimed: cpuLike || quick, courseTimed: cpuLike && !quick ? CPU_COURSE_TIMED : 1 });
      const s = run.step;
      log(`${backend}: step stock ${s.stock.error ? `cannot train (${s.stock.error})` : s.stock.ms.map((v) => fmtMs(v)).join(', ')} | course ${s.course.error ?? s.course.ms.map((v) => fmtMs(v)).join(', ')}`);
    } catch (e) {
      fail(`${backend} step`, e);
    }
    try {
      const plan = cpuLike ? FAST_TRAINER_FIT : { batches: PLAN.trainerBatches, rounds: PLAN.trainerRounds };
      run.trainerFit = await call(page, 'trainerFit', { ...plan, warmUp: !quick || cpuLike });
      log(`${backend}: trainer ${run.trainerFit.trainerMs.map((v) => fmtMs(v)).join(', ')} per batch | model.fit ${run.trainerFit.fitMs.map((v) => fmtMs(v)).join(', ')}`);
    } catch (e) {
      fail(`${backend} trainer vs fit`, e);
    }
    try {
      run.predict = await call(page, 'predict', { count: PLAN.predictions, warmup: PLAN.predictWarmup });
      const p = summarize(run.predict.roundTripMs);
      log(`${backend}: predict p50 ${fmtMs(p.p50)}, p95 ${fmtMs(p.p95)} (worker ${run.predict.backend})`);
    } catch (e) {
      fail(`${backend} predict`, e);
    }
  } catch (e) {
    fail(backend, e);
  } finally {
    await browser.close();
  }
  return run;
}

// ---------------------------------------------------------------------------------------------
// 4: the longest main-thread task while the training lesson trains (production build).

interface LessonRun {
  longestMs: number;
  tasks: number;
  over50: number;
  backend: string;
  seconds: number;
}

async function lessonLongestTask(origin: string): Promise<LessonRun> {
  const browser = await launch(true);
  try {
    const page = await browser.newPage({ serviceWorkers: 'block' });
    await watchLongTasks(page);
    await page.goto(`${origin}/lessons/training/`);
    const d = page.locator('section.training');
    await d.scrollIntoViewIfNeeded();
    // Start only once the lesson's backend runs, as a learner sees the badge settle.
    const badge = d.locator(BENCH_BACKENDS.map((b) => `.backend-badge[data-backend="${b}"]`).join(', '));
    await badge.waitFor({ timeout: 300_000 });
    const backend = (await badge.getAttribute('data-backend')) ?? 'unknown';
    await d.getByLabel('エポック数').selectOption(PLAN.lesson.epochs);
    await d.getByLabel('使う学習用画像').selectOption(PLAN.lesson.images);
    await clearLongTasks(page);
    const started = Date.now();
    await d.getByRole('button', { name: '学習を始める' }).click();
    const status = d.getByTestId('training-status');
    const progress = setInterval(() => {
      void status.innerText({ timeout: 5_000 }).then(
        (text) => {
          log(`training lesson (${backend}): ${text.replace(/\s+/g, ' ').slice(0, 120)}`);
        },
        () => undefined,
      );
    }, 30_000);
    try {
      await status.filter({ hasText: '学習が終わりました' }).waitFor({ timeout: 600_000 });
    } finally {
      clearInterval(progress);
    }
    const tasks = await longTasks(page);
    return { longestMs: Math.max(0, ...tasks), tasks: tasks.length, over50: tasks.filter((t) => t > 50).length, backend, seconds: (Date.now() - started) / 1000 };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 5: bytes per page, first and second visit (production build).

/**
 * One visit: opens the page, scrolls to its end as a reader does (islands hydrate when visible),
 * and waits until the network is quiet. The page's own requests are counted with CDP's
 * encodedDataLength (headers + body as sent; a response from the cache counts 0); requests of its
 * workers, which the page's CDP session does not see, with Playwright's request sizes.
 */
async function visit(page: Page, url: string): Promise<ByteCounts> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const seen = new Map<string, { url: string; type: string; mime: string }>();
  const cdpTransfers: Transfer[] = [];
  cdp.on('Network.responseReceived', (e) => {
    seen.set(e.requestId, { url: e.response.url, type: e.type, mime: e.response.mimeType });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = seen.get(e.requestId);
    if (r) cdpTransfers.push({ url: r.url, resourceType: r.type, mimeType: r.mime, bytes: e.encodedDataLength });
  });
  let inFlight = 0;
  let lastChange = Date.now();
  const pwFinished: { url: string; type: string; bytes: number }[] = [];
  const pending: Promise<void>[] = [];
  const onRequest = () => {
    inFlight++;
    lastChange = Date.now();
  };
  const onDone = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on('request', onRequest);
  page.on('requestfailed', onDone);
  page.on('requestfinished', (req) => {
    onDone();
    pending.push(
      req.sizes().then(
        (s) => {
          pwFinished.push({ url: req.url(), type: req.resourceType(), bytes: s.responseBodySize + s.responseHeadersSize });
        },
        () => undefined,
      ),
    );
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(async () => {
    for (let y = 0; y <= document.documentElement.scrollHeight; y += Math.max(200, innerHeight * 0.8)) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 150));
    }
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastChange < 2500)) await new Promise((r) => setTimeout(r, 250));
  await Promise.all(pending);
  await cdp.detach();
  // Requests Playwright saw that the page's CDP session did not: the workers'.
  const unmatched = new Map<string, number>();
  for (const t of cdpTransfers) unmatched.set(t.url, (unmatched.get(t.url) ?? 0) + 1);
  const workerTransfers: Transfer[] = [];
  for (const r of pwFinished) {
    const n = unmatched.get(r.url) ?? 0;
    if (n > 0) unmatched.set(r.url, n - 1);
    else workerTransfers.push({ url: r.url, resourceType: r.type, bytes: r.bytes });
  }
  return countBytes([...cdpTransfers, ...workerTransfers]);
}

async function pageBytes(origin: string): Promise<BenchResults['bytes']> {
  const out: Record<string, { first: ByteCounts; second: ByteCounts }> = {};
  const browser = await launch(true);
  try {
    for (const p of BYTE_PAGES) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      try {
        const first = await visit(await context.newPage(), `${origin}${p.path}`);
        const second = await visit(await context.newPage(), `${origin}${p.path}`);
        out[p.path] = { first, second };
        log(`bytes ${p.path}: first ${fmtBytes(first.total)}, second ${fmtBytes(second.total)}`);
      } catch (e) {
        fail(`bytes ${p.path}`, e);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The run.

log(`npm run bench${quick ? ' --quick' : ''}: backends ${backends.join(', ')}`);
const [prodOrigin, benchOrigin] = await Promise.all([serve(PROD), serve(BENCH)]);
const runs: Partial<Record<BenchBackend, BackendRun>> = {};
for (const b of backends) runs[b] = await benchBackend(benchOrigin, b);

let lesson: LessonRun | null = null;
if (!skipLesson) {
  try {
    lesson = await lessonLongestTask(prodOrigin);
    log(`training lesson on ${lesson.backend}: ${lesson.tasks} long tasks, longest ${fmtMs(lesson.longestMs)}, ${lesson.seconds.toFixed(0)} s`);
  } catch (e) {
    fail('training lesson', e);
  }
}
const bytes = skipBytes ? {} : await pageBytes(prodOrigin);
const browserVersion = await launch(false).then(async (b) => {
  const v = b.version();
  await b.close();
  return v;
});
stopServers();

// ---------------------------------------------------------------------------------------------
// Figures, targets, report.

const stockCpuMs = runs.cpu?.step ? stepFigures('cpu', runs.cpu.step, null).stock_ms : null;
const step: Partial<Record<BenchBackend, StepFigures>> = {};
const trainerVsFit: BenchResults['trainer_vs_fit'] = {};
const trainerVsFitMs: Partial<Record<BenchBackend, TrainerFitFigures>> = {};
const profile: Record<string, { timing: string; stock: StepMeasurement['stock']['profile']; course: StepMeasurement['course']['profile'] }> = {};
const predict: Partial<Record<BenchBackend, PredictFigures>> = {};
for (const b of backends) {
  const r = runs[b];
  if (r?.step) {
    step[b] = stepFigures(b, r.step, stockCpuMs);
    profile[b] = { timing: r.step.profileTiming, stock: r.step.stock.profile, course: r.step.course.profile };
  }
  if (r?.trainerFit) {
    const { figures, ratio } = trainerFitFigures(r.trainerFit);
    trainerVsFit[b] = ratio;
    trainerVsFitMs[b] = figures;
  }
  if (r?.predict) {
    const rt = summarize(r.predict.roundTripMs);
    const w = summarize(r.predict.workerMs);
    predict[b] = { p50_ms: rt.p50, p95_ms: rt.p95, worker_p50_ms: w.p50, worker_p95_ms: w.p95, n: rt.n, via: r.predict.via };
  }
}
const longestTaskMs = lesson ? lesson.longestMs : null;
const targets = evaluateTargets({ step, trainer_vs_fit: trainerVsFit, predict, longest_task_ms: longestTaskMs });
const cpus = os.cpus();
const renderers = Object.fromEntries(backends.flatMap((b) => (runs[b]?.info ? [[`renderer_${b}`, runs[b].info.renderer]] : [])));
const results: BenchResults = {
  machine: {
    date: new Date().toISOString(),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    browser: `Chromium ${browserVersion} (headless)`,
    ...renderers,
  },
  quick,
  step,
  trainer_vs_fit: trainerVsFit,
  trainer_vs_fit_ms: trainerVsFitMs,
  profile,
  predict,
  longest_task_ms: longestTaskMs,
  longest_task: lesson
    ? { backend: lesson.backend, long_tasks: lesson.tasks, over_50_ms: lesson.over50, run: `${PLAN.lesson.images} images, ${PLAN.lesson.epochs} epoch(s)`, seconds: Math.round(lesson.seconds) }
    : null,
  bytes,
  targets,
  errors,
};

const out: string[] = [];
const section = (title: string) => out.push('', title);
out.push('', `== npm run bench${quick ? ' --quick' : ''} — ${results.machine['date']} ==`);
out.push(`machine: ${results.machine['cpu']}, ${results.machine['cores']} cores, ${results.machine['memory_gb']} GB; ${results.machine['os']}; ${results.machine['browser']}; node ${results.machine['node']}`);
for (const b of backends) if (runs[b]?.info) out.push(`  ${b}: ${runs[b].info.renderer}`);

section(`Training step: deck CNN, batch 128, Adam, the same 128 MNIST images; median of the timed steps, each after an untimed step of the same kernels${quick ? ' (--quick: one timed step, also the profiled one; stock CPU without the untimed step)' : ''}`);
out.push(
  ...formatTable(
    ['backend', 'stock tfjs', 'course kernels', 'ratio', 'against', 'steps (stock/course)'],
    backends.map((b) => {
      const s = step[b];
      if (!s) return [b, '–', '–', '–', '', 'failed'];
      return [b, s.stock_ms === null ? 'cannot train' : fmtMs(s.stock_ms), fmtMs(s.course_ms), fmtRatio(s.ratio), s.ratio_against, `${s.steps.stock}/${s.steps.course}`];
    }),
  ),
);

section("Site's trainer vs model.fit: median ms per batch of 128, course kernels, the same images, alternating rounds (ratio = median of each round's fit / trainer, with the lowest and highest round; ≥1: the trainer is at least as fast; within 0.5 % below 1: level)");
out.push(
  ...formatTable(
    ['backend', 'trainer', 'model.fit', 'ratio', 'rounds from–to', 'batches × rounds'],
    backends.map((b) => {
      const m = trainerVsFitMs[b];
      return m ? [b, fmtMs(m.trainer_ms), fmtMs(m.fit_ms), fmtRatio(trainerVsFit[b]), `${fmtRatio(m.ratio_low)}–${fmtRatio(m.ratio_high)}`, `${m.batches} × ${m.rounds}`] : [b, '–', '–', '–', '–', 'failed'];
    }),
  ),
);

section('Per-kernel profile of one step (tf.profile), top kernels by time: stock vs course');
for (const b of backends) {
  const p = profile[b];
  if (!p) continue;
  out.push(`${b} (kernel times: ${p.timing})`);
  const col = (pr: typeof p.stock, i: number) => {
    if (!pr) return ['', '', ''];
    const k = pr.kernels[i];
    return k ? [k.name, fmtMs(k.ms), fmtShare(k.share)] : ['', '', ''];
  };
  const n = Math.max(p.stock?.kernels.length ?? 0, p.course?.kernels.length ?? 0);
  const rows = Array.from({ length: n }, (_, i) => [...col(p.stock, i), '|', ...col(p.course, i)]);
  rows.push(['total', fmtMs(p.stock?.totalMs), '', '|', 'total', fmtMs(p.course?.totalMs), '']);
  out.push(...formatTable(['stock kernel', 'ms', 'share', '|', 'course kernel', 'ms', 'share'], rows, ['left', 'right', 'right', 'left', 'left', 'right', 'right']).map((l) => `  ${l}`));
  if (!p.stock) out.push(`  stock: ${step[b]?.stock_note ?? 'not profiled'}`);
}

section('Prediction of a digit (28×28) through the inference worker, with the drawing lesson\'s activations: round trip from the page');
out.push(
  ...formatTable(
    ['backend', 'p50', 'p95', 'in worker p50', 'in worker p95', 'n'],
    backends.map((b) => {
      const p = predict[b];
      return p ? [b, fmtMs(p.p50_ms), fmtMs(p.p95_ms), fmtMs(p.worker_p50_ms), fmtMs(p.worker_p95_ms), String(p.n)] : [b, '–', '–', '–', '–', 'failed'];
    }),
  ),
);

section('Longest main-thread task while the training lesson trains (PerformanceObserver longtask, production build)');
out.push(
  lesson
    ? `${lesson.longestMs === 0 ? 'no task over 50 ms' : `longest ${fmtMs(lesson.longestMs)}`} (${lesson.over50} tasks over 50 ms) — ${lesson.backend}, ${PLAN.lesson.images} images, ${PLAN.lesson.epochs} epoch(s), ${lesson.seconds.toFixed(0)} s`
    : 'not measured',
);

section('Bytes downloaded per page (production build, encoded as sent; second visit: same browser profile, cache warm)');
out.push(
  ...formatTable(
    ['page', 'visit', 'html', 'js', 'css', 'font', 'data', 'other', 'total', 'requests'],
    Object.entries(bytes).flatMap(([path, v]) =>
      (['first', 'second'] as const).map((visitName) => {
        const c = v[visitName];
        return [visitName === 'first' ? path : '', visitName, fmtBytes(c.html), fmtBytes(c.js), fmtBytes(c.css), fmtBytes(c.font), fmtBytes(c.data), fmtBytes(c.other), fmtBytes(c.total), String(c.requests)];
      }),
    ),
  ),
);

section('Issue #12 targets');
out.push(...formatTargets(targets));
if (errors.length > 0) {
  section('Errors');
  out.push(...errors.map((e) => `  ${e}`));
}
console.log(out.join('\n'));
if (jsonFile) {
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${jsonFile}`);
}
console.log(`bench: done in ${((Date.now() - t0) / 60000).toFixed(1)} min`);
process.exit(0);
