import { formatInt } from '../../lib/format.ts';
import { unitPlace, type DropoutSummary } from '../../lib/dropout/mask.ts';
import { AVERAGE_STEPS, FROM_SPEC, scaleText, sumText, TABLE_ROWS, valueText } from '../../lib/dropout/view.ts';
import { NumericField } from '../viz/NumericField.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.dropoutMask;

export interface DropoutNumbersProps {
  id: string;
  training: boolean;
  rate: number;
  scale: number;
  summary: DropoutSummary;
  average: number;
}

/** The step's counts, the factor and the sums (and, in training, the average sum over many steps). */
export function DropoutNumbers({ id, training, rate, scale, summary, average }: DropoutNumbersProps) {
  return (
    <div class="dropout__numbers">
      <p class="viz-caption">{t.numbersTitle}</p>
      <dl class="dropout__facts">
        <dt>{t.dropped}</dt>
        <dd data-testid={`${id}-dropped`}>{t.units(summary.dropped)}</dd>
        <dt>{t.kept}</dt>
        <dd data-testid={`${id}-kept`}>{t.units(summary.kept)}</dd>
        <dt>{t.scale}</dt>
        <dd data-testid={`${id}-scale`}>{training ? t.scaleValue(String(rate), scaleText(scale)) : t.scaleInference}</dd>
        <dt>{t.sumBefore}</dt>
        <dd data-testid={`${id}-sum-before`}>{sumText(summary.sumBefore)}</dd>
        <dt>{t.sumAfter}</dt>
        <dd data-testid={`${id}-sum-after`}>{sumText(summary.sumAfter)}</dd>
        {training && (
          <>
            <dt>{t.average(AVERAGE_STEPS)}</dt>
            <dd data-testid={`${id}-average`}>{sumText(average)}</dd>
          </>
        )}
      </dl>
      {training && <p class="viz-help">{t.averageNote}</p>}
    </div>
  );
}

/** TABLE_ROWS units from `from` on: number, place, input, the draw and the output. */
export function DropoutTable({ id, from, values, mask, output, onFrom }: { id: string; from: number; values: Float32Array; mask: Uint8Array; output: Float32Array; onFrom: (from: number) => void }) {
  const rows = Array.from({ length: TABLE_ROWS }, (_, n) => from + n);
  return (
    <div class="dropout__table">
      <NumericField id={`${id}-from`} label={t.start} value={from} {...FROM_SPEC} help={t.startHelp} onChange={onFrom} testId={`${id}-from`} />
      <table data-testid={`${id}-table`}>
        <caption>{t.tableCaption(from, from + TABLE_ROWS - 1)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.unit}</th>
            <th scope="col">{t.place}</th>
            <th scope="col">{t.input}</th>
            <th scope="col">{t.decision}</th>
            <th scope="col">{t.output}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => {
            const { r, c, k } = unitPlace(i);
            const kept = mask[i] === 1;
            return (
              <tr key={i} data-unit={i} data-kept={String(kept)} class={kept ? undefined : 'dropout__dropped'}>
                <th scope="row">{formatInt(i)}</th>
                <td>{`(${r}, ${c}, ${k})`}</td>
                <td data-cell="input">{valueText(values[i] ?? NaN)}</td>
                <td data-cell="decision">{kept ? t.keep : t.drop}</td>
                <td data-cell="output">{valueText(output[i] ?? NaN)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
