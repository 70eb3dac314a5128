import { useEffect } from 'preact/hooks';
import type { LoadState } from '../../lib/load-store.ts';
import type { MnistSampleData } from '../../lib/mnist/loader.ts';
import { useLoadState } from '../useLoadState.ts';
import { sampleMnist } from './mnist-data.ts';

/**
 * The page's shared 1,000-image MNIST sample, loading as soon as a demo that needs it mounts
 * (it is small, so no button asks first). Every caller on the page gets the same download.
 * A failed load stays an error until `sampleMnist.start()` is called again (a retry button).
 */
export function useSampleMnist(): LoadState<MnistSampleData> {
  const state = useLoadState(sampleMnist);
  useEffect(() => {
    if (sampleMnist.get().phase === 'idle') void sampleMnist.start();
  }, []);
  return state;
}
