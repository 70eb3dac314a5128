import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ALL_ASSETS,
  FULL_ASSETS,
  MNIST_ASSET_FORMAT,
  MNIST_ASSET_VERSION,
  SAMPLE_ASSETS,
  assetFileName,
  encodeU16le,
  encodeZrle,
  gather,
  selectSample,
  type AssetEntry,
  type AssetId,
  type MnistManifest,
} from '../../src/lib/mnist/assets.ts';
import {
  MnistLoadError,
  loadManifest,
  loadMnist,
  sha256Hex,
  toFloatBatch,
  type CacheLike,
  type CacheStorageLike,
  type FetchLike,
  type MnistProgress,
} from '../../src/lib/mnist/loader.ts';

const BASE = 'https://course.example/data/mnist/';
const ROWS = 28;
const COLS = 28;
const SIZE = ROWS * COLS;
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
function must<T>(v: T | undefined): T {
  if (v === undefined) throw new Error('missing value');
  return v;
}
const flip = (b: Uint8Array, i: number, mask: number): void => {
  b[i] = (b[i] ?? 0) ^ mask;
};

/** Digit-like synthetic images: a bright blob on zeros, different per image. */
function syntheticImages(count: number, seed: number): Uint8Array {
  const out = new Uint8Array(count * SIZE);
  let s = seed;
  const rnd = (): number => ((s = (s * 1103515245 + 12345) >>> 0) >>> 16) / 65536;
  for (let i = 0; i < count; i++) {
    const cx = 8 + rnd() * 12;
    const cy = 8 + rnd() * 12;
    for (let y = 0; y < ROWS; y++) {
      for (let x = 0; x < COLS; x++) {
        const d = Math.hypot(x - cx, y - cy);
        if (d < 6) out[i * SIZE + y * COLS + x] = d < 3 ? 255 : Math.round(255 - d * 30 - rnd() * 40);
      }
    }
  }
  return out;
}

interface Fixture {
  manifest: MnistManifest;
  files: Map<string, Uint8Array>;
  trainImages: Uint8Array;
  trainLabels: Uint8Array;
  testImages: Uint8Array;
  testLabels: Uint8Array;
  sampleIdx: number[];
}

function makeFixture(): Fixture {
  const trainCount = 120;
  const testCount = 60;
  const trainImages = syntheticImages(trainCount, 1);
  const testImages = syntheticImages(testCount, 2);
  const trainLabels = Uint8Array.from({ length: trainCount }, (_, i) => (i * 7) % 10);
  const testLabels = Uint8Array.from({ length: testCount }, (_, i) => (i * 3) % 10);
  const sampleIdx = selectSample(testLabels, 10, 2);
  const sample = gather(testImages, testLabels, SIZE, sampleIdx);
  const files = new Map<string, Uint8Array>();
  const entry = (id: AssetId, kind: AssetEntry['kind'], count: number, payload: Uint8Array, zrle: boolean): AssetEntry => {
    const stored = gzipSync(zrle ? encodeZrle(payload, SIZE) : payload, { level: 9 });
    files.set(assetFileName(id), new Uint8Array(stored));
    return {
      file: assetFileName(id),
      kind,
      count,
      encoding: zrle ? 'gzip+zrle1' : 'gzip',
      dtype: kind === 'indices' ? 'uint16le' : 'uint8',
      bytes: stored.length,
      sha256: sha(stored),
      payloadBytes: payload.length,
      payloadSha256: sha(payload),
    };
  };
  const assets: Record<AssetId, AssetEntry> = {
    'train-images': entry('train-images', 'images', trainCount, trainImages, true),
    'train-labels': entry('train-labels', 'labels', trainCount, trainLabels, false),
    'test-images': entry('test-images', 'images', testCount, testImages, true),
    'test-labels': entry('test-labels', 'labels', testCount, testLabels, false),
    'sample-images': entry('sample-images', 'images', sampleIdx.length, sample.images, true),
    'sample-labels': entry('sample-labels', 'labels', sampleIdx.length, sample.labels, false),
    'sample-indices': entry('sample-indices', 'indices', sampleIdx.length, encodeU16le(sampleIdx), false),
  };
  const total = (ids: readonly AssetId[]): number => ids.reduce((s, id) => s + assets[id].bytes, 0);
  const manifest: MnistManifest = {
    format: MNIST_ASSET_FORMAT,
    version: MNIST_ASSET_VERSION,
    generator: 'test',
    rows: ROWS,
    cols: COLS,
    classes: 10,
    trainCount,
    testCount,
    trainClassCounts: Array(10).fill(12),
    testClassCounts: Array(10).fill(6),
    sample: { source: 'test', perClass: 2, count: sampleIdx.length },
    sets: { full: FULL_ASSETS, sample: SAMPLE_ASSETS },
    totals: { full: total(FULL_ASSETS), sample: total(SAMPLE_ASSETS) },
    assets,
    sources: [],
  };
  files.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
  return { manifest, files, trainImages, trainLabels, testImages, testLabels, sampleIdx };
}

/** A fetch over a file map that streams bodies in small chunks and records requests. */
function fakeFetch(files: Map<string, Uint8Array>, opts: { chunk?: number; headers?: Record<string, string> } = {}) {
  const requests: string[] = [];
  const fetch: FetchLike = (input, init) => {
    requests.push(input);
    if (init?.signal?.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
    const name = input.startsWith(BASE) ? input.slice(BASE.length) : input;
    const body = files.get(name);
    if (!body) return Promise.resolve(new Response('not found', { status: 404, statusText: 'Not Found' }));
    const chunk = opts.chunk ?? 4096;
    let pos = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (init?.signal?.aborted) {
          c.error(new DOMException('aborted', 'AbortError'));
          return;
        }
        if (pos >= body.length) {
          c.close();
          return;
        }
        c.enqueue(body.slice(pos, pos + chunk));
        pos += chunk;
      },
    });
    return Promise.resolve(new Response(stream, { status: 200, headers: opts.headers ?? {} }));
  };
  const count = (file: string): number => requests.filter((r) => r === BASE + file).length;
  return { fetch, requests, count };
}

/** In-memory Cache Storage (Node has none). */
class MemoryCacheStorage implements CacheStorageLike {
  readonly stores = new Map<string, Map<string, Uint8Array>>();
  open(name: string): Promise<CacheLike> {
    const s = this.stores.get(name) ?? new Map<string, Uint8Array>();
    this.stores.set(name, s);
    return Promise.resolve({
      match: (req) => {
        const b = s.get(req);
        return Promise.resolve(b ? new Response(b.slice()) : undefined);
      },
      put: async (req, res) => {
        s.set(req, new Uint8Array(await res.arrayBuffer()));
      },
      delete: (req) => Promise.resolve(s.delete(req)),
    });
  }
  keys(): Promise<string[]> {
    return Promise.resolve([...this.stores.keys()]);
  }
  delete(name: string): Promise<boolean> {
    return Promise.resolve(this.stores.delete(name));
  }
  only(): Map<string, Uint8Array> {
    expect(this.stores.size).toBe(1);
    return must([...this.stores.values()][0]);
  }
}

async function expectLoadError(p: Promise<unknown>, kind: MnistLoadError['kind']): Promise<MnistLoadError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MnistLoadError);
  const e = err as MnistLoadError;
  expect(e.kind).toBe(kind);
  return e;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadManifest', () => {
  it('loads and validates the manifest', async () => {
    const fx = makeFixture();
    const { fetch } = fakeFetch(fx.files);
    const m = await loadManifest(BASE, { fetch });
    expect(m.trainCount).toBe(120);
    expect(m.assets['train-images'].sha256).toBe(fx.manifest.assets['train-images'].sha256);
  });

  it('reports a missing or invalid manifest', async () => {
    const fx = makeFixture();
    const e404 = await expectLoadError(loadManifest(BASE, { fetch: fakeFetch(new Map()).fetch }), 'http');
    expect(e404.status).toBe(404);
    expect(e404.message).toContain('manifest.json');
    fx.files.set('manifest.json', new TextEncoder().encode('{"format":"other"}'));
    const bad = await expectLoadError(loadManifest(BASE, { fetch: fakeFetch(fx.files).fetch }), 'corrupt');
    expect(bad.asset).toBe('manifest.json');
  });
});

describe('loadMnist', () => {
  it('loads the full set bit-exact, with byte progress reaching the total', async () => {
    const fx = makeFixture();
    const { fetch } = fakeFetch(fx.files);
    const reports: MnistProgress[] = [];
    const data = await loadMnist({ baseUrl: BASE, set: 'full', fetch, caches: null, onProgress: (p) => reports.push(p) });
    expect(data.set).toBe('full');
    expect(data.train.images).toEqual(fx.trainImages);
    expect(data.train.labels).toEqual(fx.trainLabels);
    expect(data.test.images).toEqual(fx.testImages);
    expect(data.test.labels).toEqual(fx.testLabels);
    expect(data.train.count).toBe(120);
    expect(data.imageSize).toBe(784);
    expect(data.train.images).toBeInstanceOf(Uint8Array);
    const total = fx.manifest.totals.full;
    expect(reports.length).toBeGreaterThan(10);
    expect(reports.every((r) => r.total === total)).toBe(true);
    for (let i = 1; i < reports.length; i++) {
      expect(must(reports[i]).loaded).toBeGreaterThanOrEqual(must(reports[i - 1]).loaded);
    }
    expect(reports.at(-1)?.loaded).toBe(total);
    expect(data.downloadedBytes).toBe(total);
  });

  it('loads the sample set with its test indices', async () => {
    const fx = makeFixture();
    const { fetch, requests } = fakeFetch(fx.files);
    const reports: MnistProgress[] = [];
    const data = await loadMnist({ baseUrl: BASE, set: 'sample', fetch, caches: null, onProgress: (p) => reports.push(p) });
    expect(data.sample.count).toBe(20);
    expect(Array.from(data.sample.indices)).toEqual(fx.sampleIdx);
    fx.sampleIdx.forEach((src, k) => {
      expect(data.sample.labels[k]).toBe(fx.testLabels[src]);
      expect(data.sample.images.subarray(k * SIZE, (k + 1) * SIZE)).toEqual(fx.testImages.subarray(src * SIZE, (src + 1) * SIZE));
    });
    expect(requests.some((r) => r.includes('train-'))).toBe(false);
    expect(reports.at(-1)?.loaded).toBe(fx.manifest.totals.sample);
  });

  it('resolves a base URL without trailing slash', async () => {
    const fx = makeFixture();
    const { fetch } = fakeFetch(fx.files);
    const data = await loadMnist({ baseUrl: BASE.slice(0, -1), set: 'sample', fetch, caches: null });
    expect(data.sample.count).toBe(20);
  });

  it('detects a corrupted asset (checksum) as kind "corrupt", naming the asset', async () => {
    const fx = makeFixture();
    const bad = must(fx.files.get('test-images.bin')).slice();
    flip(bad, bad.length >> 1, 0x40);
    fx.files.set('test-images.bin', bad);
    const e = await expectLoadError(loadMnist({ baseUrl: BASE, set: 'full', fetch: fakeFetch(fx.files).fetch, caches: null }), 'corrupt');
    expect(e.asset).toBe('test-images.bin');
    expect(e.message).toMatch(/test-images\.bin.*SHA-256/);
  });

  it('detects a truncated asset as kind "corrupt"', async () => {
    const fx = makeFixture();
    fx.files.set('train-labels.bin', must(fx.files.get('train-labels.bin')).subarray(0, 10));
    const e = await expectLoadError(loadMnist({ baseUrl: BASE, set: 'full', fetch: fakeFetch(fx.files).fetch, caches: null }), 'corrupt');
    expect(e.message).toContain('train-labels.bin');
  });

  it('reports HTTP and network failures', async () => {
    const fx = makeFixture();
    fx.files.delete('sample-labels.bin');
    const e = await expectLoadError(loadMnist({ baseUrl: BASE, set: 'sample', fetch: fakeFetch(fx.files).fetch, caches: null }), 'http');
    expect(e.status).toBe(404);
    expect(e.asset).toBe('sample-labels.bin');
    const manifestBytes = must(fx.files.get('manifest.json'));
    const offline: FetchLike = (url) =>
      url.endsWith('manifest.json')
        ? Promise.resolve(new Response(manifestBytes.slice()))
        : Promise.reject(new TypeError('Failed to fetch'));
    const n = await expectLoadError(loadMnist({ baseUrl: BASE, set: 'sample', fetch: offline, caches: null }), 'network');
    expect(n.message).toMatch(/sample-.*\.bin/);
  });

  it('still works when a host already decoded the gzip (Content-Encoding)', async () => {
    const fx = makeFixture();
    const decoded = new Map([...fx.files].map(([k, v]) => [k, k.endsWith('.bin') ? new Uint8Array(gunzipSync(v)) : v]));
    const reports: MnistProgress[] = [];
    const data = await loadMnist({ baseUrl: BASE, set: 'full', fetch: fakeFetch(decoded).fetch, caches: null, onProgress: (p) => reports.push(p) });
    expect(data.train.images).toEqual(fx.trainImages);
    expect(data.test.labels).toEqual(fx.testLabels);
    expect(reports.every((r) => r.loaded <= r.total)).toBe(true);
    expect(reports.at(-1)?.loaded).toBe(fx.manifest.totals.full);
    // ...but a decoded payload that does not match its hash is still caught.
    const wrong = must(decoded.get('train-labels.bin')).slice();
    wrong[0] = (must(wrong[0]) + 1) % 10;
    decoded.set('train-labels.bin', wrong);
    await expectLoadError(loadMnist({ baseUrl: BASE, set: 'full', fetch: fakeFetch(decoded).fetch, caches: null }), 'corrupt');
    // An HTML fallback page instead of the asset is caught as well.
    decoded.set('train-images.bin', new TextEncoder().encode('<!doctype html><title>404</title>'));
    await expectLoadError(loadMnist({ baseUrl: BASE, set: 'full', fetch: fakeFetch(decoded).fetch, caches: null }), 'corrupt');
  });

  it('can be cancelled with an AbortSignal', async () => {
    const fx = makeFixture();
    const before = new AbortController();
    before.abort();
    await expectLoadError(loadMnist({ baseUrl: BASE, set: 'full', fetch: fakeFetch(fx.files).fetch, signal: before.signal, caches: null }), 'aborted');

    const during = new AbortController();
    let seen = 0;
    const p = loadMnist({
      baseUrl: BASE,
      set: 'full',
      fetch: fakeFetch(fx.files, { chunk: 256 }).fetch,
      caches: null,
      signal: during.signal,
      onProgress: (r) => {
        if (r.loaded > 0 && ++seen === 3) during.abort();
      },
    });
    const e = await expectLoadError(p, 'aborted');
    expect(e.message).toMatch(/cancelled/);
  });

  it('reports a browser without DecompressionStream as "unsupported"', async () => {
    const fx = makeFixture();
    vi.stubGlobal('DecompressionStream', undefined);
    await expectLoadError(loadMnist({ baseUrl: BASE, set: 'full', fetch: fakeFetch(fx.files).fetch, caches: null }), 'unsupported');
  });

  it('works without crypto.subtle (insecure context), using the JS SHA-256', async () => {
    const fx = makeFixture();
    vi.stubGlobal('crypto', {});
    const data = await loadMnist({ baseUrl: BASE, set: 'sample', fetch: fakeFetch(fx.files).fetch });
    expect(Array.from(data.sample.indices)).toEqual(fx.sampleIdx);
    const bad = must(fx.files.get('sample-images.bin')).slice();
    flip(bad, 100, 1);
    fx.files.set('sample-images.bin', bad);
    await expectLoadError(loadMnist({ baseUrl: BASE, set: 'sample', fetch: fakeFetch(fx.files).fetch }), 'corrupt');
  });
});

describe('loadMnist with Cache Storage', () => {
  it('a second visit downloads nothing', async () => {
    const fx = makeFixture();
    const caches = new MemoryCacheStorage();
    const first = fakeFetch(fx.files);
    await loadMnist({ baseUrl: BASE, set: 'full', fetch: first.fetch, caches });
    expect(first.requests).toHaveLength(1 + FULL_ASSETS.length);
    const store = caches.only();
    expect(store.size).toBe(FULL_ASSETS.length);
    const [name] = await caches.keys();
    expect(name).toMatch(/^mnist-[0-9a-f]{16}$/);

    const second = fakeFetch(fx.files);
    const reports: MnistProgress[] = [];
    const data = await loadMnist({ baseUrl: BASE, set: 'full', fetch: second.fetch, caches, onProgress: (p) => reports.push(p) });
    expect(second.requests).toEqual([`${BASE}manifest.json`]);
    expect(data.downloadedBytes).toBe(0);
    expect(data.train.images).toEqual(fx.trainImages);
    expect(reports.at(-1)).toMatchObject({ loaded: fx.manifest.totals.full, total: fx.manifest.totals.full, source: 'cache' });
  });

  it('discards a bad cached copy and fetches it again once', async () => {
    const fx = makeFixture();
    const caches = new MemoryCacheStorage();
    await loadMnist({ baseUrl: BASE, set: 'full', fetch: fakeFetch(fx.files).fetch, caches });
    const store = caches.only();
    const key = `${BASE}train-images.bin`;
    const damaged = must(store.get(key)).slice();
    flip(damaged, damaged.length - 20, 0xff);
    store.set(key, damaged);

    const again = fakeFetch(fx.files);
    const data = await loadMnist({ baseUrl: BASE, set: 'full', fetch: again.fetch, caches });
    expect(data.train.images).toEqual(fx.trainImages);
    expect(again.count('train-images.bin')).toBe(1);
    expect(again.count('test-images.bin')).toBe(0);
    expect(data.downloadedBytes).toBe(fx.manifest.assets['train-images'].bytes);
    expect(sha(must(store.get(key)))).toBe(fx.manifest.assets['train-images'].sha256);
  });

  it('does not cache a corrupt download and fails only after one refetch', async () => {
    const fx = makeFixture();
    const caches = new MemoryCacheStorage();
    await loadMnist({ baseUrl: BASE, set: 'sample', fetch: fakeFetch(fx.files).fetch, caches });
    const store = caches.only();
    const key = `${BASE}sample-images.bin`;
    store.set(key, new Uint8Array([1, 2, 3]));
    const bad = must(fx.files.get('sample-images.bin')).slice();
    flip(bad, 50, 1);
    fx.files.set('sample-images.bin', bad);
    const f = fakeFetch(fx.files);
    await expectLoadError(loadMnist({ baseUrl: BASE, set: 'sample', fetch: f.fetch, caches }), 'corrupt');
    expect(f.count('sample-images.bin')).toBe(1);
    expect(store.has(key)).toBe(false);
  });

  it('uses a new cache name when the data changes and drops the old one', async () => {
    const fx = makeFixture();
    const caches = new MemoryCacheStorage();
    await loadMnist({ baseUrl: BASE, set: 'sample', fetch: fakeFetch(fx.files).fetch, caches });
    const [oldName] = await caches.keys();
    const m = JSON.parse(new TextDecoder().decode(fx.files.get('manifest.json'))) as MnistManifest;
    const changed = { ...m, assets: { ...m.assets, 'test-labels': { ...m.assets['test-labels'], sha256: 'f'.repeat(64) } } };
    fx.files.set('manifest.json', new TextEncoder().encode(JSON.stringify(changed)));
    await loadMnist({ baseUrl: BASE, set: 'sample', fetch: fakeFetch(fx.files).fetch, caches });
    await new Promise((r) => setTimeout(r, 10));
    const names = await caches.keys();
    expect(names).toHaveLength(1);
    expect(names[0]).not.toBe(oldName);
  });

  it('works when opening the cache fails (e.g. SecurityError)', async () => {
    const fx = makeFixture();
    const broken: CacheStorageLike = {
      open: () => Promise.reject(new DOMException('denied', 'SecurityError')),
      keys: () => Promise.resolve([]),
      delete: () => Promise.resolve(false),
    };
    const data = await loadMnist({ baseUrl: BASE, set: 'sample', fetch: fakeFetch(fx.files).fetch, caches: broken });
    expect(data.sample.count).toBe(20);
  });
});

describe('helpers', () => {
  it('toFloatBatch scales a batch to 0..1 without touching the bytes', () => {
    const images = new Uint8Array(3 * 784);
    images[784] = 255;
    images[784 + 1] = 128;
    images[2 * 784 + 783] = 1;
    const batch = toFloatBatch(images, [1, 2]);
    expect(batch).toBeInstanceOf(Float32Array);
    expect(batch.length).toBe(2 * 784);
    expect(batch[0]).toBe(1);
    expect(batch[1]).toBeCloseTo(128 / 255, 7);
    expect(batch[2 * 784 - 1]).toBeCloseTo(1 / 255, 7);
    const out = new Float32Array(4 * 784).fill(9);
    const view = toFloatBatch(images, [0], out);
    expect(view.buffer).toBe(out.buffer);
    expect(view.length).toBe(784);
    expect(out[0]).toBe(0);
    expect(() => toFloatBatch(images, [3])).toThrow(RangeError);
    expect(() => toFloatBatch(images, [0, 1], new Float32Array(10))).toThrow(RangeError);
  });

  it('sha256Hex matches node:crypto', async () => {
    for (const n of [0, 3, 55, 56, 64, 1000]) {
      const b = Uint8Array.from({ length: n }, (_, i) => i * 13);
      expect(await sha256Hex(b)).toBe(sha(b));
    }
    expect(ALL_ASSETS).toHaveLength(7);
  });
});
