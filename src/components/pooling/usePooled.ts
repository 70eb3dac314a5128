import { useEffect, useState } from 'preact/hooks';
import { maxPoolTf, type Maps, type PooledMaps } from '../../lib/pooling/pool-tf.ts';
import type { Tf } from '../../lib/tf-runtime.ts';

/**
 * `maps` max-pooled with tfjs on the page's thread, recomputed when they change (an answer for
 * maps no longer shown is dropped). Reports tf's tensor count after each computation.
 */
export function usePooled(tf: Tf | undefined, maps: Maps | undefined, onTensors: (n: number) => void): PooledMaps | undefined {
  const [result, setResult] = useState<{ for: Maps; pooled: PooledMaps } | null>(null);
  useEffect(() => {
    if (!tf || !maps) return;
    let alive = true;
    void maxPoolTf(tf, maps).then((pooled) => {
      if (!alive) return;
      setResult({ for: maps, pooled });
      onTensors(tf.memory().numTensors);
    });
    return () => {
      alive = false;
    };
  }, [tf, maps]);
  return result && result.for === maps ? result.pooled : undefined;
}
