import { useEffect, useRef, useState } from 'preact/hooks';
import { softmax } from '../../lib/softmax/softmax.ts';
import { softmaxTf } from '../../lib/softmax/softmax-tf.ts';
import type { TfState } from '../useTf.ts';

export interface SoftmaxResult {
  /** The probabilities for the logits now shown, or undefined while tfjs computes them. */
  readonly probabilities: ArrayLike<number> | undefined;
  /** tf.memory().numTensors after the last computation (undefined without tfjs). */
  readonly tensors: number | undefined;
}

/**
 * softmax(logits) by tfjs (tf.softmax on the page's backend) whenever the logits change; an
 * answer for logits no longer shown is dropped. If tfjs could not start, the TypeScript
 * reference gives the same numbers so the demo still works.
 */
export function useSoftmaxTf(tf: TfState, logits: readonly number[]): SoftmaxResult {
  const [result, setResult] = useState<{ key: string; probabilities: ArrayLike<number>; tensors: number | undefined } | undefined>(undefined);
  const seq = useRef(0);
  const key = logits.join(',');
  useEffect(() => {
    const id = ++seq.current;
    if (tf.phase === 'loading') return;
    if (tf.phase !== 'ready') {
      setResult({ key, probabilities: softmax(logits), tensors: undefined });
      return;
    }
    softmaxTf(tf.tf, logits).then(
      (probabilities) => {
        if (id === seq.current) setResult({ key, probabilities, tensors: tf.tf.memory().numTensors });
      },
      () => {
        if (id === seq.current) setResult({ key, probabilities: softmax(logits), tensors: undefined });
      },
    );
  }, [tf.phase, key]);
  return result?.key === key ? { probabilities: result.probabilities, tensors: result.tensors } : { probabilities: undefined, tensors: result?.tensors };
}
