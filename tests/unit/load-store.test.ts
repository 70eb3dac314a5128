import { describe, expect, it } from 'vitest';
import { createLoadStore, type LoadState } from '../../src/lib/load-store.ts';
import { formatBytes, indicesWithLabel, parseIndex, positionAtOrAfter, wrapPosition } from '../../src/lib/mnist/explorer.ts';

const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

describe('load store', () => {
  it('reports progress, then the data, and loads once', async () => {
    let calls = 0;
    const store = createLoadStore<string>((_signal, progress) => {
      calls++;
      progress(5, 10);
      progress(10, 10);
      return Promise.resolve('data');
    }, isAbort);
    const seen: LoadState<string>[] = [];
    store.subscribe((s) => seen.push(s));
    await Promise.all([store.start(), store.start()]);
    await store.start();
    expect(calls).toBe(1);
    expect(seen.map((s) => s.phase)).toEqual(['loading', 'loading', 'loading', 'ready']);
    expect(store.get()).toEqual({ phase: 'ready', data: 'data' });
  });

  it('keeps an error until retried, and the retry can succeed', async () => {
    let fail = true;
    const store = createLoadStore<number>(() => (fail ? Promise.reject(new Error('corrupt')) : Promise.resolve(42)), isAbort);
    await store.start();
    const s = store.get();
    expect(s.phase).toBe('error');
    fail = false;
    await store.start();
    expect(store.get()).toEqual({ phase: 'ready', data: 42 });
  });

  it('cancels back to idle and ignores the aborted load', async () => {
    const store = createLoadStore<number>(
      (signal) =>
        new Promise((_, reject) => {
          signal.addEventListener('abort', () => {
            reject(new DOMException('aborted', 'AbortError'));
          });
        }),
      isAbort,
    );
    const run = store.start();
    store.cancel();
    await run;
    expect(store.get()).toEqual({ phase: 'idle', cancelled: true });
  });
});

describe('explorer helpers', () => {
  const labels = Uint8Array.from([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
  it('filters by label', () => {
    expect([...indicesWithLabel(labels, 1)]).toEqual([3, 6, 8]);
    expect(indicesWithLabel(labels, null)).toHaveLength(10);
    expect(indicesWithLabel(labels, 7)).toHaveLength(0);
  });
  it('finds the nearest position and wraps', () => {
    const ones = indicesWithLabel(labels, 1);
    expect(positionAtOrAfter(ones, 4)).toBe(1);
    expect(positionAtOrAfter(ones, 9)).toBe(0);
    expect(wrapPosition(-1, 3)).toBe(2);
    expect(wrapPosition(3, 3)).toBe(0);
    expect(wrapPosition(5, 0)).toBe(0);
  });
  it('parses indices and formats sizes', () => {
    expect(parseIndex(' 59999 ', 60000)).toBe(59999);
    expect(parseIndex('60000', 60000)).toBeNull();
    expect(parseIndex('1e3', 60000)).toBeNull();
    expect(parseIndex('-1', 60000)).toBeNull();
    expect(parseIndex('NaN', 60000)).toBeNull();
    expect(formatBytes(9627116)).toBe('9.6 MB');
    expect(formatBytes(141227)).toBe('141 kB');
  });
});
