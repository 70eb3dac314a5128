import { fixed, type Position, type WindowResult } from '../../lib/conv/window.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.convolution;
/** Pixels and products with more decimals than the 26×26 table: they are small numbers. */
const DIGITS = 3;

/**
 * The arithmetic at the window's position (computed in TypeScript, src/lib/conv/window.ts): the
 * nine pixel × weight products, their sum, the bias and the ReLU; and the value tfjs computed
 * for the same cell, which must be the same.
 */
export function WindowFormula({ at, result, bias, relu, tfValue }: { at: Position; result: WindowResult; bias: number; relu: boolean; tfValue: number | undefined }) {
  return (
    <div class="conv__formula">
      <table data-testid="conv-formula">
        <caption>{t.formula(at.row, at.col)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.cell}</th>
            <th scope="col">{t.pixel}</th>
            <th scope="col">{t.weight}</th>
            <th scope="col">{t.product}</th>
          </tr>
        </thead>
        <tbody>
          {result.terms.map((term) => (
            <tr key={`${term.i}-${term.j}`}>
              <th scope="row">{t.term(term.i, term.j)}</th>
              <td>{fixed(term.pixel, DIGITS)}</td>
              <td>× {formatNumber(term.weight)}</td>
              <td>= {fixed(term.product, DIGITS)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>{t.sum}</th>
            <td data-testid="conv-sum">{fixed(result.sum, DIGITS)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={3}>{t.plusBias}</th>
            <td data-testid="conv-bias-term">{formatNumber(bias)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={3}>{t.preActivation}</th>
            <td data-testid="conv-pre">{fixed(result.preActivation, DIGITS)}</td>
          </tr>
          <tr class="conv__result">
            <th scope="row" colSpan={3}>{relu ? t.afterRelu : t.noRelu}</th>
            <td data-testid="conv-value">{fixed(result.output, DIGITS)}</td>
          </tr>
        </tfoot>
      </table>
      {tfValue !== undefined && (
        <p class="viz-help" data-testid="conv-tf-value">
          {t.tfValue(fixed(tfValue, DIGITS))}
        </p>
      )}
    </div>
  );
}
