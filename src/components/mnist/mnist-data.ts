/**
 * The page's one copy of the MNIST data: every island on a page shares this store, so the
 * 9.6 MB set downloads once, with one progress bar, and a cached copy loads without asking.
 */
import { createLoadStore } from '../../lib/load-store.ts';
import { isSetCached, loadManifest, loadMnist, MnistLoadError, type MnistFullData, type MnistManifest, type MnistSampleData } from '../../lib/mnist/loader.ts';

export const MNIST_BASE = `${import.meta.env.BASE_URL}data/mnist/`;

let manifestPromise: Promise<MnistManifest> | undefined;
export function mnistManifest(): Promise<MnistManifest> {
  manifestPromise ??= loadManifest(MNIST_BASE);
  manifestPromise.catch(() => {
    manifestPromise = undefined;
  });
  return manifestPromise;
}

export const fullMnist = createLoadStore<MnistFullData>(
  async (signal, progress) =>
    loadMnist({ baseUrl: MNIST_BASE, set: 'full', manifest: await mnistManifest(), signal, onProgress: (p) => { progress(p.loaded, p.total); } }),
  (e) => e instanceof MnistLoadError && e.kind === 'aborted',
);

/**
 * The 1,000-image sample (the first 100 test images of each digit), shared the same way: every
 * demo on a page that shows real digits uses this one download (see useSampleMnist).
 */
export const sampleMnist = createLoadStore<MnistSampleData>(
  async (signal, progress) =>
    loadMnist({ baseUrl: MNIST_BASE, set: 'sample', manifest: await mnistManifest(), signal, onProgress: (p) => { progress(p.loaded, p.total); } }),
  (e) => e instanceof MnistLoadError && e.kind === 'aborted',
);

/** Starts loading the full set if it is already in Cache Storage (no download, no question). */
export async function loadFullIfCached(): Promise<boolean> {
  try {
    const manifest = await mnistManifest();
    if (await isSetCached({ baseUrl: MNIST_BASE, set: 'full', manifest })) {
      void fullMnist.start();
      return true;
    }
  } catch {
    /* the explicit load button reports errors */
  }
  return false;
}
