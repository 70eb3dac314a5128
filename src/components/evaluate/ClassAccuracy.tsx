import type { ClassRow } from '../../lib/evaluate/view.ts';
import { formatPercent } from '../../lib/evaluation.ts';
import { formatInt } from '../../lib/format.ts';
import { Bars } from '../viz/Bars.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.evaluate;

/** Each digit's accuracy as a bar and in words (correct of its test images). */
export function ClassAccuracy({ rows }: { rows: readonly ClassRow[] }) {
  const items = rows.map((r) => ({
    key: r.digit,
    value: r.accuracy,
    text: r.total === 0 ? t.perClassNone(r.digit) : t.perClassItem(r.digit, formatPercent(r.accuracy, 1), formatInt(r.correct), formatInt(r.total)),
    testId: 'per-class',
  }));
  return <Bars label={t.perClassTitle} items={items} block="evaluate" />;
}
