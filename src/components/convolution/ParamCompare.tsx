import { formatInt } from '../../lib/format.ts';
import type { ParamComparison } from '../../lib/conv/learned.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.convolution.params;

/** The first convolution layer's parameters against a dense layer with the same output (src/lib/conv/learned.ts). */
export function ParamCompare({ p }: { p: ParamComparison }) {
  return (
    <div class="conv__params">
      <table data-testid="conv-params">
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.layer}</th>
            <th scope="col">{t.count}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t.conv(p.filters)}</th>
            <td data-testid="conv-params-conv">{formatInt(p.conv)}</td>
          </tr>
          <tr>
            <th scope="row">{t.dense(formatInt(p.inputs), formatInt(p.outputs))}</th>
            <td data-testid="conv-params-dense">{formatInt(p.dense)}</td>
          </tr>
        </tbody>
      </table>
      <p data-testid="conv-params-ratio">{t.ratio(formatInt(p.ratio))}</p>
    </div>
  );
}
