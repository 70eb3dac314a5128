import type { Step } from '../../lib/descent/curve.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.descent;
/** The table shows the latest steps only. */
const SHOWN = 8;

/** Each step's numbers: w, the gradient, the update η·∂L/∂w, the new w and its loss (latest first). */
export function StepTable({ steps }: { steps: readonly Step[] }) {
  const first = Math.max(0, steps.length - SHOWN);
  const rows = steps.slice(first).map((s, i) => ({ n: first + i + 1, s })).reverse();
  return (
    // Focusable, so the table can be scrolled sideways by keyboard on a narrow screen.
    <div class="descent__table" tabIndex={0} role="region" aria-labelledby="descent-steps-caption">
      <table data-testid="descent-steps">
        <caption id="descent-steps-caption">{t.tableCaption(rows.length, steps.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colStep}</th>
            <th scope="col">{t.colW}</th>
            <th scope="col">{t.colGradient}</th>
            <th scope="col">{t.colUpdate}</th>
            <th scope="col">{t.colNext}</th>
            <th scope="col">{t.colLoss}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr><td colSpan={6}>{t.noSteps}</td></tr>
          ) : (
            rows.map(({ n, s }) => (
              <tr key={n} data-step={n}>
                <th scope="row">{n}</th>
                <td>{formatNumber(s.w)}</td>
                <td>{formatNumber(s.gradient)}</td>
                <td>{formatNumber(s.update)}</td>
                <td>{formatNumber(s.next)}</td>
                <td>{formatNumber(s.nextLoss)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
