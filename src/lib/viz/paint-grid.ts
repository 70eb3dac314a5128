/**
 * An N×N paint grid as data: 3×3 for the ○/× network, 8×8 for a kernel playground, 28×28 for a
 * digit. A cursor moved by the arrow keys; space or enter toggles the cell under it, shift+arrow
 * paints while it moves, Home/End jump to the row's ends; pointer input sets cells; undo and
 * clear. The state carries its size, so one module serves every grid. Pure: no DOM.
 */

export interface GridState {
  /** Cells per side. */
  readonly size: number;
  /** size×size cells, row by row: 1 painted, 0 not. */
  readonly cells: Uint8Array;
  readonly row: number;
  readonly col: number;
  /** Earlier `cells`, newest last, for undo. */
  readonly past: readonly Uint8Array[];
}

/** Undo steps kept. */
export const GRID_HISTORY = 200;

/** An empty grid with the cursor in the middle (on the lower-right of the four middle cells when size is even). */
export function emptyGrid(size: number): GridState {
  if (!Number.isInteger(size) || size < 1) throw new Error(`a paint grid needs a whole positive size, got ${size}`);
  const c = Math.floor(size / 2);
  return { size, cells: new Uint8Array(size * size), row: c, col: c, past: [] };
}

/** A grid with the given cells (any non-zero value paints), e.g. a preset or a drawing from a URL. */
export function gridFromCells(size: number, cells: ArrayLike<number>): GridState {
  const s = emptyGrid(size);
  const out = new Uint8Array(size * size);
  for (let i = 0; i < out.length; i++) out[i] = (cells[i] ?? 0) !== 0 ? 1 : 0;
  return { ...s, cells: out };
}

export function gridIsEmpty(s: GridState): boolean {
  return !s.cells.some((v) => v !== 0);
}

export function cellAt(s: GridState, row = s.row, col = s.col): number {
  if (row < 0 || col < 0 || row >= s.size || col >= s.size) return 0;
  return s.cells[row * s.size + col] ?? 0;
}

/** Painted cells. */
export function paintedCount(s: GridState): number {
  return s.cells.reduce((a, b) => a + b, 0);
}

function withCell(s: GridState, row: number, col: number, value: 0 | 1): GridState {
  if (cellAt(s, row, col) === value) return { ...s, row, col };
  const cells = s.cells.slice();
  cells[row * s.size + col] = value;
  return { ...s, cells, row, col, past: [...s.past.slice(-(GRID_HISTORY - 1)), s.cells] };
}

const clampTo = (size: number, v: number) => Math.min(size - 1, Math.max(0, Math.floor(Number.isFinite(v) ? v : 0)));

/** Sets one cell (pointer input; fractional coordinates pick the cell they fall in); the cursor moves there. */
export function setCell(s: GridState, row: number, col: number, value: 0 | 1): GridState {
  return withCell(s, clampTo(s.size, row), clampTo(s.size, col), value);
}

export function toggleCell(s: GridState): GridState {
  return withCell(s, s.row, s.col, cellAt(s) ? 0 : 1);
}

const MOVES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * The grid after a key: arrows move the cursor (stopping at the edges), shift+arrow paints the
 * cell it moves to, space or enter toggles the cell, Home/End jump to the row's ends. Returns
 * null for keys the grid does not use, so the page keeps them (Tab, shortcuts...).
 */
export function gridKey(s: GridState, key: string, shift = false): GridState | null {
  const move = MOVES[key];
  if (move) {
    const row = clampTo(s.size, s.row + move[0]);
    const col = clampTo(s.size, s.col + move[1]);
    return shift ? withCell(s, row, col, 1) : { ...s, row, col };
  }
  switch (key) {
    case ' ':
    case 'Enter':
      return toggleCell(s);
    case 'Home':
      return { ...s, col: 0 };
    case 'End':
      return { ...s, col: s.size - 1 };
    default:
      return null;
  }
}

export function undoGrid(s: GridState): GridState {
  const previous = s.past[s.past.length - 1];
  return previous ? { ...s, cells: previous, past: s.past.slice(0, -1) } : s;
}

export function clearGrid(s: GridState): GridState {
  return gridIsEmpty(s) ? s : { ...s, cells: new Uint8Array(s.size * s.size), past: [...s.past.slice(-(GRID_HISTORY - 1)), s.cells] };
}

/** The grid as a 0/1 image (the drawing lesson's ink, a convolution's input). */
export function gridInk(s: GridState): { readonly data: Float32Array; readonly width: number; readonly height: number } {
  return { data: Float32Array.from(s.cells), width: s.size, height: s.size };
}

/** Cell side (canvas units) that makes a grid of `size` cells about `target` units wide. */
export function cellSide(size: number, target = 280): number {
  return Math.max(4, Math.round(target / size));
}

/** The cell under a point of an element of `width`×`height` px (offsets from its top left), as fractional row/col. */
export function cellAtPoint(size: number, x: number, y: number, width: number, height: number): { row: number; col: number } {
  return { row: height > 0 ? (y / height) * size : 0, col: width > 0 ? (x / width) * size : 0 };
}
