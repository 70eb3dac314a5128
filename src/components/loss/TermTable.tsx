import type { Term } from '../../lib/loss/cross-entropy.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.crossEntropy;

/** y as the table shows it: 4 decimals, or an exponent for the tiny values clipping produces. */
function showY(y: number): string {
  return y !== 0 && y < 1e-4 ? y.toExponential(1) : y.toFixed(4);
}

/** Each class's term −t_k·log y_k: only the label's is not 0. */
export function TermTable({ id, terms }: { id: string; terms: readonly Term[] }) {
  return (
    <div class="xent__table" role="region" aria-label={t.tableCaption} tabIndex={0}>
      <table data-testid={`${id}-terms`}>
        <caption>{t.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colK}</th>
            <th scope="col">{t.colT}</th>
            <th scope="col">{t.colY}</th>
            <th scope="col">{t.colTerm}</th>
          </tr>
        </thead>
        <tbody>
          {terms.map((term) => (
            <tr key={term.k} class={term.t === 1 ? 'xent__row--label' : undefined} data-testid={`${id}-term-${term.k}`}>
              <th scope="row">{term.k}</th>
              <td>{term.t}</td>
              <td>
                {showY(term.y)}
                {term.wasClipped && <span class="xent__clipped">{t.clipped(showY(term.clipped))}</span>}
              </td>
              <td>{term.t === 0 ? '0' : t.term(showY(term.clipped), term.value.toFixed(3))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
