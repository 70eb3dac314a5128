/**
 * The page's handle on the training worker (src/workers/train.worker.ts): one per page, shared
 * by its islands (training, evaluation), started on first use by the shared worker host
 * (src/components/workers/worker-host.ts, Comlink underneath) and replaced after a lost GPU or a
 * crash. The worker reports through events (FromWorker in src/lib/training/protocol.ts), which
 * this module hands to every subscribed island; a loss the host sees becomes one 'failed' event.
 */
import * as Comlink from 'comlink';
import type { FromWorker, TestToWorker, ToWorker, TrainingApi } from '../../lib/training/protocol.ts';
import { parseBackendParam } from '../../lib/tf-runtime.ts';
import { MNIST_BASE } from '../mnist/mnist-data.ts';
import { createWorkerHost } from '../workers/worker-host.ts';
import { registerTestWorker } from '../workers/test-hooks.ts';

type Listener = (m: FromWorker) => void;

const listeners = new Set<Listener>();
/** The worker's last 'ready' report, replayed to islands that subscribe later. */
let ready: Extract<FromWorker, { type: 'ready' }> | undefined;

function deliver(m: FromWorker) {
  if (m.type === 'ready') ready = m;
  for (const l of listeners) l(m);
}

const host = createWorkerHost<TrainingApi>({
  spawn: () => new Worker(new URL('../../workers/train.worker.ts', import.meta.url), { type: 'module', name: 'cnn-training' }),
  init: (api, onLost) => api.init(parseBackendParam(location.search), new URL(MNIST_BASE, location.href).href, Comlink.proxy(deliver), onLost),
});

host.subscribe((s) => {
  if (s.phase === 'ready') deliver({ type: 'ready', report: s.report });
  else if (s.phase === 'lost') deliver({ type: 'failed', kind: s.reason === 'device-lost' ? 'device-lost' : 'unknown', message: s.message });
  else if (s.phase === 'failed') deliver({ type: 'failed', kind: 'backend', message: s.message });
  else ready = undefined;
});

export function send(m: ToWorker | TestToWorker): void {
  host.api().then(
    (api) => api.send(m),
    () => undefined, // the loss or failure was reported through the host's state
  );
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
  registerTestWorker('training', () => host.api().then((api) => api.send({ type: 'test:lose-device' })));
}

/** Starts the worker (and so tfjs and backend selection) without a job. */
export function wakeWorker(): void {
  void host.api().catch(() => undefined);
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
  host.reset();
}
