import { PRESET_IDS, type PresetId } from '../../lib/conv/presets.ts';
import { activePreset, WEIGHT, type ConvEvent, type ConvState } from '../../lib/conv/state.ts';
import { KERNEL } from '../../lib/conv/window.ts';
import { NumberMatrix } from '../viz/NumberMatrix.tsx';
import { NumericField } from '../viz/NumericField.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.convolution;

/** The filter the learner edits: presets, the 3×3 weights, the bias and the ReLU switch. */
export function KernelEditor({ state, dispatch }: { state: ConvState; dispatch: (e: ConvEvent) => void }) {
  const preset = activePreset(state);
  const now = state.loaded !== null ? t.loadedNow(state.loaded) : preset !== null ? t.presetNow(t.presetNames[preset]) : t.own;
  return (
    <div class="conv__editor">
      <p class="viz-caption">{t.editor}</p>
      <fieldset class="conv__presets">
        <legend>{t.presets}</legend>
        <div class="viz-buttons">
          {PRESET_IDS.map((id: PresetId) => (
            <button key={id} type="button" aria-pressed={preset === id} onClick={() => { dispatch({ type: 'preset', id }); }} data-testid={`conv-preset-${id}`}>
              {t.presetNames[id]}
            </button>
          ))}
        </div>
      </fieldset>
      <p class="viz-help" data-testid="conv-kernel-name">{now}</p>
      <NumberMatrix
        id="conv-kernel"
        caption={t.kernel}
        rows={KERNEL}
        cols={KERNEL}
        values={state.kernel}
        spec={WEIGHT}
        colour
        rowLabel={t.rowLabel}
        colLabel={t.colLabel}
        onChange={(kernel) => { dispatch({ type: 'kernel', kernel }); }}
        testId="conv-kernel"
      />
      <p class="viz-help">{strings.kit.matrixHelp}</p>
      <NumericField id="conv-bias" label={t.bias} value={state.bias} {...WEIGHT} onChange={(bias) => { dispatch({ type: 'bias', bias }); }} testId="conv-bias" />
      <label class="conv__relu">
        <input type="checkbox" checked={state.relu} onChange={(e) => { dispatch({ type: 'relu', relu: e.currentTarget.checked }); }} data-testid="conv-relu" />
        {t.relu}
      </label>
      <div class="viz-buttons">
        <button type="button" onClick={() => { dispatch({ type: 'reset' }); }}>
          {t.reset}
        </button>
      </div>
    </div>
  );
}
