/**
 * Browser loader for the MNIST assets written by scripts/prepare-mnist.ts.
 *
 * Works on the main thread and in a Web Worker: it uses only fetch, Cache Storage, crypto.subtle,
 * DecompressionStream and ReadableStream (never `window` or `document`). Where Cache Storage or
 * crypto.subtle is missing (e.g. a page served over plain http), it still works: without caching,
 * and with a pure-JS SHA-256.
 *
 *   const data = await loadMnist({ baseUrl: `${import.meta.env.BASE_URL}data/mnist/`, set: 'full',
 *                                  onProgress: (p) => bar.value = p.loaded / p.total, signal });
 *   data.train.images  // Uint8Array, 60000·784 bytes 0–255
 *   data.train.labels  // Uint8Array, 60000 bytes 0–9
 *   toFloatBatch(data.train.images, batchIndices)  // Float32Array 0..1 for the GPU
 */
import { MNIST_PIXELS } from '../mnist-spec.ts';
import {
  AssetFormatError,
  MNIST_CACHE_PREFIX,
  MNIST_MANIFEST_FILE,
  SET_ASSETS,
  decodeU16le,
  decodeZrle,
  isGzip,
  manifestVersionKey,
  sha256HexSync,
  toHex,
  validateManifest,
  type AssetEntry,
  type AssetId,
  type MnistArrays,
  type MnistManifest,
  type MnistSet,
} from './assets.ts';

export type { MnistArrays, MnistManifest, MnistSet } from './assets.ts';

export type MnistLoadErrorKind = 'network' | 'http' | 'corrupt' | 'aborted' | 'unsupported';

/** Every failure of loadManifest/loadMnist. `kind` tells the UI what to say; retrying is safe. */
export class MnistLoadError extends Error {
  readonly kind: MnistLoadErrorKind;
  /** The file concerned (e.g. "train-images.bin" or "manifest.json"), or null. */
  readonly asset: string | null;
  /** HTTP status for kind 'http'. */
  readonly status: number | null;

  constructor(
    kind: MnistLoadErrorKind,
    message: string,
    options: { asset?: string | null; status?: number | null; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MnistLoadError';
    this.kind = kind;
    this.asset = options.asset ?? null;
    this.status = options.status ?? null;
  }
}

export interface MnistProgress {
  /** Bytes obtained so far across all assets of the set (from network or cache). */
  readonly loaded: number;
  /** Download size of the set, from the manifest. loaded === total on the last report. */
  readonly total: number;
  /** The asset this report is about, or null for the first report. */
  readonly asset: AssetId | null;
  readonly source: 'network' | 'cache' | null;
}

/** The subset of `fetch` the loader uses (injectable for tests). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The subset of Cache the loader uses. */
export interface CacheLike {
  match(request: string): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
  delete(request: string): Promise<boolean>;
}

/** The subset of CacheStorage the loader uses. */
export interface CacheStorageLike {
  open(name: string): Promise<CacheLike>;
  keys(): Promise<string[]>;
  delete(name: string): Promise<boolean>;
}

export interface LoadManifestOptions {
  readonly signal?: AbortSignal;
  /** Defaults to globalThis.fetch. */
  readonly fetch?: FetchLike;
}

export interface LoadMnistOptions<S extends MnistSet = MnistSet> extends LoadManifestOptions {
  /** The folder holding manifest.json, e.g. `${import.meta.env.BASE_URL}data/mnist/`. Relative URLs resolve against the page/worker location. */
  readonly baseUrl: string | URL;
  readonly set: S;
  readonly onProgress?: (progress: MnistProgress) => void;
  /** Cache Storage to use; null disables caching. Defaults to globalThis.caches when present. */
  readonly caches?: CacheStorageLike | null;
  /** A manifest already loaded with loadManifest (skips fetching it again). */
  readonly manifest?: MnistManifest;
}

interface MnistInfo {
  readonly rows: number;
  readonly cols: number;
  /** rows·cols */
  readonly imageSize: number;
  readonly classes: number;
  readonly manifest: MnistManifest;
  /** Bytes actually fetched over the network (0 when everything came from Cache Storage). */
  readonly downloadedBytes: number;
}

export interface MnistFullData extends MnistInfo {
  readonly set: 'full';
  readonly train: MnistArrays;
  readonly test: MnistArrays;
  readonly trainClassCounts: readonly number[];
}

export interface MnistSampleArrays extends MnistArrays {
  /** Each sample image's index in the 10,000 test images. */
  readonly indices: Uint16Array;
}

export interface MnistSampleData extends MnistInfo {
  readonly set: 'sample';
  readonly sample: MnistSampleArrays;
}

export type MnistData<S extends MnistSet = MnistSet> = S extends 'full' ? MnistFullData : MnistSampleData;

// ---------------------------------------------------------------------------------------------

function resolveBase(baseUrl: string | URL): URL {
  let base = String(baseUrl);
  if (!base.endsWith('/')) base += '/';
  const here = (globalThis as { location?: { href?: string } }).location?.href;
  try {
    return here === undefined ? new URL(base) : new URL(base, here);
  } catch (cause) {
    throw new MnistLoadError('unsupported', `MNIST data location "${base}" is not a valid URL`, { cause });
  }
}

function getFetch(f: FetchLike | undefined): FetchLike {
  const impl = f ?? (typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined);
  if (!impl) throw new MnistLoadError('unsupported', 'this browser cannot download data (no fetch)');
  return impl;
}

function abortedError(file: string | null, cause?: unknown): MnistLoadError {
  return new MnistLoadError('aborted', file ? `loading ${file} was cancelled` : 'loading MNIST was cancelled', {
    asset: file,
    cause,
  });
}

function throwIfAborted(signal: AbortSignal | undefined, file: string | null): void {
  if (signal?.aborted) throw abortedError(file, signal.reason);
}

async function doFetch(fetchImpl: FetchLike, url: string, file: string, init: RequestInit, signal: AbortSignal | undefined): Promise<Response> {
  throwIfAborted(signal, file);
  let res: Response;
  try {
    res = await fetchImpl(url, signal ? { ...init, signal } : init);
  } catch (cause) {
    if (signal?.aborted) throw abortedError(file, cause);
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new MnistLoadError('network', `could not download ${file} (network error: ${why})`, { asset: file, cause });
  }
  if (!res.ok) {
    throw new MnistLoadError('http', `could not download ${file}: the server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, {
      asset: file,
      status: res.status,
    });
  }
  return res;
}

/** Fetches and validates manifest.json from the asset folder. */
export async function loadManifest(baseUrl: string | URL, options: LoadManifestOptions = {}): Promise<MnistManifest> {
  const base = resolveBase(baseUrl);
  const fetchImpl = getFetch(options.fetch);
  const url = new URL(MNIST_MANIFEST_FILE, base).href;
  // Revalidate: the manifest is what versions every other file.
  const res = await doFetch(fetchImpl, url, MNIST_MANIFEST_FILE, { cache: 'no-cache' }, options.signal);
  let json: unknown;
  try {
    json = await res.json();
  } catch (cause) {
    if (options.signal?.aborted) throw abortedError(MNIST_MANIFEST_FILE, cause);
    throw new MnistLoadError('corrupt', `${MNIST_MANIFEST_FILE} is not valid JSON`, { asset: MNIST_MANIFEST_FILE, cause });
  }
  try {
    return validateManifest(json);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new MnistLoadError('corrupt', `${MNIST_MANIFEST_FILE} is not usable: ${why}`, { asset: MNIST_MANIFEST_FILE, cause });
  }
}

// ---------------------------------------------------------------------------------------------

function hasSubtle(): boolean {
  const c = (globalThis as { crypto?: { subtle?: { digest?: unknown } } }).crypto;
  return typeof c?.subtle?.digest === 'function';
}

/** SHA-256 hex via crypto.subtle, or the pure-JS fallback where it is unavailable. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  if (hasSubtle()) {
    try {
      return toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes)));
    } catch {
      // fall through
    }
  }
  return sha256HexSync(bytes);
}

async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const out = source.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

async function openCache(storage: CacheStorageLike | null | undefined, manifest: MnistManifest): Promise<CacheLike | null> {
  if (storage === null) return null;
  const s = storage ?? (globalThis as { caches?: CacheStorageLike }).caches;
  if (!s) return null;
  try {
    const key = await sha256Hex(new TextEncoder().encode(manifestVersionKey(manifest)));
    const name = `${MNIST_CACHE_PREFIX}${key.slice(0, 16)}`;
    const cache = await s.open(name);
    // Best effort: drop the copies of earlier data versions.
    s.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(MNIST_CACHE_PREFIX) && k !== name).map((k) => s.delete(k))))
      .catch(() => undefined);
    return cache;
  } catch {
    // SecurityError (opaque origin, private mode...): work without caching.
    return null;
  }
}

/**
 * Decodes stored bytes to the payload and verifies them against the manifest. The stored bytes
 * normally start with the gzip magic and must match `bytes` and `sha256`; if a host decoded the
 * gzip anyway (Content-Encoding), they are the inner data and the payload hash is checked instead.
 */
async function decodeAsset(entry: AssetEntry, stored: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const file = entry.file;
  const corrupt = (why: string, cause?: unknown): MnistLoadError =>
    new MnistLoadError('corrupt', `${file} is damaged: ${why}`, { asset: file, cause });
  let inner: Uint8Array<ArrayBuffer>;
  const gz = isGzip(stored);
  if (gz) {
    if (stored.length !== entry.bytes) throw corrupt(`${stored.length} bytes, expected ${entry.bytes}`);
    if ((await sha256Hex(stored)) !== entry.sha256) throw corrupt('SHA-256 checksum mismatch');
    try {
      inner = await gunzip(stored);
    } catch (cause) {
      throw corrupt('gzip decompression failed', cause);
    }
  } else {
    inner = stored;
  }
  let payload: Uint8Array;
  try {
    payload = entry.encoding === 'gzip+zrle1' ? decodeZrle(inner) : inner;
  } catch (cause) {
    const why = cause instanceof AssetFormatError ? cause.message : String(cause);
    throw corrupt(gz ? why : `not gzip data and not a decoded payload either (${why})`, cause);
  }
  if (payload.length !== entry.payloadBytes) {
    throw corrupt(`decoded to ${payload.length} bytes, expected ${entry.payloadBytes}`);
  }
  // With a verified gzip the payload is determined by the stored hash; otherwise check it.
  if (!gz && (await sha256Hex(payload as Uint8Array<ArrayBuffer>)) !== entry.payloadSha256) {
    throw corrupt('SHA-256 checksum of the decoded data mismatch');
  }
  return payload;
}

interface Ctx {
  readonly base: URL;
  readonly fetchImpl: FetchLike;
  readonly cache: CacheLike | null;
  readonly signal: AbortSignal;
  readonly report: (id: AssetId, loaded: number, source: 'network' | 'cache') => void;
  downloaded: number;
}

async function download(ctx: Ctx, id: AssetId, entry: AssetEntry, url: string): Promise<Uint8Array<ArrayBuffer>> {
  const res = await doFetch(ctx.fetchImpl, url, entry.file, {}, ctx.signal);
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        ctx.downloaded += value.length;
        ctx.report(id, received, 'network');
      }
    } else {
      const all = new Uint8Array(await res.arrayBuffer());
      chunks.push(all);
      received = all.length;
      ctx.downloaded += all.length;
      ctx.report(id, received, 'network');
    }
  } catch (cause) {
    if (ctx.signal.aborted) throw abortedError(entry.file, cause);
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new MnistLoadError('network', `download of ${entry.file} was interrupted (${why})`, { asset: entry.file, cause });
  }
  return concat(chunks, received);
}

async function loadAsset(ctx: Ctx, id: AssetId, entry: AssetEntry): Promise<Uint8Array> {
  const url = new URL(entry.file, ctx.base).href;
  if (ctx.cache) {
    let hit: Response | undefined;
    try {
      hit = await ctx.cache.match(url);
    } catch {
      hit = undefined;
    }
    if (hit) {
      try {
        const stored = new Uint8Array(await hit.arrayBuffer());
        throwIfAborted(ctx.signal, entry.file);
        const payload = await decodeAsset(entry, stored);
        ctx.report(id, entry.bytes, 'cache');
        return payload;
      } catch (err) {
        if (ctx.signal.aborted) throw abortedError(entry.file, err);
        // A damaged cached copy: drop it and fetch once from the network.
        await ctx.cache.delete(url).catch(() => false);
      }
    }
  }
  const stored = await download(ctx, id, entry, url);
  throwIfAborted(ctx.signal, entry.file);
  const payload = await decodeAsset(entry, stored);
  ctx.report(id, entry.bytes, 'network');
  if (ctx.cache) {
    try {
      await ctx.cache.put(url, new Response(stored, { headers: { 'content-type': 'application/octet-stream' } }));
    } catch {
      // Quota exceeded or similar: the data is fine, it just is not cached.
    }
  }
  return payload;
}

/**
 * Downloads (or reads from Cache Storage), verifies and decodes one MNIST set.
 * 'full': 60,000 training + 10,000 test images; 'sample': the first 100 test images per class.
 * Throws MnistLoadError.
 */
export async function loadMnist<S extends MnistSet>(options: LoadMnistOptions<S>): Promise<MnistData<S>> {
  const { signal } = options;
  throwIfAborted(signal, null);
  if (typeof DecompressionStream !== 'function' || typeof ReadableStream !== 'function' || typeof Response !== 'function') {
    throw new MnistLoadError('unsupported', 'this browser cannot decompress the MNIST data (no DecompressionStream); please use a current browser');
  }
  const base = resolveBase(options.baseUrl);
  const fetchImpl = getFetch(options.fetch);
  const manifest =
    options.manifest ?? (await loadManifest(base, signal ? { signal, fetch: fetchImpl } : { fetch: fetchImpl }));
  const ids: readonly AssetId[] = SET_ASSETS[options.set];
  const total = ids.reduce((s, id) => s + manifest.assets[id].bytes, 0);

  // One controller for the whole set: a failing asset cancels its siblings.
  const inner = new AbortController();
  const forward = (): void => {
    inner.abort(signal?.reason);
  };
  signal?.addEventListener('abort', forward, { once: true });

  const perAsset = new Map<AssetId, number>();
  const onProgress = options.onProgress;
  const report = (id: AssetId | null, loaded: number, source: 'network' | 'cache' | null): void => {
    if (id !== null) perAsset.set(id, Math.min(loaded, manifest.assets[id].bytes));
    if (!onProgress) return;
    let sum = 0;
    for (const v of perAsset.values()) sum += v;
    try {
      onProgress({ loaded: sum, total, asset: id, source });
    } catch {
      // A throwing progress callback must not break the download.
    }
  };

  try {
    const cache = await openCache(options.caches, manifest);
    throwIfAborted(signal, null);
    const ctx: Ctx = { base, fetchImpl, cache, signal: inner.signal, report, downloaded: 0 };
    report(null, 0, null);
    const payloads = await Promise.all(ids.map((id) => loadAsset(ctx, id, manifest.assets[id])));
    const byId = new Map(ids.map((id, i) => [id, payloads[i] ?? new Uint8Array(0)]));
    const get = (id: AssetId): Uint8Array => byId.get(id) ?? new Uint8Array(0);
    const { rows, cols, classes } = manifest;
    const info = { rows, cols, imageSize: rows * cols, classes, manifest, downloadedBytes: ctx.downloaded };
    if (options.set === 'full') {
      const data: MnistFullData = {
        ...info,
        set: 'full',
        train: { images: get('train-images'), labels: get('train-labels'), count: manifest.trainCount, rows, cols },
        test: { images: get('test-images'), labels: get('test-labels'), count: manifest.testCount, rows, cols },
        trainClassCounts: manifest.trainClassCounts,
      };
      return data as MnistData<S>;
    }
    const data: MnistSampleData = {
      ...info,
      set: 'sample',
      sample: {
        images: get('sample-images'),
        labels: get('sample-labels'),
        indices: decodeU16le(get('sample-indices')),
        count: manifest.assets['sample-labels'].count,
        rows,
        cols,
      },
    };
    return data as MnistData<S>;
  } catch (err) {
    if (signal?.aborted && !(err instanceof MnistLoadError && err.kind === 'aborted')) throw abortedError(null, err);
    if (err instanceof MnistLoadError) throw err;
    throw new MnistLoadError('corrupt', `MNIST data could not be decoded: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  } finally {
    inner.abort();
    signal?.removeEventListener('abort', forward);
  }
}

// ---------------------------------------------------------------------------------------------

// #region deck:scale
const SCALE = new Float32Array(256).map((_, v) => v / 255);
// #endregion deck:scale

/**
 * Scales the given images to 0..1 floats for the GPU: out[k·imageSize + p] = images[i_k·imageSize + p] / 255.
 * `out` (reused between batches) must hold at least indices.length·imageSize floats; the result
 * is a view of exactly that length.
 */
export function toFloatBatch(
  images: Uint8Array,
  indices: ArrayLike<number>,
  out?: Float32Array,
  imageSize: number = MNIST_PIXELS,
): Float32Array {
  const n = indices.length * imageSize;
  const dst = out ? out.subarray(0, n) : new Float32Array(n);
  if (dst.length < n) throw new RangeError(`output holds ${out?.length ?? 0} floats, need ${n}`);
  const count = Math.floor(images.length / imageSize);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] ?? -1;
    if (!Number.isInteger(i) || i < 0 || i >= count) throw new RangeError(`image index ${i} out of range 0–${count - 1}`);
    const src = i * imageSize;
    const o = k * imageSize;
    for (let p = 0; p < imageSize; p++) dst[o + p] = SCALE[images[src + p] ?? 0] ?? 0;
  }
  return dst;
}

/** Image i as a view (no copy). */
export function imageAt(images: Uint8Array, i: number, imageSize: number = MNIST_PIXELS): Uint8Array {
  return images.subarray(i * imageSize, (i + 1) * imageSize);
}

/**
 * Whether every asset of a set is already in Cache Storage, so loading it costs no download.
 * (A cached copy is still verified when loaded; a damaged one is fetched again.)
 */
export async function isSetCached(options: {
  readonly baseUrl: string | URL;
  readonly set: MnistSet;
  readonly manifest: MnistManifest;
  readonly caches?: CacheStorageLike | null;
}): Promise<boolean> {
  const cache = await openCache(options.caches, options.manifest);
  if (!cache) return false;
  const base = resolveBase(options.baseUrl);
  try {
    const hits = await Promise.all(SET_ASSETS[options.set].map((id) => cache.match(new URL(options.manifest.assets[id].file, base).href)));
    return hits.every((h) => h !== undefined);
  } catch {
    return false;
  }
}
