import { useEffect, useRef } from 'preact/hooks';
import { lineWidthFor, smoothStroke, type Pt, type StrokeModel } from '../../lib/draw/strokes.ts';

export type EditPhase = 'begin' | 'move' | 'end';

/** Canvas pixels per drawing unit (sharp on high-density screens). */
const RESOLUTION = 2;
const PAPER = '#ffffff';
const INK = '#111111';

/**
 * The drawing surface: Pointer Events for mouse, finger and pen, captured so a stroke continues
 * outside the canvas, `touch-action: none` so a finger draws instead of scrolling the page.
 * It only paints the stroke model (src/lib/draw/strokes.ts); the model owns the drawing.
 */
export function DrawCanvas({ model, version, label, describedBy, onEdit }: { model: StrokeModel; version: number; label: string; describedBy: string; onEdit: (phase: EditPhase) => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const pointer = useRef<number | null>(null);
  const frame = useRef(0);

  const paint = () => {
    frame.current = 0;
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const k = canvas.width / model.size;
    ctx.setTransform(k, 0, 0, k, 0, 0);
    ctx.fillStyle = PAPER;
    ctx.fillRect(0, 0, model.size, model.size);
    ctx.fillStyle = INK;
    ctx.strokeStyle = INK;
    const width = lineWidthFor(model.size);
    ctx.lineWidth = width;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const stroke of model.strokes) {
      const path = smoothStroke(stroke);
      const [first, ...rest] = path;
      if (!first) continue;
      ctx.beginPath();
      if (rest.length === 0) {
        ctx.arc(first.x, first.y, width / 2, 0, 2 * Math.PI);
        ctx.fill();
        continue;
      }
      ctx.moveTo(first.x, first.y);
      for (const p of rest) ctx.lineTo(p.x, p.y);
      ctx.stroke();
    }
  };
  const schedule = () => {
    frame.current ||= requestAnimationFrame(paint);
  };

  useEffect(paint, [version]);
  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
    },
    [],
  );

  const toPoint = (e: PointerEvent): Pt => {
    const r = (ref.current as HTMLCanvasElement).getBoundingClientRect();
    return { x: ((e.clientX - r.left) * model.size) / r.width, y: ((e.clientY - r.top) * model.size) / r.height };
  };

  const down = (e: PointerEvent) => {
    if (pointer.current !== null || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    ref.current?.setPointerCapture(e.pointerId);
    pointer.current = e.pointerId;
    model.begin(toPoint(e));
    schedule();
    onEdit('begin');
  };
  const move = (e: PointerEvent) => {
    if (e.pointerId !== pointer.current) return;
    e.preventDefault();
    // Browsers batch fast pen and touch samples into one event; take them all for smooth strokes.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- missing in older Safari
    const samples = e.getCoalescedEvents?.() ?? [];
    let changed = false;
    for (const s of samples.length > 0 ? samples : [e]) changed = model.extend(toPoint(s)) || changed;
    if (changed) {
      schedule();
      onEdit('move');
    }
  };
  const end = (e: PointerEvent) => {
    if (e.pointerId !== pointer.current) return;
    pointer.current = null;
    model.end();
    onEdit('end');
  };

  return (
    <canvas
      ref={ref}
      class="draw__canvas"
      width={model.size * RESOLUTION}
      height={model.size * RESOLUTION}
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      data-testid="draw-canvas"
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={end}
      onPointerCancel={end}
      onLostPointerCapture={end}
      onContextMenu={(e) => {
        e.preventDefault();
      }}
    />
  );
}
