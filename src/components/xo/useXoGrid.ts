import { useEffect, useRef, useState } from 'preact/hooks';
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
  // The pictures reported and not yet seen coming back as `cells`: quick clicks can report a second
  // picture before the first one's echo arrives, and that echo must not undo the second.
  const pending = useRef<number[][]>([]);
  useEffect(() => {
    const echo = pending.current.findIndex((p) => same(p, cells));
    if (echo >= 0) {
      pending.current.splice(0, echo + 1);
      return;
    }
    pending.current = [];
    setGrid((g) => (same(g.cells, cells) ? g : { ...g, cells: Uint8Array.from(cells) }));
  }, [cells]);
  const change = (g: GridState) => {
    setGrid(g);
    // Against the last picture reported (the props may not hold it yet), else the props'.
    if (same(g.cells, pending.current.at(-1) ?? cells)) return;
    const next = Array.from(g.cells);
    pending.current.push(next);
    onCells(next);
  };
  return [grid, change];
}
