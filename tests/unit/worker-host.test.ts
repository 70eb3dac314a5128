import { afterEach, describe, expect, it } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { createWorkerHost, WorkerLostError, type HostState } from '../../src/components/workers/worker-host.ts';
import type { BackendReport } from '../../src/lib/tf-runtime.ts';

/**
 * The worker host against a fake worker: a Comlink endpoint on a Node MessageChannel, with an
 * API whose calls the test finishes (or never finishes, as tfjs on a lost WebGL context).
 */
interface FakeApi {
  init(onLost: (message: string) => void): Promise<BackendReport>;
  echo(v: number): Promise<number>;
  hang(): Promise<number>;
}

const REPORT: BackendReport = { backend: 'webgl', forced: undefined, skipped: [] };
const ports: MessagePort[] = [];

function fakeWorkers() {
  const spawned: { lose: (message: string) => void; terminated: boolean }[] = [];
  const spawn = () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    const me: { lose: (message: string) => void; terminated: boolean } = { lose: () => undefined, terminated: false };
    spawned.push(me);
    const api: FakeApi = {
      init(onLost) {
        me.lose = onLost;
        return Promise.resolve(REPORT);
      },
      echo: (v) => Promise.resolve(v * 2),
      hang: () => new Promise<number>(() => undefined),
    };
    Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
    const worker = Object.assign(port1, {
      terminate() {
        me.terminated = true;
        port1.close();
        port2.close();
      },
    });
    return worker as unknown as Worker;
  };
  return { spawn, spawned };
}

afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

describe('the worker host', () => {
  it('starts one worker on first use, initialises it once, and reports its backend', async () => {
    const { spawn, spawned } = fakeWorkers();
    const host = createWorkerHost<FakeApi>({ spawn, init: (api, onLost) => api.init(onLost) });
    const states: HostState['phase'][] = [];
    host.subscribe((s) => states.push(s.phase));
    expect(host.get().phase).toBe('idle');
    const [a, b] = await Promise.all([host.call((api) => api.echo(2)), host.call((api) => api.echo(5))]);
    expect([a, b]).toEqual([4, 10]);
    expect(spawned).toHaveLength(1);
    expect(host.get()).toEqual({ phase: 'ready', report: REPORT });
    expect(states).toEqual(['starting', 'ready']);
    host.reset();
  });

  it('a lost device fails the call in flight at once, and every call until reset; reset starts a fresh worker', async () => {
    const { spawn, spawned } = fakeWorkers();
    const host = createWorkerHost<FakeApi>({ spawn, init: (api, onLost) => api.init(onLost) });
    await host.api();
    const pending = host.call((api) => api.hang());
    spawned[0]?.lose('WebGL context lost');
    await expect(pending).rejects.toBeInstanceOf(WorkerLostError);
    await expect(pending).rejects.toMatchObject({ reason: 'device-lost', message: 'WebGL context lost' });
    expect(host.get()).toMatchObject({ phase: 'lost', reason: 'device-lost', report: REPORT });
    expect(spawned[0]?.terminated).toBe(true);
    // A late call does not quietly start another worker.
    await expect(host.call((api) => api.echo(1))).rejects.toBeInstanceOf(WorkerLostError);
    expect(spawned).toHaveLength(1);
    host.reset();
    expect(await host.call((api) => api.echo(3))).toBe(6);
    expect(spawned).toHaveLength(2);
    host.reset();
  });

  it('a worker that cannot start tfjs is reported, and is retried only after reset', async () => {
    const { spawn, spawned } = fakeWorkers();
    const host = createWorkerHost<FakeApi>({ spawn, init: () => Promise.reject(new Error('no backend could start')) });
    await expect(host.call((api) => api.echo(1))).rejects.toThrow('no backend could start');
    expect(host.get()).toEqual({ phase: 'failed', message: 'no backend could start' });
    await expect(host.call((api) => api.echo(1))).rejects.toThrow('no backend could start');
    expect(spawned).toHaveLength(1);
    host.reset();
    await expect(host.api()).rejects.toThrow();
    expect(spawned).toHaveLength(2);
  });
});
