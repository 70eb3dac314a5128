import { EVAL_COUNTS, countValue, imagesFor, parseCount, type EvalCount } from '../../lib/evaluation.ts';
import { formatInt } from '../../lib/format.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.evaluate;

/** How many test images to evaluate: all 10,000, or a quick check. */
export function CountChoice({ count, disabled, onCount }: { count: EvalCount; disabled: boolean; onCount: (count: EvalCount) => void }) {
  return (
    <label class="evaluate__count">
      {t.countLabel}{' '}
      <select value={countValue(count)} disabled={disabled} onChange={(e) => { onCount(parseCount(e.currentTarget.value)); }}>
        {EVAL_COUNTS.map((c) => (
          <option key={countValue(c)} value={countValue(c)}>
            {c === null ? t.countAll(formatInt(imagesFor(c))) : t.countQuick(formatInt(c))}
          </option>
        ))}
      </select>
    </label>
  );
}
