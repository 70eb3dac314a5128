import { useEffect, useRef, useState } from 'preact/hooks';
import { allPathsTf, type TfPath } from '../../lib/descent/optimisers-tf.ts';
import { BOWL, OPTIMISERS, type Optimiser } from '../../lib/descent/surface.ts';
import type { SurfaceSettings } from '../../lib/descent/url.ts';
import { errorMessage } from '../../lib/tf-runtime.ts';
import type { TfState } from '../useTf.ts';

export type Paths = Readonly<Record<Optimiser, TfPath>>;

export interface SurfaceRun {
  /** The paths of the latest settings, once computed. */
  readonly paths: Paths | undefined;
  /** The settings those paths are for. */
  readonly forKey: string | undefined;
  readonly busy: boolean;
  readonly error: string | undefined;
  /** Live tfjs tensors after the last computation settled. */
  readonly tensors: number | undefined;
}

export const settingsKey = (s: SurfaceSettings): string => `${s.lr2}|${s.x0}|${s.y0}|${s.n}`;

/**
 * Runs the three tf.train optimisers (src/lib/descent/optimisers-tf.ts) whenever the settings
 * change, on the page's tfjs; an answer for settings that have since changed is dropped.
 */
export function useSurfacePaths(tfState: TfState, settings: SurfaceSettings): SurfaceRun {
  const [run, setRun] = useState<SurfaceRun>({ paths: undefined, forKey: undefined, busy: false, error: undefined, tensors: undefined });
  const latest = useRef('');
  const key = settingsKey(settings);
  const tf = tfState.phase === 'ready' ? tfState.tf : undefined;

  useEffect(() => {
    if (!tf) return;
    latest.current = key;
    setRun((r) => ({ ...r, busy: true }));
    allPathsTf(tf, BOWL, { x: settings.x0, y: settings.y0 }, settings.lr2, settings.n, OPTIMISERS).then(
      (paths) => {
        if (latest.current !== key) return;
        setRun({ paths, forKey: key, busy: false, error: undefined, tensors: tf.memory().numTensors });
      },
      (e: unknown) => {
        if (latest.current !== key) return;
        setRun((r) => ({ ...r, busy: false, error: errorMessage(e), tensors: tf.memory().numTensors }));
      },
    );
  }, [tf, key]);

  return run;
}
