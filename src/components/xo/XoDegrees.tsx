import { decision, type Forward } from '../../lib/xo/network.ts';
import { fixed, verdictKey } from '../../lib/xo/format.ts';
import { Bars } from '../viz/Bars.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.xo;

/** The two degrees as bars (with z), the verdict in a live region, and the hidden outputs. */
export function XoDegrees({ id, result }: { id: string; result: Forward }) {
  const [o, x] = result.degree;
  const [zo, zx] = result.z;
  const verdict = verdictKey(decision(result));
  return (
    <div class="xo__degrees">
      <p class="viz-caption">{t.degrees}</p>
      <Bars
        label={t.degrees}
        block="xo"
        testId={`${id}-degrees`}
        items={[
          { key: 'o', name: t.circle, value: o ?? Number.NaN, text: fixed(o, 3), highlight: verdict === 'circle', testId: `${id}-degree-circle` },
          { key: 'x', name: t.cross, value: x ?? Number.NaN, text: fixed(x, 3), highlight: verdict === 'cross', testId: `${id}-degree-cross` },
        ]}
      />
      <p class="xo__verdict" aria-live="polite" data-testid={`${id}-verdict`} data-verdict={verdict} data-circle={fixed(o, 4)} data-cross={fixed(x, 4)}>
        {t.verdict(fixed(o, 3), fixed(x, 3), verdict)}
      </p>
      <p class="viz-caption">{t.outputs}</p>
      <ul class="xo__hidden" data-testid={`${id}-outputs`}>
        <li>{t.outputValue(0, fixed(zo, 2), fixed(o, 3))}</li>
        <li>{t.outputValue(1, fixed(zx, 2), fixed(x, 3))}</li>
      </ul>
      <p class="viz-caption">{t.hiddenOutputs}</p>
      <ul class="xo__hidden" data-testid={`${id}-hidden`}>
        {result.y.map((y, j) => (
          <li key={j}>{t.hiddenValue(j, fixed(result.a[j], 2), fixed(y, 3))}</li>
        ))}
      </ul>
    </div>
  );
}
