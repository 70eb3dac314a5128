/**
 * The one module that owns TensorFlow.js and its backend. Nothing imports tfjs statically: a
 * demo calls `loadTf()` when it needs it, so pages without demos ship no tfjs at all.
 *
 * Backends are tried in order WebGPU → WebGL → WebAssembly → CPU (or the one forced with
 * `?backend=` first); the report says which one runs and why each other one was not used. A
 * backend that fails to start never breaks the page: the next one is tried. Works in a Web
 * Worker too. WebAssembly comes before tfjs's plain-JavaScript `cpu` backend because `npm run
 * bench` measures it many times faster at both training and prediction (README). A GPU that is
 * only emulated in software (SwiftShader, llvmpipe: a browser without GPU acceleration) is passed
 * over for WebAssembly unless forced, for the same reason: the benchmark measures WebAssembly
 * several times faster than either emulated GPU backend.
 *
 * Once a backend runs, the course's own kernels (src/lib/kernels/) replace tfjs's slow ones for it.
 */
import type * as TF from '@tensorflow/tfjs';
import { installCourseKernels } from './kernels/index.ts';

export type Tf = typeof TF;
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Why a backend is not the one in use. */
export type SkipReason =
  | { readonly code: 'no-api' }
  | { readonly code: 'no-adapter' }
  | { readonly code: 'init-failed'; readonly detail: string }
  | { readonly code: 'forced-other' }
  /** The GPU is emulated on the CPU (`detail` names the emulator): WebAssembly is faster. */
  | { readonly code: 'software'; readonly detail: string };

export interface BackendReport {
  readonly backend: BackendName;
  /** The backend asked for with ?backend=, if any (it may have failed and been skipped). */
  readonly forced: BackendName | undefined;
  readonly skipped: readonly { readonly name: BackendName; readonly reason: SkipReason }[];
}

export function isBackendName(s: string): s is BackendName {
  return (BACKEND_ORDER as readonly string[]).includes(s);
}

/** Reads `?backend=webgl` (or webgpu, cpu) from a query string; anything else is ignored. */
export function parseBackendParam(search: string): BackendName | undefined {
  const value = new URLSearchParams(search).get('backend')?.trim().toLowerCase();
  return value && isBackendName(value) ? value : undefined;
}

/** The order in which to try backends: the forced one first, then the usual order. */
export function candidateOrder(forced: BackendName | undefined): BackendName[] {
  return forced ? [forced, ...BACKEND_ORDER.filter((b) => b !== forced)] : [...BACKEND_ORDER];
}

/** Outcome of trying one backend: true when it runs, or the reason it cannot. */
export type TryBackend = (name: BackendName) => Promise<true | SkipReason>;

/**
 * Tries the candidates in order and returns the first that starts. Pure apart from `tryOne`,
 * so the fallback rules are unit-tested without a GPU.
 */
export async function selectBackend(forced: BackendName | undefined, tryOne: TryBackend): Promise<BackendReport> {
  const skipped: { name: BackendName; reason: SkipReason }[] = [];
  const order = candidateOrder(forced);
  for (const [i, name] of order.entries()) {
    let outcome: true | SkipReason;
    try {
      outcome = await tryOne(name);
    } catch (e) {
      outcome = { code: 'init-failed', detail: errorMessage(e) };
    }
    if (outcome === true) {
      for (const rest of order.slice(i + 1)) {
        if (BACKEND_ORDER.indexOf(rest) < BACKEND_ORDER.indexOf(name)) {
          skipped.push({ name: rest, reason: { code: 'forced-other' } });
        }
      }
      return { backend: name, forced, skipped };
    }
    skipped.push({ name, reason: outcome });
  }
  const detail = skipped.map((s) => `${s.name}: ${s.reason.code}`).join(', ');
  throw new Error(`no TensorFlow.js backend could start (${detail})`);
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Names a software GPU in an adapter's or renderer's description; undefined for real hardware. */
export function softwareGpu(description: string): string | undefined {
  return /swiftshader|llvmpipe|softpipe|lavapipe|microsoft basic render/i.exec(description)?.[0];
}

interface GpuAdapterLike {
  readonly info: { readonly vendor: string; readonly architecture: string; readonly device: string; readonly description: string };
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

/** Starts one backend on a real tfjs instance; a software GPU is refused unless it was asked for. */
async function tryRealBackend(tf: Tf, name: BackendName, forced: BackendName | undefined): Promise<true | SkipReason> {
  if (name === 'webgpu') {
    const gpu = (globalThis.navigator as (Navigator & { gpu?: GpuLike }) | undefined)?.gpu;
    if (!gpu) return { code: 'no-api' };
    // Asking first keeps tfjs from logging its own "No available adapters" warning.
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { code: 'no-adapter' };
    const { vendor, architecture, device, description } = adapter.info;
    const software = softwareGpu([vendor, architecture, device, description].join(' '));
    if (software && forced !== name) return { code: 'software', detail: software };
  }
  if (name === 'webgl') {
    const renderer = webGlRenderer();
    if (renderer === undefined) return { code: 'no-api' };
    const software = softwareGpu(renderer);
    if (software && forced !== name) return { code: 'software', detail: software };
  }
  if (name === 'wasm') {
    if (typeof WebAssembly === 'undefined') return { code: 'no-api' };
    const [wasm, files] = await Promise.all([import('@tensorflow/tfjs-backend-wasm'), import('./wasm-files.ts')]);
    wasm.setWasmPaths(files.WASM_FILES);
  }
  const ok = await tf.setBackend(name);
  if (!ok) return { code: 'init-failed', detail: `setBackend('${name}') returned false` };
  await tf.ready();
  // A backend can register and still fail on its first kernel: prove it computes.
  const probe = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)));
  const [value] = await probe.data();
  probe.dispose();
  if (value !== 2) return { code: 'init-failed', detail: `1 + 1 gave ${String(value)}` };
  return true;
}

/** The WebGL renderer's name (the unmasked one where the browser gives it), or undefined without WebGL. */
function webGlRenderer(): string | undefined {
  try {
    let gl: WebGLRenderingContext | WebGL2RenderingContext | null = null;
    if (typeof OffscreenCanvas !== 'undefined') {
      const c = new OffscreenCanvas(1, 1);
      gl = c.getContext('webgl2') ?? c.getContext('webgl');
    } else if (typeof document !== 'undefined') {
      const c = document.createElement('canvas');
      gl = c.getContext('webgl2') ?? c.getContext('webgl');
    }
    if (!gl) return undefined;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer: unknown = gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof renderer === 'string' ? renderer : '';
  } catch {
    return undefined;
  }
}

export interface LoadedTf {
  readonly tf: Tf;
  readonly report: BackendReport;
}

let loading: Promise<LoadedTf> | undefined;

/**
 * Loads tfjs (and the WebGPU backend) on first use and selects a backend. Later calls return
 * the same instance; the backend of the first call wins for this page or worker.
 */
export function loadTf(options: { forced?: BackendName | undefined } = {}): Promise<LoadedTf> {
  loading ??= (async () => {
// #region deck:libraries
    const tf = await import('@tensorflow/tfjs');
    await import('@tensorflow/tfjs-backend-webgpu');
    const report = await selectBackend(options.forced, (name) => tryRealBackend(tf, name, options.forced));
// #endregion deck:libraries
    installCourseKernels(tf, report.backend);
    // The end-to-end tests' build only: a read-only probe for the leak checks (tensor count, backend).
    if (__CNN_TEST_HOOKS__) {
      Object.defineProperty(globalThis, '__cnnCourseTf', {
        value: Object.freeze({ numTensors: () => tf.memory().numTensors, backend: () => tf.getBackend() }),
        configurable: true,
      });
    }
    return { tf, report };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

// ---------------------------------------------------------------------------------------------
// A lost GPU device. A WebGPU device can be lost (driver reset, another tab, the OS reclaiming
// memory) and a WebGL context too; tfjs then waits forever for results that never come, or
// computes NaN. Each worker watches its backend and reports the loss at once, so the page can
// say so and start a fresh worker (with a fresh device) when the learner retries.

interface WebGpuBackendLike {
  device?: { lost?: Promise<{ message: string }>; destroy(): void };
}
interface WebGlBackendLike {
  gpgpu?: { gl?: WebGL2RenderingContext };
}

function glOf(tf: Tf): WebGL2RenderingContext | undefined {
  return tf.getBackend() === 'webgl' ? (tf.backend() as unknown as WebGlBackendLike).gpgpu?.gl : undefined;
}

export interface DeviceWatch {
  /** The reason the device was lost, or undefined while it works. */
  lost(): string | undefined;
  /** Throws a DeviceLostError if the device is lost (call between steps of a long job). */
  check(): void;
}

export class DeviceLostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeviceLostError';
  }
}

/** Whether an error message is how tfjs or the browser words a lost device. */
export function looksLikeDeviceLoss(message: string): boolean {
  // WebGPU can fail a pending read-back ("Buffer was unmapped before mapping was resolved")
  // before its device.lost promise settles.
  return /context (was )?lost|device (was )?lost|device is lost|DeviceLostError|unmapped before mapping was resolved|device was destroyed/i.test(message);
}

/**
 * Watches the current backend's device: `onLost` is called once, as soon as the WebGPU device
 * or the WebGL context is lost. On the CPU backend nothing can be lost.
 */
export function watchDevice(tf: Tf, onLost: (message: string) => void): DeviceWatch {
  let reason: string | undefined;
  const lose = (message: string) => {
    if (reason !== undefined) return;
    reason = message;
    onLost(message);
  };
  const backend = tf.getBackend();
  if (backend === 'webgpu') {
    void (tf.backend() as unknown as WebGpuBackendLike).device?.lost?.then((info) => {
      lose(info.message || 'GPU device lost');
    });
  }
  const gl = glOf(tf);
  gl?.canvas.addEventListener('webglcontextlost', () => {
    lose('WebGL context lost');
  });
  return {
    lost: () => {
      if (reason === undefined && gl?.isContextLost()) lose('WebGL context lost');
      return reason;
    },
    check() {
      const r = this.lost();
      if (r !== undefined) throw new DeviceLostError(r);
    },
  };
}

/**
 * Loses the device on purpose (WEBGL_lose_context, GPUDevice.destroy). Only the end-to-end
 * tests' build calls it (behind __CNN_TEST_HOOKS__), to exercise the lost-device paths.
 */
export function loseDevice(tf: Tf): void {
  const gl = glOf(tf);
  if (gl) {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return;
  }
  if (tf.getBackend() === 'webgpu') (tf.backend() as unknown as WebGpuBackendLike).device?.destroy();
}
