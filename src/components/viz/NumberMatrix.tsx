import { useEffect, useRef, useState } from 'preact/hooks';
import { cssRgb, maxAbsOf, signedColour, textOn } from '../../lib/viz/image.ts';
import { matrixMove } from '../../lib/viz/matrix.ts';
import { formatNumber, keepsDraft, parseNumber, type NumberSpec } from '../../lib/viz/numeric.ts';
import { strings } from '../../i18n/index.ts';
import { refusalMessage } from './messages.ts';

const t = strings.kit;
/** What an editable matrix accepts when the island does not say. */
const ANY: NumberSpec = { min: -1e6, max: 1e6 };

export interface NumberMatrixProps {
  /** Unique on the page: the prefix of the cells' message ids. */
  id: string;
  caption: string;
  rows: number;
  cols: number;
  /** rows×cols numbers, row by row (the last good values: controlled). */
  values: readonly number[];
  /** Called with all values when a cell gets a good value; not needed when readOnly. */
  onChange?: ((values: readonly number[]) => void) | undefined;
  /** Numbers as text in a plain table: results, not inputs. */
  readOnly?: boolean | undefined;
  /** What each cell accepts (default: any number within ±1,000,000). */
  spec?: NumberSpec | undefined;
  /** Tint each cell with the signed colour scale (ColorScale is its legend). */
  colour?: boolean | undefined;
  /** Ends of the colour scale; default the largest |value|. */
  maxAbs?: number | undefined;
  /** Row and column headers (default "1 行", "1 列"), also part of each input's name. */
  rowLabel?: ((row: number) => string) | undefined;
  colLabel?: ((col: number) => string) | undefined;
  testId?: string | undefined;
}

/**
 * A matrix of numbers with a caption — a kernel, a layer's weights. Editable: a text input per
 * cell, moved between with the arrow keys (src/lib/viz/matrix.ts), each validated like
 * NumericField (refused text stays, explained under the table, and the cell keeps its last good
 * value; Escape puts it back). Read-only: the numbers as table text. With `colour`, each cell's
 * background is its value on the signed scale, its text black or white, whichever contrasts more.
 */
export function NumberMatrix({ id, caption, rows, cols, values, onChange, readOnly, spec = ANY, colour, maxAbs, rowLabel = t.row, colLabel = t.col, testId }: NumberMatrixProps) {
  const [drafts, setDrafts] = useState<ReadonlyMap<number, string>>(new Map());
  const previous = useRef(values);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  useEffect(() => {
    const before = previous.current;
    previous.current = values;
    setDrafts((d) => {
      const kept = [...d].filter(([i, text]) => keepsDraft(text, spec, values[i] ?? 0, before[i] ?? 0));
      // The same map when nothing changes: no render for every new array of results.
      return kept.length === d.size ? d : new Map(kept);
    });
  }, [values]);

  const scale = maxAbs ?? maxAbsOf(values);
  const tint = (v: number) => {
    if (colour !== true) return undefined;
    const bg = signedColour(v, scale);
    return { background: cssRgb(bg), color: cssRgb(textOn(bg)) };
  };
  const cells = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => r * cols + c));
  const refusals = [...drafts].flatMap(([i, text]) => {
    const p = parseNumber(text, spec);
    return p.ok ? [] : [{ i, message: `${t.cell(caption, rowLabel(Math.floor(i / cols)), colLabel(i % cols))}: ${refusalMessage(p.reason, spec, values[i] ?? 0)}` }];
  });
  const messageId = (i: number) => `${id}-message-${i}`;

  const edit = (i: number, text: string) => {
    setDrafts((d) => new Map(d).set(i, text));
    const p = parseNumber(text, spec);
    if (p.ok && p.value !== values[i]) onChange?.(values.map((v, j) => (j === i ? p.value : v)));
  };
  const settle = (i: number) => {
    setDrafts((d) => {
      const text = d.get(i);
      if (text !== undefined && !parseNumber(text, spec).ok) return d;
      const next = new Map(d);
      next.delete(i);
      return next;
    });
  };

  return (
    <div class="viz-matrix">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {cells[0]?.map((c) => (
              <th key={c} scope="col">
                {colLabel(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map((row, r) => (
            <tr key={r}>
              <th scope="row">
                {rowLabel(r)}
              </th>
              {row.map((i) => {
                const v = values[i] ?? 0;
                const text = drafts.get(i);
                const refused = text !== undefined && !parseNumber(text, spec).ok;
                return (
                  <td key={i}>
                    {readOnly === true ? (
                      <span class="viz-matrix__value" style={tint(v)}>
                        {formatNumber(v)}
                      </span>
                    ) : (
                      <input
                        ref={(el) => {
                          inputs.current[i] = el;
                        }}
                        type="text"
                        inputMode="decimal"
                        autoComplete="off"
                        spellcheck={false}
                        value={text ?? formatNumber(v)}
                        style={tint(v)}
                        aria-label={t.cell(caption, rowLabel(r), colLabel(i % cols))}
                        aria-invalid={refused ? 'true' : undefined}
                        aria-describedby={refused ? messageId(i) : undefined}
                        onFocus={(e) => {
                          e.currentTarget.select();
                        }}
                        onInput={(e) => {
                          edit(i, e.currentTarget.value);
                        }}
                        onBlur={() => {
                          settle(i);
                        }}
                        onKeyDown={(e) => {
                          const el = e.currentTarget;
                          if (e.key === 'Escape' && refused) {
                            e.preventDefault();
                            setDrafts((d) => new Map([...d].filter(([j]) => j !== i)));
                            return;
                          }
                          const to = matrixMove(e.key, i, rows, cols, { start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0, length: el.value.length });
                          if (to === null) return;
                          e.preventDefault();
                          inputs.current[to]?.focus();
                        }}
                      />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {readOnly !== true && (
        <div class="viz-matrix__message error" aria-live="polite">
          {refusals.map((r) => (
            <p key={r.i} id={messageId(r.i)}>
              {r.message}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
