import { useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import { paramComparison } from '../../lib/conv/learned.ts';
import { convSettings, initialState, INPUT_SIZE, reduce, settingsOf, SIDE } from '../../lib/conv/state.ts';
import { KERNEL, windowAt } from '../../lib/conv/window.ts';
import { maxAbsOf } from '../../lib/viz/image.ts';
import { DigitPicker } from '../mnist/DigitPicker.tsx';
import { useSampleDigit } from '../mnist/useSampleDigit.ts';
import { useActivations } from '../model/useActivations.ts';
import { useCourseModel } from '../model/useCourseModel.ts';
import { backendOf, useTf } from '../useTf.ts';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { replaceQuery } from '../viz/useUrlState.ts';
import { KernelEditor } from './KernelEditor.tsx';
import { LearnedFilters } from './LearnedFilters.tsx';
import { OutputNumbers } from './OutputNumbers.tsx';
import { ParamCompare } from './ParamCompare.tsx';
import { useConvOutput } from './useConvOutput.ts';
import { useLearnedFilters } from '../model/useLearnedFilters.ts';
import { WindowFormula } from './WindowFormula.tsx';
import { WindowView } from './WindowView.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.convolution;
const LAYERS = ['conv2d'] as const;
const PARAMS = paramComparison();

/**
 * 3-3: a 3×3 filter slid over a real MNIST digit. Edit the kernel, bias and ReLU (kept in the
 * URL) and see the 26×26 output computed with tfjs; step the window and see its nine products;
 * compare with the model in use's 32 learned filters and their feature maps. The state machine is
 * src/lib/conv/state.ts; the arithmetic shown is src/lib/conv/window.ts.
 */
export default function ConvolutionIsland() {
  const [state, dispatch] = useReducer(reduce, undefined, () => initialState());
  const [hydrated, setHydrated] = useState(false);
  const digit = useSampleDigit();
  const tfState = useTf();
  const model = useCourseModel();
  const activations = useActivations(model, digit.image, LAYERS);
  const learned = useLearnedFilters(model, 'conv2d');
  useEffect(() => {
    dispatch({ type: 'load', settings: convSettings.read(location.search) });
    setHydrated(true);
  }, []);
  useEffect(() => {
    if (hydrated) replaceQuery(convSettings.write(settingsOf(state), location.search));
  }, [hydrated, state.kernel, state.bias, state.relu]);

  const output = useConvOutput(tfState, digit.image, INPUT_SIZE, state.kernel, state.bias, state.relu);
  const shown = output.current ? output.values : undefined;
  /** At least ±1, so a nearly flat output stays pale. */
  const maxAbs = useMemo(() => (output.values ? maxAbsOf(output.values, 1) : 1), [output.values]);
  const at = state.at;
  const result = useMemo(() => (digit.image ? windowAt(digit.image, INPUT_SIZE, state.kernel, state.bias, state.relu, at) : undefined), [digit.image, state.kernel, state.bias, state.relu, at]);
  const problem = tfState.phase === 'failed' ? t.tfFailed(tfState.message) : tfState.phase === 'lost' ? t.tfLost(tfState.message) : output.error !== undefined ? t.tfFailed(output.error) : undefined;

  return (
    <DemoFrame
      id="convolution"
      title={t.title}
      intro={t.intro(KERNEL, SIDE)}
      class="conv"
      backend={backendOf(tfState)}
      data-testid="convolution-demo"
      data-hydrated={String(hydrated)}
      data-phase={shown ? 'ready' : 'computing'}
      data-row={at.row}
      data-col={at.col}
      data-playing={String(state.playing)}
      data-tensors={output.tensors}
    >
      <div class="conv__top">
        <DigitPicker id="conv" digit={digit} size={112} />
        <KernelEditor state={state} dispatch={dispatch} />
      </div>
      {problem !== undefined && <p role="alert" class="error">{problem}</p>}
      {digit.image && (
        <div class="conv__main">
          <WindowView image={digit.image} output={output.values} maxAbs={maxAbs} at={at} playing={state.playing} dispatch={dispatch} />
          {result && <WindowFormula at={at} result={result} bias={state.bias} relu={state.relu} tfValue={shown?.[at.row * SIDE + at.col]} />}
        </div>
      )}
      {!shown && problem === undefined && <p role="status" class="viz-help">{t.computing}</p>}
      {output.values && <OutputNumbers values={output.values} side={SIDE} maxAbs={maxAbs} />}
      <LearnedFilters model={model} learned={learned} activations={activations} state={state} editorOutput={shown} dispatch={dispatch} />
      <ParamCompare p={PARAMS} />
    </DemoFrame>
  );
}
