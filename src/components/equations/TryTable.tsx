import type { Direction } from '../../lib/equations/equations.ts';
import type { EquationState } from '../../lib/equations/state.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.equations;
const n = (v: number) => formatNumber(v).replace(/^-/, '−');

/** Every try, newest last: both left-hand sides, both errors, E; and a hint for the newest. */
export function TryTable({ id, tries }: { id: string; tries: EquationState['tries'] }) {
  const now = tries.at(-1);
  const hint = (d: Direction, i: 0 | 1) => t.hint[d](i + 1);
  return (
    <div class="equations__tries">
      <div class="equations__table" role="region" aria-label={t.triesCaption} tabIndex={0}>
        <table data-testid={`${id}-tries`}>
          <caption>{t.triesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colN}</th>
              <th scope="col">x</th>
              <th scope="col">y</th>
              <th scope="col">3x + 2y</th>
              <th scope="col">5x + 3y</th>
              <th scope="col">{t.colE1}</th>
              <th scope="col">{t.colE2}</th>
              <th scope="col">E</th>
            </tr>
          </thead>
          <tbody>
            {tries.map((r) => (
              <tr key={r.n} data-testid={`${id}-try-${r.n}`} class={r.squared === 0 ? 'equations__row--solved' : undefined}>
                <th scope="row">{r.auto ? t.autoRow(r.n) : r.n}</th>
                <td>{n(r.x)}</td>
                <td>{n(r.y)}</td>
                <td>{n(r.lhs[0])}</td>
                <td>{n(r.lhs[1])}</td>
                <td>{n(r.errors[0])}</td>
                <td>{n(r.errors[1])}</td>
                <td>{n(r.squared)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {now && (
        <div class="equations__now" aria-live="polite" data-testid={`${id}-now`}>
          <p>{t.now(n(now.x), n(now.y), n(now.squared))}</p>
          {now.squared === 0 ? (
            <p class="equations__solved">{t.solved(n(now.x), n(now.y))}</p>
          ) : (
            <ul>
              <li>{t.compare(1, `3 × ${n(now.x)} + 2 × ${n(now.y)}`, n(now.lhs[0]), 13)} {hint(now.hints[0], 0)}</li>
              <li>{t.compare(2, `5 × ${n(now.x)} + 3 × ${n(now.y)}`, n(now.lhs[1]), 21)} {hint(now.hints[1], 1)}</li>
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
