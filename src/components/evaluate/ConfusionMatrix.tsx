import type { EvaluationResult } from '../../lib/training/protocol.ts';
import type { Cell } from '../../lib/evaluation.ts';
import { matrixRows, type MatrixCell } from '../../lib/evaluate/view.ts';
import { formatInt } from '../../lib/format.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.evaluate;

/** The shading of a cell: `shade`% of the accent over the page's background. */
const background = (shade: number) => (shade > 0 ? { background: `color-mix(in srgb, var(--accent) ${shade}%, var(--bg))` } : undefined);

/** Rows: true digit, columns: prediction; a mistake's count is a button showing its images. */
export function ConfusionMatrix({ result, cell, onCell }: { result: EvaluationResult; cell: Cell | null; onCell: (cell: Cell | null) => void }) {
  const rows = matrixRows(result, cell);
  return (
    <div class="evaluate__matrix" role="region" aria-label={t.matrixRegion} tabIndex={0}>
      <table>
        <caption>{t.matrixCaption(formatInt(result.count))}</caption>
        <thead>
          <tr>
            <th scope="col">{t.matrixCorner}</th>
            {rows.map((_, p) => (
              <th scope="col" key={p}>
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, label) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {row.map((c) => (
                <td key={c.predicted} data-testid="confusion-cell" class={c.diagonal ? 'evaluate__cell evaluate__cell--diagonal' : 'evaluate__cell'} style={background(c.shade)}>
                  <CellContent cell={c} onCell={onCell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CellContent({ cell: c, onCell }: { cell: MatrixCell; onCell: (cell: Cell | null) => void }) {
  if (!c.selectable) return <>{c.count}</>;
  return (
    <button
      type="button"
      class="evaluate__cell-button"
      aria-pressed={c.selected}
      aria-label={t.cellButton(c.label, c.predicted, formatInt(c.count))}
      onClick={() => {
        onCell(c.selected ? null : { label: c.label, predicted: c.predicted });
      }}
    >
      {c.count}
    </button>
  );
}
