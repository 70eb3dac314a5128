import { useEffect, useRef, useState } from 'preact/hooks';
import { GRID, cellAt, gridKey, setCell, type GridState } from '../../lib/draw/strokes.ts';

const CELL = 10;
const RESOLUTION = 2;

/**
 * The keyboard alternative: a 28×28 grid painted with the arrow keys and space or enter (and
 * by clicking or tapping cells). The cursor's position is announced as it moves.
 */
export function GridPad({
  grid,
  label,
  describedBy,
  position,
  onChange,
}: {
  grid: GridState;
  label: string;
  describedBy: string;
  position: (row: number, col: number, painted: boolean) => string;
  onChange: (next: GridState) => void;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const latest = useRef(grid);
  latest.current = grid;
  const pointer = useRef<{ id: number; value: 0 | 1 } | null>(null);
  const [focused, setFocused] = useState(false);
  const [spoken, setSpoken] = useState('');

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const size = GRID * CELL;
    ctx.setTransform(RESOLUTION, 0, 0, RESOLUTION, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, size, size);
    ctx.fillStyle = '#111111';
    for (let r = 0; r < GRID; r++) for (let c = 0; c < GRID; c++) if (cellAt(grid, r, c)) ctx.fillRect(c * CELL, r * CELL, CELL, CELL);
    ctx.strokeStyle = '#d4d8e0';
    ctx.lineWidth = 0.5;
    ctx.beginPath();
    for (let i = 1; i < GRID; i++) {
      ctx.moveTo(i * CELL, 0);
      ctx.lineTo(i * CELL, size);
      ctx.moveTo(0, i * CELL);
      ctx.lineTo(size, i * CELL);
    }
    ctx.stroke();
    ctx.strokeStyle = '#d1241f';
    ctx.lineWidth = focused ? 3 : 1.5;
    ctx.strokeRect(grid.col * CELL + 1, grid.row * CELL + 1, CELL - 2, CELL - 2);
  }, [grid, focused]);

  const apply = (next: GridState) => {
    latest.current = next;
    onChange(next);
  };

  const cellOf = (e: PointerEvent) => {
    const r = (ref.current as HTMLCanvasElement).getBoundingClientRect();
    return { row: ((e.clientY - r.top) / r.height) * GRID, col: ((e.clientX - r.left) / r.width) * GRID };
  };

  return (
    <>
      <canvas
        ref={ref}
        class="draw__canvas draw__grid"
        width={GRID * CELL * RESOLUTION}
        height={GRID * CELL * RESOLUTION}
        tabIndex={0}
        role="application"
        aria-label={label}
        aria-describedby={describedBy}
        data-testid="draw-grid"
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
          ref.current?.setPointerCapture(e.pointerId);
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
