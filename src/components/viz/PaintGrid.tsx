import { useEffect, useRef, useState } from 'preact/hooks';
import { cellAt, cellAtPoint, cellSide, gridKey, setCell, type GridState } from '../../lib/viz/paint-grid.ts';
import { strings } from '../../i18n/index.ts';

/** Canvas pixels per CSS pixel, so the lines stay sharp on high-density screens. */
const RESOLUTION = 2;
/** Paper, ink, lines and cursor: fixed colours (the grid is a picture), the same in both themes. */
const PAPER = '#ffffff';
const INK = '#111111';
const LINES = '#d4d8e0';
const CURSOR = '#d1241f';

export interface PaintGridProps {
  grid: GridState;
  /** The grid's accessible name (e.g. "28×28 のマス目"). */
  label: string;
  /** Id of the text that explains the keys (shown by the island). */
  describedBy?: string | undefined;
  /** What the live region says after a key; default "3 行 5 列、塗ってある". */
  position?: ((row: number, col: number, painted: boolean) => string) | undefined;
  onChange: (next: GridState) => void;
  /** Extra classes (an island's own sizing). */
  class?: string | undefined;
  testId?: string | undefined;
}

function paint(canvas: HTMLCanvasElement, grid: GridState, focused: boolean) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const cell = cellSide(grid.size);
  const side = grid.size * cell;
  ctx.setTransform(RESOLUTION, 0, 0, RESOLUTION, 0, 0);
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, side, side);
  ctx.fillStyle = INK;
  for (let r = 0; r < grid.size; r++) for (let c = 0; c < grid.size; c++) if (cellAt(grid, r, c)) ctx.fillRect(c * cell, r * cell, cell, cell);
  ctx.strokeStyle = LINES;
  ctx.lineWidth = 0.5;
  ctx.beginPath();
  for (let i = 1; i < grid.size; i++) {
    ctx.moveTo(i * cell, 0);
    ctx.lineTo(i * cell, side);
    ctx.moveTo(0, i * cell);
    ctx.lineTo(side, i * cell);
  }
  ctx.stroke();
  ctx.strokeStyle = CURSOR;
  ctx.lineWidth = focused ? 3 : 1.5;
  ctx.strokeRect(grid.col * cell + 1, grid.row * cell + 1, cell - 2, cell - 2);
}

/**
 * An N×N grid painted with the pointer (press on a cell toggles it; dragging paints or erases
 * likewise) or the keyboard (src/lib/viz/paint-grid.ts: arrows, shift+arrows, space/enter,
 * Home/End). The cursor's position is announced in a live region as it moves. The canvas takes
 * no touch gestures (touch-action: none), so a finger paints instead of scrolling the page.
 */
export function PaintGrid({ grid, label, describedBy, position = strings.kit.gridPosition, onChange, class: extra, testId }: PaintGridProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const latest = useRef(grid);
  latest.current = grid;
  const pointer = useRef<{ id: number; value: 0 | 1 } | null>(null);
  const [focused, setFocused] = useState(false);
  const [spoken, setSpoken] = useState('');
  const backing = grid.size * cellSide(grid.size) * RESOLUTION;

  useEffect(() => {
    if (ref.current) paint(ref.current, grid, focused);
  }, [grid, focused]);

  const apply = (next: GridState) => {
    latest.current = next;
    onChange(next);
  };

  const cellOf = (e: PointerEvent) => {
    const r = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    return cellAtPoint(latest.current.size, e.clientX - r.left, e.clientY - r.top, r.width, r.height);
  };

  return (
    <>
      <canvas
        ref={ref}
        class={extra === undefined ? 'viz-grid' : `viz-grid ${extra}`}
        width={backing}
        height={backing}
        tabIndex={0}
        role="application"
        aria-label={label}
        aria-describedby={describedBy}
        data-testid={testId}
        onFocus={() => {
          setFocused(true);
        }}
        onBlur={() => {
          setFocused(false);
        }}
        onKeyDown={(e) => {
          const next = gridKey(latest.current, e.key, e.shiftKey);
          if (!next) return;
          e.preventDefault();
          apply(next);
          setSpoken(position(next.row, next.col, cellAt(next) === 1));
        }}
        onPointerDown={(e) => {
          if (pointer.current || (e.pointerType === 'mouse' && e.button !== 0)) return;
          e.preventDefault();
          e.currentTarget.setPointerCapture(e.pointerId);
          const { row, col } = cellOf(e);
          const value = cellAt(latest.current, Math.floor(row), Math.floor(col)) ? 0 : 1;
          pointer.current = { id: e.pointerId, value };
          apply(setCell(latest.current, row, col, value));
        }}
        onPointerMove={(e) => {
          if (pointer.current?.id !== e.pointerId) return;
          const { row, col } = cellOf(e);
          const next = setCell(latest.current, row, col, pointer.current.value);
          if (next.cells !== latest.current.cells || next.row !== latest.current.row || next.col !== latest.current.col) apply(next);
        }}
        onPointerUp={() => {
          pointer.current = null;
        }}
        onPointerCancel={() => {
          pointer.current = null;
        }}
      />
      <p class="visually-hidden" aria-live="polite">
        {spoken}
      </p>
    </>
  );
}
