import { describe, expect, it } from 'vitest';
import {
  GRID_HISTORY,
  cellAt,
  cellAtPoint,
  cellSide,
  clearGrid,
  emptyGrid,
  gridFromCells,
  gridInk,
  gridIsEmpty,
  gridKey,
  paintedCount,
  setCell,
  toggleCell,
  undoGrid,
  type GridState,
} from '../../src/lib/viz/paint-grid.ts';
import { FRAME_CENTRE, prepareDigit } from '../../src/lib/draw/preprocess.ts';

const keys = (s: GridState, ...ks: string[]) => ks.reduce((g, k) => gridKey(g, k) ?? g, s);

describe.each([3, 28])('a %i×%i paint grid', (size) => {
  const mid = Math.floor(size / 2);

  it('starts empty with the cursor in the middle', () => {
    const s = emptyGrid(size);
    expect(s.size).toBe(size);
    expect(s.cells).toHaveLength(size * size);
    expect([s.row, s.col]).toEqual([mid, mid]);
    expect(gridIsEmpty(s)).toBe(true);
  });

  it('moves the cursor with the arrows, stopping at the edges; Home and End jump along the row', () => {
    let s = keys(emptyGrid(size), 'ArrowUp', 'ArrowLeft');
    expect([s.row, s.col]).toEqual([mid - 1, mid - 1]);
    for (let i = 0; i < size + 5; i++) s = keys(s, 'ArrowDown', 'ArrowRight');
    expect([s.row, s.col]).toEqual([size - 1, size - 1]);
    for (let i = 0; i < size + 5; i++) s = keys(s, 'ArrowUp');
    expect(s.row).toBe(0);
    s = keys(s, 'Home');
    expect(s.col).toBe(0);
    s = keys(s, 'End');
    expect(s.col).toBe(size - 1);
    expect(gridIsEmpty(s)).toBe(true);
    expect(gridKey(s, 'Tab')).toBeNull();
    expect(gridKey(s, 'a')).toBeNull();
  });

  it('space and enter toggle the cell; shift+arrow paints as it moves; undo and clear', () => {
    let s = emptyGrid(size);
    s = keys(s, ' ');
    expect(cellAt(s)).toBe(1);
    s = keys(s, 'Enter');
    expect(cellAt(s)).toBe(0);
    expect(gridIsEmpty(s)).toBe(true);
    s = { ...s, row: 0 };
    s = keys(s, ' ');
    for (let i = 0; i < size + 2; i++) s = gridKey(s, 'ArrowDown', true) ?? s;
    // A whole column, painted once each (the extra presses at the edge change nothing).
    expect(paintedCount(s)).toBe(size);
    s = undoGrid(s);
    expect(paintedCount(s)).toBe(size - 1);
    s = clearGrid(s);
    expect(gridIsEmpty(s)).toBe(true);
    expect(clearGrid(s)).toBe(s); // clearing an empty grid is not an undo step
    s = undoGrid(s);
    expect(paintedCount(s)).toBe(size - 1);
  });

  it('setCell paints a cell from pointer input, clamped to the grid', () => {
    const s = setCell(emptyGrid(size), size - 0.3, 100, 1);
    expect([s.row, s.col]).toEqual([size - 1, size - 1]);
    expect(cellAt(s)).toBe(1);
    const t = setCell(s, -4, 0.9, 1);
    expect([t.row, t.col]).toEqual([0, 0]);
    expect(paintedCount(t)).toBe(2);
    // Painting a painted cell moves the cursor but adds no undo step.
    expect(setCell(t, 0, 0, 1).past).toHaveLength(t.past.length);
  });

  it('keeps a bounded undo history', () => {
    let s = emptyGrid(size);
    for (let i = 0; i < GRID_HISTORY + 20; i++) s = toggleCell(s);
    expect(s.past).toHaveLength(GRID_HISTORY);
  });

  it('reads cells outside the grid as empty and maps pointer positions to cells', () => {
    const s = gridFromCells(size, Array.from({ length: size * size }, () => 1));
    expect(cellAt(s, -1, 0)).toBe(0);
    expect(cellAt(s, 0, size)).toBe(0);
    expect(cellAt(s, size - 1, size - 1)).toBe(1);
    const at = cellAtPoint(size, 150, 0, 300, 300);
    expect(at.col).toBeCloseTo(size / 2);
    expect(at.row).toBe(0);
    expect(cellSide(size) * size).toBeGreaterThanOrEqual(270);
  });

  it('gives its cells as a 0/1 image', () => {
    const ink = gridInk(toggleCell(emptyGrid(size)));
    expect([ink.width, ink.height]).toEqual([size, size]);
    expect(ink.data[mid * size + mid]).toBe(1);
    expect(ink.data.reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('the 28×28 grid feeds the drawing lesson', () => {
  it('a grid drawing goes through the same preprocessing as a pen drawing', () => {
    let s = emptyGrid(28);
    // A vertical bar of 10 cells at column 3.
    s = { ...s, row: 2, col: 3 };
    s = keys(s, ' ');
    for (let i = 0; i < 9; i++) s = gridKey(s, 'ArrowDown', true) ?? s;
    const ink = gridInk(s);
    expect(ink.width).toBe(28);
    const p = prepareDigit(ink);
    if (p.empty) throw new Error('expected ink');
    expect(p.box).toEqual({ x: 3, y: 2, width: 1, height: 10 });
    expect([p.scaled.width, p.scaled.height]).toEqual([2, 20]);
    expect(Math.abs(p.centre.y - FRAME_CENTRE)).toBeLessThanOrEqual(0.5);
    expect(prepareDigit(gridInk(emptyGrid(28)))).toEqual({ empty: true });
  });

  it('refuses a size that is not a whole positive number', () => {
    expect(() => emptyGrid(0)).toThrow();
    expect(() => emptyGrid(2.5)).toThrow();
  });
});
