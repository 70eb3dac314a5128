/**
 * The page's handle on the training worker: created on first use, shared by the islands of a
 * page, replaced after a fatal failure (a lost GPU leaves the old worker's backend unusable).
 */
import type { FromWorker, TestToWorker, ToWorker } from '../../lib/training/protocol.ts';
import { parseBackendParam } from '../../lib/tf-runtime.ts';
import { MNIST_BASE } from '../mnist/mnist-data.ts';

type Listener = (m: FromWorker) => void;

let worker: Worker | undefined;
const listeners = new Set<Listener>();
/** The worker's last 'ready' report, replayed to islands that subscribe later. */
let ready: Extract<FromWorker, { type: 'ready' }> | undefined;

function spawn(): Worker {
  const w = new Worker(new URL('../../workers/train.worker.ts', import.meta.url), { type: 'module', name: 'cnn-training' });
  w.onmessage = (e: MessageEvent<FromWorker>) => {
    if (e.data.type === 'ready') ready = e.data;
    for (const l of listeners) l(e.data);
  };
  w.onerror = (e) => {
    for (const l of listeners) l({ type: 'failed', kind: 'unknown', message: e.message || 'the training worker crashed' });
  };
  const dataUrl = new URL(MNIST_BASE, location.href).href;
  w.postMessage({ type: 'init', forced: parseBackendParam(location.search), dataUrl } satisfies ToWorker);
  return w;
}

export function send(m: ToWorker | TestToWorker): void {
  worker ??= spawn();
  worker.postMessage(m);
}

// The end-to-end tests' build only: ways to exercise the lost-GPU and diverged-run paths.
if (__CNN_TEST_HOOKS__) {
  Object.defineProperty(globalThis, '__cnnCourseTraining', {
    value: Object.freeze({
      loseDevice: () => {
        send({ type: 'test:lose-device' });
      },
      diverge: () => {
        send({ type: 'test:diverge' });
      },
    }),
    configurable: true,
  });
}

/** Starts the worker (and so tfjs and backend selection) without a job. */
export function wakeWorker(): void {
  worker ??= spawn();
}

export function onWorker(listener: Listener): () => void {
  listeners.add(listener);
  const r = ready;
  if (r) queueMicrotask(() => {
    listener(r);
  });
  return () => listeners.delete(listener);
}

/** Ends the worker; the next send starts a fresh one (after a lost device). */
export function resetWorker(): void {
  worker?.terminate();
  worker = undefined;
  ready = undefined;
}
