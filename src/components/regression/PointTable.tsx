import { formatNumber } from '../../lib/viz/numeric.ts';
import type { Point } from '../../lib/regression/fit.ts';
import { residuals } from '../../lib/regression/fit.ts';
import { MAX_POINTS } from '../../lib/regression/url.ts';
import { formatShort } from '../../lib/regression/plot.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.regression;

/** The points as a table (residual and its square beside each), with add and remove buttons: the plot's keyboard and screen-reader twin. */
export function PointTable({ points, a, b, qt, onAdd, onRemove }: { points: readonly Point[]; a: number; b: number; qt: number; onAdd: () => void; onRemove: (i: number) => void }) {
  const r = residuals(points, a, b);
  return (
    <div class="regression__table">
      {points.length === 0 ? (
        <p>{t.noPoints}</p>
      ) : (
        <table data-testid="regression-points">
          <caption>{t.pointsCaption(points.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colPoint}</th>
              <th scope="col">{t.colX}</th>
              <th scope="col">{t.colY}</th>
              <th scope="col">{t.colResidual}</th>
              <th scope="col">{t.colSquare}</th>
              <th scope="col">{t.colAction}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                <td>{formatNumber(p.x)}</td>
                <td>{formatNumber(p.y)}</td>
                <td>{formatShort(r[i] ?? NaN)}</td>
                <td>{formatShort((r[i] ?? NaN) ** 2)}</td>
                <td>
                  <button type="button" class="regression__remove" aria-label={t.removePoint(i)} onClick={() => { onRemove(i); }}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>{t.qt}</th>
              <td colSpan={2}>{formatShort(qt)}</td>
            </tr>
          </tfoot>
        </table>
      )}
      <button type="button" disabled={points.length >= MAX_POINTS} onClick={onAdd}>
        {t.addPoint}
      </button>
    </div>
  );
}
