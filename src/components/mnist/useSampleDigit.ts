import { useMemo } from 'preact/hooks';
import type { LoadState } from '../../lib/load-store.ts';
import type { MnistSampleData } from '../../lib/mnist/loader.ts';
import { DEFAULT_INDEX, modelInput, SAMPLE_SIZE, validIndex } from '../../lib/mnist/sample-pick.ts';
import { defineUrlState, numberField } from '../../lib/url-state.ts';
import { useUrlState } from '../viz/useUrlState.ts';
import { useSampleMnist } from './useSampleMnist.ts';

/** The chosen sample digit lives in the URL as ?digit=<index in the 1,000-image sample>. */
export const digitSetting = defineUrlState({ digit: numberField(DEFAULT_INDEX, { min: 0, max: SAMPLE_SIZE - 1, integer: true }) });

export interface SampleDigit {
  readonly sample: LoadState<MnistSampleData>;
  /** The chosen index in the sample. */
  readonly index: number;
  /** Its label, once the sample is loaded. */
  readonly label: number | undefined;
  /** The chosen image as the model's input (0..1, rows·cols), once the sample is loaded. */
  readonly image: Float32Array | undefined;
  choose(index: number): void;
}

/**
 * One real MNIST digit for a demo, chosen by the learner from the shared 1,000-image sample
 * (DigitPicker shows the choice). One per page: the choice is the page's ?digit=.
 */
export function useSampleDigit(): SampleDigit {
  const sample = useSampleMnist();
  const [setting, setSetting] = useUrlState(digitSetting);
  const data = sample.phase === 'ready' ? sample.data : undefined;
  const index = data ? validIndex(data.sample.labels.length, setting.digit) : setting.digit;
  const image = useMemo(() => (data ? modelInput(data.sample.images, index, data.imageSize) : undefined), [data, index]);
  return {
    sample,
    index,
    label: data?.sample.labels[index],
    image,
    choose: (digit) => {
      setSetting({ digit });
    },
  };
}
