/**
 * The drawing lesson's handle on its inference worker (src/workers/draw.worker.ts): one worker
 * per island, started with the page's `?backend=` choice and ended when the island goes away.
 */
import type { FromDrawWorker, ToDrawWorker } from '../../lib/draw/protocol.ts';
import { parseBackendParam } from '../../lib/tf-runtime.ts';

export interface DrawWorker {
  /** Sends a request; ids come from `nextId`. */
  send(m: ToDrawWorker, transfer?: Transferable[]): void;
  nextId(): number;
  terminate(): void;
}

export function startDrawWorker(listener: (m: FromDrawWorker) => void): DrawWorker {
  const worker = new Worker(new URL('../../workers/draw.worker.ts', import.meta.url), { type: 'module', name: 'cnn-draw' });
  let id = 0;
  let ended = false;
  worker.onmessage = (e: MessageEvent<FromDrawWorker>) => {
    if (!ended) listener(e.data);
  };
  worker.onerror = (e) => {
    if (!ended) listener({ type: 'failed', id: null, stage: 'init', message: e.message || 'the drawing worker crashed' });
  };
  worker.postMessage({ type: 'init', forced: parseBackendParam(location.search) } satisfies ToDrawWorker);
  return {
    send(m, transfer = []) {
      if (!ended) worker.postMessage(m, transfer);
    },
    nextId: () => ++id,
    terminate() {
      ended = true;
      worker.terminate();
    },
  };
}
