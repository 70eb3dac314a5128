import { useEffect, useRef, useState } from 'preact/hooks';
import { convolveTf } from '../../lib/conv/conv-tf.ts';
import { errorMessage } from '../../lib/tf-runtime.ts';
import type { TfState } from '../useTf.ts';

export interface ConvOutput {
  /** The output for the current input, or the last one while the next is computed. */
  readonly values: Float32Array | undefined;
  /** Whether `values` belong to the current image, kernel, bias and ReLU switch. */
  readonly current: boolean;
  /** tf.memory().numTensors after the last computation (the tests' leak check). */
  readonly tensors: number | undefined;
  readonly error: string | undefined;
}

/**
 * The editor's filter over the chosen digit, computed with tfjs (src/lib/conv/conv-tf.ts) each
 * time the image, kernel, bias or ReLU switch changes. An answer for an input no longer shown is
 * dropped.
 */
export function useConvOutput(tfState: TfState, image: Float32Array | undefined, size: number, kernel: readonly number[], bias: number, relu: boolean): ConvOutput {
  const [done, setDone] = useState<{ key: string; image: Float32Array; values: Float32Array; tensors: number } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const seq = useRef(0);
  const tf = tfState.phase === 'ready' ? tfState.tf : undefined;
  const key = image ? `${kernel.join(',')}|${bias}|${relu ? 1 : 0}` : '';
  useEffect(() => {
    const id = ++seq.current;
    if (!tf || !image) return;
    convolveTf(tf, { image, size, kernel, bias, relu }).then(
      (values) => {
        if (id !== seq.current) return;
        setDone({ key, image, values, tensors: tf.memory().numTensors });
        setError(undefined);
      },
      (e: unknown) => {
        if (id === seq.current) setError(errorMessage(e));
      },
    );
  }, [tf, image, key]);
  useEffect(
    () => () => {
      seq.current += 1;
    },
    [],
  );
  return {
    values: done?.values,
    current: done !== undefined && done.key === key && done.image === image,
    tensors: done?.tensors,
    error,
  };
}
