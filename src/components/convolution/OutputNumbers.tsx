import { memo } from 'preact/compat';
import { fixed } from '../../lib/conv/window.ts';
import { cssRgb, signedColour, textOn } from '../../lib/viz/image.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.convolution;

/**
 * The whole output as numbers (two decimals), tinted like the heat map, in a collapsed section:
 * what the colours mean, readable and copyable.
 */
export const OutputNumbers = memo(function OutputNumbers({ values, side, maxAbs }: { values: Float32Array; side: number; maxAbs: number }) {
  const rows = Array.from({ length: side }, (_, r) => r);
  return (
    <details class="conv__numbers">
      <summary>{t.numbers(side)}</summary>
      {/* Focusable: the table is wider than the page, and a keyboard must be able to scroll it. */}
      <div class="conv__numbers-scroll" tabIndex={0} role="region" aria-label={t.numbersCaption(side)}>
        <table data-testid="conv-output-table">
          <caption>{t.numbersCaption(side)}</caption>
          <thead>
            <tr>
              <td />
              {rows.map((c) => (
                <th key={c} scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                <th scope="row">{r}</th>
                {rows.map((c) => {
                  const v = values[r * side + c] ?? NaN;
                  const bg = signedColour(v, maxAbs);
                  return (
                    <td key={c} style={{ background: cssRgb(bg), color: cssRgb(textOn(bg)) }}>
                      {fixed(v)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
});
