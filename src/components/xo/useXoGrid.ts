import { useEffect, useState } from 'preact/hooks';
import { gridFromCells, type GridState } from '../../lib/viz/paint-grid.ts';
import { SIDE } from '../../lib/xo/network.ts';

const same = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => v === b[i]);

/**
 * The paint grid (cursor and undo history) for a picture that lives in the URL state: follows
 * `cells` when it changes from outside (a link read on hydration, a reset), and reports the
 * cells of every change.
 */
export function useXoGrid(cells: readonly number[], onCells: (cells: readonly number[]) => void): [GridState, (g: GridState) => void] {
  const [grid, setGrid] = useState(() => gridFromCells(SIDE, cells));
  useEffect(() => {
    setGrid((g) => (same(g.cells, cells) ? g : { ...g, cells: Uint8Array.from(cells) }));
  }, [cells]);
  const change = (g: GridState) => {
    setGrid(g);
    if (!same(g.cells, cells)) onCells(Array.from(g.cells));
  };
  return [grid, change];
}
