import { OPTIMISERS, runaway } from '../../lib/descent/surface.ts';
import { onPlot } from '../../lib/descent/plot.ts';
import type { Paths } from './useSurfacePaths.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.descent;
/** Positions to 3 decimals, losses to 4 significant digits: enough to compare, short enough for a phone. */
const position = (v: number) => String(Number(v.toFixed(3)) || 0);
const short = (v: number) => String(Number(v.toPrecision(4)) || 0);

/** Each optimiser's colour, where it is after `shown` steps and its loss there, or "発散しました". */
export function SurfaceTable({ paths, shown }: { paths: Paths; shown: number }) {
  return (
    <table class="descent__legend" data-testid="descent-optimisers">
      <caption>{t.tableTitle(shown)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.colMethod}</th>
          <th scope="col">{t.colPosition}</th>
          <th scope="col">{t.colSurfaceLoss}</th>
        </tr>
      </thead>
      <tbody>
        {OPTIMISERS.map((k) => {
          const { path, losses } = paths[k];
          const i = Math.min(shown, path.length - 1);
          const p = path[i] ?? { x: NaN, y: NaN };
          const loss = losses[i] ?? NaN;
          const gone = runaway(p) || !Number.isFinite(loss);
          return (
            <tr key={k} data-optimiser={k} data-loss={String(loss)} data-diverged={String(gone)}>
              <th scope="row"><span class={`descent__swatch descent__swatch--${k}`} aria-hidden="true" /> {t.names[k]}</th>
              <td>{gone ? '—' : `(${position(p.x)}, ${position(p.y)})${onPlot(p) ? '' : t.offPlot}`}</td>
              <td data-testid={`descent-loss-${k}`}>{gone ? <strong class="descent__bad">{t.diverged}</strong> : short(loss)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
