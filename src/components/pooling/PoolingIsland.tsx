import { useEffect, useMemo, useState } from 'preact/hooks';
import { channelOf } from '../../lib/pooling/shift.ts';
import { DigitPicker } from '../mnist/DigitPicker.tsx';
import { useSampleDigit } from '../mnist/useSampleDigit.ts';
import { ModelInUse } from '../model/ModelInUse.tsx';
import { useActivations } from '../model/useActivations.ts';
import { useCourseModel } from '../model/useCourseModel.ts';
import { backendOf, useTf } from '../useTf.ts';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { ExampleStepper } from './ExampleStepper.tsx';
import { RealPair } from './RealMaps.tsx';
import { ShiftCompare } from './ShiftCompare.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.pooling;
const LAYERS = ['conv2d', 'max_pooling2d', 'conv2d_1', 'max_pooling2d_1'] as const;

/**
 * 3-4: max pooling. The deck's 4×4 example stepped block by block (editable, in the URL), then
 * the chosen MNIST digit's real feature maps from the model in use: a map shifted by one pixel
 * before and after pooling, and both pooling layers (26 → 13, 11 → 5) checked against this
 * page's own tf.maxPool. The pooling is computed with tfjs on the page's thread.
 */
export default function PoolingIsland() {
  const tfState = useTf();
  const tf = tfState.phase === 'ready' ? tfState.tf : undefined;
  const [hydrated, setHydrated] = useState(false);
  const [channel1, setChannel1] = useState(1);
  const [channel2, setChannel2] = useState(1);
  const [tensors, setTensors] = useState<number | undefined>(undefined);
  const digit = useSampleDigit();
  const model = useCourseModel();
  const act = useActivations(model, digit.image, LAYERS);
  useEffect(() => {
    setHydrated(true);
  }, []);
  const a = act.phase === 'ready' ? act.prediction.activations : undefined;
  const conv1 = a?.conv2d;
  const shiftSource = useMemo(() => (conv1 ? channelOf(conv1.data, conv1.shape[0] ?? 0, conv1.shape[1] ?? 0, conv1.shape[2] ?? 0, Math.min(channel1, conv1.shape[2] ?? 1) - 1) : undefined), [conv1, channel1]);

  return (
    <DemoFrame id="pooling" title={t.title} intro={t.intro} class="pooling" backend={backendOf(tfState)} data-testid="pooling-demo"
      data-hydrated={String(hydrated)} data-tensors={tensors} data-activations={act.phase}>
      <ExampleStepper tf={tf} onTensors={setTensors} />
      <div class="pooling__part" role="group" aria-labelledby="pooling-real-title">
        <p class="pooling__subtitle" id="pooling-real-title">{t.realHeading}</p>
        <p class="viz-help">{t.realIntro}</p>
        <DigitPicker id="pooling" digit={digit} size={84} />
        <ModelInUse id="pooling" state={model.state} report={model.report} onRetry={() => { model.retry(); }} />
        {act.phase === 'error' && <p role="alert" class="error">{t.failed(act.message)}</p>}
        {a?.conv2d && a.max_pooling2d && a.conv2d_1 && a.max_pooling2d_1 ? (
          <>
            <RealPair id="layer1" tf={tf} conv={a.conv2d} pool={a.max_pooling2d} channel={channel1} onChannel={setChannel1} onTensors={setTensors} />
            <RealPair id="layer2" tf={tf} conv={a.conv2d_1} pool={a.max_pooling2d_1} channel={channel2} onChannel={setChannel2} onTensors={setTensors} />
          </>
        ) : (
          act.phase !== 'error' && <p role="status">{t.waiting}</p>
        )}
      </div>
      {shiftSource && conv1 && <ShiftCompare tf={tf} map={shiftSource} side={conv1.shape[0] ?? 0} channel={channel1 - 1} onTensors={setTensors} />}
    </DemoFrame>
  );
}
