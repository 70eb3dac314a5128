import { HIDDEN, INPUTS, OUTPUTS, SIDE, type XoParams } from '../../lib/xo/network.ts';
import { WEIGHT } from '../../lib/xo/url.ts';
import { NumberMatrix } from '../viz/NumberMatrix.tsx';
import { NumericField } from '../viz/NumericField.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.xo;

const replaceRow = (all: readonly number[], row: number, width: number, values: readonly number[]) => all.map((v, i) => (Math.floor(i / width) === row ? (values[i - row * width] ?? v) : v));
const replaceAt = (all: readonly number[], at: number, value: number) => all.map((v, i) => (i === at ? value : v));

/**
 * The parameters as editable tables: each hidden neuron's 9 weights as a 3×3 matrix laid out like
 * the picture, with its threshold; the output weights as a 2×3 matrix with the two thresholds.
 * Each cell refuses what is not a number in range and keeps its last good value (the kit's rule).
 * These tables are also the drawing's text alternative.
 */
export function XoWeights({ id, params, onChange }: { id: string; params: XoParams; onChange: (p: XoParams) => void }) {
  return (
    <div class="xo__weights" data-testid={`${id}-weights`}>
      <p class="viz-caption" id={`${id}-weights-title`}>{t.weights}</p>
      <div class="xo__neurons">
        {Array.from({ length: HIDDEN }, (_, j) => (
          <div class="xo__neuron" key={j}>
            <NumberMatrix
              id={`${id}-w1-${j}`}
              caption={t.hiddenWeights(j)}
              rows={SIDE}
              cols={SIDE}
              values={params.w1.slice(j * INPUTS, (j + 1) * INPUTS)}
              spec={WEIGHT}
              colour
              onChange={(v) => { onChange({ ...params, w1: replaceRow(params.w1, j, INPUTS, v) }); }}
              testId={`${id}-w1-${j}`}
            />
            <NumericField id={`${id}-t1-${j}`} label={t.hiddenTheta(j)} value={params.t1[j] ?? 0} {...WEIGHT} onChange={(v) => { onChange({ ...params, t1: replaceAt(params.t1, j, v) }); }} testId={`${id}-t1-${j}`} />
          </div>
        ))}
        <div class="xo__neuron">
          <NumberMatrix
            id={`${id}-w2`}
            caption={t.outputWeights}
            rows={OUTPUTS}
            cols={HIDDEN}
            values={params.w2}
            spec={WEIGHT}
            colour
            rowLabel={t.outputRow}
            colLabel={t.outputCol}
            onChange={(w2) => { onChange({ ...params, w2 }); }}
            testId={`${id}-w2`}
          />
          {Array.from({ length: OUTPUTS }, (_, k) => (
            <NumericField key={k} id={`${id}-t2-${k}`} label={t.outputTheta(k)} value={params.t2[k] ?? 0} {...WEIGHT} onChange={(v) => { onChange({ ...params, t2: replaceAt(params.t2, k, v) }); }} testId={`${id}-t2-${k}`} />
          ))}
        </div>
      </div>
      <p class="viz-help">{t.weightsHelp} {strings.kit.matrixHelp}</p>
    </div>
  );
}
